// MinHash signatures of bodies and their band keys (story_signature.h).

#include "story_signature.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "text_chars.h"

namespace morgue {
namespace {

using internal::ForEachCodePoint;

// The characters signed one by one. Fixed: stored signatures were made with it.
bool IsCjkCharacter(char32_t cp) {
  return internal::IsHangul(cp) || internal::IsHan(cp) || internal::IsKana(cp) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

// SplitMix64's finalizer: every bit of the input moves every bit of the output.
constexpr uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  x ^= x >> 31;
  return x;
}

// The hash functions: multiply-shift, (a * shingle + b) >> 32 with a odd, on shingles that
// are already well mixed: two multiplications and an addition each, where a full mix would
// take five steps, for the same estimates.
struct HashFunction {
  uint64_t a;
  uint64_t b;
};
constexpr std::array<HashFunction, kSignatureHashes> kFunctions = [] {
  std::array<HashFunction, kSignatureHashes> functions{};
  for (int i = 0; i < kSignatureHashes; ++i) {
    functions[i] = {Mix(0x6D6F72677565ull + i) | 1, Mix(0x73746F7279ull + i)};
  }
  return functions;
}();

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001B3ull;

// The body's tokens, each as a hash: words of alphabetic scripts (hyphens and apostrophes
// inside a word joined, ASCII lower-cased), and each CJK character alone.
std::vector<uint64_t> Tokens(std::string_view body) {
  std::vector<uint64_t> tokens;
  uint64_t word = kFnvOffset;
  bool in_word = false;
  const auto end_word = [&] {
    if (in_word) tokens.push_back(Mix(word));
    word = kFnvOffset;
    in_word = false;
  };
  ForEachCodePoint(body, [&](char32_t cp, size_t pos, size_t length) {
    if (IsCjkCharacter(cp)) {
      end_word();
      tokens.push_back(Mix(0x434A4Bull << 32 | cp));
    } else if (internal::IsLetterish(cp) || internal::IsAsciiDigit(cp)) {
      for (size_t i = 0; i < length; ++i) {
        unsigned char byte = static_cast<unsigned char>(body[pos + i]);
        if (byte >= 'A' && byte <= 'Z') byte = static_cast<unsigned char>(byte - 'A' + 'a');
        word = (word ^ byte) * kFnvPrime;
      }
      in_word = true;
    } else if (in_word && (cp == '-' || cp == '\'' || cp == 0x2019)) {
      // "Kwan-jin", "Korea's": one word however the joiner is written.
    } else {
      end_word();
    }
  });
  end_word();
  return tokens;
}

// `values` without repeats, in their first order: a hash set of open addressing (the
// values are well-mixed hashes, so their low bits place them), where sorting took a
// quarter of the signing.
std::vector<uint64_t> Distinct(const std::vector<uint64_t>& values) {
  size_t slots = 16;
  while (slots < 2 * values.size()) slots *= 2;
  std::vector<uint64_t> table(slots, 0);
  bool zero_seen = false;  // 0 marks an empty slot, so the value 0 is kept apart
  std::vector<uint64_t> distinct;
  distinct.reserve(values.size());
  for (uint64_t value : values) {
    if (value == 0) {
      if (!zero_seen) distinct.push_back(0);
      zero_seen = true;
      continue;
    }
    size_t slot = value & (slots - 1);
    while (table[slot] != 0 && table[slot] != value) slot = (slot + 1) & (slots - 1);
    if (table[slot] == 0) {
      table[slot] = value;
      distinct.push_back(value);
    }
  }
  return distinct;
}

}  // namespace

std::string StorySignature::Encode() const {
  std::string bytes(size_t{kSignatureHashes} * 4, '\0');
  for (int i = 0; i < kSignatureHashes; ++i) {
    for (int b = 0; b < 4; ++b) {
      bytes[static_cast<size_t>(i) * 4 + b] = static_cast<char>((minhash[i] >> (8 * b)) & 0xFF);
    }
  }
  return bytes;
}

std::optional<StorySignature> StorySignature::Decode(int64_t shingles, std::string_view bytes) {
  if (shingles <= 0 || bytes.size() != size_t{kSignatureHashes} * 4) return std::nullopt;
  StorySignature signature;
  signature.shingles = shingles;
  for (int i = 0; i < kSignatureHashes; ++i) {
    uint32_t value = 0;
    for (int b = 0; b < 4; ++b) {
      value |= uint32_t{static_cast<unsigned char>(bytes[i * 4 + b])} << (8 * b);
    }
    signature.minhash[i] = value;
  }
  return signature;
}

std::optional<StorySignature> SignStory(std::string_view body) {
  const std::vector<uint64_t> tokens = Tokens(body);
  if (tokens.size() < static_cast<size_t>(kShingleTokens)) return std::nullopt;
  std::vector<uint64_t> shingles;
  shingles.reserve(tokens.size() - kShingleTokens + 1);
  for (size_t i = 0; i + kShingleTokens <= tokens.size(); ++i) {
    uint64_t shingle = tokens[i];
    for (int j = 1; j < kShingleTokens; ++j) shingle = Mix(shingle ^ (tokens[i + j] + j));
    shingles.push_back(shingle);
  }
  const std::vector<uint64_t> distinct = Distinct(shingles);
  if (distinct.size() < static_cast<size_t>(kMinShingles)) return std::nullopt;

  StorySignature signature;
  signature.shingles = static_cast<int64_t>(distinct.size());
  signature.minhash.fill(UINT32_MAX);
  for (uint64_t shingle : distinct) {
    for (int i = 0; i < kSignatureHashes; ++i) {
      const auto value = static_cast<uint32_t>((kFunctions[i].a * shingle + kFunctions[i].b) >> 32);
      signature.minhash[i] = std::min(signature.minhash[i], value);
    }
  }
  return signature;
}

int64_t BandKey(const StorySignature& signature, int band) {
  uint64_t key = Mix(static_cast<uint64_t>(band) + 1);
  for (int row = 0; row < kBandRows; ++row) {
    key = Mix(key ^ (uint64_t{signature.minhash[band * kBandRows + row]} << (row % 2 ? 32 : 0)));
  }
  return std::bit_cast<int64_t>(key);
}

StorySimilarity CompareStories(const StorySignature& a, const StorySignature& b) {
  int agree = 0;
  for (int i = 0; i < kSignatureHashes; ++i) agree += a.minhash[i] == b.minhash[i] ? 1 : 0;
  StorySimilarity similarity;
  similarity.jaccard = static_cast<double>(agree) / kSignatureHashes;
  // |A ∩ B| = J (|A| + |B|) / (1 + J), over the smaller set.
  const double shared =
      similarity.jaccard * static_cast<double>(a.shingles + b.shingles) / (1 + similarity.jaccard);
  const double smaller = static_cast<double>(std::min(a.shingles, b.shingles));
  similarity.containment = smaller > 0 ? std::min(1.0, shared / smaller) : 0;
  return similarity;
}

bool IsNearDuplicate(const StorySimilarity& similarity) {
  return similarity.containment >= 0.5 && similarity.jaccard >= 0.2;
}

}  // namespace morgue
