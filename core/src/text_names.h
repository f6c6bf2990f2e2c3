// What a person's name and a job title look like, for the byline rules (text_bylines.cc,
// text_name_lists.cc): job titles and their modifiers in the languages bylines are written
// in, newsroom desks, name particles ("von", "de"), name suffixes and degrees. Internal to
// libmorgue.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_TEXT_NAMES_H_
#define MORGUE_CORE_SRC_TEXT_NAMES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::internal {

// A name has at most this many words; more are a phrase.
constexpr size_t kMaxNameWords = 5;

// Whether one of `words` is a job title ("Reporter", "Redakteurin", "корреспондент").
bool HasTitleNoun(const std::vector<std::string>& words);

// Job titles written after (or before) a name in the same segment: "Lee Tae-hoon Staff
// Reporter" keeps "Lee Tae-hoon"; "Staff Reporter Lee Tae-hoon" too. "Correspondent in
// Tokyo" keeps nothing. Sets *stripped when a title was found.
std::string StripTitleWords(std::string_view piece, bool* stripped);

// "박지민 기자" → "박지민"; "山田太郎記者" → "山田太郎". Longest suffixes first.
std::string StripCjkTitle(std::string_view piece, bool* stripped);

// "Redaktion", "Die Redaktion", "Online-Redaktion" after a name.
bool IsDeskPiece(std::string_view piece);

// One word of a name: capitalised or non-ASCII letters, or a particle ("von", "de").
bool LooksLikeNameWord(std::string_view word);

// "Lee Tae-hoon", "J. R. R. Tolkien", "Ursula von der Leyen", "박지민", "山田 太郎".
bool LooksLikeName(std::string_view name, bool allow_handle);

// "Jr.", "Sr", "III": part of the name before it.
bool IsNameSuffix(std::string_view piece);

// Academic and professional degrees written after a name ("Brenda Goodman, MA"): not a
// person of their own, and not part of the name.
bool IsDegree(std::string_view piece);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_TEXT_NAMES_H_
