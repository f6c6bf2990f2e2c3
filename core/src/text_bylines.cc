// Bylines and names fields (morgue/text.h: ParseByline, SplitAuthorNames).

#include <algorithm>
#include <array>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "text_chars.h"
#include "text_dates.h"

namespace morgue {
namespace {

using namespace text_detail;  // NOLINT(google-build-using-namespace)

constexpr size_t kMaxNames = 4;
constexpr size_t kMaxBylineBytes = 200;
constexpr size_t kMaxNameWords = 5;

// Words that make a byline segment a job title rather than a name.
bool IsTitleNoun(std::string_view lower) {
  return EqualsAny(
      lower,
      {"writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor",
       "editors", "contributor", "contributors", "columnist", "columnists", "photographer",
       "photographers", "journalist", "journalists", "intern", "producer", "stringer", "chief",
       "staff", "technologist", "analyst", "fellow", "professor", "director", "president",
       "manager", "counsel", "attorney", "officer", "researcher", "scientist", "strategist",
       "specialist", "consultant", "founder", "ceo", "lecturer", "economist", "adviser", "advisor",
       "commentator", "critic", "blogger", "anchor", "host", "designer", "developer", "engineer",
       // The same jobs in the languages bylines are written in.
       "redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent",
       "korrespondentin", "journalistin", "reporterin", "volontär", "volontärin", "fotograf",
       "fotografin", "journaliste", "rédacteur", "rédactrice", "correspondant", "correspondante",
       "envoyé", "envoyée", "chroniqueur", "chroniqueuse", "periodista", "redactor", "redactora",
       "corresponsal", "colaborador", "colaboradora", "enviado", "enviada", "columnista",
       "giornalista", "redattore", "redattrice", "corrispondente", "inviato", "inviata",
       "jornalista", "repórter", "correspondente", "colunista", "verslaggever", "redacteur",
       "correspondente", "dziennikarz", "dziennikarka", "redaktor", "redaktorka", "korespondent",
       "zpravodaj", "zpravodajka", "novinář", "novinářka", "muhabir", "muhabiri", "editörü",
       "корреспондент", "журналист", "журналистка", "редактор", "обозреватель", "кореспондент",
       "журналістка", "оглядач", "rechtsanwalt", "rechtsanwältin", "fachanwalt", "fachanwältin",
       "anwalt", "anwältin", "abogado", "abogada", "avocat", "avocate", "avvocato", "advocaat"});
}

// A newsroom named after a person's name ("Lena Vogt, Redaktion"): the desk, not a
// second person. Alone ("Redaktion") it is the page's own statement and left to callers.
bool IsDeskWord(std::string_view lower) {
  return EqualsAny(
      lower, {"redaktion", "redaction", "rédaction", "redacción", "redaccion", "redazione",
              "redação", "redacao", "redactie", "redakcja", "redakce", "redaksjonen", "redaktionen",
              "редакция", "редакція", "newsroom", "staff", "desk"});
}

bool IsTitleModifier(std::string_view lower) {
  return EqualsAny(lower, {"senior",     "chief",    "special",       "contributing",  "associate",
                           "assistant",  "deputy",   "managing",      "executive",     "political",
                           "business",   "sports",   "foreign",       "national",      "diplomatic",
                           "defense",    "defence",  "economic",      "economics",     "science",
                           "technology", "bureau",   "desk",          "news",          "city",
                           "metro",      "culture",  "education",     "investigative", "freelance",
                           "guest",      "global",   "international", "online",        "digital",
                           "staff",      "local",    "regional",      "photo",         "video",
                           "vice",       "general",  "games",         "gaming",        "health",
                           "travel",     "food",     "arts",          "music",         "film",
                           "opinion",    "features", "entertainment", "fashion",       "legal",
                           "policy",     "research", "data",          "tech",          "politics",
                           "climate",    "markets",  "finance",       "software",      "web"});
}

// A word as the title lists spell it: lower case, without a trailing "." or ",".
std::string TitleKey(std::string_view word) { return LowerAscii(TrimEnd(word, ".,")); }

bool IsTitleWord(const std::string& word) {
  const std::string key = TitleKey(word);
  return IsTitleNoun(key) || IsTitleModifier(key);
}

bool HasTitleNoun(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& word) { return IsTitleNoun(TitleKey(word)); });
}

// Job titles written after (or before) a name in the same segment: "Lee Tae-hoon Staff
// Reporter" keeps "Lee Tae-hoon"; "Staff Reporter Lee Tae-hoon" too. "Correspondent in
// Tokyo" keeps nothing. Sets *stripped when a title was found.
std::string StripTitleWords(std::string_view piece, bool* stripped) {
  const std::vector<std::string> words = SplitWords(piece);
  if (!HasTitleNoun(words)) {
    return std::string(piece);
  }
  *stripped = true;
  size_t first = 0;
  while (first < words.size() && !IsTitleWord(words[first])) {
    ++first;
  }
  if (first > 0) {
    return JoinWords(words, 0, first);
  }
  size_t last = first;
  while (last < words.size() && IsTitleWord(words[last])) {
    ++last;
  }
  if (last < words.size() && EqualsAny(LowerAscii(words[last]), {"in", "for", "at", "of", "on"})) {
    return "";
  }
  return JoinWords(words, last, words.size());
}

// "박지민 기자" → "박지민"; "山田太郎記者" → "山田太郎". Longest suffixes first.
std::string StripCjkTitle(std::string_view piece, bool* stripped) {
  static constexpr std::array<std::string_view, 12> kSuffixes = {
      "선임기자", "객원기자", "편집위원", "논설위원", "특파원", "기자",
      "特派員",   "特派员",   "編集委員", "記者",     "记者",   "通讯员"};
  for (std::string_view suffix : kSuffixes) {
    if (piece.ends_with(suffix) && piece.size() > suffix.size()) {
      *stripped = true;
      return std::string(TrimAscii(piece.substr(0, piece.size() - suffix.size())));
    }
  }
  return std::string(piece);
}

bool IsNameParticle(std::string_view lower) {
  return EqualsAny(lower, {"de",    "van", "von", "der", "den",   "da",  "di",   "du", "del",
                           "della", "la",  "le",  "bin", "binti", "al",  "el",   "y",  "dos",
                           "das",   "ter", "ten", "zu",  "af",    "ibn", "bint", "st."});
}

// "Redaktion", "Die Redaktion", "Online-Redaktion" after a name.
bool IsDeskPiece(std::string_view piece) {
  const std::vector<std::string> words = SplitWords(piece);
  bool desk = false;
  for (const std::string& word : words) {
    const std::string key = LowerAscii(TrimEnd(word, ".,"));
    const size_t dash = key.rfind('-');
    const bool is_desk =
        IsDeskWord(key) || (dash != std::string::npos && IsDeskWord(key.substr(dash + 1)));
    if (!is_desk && !IsTitleModifier(key) && !IsNameParticle(key) &&
        !EqualsAny(key, {"die", "des", "the"})) {
      return false;
    }
    desk = desk || is_desk;
  }
  return desk;
}

bool IsStopWord(std::string_view lower) {
  return EqualsAny(lower,
                   {"the",  "a",   "an",   "this", "that", "these", "those", "it",    "he",
                    "she",  "we",  "they", "i",    "you",  "in",    "on",    "at",    "of",
                    "to",   "for", "with", "from", "said", "says",  "is",    "was",   "were",
                    "will", "has", "have", "had",  "not",  "no",    "and",   "or",    "but",
                    "if",   "as",  "by",   "our",  "my",   "his",   "her",   "their", "its"});
}

// A blog account such as "kimchi-watcher" or "admin".
bool LooksLikeHandle(std::string_view word) {
  if (word.size() < 2 || IsStopWord(LowerAscii(word))) {
    return false;
  }
  bool letter = false;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) != 0) {
      letter = true;
    } else if (std::isdigit(u) == 0 && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return letter;
}

bool LooksLikeNameWord(std::string_view word) {
  const std::string lower = LowerAscii(word);
  if (IsNameParticle(lower)) {
    return true;
  }
  size_t length = 1;
  const char32_t first = CodePointAt(word, 0, &length);
  if (first < 0x80 && !(first >= 'A' && first <= 'Z')) {
    return false;
  }
  if (first >= 0x80 && !IsLetterish(first)) {
    return false;
  }
  bool ok = true;
  ForEachCodePoint(word, [&](char32_t cp, size_t, size_t) {
    ok = ok && (IsLetterish(cp) || cp == '-' || cp == '\'' || cp == '.' || cp == 0x2019);
  });
  return ok && !IsStopWord(lower);
}

// "Lee Tae-hoon", "J. R. R. Tolkien", "Ursula von der Leyen", "박지민", "山田 太郎".
bool LooksLikeName(std::string_view name, bool allow_handle) {
  if (name.empty() || name.size() > 80 || name.find('@') != std::string_view::npos ||
      HasUrl(name)) {
    return false;
  }
  const std::vector<std::string> words = SplitWords(name);
  if (allow_handle && words.size() == 1 && LooksLikeHandle(words[0])) {
    return true;
  }
  if (HasDigit(name) || words.size() > kMaxNameWords) {
    return false;
  }
  if (HasCjk(name)) {
    // East Asian names are one or two short words; longer runs are sentences.
    return words.size() <= 2 && std::all_of(words.begin(), words.end(), [](const auto& word) {
             return CountCodePoints(word) <= 6 && LooksLikeNameWord(word);
           });
  }
  bool has_name_word = false;
  for (const std::string& word : words) {
    if (!LooksLikeNameWord(word)) {
      return false;
    }
    has_name_word = has_name_word || !IsNameParticle(LowerAscii(word));
  }
  return has_name_word;
}

bool IsNameSuffix(std::string_view piece) {
  return EqualsAny(LowerAscii(piece), {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"});
}

// Academic and professional degrees written after a name ("Brenda Goodman, MA"): not a
// person of their own, and not part of the name.
bool IsDegree(std::string_view piece) {
  std::string key;
  for (char c : LowerAscii(piece)) {
    if (c != '.') {
      key += c;
    }
  }
  return EqualsAny(key, {"ma", "md", "phd", "ms", "msc", "bsc", "ba", "mba", "mph", "rn", "jd",
                         "dds", "dphil", "mfa", "llm", "cpa"});
}

// "Written by X Edited by Y", "By X Photographs by Y": the people after the first are
// not the article's authors. Cuts `text` before such a clause.
// The same in the other languages: "Text: X, Fotos: Y", "Par X, photos Y", "Texto: X /
// Fotografía: Y", "Tekst: X, foto: Y".
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

// A photo or image credit line ("Fotos: X", "Photo by X", "Bild: X", "Фото: X"): it names
// who took the pictures, never who wrote the article.
bool IsPhotoCredit(std::string_view text) {
  static const std::regex kCredit(
      "^(?:fotos?|photos?|photographs?|photography|bilder?|bildquelle|fotografie|fotografía|"
      "fotografias?|foto's|zdjęci[ae]|credits?|image|images|picture|pictures|quelle|source|"
      "фото|фотографии|사진|写真|图片|圖片|摄影|攝影)\\s*(?::|：|=|by\\s|von\\s|de\\s|di\\s|par\\s|"
      "por\\s)",
      kRegexFlags);
  return std::regex_search(text.begin(), text.end(), kCredit);
}

// "Gustavo Ledezma @gledezma": a social-media handle shown with a name is not part of
// it. Only when words other than handles remain.
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

// Quotes around a whole names field ("'Jane Doe, John Roe'", "«Jane Doe»").
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

// "Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Jane Doe (with John Roe)":
// co-authors credited in brackets join the list as if written "X, Y et Z".
void UnwrapCoauthorClause(std::string* text) {
  static const std::regex kClause("\\s*\\((?:avec|with|mit|con|com)\\s+([^()]+)\\)\\s*$",
                                  kRegexFlags);
  std::smatch m;
  if (text->find('(') != std::string::npos && std::regex_search(*text, m, kClause) &&
      m.position(0) > 0) {
    *text = text->substr(0, static_cast<size_t>(m.position(0))) + ", " + m[1].str();
  }
}

// "Bradley M. Kuhn (http://ebb.org/bkuhn/)": a home page in brackets after a name.
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

// One name of a names list and what separated it from the previous one ("" for the
// first).
struct NamePiece {
  std::string text;
  std::string separator;
};

// Splits a names list on ",", ";", " / ", " & ", "·", "、", " 및 " and the word "and" in
// the languages bylines are written in ("und", "et", "y", "e", "och", "og", "i", "a",
// "ve", "и", "і"); ", and" (the serial comma) is one separator. The Dutch "en" is Spanish
// for "in" ("X en Madrid"), so only a "Door" byline splits on it (ParseByline).
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

// Whether a separator starts a new person even after an affiliation: ";" and a bare
// "and" do, a comma (also ", and" inside "Speech, Privacy, and Technology") does not.
bool SeparatesPeople(std::string_view separator) {
  return separator == ";" || (!separator.empty() && separator.find(',') == std::string::npos);
}

// Decides, piece by piece, which pieces of a names list are the organisation a person
// works for rather than people: after a job title ("X, Technologist, ACLU Speech,
// Privacy, and Technology Project") the comma-separated rest is the affiliation, until
// a ";" or "and", or a piece that is itself followed by a job title ("A, Staff Writer,
// B, Staff Writer").
class AffiliationTracker {
 public:
  explicit AffiliationTracker(const std::vector<NamePiece>& pieces) : pieces_(pieces) {}

  // Whether pieces_[i] is part of an affiliation and should be skipped.
  bool Skip(size_t i) {
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

  // Called after pieces_[i] turned out to be a job title of its own (", Staff Writer").
  void TitleSeen() { in_affiliation_ = true; }

 private:
  static bool HasTitleNounText(const std::string& text);
  const std::vector<NamePiece>& pieces_;
  bool in_affiliation_ = false;
};

bool AffiliationTracker::HasTitleNounText(const std::string& text) {
  return HasTitleNoun(SplitWords(text));
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

// "Joshua Sokol May 20, 2019", "Sarah Archer 1:39 PM ET", "Aleš Vávra před 2 hodinami":
// byline elements often say when along with who. Cuts the text at its first date or
// number and drops the words that lead up to it; unless fewer than two words remain, as
// a name has. Text holding an e-mail address is left alone (addresses have digits). True
// when something was cut.
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

// Removes the e-mail address and what wraps it ("(x@y.com)", "<mailto:x@y.com>",
// "E-mail: x@y.com") from `piece`; returns the address, lower-cased, or "".
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

// Characters a reader never sees: the soft hyphens of hyphenated text (a name set as
// "Ma|thi|as" with U+00AD at the bars), zero-width (non-)joiners, the word joiner and a
// stray byte order mark. A name is kept as the reader sees it.
void RemoveInvisibleMarks(std::string* text) {
  if (text->find_first_of("\xC2\xE2\xEF") == std::string::npos) return;  // none can be there
  for (std::string_view mark : {"\u00AD", "\u200C", "\u200D", "\u2060", "\uFEFF"}) {
    for (size_t at = text->find(mark); at != std::string::npos; at = text->find(mark, at)) {
      text->erase(at, mark.size());
    }
  }
}

// "---- by X", "— Von X", "– Par X": a dash or a bullet set before a byline.
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
