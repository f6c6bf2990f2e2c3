// What the archive derives from an article to know it again: the body hash and the URL
// key that dedup compares, and the word count stored beside them.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_DEDUP_KEYS_H_
#define MORGUE_CORE_SRC_DEDUP_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace morgue {

// The hash dedup compares bodies by: whitespace runs folded to one space, trimmed, ASCII
// letters lower-cased, so a re-import with other line ends or spacing still matches.
// Empty for an empty body.
std::string NormalizedBodyHash(std::string_view body);

// Words in `text`: runs of characters that are not ASCII whitespace or punctuation.
// CJK text without spaces counts one word per ideograph or syllable block.
int64_t CountWords(std::string_view text);

// The key dedup compares URLs by: scheme and host lower-cased, "www." dropped, fragment,
// default port and trailing slash removed, http and https treated alike. Empty when
// `url` is not an absolute http(s) URL.
std::string UrlKey(std::string_view url);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_DEDUP_KEYS_H_
