// Text helpers for importers (morgue/text.h): dates, bylines, captions, e-mail addresses,
// whitespace and character sets. Dates use std::regex on short, whitespace-folded text;
// conversion is glibc's iconv and detection uchardet.

#include "morgue/text.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <regex>
#include <type_traits>
#include <utility>

#include "morgue/datetime.h"
#include "morgue/publications.h"

namespace morgue {
namespace {

// ---- Characters ---------------------------------------------------------------------------

constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";  // U+FFFD

// The code point at text[pos] and its length in bytes; a byte that does not start a
// well-formed sequence reads as U+FFFD of length 1.
char32_t CodePointAt(std::string_view text, size_t pos, size_t* length) {
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

bool IsAsciiSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
}

// ASCII white space and Unicode's space separators (no-break, en/em, ideographic...),
// plus the zero-width space that pages use as a break hint.
bool IsSpaceCodePoint(char32_t cp) {
  return IsAsciiSpace(cp) || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsAsciiAlpha(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'); }
bool IsAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Letters of any script, roughly: ASCII letters and non-ASCII code points outside the
// blocks of punctuation, symbols and spaces that news text uses.
bool IsLetterish(char32_t cp) {
  if (cp < 0x80) {
    return IsAsciiAlpha(cp);
  }
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD) {
    return false;
  }
  return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
         !(cp >= 0xFE30 && cp <= 0xFE4F) && !(cp >= 0xFF00 && cp <= 0xFF20);
}

bool IsHangul(char32_t cp) {
  return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
         (cp >= 0x3130 && cp <= 0x318F);
}
bool IsHan(char32_t cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }
bool IsKana(char32_t cp) { return cp >= 0x3040 && cp <= 0x30FF; }

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

bool HasCjk(std::string_view text) {
  bool found = false;
  ForEachCodePoint(text, [&](char32_t cp, size_t, size_t) {
    found = found || IsHangul(cp) || IsHan(cp) || IsKana(cp);
  });
  return found;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  ForEachCodePoint(text, [&](char32_t, size_t, size_t) { ++count; });
  return count;
}

std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool HasUrl(std::string_view text) {
  const std::string lower = LowerAscii(text);
  return lower.find("://") != std::string::npos || lower.find("www.") != std::string::npos;
}

std::string_view TrimAscii(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && IsAsciiSpace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// Trims `chars` (single bytes) and spaces from the end.
std::string_view TrimEnd(std::string_view text, std::string_view chars) {
  while (!text.empty() && (text.back() == ' ' || chars.find(text.back()) != std::string::npos)) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string> SplitWords(std::string_view text) {
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

std::string JoinWords(const std::vector<std::string>& words, size_t begin, size_t end) {
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
std::string FoldFullWidthDigits(std::string_view text) {
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

bool EqualsAny(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

// ---- E-mail -------------------------------------------------------------------------------

bool IsEmailLocalChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool IsEmailDomainChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-';
}

// Where the first e-mail address in `text` is, as [begin, end); {npos, npos} if none.
// A scan around each '@' rather than a regex: bodies can be long.
std::pair<size_t, size_t> FindEmailSpan(std::string_view text) {
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

// ---- Dates --------------------------------------------------------------------------------

// Longer text is prose that merely mentions a date. (Every std::regex here runs on short
// text only: libstdc++'s matcher recurses once per character matched.)
constexpr size_t kMaxDateText = 200;
constexpr int kMaxDateExtraWords = 4;

constexpr std::regex_constants::syntax_option_type kRegexFlags =
    std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

#define MORGUE_MONTH                                                               \
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
  "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?"
#define MORGUE_WEEKDAY                                                                             \
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|" \
  "sun)"
#define MORGUE_ZONE_NAME "(gmt|utc|ut|z|est|edt|cst|cdt|mst|mdt|pst|pdt|kst|jst)"

int MonthNumber(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string prefix = LowerAscii(name.substr(0, 3));
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (prefix == kMonths[i]) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

int ToInt(const std::ssub_match& match) { return match.matched ? std::stoi(match.str()) : -1; }

struct DateCandidate {
  size_t begin = 0;
  size_t end = 0;
  int year = 0;
  int month = 0;
  int day = 0;
};

enum class DateForm { kYearFirst, kKorean, kCjk, kMonthDayYear, kDayMonthYear, kNumeric };

struct DatePattern {
  DateForm form;
  std::regex regex;
};

const std::vector<DatePattern>& DatePatterns() {
  static const std::vector<DatePattern> patterns = {
      // 2011-01-04, 2011.01.04, 2011. 1. 4, 2011/01/04
      {DateForm::kYearFirst,
       std::regex(R"(\b([0-9]{4})(?:-([0-9]{1,2})-([0-9]{1,2})|\.\s?([0-9]{1,2})\.\s?)"
                  R"(([0-9]{1,2})|/([0-9]{1,2})/([0-9]{1,2}))(?![0-9]))",
                  kRegexFlags)},
      {DateForm::kKorean,
       std::regex("([0-9]{4})\\s*년\\s*([0-9]{1,2})\\s*월\\s*([0-9]{1,2})\\s*일", kRegexFlags)},
      {DateForm::kCjk,
       std::regex("([0-9]{4})\\s*年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*日", kRegexFlags)},
      // January 4, 2011; Jan. 4th 2011; Sept. 4, 2011
      {DateForm::kMonthDayYear,
       std::regex("\\b" MORGUE_MONTH "\\s*([0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])\\s*,?\\s*"
                  "([0-9]{4})(?![0-9])",
                  kRegexFlags)},
      // 4 January 2011; 04 Jan 2011; 4th of January, 2011; 4-Jan-2011
      {DateForm::kDayMonthYear,
       std::regex("\\b([0-9]{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]*" MORGUE_MONTH
                  "[\\s,-]*([0-9]{4})(?![0-9])",
                  kRegexFlags)},
      // 13/01/2011 or 01/13/2011; 04/01/2011 is ambiguous and refused later
      {DateForm::kNumeric,
       std::regex(R"(\b([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4})(?![0-9]))", kRegexFlags)},
  };
  return patterns;
}

// Fills year, month and day from a match; false for an ambiguous numeric date.
bool ReadDate(DateForm form, const std::smatch& m, DateCandidate* date) {
  switch (form) {
    case DateForm::kYearFirst:
      date->year = ToInt(m[1]);
      for (int group : {2, 4, 6}) {
        if (m[group].matched) {
          date->month = ToInt(m[group]);
          date->day = ToInt(m[group + 1]);
        }
      }
      return true;
    case DateForm::kKorean:
    case DateForm::kCjk:
      date->year = ToInt(m[1]);
      date->month = ToInt(m[2]);
      date->day = ToInt(m[3]);
      return true;
    case DateForm::kMonthDayYear:
      date->month = MonthNumber(m[1].str());
      date->day = ToInt(m[2]);
      date->year = ToInt(m[3]);
      return true;
    case DateForm::kDayMonthYear:
      date->day = ToInt(m[1]);
      date->month = MonthNumber(m[2].str());
      date->year = ToInt(m[3]);
      return true;
    case DateForm::kNumeric: {
      const int first = ToInt(m[1]);
      const int second = ToInt(m[3]);
      date->year = ToInt(m[4]);
      // Only when one reading is impossible (or both agree) is the order known.
      if (first > 12 && second <= 12) {
        date->day = first;
        date->month = second;
      } else if (second > 12 && first <= 12) {
        date->month = first;
        date->day = second;
      } else if (first == second) {
        date->month = date->day = first;
      } else {
        return false;
      }
      return true;
    }
  }
  return false;
}

// Every full date in `text`, in order of position.
std::vector<DateCandidate> FindDates(const std::string& text) {
  std::vector<DateCandidate> dates;
  // Every pattern needs a digit; std::regex is slow enough to be worth not asking.
  if (text.find_first_of("0123456789") == std::string::npos) return dates;
  for (const DatePattern& pattern : DatePatterns()) {
    for (std::sregex_iterator it(text.begin(), text.end(), pattern.regex), end; it != end; ++it) {
      DateCandidate date;
      date.begin = static_cast<size_t>(it->position(0));
      date.end = date.begin + static_cast<size_t>(it->length(0));
      if (ReadDate(pattern.form, *it, &date)) {
        dates.push_back(date);
      }
    }
  }
  std::stable_sort(dates.begin(), dates.end(), [](const DateCandidate& a, const DateCandidate& b) {
    return a.begin < b.begin;
  });
  return dates;
}

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
// "(火) 19時42分"), starting at text[pos].
TimeOfDay ReadTimeAfter(const std::string& text, size_t pos) {
  static const std::regex kTime(
      "^\\s*(?:\\([^)0-9]{1,12}\\)\\s*)?(?:(?:,|\\||@|-|–|—|\\.|at\\b|t(?=[0-9]))\\s*)?"
      "(오전|오후|午前|午後)?\\s*([0-9]{1,2})(?:([:.])([0-9]{2})(?::([0-9]{2})(\\.[0-9]+)?)?"
      "|\\s*(시|時)(?:\\s*([0-9]{1,2})\\s*(?:분|分))?)?"
      "(?:\\s*(a\\.?m\\.?|p\\.?m\\.?)(?![a-z]))?(?![0-9])",
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
      "(오전|오후)?\\s*\\b([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\\s*(a\\.?m\\.?|p\\.?m\\.?))?"
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

bool IsWeekdayWord(std::string_view word) {
  static const std::regex kWeekday("^" MORGUE_WEEKDAY "\\.?$", kRegexFlags);
  return std::regex_match(word.begin(), word.end(), kWeekday) ||
         EqualsAny(word, {"월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"});
}

// Words (runs holding a letter) in `text`, weekday names not counted.
int CountExtraWords(std::string_view text) {
  int count = 0;
  std::string word;
  bool letter = false;
  const auto flush = [&] {
    if (letter && !IsWeekdayWord(word)) {
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

// The ISO form of the date at `date` with the time around it, or "".
std::string DateAt(const std::string& text, const DateCandidate& date) {
  if (date.year < 1000 || date.month < 1 || date.month > 12 || date.day < 1) {
    return "";
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
    return "";
  }
  const std::string_view rest(text);
  if (CountExtraWords(rest.substr(0, extra_begin)) + CountExtraWords(rest.substr(extra_end)) >
      kMaxDateExtraWords) {
    return "";
  }
  std::string iso = FormatDate(date, time);
  return IsIso8601(iso) ? iso : "";
}

#undef MORGUE_MONTH
#undef MORGUE_WEEKDAY
#undef MORGUE_ZONE_NAME

// ---- Bylines ------------------------------------------------------------------------------

constexpr size_t kMaxNames = 4;
constexpr size_t kMaxBylineBytes = 200;
constexpr size_t kMaxNameWords = 5;

// Words that make a byline segment a job title rather than a name.
bool IsTitleNoun(std::string_view lower) {
  return EqualsAny(
      lower, {"writer",         "writers",      "reporter",     "reporters",     "correspondent",
              "correspondents", "editor",       "editors",      "contributor",   "contributors",
              "columnist",      "columnists",   "photographer", "photographers", "journalist",
              "journalists",    "intern",       "producer",     "stringer",      "chief",
              "staff",          "technologist", "analyst",      "fellow",        "professor",
              "director",       "president",    "manager",      "counsel",       "attorney",
              "officer",        "researcher",   "scientist",    "strategist",    "specialist",
              "consultant",     "founder",      "ceo",          "lecturer",      "economist",
              "adviser",        "advisor",      "commentator",  "critic",        "blogger",
              "anchor",         "host",         "designer",     "developer",     "engineer"});
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
void CutOtherContributors(std::string* text) {
  const std::string lower = LowerAscii(*text);
  for (std::string_view clause :
       {" edited by ", " photographs by ", " photos by ", " photo by ", " illustrations by ",
        " illustration by ", " video by ", " translated by ", " additional reporting by "}) {
    const size_t at = lower.find(clause);
    if (at != std::string::npos && at > 0) {
      text->erase(at);
      return;
    }
  }
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

// Splits a names list on ",", ";", " and ", " & ", "·", "、", " 및 " and the French and
// German "et" and "und"; ", and" (the serial comma) is one separator.
std::vector<NamePiece> SplitNamePieces(std::string_view text) {
  static const std::regex kSeparator(
      "\\s*(?:,\\s*(?:and|et|und|&)\\s+|,|;|·|、|\\s+and\\s+|\\s+et\\s+|\\s+und\\s+|\\s*&\\s*|"
      "\\s+및\\s+)\\s*",
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
                {"updated", "published", "posted", "last", "today", "yesterday", "modified"})) {
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

enum class BylinePrefix { kNone, kBy, kPostedBy };

// Removes "By", "By:", "Posted by", "Written by", the French "Par" and the Spanish and
// Portuguese "Por"... from the front.
BylinePrefix StripBylinePrefix(std::string* text) {
  static const std::regex kPrefix(
      "^(?:(posted|published)\\s+by|(?:written|reported|story|words|text|report)\\s+by|by|par|por)"
      "\\s*:?\\s+",
      kRegexFlags);
  std::smatch m;
  if (!std::regex_search(*text, m, kPrefix, std::regex_constants::match_continuous)) {
    return BylinePrefix::kNone;
  }
  const BylinePrefix prefix = m[1].matched ? BylinePrefix::kPostedBy : BylinePrefix::kBy;
  text->erase(0, static_cast<size_t>(m.length(0)));
  return prefix;
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
  if (index > 0 && HasTitleNoun(SplitWords(piece))) {
    piece.clear();  // ", Staff Reporter"
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

// ---- Captions -----------------------------------------------------------------------------

constexpr size_t kMaxCaptionBytes = 2000;  // longer is prose; and std::regex recurses per byte
constexpr size_t kMaxCreditBytes = 100;
constexpr size_t kMaxCreditWords = 8;

bool IsCreditLowerWord(std::string_view lower) {
  return EqualsAny(
      lower, {"photo", "photos",   "file",  "by",   "of",     "the",         "and",     "for",
              "via",   "courtesy", "staff", "news", "agency", "pool",        "handout", "images",
              "image", "de",       "van",   "von",  "y",      "photographer"});
}

bool LooksLikeCredit(std::string_view credit) {
  if (credit.empty() || credit.size() > kMaxCreditBytes || HasUrl(credit)) {
    return false;
  }
  const std::vector<std::string> words = SplitWords(credit);
  if (words.size() > kMaxCreditWords) {
    return false;
  }
  const std::string lower = LowerAscii(credit);
  if (EqualsAny(lower, {"left", "right", "center", "centre", "top", "bottom", "above", "below",
                        "inset", "l", "r", "l-r", "r-l", "from left", "from right", "front", "back",
                        "file", "file photo"})) {
    return false;
  }
  size_t length = 1;
  const char32_t first = CodePointAt(credit, 0, &length);
  if (!(first >= 'A' && first <= 'Z') && !(first >= 0x80 && IsLetterish(first))) {
    return false;
  }
  return std::all_of(words.begin(), words.end(), [](const std::string& word) {
    size_t n = 1;
    const char32_t c = CodePointAt(word, 0, &n);
    return !(c >= 'a' && c <= 'z') || IsCreditLowerWord(LowerAscii(word));
  });
}

// "Photo: AP" → "AP"; surrounding brackets and a final full stop go.
std::string CleanCredit(std::string_view credit) {
  static const std::regex kLead(
      "^(?:photo(?:graph)?s?|picture|image)\\s*(?:credit)?\\s*(?::|by\\b)\\s*|^credit\\s*:\\s*",
      kRegexFlags);
  std::string text(TrimAscii(credit));
  while (text.size() >= 2 && ((text.front() == '(' && text.back() == ')') ||
                              (text.front() == '[' && text.back() == ']'))) {
    text = std::string(TrimAscii(std::string_view(text).substr(1, text.size() - 2)));
  }
  text = std::regex_replace(text, kLead, "");
  while (text.ends_with('.') && !text.ends_with("..")) {
    text.pop_back();
  }
  return std::string(TrimAscii(text));
}

// The caption before the credit, without the separator that introduced it.
std::string CleanCaption(std::string_view caption) {
  caption = TrimEnd(caption, "/|:");
  for (std::string_view dash : {" —", " –", " -", " --"}) {
    if (caption.ends_with(dash)) {
      caption.remove_suffix(dash.size());
    }
  }
  return std::string(TrimAscii(caption));
}

std::optional<CaptionCredit> SplitAt(const std::string& text, size_t caption_end,
                                     size_t credit_begin, size_t max_words = kMaxCreditWords) {
  CaptionCredit split;
  split.credit = CleanCredit(std::string_view(text).substr(credit_begin));
  if (!LooksLikeCredit(split.credit) || SplitWords(split.credit).size() > max_words) {
    return std::nullopt;
  }
  split.caption = CleanCaption(std::string_view(text).substr(0, caption_end));
  return split;
}

std::optional<CaptionCredit> SplitAtSlash(const std::string& text) {
  const size_t slash = text.rfind(" / ");
  if (slash == std::string::npos) {
    return std::nullopt;
  }
  return SplitAt(text, slash, slash + 3);
}

std::optional<CaptionCredit> SplitAtBrackets(const std::string& text) {
  if (text.empty() || (text.back() != ')' && text.back() != ']')) {
    return std::nullopt;
  }
  const size_t open = text.rfind(text.back() == ')' ? '(' : '[');
  if (open == std::string::npos) {
    return std::nullopt;
  }
  return SplitAt(text, open, open);
}

std::optional<CaptionCredit> SplitAtMarker(const std::string& text) {
  static const std::regex kMarker(
      "(?:^|[\\s(\\[])((?:photo(?:graph)?s?|picture|image)\\s*(?:credit\\s*)?(?::|by\\b)|"
      "credit\\s*:|courtesy\\s+(?:of\\b)?)",
      kRegexFlags);
  size_t last = std::string::npos;
  bool courtesy = false;
  for (std::sregex_iterator it(text.begin(), text.end(), kMarker), end; it != end; ++it) {
    last = static_cast<size_t>(it->position(1));
    courtesy = LowerAscii(it->str(1)).starts_with("courtesy");
  }
  if (last == std::string::npos) {
    return std::nullopt;
  }
  size_t caption_end = last;
  if (caption_end > 0 && (text[caption_end - 1] == '(' || text[caption_end - 1] == '[')) {
    --caption_end;
  }
  // "Courtesy of X" says more than "X"; "Photo: X" does not.
  return SplitAt(text, caption_end, last, courtesy ? kMaxCreditWords + 2 : kMaxCreditWords);
}

std::optional<CaptionCredit> SplitAtDash(const std::string& text) {
  for (std::string_view dash : {" — ", " – ", " -- ", " - "}) {
    const size_t at = text.rfind(dash);
    if (at != std::string::npos) {
      return SplitAt(text, at, at + dash.size(), 4);
    }
  }
  return std::nullopt;
}

// ---- Encodings ----------------------------------------------------------------------------

// The charset iconv should use for a declared or detected name: the superset browsers
// use for the legacy names (WHATWG Encoding), upper-cased.
std::string ConverterFor(std::string_view name) {
  std::string lower = LowerAscii(TrimAscii(name));
  std::erase_if(lower, [](char c) { return c == '"' || c == '\''; });
  if (lower.empty()) {
    return "";
  }
  if (EqualsAny(lower, {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                        "us-ascii", "ascii", "cp819", "ibm819", "cp1252", "windows-1252",
                        "x-cp1252", "ansi_x3.4-1968"})) {
    return "WINDOWS-1252";
  }
  if (EqualsAny(lower, {"euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "korean",
                        "windows-949", "cp949", "uhc", "x-windows-949", "csksc56011987"})) {
    return "CP949";
  }
  if (EqualsAny(lower, {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
                        "windows-31j", "cp932", "ms932"})) {
    return "CP932";
  }
  if (EqualsAny(lower,
                {"gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "csgb2312", "chinese", "gb18030"})) {
    return "GB18030";
  }
  if (EqualsAny(lower, {"utf8", "utf-8"})) {
    return "UTF-8";
  }
  std::string upper = lower;
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

struct Converted {
  std::string text;
  size_t errors = 0;  // sequences replaced by U+FFFD
};

// The length of the well-formed UTF-8 sequence at the start of `bytes` (no overlong
// forms, surrogates or code points past U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view bytes) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (bytes.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// UTF-8 checked by hand, each byte that starts no well-formed sequence replaced by
// U+FFFD: glibc's iconv lets lead bytes F5-F7 (code points past U+10FFFF) through.
Converted CheckUtf8(std::string_view bytes) {
  Converted out;
  out.text.reserve(bytes.size());
  while (!bytes.empty()) {
    const size_t length = Utf8SequenceLength(bytes);
    if (length == 0) {
      out.text += kReplacementChar;
      ++out.errors;
      bytes.remove_prefix(1);
    } else {
      out.text.append(bytes.substr(0, length));
      bytes.remove_prefix(length);
    }
  }
  return out;
}

// Converts `bytes` from `charset` to UTF-8, replacing what cannot be converted by U+FFFD
// (one per skipped code unit of `unit` bytes). nullopt when iconv knows no such charset.
std::optional<Converted> Convert(std::string_view bytes, const std::string& charset,
                                 size_t unit = 1) {
  if (charset == "UTF-8") return CheckUtf8(bytes);
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) {  // NOLINT: iconv's documented failure value
    return std::nullopt;
  }
  const std::unique_ptr<void, IconvCloser> cd(raw);
  Converted out;
  out.text.reserve(bytes.size() + bytes.size() / 2);
  // iconv's prototype takes char** but does not write through it.
  char* in = const_cast<char*>(bytes.data());  // NOLINT
  size_t in_left = bytes.size();
  std::array<char, 4096> buffer{};
  while (in_left > 0) {
    char* out_ptr = buffer.data();
    size_t out_left = buffer.size();
    const size_t result = iconv(raw, &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.text.append(buffer.data(), static_cast<size_t>(out_ptr - buffer.data()));
    if (result != static_cast<size_t>(-1) || error == E2BIG) {
      continue;
    }
    // EILSEQ (invalid) or EINVAL (cut short at the end): skip a unit and go on.
    const size_t skip = std::min(unit, in_left);
    out.text += kReplacementChar;
    ++out.errors;
    in += skip;
    in_left -= skip;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);
  }
  char* out_ptr = buffer.data();
  size_t out_left = buffer.size();
  iconv(raw, nullptr, nullptr, &out_ptr, &out_left);
  out.text.append(buffer.data(), static_cast<size_t>(out_ptr - buffer.data()));
  return out;
}

std::string DetectCharset(std::string_view bytes) {
  struct Deleter {
    void operator()(uchardet_t ud) const { uchardet_delete(ud); }
  };
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, Deleter> detector(uchardet_new());
  if (detector == nullptr ||
      uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) {
    return "";
  }
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset == nullptr ? "" : ConverterFor(charset);
}

struct Bom {
  std::string_view bytes;
  const char* charset;
  size_t unit;
};

}  // namespace

// ---- Public functions ---------------------------------------------------------------------

bool IsValidUtf8(std::string_view text) {
  while (!text.empty()) {
    const size_t length = Utf8SequenceLength(text);
    if (length == 0) return false;
    text.remove_prefix(length);
  }
  return true;
}

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    // The run of characters up to the next space is copied whole; only non-ASCII bytes
    // need decoding to tell.
    size_t end = pos;
    size_t space_length = 0;
    while (end < text.size()) {
      const auto byte = static_cast<unsigned char>(text[end]);
      size_t length = 1;
      if (byte < 0x80 ? IsAsciiSpace(byte) : IsSpaceCodePoint(CodePointAt(text, end, &length))) {
        space_length = length;
        break;
      }
      end += length;
    }
    if (end > pos) {
      if (pending_space) out += ' ';
      out.append(text.substr(pos, end - pos));
    }
    if (space_length > 0) pending_space = !out.empty();
    pos = end + space_length;
  }
  return out;
}

std::string FindEmail(std::string_view text) {
  const auto [begin, end] = FindEmailSpan(text);
  return begin == std::string_view::npos ? "" : LowerAscii(text.substr(begin, end - begin));
}

std::string ParseDate(std::string_view text) {
  const std::string folded = FoldFullWidthDigits(CollapseWhitespace(text));
  if (folded.empty() || folded.size() > kMaxDateText) {
    return "";
  }
  for (const DateCandidate& date : FindDates(folded)) {
    std::string iso = DateAt(folded, date);
    if (!iso.empty()) {
      return iso;
    }
  }
  return "";
}

std::optional<Byline> ParseByline(std::string_view line) {
  std::string text = CollapseWhitespace(line);
  if (text.empty() || text.size() > kMaxBylineBytes || HasUrl(text)) {
    return std::nullopt;
  }
  BylineScan scan;
  const BylinePrefix prefix = StripBylinePrefix(&text);
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
  RemoveBracketedUrls(&text);
  StripBylinePrefix(&text);
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

CaptionCredit SplitCaptionCredit(std::string_view text) {
  const std::string collapsed = CollapseWhitespace(text);
  if (collapsed.size() > kMaxCaptionBytes) {
    return {collapsed, ""};
  }
  for (auto split : {SplitAtSlash, SplitAtBrackets, SplitAtMarker, SplitAtDash}) {
    if (std::optional<CaptionCredit> found = split(collapsed)) {
      return *std::move(found);
    }
  }
  return {collapsed, ""};
}

namespace {

Result<DecodedText> DecodeWithoutLeadingMarks(std::string_view bytes, std::string_view declared) {
  // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16LE mark.
  static constexpr std::array<Bom, 5> kBoms = {{
      {std::string_view("\xEF\xBB\xBF", 3), "UTF-8", 1},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE", 4},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE", 4},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE", 2},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE", 2},
  }};
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      std::optional<Converted> converted =
          Convert(bytes.substr(bom.bytes.size()), bom.charset, bom.unit);
      if (!converted) {
        return Status::NotSupported(std::string("no converter for ") + bom.charset +
                                    " is installed (glibc's gconv modules)");
      }
      return DecodedText{std::move(converted->text), bom.charset};
    }
  }
  std::optional<Converted> utf8 = Convert(bytes, "UTF-8");
  if (utf8 && utf8->errors == 0) {
    return DecodedText{std::move(utf8->text), "UTF-8"};
  }
  // Declared, then detected: each only when iconv has it. A declaration the bytes
  // contradict (conversion errors) is ignored; a detection is a best guess and kept.
  const std::string declared_charset = ConverterFor(declared);
  if (!declared_charset.empty() && declared_charset != "UTF-8") {
    std::optional<Converted> converted = Convert(bytes, declared_charset);
    if (converted && converted->errors == 0) {
      return DecodedText{std::move(converted->text), declared_charset};
    }
  }
  const std::string detected = DetectCharset(bytes);
  if (!detected.empty()) {
    if (detected == "UTF-8" && utf8) {
      return DecodedText{std::move(utf8->text), "UTF-8"};
    }
    if (std::optional<Converted> converted = Convert(bytes, detected)) {
      // English with a few curly quotes is often guessed as another Latin code page
      // that agrees with Windows-1252 on those bytes; then say what browsers would.
      std::optional<Converted> western = Convert(bytes, "WINDOWS-1252");
      if (western && western->errors == 0 && western->text == converted->text) {
        return DecodedText{std::move(western->text), "WINDOWS-1252"};
      }
      return DecodedText{std::move(converted->text), detected};
    }
  }
  std::optional<Converted> fallback = Convert(bytes, "WINDOWS-1252");
  if (!fallback) {
    return Status::NotSupported(
        "no converter for WINDOWS-1252 is installed (glibc's gconv modules)");
  }
  return DecodedText{std::move(fallback->text), "WINDOWS-1252"};
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  Result<DecodedText> decoded = DecodeWithoutLeadingMarks(bytes, declared);
  if (!decoded.ok()) return decoded;
  // A second mark after the first (a file saved twice by an editor that adds one), or a
  // mark a legacy conversion produced, is no more text than the first.
  std::string& text = decoded->text;
  constexpr std::string_view kMark = "\xEF\xBB\xBF";
  size_t marks = 0;
  while (std::string_view(text).substr(marks).starts_with(kMark)) marks += kMark.size();
  text.erase(0, marks);
  return decoded;
}

}  // namespace morgue
