// Comparing two ISO 8601 texts as libmorgue's dedup does: whether they can name the same
// moment at the precision both give. Internal to libmorgue (datetime.cc, beside the parser).
//
// Thread-safety: a pure function.

#ifndef MORGUE_CORE_SRC_DATETIME_COMPARE_H_
#define MORGUE_CORE_SRC_DATETIME_COMPARE_H_

#include <string_view>

namespace morgue {

// Whether `a` and `b` (each one IsIso8601 accepts) name different moments. A date and a
// date-time of that day agree (one rendering gave the time, another did not); so do one
// time with its offset and the same local time without one, and the same instant in two
// offsets. Texts that are not ISO 8601 disagree unless equal.
bool DatesDisagree(std::string_view a, std::string_view b);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_DATETIME_COMPARE_H_
