// BandKeyFilter (core/src/band_key_filter.h): never forgets a key, through every stage it
// grows, and passes few keys it was never given, so that lookups are really skipped.

#include "band_key_filter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

namespace morgue {
namespace {

std::vector<int64_t> RandomKeys(size_t count, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<int64_t> keys(count);
  for (int64_t& key : keys) key = static_cast<int64_t>(random());
  return keys;
}

TEST(BandKeyFilterTest, EveryKeyAddedIsMaybeThereAfterItOutgrowsItsFirstStage) {
  BandKeyFilter filter(1000);
  const size_t first_stage_bytes = filter.Bytes();
  const std::vector<int64_t> keys = RandomKeys(50'000, 1);  // 50 times its first capacity
  for (int64_t key : keys) filter.Add(key);
  EXPECT_GT(filter.Bytes(), 40 * first_stage_bytes);  // it grew to hold them
  for (int64_t key : keys) ASSERT_TRUE(filter.MayContain(key)) << key;
  // Keys near the extremes and zero too.
  for (int64_t key : {int64_t{0}, INT64_MIN, INT64_MAX, int64_t{-1}}) {
    filter.Add(key);
    EXPECT_TRUE(filter.MayContain(key)) << key;
  }
}

TEST(BandKeyFilterTest, FewKeysNeverAddedPass) {
  BandKeyFilter filter(1000);
  for (int64_t key : RandomKeys(50'000, 2)) filter.Add(key);
  int passed = 0;
  const std::vector<int64_t> others = RandomKeys(200'000, 3);
  for (int64_t key : others) passed += filter.MayContain(key) ? 1 : 0;
  // About 0.1% for each of its 6 stages: well under 1% in all.
  EXPECT_LT(passed, static_cast<int>(others.size() / 100)) << passed << " passed";
}

TEST(BandKeyFilterTest, AnEmptyFilterPassesNothing) {
  const BandKeyFilter filter(0);
  for (int64_t key : RandomKeys(1000, 4)) EXPECT_FALSE(filter.MayContain(key));
}

}  // namespace
}  // namespace morgue
