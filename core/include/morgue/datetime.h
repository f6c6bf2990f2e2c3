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

// The current time in UTC as "YYYY-MM-DDTHH:MM:SSZ".
MORGUE_EXPORT std::string UtcNow();

}  // namespace morgue

#endif  // MORGUE_DATETIME_H_
