// Character and e-mail helpers shared by the text rules (dates*.cc, text_bylines.cc,
// text_captions.cc, text_encoding.cc, text.cc). Internal to libmorgue.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_TEXT_CHARS_H_
#define MORGUE_CORE_SRC_TEXT_CHARS_H_

#include <algorithm>
#include <initializer_list>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/text.h"     // LowerAscii
#include "string_helpers.h"  // IsAsciiSpace, TrimAscii

namespace morgue::internal {

// The text rules' regular expressions run on short text only (libstdc++'s matcher
// recurses once per character matched).
constexpr std::regex_constants::syntax_option_type kRegexFlags =
    std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

// ---- Characters ---------------------------------------------------------------------------

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// The code point at text[pos] and its length in bytes; a byte that does not start a
// well-formed sequence reads as U+FFFD of length 1.
inline char32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char first = byte(0);
  *length = 1;
  if (first < 0x80) {
    return first;
  }
  size_t size = 0;
  char32_t cp = 0;
  if (first >= 0xC2 && first <= 0xDF) {
    size = 2;
    cp = first & 0x1F;
  } else if (first >= 0xE0 && first <= 0xEF) {
    size = 3;
    cp = first & 0x0F;
  } else if (first >= 0xF0 && first <= 0xF4) {
    size = 4;
    cp = first & 0x07;
  } else {
    return 0xFFFD;
  }
  if (pos + size > text.size()) {
    return 0xFFFD;
  }
  for (size_t i = 1; i < size; ++i) {
    if ((byte(i) & 0xC0) != 0x80) {
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  *length = size;
  return cp;
}

// Appends code point `cp` to `out` as UTF-8 (the inverse of CodePointAt).
inline void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ASCII white space and Unicode's space separators (no-break, en/em, ideographic...),
// plus the zero-width space that pages use as a break hint.
inline bool IsSpaceCodePoint(char32_t cp) {
  return IsAsciiSpace(cp) || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

inline bool IsAsciiAlpha(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}
inline bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters of any script, roughly: ASCII letters and non-ASCII code points outside the
// blocks of punctuation, symbols and spaces that news text uses.
inline bool IsLetterish(char32_t cp) {
  if (cp < 0x80) {
    return IsAsciiAlpha(cp);
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) {
    return false;
  }
  return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE30 && cp <= 0xFE4F) && !(cp >= 0xFF00 && cp <= 0xFF20);
}

inline bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}
inline bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}
inline bool IsKana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }

// The characters of Korean, Japanese and Chinese text that form words without spaces
// between them: Hangul, Han ideographs (with the compatibility and supplementary blocks),
// kana (with half-width katakana), and the ideographic iteration and closing marks (々〆〇).
inline bool IsCjkCharacter(char32_t cp) {
  return IsHangul(cp) || IsHan(cp) || IsKana(cp) || (cp >= 0x3005 && cp <= 0x3007) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

// Calls visit(code_point, position, length) for each code point of `text`.
template <typename Visit>
void ForEachCodePoint(std::string_view text, Visit visit) {
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 1;
    const char32_t cp = CodePointAt(text, pos, &length);
    visit(cp, pos, length);
    pos += length;
  }
}

inline bool HasCjk(std::string_view text) {
  bool found = false;
  ForEachCodePoint(text, [&](char32_t cp, size_t, size_t) {
    found = found || IsHangul(cp) || IsHan(cp) || IsKana(cp);
  });
  return found;
}

inline size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  ForEachCodePoint(text, [&](char32_t, size_t, size_t) { ++count; });
  return count;
}

inline bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

inline bool HasUrl(std::string_view text) {
  const std::string lower = LowerAscii(text);
  return lower.find("://") != std::string::npos || lower.find("www.") != std::string::npos;
}

// Trims `chars` (single bytes) and spaces from the end.
inline std::string_view TrimEnd(std::string_view text, std::string_view chars) {
  while (!text.empty() && (text.back() == ' ' || chars.find(text.back()) != std::string::npos)) {
    text.remove_suffix(1);
  }
  return text;
}

inline std::vector<std::string> SplitWords(std::string_view text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    if (end > start) {
      words.emplace_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return words;
}

inline std::string JoinWords(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < words.size(); ++i) {
    if (!out.empty()) {
      out += ' ';
    }
    out += words[i];
  }
  return out;
}

// Full-width digits and colon (common on Japanese and Chinese pages) as ASCII.
inline std::string FoldFullWidthDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (cp >= 0xFF10 && cp <= 0xFF1A) {
      out += static_cast<char>('0' + (cp - 0xFF10));  // U+FF1A (':') lands on ':'
    } else {
      out.append(text.substr(pos, length));
    }
  });
  return out;
}

inline bool EqualsAny(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// ---- E-mail -------------------------------------------------------------------------------

inline bool IsEmailLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
inline bool IsEmailDomainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
}

// Where the first e-mail address in `text` is, as [begin, end); {npos, npos} if none.
// A scan around each '@' rather than a regex: bodies can be long.
inline std::pair<size_t, size_t> FindEmailSpan(std::string_view text) {
  for (size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    size_t begin = at;
    while (begin > 0 && IsEmailLocalChar(text[begin - 1])) {
      --begin;
    }
    while (begin < at && text[begin] == '.') {
      ++begin;
    }
    size_t end = at + 1;
    while (end < text.size() && IsEmailDomainChar(text[end])) {
      ++end;
    }
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
      --end;
    }
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const size_t dot = domain.rfind('.');
    if (begin == at || dot == std::string_view::npos || dot == 0) {
      continue;
    }
    const std::string_view tld = domain.substr(dot + 1);
    const bool tld_letters = tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), [](char c) {
                               return std::isalpha(static_cast<unsigned char>(c)) != 0;
                             });
    if (tld_letters && domain.find("..") == std::string_view::npos) {
      return {begin, end};
    }
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_TEXT_CHARS_H_
