// Cleaning a names field and cutting it into names (text_name_lists.h).

#include "text_name_lists.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string>
#include <vector>

#include "dates.h"
#include "text_chars.h"
#include "text_names.h"

namespace morgue::internal {
namespace {

// Whether `text` may hold one of SplitNamePieces' separators: most bylines hold one name,
// and asking std::regex costs far more than this look.
bool MayHoldNameSeparator(std::string_view text) {
  for (const std::string_view mark :
       {",", ";", "\xC2\xB7", "\xE3\x80\x81", "/", "&", "\xEB\xB0\x8F"}) {
    if (text.find(mark) != std::string_view::npos) return true;
  }
  // A separator word has whitespace (std::regex's \s) on both sides.
  static constexpr std::array<std::string_view, 13> kWords = {
      "and", "et", "und", "y", "e", "och", "og", "i", "a", "ve", "и", "і", "та"};
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  size_t pos = text.find_first_of(kSpace);
  while (pos != std::string_view::npos) {
    const size_t begin = text.find_first_not_of(kSpace, pos);
    if (begin == std::string_view::npos) break;
    const size_t end = text.find_first_of(kSpace, begin);
    if (end == std::string_view::npos) break;
    const std::string word = LowerAscii(text.substr(begin, end - begin));
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
    pos = end;
  }
  return false;
}

// Whether a separator starts a new person even after an affiliation: ";" and a bare
// "and" do, a comma (also ", and" inside "Speech, Privacy, and Technology") does not.
bool SeparatesPeople(std::string_view separator) {
  return separator == ";" || (!separator.empty() && separator.find(',') == std::string::npos);
}

constexpr size_t kMaxWhenWords = 3;

bool IsMonthWord(std::string_view lower) {
  return EqualsAny(
      lower, {"jan",  "january",   "feb",  "february", "mar",  "march",    "apr",    "april",
              "may",  "jun",       "june", "jul",      "july", "aug",      "august", "sep",
              "sept", "september", "oct",  "october",  "nov",  "november", "dec",    "december"});
}

// A word a byline shows between the names and a date or time: "on", "at", "Updated",
// "May", "Tuesday", "před" (Czech "ago"), a lone separator.
bool IsWhenWord(std::string_view word) {
  const std::string key = LowerAscii(TrimEnd(word, ".,:;"));
  if (key.empty() || IsMonthWord(key) || IsWeekdayWord(key) ||
      EqualsAny(key,
                {"updated", "published", "posted", "last", "today", "yesterday", "modified",
                 // The same, and "as of", in the other languages bylines are written in.
                 "stand", "aktualisiert", "veröffentlicht", "erstellt", "datum", "heute", "gestern",
                 "publié", "mis", "publicado", "publicada", "actualizado", "actualizada", "hoy",
                 "ayer", "pubblicato", "aggiornato", "oggi", "ieri", "gepubliceerd", "bijgewerkt",
                 "vandaag", "gisteren", "publicerad", "uppdaterad", "publisert", "oppdatert",
                 "opublikowano", "zaktualizowano", "publikováno", "aktualizováno", "aktualizace",
                 "опубликовано", "обновлено", "yayınlanma", "güncelleme", "güncellendi"})) {
    return true;
  }
  size_t length = 1;
  const char32_t first = CodePointAt(word, 0, &length);
  // Lower-case words (ASCII or Latin-1 and Latin Extended-A lower case) and punctuation.
  const bool lower = (first >= 'a' && first <= 'z') || (first >= 0xDF && first <= 0xFF);
  return lower || !IsLetterish(first);
}

}  // namespace

void CutOtherContributors(std::string* text) {
  const std::string lower = LowerAscii(*text);
  size_t cut = std::string::npos;
  for (std::string_view clause : {" edited by ",
                                  " photographs by ",
                                  " photos by ",
                                  " photo by ",
                                  " illustrations by ",
                                  " illustration by ",
                                  " video by ",
                                  " translated by ",
                                  " additional reporting by ",
                                  " fotos:",
                                  " foto:",
                                  " photos:",
                                  " photo:",
                                  " bilder:",
                                  " bild:",
                                  " fotografie:",
                                  " fotografía:",
                                  " fotografia:",
                                  " fotografias:",
                                  " zdjęcia:",
                                  " zdjęcie:",
                                  " illustration:",
                                  " illustrationen:",
                                  " grafik:",
                                  " video:",
                                  " mitarbeit:",
                                  " übersetzung",
                                  " Übersetzung",
                                  " Фото:",
                                  " Фото ",
                                  " translation:",
                                  " traducción",
                                  " traduzione",
                                  " vertaling",
                                  " traduction",
                                  " photos de ",
                                  " fotos von ",
                                  " fotos de ",
                                  " foto di ",
                                  " foto's:",
                                  " фото:",
                                  " фото ",
                                  " 사진 ",
                                  " 사진=",
                                  " 摄影",
                                  " 攝影",
                                  " 写真"}) {
    const size_t at = lower.find(clause);
    if (at != std::string::npos && at > 0) cut = std::min(cut, at);
  }
  if (cut != std::string::npos) {
    text->erase(cut);
    *text = std::string(TrimEnd(TrimAscii(*text), ",;|/-"));
  }
}

bool IsPhotoCredit(std::string_view text) {
  static const std::regex kCredit(
      "^(?:fotos?|photos?|photographs?|photography|bilder?|bildquelle|fotografie|fotografía|"
      "fotografias?|foto's|zdjęci[ae]|credits?|image|images|picture|pictures|quelle|source|"
      "фото|фотографии|사진|写真|图片|圖片|摄影|攝影)\\s*(?::|：|=|by\\s|von\\s|de\\s|di\\s|par\\s|"
      "por\\s)",
      kRegexFlags);
  return std::regex_search(text.begin(), text.end(), kCredit);
}

void RemoveHandles(std::string* text) {
  if (text->find('@') == std::string::npos) return;
  std::vector<std::string> kept;
  bool removed = false;
  for (std::string& word : SplitWords(*text)) {
    if (word.size() > 1 && word[0] == '@' && FindEmailSpan(word).first == std::string::npos) {
      removed = true;
      continue;
    }
    kept.push_back(std::move(word));
  }
  if (removed && !kept.empty()) *text = JoinWords(kept, 0, kept.size());
}

void StripQuotes(std::string* text) {
  static constexpr std::array<std::string_view, 9> kQuotes = {
      "'", "\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB", "\u2018", "\u2019"};
  for (bool again = true; again;) {
    again = false;
    for (std::string_view quote : kQuotes) {
      if (text->size() > quote.size() && text->starts_with(quote)) {
        text->erase(0, quote.size());
        again = true;
      }
      if (text->size() > quote.size() && text->ends_with(quote)) {
        text->resize(text->size() - quote.size());
        again = true;
      }
    }
  }
  *text = std::string(TrimAscii(*text));
}

void UnwrapCoauthorClause(std::string* text) {
  static const std::regex kClause("\\s*\\((?:avec|with|mit|con|com)\\s+([^()]+)\\)\\s*$",
                                  kRegexFlags);
  std::smatch m;
  if (text->find('(') != std::string::npos && std::regex_search(*text, m, kClause) &&
      m.position(0) > 0) {
    *text = text->substr(0, static_cast<size_t>(m.position(0))) + ", " + m[1].str();
  }
}

void RemoveBracketedUrls(std::string* text) {
  for (size_t open = text->find('('); open != std::string::npos; open = text->find('(', open)) {
    const size_t close = text->find(')', open);
    if (close == std::string::npos) {
      return;
    }
    if (HasUrl(std::string_view(*text).substr(open, close - open))) {
      text->erase(open, close - open + 1);
      *text = CollapseWhitespace(*text);
    } else {
      open = close;
    }
  }
}

std::vector<NamePiece> SplitNamePieces(std::string_view text) {
  if (!MayHoldNameSeparator(text)) {
    const std::string_view piece = TrimAscii(text);
    if (piece.empty()) return {};
    return {{std::string(piece), ""}};
  }
  static const std::regex kSeparator(
      "\\s*(?:,\\s*(?:and|et|und|y|e|och|og|&)\\s+|,|;|·|、|\\s+/\\s+|"
      "\\s+(?:and|et|und|y|e|och|og|i|a|ve|и|і|та)\\s+|\\s*&\\s*|\\s+및\\s+)\\s*",
      kRegexFlags);
  std::vector<NamePiece> pieces;
  const std::string owned(text);
  std::string separator;
  size_t start = 0;
  const auto add = [&](size_t end) {
    const std::string piece(TrimAscii(std::string_view(owned).substr(start, end - start)));
    if (!piece.empty()) {
      pieces.push_back({piece, pieces.empty() ? "" : separator});
    }
  };
  for (std::sregex_iterator it(owned.begin(), owned.end(), kSeparator), end; it != end; ++it) {
    add(static_cast<size_t>(it->position(0)));
    separator = std::string(TrimAscii(it->str()));
    start = static_cast<size_t>(it->position(0) + it->length(0));
  }
  add(owned.size());
  return pieces;
}

std::vector<std::string> SplitNameList(std::string_view text) {
  std::vector<std::string> names;
  for (NamePiece& piece : SplitNamePieces(text)) {
    names.push_back(std::move(piece.text));
  }
  return names;
}

bool AffiliationTracker::Skip(size_t i) {
  if (!in_affiliation_) {
    return false;
  }
  const bool next_is_title = i + 1 < pieces_.size() && HasTitleNounText(pieces_[i + 1].text);
  if (SeparatesPeople(pieces_[i].separator) || next_is_title) {
    in_affiliation_ = false;
    return false;
  }
  return true;
}

bool AffiliationTracker::HasTitleNounText(const std::string& text) {
  return HasTitleNoun(SplitWords(text));
}

bool StripTrailingWhen(std::string* text) {
  if (text->find('@') != std::string::npos || text->size() > kMaxDateText) {
    return false;
  }
  size_t cut = text->find_first_of("0123456789");
  for (const DateCandidate& date : FindDates(*text)) {
    cut = std::min(cut, date.begin);
    break;
  }
  if (cut == std::string::npos || cut == 0) {
    return false;
  }
  std::vector<std::string> words = SplitWords(std::string_view(*text).substr(0, cut));
  const size_t all_words = words.size();
  while (!words.empty() && IsWhenWord(words.back())) {
    words.pop_back();
  }
  // "on", "před", "Updated May": a few words lead up to a date; more are a sentence.
  if (words.size() < 2 || all_words - words.size() > kMaxWhenWords) {
    return false;  // "Read more at 10:30": no name is left, the line was about something else
  }
  *text = std::string(TrimEnd(JoinWords(words, 0, words.size()), ",;:|-/("));
  return true;
}

std::string TakeEmail(std::string* piece) {
  const auto [begin, end] = FindEmailSpan(*piece);
  if (begin == std::string::npos) {
    return "";
  }
  std::string email = LowerAscii(std::string_view(*piece).substr(begin, end - begin));
  piece->erase(begin, end - begin);
  static const std::regex kWrappers(
      "\\(\\s*(?:mailto:)?\\s*\\)|<\\s*(?:mailto:)?\\s*>|\\[\\s*(?:mailto:)?\\s*\\]|mailto:|"
      "\\be-?mail\\s*:?\\s*$",
      kRegexFlags);
  *piece = std::regex_replace(*piece, kWrappers, "");
  *piece = std::string(TrimEnd(TrimAscii(*piece), ",;:-/|"));
  return email;
}

void RemoveEmails(std::string* text) {
  for (std::string email = TakeEmail(text); !email.empty(); email = TakeEmail(text)) {
    // Names only: the addresses go.
  }
}

void RemoveInvisibleMarks(std::string* text) {
  if (text->find_first_of("\xC2\xE2\xEF") == std::string::npos) return;  // none can be there
  for (std::string_view mark : {"\u00AD", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
    for (size_t at = text->find(mark); at != std::string::npos; at = text->find(mark, at)) {
      text->erase(at, mark.size());
    }
  }
}

void StripLeadingDashes(std::string* text) {
  size_t at = 0;
  for (bool again = true; again;) {
    again = false;
    for (std::string_view dash :
         {"-", "\u2013", "\u2014", "\u2012", "\u2015", "\u2022", "\u00B7", " "}) {
      if (std::string_view(*text).substr(at).starts_with(dash)) {
        at += dash.size();
        again = true;
      }
    }
  }
  if (at > 0 && at < text->size()) text->erase(0, at);
}
}  // namespace morgue::internal
