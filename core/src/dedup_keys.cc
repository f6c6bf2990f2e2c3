// The body hash, URL key and word count of an article (dedup_keys.h).

#include "dedup_keys.h"

#include "morgue/text.h"
#include "storage_codec.h"
#include "string_helpers.h"

namespace morgue {

std::string NormalizedBodyHash(std::string_view body) {
  std::string folded;
  folded.reserve(body.size());
  bool pending_space = false;
  for (unsigned char c : body) {
    if (IsAsciiSpace(c)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded.push_back(' ');
    pending_space = false;
    folded.push_back(LowerAscii(static_cast<char>(c)));
  }
  if (folded.empty()) return {};
  return Sha256Hex(folded);
}

namespace {

// Decodes the code point starting at text[i] (text must be valid UTF-8); advances i.
char32_t NextCodePoint(std::string_view text, size_t& i) {
  auto c = static_cast<unsigned char>(text[i]);
  int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < length && i + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += length;
  return cp;
}

bool IsCjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) ||  // kana
         (cp >= 0x3400 && cp <= 0x9FFF) ||  // CJK ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

// Hyphens and apostrophes join the parts of "Kwan-jin" or "Korea's" into one word.
bool IsJoiner(char32_t cp) { return cp == '-' || cp == '\'' || cp == 0x2019; }

// ASCII punctuation, as std::ispunct in the "C" locale, without a call per character.
constexpr bool IsAsciiPunctuation(char32_t cp) {
  return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
         (cp >= '{' && cp <= '~');
}

bool IsWordBreak(char32_t cp) {
  if (IsJoiner(cp)) return false;
  if (cp < 0x80) return IsAsciiSpace(cp) || IsAsciiPunctuation(cp);
  return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) ||  // spaces, general punctuation
         (cp >= 0x3000 && cp <= 0x303F) ||                  // CJK punctuation
         (cp >= 0xFF00 && cp <= 0xFF0F);                    // fullwidth punctuation
}

}  // namespace

int64_t CountWords(std::string_view text) {
  int64_t words = 0;
  bool counted = false;  // the current run of word characters is already counted
  for (size_t i = 0; i < text.size();) {
    char32_t cp = NextCodePoint(text, i);
    if (IsCjk(cp)) {
      ++words;
      counted = false;
    } else if (IsWordBreak(cp)) {
      counted = false;
    } else if (!counted && !IsJoiner(cp)) {
      ++words;
      counted = true;
    }
  }
  return words;
}

std::string UrlKey(std::string_view url) {
  url = TrimAscii(url);
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string scheme = LowerAscii(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return {};
  std::string_view rest = url.substr(scheme_end + 3);
  if (size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  size_t path_start = rest.find_first_of("/?");
  std::string host = LowerAscii(rest.substr(0, path_start));
  std::string_view path = path_start == std::string_view::npos ? "" : rest.substr(path_start);
  if (host.size() > 3 && host.ends_with(":80")) host.resize(host.size() - 3);
  if (host.size() > 4 && host.ends_with(":443")) host.resize(host.size() - 4);
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.empty()) return {};
  std::string key = host;
  key += path;
  while (key.size() > host.size() && key.back() == '/') key.pop_back();
  return key;
}

}  // namespace morgue
