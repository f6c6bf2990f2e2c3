// Where the text rules find dates inside a longer line: shared by ParseDate
// (text_dates.cc) and the byline rules, which cut a date or time off a byline.
// Internal to libmorgue.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_TEXT_DATES_H_
#define MORGUE_CORE_SRC_TEXT_DATES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::text_detail {

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

// "Tuesday", "tue.", "화요일".
bool IsWeekdayWord(std::string_view word);

}  // namespace morgue::text_detail

#endif  // MORGUE_CORE_SRC_TEXT_DATES_H_
