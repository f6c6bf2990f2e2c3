// The "headline" format, apart from the plugin around it: one article per file.
//
//   Snow closes Seoul schools            <- line 1: the title
//   By Kim Tong-hyung and Lee Hyo-sik    <- optional byline: "By " and names
//                                        <- blank line
//   Classes resume on Monday, ...        <- the body, to the end of the file
//
// Thread-safety: pure functions over their arguments.

#ifndef HEADLINE_FORMAT_H_
#define HEADLINE_FORMAT_H_

#include <morgue/article.h>

#include <string_view>
#include <vector>

namespace headline {

// The lines of `text` without their line ends ("\n" or "\r\n"), as views into `text`.
std::vector<std::string_view> Lines(std::string_view text);

// True for a line of nothing but spaces and tabs.
bool IsBlank(std::string_view line);

// "Kim Tong-hyung and Lee Hyo-sik", "A, B and C": one Author each, in byline order.
std::vector<morgue::Author> ParseByline(std::string_view byline);

}  // namespace headline

#endif  // HEADLINE_FORMAT_H_
