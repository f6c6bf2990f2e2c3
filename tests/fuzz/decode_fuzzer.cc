// DecodeToUtf8: always valid UTF-8 without a byte order mark; valid UTF-8 stays as it is
// when no charset is declared. Each input is decoded as it comes and with a declared
// charset picked by its length, so that the corpus covers every converter.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>

#include "morgue/text.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

constexpr const char* kDeclared[] = {
    "utf-8",     "euc-kr",        "shift_jis", "gb2312",   "iso-8859-1",  "windows-1251",
    "utf-16le",  "utf-16",        "koi8-r",    "big5",     "iso-2022-jp", "euc-jp",
    "macintosh", "x-no-such-set", "",          "UTF-32BE",
};

void Check(std::string_view bytes, std::string_view declared) {
  const morgue::Result<morgue::DecodedText> decoded = morgue::DecodeToUtf8(bytes, declared);
  if (!decoded.ok()) return;  // no converter for `declared`
  morgue::fuzz::CheckUtf8("decoded text", decoded->text);
  if (decoded->text.starts_with("\xEF\xBB\xBF")) morgue::fuzz::Fail("a kept BOM", decoded->text);
  if (declared.empty() && !bytes.starts_with("\xEF\xBB\xBF") && morgue::IsValidUtf8(bytes) &&
      decoded->text != bytes) {
    morgue::fuzz::Fail("valid UTF-8 changed", decoded->text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  Check(bytes, "");
  Check(bytes, kDeclared[size % std::size(kDeclared)]);
  return 0;
}
