// The feed importer's container reader on arbitrary bytes, handed over in small pieces of
// a size the input's first byte chooses, as the host's source may hand them: opening the
// feed and reading every item must never crash, hang or break the container contract.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "morgue/container.h"
#include "plugins/feed/feed_plugin.h"
#include "tests/fuzz/container_fuzz.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void CheckItem(const morgue::ContainerItem& item, size_t size) {
  using morgue::fuzz::CheckUtf8;
  using morgue::fuzz::Fail;
  if (item.id.empty()) Fail("an item without an id", "");
  if (item.offset > size) Fail("an item's offset past the end", item.id);
  switch (item.kind) {
    case morgue::ContainerItem::kDocument:
      CheckUtf8("a document", item.bytes);
      if (item.bytes.empty()) Fail("an empty document", item.id);
      if (item.extension != ".html") Fail("a document's extension", item.extension);
      for (const std::string* hint : {&item.hints.title, &item.hints.url, &item.hints.summary,
                                      &item.hints.source, &item.hints.language}) {
        CheckUtf8("a hint", *hint);
      }
      for (const std::string* date : {&item.hints.published, &item.hints.updated}) {
        if (!date->empty() && !morgue::IsIso8601(*date)) Fail("a hint's date", *date);
      }
      for (const morgue::Author& author : item.hints.authors) CheckUtf8("an author", author.name);
      for (const std::string& tag : item.hints.tags) CheckUtf8("a tag", tag);
      break;
    case morgue::ContainerItem::kSkipped:
      if (item.skip_reason.empty()) Fail("a skipped item without a reason", item.id);
      break;
    case morgue::ContainerItem::kFailed:
      if (item.failure.ok()) Fail("a failed item without a failure", item.id);
      break;
    default:
      Fail("an item of unknown kind", item.id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  const size_t piece = size == 0 ? 1 : 1 + data[0] % 64;
  for (const char* format : {"rss", "blogger"}) {
    morgue::feed_plugin::FeedImporter importer;
    morgue::fuzz::ChunkedSource source(bytes, piece);
    morgue::ImportInput input;
    input.name = "feed.xml";
    input.format = format;
    input.parameters = {{"drafts", "true"}};
    auto reader = importer.OpenContainer(input, source);
    if (!reader.ok()) {
      if (reader.status().code() != morgue::StatusCode::kCorruption) {
        morgue::fuzz::Fail("a refusal other than Corruption", reader.status().ToString());
      }
      continue;
    }
    for (;;) {
      morgue::ContainerItem item;
      morgue::Result<bool> next = (*reader)->Next(item);
      if (!next.ok()) {
        if (next.status().message().rfind("at byte ", 0) != 0) {
          morgue::fuzz::Fail("a broken feed's message without its offset", next.status().message());
        }
        break;
      }
      if (!*next) break;
      CheckItem(item, size);
    }
  }
  return 0;
}
