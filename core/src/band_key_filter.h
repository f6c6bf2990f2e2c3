// BandKeyFilter: a Bloom filter over band keys (story_signature.h), so that an import run
// asks story_bands only about keys some article may have. Nearly every body shares no key
// with any other, and each key looked up in a table of millions costs a page read; a key
// the filter was never given is certainly not among those it was given.
//
// It only grows: when the keys added reach its capacity, a stage of twice the capacity
// is added after it and takes the new keys (a scalable Bloom filter), so it never needs
// the keys again, and what it answers never turns false for a key once added. Band keys
// are already uniform 64-bit hashes, so each key's bit positions are made from the key
// itself (double hashing). Debian 12's Boost (1.74) predates Boost.Bloom, hence this one.
//
// Thread-safety: none; one archive connection's.

#ifndef MORGUE_CORE_SRC_BAND_KEY_FILTER_H_
#define MORGUE_CORE_SRC_BAND_KEY_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace morgue {

class BandKeyFilter {
 public:
  // Room for `capacity` keys in its first stage, at about 0.1% false positives each.
  explicit BandKeyFilter(int64_t capacity);

  void Add(int64_t key);
  // False: `key` was never added. True: it may have been.
  bool MayContain(int64_t key) const;

  size_t Bytes() const;

 private:
  struct Stage {
    std::vector<uint64_t> words;
    uint64_t bits = 0;
    int64_t capacity = 0;
    int64_t added = 0;
  };
  static Stage MakeStage(int64_t capacity);
  std::vector<Stage> stages_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_BAND_KEY_FILTER_H_
