// BodyKeys: what storing a new article derives from its body, to know it again (the
// normalised hash dedup compares, dedup_keys.h), to find its near-duplicates (its story
// signature, story_signature.h) and to describe it (its word count). An import computes them on the
// extractor lane that read the article, so that the one thread that stores spends no time on them.
//
// Thread-safety: a value; KeysOfBody is a pure function.

#ifndef MORGUE_CORE_SRC_BODY_KEYS_H_
#define MORGUE_CORE_SRC_BODY_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dedup_keys.h"
#include "story_signature.h"

namespace morgue {

struct BodyKeys {
  std::string hash;                         // NormalizedBodyHash
  std::optional<StorySignature> signature;  // SignStory: none for a body too short
  int64_t word_count = 0;                   // CountWords
};

// The keys of `body` as NormalizeAndValidate leaves it (which it leaves as it is when
// given it again, so keys made before storing still hold).
inline BodyKeys KeysOfBody(std::string_view body) {
#ifdef MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES
  // The benchmark's reference signs nothing.
  return {NormalizedBodyHash(body), std::nullopt, CountWords(body)};
#else
  return {NormalizedBodyHash(body), SignStory(body), CountWords(body)};
#endif
}

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_BODY_KEYS_H_
