// Bylines and names fields (morgue/text.h: ParseByline, SplitAuthorNames): what introduces
// a byline and what a byline may hold besides names. What a name and a job title look like
// is in text_names.cc; cleaning and splitting a names field in text_name_lists.cc.

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "dates.h"
#include "morgue/publications.h"
#include "morgue/text.h"
#include "text_chars.h"
#include "text_name_lists.h"
#include "text_names.h"

namespace morgue {
namespace {

using namespace internal;  // NOLINT(google-build-using-namespace)

constexpr size_t kMaxNames = 4;
constexpr size_t kMaxBylineBytes = 200;

enum class BylinePrefix { kNone, kBy, kPostedBy, kDutch };

// Whether the text after a prefix that is also a name particle ("von", "di", "av", "af",
// "door") or a label written without its colon ("Autor Jonas Falk") is a name of two words
// or more: "Von Lena Vogt" is a byline, "Von Trapp" a name.
bool StartsWithFullName(std::string_view rest) {
  const std::vector<NamePiece> pieces = SplitNamePieces(rest);
  if (pieces.empty()) return false;
  const std::vector<std::string> words = SplitWords(pieces.front().text);
  if (words.size() < 2) return false;
  size_t length = 1;
  const char32_t first = CodePointAt(words.front(), 0, &length);
  return (first >= 'A' && first <= 'Z') || (first >= 0x80 && IsLetterish(first));
}

// "记者 张三 李四": Chinese bylines separate names with spaces. Han-only words of two to
// four characters each are names of their own.
void SeparateHanNames(std::string* text) {
  const std::vector<std::string> words = SplitWords(*text);
  if (words.size() < 2) return;
  for (const std::string& word : words) {
    const size_t count = CountCodePoints(word);
    bool han = count >= 2 && count <= 4;
    ForEachCodePoint(word, [&han](char32_t cp, size_t, size_t) { han = han && IsHan(cp); });
    if (!han) return;
  }
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : "、") + word;
  *text = joined;
}

// Removes what introduces a byline from the front: "By", "Posted by", "Written by" and
// the same in other languages ("Von", "Verfasst von", "Par", "Por", "Di", "A cura di",
// "Door", "Av", "Napisał"), a label with a colon ("Autor:", "Autorin:", "Text:", "Text
// und Interview:", "Auteur :", "Autora:", "Автор:", "Yazar:") and the East Asian forms
// ("记者 X", "文/X", "作者：X", "글 X").
BylinePrefix StripBylinePrefix(std::string* text) {
  static const std::regex kPosted(
      "^(?:posted|published|gepostet|veröffentlicht|publié|Publié|publicado|pubblicato|geplaatst|"
      "opublikowane|opublikował[a]?|publikováno|publicerad|publisert)\\s+"
      "(?:by|von|par|por|da|door|przez|av|af)\\s*:?\\s+",
      kRegexFlags);
  static const std::regex kWritten(
      "^(?:(?:written|reported|story|words|text|report)\\s+by|(?:verfasst|geschrieben)\\s+von|"
      "ein\\s+(?:beitrag|artikel|gastbeitrag|kommentar|interview)\\s+von|(?:écrit|Écrit|rédigé|"
      "Rédigé)\\s+par|"
      "(?:escrito|redactado|reportaje)\\s+por|(?:scritto|redatto)\\s+da|a\\s+cura\\s+di|"
      "(?:geschreven)\\s+door|(?:skrevet|skriven)\\s+(?:av|af)|napisał[a]?|napsal[a]?|by|par|por)"
      "\\s*:?\\s+",
      kRegexFlags);
  static const std::regex kLabel(
      "^(?:author|authors|written|words|reporting|interview|autor|autorin|autoren|autorinnen|"
      "(?:author|auteur|autor)\\(\\w{1,3}\\)|by|von|par|por|di|door|av|af|herausgeber|"
      "autorka|autorzy|autoři|auteur|auteure|auteurs|autore|autori|autora|autoras|autores|"
      "forfatter|författare|skribent|yazar|yazan|text|texte|tekst|texto|testo|"
      "(?:text|texte|texto|testo|tekst)\\s*(?:und|&|et|y|e|en|og|och|and|\\+|/)\\s*"
      "(?:interview|fotos?|bilder|photos?|recherche|redaktion)|"
      "автор|авторы|авторка|автори|текст|Автор|Авторы|Авторка|Автори|Текст)\\s*:\\s*",
      kRegexFlags);
  static const std::regex kParticle(
      "^(?:(von|di|av|af|autor|autorin|autoren|autorinnen|autorka|auteur|auteurs|author|authors|"
      "yazar|автор|Автор)|(door))\\s+",
      kRegexFlags);
  static const std::regex kEastAsian(
      "^(?:(?:本报|本報|特约|特約)?(?:记者|記者)\\s*|"
      "(?:文|撰文|作者|筆者|著者|文字)\\s*(?:/|／|\\||｜|:|：|・|·)\\s*|"
      "글\\s*(?:(?:·|・|/)\\s*사진)?\\s+|글\\s*(?::|：)\\s*)",
      kRegexFlags);
  std::smatch m;
  const auto strip = [&](const std::regex& pattern) {
    if (!std::regex_search(*text, m, pattern, std::regex_constants::match_continuous)) {
      return false;
    }
    text->erase(0, static_cast<size_t>(m.length(0)));
    return true;
  };
  if (strip(kPosted)) return BylinePrefix::kPostedBy;
  if (strip(kWritten) || strip(kLabel)) return BylinePrefix::kBy;
  if (std::regex_search(*text, m, kParticle, std::regex_constants::match_continuous) &&
      StartsWithFullName(std::string_view(*text).substr(static_cast<size_t>(m.length(0))))) {
    const bool dutch = m[2].matched;
    text->erase(0, static_cast<size_t>(m.length(0)));
    return dutch ? BylinePrefix::kDutch : BylinePrefix::kBy;
  }
  if (strip(kEastAsian)) {
    SeparateHanNames(text);
    return BylinePrefix::kBy;
  }
  return BylinePrefix::kNone;
}

// "Door Anna de Vries en Piet Jansen": the Dutch "en" joins names after a Dutch prefix.
void SplitDutchAnd(std::string* text) {
  static const std::regex kEn("\\s+en\\s+");
  *text = std::regex_replace(*text, kEn, ", ");
}

// "kimchi-watcher at 7:42 PM" → "kimchi-watcher": a blog's "Posted by" line names a time.
void StripPostedWhen(std::string* text) {
  static const std::regex kWhen("\\s+(?:at|on)\\s+.*[0-9].*$", kRegexFlags);
  if (text->find_first_of("0123456789") == std::string::npos) return;  // needs a digit
  *text = std::regex_replace(*text, kWhen, "");
}

// A publication's name as a byline might give it: "Yonhap", "The Korea Times", "AP".
bool LooksLikeSourceName(std::string_view text) {
  if (PublicationDirectory::Builtin().FindByName(text) != nullptr) {
    return true;
  }
  if (text.empty() || HasDigit(text) || HasUrl(text) || text.find('@') != std::string_view::npos) {
    return false;
  }
  const std::vector<std::string> words = SplitWords(text);
  if (words.size() > kMaxNameWords) {
    return false;
  }
  return std::all_of(words.begin(), words.end(), [](const std::string& word) {
    const std::string lower = LowerAscii(word);
    return lower == "the" || lower == "of" || lower == "news" || LooksLikeNameWord(word);
  });
}

struct BylineScan {
  Byline byline;
  bool signal = false;  // something beyond names says this is a byline
  std::vector<std::string> spare_emails;
};

// The parts after "|" in "X | Yonhap" or "X | Staff Reporter | x@y.com". False when a
// part is something a byline does not hold.
bool ScanBarParts(const std::vector<std::string>& parts, BylineScan* scan) {
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string part(TrimAscii(parts[i]));
    if (part.empty() || !ParseDate(part).empty()) {
      continue;
    }
    bool title = false;
    std::string rest = part;
    const std::string email = TakeEmail(&rest);
    if (!email.empty() && rest.empty()) {
      scan->spare_emails.push_back(email);
    } else if (StripTitleWords(part, &title).empty() && title) {
      scan->signal = true;
    } else if (LooksLikeSourceName(part)) {
      if (scan->byline.source.empty()) {
        scan->byline.source = part;
      }
      scan->signal = true;
    } else {
      return false;
    }
  }
  return true;
}

// "(Reuters)" or "(서울=연합뉴스)" around the names: a source or a title.
bool TakeBracketedSource(std::string* text, BylineScan* scan) {
  static const std::regex kLeading("^\\(([^()]*)=([^()]*)\\)\\s*", kRegexFlags);
  std::smatch m;
  if (std::regex_search(*text, m, kLeading, std::regex_constants::match_continuous)) {
    scan->byline.source = std::string(TrimAscii(m[2].str()));
    scan->signal = true;
    text->erase(0, static_cast<size_t>(m.length(0)));
  }
  if (!text->ends_with(')')) {
    return true;
  }
  const size_t open = text->rfind('(');
  if (open == std::string::npos || open == 0) {
    return true;
  }
  const std::string inner = text->substr(open + 1, text->size() - open - 2);
  if (FindEmailSpan(inner).first != std::string::npos) {
    return true;  // an e-mail in brackets belongs to its name
  }
  bool title = false;
  if (StripTitleWords(inner, &title).empty() && title) {
    scan->signal = true;
  } else if (LooksLikeSourceName(inner)) {
    scan->byline.source = std::string(TrimAscii(inner));
    scan->signal = true;
  } else {
    return false;
  }
  text->erase(open);
  *text = std::string(TrimAscii(*text));
  return true;
}

// "Justin McCurry in Tokyo" → "Justin McCurry": where the reporter filed from.
std::string StripPlace(const std::string& piece) {
  static const std::regex kPlace("\\s+in\\s+[A-Z][A-Za-z.'-]*(?:\\s+[A-Z][A-Za-z.'-]*){0,2}$");
  if (piece.find("in") == std::string::npos) return piece;  // the pattern needs "in"
  return std::regex_replace(piece, kPlace, "");
}

// One name of the list, with its e-mail, title and suffixes; false when it is not a name.
bool ScanNamePiece(std::string piece, size_t index, bool allow_handle, BylineScan* scan) {
  std::vector<Author>& authors = scan->byline.authors;
  const std::string email = TakeEmail(&piece);
  if (!email.empty()) {
    scan->signal = true;
  }
  if (HasCjk(piece) && piece.find('/') != std::string::npos) {
    piece = std::string(TrimAscii(piece.substr(piece.rfind('/') + 1)));  // "도쿄/김도형 특파원"
  }
  piece = StripPlace(piece);
  bool title = false;
  piece = StripCjkTitle(piece, &title);
  if (index > 0 && (HasTitleNoun(SplitWords(piece)) || IsDeskPiece(piece))) {
    piece.clear();  // ", Staff Reporter", ", Redaktion"
    title = true;
  } else {
    piece = StripTitleWords(piece, &title);
  }
  scan->signal = scan->signal || title;
  if (piece.empty()) {
    if (!email.empty()) {
      if (!authors.empty() && authors.back().email.empty()) {
        authors.back().email = email;
      } else {
        scan->spare_emails.push_back(email);
      }
    }
    return true;
  }
  if (IsDegree(piece) && index > 0) {
    return true;
  }
  if (IsNameSuffix(piece) && !authors.empty()) {
    authors.back().name += ", " + piece;
    return true;
  }
  if (PublicationDirectory::Builtin().FindByName(piece) != nullptr) {
    if (scan->byline.source.empty()) {
      scan->byline.source = piece;
    }
    scan->signal = true;
    return true;
  }
  if (!LooksLikeName(piece, allow_handle)) {
    return false;
  }
  Author author;
  author.name = piece;
  author.email = email;
  authors.push_back(std::move(author));
  return true;
}

}  // namespace

std::optional<Byline> ParseByline(std::string_view line) {
  std::string text = CollapseWhitespace(line);
  if (text.empty() || text.size() > kMaxBylineBytes || HasUrl(text)) {
    return std::nullopt;
  }
  RemoveInvisibleMarks(&text);
  StripLeadingDashes(&text);
  StripQuotes(&text);
  if (IsPhotoCredit(text)) {
    return std::nullopt;
  }
  BylineScan scan;
  const BylinePrefix prefix = StripBylinePrefix(&text);
  if (prefix == BylinePrefix::kDutch) {
    SplitDutchAnd(&text);
  }
  RemoveHandles(&text);
  CutOtherContributors(&text);
  UnwrapCoauthorClause(&text);
  scan.signal = prefix != BylinePrefix::kNone;
  if (prefix == BylinePrefix::kPostedBy) {
    StripPostedWhen(&text);
  }
  StripTrailingWhen(&text);
  std::vector<std::string> bar_parts;
  for (size_t start = 0; start <= text.size();) {
    const size_t bar = std::min(text.find('|', start), text.size());
    bar_parts.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  if (!ScanBarParts(bar_parts, &scan)) {
    return std::nullopt;
  }
  std::string names(TrimAscii(bar_parts[0]));
  if (names.ends_with(" =")) {
    names.resize(names.size() - 2);  // Yonhap: "홍길동 기자 = "
  }
  if (!TakeBracketedSource(&names, &scan)) {
    return std::nullopt;
  }
  names = std::string(TrimEnd(names, ",;:"));
  if (names.ends_with('.') && !names.ends_with("..")) {
    const std::vector<std::string> words = SplitWords(names);
    if (!words.empty() && CountCodePoints(words.back()) > 2 && !IsNameSuffix(words.back())) {
      names.pop_back();  // "By Lee Tae-hoon." but not "By John Smith Jr." or an initial
    }
  }
  const std::vector<NamePiece> pieces = SplitNamePieces(names);
  const bool allow_handle = prefix == BylinePrefix::kPostedBy && pieces.size() == 1;
  AffiliationTracker affiliation(pieces);
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (affiliation.Skip(i)) {
      if (scan.byline.source.empty() &&
          PublicationDirectory::Builtin().FindByName(pieces[i].text) != nullptr) {
        scan.byline.source = pieces[i].text;
      }
      continue;
    }
    const size_t before = scan.byline.authors.size();
    const bool title_only = i > 0 && HasTitleNoun(SplitWords(pieces[i].text)) &&
                            FindEmailSpan(pieces[i].text).first == std::string::npos;
    if (!ScanNamePiece(pieces[i].text, i, allow_handle, &scan)) {
      return std::nullopt;
    }
    if (title_only && scan.byline.authors.size() == before) {
      affiliation.TitleSeen();
    }
  }
  std::vector<Author>& authors = scan.byline.authors;
  if (authors.size() == 1 && authors[0].email.empty() && !scan.spare_emails.empty()) {
    authors[0].email = scan.spare_emails.front();
    scan.signal = true;
  }
  if (authors.size() > kMaxNames || (authors.empty() && scan.byline.source.empty()) ||
      !scan.signal) {
    return std::nullopt;
  }
  return std::move(scan.byline);
}

std::vector<std::string> SplitAuthorNames(std::string_view names) {
  std::string text = CollapseWhitespace(names);
  if (text.empty() || text.size() > kMaxBylineBytes) {
    return {};
  }
  RemoveInvisibleMarks(&text);
  StripLeadingDashes(&text);
  StripQuotes(&text);
  if (IsPhotoCredit(text)) {
    return {};
  }
  RemoveBracketedUrls(&text);
  if (StripBylinePrefix(&text) == BylinePrefix::kDutch) {
    SplitDutchAnd(&text);
  }
  RemoveHandles(&text);
  CutOtherContributors(&text);
  UnwrapCoauthorClause(&text);
  RemoveEmails(&text);
  StripTrailingWhen(&text);
  const std::vector<NamePiece> name_pieces = SplitNamePieces(text);
  const std::vector<std::string> pieces = SplitNameList(text);
  // "Smith, John", "Kooman, F.", "Jong, Michiel de": one name written surname first, not
  // two people.
  if (pieces.size() == 2 && text == pieces[0] + ", " + pieces[1] &&
      SplitWords(pieces[0]).size() == 1 && SplitWords(pieces[1]).size() <= 3 &&
      !HasTitleNoun(SplitWords(pieces[1])) && LooksLikeName(pieces[0], false) &&
      LooksLikeName(pieces[1], false)) {
    return {text};
  }
  std::vector<std::string> result;
  AffiliationTracker affiliation(name_pieces);
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (affiliation.Skip(i)) {
      continue;
    }
    bool title = false;
    std::string piece = StripCjkTitle(pieces[i], &title);
    if (i > 0 && HasTitleNoun(SplitWords(piece))) {
      affiliation.TitleSeen();
      continue;
    }
    if (i > 0 && IsDeskPiece(piece)) {
      continue;  // "Lena Vogt, Redaktion"
    }
    piece = StripTitleWords(piece, &title);
    if (piece.empty()) {
      continue;
    }
    if (IsDegree(piece) && i > 0) {
      continue;
    }
    if (IsNameSuffix(piece) && !result.empty()) {
      result.back() += ", " + piece;
      continue;
    }
    if (!LooksLikeName(piece, pieces.size() == 1)) {
      return {};
    }
    result.push_back(std::move(piece));
  }
  if (result.size() > kMaxNames) {
    return {};
  }
  return result;
}

}  // namespace morgue
