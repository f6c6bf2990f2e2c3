// The byline and credit helpers: ParseByline, SplitAuthorNames, SplitCaptionCredit and
// FindEmail. On valid UTF-8 they must return valid UTF-8, never an empty name, and never
// more than four names.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "morgue/text.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr size_t kMaxNames = 4;

void CheckName(std::string_view name, bool utf8) {
  if (!morgue::fuzz::HasNonSpace(name)) morgue::fuzz::Fail("an empty name", name);
  if (utf8) morgue::fuzz::CheckUtf8("a name", name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = morgue::fuzz::AsText(data, size);
  const bool utf8 = morgue::IsValidUtf8(text);

  if (const std::optional<morgue::Byline> byline = morgue::ParseByline(text)) {
    if (byline->authors.size() > kMaxNames) morgue::fuzz::Fail("too many authors", text);
    for (const morgue::Author& author : byline->authors) CheckName(author.name, utf8);
    if (utf8) morgue::fuzz::CheckUtf8("a byline source", byline->source);
  }

  const std::vector<std::string> names = morgue::SplitAuthorNames(text);
  if (names.size() > kMaxNames) morgue::fuzz::Fail("too many names", text);
  for (const std::string& name : names) CheckName(name, utf8);

  const morgue::CaptionCredit credit = morgue::SplitCaptionCredit(text);
  const std::string email = morgue::FindEmail(text);
  if (utf8) {
    morgue::fuzz::CheckUtf8("a caption", credit.caption);
    morgue::fuzz::CheckUtf8("a credit", credit.credit);
    morgue::fuzz::CheckUtf8("an e-mail", email);
  }
  return 0;
}
