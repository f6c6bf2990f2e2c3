// Shared by the fuzz targets of container importers: the input handed to a reader in
// reads of a size the input's first byte picks, every item read to the end, and the
// promises of container.h checked on what comes out.
//
// Thread-safety: none needed; libFuzzer calls a target from one thread.

#ifndef MORGUE_TESTS_FUZZ_CONTAINER_FUZZ_H_
#define MORGUE_TESTS_FUZZ_CONTAINER_FUZZ_H_

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/container.h"
#include "tests/fuzz/fuzz_support.h"

namespace morgue::fuzz {

// The bytes of the input, at most `chunk` per Read.
class ChunkedSource final : public ByteSource {
 public:
  ChunkedSource(std::string_view bytes, size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    const size_t take = std::min({size, chunk_, bytes_.size() - position_});
    std::memcpy(buffer, bytes_.data() + position_, take);
    position_ += take;
    return take;
  }

 private:
  std::string_view bytes_;
  size_t chunk_;
  size_t position_ = 0;
};

inline void CheckDate(std::string_view what, const std::string& date) {
  if (!date.empty() && !IsIso8601(date)) Fail(what, date);
}

// Opens `bytes` with `importer` in `format` and reads every item, checking each.
inline void ReadEveryItem(Importer& importer, const std::string& format, std::string_view bytes,
                          std::map<std::string, std::string> parameters) {
  const size_t chunk = bytes.empty() ? 1 : 1 + static_cast<unsigned char>(bytes[0]) % 64 * 97;
  ChunkedSource source(bytes, chunk);
  ImportInput input{.name = "in", .format = format};
  input.parameters = std::move(parameters);
  Result<std::unique_ptr<ContainerReader>> reader = importer.OpenContainer(input, source);
  if (!reader.ok()) Fail("OpenContainer refused", reader.status().message());
  uint64_t last_offset = 0;
  for (size_t count = 0;; ++count) {
    if (count > bytes.size() + 2) Fail("more items than bytes", format);
    ContainerItem item;
    Result<bool> next = (*reader)->Next(item);
    if (!next.ok()) {
      if (next.status().code() != StatusCode::kCorruption ||
          !next.status().message().starts_with("at byte ")) {
        Fail("a broken container without its offset", next.status().message());
      }
      ContainerItem after;
      Result<bool> again = (*reader)->Next(after);
      if (!again.ok() || *again) Fail("items after the end", format);
      return;
    }
    if (!*next) return;
    if (item.offset > bytes.size() || item.offset < last_offset) {
      Fail("an offset out of order", std::to_string(item.offset));
    }
    last_offset = item.offset;
    switch (item.kind) {
      case ContainerItem::kDocument:
        if (item.extension.empty() || item.media_type.empty()) Fail("a bare document", item.id);
        break;
      case ContainerItem::kSkipped:
        if (item.skip_reason.empty()) Fail("a skip without its reason", item.id);
        break;
      case ContainerItem::kFailed:
        if (item.failure.ok() || item.failure.message().empty()) Fail("a silent failure", item.id);
        break;
      default:
        Fail("an unknown kind", item.id);
    }
    CheckUtf8("an item id", item.id);
    const DocumentHints& hints = item.hints;
    for (const std::string* text : {&hints.origin, &hints.url, &hints.title, &hints.source,
                                    &hints.language, &hints.summary}) {
      CheckUtf8("a hint", *text);
    }
    for (const std::string& tag : hints.tags) CheckUtf8("a tag hint", tag);
    for (const Author& author : hints.authors) {
      CheckUtf8("an author hint", author.name);
      if (author.role != "author" && author.role != "poster") Fail("an unknown role", author.role);
    }
    CheckDate("a published hint that is not ISO 8601", hints.published);
    CheckDate("an updated hint that is not ISO 8601", hints.updated);
    CheckDate("a captured hint that is not ISO 8601", hints.captured);
  }
}

}  // namespace morgue::fuzz

#endif  // MORGUE_TESTS_FUZZ_CONTAINER_FUZZ_H_
