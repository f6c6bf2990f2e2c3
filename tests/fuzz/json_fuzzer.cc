// The json importer's Import on arbitrary bytes, under every format it reads (morgue JSON
// and the trafilatura, Readability and newspaper shapes) and as both a .json and a .jsonl
// file, which decides between reading a document and reading lines.
//
// Its articles are not checked as storable: they carry the records' own values, which
// the archive may rightly refuse.

#include <cstddef>
#include <cstdint>
#include <string>

#include "plugins/json/json_plugin.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  morgue::json_plugin::JsonImporter importer;
  for (const std::string path : {"in.json", "in.jsonl"}) {
    (void)importer.Probe({.path = path, .head = bytes.substr(0, morgue::kProbeBytes)});
    for (const char* format : {"json", "jsonl", "trafilatura", "readability", "newspaper"}) {
      morgue::fuzz::MemorySink sink(/*check=*/false);
      const morgue::Status status =
          importer.Import({.name = path, .path = path, .bytes = bytes, .format = format}, sink);
      if (!status.ok() && status.message().empty()) morgue::fuzz::Fail("no message", format);
    }
  }
  return 0;
}
