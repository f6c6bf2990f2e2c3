// The json importer's Probe, ReadsLineByLine and Import on arbitrary bytes, under every
// format it reads (morgue JSON and the trafilatura, Readability and newspaper shapes), as
// a .json and as a .jsonl file, and under a third name picked by the input's first byte
// (.ndjson, upper case, no extension, another plugin's extension). The extension reaches
// the importer as the host gives it (ProbeInput::extension and own_extension,
// ImportInput::extension), which decides between reading a document and reading lines;
// an input it reads line by line is also imported from its second line on, as the host
// hands over a later part.
//
// Its articles are not checked as storable: they carry the records' own values, which
// the archive may rightly refuse.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "plugins/json/json_plugin.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr const char* kOtherPaths[] = {"in.ndjson", "IN.JSONL", "in.JSON", "in", "in.txt"};
constexpr const char* kFormats[] = {"json", "jsonl", "trafilatura", "readability", "newspaper"};

void Import(morgue::json_plugin::JsonImporter& importer, const std::string& path,
            const morgue::fuzz::HostExtension& extension, std::string_view bytes,
            const char* format, uint64_t first_line) {
  morgue::fuzz::MemorySink sink(/*check=*/false);
  const morgue::Status status = importer.Import({.name = path,
                                                 .path = path,
                                                 .bytes = bytes,
                                                 .format = format,
                                                 .first_line = first_line,
                                                 .extension = extension.extension},
                                                sink);
  if (!status.ok() && status.message().empty()) morgue::fuzz::Fail("no message", format);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  morgue::json_plugin::JsonImporter importer;
  std::vector<std::string> paths = {"in.json", "in.jsonl"};
  if (size > 0) paths.push_back(kOtherPaths[data[0] % std::size(kOtherPaths)]);
  for (const std::string& path : paths) {
    const morgue::fuzz::HostExtension extension = morgue::fuzz::ExtensionAsHostGives(path);
    const morgue::ProbeInput probe{.path = path,
                                   .head = bytes.substr(0, morgue::kProbeBytes),
                                   .extension = extension.extension,
                                   .own_extension = extension.own};
    (void)importer.Probe(probe);
    for (const char* format : kFormats) {
      Import(importer, path, extension, bytes, format, 1);
      const size_t newline = bytes.find('\n');
      if (importer.ReadsLineByLine(probe, format) && newline != std::string_view::npos) {
        Import(importer, path, extension, bytes.substr(newline + 1), format, 2);
      }
    }
  }
  return 0;
}
