// Tags from pages (morgue/text.h: CleanTags): what a page shows or declares as its labels,
// categories and keywords, made into one tag each, without the machine tokens that
// content systems leave in the same fields.

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {

using namespace internal;  // NOLINT(google-build-using-namespace)

namespace {

// The entities that turn up in keyword fields escaped once too often: the markup ones and
// the typographic ones of headlines.
constexpr std::pair<std::string_view, std::string_view> kNamedEntities[] = {
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", " "},
    {"ndash", "\xE2\x80\x93"},
    {"mdash", "\xE2\x80\x94"},
    {"lsquo", "\xE2\x80\x98"},
    {"rsquo", "\xE2\x80\x99"},
    {"ldquo", "\xE2\x80\x9C"},
    {"rdquo", "\xE2\x80\x9D"},
    {"hellip", "\xE2\x80\xA6"},
};

// One round of decoding of character references: named ones above and numeric ones
// (&#38; &#x26;). Anything else, including a lone "&", stays as it is.
std::string DecodeEntitiesOnce(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t amp = text.find('&', pos);
    if (amp == std::string_view::npos) break;
    out.append(text.substr(pos, amp - pos));
    // Only as far as a reference can reach: "&&&&…" without a ';' stays linear.
    const size_t window = text.substr(amp, 11).find(';');
    const size_t semi = window == std::string_view::npos ? window : amp + window;
    const std::string_view name = semi == std::string_view::npos || semi - amp > 10
                                      ? ""
                                      : text.substr(amp + 1, semi - amp - 1);
    bool decoded = false;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      char32_t cp = 0;
      const std::string_view digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty();
      for (char c : digits) {
        const int value = std::isdigit(static_cast<unsigned char>(c)) != 0 ? c - '0'
                          : hex && std::isxdigit(static_cast<unsigned char>(c)) != 0
                              ? (std::tolower(static_cast<unsigned char>(c)) - 'a' + 10)
                              : -1;
        if (value < 0) ok = false;
        if (!ok) break;
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(value);
        if (cp > 0x10FFFF) ok = false;
      }
      if (ok && cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
        AppendUtf8(cp, out);
        decoded = true;
      }
    } else {
      for (const auto& [entity, replacement] : kNamedEntities) {
        if (name == entity) {
          out += replacement;
          decoded = true;
          break;
        }
      }
    }
    if (decoded) {
      pos = semi + 1;
    } else {
      out += '&';
      pos = amp + 1;
    }
  }
  if (pos < text.size()) out.append(text.substr(pos));
  return out;
}

// Twice, for text escaped twice ("&amp;amp;").
std::string DecodeEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  return DecodeEntitiesOnce(DecodeEntitiesOnce(text));
}

// The separators of keyword lists: commas (also the full-width and the ideographic ones of
// Chinese and Japanese lists) and semicolons.
constexpr std::string_view kSeparators[] = {",", ";", "\xEF\xBC\x8C" /* ， */,
                                            "\xEF\xBC\x9B" /* ； */, "\xE3\x80\x81" /* 、 */};

size_t SeparatorAt(std::string_view text, size_t pos) {
  for (std::string_view separator : kSeparators) {
    if (text.substr(pos).starts_with(separator)) return separator.size();
  }
  return 0;
}

// A comma with a letter or digit right after it ("Oceans,New Zealand"): a list written
// without spaces, never one name ("Mayer, Marissa"). A semicolon inside one item of a
// longer list is left alone.
bool HasTightComma(std::string_view text) {
  for (size_t pos = 0; pos + 1 < text.size(); ++pos) {
    if (text[pos] == ',' && std::isalnum(static_cast<unsigned char>(text[pos + 1])) != 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> parts;
  size_t start = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (const size_t length = SeparatorAt(text, pos); length > 0) {
      parts.emplace_back(text.substr(start, pos - start));
      pos += length;
      start = pos;
    } else {
      ++pos;
    }
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

// Chinese and Japanese write words without spaces, so a space between words of Han or kana
// separates keywords ("宇航员 太空 国际空间站"). Korean and other scripts keep theirs.
std::vector<std::string> SplitHanWords(const std::string& tag) {
  std::vector<std::string> words = SplitWords(tag);
  const bool all_han =
      words.size() > 1 && std::all_of(words.begin(), words.end(), [](const std::string& w) {
        bool han = false;
        ForEachCodePoint(
            w, [&](char32_t cp, size_t, size_t) { han = han || IsHan(cp) || IsKana(cp); });
        return han;
      });
  return all_han ? words : std::vector<std::string>{tag};
}

bool IsIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

bool IsAsciiWord(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return IsIdChar(c) || c == '.'; });
}

// The keys under which content systems write a real tag as a key:value token ("Tag:Nodejs").
bool IsTagKey(std::string_view key) {
  return EqualsAny(LowerAscii(key), {"tag", "tags", "keyword", "keywords", "topic", "topics",
                                     "category", "categories", "label", "labels", "subject"});
}

// A word a program wrote for another program: "Lite:true", "section=news",
// "LOCKED_POST_SOURCE_NONE", "true", "12345", "3f2a9c0d7b", a URL.
bool IsMachineToken(std::string_view tag) {
  const std::string lower = LowerAscii(tag);
  if (HasUrl(lower)) return true;
  if (EqualsAny(lower, {"true", "false", "null", "undefined", "nan", "none", "n/a"})) return true;
  if (tag.find(' ') != std::string_view::npos || !IsAsciiWord(tag)) return false;
  // snake_case and CONSTANT_CASE identifiers: words joined by underscores.
  if (tag.find('_') != std::string_view::npos) {
    size_t longest = 0;
    size_t run = 0;
    for (char c : tag) {
      run = c == '_' ? 0 : run + 1;
      longest = std::max(longest, run);
    }
    if (longest >= 2) return true;
  }
  // Numbers (2011, 3.5) and ids: a word mostly of digits ("stream-23453375"), or of hex
  // digits with both digits and letters ("3f2a9c0d7b"), or a UUID.
  const auto digits = static_cast<size_t>(
      std::count_if(tag.begin(), tag.end(), [](char c) { return IsAsciiDigit(c); }));
  if (digits == 0) return false;
  if (std::all_of(tag.begin(), tag.end(), [](char c) { return IsAsciiDigit(c) || c == '.'; })) {
    return true;
  }
  if (tag.size() >= 6 && digits * 2 > tag.size()) return true;
  const bool hex = std::all_of(tag.begin(), tag.end(), [](char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0 || c == '-';
  });
  return hex && tag.size() >= 8 && digits < tag.size();
}

// key:value and key=value tokens ("Lite:true", "Publication:voodoo-engineering"): a colon
// or equals sign with no space after it, after one word ("Star Wars: Episode IV" and
// "10:30" are not). Returns the value when the key says it is a tag ("Tag:Nodejs"), an
// empty string for any other key, and the tag itself when it is no such token.
std::string ValueOfKeyToken(const std::string& tag) {
  const size_t at = tag.find_first_of(":=");
  if (at == std::string::npos || at == 0 || at + 1 >= tag.size() || tag[at + 1] == ' ') return tag;
  const std::string_view key(tag.data(), at);
  if (!std::all_of(key.begin(), key.end(), IsIdChar) ||
      std::isalpha(static_cast<unsigned char>(key[0])) == 0) {
    return tag;
  }
  return IsTagKey(key) ? tag.substr(at + 1) : std::string();
}

// Quotes around a keyword and a hashtag's mark are not part of it: a pair of quotes around
// the whole tag ("'Brexit'", "“Brexit”", "«Brexit»"), and a typographic quote left over at
// one end without its partner ("‘Google Play"). A lone straight quote stays ("'90s").
std::string StripMarks(std::string tag) {
  static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
      {"\"", "\""},
      {"'", "'"},
      {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
      {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
      {"\xC2\xAB", "\xC2\xBB"},          // « »
  };
  for (bool stripped = true; stripped && !tag.empty();) {
    stripped = false;
    if (tag.size() > 1 && tag[0] == '#' && std::isalnum(static_cast<unsigned char>(tag[1])) != 0) {
      tag.erase(0, 1);
      stripped = true;
    }
    for (const auto& [open, close] : kPairs) {
      const bool opens = tag.starts_with(open);
      const bool closes = tag.size() > open.size() && tag.ends_with(close);
      const bool typographic = open.size() > 1;
      if (opens && closes) {
        tag = tag.substr(open.size(), tag.size() - open.size() - close.size());
      } else if (typographic && opens && tag.find(close) == std::string::npos) {
        tag.erase(0, open.size());
      } else if (typographic && closes && tag.find(open) == std::string::npos) {
        tag.erase(tag.size() - close.size());
      } else {
        continue;
      }
      stripped = true;
    }
  }
  return CollapseWhitespace(tag);
}

// Tags that differ only in ASCII case or spacing ("Google Play", "GooglePlay") are one.
std::string FoldForDuplicates(std::string_view tag) {
  std::string key = LowerAscii(tag);
  std::erase(key, ' ');
  return key;
}

// A tag has a letter or a digit: punctuation alone ("—", "...") is no label.
bool HasWordCharacter(std::string_view tag) {
  bool found = false;
  ForEachCodePoint(tag, [&](char32_t cp, size_t, size_t) {
    found = found || IsLetterish(cp) || IsAsciiDigit(cp);
  });
  return found;
}

// Longer than a label: a sentence or a whole list that lost its separators.
constexpr size_t kMaxTagCodePoints = 80;

// split_single: whether a list of one item is a list given as one text.
std::vector<std::string> Clean(const std::vector<std::string>& tags, bool split_single) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& raw : tags) {
    const std::string decoded = CollapseWhitespace(DecodeEntities(raw));
    std::vector<std::string> parts = (split_single && tags.size() == 1) || HasTightComma(decoded)
                                         ? SplitList(decoded)
                                         : std::vector<std::string>{decoded};
    for (const std::string& part : parts) {
      for (std::string word : SplitHanWords(CollapseWhitespace(part))) {
        std::string tag = StripMarks(ValueOfKeyToken(StripMarks(std::move(word))));
        if (!HasWordCharacter(tag) || CountCodePoints(tag) > kMaxTagCodePoints ||
            IsMachineToken(tag)) {
          continue;
        }
        if (seen.insert(FoldForDuplicates(tag)).second) out.push_back(std::move(tag));
      }
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> CleanTags(const std::vector<std::string>& tags) {
  return Clean(tags, /*split_single=*/true);
}

std::vector<std::string> CleanEachTag(const std::vector<std::string>& tags) {
  return Clean(tags, /*split_single=*/false);
}

}  // namespace morgue
