// Dates as news pages and blogs write them (morgue/text.h: ParseDate). std::regex runs on
// short, whitespace-folded text only.

#include "text_dates.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string>
#include <vector>

#include "morgue/datetime.h"
#include "morgue/text.h"
#include "text_chars.h"
#include "text_date_words.h"

namespace morgue {
namespace {

using namespace text_detail;  // NOLINT(google-build-using-namespace)

constexpr int kMaxDateExtraWords = 4;

#define MORGUE_WEEKDAY                                                                             \
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|" \
  "sun)"
#define MORGUE_ZONE_NAME "(gmt|utc|ut|z|est|edt|cst|cdt|mst|mdt|pst|pdt|kst|jst)"

int ToInt(const std::ssub_match& match) { return match.matched ? std::stoi(match.str()) : -1; }

// ---- Dates written with digits only ----------------------------------------------------
//
// Hand-written scanners, each finding what a regular expression would (noted above it), in
// the same order, without std::regex's cost on every line a page may date.

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// std::regex's \w and \s in the classic locale.
bool IsWordByte(char c) {
  return IsDigitByte(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool IsSpaceByte(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A digit scanner over one text: positions past the end read as "not a digit".
class DigitScanner {
 public:
  explicit DigitScanner(const std::string& text) : text_(text) {}

  size_t size() const { return text_.size(); }
  bool Digit(size_t i) const { return i < text_.size() && IsDigitByte(text_[i]); }
  bool Is(size_t i, char c) const { return i < text_.size() && text_[i] == c; }
  bool Is(size_t i, std::string_view word) const {
    return std::string_view(text_).substr(std::min(i, text_.size())).starts_with(word);
  }
  // \b before a digit at i.
  bool WordStart(size_t i) const { return i == 0 || !IsWordByte(text_[i - 1]); }
  size_t RunEnd(size_t i) const {
    while (Digit(i)) ++i;
    return i;
  }
  // [0-9]{min,max} followed by a non-digit (what every use here needs); its end, or npos.
  size_t Run(size_t i, size_t min, size_t max) const {
    const size_t end = RunEnd(i);
    return end - i >= min && end - i <= max ? end : std::string::npos;
  }
  size_t Spaces(size_t i) const {
    while (i < text_.size() && IsSpaceByte(text_[i])) ++i;
    return i;
  }
  size_t OptionalSpace(size_t i) const {
    return i < text_.size() && IsSpaceByte(text_[i]) ? i + 1 : i;
  }
  int Number(size_t begin, size_t end) const { return std::stoi(text_.substr(begin, end - begin)); }

 private:
  const std::string& text_;
};

constexpr size_t kNoMatch = std::string::npos;

// Every match of `match_at` from left to right, not overlapping (as std::sregex_iterator
// finds them); a match that ReadDate-like checks refuse still ends where it ends.
template <typename MatchAt>
void ScanDates(const DigitScanner& text, MatchAt match_at, std::vector<DateCandidate>* dates) {
  size_t pos = 0;
  while (pos < text.size()) {
    DateCandidate date;
    bool valid = true;
    const size_t end = match_at(pos, &date, &valid);
    if (end == kNoMatch) {
      ++pos;
      continue;
    }
    date.begin = pos;
    date.end = end;
    if (valid) dates->push_back(date);
    pos = end;
  }
}

// \b([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|\.\s?([0-9]{1,2})\.\s?([0-9]{1,2})
//   |/([0-9]{1,2})/([0-9]{1,2}))(?![0-9])
// 2011-01-04, 2011.01.04, 2011. 1. 4, 2011/01/04
size_t YearFirstAt(const DigitScanner& t, size_t p, DateCandidate* date, bool* /*valid*/) {
  if (!t.WordStart(p)) return kNoMatch;
  const size_t year_end = t.Run(p, 4, 4);
  if (year_end == kNoMatch) return kNoMatch;
  const bool dots = t.Is(year_end, '.');
  if (!dots && !t.Is(year_end, '-') && !t.Is(year_end, '/')) return kNoMatch;
  const char separator = dots ? '.' : (t.Is(year_end, '-') ? '-' : '/');
  size_t month_begin = year_end + 1;
  if (dots) month_begin = t.OptionalSpace(month_begin);
  const size_t month_end = t.Run(month_begin, 1, 2);
  if (month_end == kNoMatch || !t.Is(month_end, separator)) return kNoMatch;
  size_t day_begin = month_end + 1;
  if (dots) day_begin = t.OptionalSpace(day_begin);
  const size_t day_end = t.Run(day_begin, 1, 2);
  if (day_end == kNoMatch) return kNoMatch;
  date->year = t.Number(p, year_end);
  date->month = t.Number(month_begin, month_end);
  date->day = t.Number(day_begin, day_end);
  return day_end;
}

// ([0-9]{4})\s*년\s*([0-9]{1,2})\s*월\s*([0-9]{1,2})\s*일, and the same with 年, 月, 日
size_t EastAsianAt(const DigitScanner& t, size_t p, std::string_view year_word,
                   std::string_view month_word, std::string_view day_word, DateCandidate* date) {
  if (!t.Digit(p) || !t.Digit(p + 1) || !t.Digit(p + 2) || !t.Digit(p + 3)) return kNoMatch;
  size_t i = t.Spaces(p + 4);
  if (!t.Is(i, year_word)) return kNoMatch;
  const size_t month_begin = t.Spaces(i + year_word.size());
  const size_t month_end = t.Run(month_begin, 1, 2);
  if (month_end == kNoMatch) return kNoMatch;
  i = t.Spaces(month_end);
  if (!t.Is(i, month_word)) return kNoMatch;
  const size_t day_begin = t.Spaces(i + month_word.size());
  const size_t day_end = t.Run(day_begin, 1, 2);
  if (day_end == kNoMatch) return kNoMatch;
  i = t.Spaces(day_end);
  if (!t.Is(i, day_word)) return kNoMatch;
  date->year = t.Number(p, p + 4);
  date->month = t.Number(month_begin, month_end);
  date->day = t.Number(day_begin, day_end);
  return i + day_word.size();
}

// \b([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4})(?![0-9])
// 13/01/2011 or 01/13/2011 (04/01/2011 is ambiguous and refused); 04.01.2011 is day-first,
// as every language that writes dots writes it
size_t NumericAt(const DigitScanner& t, size_t p, DateCandidate* date, bool* valid) {
  if (!t.WordStart(p)) return kNoMatch;
  const size_t first_end = t.Run(p, 1, 2);
  if (first_end == kNoMatch) return kNoMatch;
  const bool dots = t.Is(first_end, '.');
  if (!dots && !t.Is(first_end, '/') && !t.Is(first_end, '-')) return kNoMatch;
  const char separator = dots ? '.' : (t.Is(first_end, '/') ? '/' : '-');
  const size_t second_end = t.Run(first_end + 1, 1, 2);
  if (second_end == kNoMatch || !t.Is(second_end, separator)) return kNoMatch;
  const size_t year_end = t.Run(second_end + 1, 4, 4);
  if (year_end == kNoMatch) return kNoMatch;
  const int first = t.Number(p, first_end);
  const int second = t.Number(first_end + 1, second_end);
  date->year = t.Number(second_end + 1, year_end);
  // Only when one reading is impossible (or both agree) is the order known.
  if (dots || (first > 12 && second <= 12)) {
    date->day = first;
    date->month = second;
  } else if (second > 12 && first <= 12) {
    date->month = first;
    date->day = second;
  } else if (first == second) {
    date->month = date->day = first;
  } else {
    *valid = false;
  }
  return year_end;
}

// \b([0-9]{1,2})\.([0-9]{2})\.([0-9]{2})(?![0-9]|\.[0-9])
// 04.01.11, 4.01.11: German and other day-first lines with a two-digit year (20xx); the
// month and year with two digits each, so that "1.2.11" (a section or version number) is
// not a date
size_t DottedShortYearAt(const DigitScanner& t, size_t p, DateCandidate* date, bool* /*valid*/) {
  if (!t.WordStart(p)) return kNoMatch;
  const size_t day_end = t.Run(p, 1, 2);
  if (day_end == kNoMatch || !t.Is(day_end, '.')) return kNoMatch;
  const size_t month_end = t.Run(day_end + 1, 2, 2);
  if (month_end == kNoMatch || !t.Is(month_end, '.')) return kNoMatch;
  const size_t year_end = t.Run(month_end + 1, 2, 2);
  if (year_end == kNoMatch || (t.Is(year_end, '.') && t.Digit(year_end + 1))) return kNoMatch;
  date->day = t.Number(p, day_end);
  date->month = t.Number(day_end + 1, month_end);
  date->year = 2000 + t.Number(month_end + 1, year_end);
  return year_end;
}

void FindNumericDates(const std::string& text, std::vector<DateCandidate>* dates) {
  const DigitScanner t(text);
  ScanDates(
      t, [&](size_t p, DateCandidate* d, bool* v) { return YearFirstAt(t, p, d, v); }, dates);
  ScanDates(
      t, [&](size_t p, DateCandidate* d, bool*) { return EastAsianAt(t, p, "년", "월", "일", d); },
      dates);
  ScanDates(
      t, [&](size_t p, DateCandidate* d, bool*) { return EastAsianAt(t, p, "年", "月", "日", d); },
      dates);
  ScanDates(
      t, [&](size_t p, DateCandidate* d, bool* v) { return NumericAt(t, p, d, v); }, dates);
  ScanDates(
      t, [&](size_t p, DateCandidate* d, bool* v) { return DottedShortYearAt(t, p, d, v); }, dates);
}

// ---- Dates written with a month's name ------------------------------------------------

// A run of digits, of letters, or one other character, in the lower-cased text.
struct Token {
  enum class Kind { kNumber, kWord, kMark } kind;
  size_t begin;
  size_t end;
  std::string_view text;
};

std::vector<Token> Tokenize(std::string_view lower) {
  std::vector<Token> tokens;
  ForEachCodePoint(lower, [&](char32_t cp, size_t pos, size_t length) {
    if (IsSpaceCodePoint(cp)) return;
    const Token::Kind kind = IsAsciiDigit(cp)  ? Token::Kind::kNumber
                             : IsLetterish(cp) ? Token::Kind::kWord
                                               : Token::Kind::kMark;
    if (kind != Token::Kind::kMark && !tokens.empty() && tokens.back().kind == kind &&
        tokens.back().end == pos) {
      tokens.back().end = pos + length;
      tokens.back().text =
          lower.substr(tokens.back().begin, tokens.back().end - tokens.back().begin);
      return;
    }
    tokens.push_back({kind, pos, pos + length, lower.substr(pos, length)});
  });
  return tokens;
}

// Reads tokens[*i...] as one of the forms of a date with a month name, advancing *i.
class NamedDateReader {
 public:
  explicit NamedDateReader(const std::vector<Token>& tokens) : tokens_(tokens) {}

  // "4 January 2011", "4. Januar 2011", "4 de enero de 2011", "1er janvier 2011",
  // "4th of January, 2011", "04-Jan-2011", "4 января 2011 г.".
  bool DayMonthYear(size_t i, DateCandidate* date) const {
    const size_t first = i;
    if (!Day(&i, /*after_month=*/false, &date->day)) return false;
    Skip(&i, {".", "-", "/"});
    Skip(&i, {"of", "de"});
    if (!Month(&i, &date->month) || !Year(&i, first, date)) return false;
    return true;
  }

  // "January 4, 2011", "Jan. 4th 2011", "Sept. 4, 2011".
  bool MonthDayYear(size_t i, DateCandidate* date) const {
    const size_t first = i;
    if (!Month(&i, &date->month) || !Day(&i, /*after_month=*/true, &date->day)) return false;
    return Year(&i, first, date);
  }

 private:
  const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

  void Skip(size_t* i, std::initializer_list<std::string_view> words) const {
    if (const Token* token = At(*i); token != nullptr && EqualsAny(token->text, words)) ++*i;
  }

  // A day of one or two digits, not the end of a longer number ("2011.04 Jan", "10:04"),
  // with an ordinal ending written onto it ("4th", "1er", "1º").
  bool Day(size_t* i, bool after_month, int* day) const {
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kNumber || token->text.size() > 2) {
      return false;
    }
    if (!after_month && *i > 0) {
      const Token& before = tokens_[*i - 1];
      if (before.end == token->begin && (before.text == "." || before.text == ":" ||
                                         before.text == "," || before.kind == Token::Kind::kWord)) {
        return false;
      }
    }
    *day = std::stoi(std::string(token->text));
    ++*i;
    if (const Token* suffix = At(*i);
        suffix != nullptr && suffix->begin == token->end &&
        EqualsAny(suffix->text, {"st", "nd", "rd", "th", "er", "\xC2\xBA", "\xC2\xAA"})) {
      ++*i;
    }
    return true;
  }

  // A month's name, or its abbreviation with or without a dot.
  bool Month(size_t* i, int* month) const {
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kWord) return false;
    *month = MonthOfWord(token->text);
    if (*month == 0) return false;
    ++*i;
    if (const Token* dot = At(*i); dot != nullptr && dot->text == "." && dot->begin == token->end) {
      ++*i;
    }
    return true;
  }

  // The year after the month or day: four digits, after at most a comma, dash, slash or
  // "de"/"del"; the date spans tokens [first, year].
  bool Year(size_t* i, size_t first, DateCandidate* date) const {
    Skip(i, {",", "-", "/"});
    Skip(i, {"de", "del"});
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kNumber || token->text.size() != 4) {
      return false;
    }
    date->year = std::stoi(std::string(token->text));
    date->begin = tokens_[first].begin;
    date->end = token->end;
    return true;
  }

  const std::vector<Token>& tokens_;
};

void FindNamedDates(const std::string& text, std::vector<DateCandidate>* dates) {
  const std::string lower = LowerSameLength(text);
  const std::vector<Token> tokens = Tokenize(lower);
  const NamedDateReader reader(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    DateCandidate date;
    if (reader.DayMonthYear(i, &date) || reader.MonthDayYear(i, &date)) {
      dates->push_back(date);
    }
  }
}

}  // namespace

std::vector<DateCandidate> text_detail::FindDates(const std::string& text) {
  std::vector<DateCandidate> dates;
  // Every form needs a digit.
  if (text.find_first_of("0123456789") == std::string::npos) return dates;
  FindNumericDates(text, &dates);
  FindNamedDates(text, &dates);
  std::stable_sort(dates.begin(), dates.end(), [](const DateCandidate& a, const DateCandidate& b) {
    return a.begin < b.begin;
  });
  return dates;
}

namespace {

struct TimeOfDay {
  bool found = false;
  bool valid = true;
  int hour = 0;
  int minute = 0;
  std::string seconds;  // ":SS" with any fraction, as written; empty when not given
  std::string offset;   // "Z", "+09:00"; empty when not given
  size_t begin = 0;     // the span of text it took
  size_t end = 0;
};

// 12-hour clock to 24-hour; false for an hour the marker makes impossible.
bool ApplyMeridiem(std::string_view marker, int* hour) {
  if (marker.empty()) {
    return *hour <= 23;
  }
  if (*hour < 1 || *hour > 12) {
    return false;
  }
  const std::string lower = LowerAscii(marker);
  const bool pm = lower.starts_with('p') || marker == "오후" || marker == "午後";
  *hour = (*hour % 12) + (pm ? 12 : 0);
  return true;
}

std::string ZoneOffset(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kZones = {{
      {"gmt", "Z"},
      {"utc", "Z"},
      {"ut", "Z"},
      {"z", "Z"},
      {"est", "-05:00"},
      {"edt", "-04:00"},
      {"cst", "-06:00"},
      {"cdt", "-05:00"},
      {"mst", "-07:00"},
      {"mdt", "-06:00"},
      {"pst", "-08:00"},
      {"pdt", "-07:00"},
      {"kst", "+09:00"},
      {"jst", "+09:00"},
  }};
  const std::string lower = LowerAscii(name);
  for (const auto& [zone, offset] : kZones) {
    if (lower == zone) {
      return std::string(offset);
    }
  }
  return "";
}

// A zone or offset at text[pos]: "GMT", " +0900", "+09:00", "Z", " (KST)", "GMT+9".
// Returns the offset ("" if none) and advances *pos past it.
std::string ReadZone(const std::string& text, size_t* pos) {
  static const std::regex kZone("^\\s*\\(?\\s*(?:" MORGUE_ZONE_NAME
                                "(?![a-z]))?\\s*(?:([+-])([0-9]{1,2})(?::?([0-9]{2}))?"
                                "(?![0-9]))?\\s*\\)?",
                                kRegexFlags);
  std::smatch m;
  // Anchored: match_continuous tries the start only, instead of every later position.
  if (!std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(*pos), text.end(), m, kZone,
                         std::regex_constants::match_continuous)) {
    return "";
  }
  std::string offset;
  if (m[2].matched && (m[4].matched || m[1].matched)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s%02d:%02d", m[2].str().c_str(), ToInt(m[3]),
                  m[4].matched ? ToInt(m[4]) : 0);
    offset = buffer;
  } else if (m[1].matched) {
    offset = ZoneOffset(m[1].str());
  }
  if (!offset.empty()) {
    *pos += static_cast<size_t>(m.length(0));
  }
  return offset;
}

// A time right after a date ("T19:42:00", " at 7:42 PM", ", 10:42 GMT", " 오후 7:42",
// "(火) 19時42分", " um 14:30", " à 14:30", " alle 14:30"), starting at text[pos].
TimeOfDay ReadTimeAfter(const std::string& text, size_t pos) {
  static const std::regex kTime(
      "^\\s*(?:\\([^)0-9]{1,12}\\)\\s*)?(?:(?:,|\\||@|-|–|—|\\.|at\\b|t(?=[0-9])|um\\b|om\\b|"
      "alle\\b|a las\\b|kl\\.?|(?:à|às|в)(?=\\s))\\s*)?"
      "(오전|오후|午前|午後)?\\s*([0-9]{1,2})(?:([:.])([0-9]{2})(?::([0-9]{2})(\\.[0-9]+)?)?"
      "|\\s*(시|時)(?:\\s*([0-9]{1,2})\\s*(?:분|分))?)?"
      "(?:\\s*(a\\.?m\\.?|p\\.?m\\.?|[ap]\\.\\s?m\\.)(?![a-z]))?(?![0-9])",
      kRegexFlags);
  TimeOfDay time;
  std::smatch m;
  if (!std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), m, kTime,
                         std::regex_constants::match_continuous)) {
    return time;
  }
  const bool minutes = m[4].matched;
  const bool hour_word = m[7].matched;  // 시, 時
  const bool meridiem = m[1].matched || m[9].matched;
  if (!minutes && !hour_word && !meridiem) {
    return time;  // a bare number after a date is not a time
  }
  time.found = true;
  time.begin = pos;
  time.end = pos + static_cast<size_t>(m.length(0));
  time.hour = ToInt(m[2]);
  time.minute = minutes ? ToInt(m[4]) : (m[8].matched ? ToInt(m[8]) : 0);
  if (m[5].matched) {
    time.seconds = ":" + m[5].str() + m[6].str();
  }
  const std::string marker = m[1].matched ? m[1].str() : m[9].str();
  time.valid = ApplyMeridiem(marker, &time.hour) && time.minute <= 59;
  time.offset = ReadZone(text, &time.end);
  // "19.42" is a time only when a zone or a.m./p.m. says so; otherwise it is a number.
  if (m[3].matched && m[3].str() == "." && marker.empty() && time.offset.empty()) {
    return {};
  }
  return time;
}

// A time right before a date: "7:42 PM, Tuesday, January 4, 2011", "10:42 GMT 4 Jan 2011".
TimeOfDay ReadTimeBefore(const std::string& text, size_t date_begin) {
  static const std::regex kTime(
      "(오전|오후)?\\s*\\b([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\\s*(a\\.?m\\.?|p\\.?m\\.?|[ap]"
      "\\.\\s?m\\.))?"
      "\\s*(?:\\(?" MORGUE_ZONE_NAME "\\)?)?\\s*(?:[,|@-]|on)?\\s*(?:" MORGUE_WEEKDAY
      "\\.?,?\\s*)?$",
      kRegexFlags);
  TimeOfDay time;
  const std::string prefix = text.substr(0, date_begin);
  std::smatch m;
  if (prefix.find(':') == std::string::npos || !std::regex_search(prefix, m, kTime)) {
    return time;
  }
  time.found = true;
  time.begin = static_cast<size_t>(m.position(0));
  time.end = date_begin;
  time.hour = ToInt(m[2]);
  time.minute = ToInt(m[3]);
  if (m[4].matched) {
    time.seconds = ":" + m[4].str();
  }
  const std::string marker = m[1].matched ? m[1].str() : m[5].str();
  time.valid = ApplyMeridiem(marker, &time.hour) && time.minute <= 59;
  if (m[6].matched) {
    time.offset = ZoneOffset(m[6].str());
  }
  return time;
}

}  // namespace

bool text_detail::IsWeekdayWord(std::string_view word) {
  // The English names and abbreviations of MORGUE_WEEKDAY, in any case, with or without a
  // dot; then the other languages' names.
  static constexpr std::array<std::string_view, 17> kEnglish = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};
  const std::string lower = LowerSameLength(word);
  std::string_view bare = lower;
  if (bare.ends_with('.')) bare.remove_suffix(1);
  if (std::find(kEnglish.begin(), kEnglish.end(), bare) != kEnglish.end()) {
    return true;
  }
  return IsWeekdayName(lower);
}

namespace {

// A weekday, a month or a word of a date line ("Veröffentlicht am", "Uhr", "입력").
bool IsDateWord(const std::string& word) {
  const std::string lower = LowerSameLength(word);
  return IsWeekdayWord(word) || MonthOfWord(lower) != 0 ||
         RoleOfDateWord(lower) != DateWordRole::kNone;
}

// Words (runs holding a letter) in `text`, date words not counted.
int CountExtraWords(std::string_view text) {
  int count = 0;
  std::string word;
  bool letter = false;
  const auto flush = [&] {
    if (letter && !IsDateWord(word)) {
      ++count;
    }
    word.clear();
    letter = false;
  };
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (IsLetterish(cp) || IsAsciiDigit(cp) || cp == '-' || cp == '\'') {
      letter = letter || IsLetterish(cp);
      word.append(text.substr(pos, length));
    } else {
      flush();
    }
  });
  flush();
  return count;
}

std::string FormatDate(const DateCandidate& date, const TimeOfDay& time) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  std::string out = buffer;
  if (time.found) {
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d", time.hour, time.minute);
    out += buffer;
    out += time.seconds;
    out += time.offset;
  }
  return out;
}

// A date with the time written around it, as ISO 8601, and the bytes it took.
struct DateSpan {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

// The ISO form of the date at `date` with the time around it; an empty iso for an
// impossible date or time, or a date inside a sentence.
DateSpan DateAt(const std::string& text, const DateCandidate& date) {
  if (date.year < 1000 || date.month < 1 || date.month > 12 || date.day < 1) {
    return {};
  }
  size_t extra_begin = date.begin;
  size_t extra_end = date.end;
  TimeOfDay time = ReadTimeAfter(text, date.end);
  if (time.found) {
    extra_end = time.end;
  } else {
    time = ReadTimeBefore(text, date.begin);
    if (time.found) {
      extra_begin = time.begin;
    }
  }
  if (!time.valid) {
    return {};
  }
  const std::string_view rest(text);
  if (CountExtraWords(rest.substr(0, extra_begin)) + CountExtraWords(rest.substr(extra_end)) >
      kMaxDateExtraWords) {
    return {};
  }
  std::string iso = FormatDate(date, time);
  if (!IsIso8601(iso)) {
    return {};
  }
  return {std::move(iso), extra_begin, extra_end};
}

// The last publication or update word in text[begin, end); kNone when there is none.
DateWordRole LastRoleIn(std::string_view text) {
  DateWordRole role = DateWordRole::kNone;
  std::string word;
  const auto flush = [&] {
    const DateWordRole found = RoleOfDateWord(LowerSameLength(word));
    if (found == DateWordRole::kPublished || found == DateWordRole::kUpdated ||
        found == DateWordRole::kStatus) {
      role = found;
    }
    word.clear();
  };
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (IsLetterish(cp)) {
      word.append(text.substr(pos, length));
    } else {
      flush();
    }
  });
  flush();
  return role;
}

#undef MORGUE_WEEKDAY
#undef MORGUE_ZONE_NAME

}  // namespace

std::string ParseDate(std::string_view text) {
  const std::string folded = FoldFullWidthDigits(CollapseWhitespace(text));
  if (folded.empty() || folded.size() > kMaxDateText) {
    return "";
  }
  for (const DateCandidate& date : FindDates(folded)) {
    DateSpan span = DateAt(folded, date);
    if (!span.iso.empty()) {
      return std::move(span.iso);
    }
  }
  return "";
}

DateLine ParseDateLine(std::string_view line) {
  DateLine result;
  const std::string folded = FoldFullWidthDigits(CollapseWhitespace(line));
  if (folded.empty() || folded.size() > kMaxDateText) {
    return result;
  }
  std::vector<DateSpan> spans;
  for (const DateCandidate& date : FindDates(folded)) {
    DateSpan span = DateAt(folded, date);
    // Patterns may find the same date twice ("04.01.2011" is also "01.2011...").
    if (!span.iso.empty() && (spans.empty() || span.begin >= spans.back().end)) {
      spans.push_back(std::move(span));
    }
  }
  const std::string_view text(folded);
  size_t before = 0;  // where the words that may name the next date start
  for (size_t i = 0; i < spans.size(); ++i) {
    // The word before the date names it ("Aktualisiert am 5. Januar"); in Chinese,
    // Japanese and Korean lines the word may come after it ("2011年1月4日 発行"), and
    // is then not also the next date's.
    const size_t after = i + 1 == spans.size() ? text.size() : spans[i + 1].begin;
    const std::string_view following = text.substr(spans[i].end, after - spans[i].end);
    DateWordRole role = LastRoleIn(text.substr(before, spans[i].begin - before));
    before = spans[i].end;
    if (role == DateWordRole::kNone && HasCjk(following)) {
      role = LastRoleIn(following);
      if (role != DateWordRole::kNone) before = after;
    }
    std::string* slot = role == DateWordRole::kPublished ? &result.published
                        : role == DateWordRole::kUpdated ? &result.updated
                                                         : &result.unlabelled;
    if (slot->empty()) {
      *slot = spans[i].iso;
    }
  }
  return result;
}

}  // namespace morgue
