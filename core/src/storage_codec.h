// How the archive stores original documents: SHA-256 names them, zstd compresses them
// (one frame each, readable by the `zstd` tool; archives made before schema 16 also hold
// zlib streams), StreamingDocument hashes and compresses one that arrives in pieces, and
// OriginalReader gives one back from its stored form and checks it.
//
// Thread-safety: the functions are pure; each class is used by one thread at a time.

#ifndef MORGUE_CORE_SRC_STORAGE_CODEC_H_
#define MORGUE_CORE_SRC_STORAGE_CODEC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// How a document's bytes are stored, as `documents.compression` names it: "zstd" (what
// morgue writes), "zlib" (RFC 1950, what morgue wrote before schema 16) or "none" (kept
// as they are when compressing would not make them smaller).
enum class Compression { kNone, kZlib, kZstd };
std::string_view CompressionName(Compression compression);
// The compression `name` names, or nothing for a name morgue does not know.
std::optional<Compression> CompressionNamed(std::string_view name);

// One zstd frame (RFC 8878) of `bytes`, with their size in its header, so that
// `zstd -d` alone gives a document back (StreamingDocument's frames, written before the
// size is known, have none in their header; `zstd -d` reads them too).
Result<std::string> ZstdCompress(std::string_view bytes);

// The SHA-256 and the zstd frame (as ZstdCompress makes) of a document that arrives in
// pieces, so that a large input is never held whole: the compressed bytes go to an
// anonymous temporary file. Thread-safety: one thread at a time.
class StreamingDocument {
 public:
  StreamingDocument();
  ~StreamingDocument();
  StreamingDocument(const StreamingDocument&) = delete;
  StreamingDocument& operator=(const StreamingDocument&) = delete;

  Status Add(std::string_view bytes);
  // Ends the stream (once; again does nothing); then sha256_hex(), size() and the
  // compressed file are final, and Add is refused.
  Status Finish();

  const std::string& sha256_hex() const { return sha256_hex_; }
  uint64_t size() const { return size_; }
  uint64_t compressed_size() const { return compressed_size_; }
  // Goes back to the start of the compressed stream, which ReadCompressed then reads in
  // pieces of at most `max` bytes into `out`; an empty piece is the end.
  Status Rewind();
  Status ReadCompressed(std::string& out, size_t max);

 private:
  // Compresses what `in` holds (all of it, and the frame's end when `end`) to the file.
  Status Compress(std::string_view in, bool end);
  struct State;
  std::unique_ptr<State> state_;
  std::string sha256_hex_;
  uint64_t size_ = 0;
  uint64_t compressed_size_ = 0;
};

// Gives back an original from its stored form as that arrives in pieces: decompresses a
// zstd frame or a zlib stream (or passes bytes stored uncompressed through), hands the
// original on in pieces, and checks at the end that it has the size and SHA-256 recorded
// at import. Thread-safety: one thread at a time.
class OriginalReader {
 public:
  OriginalReader(Compression compression, std::function<Status(std::string_view)> out);
  ~OriginalReader();
  OriginalReader(const OriginalReader&) = delete;
  OriginalReader& operator=(const OriginalReader&) = delete;

  Status Add(std::string_view stored);
  // Corruption when the stored stream is cut short or the original is not the one recorded.
  Status Finish(uint64_t size, const std::string& sha256_hex);

 private:
  Status Emit(std::string_view original);
  Status AddZlib(std::string_view stored);
  Status AddZstd(std::string_view stored);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_STORAGE_CODEC_H_
