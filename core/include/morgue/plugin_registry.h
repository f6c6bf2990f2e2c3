// PluginRegistry: the host side of the plugin contract. Finds plugin libraries, checks
// each descriptor before trusting the library, and hands out importers and exporters
// whose every call is guarded: an exception escaping a plugin becomes a PluginFailed
// Status naming the plugin and the input.
//
// Every library stays loaded for the life of the registry, and every handle keeps its
// library loaded for as long as the handle lives, even past the registry.
//
// Thread-safety: load plugins from one thread; once loading is done, const methods may
// be called concurrently. A handle is used from one thread at a time.

#ifndef MORGUE_PLUGIN_REGISTRY_H_
#define MORGUE_PLUGIN_REGISTRY_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/export.h"
#include "morgue/plugin.h"
#include "morgue/status.h"

namespace morgue {

// What the host knows of a loaded plugin: its descriptor, copied, and where it came from.
struct MORGUE_EXPORT LoadedPluginInfo {
  std::string name;
  std::string version;
  std::uint32_t kind = 0;  // PluginKind bits
  std::vector<std::string> formats;
  std::vector<std::string> extensions;  // lower-cased, with the dot
  // One for each of `extensions`, "" where the plugin declares none.
  std::vector<std::string> media_types;
  std::string description;
  std::filesystem::path path;

  bool imports() const { return (kind & kImporterKind) != 0; }
  bool exports() const { return (kind & kExporterKind) != 0; }
  // "import", "export" or "import, export".
  std::string KindName() const;
  // Whether `extension` (as ExtensionOf gives it) is one of the plugin's.
  bool OwnsExtension(std::string_view extension) const;
  // The media type the plugin declares for `extension` (as ExtensionOf gives it), or
  // "application/octet-stream" when it declares none or the extension is not its own.
  std::string MediaTypeOf(std::string_view extension) const;
};

// A path's extension as plugins see it: lower-cased (ASCII), with the dot, "" for none.
MORGUE_EXPORT std::string ExtensionOf(const std::filesystem::path& path);

// A library the registry looked at and did not load, and why.
struct RefusedPlugin {
  std::filesystem::path path;
  Status reason;
  // Refused because another user could have written it (see PluginRegistryOptions), not
  // because of what it is: hosts tell the user about these even when not asked.
  bool unsafe_permissions = false;
};

struct PluginRegistryOptions {
  // Loading a library runs its code with the user's rights, so by default the registry
  // refuses, before opening it, a library that another user could have replaced: one
  // that is not owned by the current user or root, or that is writable by its group or
  // by others, or that lies in such a folder (the rule, like OpenSSH's StrictModes, is in
  // plugins/README.md). True loads such libraries anyway; only for folders whose every
  // writer the user trusts.
  bool allow_unsafe_permissions = false;
};

// A container opened by an importer plugin (see morgue/container.h). It keeps the plugin
// loaded while it lives. Never throws: an exception in the plugin's Next becomes
// PluginFailed naming the plugin and the container. Use from one thread at a time.
class MORGUE_EXPORT ContainerHandle {
 public:
  ContainerHandle(std::shared_ptr<Importer> importer, std::unique_ptr<ContainerReader> reader,
                  std::string plugin, std::string container);
  // The reader's Next, `item` reset first.
  Result<bool> Next(ContainerItem& item);

 private:
  std::shared_ptr<Importer> importer_;  // destroyed after the reader: holds the library
  std::unique_ptr<ContainerReader> reader_;
  std::string plugin_;
  std::string container_;
};

// An importer created by a plugin. Never throws.
class MORGUE_EXPORT ImporterHandle {
 public:
  ImporterHandle(std::shared_ptr<Importer> importer, std::shared_ptr<const LoadedPluginInfo> info);
  const LoadedPluginInfo& info() const { return *info_; }
  // The plugin's score, ProbeInput::extension and own_extension filled for this plugin
  // (whatever `input` holds in them); an exception counts as kProbeNo and, when `error` is given,
  // its message is put there (naming the plugin and the input).
  int Probe(const ProbeInput& input, std::string* error = nullptr) const;
  // The plugin's ReadsLineByLine, `input` filled as for Probe; an exception counts as
  // false.
  bool ReadsLineByLine(const ProbeInput& input, std::string_view format) const;
  // The plugin's ReadsContainer, `input` filled as for Probe; an exception counts as false.
  bool ReadsContainer(const ProbeInput& input, std::string_view format) const;
  // The plugin's Import, with ImportInput::extension filled; an exception becomes PluginFailed
  // naming plugin and input.
  Status Import(const ImportInput& input, ArticleSink& sink);
  // The plugin's OpenContainer, ImportInput::extension filled as for Import; an exception
  // becomes PluginFailed naming plugin and input. `source` must outlive the handle.
  Result<ContainerHandle> OpenContainer(const ImportInput& input, ByteSource& source);

 private:
  // `input` as this plugin sees it: with `extension` (which must outlive the result) and
  // whether it is one of the plugin's own.
  ProbeInput Seen(const ProbeInput& input, std::string_view extension) const;

  std::shared_ptr<Importer> importer_;
  std::shared_ptr<const LoadedPluginInfo> info_;
};

// An exporter created by a plugin. Never throws.
class MORGUE_EXPORT ExporterHandle {
 public:
  ExporterHandle(std::shared_ptr<Exporter> exporter, std::shared_ptr<const LoadedPluginInfo> info);
  const LoadedPluginInfo& info() const { return *info_; }
  Status Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out);

 private:
  std::shared_ptr<Exporter> exporter_;
  std::shared_ptr<const LoadedPluginInfo> info_;
};

// One candidate of a probe, for messages and `morgue import --explain`.
struct ProbeScore {
  std::string plugin;
  int score = 0;
};

class MORGUE_EXPORT PluginRegistry {
 public:
  PluginRegistry();
  explicit PluginRegistry(PluginRegistryOptions options);
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  // The folders searched for plugins, in order: each of `explicit_dirs`, then the
  // entries of MORGUE_PLUGIN_PATH (colon-separated), then each of `fallback_dirs`.
  static std::vector<std::filesystem::path> SearchPath(
      const std::vector<std::filesystem::path>& explicit_dirs,
      const std::vector<std::filesystem::path>& fallback_dirs);

  // Loads every plugin library (files ending in the platform's shared-library suffix)
  // directly inside `dir`. A missing folder is skipped silently; a refused library is
  // recorded in refused(). A plugin whose name is already loaded is refused as shadowed,
  // so earlier folders in the search path win.
  void LoadDirectory(const std::filesystem::path& dir);

  // Loads one library. On failure the reason is returned and recorded in refused(). A
  // library with unsafe permissions is refused before it is opened, with a message that
  // says what is wrong and how to fix it.
  Status LoadFile(const std::filesystem::path& file);

  const std::vector<std::shared_ptr<const LoadedPluginInfo>>& plugins() const;
  const std::vector<RefusedPlugin>& refused() const;

  // All formats the loaded importers / exporters accept, sorted. A plugin that both
  // imports and exports lists its formats once for both; the formats its exporter refuses
  // (see ExportFormatsOf) are import-only and not among ExportFormats.
  std::vector<std::string> ImportFormats() const;
  std::vector<std::string> ExportFormats() const;

  // The formats, in the plugin's own order, that the exporter of the plugin named `plugin`
  // writes; empty when no such exporter is loaded. The exporter is asked by exporting an
  // empty selection in each format: a format it refuses with InvalidArgument is one it
  // only imports. An exporter that refuses every format tells nothing, and keeps them all.
  std::vector<std::string> ExportFormatsOf(std::string_view plugin) const;

  // The field names the exporter of `format` takes in ExportOptions::fields, as it lists
  // them when refusing an unknown one (an InvalidArgument message ending "valid fields:
  // a, b, c", the convention of plugin.h); empty when it does not say.
  std::vector<std::string> ExportFields(std::string_view format) const;

  // A new importer for a format name (or a plugin name); NotFound lists the choices.
  Result<ImporterHandle> ImporterFor(std::string_view format) const;
  // A new exporter for a format name its exporter writes (or a plugin name); NotFound
  // lists the choices, and says so when the format is one a plugin only imports.
  Result<ExporterHandle> ExporterFor(std::string_view format) const;

  // Asks every importer to probe `input` and returns a new importer of the best one,
  // with ImportInput::format set to that plugin's first format. No importer scoring
  // above zero is NotFound, and a tie at the top (or no importer loaded at all)
  // InvalidArgument, listing the candidates and suggesting --format.
  Result<ImporterHandle> ChooseImporter(const ProbeInput& input, std::string* format) const;

  // Every importer's score for `input`, best first.
  std::vector<ProbeScore> ProbeAll(const ProbeInput& input) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue

#endif  // MORGUE_PLUGIN_REGISTRY_H_
