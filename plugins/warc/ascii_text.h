// The few ASCII text helpers the WARC and HTTP headers need: their names and tokens are
// ASCII and case-insensitive, and messages quote a few bytes of what was found.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_WARC_ASCII_TEXT_H_
#define MORGUE_PLUGINS_WARC_ASCII_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace morgue::warc_plugin {

inline char LowerChar(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = LowerChar(c);
  return out;
}

inline bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (LowerChar(a[i]) != LowerChar(b[i])) return false;
  }
  return true;
}

inline bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoringCase(text.substr(0, prefix.size()), prefix);
}

// Without the spaces and tabs around it.
inline std::string_view TrimBlanks(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

// The first `max` bytes of `text` for a message: printable ASCII kept, anything else
// (line breaks, control and non-ASCII bytes) shown as '?', "..." when cut.
inline std::string Snippet(std::string_view text, std::size_t max = 16) {
  std::string out;
  for (std::size_t i = 0; i < text.size() && i < max; ++i) {
    const char c = text[i];
    out += c >= 0x20 && c < 0x7f ? c : '?';
  }
  if (text.size() > max) out += "...";
  return out;
}

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_ASCII_TEXT_H_
