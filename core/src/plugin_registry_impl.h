// The plugin registry's private state (PluginRegistry::Impl) and what its two files
// share: plugin_loading.cc opens a library and checks its descriptor; plugin_registry.cc
// finds plugins, chooses among them and hands out guarded objects.
//
// Thread-safety: as PluginRegistry (plugin_registry.h): loading is single-threaded; once
// loaded, the registry is only read.

#ifndef MORGUE_CORE_SRC_PLUGIN_REGISTRY_IMPL_H_
#define MORGUE_CORE_SRC_PLUGIN_REGISTRY_IMPL_H_

#include <boost/dll/shared_library.hpp>
#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/plugin_registry.h"

namespace morgue {
namespace internal {

// 'path', as messages quote a file.
inline std::string Quote(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// Splits a comma-separated descriptor list, trimming items and dropping empty ones.
std::vector<std::string> SplitList(const char* list);

// Deletes a plugin's object and only then lets go of the library holding its code: the
// destructor must run while that code is still mapped.
struct PluginObjectDeleter {
  std::shared_ptr<const boost::dll::shared_library> library;

  template <typename T>
  void operator()(T* object) {
    delete object;
    library.reset();
  }
};

// One loaded library and what was read from it.
struct LoadedPlugin {
  std::shared_ptr<const boost::dll::shared_library> library;
  std::shared_ptr<const LoadedPluginInfo> info;
  ImporterFactory* create_importer = nullptr;
  ExporterFactory* create_exporter = nullptr;
  // Shared by every Probe: Probe is const and must not modify it.
  std::shared_ptr<Importer> prober;
};

}  // namespace internal

// Plain data: the logic lives in file-local functions, so that nothing of it is exported
// along with the (exported) PluginRegistry.
struct PluginRegistry::Impl {
  PluginRegistryOptions options;
  std::vector<internal::LoadedPlugin> loaded;
  std::vector<std::shared_ptr<const LoadedPluginInfo>> infos;
  std::vector<RefusedPlugin> refused;

  Status Refuse(const std::filesystem::path& file, Status reason, bool unsafe_permissions = false) {
    refused.push_back({file, reason, unsafe_permissions});
    return reason;
  }
};

namespace internal {

// Calls a plugin factory, which may throw or return null, and wraps the object so that it
// keeps its library loaded.
template <typename T>
Result<std::shared_ptr<T>> CreateObject(T* (*factory)(), const LoadedPlugin& plugin,
                                        std::string_view what) {
  const std::string failed =
      "plugin '" + plugin.info->name + "' failed to create its " + std::string(what) + ": ";
  T* object = nullptr;
  try {
    object = factory();
  } catch (const std::exception& e) {
    return Status::PluginFailed(failed + e.what());
  } catch (...) {
    return Status::PluginFailed(failed + "unknown exception");
  }
  if (object == nullptr) {
    return Status::PluginFailed("plugin '" + plugin.info->name + "' created no " +
                                std::string(what));
  }
  try {
    return std::shared_ptr<T>(object, PluginObjectDeleter{plugin.library});
  } catch (...) {  // std::bad_alloc: the deleter has already deleted the object
    return Status::PluginFailed(failed + "out of memory");
  }
}

// Opens the library `file`, checks its descriptor (ABI, C++ runtime, layout, names, kind,
// factories) and adds it to `impl`; a refusal is recorded in impl.refused and returned.
Status LoadPlugin(PluginRegistry::Impl& impl, const std::filesystem::path& file);

}  // namespace internal
}  // namespace morgue

#endif  // MORGUE_CORE_SRC_PLUGIN_REGISTRY_IMPL_H_
