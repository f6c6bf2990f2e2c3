// The checks every article passes before it is stored, and the light normalisation that
// makes equal articles compare equal (trimmed fields, tidy tags, one blank line between
// paragraphs).
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_VALIDATE_H_
#define MORGUE_CORE_SRC_VALIDATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue {

// Normalises `article` in place and checks it: text is UTF-8, there is a title or a body,
// dates are ISO 8601, authors have names, roles are known. The message names the field.
// Tags: the article's own are the page's (trimmed, not cleaned: importers of pages clean
// what they read), except those whose origin its tag_origins states (a morgue export's),
// kept with it; `user_tags` (import --tag) are the user's. On return `tags` holds each tag once
// (ASCII case and spacing aside) and `tag_origins` the origin of each.
Status NormalizeAndValidate(Article& article, const std::vector<std::string>& user_tags = {});

// A tag as stored: trimmed, inner whitespace folded to one space. Empty if nothing is left.
std::string NormalizeTag(std::string_view tag);

// True for the origins a tag can have: "page", "user", "both", "unknown".
bool IsTagOrigin(std::string_view origin);

// The origin of a tag given by `stored` and again by `added`: the same, "both" for a page's
// tag and a user's, and the known one where one of them is "unknown".
std::string MergeTagOrigins(std::string_view stored, std::string_view added);

// Body text as stored: LF line ends, trailing spaces cut, paragraphs separated by exactly
// one blank line, no blank lines at either end.
std::string NormalizeBody(std::string_view body);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_VALIDATE_H_
