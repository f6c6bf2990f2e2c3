// StorySignature: a MinHash signature of an article's body, so that the same story told
// with changes (a headline rewritten, a paragraph cut or moved, a credit line added) is
// found among a million articles without comparing bodies.
//
// The body is read as tokens: words in alphabetic scripts (ASCII lower-cased), and each
// Hangul syllable, Han ideograph or kana on its own, so that Korean, Japanese and Chinese
// text without spaces (or with particles attached) is compared character by character.
// Shingles are kShingleTokens tokens in a row; the signature keeps, for each of
// kSignatureHashes hash functions, the least hash of any shingle. Two signatures agree in
// a share of places that estimates the Jaccard similarity of the two shingle sets.
// Locality-sensitive hashing: the first kBands * kBandRows places, kBandRows at a time,
// give kBands keys; two bodies whose Jaccard similarity is s share at least one key with
// probability 1 - (1 - s^kBandRows)^kBands (0.78 at s = 0.3, 0.99 at s = 0.5), so a
// lookup by key finds the candidates, and the signatures decide.
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_STORY_SIGNATURE_H_
#define MORGUE_CORE_SRC_STORY_SIGNATURE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace morgue {

inline constexpr int kShingleTokens = 4;
inline constexpr int kSignatureHashes = 64;
inline constexpr int kBands = 16;
inline constexpr int kBandRows = 2;
// A body of fewer shingles (about 40 words) is too short to tell a story apart from a
// template: two harbour logs that differ in a date and a count share most of their words.
inline constexpr int kMinShingles = 40;
// Templated stories (weather, markets) share keys with thousands of others: a lookup reads
// at most this many articles per band key, the latest first, and links at most
// kMaxNearLinks of them, the most alike first. A cluster stays joined through its latest
// members, and importing stays linear.
inline constexpr int kCandidatesPerBand = 16;
inline constexpr int kMaxNearLinks = 16;

struct StorySignature {
  int64_t shingles = 0;  // distinct shingles of the body
  std::array<uint32_t, kSignatureHashes> minhash{};

  // The least hash of each function, little-endian, as stored (story_signatures.minhash).
  std::string Encode() const;
  // Reads what Encode wrote; nullopt when `bytes` is not such a signature.
  static std::optional<StorySignature> Decode(int64_t shingles, std::string_view bytes);
};

// The signature of `body`; nullopt when it has fewer than kMinShingles shingles.
std::optional<StorySignature> SignStory(std::string_view body);

// The key of band `band` (0 <= band < kBands): equal for two signatures that agree in
// all of its places.
int64_t BandKey(const StorySignature& signature, int band);

// How alike two stories are.
struct StorySimilarity {
  double jaccard = 0;      // estimated shared shingles over all shingles of both
  double containment = 0;  // estimated shared shingles over those of the shorter
};
StorySimilarity CompareStories(const StorySignature& a, const StorySignature& b);

// Whether two stories are near-duplicates: the shorter one's shingles are mostly in the
// longer one (a copy cut short still is), and the two share enough that a short text
// inside a long one on another subject is not.
bool IsNearDuplicate(const StorySimilarity& similarity);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_STORY_SIGNATURE_H_
