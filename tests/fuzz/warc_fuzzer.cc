// The warc importer's Probe, OpenContainer and container reader on arbitrary bytes, fed
// through an in-memory ByteSource a few bytes at a time (how many depends on the input's
// size), as the host streams a file. Every item must keep the container contract: a
// document has bytes, an extension, a media type and the record's origin; a skipped record
// names why; a failed one has a message; a broken container names the offset.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "morgue/container.h"
#include "plugins/warc/warc_plugin.h"
#include "tests/fuzz/container_fuzz.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void CheckItem(const morgue::ContainerItem& item) {
  using morgue::ContainerItem;
  using morgue::fuzz::Fail;
  switch (item.kind) {
    case ContainerItem::kDocument:
      if (item.bytes.empty()) Fail("a document without bytes", item.id);
      if (item.extension != ".html") Fail("a document not .html", item.extension);
      if (item.media_type.empty()) Fail("a document without a media type", item.id);
      if (item.hints.origin != "warc record")
        Fail("a document of another origin", item.hints.origin);
      return;
    case ContainerItem::kSkipped:
      if (item.skip_reason.empty()) Fail("a skipped record without a reason", item.id);
      return;
    case ContainerItem::kFailed:
      if (item.failure.ok() || item.failure.message().empty())
        Fail("a failure without a message", item.id);
      return;
  }
  Fail("an item of unknown kind", item.id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  morgue::warc_plugin::WarcImporter importer;
  for (const char* path : {"in.warc", "in.warc.gz", "in"}) {
    const morgue::fuzz::HostExtension extension = morgue::fuzz::ExtensionAsHostGives(path);
    const int score = importer.Probe({.path = path,
                                      .head = bytes.substr(0, morgue::kProbeBytes),
                                      .extension = extension.extension,
                                      .own_extension = extension.own});
    if (score < morgue::kProbeNo || score > morgue::kProbeCertain) {
      morgue::fuzz::Fail("a probe score out of range", path);
    }
  }
  morgue::fuzz::ChunkedSource source(bytes, 1 + size % 97);
  morgue::ImportInput input;
  input.name = "in.warc";
  input.format = "warc";
  auto reader = importer.OpenContainer(input, source);
  if (!reader.ok()) {
    if (!reader.status().message().starts_with("not a WARC file: ")) {
      morgue::fuzz::Fail("a refusal that does not say why", reader.status().message());
    }
    return 0;
  }
  for (;;) {
    morgue::ContainerItem item;
    const morgue::Result<bool> next = (*reader)->Next(item);
    if (!next.ok()) {
      if (!next.status().message().starts_with("at byte ")) {
        morgue::fuzz::Fail("a break that does not name its offset", next.status().message());
      }
      return 0;
    }
    if (!*next) return 0;
    CheckItem(item);
  }
}
