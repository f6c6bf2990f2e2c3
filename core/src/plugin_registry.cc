// The plugin registry: where plugins are looked for, which plugin serves a format or an
// input (probing, with ties refused), and the guarded handles through which the host calls
// plugins. Opening and checking a library is plugin_loading.cc's.

#include "morgue/plugin_registry.h"

#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstddef>
#include <cstdlib>
#include <exception>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "morgue/text.h"
#include "plugin_registry_impl.h"
#include "string_helpers.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using internal::CreateObject;
using internal::LoadedPlugin;
using internal::Quote;

// "a", "a and b", "a, b and c" (or "a, b or c" with " or ").
std::string JoinWithAnd(const std::vector<std::string>& items, std::string_view last = " and ") {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += i + 1 == items.size() ? last : ", ";
    }
    out += items[i];
  }
  return out;
}

std::string InputName(const ProbeInput& input) {
  return input.path.empty() ? std::string("<stdin>") : input.path.string();
}

struct Candidate {
  const LoadedPlugin* plugin;
  int score;
  std::string error;  // why the probe failed, when it threw
};

Result<ImporterHandle> NewImporter(const LoadedPlugin& plugin) {
  MORGUE_ASSIGN_OR_RETURN(std::shared_ptr<Importer> importer,
                          CreateObject(plugin.create_importer, plugin, "importer"));
  return ImporterHandle(std::move(importer), plugin.info);
}

Result<ExporterHandle> NewExporter(const LoadedPlugin& plugin) {
  MORGUE_ASSIGN_OR_RETURN(std::shared_ptr<Exporter> exporter,
                          CreateObject(plugin.create_exporter, plugin, "exporter"));
  return ExporterHandle(std::move(exporter), plugin.info);
}

// What an exporter is given when the host only asks it a question.
class EmptyCursor : public ArticleCursor {
 public:
  bool Next(Article* /*article*/) override { return false; }
  Status status() const override { return Status::OK(); }
};

class DiscardingSink : public ByteSink {
 public:
  Status Write(std::string_view /*bytes*/) override { return Status::OK(); }
};

// A field name no exporter knows, so that it answers with the ones it does.
constexpr const char* kNoSuchField = "?";

// Exports nothing in `format`: how the host asks an exporter whether it writes a format
// (and, with an unknown field, which fields it takes). Guarded like every plugin call.
Status ExportNothing(const LoadedPlugin& plugin, const std::string& format,
                     std::vector<std::string> fields = {}) {
  MORGUE_ASSIGN_OR_RETURN(ExporterHandle exporter, NewExporter(plugin));
  EmptyCursor nothing;
  DiscardingSink sink;
  ExportOptions options;
  options.format = format;
  options.fields = std::move(fields);
  return exporter.Export(nothing, options, sink);
}

// The plugin's formats its exporter writes: all but those it refuses as arguments. Any
// other answer (even a failure) is no refusal of the format, and an exporter that refuses
// every format, e.g. for want of a parameter, tells nothing: it keeps them all.
std::vector<std::string> WrittenFormats(const LoadedPlugin& plugin) {
  if (plugin.create_exporter == nullptr) {
    return {};
  }
  std::vector<std::string> written;
  for (const std::string& format : plugin.info->formats) {
    if (ExportNothing(plugin, format).code() != StatusCode::kInvalidArgument) {
      written.push_back(format);
    }
  }
  return written.empty() ? plugin.info->formats : written;
}

const LoadedPlugin* FindImporter(const PluginRegistry::Impl& impl, std::string_view format) {
  for (const LoadedPlugin& plugin : impl.loaded) {
    const auto& formats = plugin.info->formats;
    if (plugin.create_importer != nullptr &&
        std::find(formats.begin(), formats.end(), format) != formats.end()) {
      return &plugin;
    }
  }
  for (const LoadedPlugin& plugin : impl.loaded) {
    if (plugin.create_importer != nullptr && plugin.info->name == format) {
      return &plugin;
    }
  }
  return nullptr;
}

// The exporter for a format it writes, or by plugin name; *format becomes the format
// it will write (a plugin asked for by name writes its first).
const LoadedPlugin* FindExporter(const PluginRegistry::Impl& impl, std::string_view asked,
                                 std::string* format) {
  for (const LoadedPlugin& plugin : impl.loaded) {
    const auto& formats = plugin.info->formats;
    if (plugin.create_exporter == nullptr ||
        std::find(formats.begin(), formats.end(), asked) == formats.end()) {
      continue;
    }
    const std::vector<std::string> written = WrittenFormats(plugin);
    if (std::find(written.begin(), written.end(), asked) != written.end()) {
      *format = std::string(asked);
      return &plugin;
    }
  }
  for (const LoadedPlugin& plugin : impl.loaded) {
    if (plugin.create_exporter != nullptr && plugin.info->name == asked) {
      const std::vector<std::string> written = WrittenFormats(plugin);
      *format = written.empty() ? std::string(asked) : written.front();
      return &plugin;
    }
  }
  return nullptr;
}

// The list after "valid fields: " in an exporter's refusal of an unknown field.
std::vector<std::string> FieldsNamedIn(const Status& refusal) {
  constexpr std::string_view kMarker = "valid fields: ";
  if (refusal.code() != StatusCode::kInvalidArgument) {
    return {};
  }
  const std::string& message = refusal.message();
  const size_t at = message.rfind(kMarker);
  if (at == std::string::npos) {
    return {};
  }
  const std::string list = message.substr(at + kMarker.size());
  return internal::SplitList(list.c_str());
}

// Every importer's guarded score, best first; equal scores stay in load order.
std::vector<Candidate> Probe(const PluginRegistry::Impl& impl, const ProbeInput& input) {
  std::vector<Candidate> candidates;
  for (const LoadedPlugin& plugin : impl.loaded) {
    if (plugin.prober == nullptr) {
      continue;
    }
    const ImporterHandle prober(plugin.prober, plugin.info);
    Candidate candidate{&plugin, 0, {}};
    candidate.score = prober.Probe(input, &candidate.error);
    candidates.push_back(std::move(candidate));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  return candidates;
}

}  // namespace

std::string LoadedPluginInfo::KindName() const {
  if (imports() && exports()) {
    return "import, export";
  }
  if (imports()) {
    return "import";
  }
  if (exports()) {
    return "export";
  }
  return "none";
}

bool LoadedPluginInfo::OwnsExtension(std::string_view extension) const {
  return !extension.empty() &&
         std::find(extensions.begin(), extensions.end(), extension) != extensions.end();
}

std::string LoadedPluginInfo::MediaTypeOf(std::string_view extension) const {
  const auto it = std::find(extensions.begin(), extensions.end(), extension);
  if (extension.empty() || it == extensions.end()) {
    return "application/octet-stream";
  }
  const auto index = static_cast<size_t>(it - extensions.begin());
  const bool declared = index < media_types.size() && !media_types[index].empty();
  return declared ? media_types[index] : "application/octet-stream";
}

std::string ExtensionOf(const std::filesystem::path& path) {
  return LowerAscii(path.extension().string());
}

namespace {
// The extension a plugin sees: the path's, or, for a document from a container, which
// has no path of its own, the one it came with.
std::string ExtensionSeen(const std::filesystem::path& path, std::string_view given) {
  return path.empty() ? LowerAscii(given) : ExtensionOf(path);
}
}  // namespace

ImporterHandle::ImporterHandle(std::shared_ptr<Importer> importer,
                               std::shared_ptr<const LoadedPluginInfo> info)
    : importer_(std::move(importer)), info_(std::move(info)) {}

ProbeInput ImporterHandle::Seen(const ProbeInput& input, std::string_view extension) const {
  ProbeInput seen = input;
  seen.extension = extension;
  seen.own_extension = info_->OwnsExtension(extension);
  return seen;
}

int ImporterHandle::Probe(const ProbeInput& input, std::string* error) const {
  if (importer_ == nullptr) {
    return kProbeNo;
  }
  const auto failed = [&](std::string_view why) {
    if (error != nullptr) {
      *error = "plugin '" + info_->name + "' failed probing '" + InputName(input) +
               "': " + std::string(why);
    }
    return kProbeNo;
  };
  try {
    // A score outside 0..100 would let one plugin outbid every certain match.
    const std::string extension = ExtensionSeen(input.path, input.extension);
    return std::clamp(importer_->Probe(Seen(input, extension)), kProbeNo, kProbeCertain);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

bool ImporterHandle::ReadsLineByLine(const ProbeInput& input, std::string_view format) const {
  if (importer_ == nullptr) return false;
  try {
    const std::string extension = ExtensionSeen(input.path, input.extension);
    return importer_->ReadsLineByLine(Seen(input, extension), format);
  } catch (...) {  // the input is then read whole, which every importer can do
    return false;
  }
}

bool ImporterHandle::ReadsContainer(const ProbeInput& input, std::string_view format) const {
  if (importer_ == nullptr) return false;
  try {
    const std::string extension = ExtensionSeen(input.path, input.extension);
    return importer_->ReadsContainer(Seen(input, extension), format);
  } catch (...) {  // the input is then read whole, as a single document
    return false;
  }
}

Result<ContainerHandle> ImporterHandle::OpenContainer(const ImportInput& input,
                                                      ByteSource& source) {
  const auto failed = [&](std::string_view why) {
    return Status::PluginFailed("plugin '" + info_->name + "' failed on '" + input.name +
                                "': " + std::string(why));
  };
  if (importer_ == nullptr) return failed("no importer");
  try {
    const std::string extension = ExtensionSeen(input.path, input.extension);
    ImportInput seen = input;
    seen.extension = extension;
    MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<ContainerReader> reader,
                            importer_->OpenContainer(seen, source));
    if (reader == nullptr) return failed("opened no container reader");
    return ContainerHandle(importer_, std::move(reader), info_->name, input.name);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

ContainerHandle::ContainerHandle(std::shared_ptr<Importer> importer,
                                 std::unique_ptr<ContainerReader> reader, std::string plugin,
                                 std::string container)
    : importer_(std::move(importer)),
      reader_(std::move(reader)),
      plugin_(std::move(plugin)),
      container_(std::move(container)) {}

Result<bool> ContainerHandle::Next(ContainerItem& item) {
  const auto failed = [&](std::string_view why) {
    return Status::PluginFailed("plugin '" + plugin_ + "' failed on '" + container_ +
                                "': " + std::string(why));
  };
  try {
    item = ContainerItem();
    return reader_->Next(item);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

Status ImporterHandle::Import(const ImportInput& input, ArticleSink& sink) {
  const auto failed = [&](std::string_view why) {
    return Status::PluginFailed("plugin '" + info_->name + "' failed on '" + input.name +
                                "': " + std::string(why));
  };
  if (importer_ == nullptr) {
    return failed("no importer");
  }
  try {
    const std::string extension = ExtensionSeen(input.path, input.extension);
    ImportInput seen = input;
    seen.extension = extension;
    return importer_->Import(seen, sink);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

ExporterHandle::ExporterHandle(std::shared_ptr<Exporter> exporter,
                               std::shared_ptr<const LoadedPluginInfo> info)
    : exporter_(std::move(exporter)), info_(std::move(info)) {}

Status ExporterHandle::Export(ArticleCursor& articles, const ExportOptions& options,
                              ByteSink& out) {
  const auto failed = [&](std::string_view why) {
    return Status::PluginFailed("plugin '" + info_->name + "' failed exporting format '" +
                                options.format + "': " + std::string(why));
  };
  if (exporter_ == nullptr) {
    return failed("no exporter");
  }
  try {
    return exporter_->Export(articles, options, out);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

PluginRegistry::PluginRegistry() : impl_(std::make_unique<Impl>()) {}

PluginRegistry::PluginRegistry(PluginRegistryOptions options) : PluginRegistry() {
  impl_->options = options;
}

// Handles hold their own reference to their library, so unloading here is safe.
PluginRegistry::~PluginRegistry() = default;

std::vector<fs::path> PluginRegistry::SearchPath(const std::vector<fs::path>& explicit_dirs,
                                                 const std::vector<fs::path>& fallback_dirs) {
  std::vector<fs::path> candidates = explicit_dirs;
  if (const char* env = std::getenv("MORGUE_PLUGIN_PATH"); env != nullptr) {
    std::string_view rest(env);
    while (true) {
      const size_t colon = rest.find(':');
      std::string_view entry = rest.substr(0, colon);
      if (!entry.empty()) {
        candidates.emplace_back(entry);
      }
      if (colon == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(colon + 1);
    }
  }
  candidates.insert(candidates.end(), fallback_dirs.begin(), fallback_dirs.end());

  std::vector<fs::path> dirs;
  std::set<fs::path> seen;
  for (const fs::path& dir : candidates) {
    if (dir.empty()) {
      continue;
    }
    std::error_code ec;
    // weakly_canonical resolves links but leaves "missing/.." and a trailing "/" as written.
    fs::path key = fs::weakly_canonical(dir, ec);
    key = (ec ? dir : key).lexically_normal();
    if (!key.has_filename() && key.has_relative_path()) {
      key = key.parent_path();
    }
    if (seen.insert(key).second) {
      dirs.push_back(dir);
    }
  }
  return dirs;
}

void PluginRegistry::LoadDirectory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return;
  }
  std::vector<fs::path> files;
  const fs::path suffix = boost::dll::shared_library::suffix();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    if (it->path().extension() == suffix && it->is_regular_file(type_ec)) {
      files.push_back(it->path());
    }
  }
  if (ec) {
    impl_->refused.push_back(
        {dir, Status::IOError("cannot read plugin folder " + Quote(dir) + ": " + ec.message())});
    return;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    (void)LoadFile(file);  // a refusal is recorded in refused()
  }
}

Status PluginRegistry::LoadFile(const fs::path& file) {
  try {
    return internal::LoadPlugin(*impl_, file);
  } catch (const std::exception& e) {  // e.g. std::bad_alloc or a failing path conversion
    return impl_->Refuse(
        file, Status::PluginIncompatible("cannot load plugin " + Quote(file) + ": " + e.what()));
  }
}

const std::vector<std::shared_ptr<const LoadedPluginInfo>>& PluginRegistry::plugins() const {
  return impl_->infos;
}

const std::vector<RefusedPlugin>& PluginRegistry::refused() const { return impl_->refused; }

namespace {

std::vector<std::string> FormatsOf(const std::vector<LoadedPlugin>& loaded, uint32_t kind) {
  std::set<std::string> formats;
  for (const LoadedPlugin& plugin : loaded) {
    if ((plugin.info->kind & kind) == 0) {
      continue;
    }
    if (kind == kExporterKind) {
      const std::vector<std::string> written = WrittenFormats(plugin);
      formats.insert(written.begin(), written.end());
    } else {
      formats.insert(plugin.info->formats.begin(), plugin.info->formats.end());
    }
  }
  return {formats.begin(), formats.end()};
}

Status NoPluginFor(std::string_view format, std::string_view direction,
                   const std::vector<std::string>& available,
                   const std::vector<std::string>& other_direction) {
  std::string message =
      "no " + std::string(direction) + " for format '" + std::string(format) + "'";
  if (std::find(other_direction.begin(), other_direction.end(), format) != other_direction.end()) {
    message += " (a plugin has it, but not as an " + std::string(direction) + ")";
  }
  if (available.empty()) {
    message += "; no " + std::string(direction) + " plugins are loaded (see `morgue plugins`)";
  } else {
    message += "; available: " + Join(available, ", ");
  }
  return Status::NotFound(std::move(message));
}

}  // namespace

std::vector<std::string> PluginRegistry::ImportFormats() const {
  return FormatsOf(impl_->loaded, kImporterKind);
}

std::vector<std::string> PluginRegistry::ExportFormats() const {
  return FormatsOf(impl_->loaded, kExporterKind);
}

std::vector<std::string> PluginRegistry::ExportFormatsOf(std::string_view plugin) const {
  for (const LoadedPlugin& loaded : impl_->loaded) {
    if (loaded.info->name == plugin) {
      return WrittenFormats(loaded);
    }
  }
  return {};
}

std::vector<std::string> PluginRegistry::ExportFields(std::string_view format) const {
  std::string written;
  const LoadedPlugin* plugin = FindExporter(*impl_, format, &written);
  if (plugin == nullptr) {
    return {};
  }
  return FieldsNamedIn(ExportNothing(*plugin, written, {kNoSuchField}));
}

Result<ImporterHandle> PluginRegistry::ImporterFor(std::string_view format) const {
  const LoadedPlugin* plugin = FindImporter(*impl_, format);
  if (plugin == nullptr) {
    return NoPluginFor(format, "importer", ImportFormats(), ExportFormats());
  }
  return NewImporter(*plugin);
}

Result<ExporterHandle> PluginRegistry::ExporterFor(std::string_view format) const {
  std::string written;
  const LoadedPlugin* plugin = FindExporter(*impl_, format, &written);
  if (plugin == nullptr) {
    return NoPluginFor(format, "exporter", ExportFormats(), ImportFormats());
  }
  return NewExporter(*plugin);
}

std::vector<ProbeScore> PluginRegistry::ProbeAll(const ProbeInput& input) const {
  std::vector<ProbeScore> scores;
  for (const Candidate& candidate : Probe(*impl_, input)) {
    scores.push_back({candidate.plugin->info->name, candidate.score});
  }
  return scores;
}

Result<ImporterHandle> PluginRegistry::ChooseImporter(const ProbeInput& input,
                                                      std::string* format) const {
  const std::string name = InputName(input);
  const std::vector<Candidate> candidates = Probe(*impl_, input);
  if (candidates.empty()) {
    return Status::InvalidArgument("no importer plugins are loaded, so nothing can read '" + name +
                                   "' (see `morgue plugins`)");
  }
  const int best = candidates.front().score;
  if (best <= kProbeNo) {
    std::vector<std::string> scores;
    scores.reserve(candidates.size());
    for (const Candidate& c : candidates) {
      scores.push_back(c.plugin->info->name + " " + std::to_string(c.score));
    }
    std::string failures;
    for (const Candidate& c : candidates) {
      if (!c.error.empty()) failures += "; " + c.error;
    }
    // NotFound, unlike the other refusals: ImportRun skips such a file found in a folder.
    return Status::NotFound("no importer recognises '" + name + "' (scores: " + Join(scores, ", ") +
                            failures + "); name one with --format " + Join(ImportFormats(), ", "));
  }

  std::vector<std::string> tied_names;
  std::vector<std::string> tied_options;
  for (const Candidate& c : candidates) {
    if (c.score != best) {
      break;
    }
    tied_names.push_back("'" + c.plugin->info->name + "'");
    tied_options.push_back("--format " + c.plugin->info->formats.front());
  }
  if (tied_names.size() > 1) {
    return Status::InvalidArgument(
        "'" + name + "' is ambiguous: importers " + JoinWithAnd(tied_names) +
        (tied_names.size() == 2 ? " both score " : " all score ") + std::to_string(best) +
        "; choose one with " + JoinWithAnd(tied_options, " or "));
  }

  const LoadedPlugin& chosen = *candidates.front().plugin;
  Result<ImporterHandle> handle = NewImporter(chosen);
  if (handle.ok() && format != nullptr) {
    *format = chosen.info->formats.front();
  }
  return handle;
}

}  // namespace morgue
