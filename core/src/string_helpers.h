// The small string helpers libmorgue's files and the morgue CLI share: ASCII white space,
// trimming it, and joining a list. (ASCII lower-casing is LowerAscii in morgue/text.h,
// which plugins use too.) Header-only, so that the CLI, which links only the SDK, uses the
// same ones; internal to the project, never installed.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_STRING_HELPERS_H_
#define MORGUE_CORE_SRC_STRING_HELPERS_H_

#include <string>
#include <string_view>
#include <vector>

namespace morgue {

// The six ASCII white-space characters (what std::isspace means in the "C" locale, in
// every locale).
constexpr bool IsAsciiSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// `text` without ASCII white space at either end; other bytes (a no-break space) stay.
constexpr std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && IsAsciiSpace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// The items with `separator` between each two: Join({"a", "b"}, ", ") is "a, b".
inline std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += items[i];
  }
  return out;
}

// The parts of `text` between `separator`s, each without surrounding spaces; empty
// parts are left out: Split(" a| b||c", '|') is {"a", "b", "c"}.
inline std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) parts.emplace_back(part);
    start = end + 1;
  }
  return parts;
}

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_STRING_HELPERS_H_
