#include "plugins/html/author_names.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

constexpr size_t kMaxRawBylineChars = 50;
constexpr size_t kMaxBylineLineBytes = 300;
constexpr long kMaxRawBylineWords = 5;
// A run of lower-case letters this long is a login made of a name ("arianschlichenmayer").
constexpr size_t kMinLoginLetters = 12;

bool IsAdministratorAccount(std::string_view lower) {
  for (std::string_view account :
       {"admin", "administrator", "administrador", "webmaster", "wordpressadmin", "wpadmin", "root",
        "user", "guest", "editor", "redaktion", "redaccion", "author", "autor"}) {
    if (lower == account) return true;
  }
  return false;
}

// "By Staff Writer" → "Staff Writer"; "Autor: przepisy" → "przepisy".
std::string WithoutLeadWord(const std::string& text) {
  static const std::regex kLead(
      "^(?:by|von|par|por|di|door|av|af|autor|autorin|author|auteur|autore|text)\\s*:?\\s+",
      std::regex::ECMAScript | std::regex::icase);
  return std::regex_replace(text, kLead, "", std::regex_constants::format_first_only);
}

}  // namespace

std::string FoldName(std::string_view text) {
  std::string folded;
  for (char c : AsciiLower(std::string(text))) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || byte >= 0x80) folded += c;
  }
  return folded;
}

// Whether a line opens with a word that introduces a byline ("Von", "By", "Par", "Autor:",
// "Text:", "记者") or ends with a reporter's title ("기자", "記者"): a line near the
// headline that is only names could be anything (a place, a product, a heading).
bool SaysByline(const std::string& line) {
  // A byline is a short line (and std::regex runs on short text only).
  if (line.size() > kMaxBylineLineBytes) return false;
  static const std::regex kLead(
      "^(?:by|von|par|por|di|door|av|af|autor|autorin|autorka|auteur|author|autore|autora|"
      "text|texte|texto|testo|tekst|yazar|written|posted|verfasst|geschrieben|escrito|écrit|"
      "scritto|a cura di|napisał|napsal|автор|Автор|текст|Текст)[\\s:]|^(?:记者|記者|文/|作者|글 )",
      std::regex::ECMAScript | std::regex::icase);
  return std::regex_search(line, kLead) || line.ends_with("\uAE30\uC790") ||
         line.ends_with("\u8A18\u8005") || line.ends_with("\u8BB0\u8005");
}

bool IsAccountOrDomain(std::string_view name) {
  if (name.empty() || name.find(' ') != std::string_view::npos) return false;
  const std::string lower = AsciiLower(std::string(name));
  // A host name: "24horas.cl", "MesOpinions.com", "www.example.org", and one with a
  // word after it ("Example.de-Redaktion").
  for (size_t dot = lower.find('.'); dot != std::string::npos; dot = lower.find('.', dot + 1)) {
    size_t end = dot + 1;
    while (end < lower.size() && lower[end] >= 'a' && lower[end] <= 'z') ++end;
    const size_t letters = end - dot - 1;
    const bool before = dot >= 2 && std::isalnum(static_cast<unsigned char>(lower[dot - 1])) != 0 &&
                        std::isalnum(static_cast<unsigned char>(lower[dot - 2])) != 0;
    if (before && letters >= 2 && letters <= 6 &&
        (end == lower.size() || lower[end] == '-' || lower[end] == '/')) {
      return true;
    }
  }
  if (lower != name) return false;  // a capital letter: written as a name
  if (IsAdministratorAccount(lower)) return true;
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return false;
  if (name.find_first_of("._-0123456789") != std::string_view::npos) return true;
  return name.size() >= kMinLoginLetters;
}

std::vector<std::string> NamesFromText(const std::string& raw) {
  std::vector<std::string> names;
  const std::string text = CollapseWhitespace(DecodeLeftoverEntities(raw));
  if (text.empty()) return names;
  if (std::optional<Byline> byline = ParseByline(text); byline && !byline->authors.empty()) {
    for (const Author& author : byline->authors) names.push_back(author.name);
  } else {
    names = SplitAuthorNames(text);
  }
  // A short name the helpers do not know how to split ("Mac & i", "BBC News") is
  // still the page's own statement of who wrote it; a photo credit ("X/Reuters",
  // "Foto: X"), a date or an address is not.
  // Only a short text can be a name (and std::regex runs on short text only).
  const std::string bare = text.size() <= kMaxBylineLineBytes ? WithoutLeadWord(text) : text;
  // Several words opening in lower case are a phrase ("deinen Hochzeitsbloggern").
  const bool phrase =
      bare.find(' ') != std::string::npos && !bare.empty() && bare[0] >= 'a' && bare[0] <= 'z';
  if (names.empty() && !phrase && CharCount(bare) <= kMaxRawBylineChars &&
      std::count(bare.begin(), bare.end(), ' ') < kMaxRawBylineWords &&
      bare.find_first_of("@/|:0123456789") == std::string::npos &&
      bare.find("\uFF1A") == std::string::npos && bare.find("://") == std::string::npos) {
    names.push_back(bare);
  }
  return names;
}

}  // namespace morgue::html_plugin
