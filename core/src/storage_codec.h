// How the archive stores original documents: SHA-256 names them, zlib compresses them
// (readable by any zlib tool), StreamingDocument hashes and compresses one that arrives in
// pieces, and OriginalReader gives one back from its stored form and checks it.
//
// Thread-safety: the functions are pure; each class is used by one thread at a time.

#ifndef MORGUE_CORE_SRC_STORAGE_CODEC_H_
#define MORGUE_CORE_SRC_STORAGE_CODEC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// zlib (RFC 1950) stream of `bytes`, so any zlib reader (Python's zlib.decompress,
// `pigz -dz`, ...) can recover a document from the archive.
Result<std::string> ZlibCompress(std::string_view bytes);
// Inverse of ZlibCompress; `size` is the original size stored beside the blob.
Result<std::string> ZlibDecompress(std::string_view compressed, uint64_t size);

// The SHA-256 and the zlib stream (as ZlibCompress makes) of a document that arrives in
// pieces, so that a large input is never held whole: the compressed bytes go to an
// anonymous temporary file. Thread-safety: one thread at a time.
class StreamingDocument {
 public:
  StreamingDocument();
  ~StreamingDocument();
  StreamingDocument(const StreamingDocument&) = delete;
  StreamingDocument& operator=(const StreamingDocument&) = delete;

  Status Add(std::string_view bytes);
  // Ends the stream; then sha256_hex(), size() and the compressed file are final.
  Status Finish();

  const std::string& sha256_hex() const { return sha256_hex_; }
  uint64_t size() const { return size_; }
  uint64_t compressed_size() const { return compressed_size_; }
  // Goes back to the start of the compressed stream, which ReadCompressed then reads in
  // pieces of at most `max` bytes into `out`; an empty piece is the end.
  Status Rewind();
  Status ReadCompressed(std::string& out, size_t max);

 private:
  Status Deflate(int flush);
  struct State;
  std::unique_ptr<State> state_;
  std::string sha256_hex_;
  uint64_t size_ = 0;
  uint64_t compressed_size_ = 0;
};

// Gives back an original from its stored form as that arrives in pieces: inflates a zlib
// stream (or passes bytes stored uncompressed through), hands the original on in pieces,
// and checks at the end that it has the size and SHA-256 recorded at import.
// Thread-safety: one thread at a time.
class OriginalReader {
 public:
  OriginalReader(bool zlib, std::function<Status(std::string_view)> out);
  ~OriginalReader();
  OriginalReader(const OriginalReader&) = delete;
  OriginalReader& operator=(const OriginalReader&) = delete;

  Status Add(std::string_view stored);
  // Corruption when the stored stream is cut short or the original is not the one recorded.
  Status Finish(uint64_t size, const std::string& sha256_hex);

 private:
  Status Emit(std::string_view original);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_STORAGE_CODEC_H_
