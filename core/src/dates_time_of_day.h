// The time of day written around a date, with its zone: "T19:42:00+09:00", " at 7:42 PM",
// ", 10:42 GMT", " 오후 7:42", " um 14:30 Uhr"; before it: "7:42 PM, Tuesday, January 4,
// 2011". For ParseDate (dates.cc). Internal to libmorgue.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_DATES_TIME_OF_DAY_H_
#define MORGUE_CORE_SRC_DATES_TIME_OF_DAY_H_

#include <cstddef>
#include <string>

namespace morgue::internal {

// A time of day found next to a date; `valid` is false for one that cannot be (25:00,
// 13 p.m.).
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

// A time right after a date ("T19:42:00", " at 7:42 PM", ", 10:42 GMT", " 오후 7:42",
// "(火) 19時42分", " um 14:30", " à 14:30", " alle 14:30"), starting at text[pos].
TimeOfDay ReadTimeAfter(const std::string& text, size_t pos);

// A time right before a date: "7:42 PM, Tuesday, January 4, 2011", "10:42 GMT 4 Jan 2011".
TimeOfDay ReadTimeBefore(const std::string& text, size_t date_begin);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_DATES_TIME_OF_DAY_H_
