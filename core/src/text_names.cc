// What a person's name and a job title look like (text_names.h).

#include "text_names.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "text_chars.h"

namespace morgue::internal {
namespace {

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

bool IsNameParticle(std::string_view lower) {
  return EqualsAny(lower, {"de",    "van", "von", "der", "den",   "da",  "di",   "du", "del",
                           "della", "la",  "le",  "bin", "binti", "al",  "el",   "y",  "dos",
                           "das",   "ter", "ten", "zu",  "af",    "ibn", "bint", "st."});
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

}  // namespace

bool HasTitleNoun(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& word) { return IsTitleNoun(TitleKey(word)); });
}

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
}  // namespace morgue::internal
