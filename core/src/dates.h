// Where the text rules find dates inside a longer line: shared by ParseDate (dates.cc)
// and the byline rules, which cut a date or time off a byline. The two scanners FindDates
// runs live in dates_numeric.cc and dates_month_names.cc.
// Internal to libmorgue.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_DATES_H_
#define MORGUE_CORE_SRC_DATES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::internal {

// Longer text is prose that merely mentions a date. (Every std::regex here runs on short
// text only: libstdc++'s matcher recurses once per character matched.)
constexpr size_t kMaxDateText = 200;

// A full date found in a text, and the bytes [begin, end) it took.
struct DateCandidate {
  size_t begin = 0;
  size_t end = 0;
  int year = 0;
  int month = 0;
  int day = 0;
};

// Every full date in `text`, in order of position.
std::vector<DateCandidate> FindDates(const std::string& text);

// The dates written with digits only ("2011-01-04", "04.01.2011", "2011년 1월 4일") and
// those written with a month's name ("4 January 2011", "January 4, 2011"), appended to
// *dates in the order found.
void FindNumericDates(const std::string& text, std::vector<DateCandidate>* dates);
void FindNamedDates(const std::string& text, std::vector<DateCandidate>* dates);

// "Tuesday", "tue.", "화요일".
bool IsWeekdayWord(std::string_view word);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_DATES_H_
