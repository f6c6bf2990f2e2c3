// The one copy of each small text helper: ASCII lower-casing (morgue/text.h), trimming and
// joining (core/src/string_helpers.h) and the UTF-8 check, on both sides of the 8-byte
// boundary of its ASCII fast path.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/src/string_helpers.h"
#include "morgue/text.h"

namespace morgue {
namespace {

using namespace std::string_view_literals;

struct Row {
  std::string_view in;
  std::string_view out;
};

TEST(TextHelpersTest, LowerAsciiLowersAsciiLettersOnly) {
  const Row rows[] = {
      {"", ""},
      {"ABCXYZ abcxyz", "abcxyz abcxyz"},
      {"Plugin.HTML", "plugin.html"},
      {".TXT", ".txt"},
      {"@[`{09", "@[`{09"},      // the bytes around 'A'-'Z' and 'a'-'z' stay
      {"İSTANBUL", "İstanbul"},  // U+0130's two bytes untouched; "I" is always "i"
      {"ÄÖÜ Été ΣΟΦΙΑ МОСКВА", "ÄÖÜ Été ΣΟΦΙΑ МОСКВА"},  // non-ASCII letters untouched
      {"\xC3\x84\x80\xFF\xC0", "\xC3\x84\x80\xFF\xC0"},  // and bytes that are no UTF-8
      {"A\0B"sv, "a\0b"sv},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(LowerAscii(row.in), row.out) << row.in;
  }
  for (int c = 0; c < 256; ++c) {
    const char byte = static_cast<char>(c);
    const char expected = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : byte;
    EXPECT_EQ(LowerAscii(byte), expected) << c;
  }
}

TEST(TextHelpersTest, TrimAsciiTrimsTheSixAsciiSpacesOnly) {
  const Row rows[] = {
      {"", ""},
      {" \t\n\r\f\v", ""},
      {"  text/html  ", "text/html"},
      {"\ta b\n", "a b"},
      {"\xC2\xA0no-break\xC2\xA0", "\xC2\xA0no-break\xC2\xA0"},  // U+00A0 is not ASCII
      {"\x85x\x85", "\x85x\x85"},
      {"x", "x"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(TrimAscii(row.in), row.out) << row.in;
  }
}

TEST(TextHelpersTest, JoinPutsTheSeparatorBetweenItems) {
  EXPECT_EQ(Join({}, ", "), "");
  EXPECT_EQ(Join({"a"}, ", "), "a");
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(Join({"", ""}, "|"), "|");
  EXPECT_EQ(Join({"x", "y"}, ""), "xy");
}

struct Utf8Row {
  std::string_view bytes;
  bool valid;
};

// Sequences at the edges of what UTF-8 allows.
const Utf8Row kSequences[] = {
    {"a", true},
    {"\xC3\xA9", true},          // é
    {"\xE2\x82\xAC", true},      // €
    {"\xF0\x9F\x98\x80", true},  // U+1F600
    {"\xC2\x80", true},          // U+0080, the smallest two-byte code point
    {"\xDF\xBF", true},          // U+07FF
    {"\xE0\xA0\x80", true},      // U+0800
    {"\xED\x9F\xBF", true},      // U+D7FF, just before the surrogates
    {"\xEE\x80\x80", true},      // U+E000, just after them
    {"\xEF\xBF\xBF", true},      // U+FFFF
    {"\xF4\x8F\xBF\xBF", true},  // U+10FFFF, the last code point
    {"\x80", false},             // a continuation byte alone
    {"\xBF", false},
    {"\xC3", false},              // a lead byte without its continuation
    {"\xE2\x82", false},          // cut short
    {"\xF0\x9F\x98", false},      // cut short
    {"\xC3\x28", false},          // a continuation that is ASCII
    {"\xC0\xAF", false},          // overlong '/'
    {"\xC1\xBF", false},          // overlong U+007F
    {"\xE0\x80\xAF", false},      // overlong '/' in three bytes
    {"\xE0\x9F\xBF", false},      // overlong U+07FF
    {"\xF0\x80\x80\xAF", false},  // overlong '/' in four bytes
    {"\xF0\x8F\xBF\xBF", false},  // overlong U+FFFF
    {"\xED\xA0\x80", false},      // U+D800, a surrogate
    {"\xED\xBF\xBF", false},      // U+DFFF, a surrogate
    {"\xF4\x90\x80\x80", false},  // U+110000, past the last code point
    {"\xF5\x80\x80\x80", false},  // lead bytes that start no sequence
    {"\xF8\x88\x80\x80\x80", false},
    {"\xFE", false},
    {"\xFF", false},
};

TEST(TextHelpersTest, IsValidUtf8JudgesEachSequenceWhereverItStands) {
  // Before, across and after the 8-byte steps of the ASCII fast path: each sequence after 0
  // to 17 ASCII bytes, with ASCII after it or not.
  for (const Utf8Row& row : kSequences) {
    for (size_t before = 0; before <= 17; ++before) {
      for (const std::string_view after : {""sv, "z"sv, "0123456789abcdef"sv}) {
        const std::string text =
            std::string(before, 'x') + std::string(row.bytes) + std::string(after);
        EXPECT_EQ(IsValidUtf8(text), row.valid)
            << "sequence #" << (&row - kSequences) << " after " << before << " ASCII bytes, "
            << after.size() << " after it";
      }
    }
  }
}

TEST(TextHelpersTest, IsValidUtf8ReadsLongTextWithManySequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8(std::string(4096, 'a')));
  std::string mixed;
  for (int i = 0; i < 200; ++i) {
    mixed += "<p class=\"x\">Größe €";
    mixed += std::string(static_cast<size_t>(i % 11), ' ');
    mixed += "\xF0\x9F\x98\x80</p>\n";
  }
  EXPECT_TRUE(IsValidUtf8(mixed));
  // One bad byte anywhere spoils it: at each position of a text longer than two steps.
  const std::string clean = "abcdefgh\xC3\xA9ijklmnopqrstuvwxyz";
  for (size_t pos = 0; pos <= clean.size(); ++pos) {
    std::string spoiled = clean;
    spoiled.insert(pos, "\xFF");
    EXPECT_FALSE(IsValidUtf8(spoiled)) << pos;
  }
  // A sequence cut by the end of the text, after a long ASCII run.
  EXPECT_FALSE(IsValidUtf8(std::string(64, 'a') + "\xE2\x82"));
  EXPECT_TRUE(IsValidUtf8(std::string(64, 'a') + "\xE2\x82\xAC"));
}

}  // namespace
}  // namespace morgue
