// Loading one plugin library: opening it (only from a folder whose permissions are safe),
// reading its descriptor and refusing it, with a message naming what was expected, what
// was found and the fix, when its ABI, C++ runtime, SDK layout, names or factories do not
// fit this morgue.

#include <array>
#include <cstdio>
#include <string>
#include <system_error>
#include <utility>

#include "morgue/text.h"
#include "plugin_permissions.h"
#include "plugin_registry_impl.h"
#include "string_helpers.h"

namespace morgue {
namespace internal {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDescriptorSymbol = "morgue_plugin_descriptor";
constexpr const char* kImporterSymbol = "morgue_create_importer";
constexpr const char* kExporterSymbol = "morgue_create_exporter";

// A descriptor string may be null in a hand-written descriptor; treat that as empty.
std::string CopyString(const char* s) { return s == nullptr ? std::string() : std::string(s); }

// A layout fingerprint as the refusal shows it: 16 hexadecimal digits.
std::string Fingerprint(std::uint64_t value) {
  std::array<char, 17> digits{};
  std::snprintf(digits.data(), digits.size(), "%016llx", static_cast<unsigned long long>(value));
  return digits.data();
}

// A descriptor's SDK version, which a hand-written descriptor may leave null.
std::string OrUnknown(const char* version) {
  const std::string text = CopyString(version);
  return text.empty() ? std::string("unknown") : text;
}

// Splits a comma-separated descriptor list keeping empty items in their places, so that
// item i stays beside item i of a parallel list.
std::vector<std::string> SplitItems(const char* list) {
  std::vector<std::string> items;
  if (list == nullptr || *list == '\0') {
    return items;
  }
  std::string_view rest(list);
  while (true) {
    const size_t comma = rest.find(',');
    items.emplace_back(TrimAscii(rest.substr(0, comma)));
    if (comma == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(comma + 1);
  }
  return items;
}

// Boost.DLL reports "boost::dll::shared_library::load() failed (dlerror system message:
// <file>: <reason>): <errno text>"; users only need <reason>.
std::string LoadErrorText(const std::system_error& error, const fs::path& file) {
  std::string text = error.what();
  const std::string code_text = ": " + error.code().message();
  if (text.ends_with(code_text)) {
    text.resize(text.size() - code_text.size());
  }
  const std::string marker = "(dlerror system message: ";
  const size_t start = text.find(marker);
  if (start == std::string::npos) {
    return text;
  }
  text.erase(0, start + marker.size());
  if (text.ends_with(')')) {
    text.pop_back();
  }
  const std::string file_prefix = file.string() + ": ";
  if (text.starts_with(file_prefix)) {
    text.erase(0, file_prefix.size());
  }
  return text;
}

}  // namespace

// Splits a comma-separated descriptor list, trimming items and dropping empty ones.
std::vector<std::string> SplitList(const char* list) {
  std::vector<std::string> items = SplitItems(list);
  std::erase(items, std::string());
  return items;
}

Status LoadPlugin(PluginRegistry::Impl& impl, const fs::path& file) {
  std::error_code ec;
  if (!fs::exists(file, ec)) {
    return impl.Refuse(file, Status::NotFound("plugin file " + Quote(file) + " does not exist"));
  }
  if (!fs::is_regular_file(file, ec)) {
    return impl.Refuse(file, Status::InvalidArgument(Quote(file) + " is not a file"));
  }
  // Checked before the library is opened: opening it runs its constructors. What is
  // loaded is the resolved path that was checked, not a link that could change meanwhile.
  fs::path checked = file;
  if (!impl.options.allow_unsafe_permissions) {
    Status safe = internal::CheckPluginPermissions(file, &checked);
    if (!safe.ok()) {
      return impl.Refuse(file, safe, safe.code() == StatusCode::kPluginIncompatible);
    }
  }

  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    // Resolve every symbol now: a plugin missing a symbol fails here, not mid-import.
    library->load(checked, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::system_error& e) {
    return impl.Refuse(
        file, Status::PluginIncompatible(
                  Quote(file) + " is not a loadable shared library: " + LoadErrorText(e, checked)));
  }

  if (!library->has(kDescriptorSymbol)) {
    return impl.Refuse(file, Status::PluginIncompatible(
                                 Quote(file) + " is not a morgue plugin: it exports no " +
                                 kDescriptorSymbol + " (was it built with MORGUE_PLUGIN?)"));
  }
  // What get_alias<const PluginDescriptor> reads, without dereferencing a null alias.
  const PluginDescriptor* descriptor = library->get<const PluginDescriptor*>(kDescriptorSymbol);
  if (descriptor == nullptr) {
    return impl.Refuse(
        file, Status::PluginIncompatible(Quote(file) + " exports a null " + kDescriptorSymbol));
  }

  // Only the plain C descriptor may be read before these two checks pass: with another
  // ABI or C++ runtime, any C++ object of the plugin could be laid out differently.
  if (descriptor->abi_version != kPluginAbiVersion) {
    return impl.Refuse(file, Status::PluginIncompatible(
                                 Quote(file) + " was built for plugin ABI " +
                                 std::to_string(descriptor->abi_version) +
                                 ", this morgue expects ABI " + std::to_string(kPluginAbiVersion) +
                                 ": rebuild the plugin against this morgue's SDK"));
  }
  // The fields ABI 5 added are read only when the plugin's descriptor has them.
  constexpr size_t kAbi5Size = offsetof(PluginDescriptor, sdk_version) + sizeof(const char*);
  if (descriptor->descriptor_size < kAbi5Size) {
    return impl.Refuse(
        file, Status::PluginIncompatible(
                  Quote(file) + " declares a descriptor of " +
                  std::to_string(descriptor->descriptor_size) + " bytes, fewer than plugin ABI " +
                  std::to_string(kPluginAbiVersion) + " has (" + std::to_string(kAbi5Size) +
                  "): rebuild the plugin against this morgue's SDK"));
  }
  const std::string tag = CopyString(descriptor->compiler_tag);
  if (tag != MORGUE_COMPILER_TAG) {
    return impl.Refuse(file, Status::PluginIncompatible(
                                 Quote(file) + " was built for the C++ runtime '" + tag +
                                 "', this morgue expects '" MORGUE_COMPILER_TAG
                                 "': rebuild the plugin with the compiler and standard library "
                                 "this morgue was built with"));
  }

  // The same ABI number but another layout: the SDK changed what crosses without raising
  // the number. Any C++ object passed between the two would be misread.
  if (descriptor->layout_fingerprint != kPluginLayoutFingerprint) {
    return impl.Refuse(
        file, Status::PluginIncompatible(
                  Quote(file) + " was built against a morgue SDK whose classes are laid out " +
                  "differently from this morgue's, though both say plugin ABI " +
                  std::to_string(kPluginAbiVersion) + " (layout fingerprint " +
                  Fingerprint(descriptor->layout_fingerprint) + " in SDK " +
                  OrUnknown(descriptor->sdk_version) + ", this morgue's " +
                  Fingerprint(kPluginLayoutFingerprint) +
                  " in SDK " MORGUE_SDK_VERSION "): rebuild the plugin against this morgue's SDK"));
  }

  auto info = std::make_shared<LoadedPluginInfo>();
  info->name = CopyString(descriptor->name);
  info->version = CopyString(descriptor->version);
  info->kind = descriptor->kind;
  info->formats = SplitList(descriptor->formats);
  info->description = CopyString(descriptor->description);
  // Media types came after ABI 5's first descriptors: read only when the plugin has them.
  constexpr size_t kMediaTypesEnd = offsetof(PluginDescriptor, media_types) + sizeof(const char*);
  std::vector<std::string> media_types;
  if (descriptor->descriptor_size >= kMediaTypesEnd) {
    media_types = SplitItems(descriptor->media_types);
  }
  // The two lists are parallel: an empty extension item goes with its media type, so that
  // the extensions after it keep theirs.
  const std::vector<std::string> extensions = SplitItems(descriptor->extensions);
  for (size_t i = 0; i < extensions.size(); ++i) {
    if (extensions[i].empty()) {
      continue;
    }
    info->extensions.push_back(LowerAscii(extensions[i]));
    info->media_types.push_back(i < media_types.size() ? media_types[i] : std::string());
  }
  info->path = file;
  if (info->name.empty()) {
    return impl.Refuse(file, Status::PluginIncompatible(Quote(file) + " declares no plugin name"));
  }
  if (info->kind == 0 || (info->kind & ~uint32_t{kImporterKind | kExporterKind}) != 0) {
    return impl.Refuse(
        file, Status::PluginIncompatible(Quote(file) + " declares plugin kind " +
                                         std::to_string(info->kind) +
                                         "; a plugin imports (1), exports (2) or both (3)"));
  }
  // A plugin with no formats can still be asked for by name: its name is its format.
  if (info->formats.empty()) {
    info->formats.push_back(info->name);
  }

  LoadedPlugin plugin;
  plugin.library = library;
  plugin.info = info;
  if (info->imports()) {
    if (!library->has(kImporterSymbol)) {
      return impl.Refuse(
          file, Status::PluginIncompatible(Quote(file) + " declares an importer but exports no " +
                                           kImporterSymbol));
    }
    plugin.create_importer = library->get_alias<ImporterFactory>(kImporterSymbol);
  }
  if (info->exports()) {
    if (!library->has(kExporterSymbol)) {
      return impl.Refuse(
          file, Status::PluginIncompatible(Quote(file) + " declares an exporter but exports no " +
                                           kExporterSymbol));
    }
    plugin.create_exporter = library->get_alias<ExporterFactory>(kExporterSymbol);
  }

  for (const LoadedPlugin& other : impl.loaded) {
    if (other.info->name == info->name) {
      return impl.Refuse(file, Status::InvalidArgument("plugin '" + info->name + "' in " +
                                                       Quote(file) + " is shadowed by " +
                                                       Quote(other.info->path) + ", loaded first"));
    }
  }

  if (plugin.create_importer != nullptr) {
    Result<std::shared_ptr<Importer>> prober =
        CreateObject(plugin.create_importer, plugin, "importer");
    if (!prober.ok()) {
      return impl.Refuse(file, prober.status().WithContext(Quote(file)));
    }
    plugin.prober = std::move(prober).value();
  }
  impl.infos.push_back(info);
  impl.loaded.push_back(std::move(plugin));
  return Status::OK();
}

}  // namespace internal
}  // namespace morgue
