// Dates as morgue stores them: ISO 8601 text, as precise as the source was.
//
// Accepted forms: "2011", "2011-01", "2011-01-04", "2011-01-04T19:42", "2011-01-04T19:42:00",
// with optional fractional seconds, and an optional offset "Z", "+09:00" or "+0900".
// A space may stand for the "T". Month, day, hour, minute and second must be in range.
//
// Thread-safety: pure functions.

#ifndef MORGUE_DATETIME_H_
#define MORGUE_DATETIME_H_

#include <string>
#include <string_view>

#include "morgue/export.h"

namespace morgue {

// True when `text` is one of the ISO 8601 forms above.
MORGUE_EXPORT bool IsIso8601(std::string_view text);

// The sortable form of an ISO 8601 text (one IsIso8601 accepts), such that text order is
// time order: with an offset, the UTC instant "YYYY-MM-DDTHH:MM:SSZ"; without one, the
// local date-time as given, "YYYY-MM-DDTHH:MM:SS"; a date, month or year as it is
// ("2011-01-04"). Seconds are filled in when left out, fractional seconds dropped (not
// rounded, so a value never moves into the next second or day), a space read as "T".
// An offset-less value sorts as if it were UTC, just before the instant of the same
// digits; a date sorts before every time of that day. Empty for any other text.
//   "2011-01-04T19:42:00+09:00"       -> "2011-01-04T10:42:00Z"
//   "2023-12-20T20:09:56.0000000Z"    -> "2023-12-20T20:09:56Z"
//   "2018-04-05T06:00"                -> "2018-04-05T06:00:00"
MORGUE_EXPORT std::string SortableDate(std::string_view text);

// The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ".
MORGUE_EXPORT std::string UtcNow();

}  // namespace morgue

#endif  // MORGUE_DATETIME_H_
