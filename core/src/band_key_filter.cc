#include "band_key_filter.h"

#include <algorithm>
#include <bit>

namespace morgue {
namespace {

// 14 bits and 10 probes a key: about 0.1% false positives in a full stage, so that even
// with several stages most bodies (16 keys) pass without a lookup.
constexpr int kBitsPerKey = 14;
constexpr int kProbes = 10;

// Calls `probe(bit)` for each of `key`'s kProbes bit positions among `bits` until it
// returns false; returns whether every call returned true.
template <typename Probe>
bool ForEachBit(int64_t key, uint64_t bits, Probe probe) {
  const auto hash = std::bit_cast<uint64_t>(key);
  const uint64_t step = std::rotl(hash, 32) | 1;  // never 0: the positions differ
  uint64_t position = hash;
  for (int i = 0; i < kProbes; ++i, position += step) {
    if (!probe(position % bits)) return false;
  }
  return true;
}

}  // namespace

BandKeyFilter::Stage BandKeyFilter::MakeStage(int64_t capacity) {
  Stage stage;
  stage.capacity = std::max<int64_t>(capacity, 64);
  stage.words.assign(static_cast<size_t>((stage.capacity * kBitsPerKey + 63) / 64), 0);
  stage.bits = stage.words.size() * 64;
  return stage;
}

BandKeyFilter::BandKeyFilter(int64_t capacity) { stages_.push_back(MakeStage(capacity)); }

void BandKeyFilter::Add(int64_t key) {
  if (stages_.back().added >= stages_.back().capacity) {
    stages_.push_back(MakeStage(stages_.back().capacity * 2));
  }
  Stage& stage = stages_.back();
  ForEachBit(key, stage.bits, [&](uint64_t bit) {
    stage.words[bit / 64] |= uint64_t{1} << (bit % 64);
    return true;
  });
  ++stage.added;
}

bool BandKeyFilter::MayContain(int64_t key) const {
  return std::any_of(stages_.begin(), stages_.end(), [&](const Stage& stage) {
    return ForEachBit(key, stage.bits, [&](uint64_t bit) {
      return (stage.words[bit / 64] & (uint64_t{1} << (bit % 64))) != 0;
    });
  });
}

size_t BandKeyFilter::Bytes() const {
  size_t bytes = 0;
  for (const Stage& stage : stages_) bytes += stage.words.size() * sizeof(uint64_t);
  return bytes;
}

}  // namespace morgue
