#include "plugins/html/author_names.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

constexpr size_t kMaxRawBylineChars = 50;
constexpr size_t kMaxBylineLineBytes = 300;
constexpr long kMaxRawBylineWords = 5;
// A run of lower-case letters this long is a login made of a name ("petermustermann").
constexpr size_t kMinLoginLetters = 12;

bool IsAdministratorAccount(std::string_view lower) {
  for (std::string_view account :
       {"admin", "administrator", "administrador", "webmaster", "wordpressadmin", "wpadmin", "root",
        "user", "guest", "editor", "redaktion", "redaccion", "author", "autor"}) {
    if (lower == account) return true;
  }
  return false;
}

// "By Staff Writer" → "Staff Writer"; "Autor: kochbuch" → "kochbuch".
std::string WithoutLeadWord(const std::string& text) {
  static const std::regex kLead(
      "^(?:by|von|par|por|di|door|av|af|autor|autorin|author|auteur|autore|text)\\s*:?\\s+",
      std::regex::ECMAScript | std::regex::icase);
  return std::regex_replace(text, kLead, "", std::regex_constants::format_first_only);
}

// "---- by X", "— Von X": the dashes or bullet a page sets before its byline.
std::string WithoutLeadingDashes(const std::string& line) {
  size_t at = 0;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view dash : {"-", "\u2013", "\u2014", "\u2022", " "}) {
      if (std::string_view(line).substr(at).starts_with(dash)) {
        at += dash.size();
        again = true;
      }
    }
  }
  return at > 0 && at < line.size() ? line.substr(at) : line;
}

}  // namespace

bool IsOrganisationName(std::string_view name) {
  const size_t space = name.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view last = name.substr(space + 1);
  for (std::string_view form :
       {"GmbH", "gGmbH", "mbH",  "AG",  "SE",     "KG",     "KGaA", "OHG",   "eG",   "e.V.",
        "eV",   "e.U.",  "Inc.", "Inc", "Ltd",    "Ltd.",   "LLC",  "plc",   "PLC",  "Corp.",
        "S.A.", "SA",    "S.L.", "SpA", "S.p.A.", "S.r.l.", "SAS",  "SARL",  "B.V.", "N.V.",
        "A/S",  "ASA",   "AB",   "Oy",  "Oyj",    "sp.",    "a.s.", "s.r.o."}) {
    if (last == form) return true;
  }
  return false;
}

std::string FoldName(std::string_view text) {
  std::string folded;
  for (char c : LowerAscii(std::string(text))) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || byte >= 0x80) folded += c;
  }
  return folded;
}

// Whether a line opens with a word that introduces a byline ("Von", "By", "Par", "Autor:",
// "Text:", "记者") or ends with a reporter's title ("기자", "記者"): a line near the
// headline that is only names could be anything (a place, a product, a heading).
bool SaysByline(const std::string& text) {
  // A byline is a short line.
  if (text.size() > kMaxBylineLineBytes) return false;
  const std::string line = WithoutLeadingDashes(text);
  for (std::string_view lead : {"\u8BB0\u8005", "\u8A18\u8005", "\u6587/", "\u4F5C\u8005",
                                "\uAE00 "}) {  // 记者 記者 文/ 作者 "글 "
    if (line.starts_with(lead)) return true;
  }
  if (line.ends_with("\uAE30\uC790") || line.ends_with("\u8A18\u8005") ||
      line.ends_with("\u8BB0\u8005")) {  // 기자 記者 记者
    return true;
  }
  // A leading word, followed by a space or a colon.
  static constexpr std::string_view kLeadWords[] = {
      "by",
      "von",
      "par",
      "por",
      "di",
      "door",
      "av",
      "af",
      "autor",
      "autorin",
      "autoren",
      "autorinnen",
      "authors",
      "author(s)",
      "auteur(s)",
      "autor(en)",
      "herausgeber",
      "autorka",
      "auteur",
      "author",
      "autore",
      "autora",
      "text",
      "texte",
      "texto",
      "testo",
      "tekst",
      "yazar",
      "written",
      "posted",
      "verfasst",
      "geschrieben",
      "escrito",
      "\u00E9crit",
      "scritto",
      "napisa\xC5\x82",
      "napsal",
      "\u0430\u0432\u0442\u043E\u0440",
      "\u0410\u0432\u0442\u043E\u0440",
      "\u0442\u0435\u043A\u0441\u0442",
      "\u0422\u0435\u043A\u0441\u0442"};  // автор Автор текст Текст
  const std::string lower = LowerAscii(line.substr(0, 32));
  if (lower.starts_with("a cura di") && lower.size() > 9 &&
      (std::isspace(static_cast<unsigned char>(lower[9])) != 0 || lower[9] == ':')) {
    return true;
  }
  const size_t end = lower.find_first_of(" \t\n\r\f\v:");
  if (end == std::string::npos) return false;
  const std::string_view word = std::string_view(lower).substr(0, end);
  return std::find(std::begin(kLeadWords), std::end(kLeadWords), word) != std::end(kLeadWords);
}

bool IsAccountOrDomain(std::string_view name) {
  if (name.empty() || name.find(' ') != std::string_view::npos) return false;
  const std::string lower = LowerAscii(std::string(name));
  // A host name: "noticias24.cl", "MonJournal.com", "www.example.org", and one with a
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
