// The checks every article passes before it is stored, and the light normalisation that
// makes equal articles compare equal (trimmed fields, tidy tags, one blank line between
// paragraphs).
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_VALIDATE_H_
#define MORGUE_CORE_SRC_VALIDATE_H_

#include <string>
#include <string_view>

#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue {

// Normalises `article` in place and checks it: text is UTF-8, there is a title or a body,
// dates are ISO 8601, authors have names, roles are known. The message names the field.
Status NormalizeAndValidate(Article& article);

// A tag as stored: trimmed, inner whitespace folded to one space. Empty if nothing is left.
std::string NormalizeTag(std::string_view tag);

// Body text as stored: LF line ends, trailing spaces cut, paragraphs separated by exactly
// one blank line, no blank lines at either end.
std::string NormalizeBody(std::string_view body);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_VALIDATE_H_
