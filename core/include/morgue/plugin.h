// The plugin contract: what an importer or exporter plugin implements, and the one
// macro that makes a shared library a morgue plugin.
//
// A plugin is a shared library (a CMake MODULE) that exports three C symbols, each a
// pointer to what it names:
//   morgue_plugin_descriptor  a plain C struct: ABI version, its own size, compiler tag,
//                             name, version, kind, formats, file extensions,
//                             description, layout fingerprint, SDK version,
//                             media types;
//   morgue_create_importer    a factory for its Importer (or null),
//   morgue_create_exporter    a factory for its Exporter (or null).
// MORGUE_PLUGIN writes all three; a plugin needs no other library's headers (the host
// loads plugins with Boost.DLL, which is no part of this contract). The host reads the
// descriptor first and refuses the library, before any C++ object crosses, when its ABI
// version, compiler tag or layout fingerprint differs from the host's own.
//
// Writing one (see plugins/README.md for a complete walk-through):
//
//   class HeadlineImporter : public morgue::Importer { ... };
//   MORGUE_PLUGIN(HeadlineImporter, morgue::NoExporter,
//                 {.name = "headline", .version = "1.0.0", .formats = "headline",
//                  .extensions = ".headline", .description = "one title per file",
//                  .media_types = "text/x-headline"})
//
// Thread-safety: the host creates a fresh Importer or Exporter for each use and calls it
// from one thread at a time; Probe may be called concurrently on a shared instance and
// must not modify it.

#ifndef MORGUE_PLUGIN_H_
#define MORGUE_PLUGIN_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "morgue/article.h"
#include "morgue/article_cursor.h"
#include "morgue/container.h"
#include "morgue/sdk_layout.h"
#include "morgue/status.h"
#include "morgue/version.h"

namespace morgue {

// The plugin ABI: raised whenever a change to what crosses between the host and a plugin
// breaks binary compatibility: the classes of this header, Article, Status, ArticleCursor
// and the structs of text.h, text_lines.h and publications.h (the layout fingerprint
// below catches a change to their data that was not followed by a raise; a change to a
// virtual function's signature or order it cannot see: raise this for those).
//   1: the first SDK.
//   2: ExportOptions::parameters (format options such as the csv delimiter).
//   3: ArticleCursor::SetParts, Importer::ReadsLineByLine, ImportInput::first_line.
//   4: Article::tag_origins.
//   5: plugin.h without Boost: MORGUE_PLUGIN exports the three C symbols itself; the
//      descriptor gains its own size, the layout fingerprint and the SDK version;
//      ArticleCursor in a header of its own; the descriptor's media types, one per
//      extension; ProbeInput::extension and own_extension, ImportInput::extension.
//   6: containers (container.h): Importer::ReadsContainer and OpenContainer;
//      Importer::Import no longer pure; ImportInput::parameters.
//   7: an article's story cluster: Article::cluster, cluster_size and similar (StoryLink,
//      now in article.h), ArticleParts::story.
inline constexpr std::uint32_t kPluginAbiVersion = 8;

#define MORGUE_STRINGIFY_IMPL(x) #x
#define MORGUE_STRINGIFY(x) MORGUE_STRINGIFY_IMPL(x)

// The C++ runtime a plugin was built for. C++ objects only cross between a host and a
// plugin whose tags are equal: same standard library, same ABI flavour, same CPU.
#if defined(_LIBCPP_VERSION)
#define MORGUE_STDLIB_TAG "libc++-abi" MORGUE_STRINGIFY(_LIBCPP_ABI_VERSION)
#elif defined(__GLIBCXX__)
#define MORGUE_STDLIB_TAG "libstdc++-cxx11abi" MORGUE_STRINGIFY(_GLIBCXX_USE_CXX11_ABI)
#else
#define MORGUE_STDLIB_TAG "unknown-stdlib"
#endif
#if defined(__x86_64__)
#define MORGUE_CPU_TAG "x86_64"
#elif defined(__aarch64__)
#define MORGUE_CPU_TAG "aarch64"
#else
#define MORGUE_CPU_TAG "other-cpu"
#endif
#define MORGUE_COMPILER_TAG MORGUE_STDLIB_TAG "/" MORGUE_CPU_TAG

// How many bytes of an input Probe sees at most.
inline constexpr std::size_t kProbeBytes = 8192;

// What an importer's Probe gets: cheap to make, so every importer can be asked.
struct ProbeInput {
  std::filesystem::path path;  // empty when reading standard input
  std::string_view head;       // the first kProbeBytes bytes (fewer for a short input)
  // The host fills these for each plugin it asks, so that a plugin knows its extensions
  // from its descriptor alone: the path's extension, lower-cased, with the dot ("" for
  // none or standard input), and whether it is one of the plugin's own (its descriptor's
  // `extensions`).
  std::string_view extension;
  bool own_extension = false;
};

// Probe scores.
inline constexpr int kProbeNo = 0;
inline constexpr int kProbePlausible = 50;
inline constexpr int kProbeCertain = 100;

// One whole input, as an importer reads it.
struct ImportInput {
  std::string name;            // how messages name it: the path, or "<stdin>"
  std::filesystem::path path;  // empty for standard input
  std::string_view bytes;      // the whole input, or one part of it (see ReadsLineByLine)
  std::string format;          // which of the plugin's formats the host chose
  // The number, counting from 1, of the first line of `bytes` in the whole input: 1 unless
  // the host hands the input over in parts (so above 1 only for the parts after the
  // first of an input that ReadsLineByLine accepted). For messages: "line 812: ...".
  std::uint64_t first_line = 1;
  // The path's extension, lower-cased, with the dot ("" for none or standard input), as
  // in ProbeInput; filled by the host.
  std::string_view extension;
  // Options of the import, by name, as the user gave them (e.g. {"drafts", "true"} from
  // `morgue import --include-drafts`); an importer ignores the names it does not know.
  std::map<std::string, std::string> parameters;
};

// Where an importer puts the articles it finds. Add validates the article and returns
// InvalidArgument when it cannot be stored; the importer should return that Status, with
// where in the input the article came from (e.g. WithContext("line 3")).
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  virtual Status Add(Article article) = 0;
};

class Importer {
 public:
  virtual ~Importer() = default;
  // How sure the importer is that it can read this input: kProbeNo (0), kProbePlausible
  // (50), kProbeCertain (100), or anything between. Pure and cheap: no I/O.
  virtual int Probe(const ProbeInput& input) const = 0;
  // Whether this importer reads `input` (seen as by Probe) in `format` as independent
  // records, one per line, such as JSON Lines. When it does, the host may hand a large
  // input over in parts, runs of whole lines in order, one Import call each with
  // ImportInput::first_line set, so that memory stays flat however large the input. The
  // input is still stored whole or not at all. Pure and cheap, like Probe.
  virtual bool ReadsLineByLine(const ProbeInput& input, std::string_view format) const {
    (void)input;
    (void)format;
    return false;
  }
  // Whether this importer reads `input` (seen as by Probe) in `format` as a container of
  // documents that other importers read (container.h). When it does, the host calls
  // OpenContainer instead of Import. Pure and cheap, like Probe.
  virtual bool ReadsContainer(const ProbeInput& input, std::string_view format) const {
    (void)input;
    (void)format;
    return false;
  }
  // Reads every article in `input` into `sink`. On a non-OK return the host discards
  // everything this input added, so an input is imported whole or not at all. An input
  // not in the format, or holding no article, is refused with Corruption; a format the
  // importer does not read with InvalidArgument (status.h says what each code means).
  virtual Status Import(const ImportInput& input, ArticleSink& sink) {
    (void)sink;
    return Status::NotSupported("importer does not read " + input.name + " as a whole input");
  }
  // Opens the container `input` for reading, for an importer whose ReadsContainer said
  // so. `input.bytes` are empty: the container is read from `source`, which the host
  // keeps alive as long as the reader. `input` itself lives only for this call: a reader
  // copies what it keeps of it (its views, such as `extension`, dangle afterwards). A
  // container not in the format is refused with Corruption, as by Import.
  virtual Result<std::unique_ptr<ContainerReader>> OpenContainer(const ImportInput& input,
                                                                 ByteSource& source) {
    (void)source;
    return Status::NotSupported("importer does not read " + input.name + " as a container");
  }
};

// Where an exporter writes its bytes: standard output or a file written atomically.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status Write(std::string_view bytes) = 0;
};

// What the host asks an exporter: `format` is one of the plugin's formats, even one the
// exporter does not write, since a plugin that imports and exports lists its formats once
// for both. An exporter refuses a format it does not write with InvalidArgument, and a
// field name it does not know with InvalidArgument whose message ends "valid fields: "
// and its field names separated by ", ". The host relies on both, exporting an empty
// selection, to learn which formats are import-only and which fields each format takes.
struct ExportOptions {
  std::string format;               // which of the plugin's formats the user asked for
  std::vector<std::string> fields;  // empty: the format's default fields
  // Options of the format, by name, e.g. {"delimiter", ";"} for csv. An exporter refuses
  // a name it does not know with InvalidArgument listing the ones it does.
  std::map<std::string, std::string> parameters;
  // The cursor gives each article's earlier revisions before it (`morgue export
  // --revisions`): a format whose default fields would not tell them apart writes
  // Article::revision by default too.
  bool every_revision = false;
};

class Exporter {
 public:
  virtual ~Exporter() = default;
  // Writes every article the cursor yields to `out`, holding no more than one article in
  // memory. Returns the first failure of the cursor, the sink or the exporter itself.
  virtual Status Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) = 0;
};

enum PluginKind : std::uint32_t {
  kImporterKind = 1,
  kExporterKind = 2,
};

// The part of a descriptor that a plugin author writes.
struct PluginInfo {
  const char* name = "";         // unique among plugins, e.g. "json"
  const char* version = "";      // the plugin's own version, e.g. "1.0.0"
  const char* formats = "";      // comma-separated format names, e.g. "json,jsonl"
  const char* extensions = "";   // comma-separated, with the dot, e.g. ".json,.jsonl"
  const char* description = "";  // one line for `morgue plugins`
  // Comma-separated media types, one for each of `extensions` in the same order, e.g.
  // "application/json,application/x-ndjson" for ".json,.jsonl": the host records a stored
  // original's media type from the extension it was read under. An input under none of
  // the plugin's extensions takes what the plugin that claims its extension declares;
  // none declared: "application/octet-stream".
  const char* media_types = "";
};

// The plain C struct every plugin exports as `morgue_plugin_descriptor`, which the host
// reads before it trusts the library. abi_version, descriptor_size and compiler_tag stay
// where they are in every version (ABI 4 and before had padding where descriptor_size
// is); later fields are only ever added at the end, and the host reads a field only when
// descriptor_size, the size the plugin was built with, covers it.
extern "C" struct PluginDescriptor {
  std::uint32_t abi_version;
  std::uint32_t descriptor_size;  // sizeof(PluginDescriptor) in the plugin's SDK
  const char* compiler_tag;
  const char* name;
  const char* version;
  std::uint32_t kind;  // PluginKind bits
  const char* formats;
  const char* extensions;
  const char* description;
  // From ABI 5.
  std::uint64_t layout_fingerprint;  // kPluginLayoutFingerprint of the plugin's SDK
  const char* sdk_version;           // MORGUE_SDK_VERSION of the plugin's SDK
  const char* media_types;           // one for each of `extensions`, comma-separated
};

// The layout fingerprint of the plugin contract: sdk_layout.h's fingerprint of the data
// that crosses, and the classes of this header.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"  // see MORGUE_LAYOUT_FIELD
// NOLINTBEGIN(bugprone-sizeof-container): the size of each member's type is measured
inline constexpr std::uint64_t kPluginLayoutFingerprint = [] {
  using namespace internal;  // NOLINT(google-build-using-namespace)
  std::uint64_t hash = kSdkDataLayoutFingerprint;
  hash = MORGUE_LAYOUT_FIELD(hash, ProbeInput, path);
  hash = MORGUE_LAYOUT_FIELD(hash, ProbeInput, head);
  hash = MORGUE_LAYOUT_FIELD(hash, ProbeInput, extension);
  hash = MORGUE_LAYOUT_FIELD(hash, ProbeInput, own_extension);
  hash = Shape<ProbeInput>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, name);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, path);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, bytes);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, format);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, first_line);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, extension);
  hash = MORGUE_LAYOUT_FIELD(hash, ImportInput, parameters);
  hash = Shape<ImportInput>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, ExportOptions, format);
  hash = MORGUE_LAYOUT_FIELD(hash, ExportOptions, fields);
  hash = MORGUE_LAYOUT_FIELD(hash, ExportOptions, parameters);
  hash = Shape<ExportOptions>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, origin);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, url);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, captured);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, title);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, authors);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, published);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, updated);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, source);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, language);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, tags);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, summary);
  hash = MORGUE_LAYOUT_FIELD(hash, DocumentHints, media);
  hash = Shape<DocumentHints>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, kind);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, id);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, offset);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, bytes);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, format);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, extension);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, media_type);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, hints);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, provenance);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, skip_reason);
  hash = MORGUE_LAYOUT_FIELD(hash, ContainerItem, failure);
  hash = Shape<ContainerItem>(hash);
  hash = Shape<ByteSource>(hash);
  hash = Shape<ContainerReader>(hash);
  hash = Shape<Result<std::unique_ptr<ContainerReader>>>(hash);
  hash = Shape<Result<std::size_t>>(hash);
  hash = Shape<Result<bool>>(hash);
  hash = Shape<ArticleSink>(hash);
  hash = Shape<ByteSink>(hash);
  hash = Shape<Importer>(hash);
  hash = Shape<Exporter>(hash);
  return Mix(hash, kProbeBytes);
}();
// NOLINTEND(bugprone-sizeof-container)
#pragma GCC diagnostic pop

// Stand-ins for a plugin that only imports or only exports.
struct NoImporter {};
struct NoExporter {};

using ImporterFactory = Importer*();
using ExporterFactory = Exporter*();

namespace plugin_internal {
template <typename T, typename Base>
Base* Create() {
  if constexpr (std::is_base_of_v<Base, T>) {
    return new T();
  } else {
    return nullptr;
  }
}
template <typename I, typename E>
constexpr std::uint32_t KindOf() {
  return (std::is_base_of_v<Importer, I> ? kImporterKind : 0u) |
         (std::is_base_of_v<Exporter, E> ? kExporterKind : 0u);
}
}  // namespace plugin_internal

}  // namespace morgue

// Exports `entity` (an object or a function) under the C name `symbol`, as the host
// looks it up: a pointer of that name, with default visibility, to the entity.
#define MORGUE_PLUGIN_EXPORT_AS(entity, symbol)                           \
  extern "C" {                                                            \
  __attribute__((visibility("default"))) extern const void* const symbol; \
  const void* const symbol = reinterpret_cast<const void*>(&(entity));    \
  }

// The one entry macro of a plugin. ImporterClass / ExporterClass are default-constructible
// classes deriving from morgue::Importer / morgue::Exporter, or morgue::NoImporter /
// morgue::NoExporter. The last argument is a braced morgue::PluginInfo.
#define MORGUE_PLUGIN(ImporterClass, ExporterClass, ...)                               \
  namespace morgue_plugin_entry {                                                      \
  constexpr ::morgue::PluginInfo kInfo = __VA_ARGS__;                                  \
  extern const ::morgue::PluginDescriptor kDescriptor;                                 \
  const ::morgue::PluginDescriptor kDescriptor = {                                     \
      ::morgue::kPluginAbiVersion,                                                     \
      sizeof(::morgue::PluginDescriptor),                                              \
      MORGUE_COMPILER_TAG,                                                             \
      kInfo.name,                                                                      \
      kInfo.version,                                                                   \
      ::morgue::plugin_internal::KindOf<ImporterClass, ExporterClass>(),               \
      kInfo.formats,                                                                   \
      kInfo.extensions,                                                                \
      kInfo.description,                                                               \
      ::morgue::kPluginLayoutFingerprint,                                              \
      MORGUE_SDK_VERSION,                                                              \
      kInfo.media_types};                                                              \
  ::morgue::Importer* CreateImporter() {                                               \
    return ::morgue::plugin_internal::Create<ImporterClass, ::morgue::Importer>();     \
  }                                                                                    \
  ::morgue::Exporter* CreateExporter() {                                               \
    return ::morgue::plugin_internal::Create<ExporterClass, ::morgue::Exporter>();     \
  }                                                                                    \
  }                                                                                    \
  MORGUE_PLUGIN_EXPORT_AS(morgue_plugin_entry::kDescriptor, morgue_plugin_descriptor)  \
  MORGUE_PLUGIN_EXPORT_AS(morgue_plugin_entry::CreateImporter, morgue_create_importer) \
  MORGUE_PLUGIN_EXPORT_AS(morgue_plugin_entry::CreateExporter, morgue_create_exporter)

#endif  // MORGUE_PLUGIN_H_
