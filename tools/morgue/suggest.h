// Did-you-mean: the known names closest to one the user mistyped, for the messages about
// unknown commands and options.
//
// Thread-safety: pure functions.

#ifndef MORGUE_TOOLS_MORGUE_SUGGEST_H_
#define MORGUE_TOOLS_MORGUE_SUGGEST_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::cli {

// Edits (insert, delete, replace one character, or swap two adjacent ones) that turn `a`
// into `b`: the optimal string alignment form of the Damerau-Levenshtein distance.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The names in `known` that `typed` most likely meant, in the order of `known`: those at
// the smallest edit distance, if it is small for the length of `typed` (1 up to three
// characters, 2 beyond; leading dashes do not count), and those `typed` begins (from two
// characters on), which count as one edit. At most three; none when nothing is close.
std::vector<std::string> Suggest(std::string_view typed, const std::vector<std::string>& known);

// "; did you mean 'search'?" or "; did you mean --tag or --tags?" (`quote` wraps each
// name), or "" for no suggestions.
std::string DidYouMean(const std::vector<std::string>& suggestions, std::string_view quote = "");

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_SUGGEST_H_
