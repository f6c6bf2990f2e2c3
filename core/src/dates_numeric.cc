// Dates written with digits only: "2011-01-04", "2011.01.04", "2011/01/04", "2011년 1월
// 4일", "2011年1月4日", "13/01/2011", "04.01.2011", "04.01.11" (dates.h: FindNumericDates).

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "string_helpers.h"

namespace morgue::internal {
namespace {

// Hand-written scanners, each finding what a regular expression would (noted above it), in
// the same order, without std::regex's cost on every line a page may date.

bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// std::regex's \w and \s in the classic locale.
bool IsWordByte(char c) {
  return IsDigitByte(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

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
    while (i < text_.size() && IsAsciiSpace(text_[i])) ++i;
    return i;
  }
  size_t OptionalSpace(size_t i) const {
    return i < text_.size() && IsAsciiSpace(text_[i]) ? i + 1 : i;
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

}  // namespace

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

}  // namespace morgue::internal
