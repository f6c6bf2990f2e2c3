// SHA-256, zlib compression, and the streaming forms of both that store an original
// document and give it back (storage_codec.h).

#include "storage_codec.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

namespace morgue {

namespace {
std::string HexOf(const unsigned char* digest, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(static_cast<size_t>(length) * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}
}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, EVP_sha256(), nullptr);
  return HexOf(digest.data(), length);
}

// Level 1: on news pages and JSON Lines it compresses about five times faster than the
// default level 6 for files about 18% larger (0.20 vs 0.16 of the HTML, 0.46 vs 0.39 of
// the JSON Lines of the benchmark corpora), and compressing originals was a third of the
// import's time at level 6.
constexpr int kDocumentCompressionLevel = Z_BEST_SPEED;

// The smallest deflate window that holds all of `size` bytes (2^9 to 2^15): the same zlib
// stream format, but for a news page zlib then sets up a few KiB of tables instead of
// 256 KiB, which cost more than compressing the page itself.
int WindowBitsFor(size_t size) {
  int bits = 9;
  while (bits < 15 && (size_t{1} << bits) < size) ++bits;
  return bits;
}

Result<std::string> ZlibCompress(std::string_view bytes) {
  z_stream stream{};
  const int bits = WindowBitsFor(bytes.size());
  if (deflateInit2(&stream, kDocumentCompressionLevel, Z_DEFLATED, bits, bits <= 13 ? 6 : 8,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::IOError("zlib compression failed: cannot start");
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(bytes.size())), '\0');
  // zlib counts in 32-bit units: feed and drain it in pieces.
  constexpr size_t kPiece = size_t{1} << 30;
  size_t in_pos = 0;
  int rc = Z_OK;
  while (rc == Z_OK) {
    const size_t in_piece = std::min(bytes.size() - in_pos, kPiece);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + in_pos));
    stream.avail_in = static_cast<uInt>(in_piece);
    const bool last = in_pos + in_piece == bytes.size();
    if (stream.total_out == out.size()) out.resize(out.size() + 65536);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + stream.total_out);
    stream.avail_out = static_cast<uInt>(std::min(out.size() - stream.total_out, kPiece));
    rc = deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
    in_pos += in_piece - stream.avail_in;
    if (rc == Z_BUF_ERROR) rc = Z_OK;  // no progress possible this round: more room next
  }
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (rc != Z_STREAM_END) {
    return Status::IOError(std::string("zlib compression failed: ") + zError(rc));
  }
  return out;
}

Result<std::string> ZlibDecompress(std::string_view compressed, uint64_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(size);
  int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                      reinterpret_cast<const Bytef*>(compressed.data()),
                      static_cast<uLong>(compressed.size()));
  if (rc != Z_OK || length != size) {
    return Status::Corruption(std::string("stored document does not decompress: ") + zError(rc));
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// StreamingDocument

namespace {

// A temporary file with no name, in $TMPDIR (or /tmp), closed on exec so that a child
// process (an --isolate worker) never holds it open.
std::FILE* AnonymousTemporaryFile() {
  const char* env = std::getenv("TMPDIR");
  const std::string folder = env != nullptr && *env != '\0' ? env : "/tmp";
  int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0) {  // a file system without O_TMPFILE: a named file, removed at once
    std::string name = folder + "/morgue-original-XXXXXX";
    fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd >= 0) ::unlink(name.c_str());
  }
  if (fd < 0) return nullptr;
  std::FILE* file = ::fdopen(fd, "w+b");
  if (file == nullptr) ::close(fd);
  return file;
}

}  // namespace

struct StreamingDocument::State {
  EVP_MD_CTX* sha = nullptr;
  z_stream zlib{};
  bool zlib_ready = false;
  std::FILE* file = nullptr;  // the compressed stream; removed by the system when closed
  Status failed;
};

StreamingDocument::StreamingDocument() : state_(std::make_unique<State>()) {
  state_->sha = EVP_MD_CTX_new();
  if (state_->sha == nullptr || EVP_DigestInit_ex(state_->sha, EVP_sha256(), nullptr) != 1) {
    state_->failed = Status::IOError("cannot start a SHA-256 digest");
    return;
  }
  if (deflateInit(&state_->zlib, kDocumentCompressionLevel) != Z_OK) {
    state_->failed = Status::IOError("cannot start zlib compression");
    return;
  }
  state_->zlib_ready = true;
  state_->file = AnonymousTemporaryFile();
  if (state_->file == nullptr) {
    state_->failed = Status::IOError(std::string("cannot make a temporary file for the "
                                                 "compressed original: ") +
                                     std::strerror(errno));
  }
}

StreamingDocument::~StreamingDocument() {
  if (state_->sha != nullptr) EVP_MD_CTX_free(state_->sha);
  if (state_->zlib_ready) deflateEnd(&state_->zlib);
  if (state_->file != nullptr) std::fclose(state_->file);
}

Status StreamingDocument::Deflate(int flush) {
  unsigned char out[1 << 16];
  do {
    state_->zlib.next_out = out;
    state_->zlib.avail_out = sizeof out;
    const int rc = deflate(&state_->zlib, flush);
    if (rc == Z_STREAM_ERROR) return Status::IOError("zlib compression failed");
    const size_t produced = sizeof out - state_->zlib.avail_out;
    if (produced > 0 && std::fwrite(out, 1, produced, state_->file) != produced) {
      return Status::IOError(std::string("cannot write the compressed original to a "
                                         "temporary file: ") +
                             std::strerror(errno));
    }
    compressed_size_ += produced;
  } while (state_->zlib.avail_out == 0);
  return Status::OK();
}

Status StreamingDocument::Add(std::string_view bytes) {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (EVP_DigestUpdate(state_->sha, bytes.data(), bytes.size()) != 1) {
    return state_->failed = Status::IOError("SHA-256 digest failed");
  }
  size_ += bytes.size();
  // zlib counts in 32-bit units: feed it in pieces.
  while (!bytes.empty()) {
    const size_t piece = std::min<size_t>(bytes.size(), 1U << 30);
    state_->zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    state_->zlib.avail_in = static_cast<uInt>(piece);
    if (Status deflated = Deflate(Z_NO_FLUSH); !deflated.ok()) return state_->failed = deflated;
    bytes.remove_prefix(piece);
  }
  return Status::OK();
}

Status StreamingDocument::Finish() {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  state_->zlib.next_in = nullptr;
  state_->zlib.avail_in = 0;
  if (Status deflated = Deflate(Z_FINISH); !deflated.ok()) return state_->failed = deflated;
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state_->sha, digest.data(), &length) != 1) {
    return state_->failed = Status::IOError("SHA-256 digest failed");
  }
  sha256_hex_ = HexOf(digest.data(), length);
  if (std::fflush(state_->file) != 0) {
    return state_->failed = Status::IOError(std::string("cannot write the compressed original "
                                                        "to a temporary file: ") +
                                            std::strerror(errno));
  }
  return Status::OK();
}

Status StreamingDocument::Rewind() {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (std::fseek(state_->file, 0, SEEK_SET) != 0) {
    return Status::IOError(std::string("cannot read the temporary file: ") + std::strerror(errno));
  }
  return Status::OK();
}

Status StreamingDocument::ReadCompressed(std::string& out, size_t max) {
  out.resize(max);
  const size_t n = std::fread(out.data(), 1, max, state_->file);
  out.resize(n);
  if (n == 0 && std::ferror(state_->file) != 0) {
    return Status::IOError(std::string("cannot read the temporary file: ") + std::strerror(errno));
  }
  return Status::OK();
}

// ---------------------------------------------------------------------------------------
// OriginalReader

struct OriginalReader::State {
  bool zlib = false;
  std::function<Status(std::string_view)> out;
  EVP_MD_CTX* sha = nullptr;
  z_stream stream{};
  bool stream_ready = false;
  bool stream_ended = false;
  uint64_t size = 0;
  Status failed;
};

OriginalReader::OriginalReader(bool zlib, std::function<Status(std::string_view)> out)
    : state_(std::make_unique<State>()) {
  state_->zlib = zlib;
  state_->out = std::move(out);
  state_->sha = EVP_MD_CTX_new();
  if (state_->sha == nullptr || EVP_DigestInit_ex(state_->sha, EVP_sha256(), nullptr) != 1) {
    state_->failed = Status::IOError("cannot start a SHA-256 digest");
    return;
  }
  if (zlib) {
    if (inflateInit(&state_->stream) != Z_OK) {
      state_->failed = Status::IOError("cannot start zlib decompression");
      return;
    }
    state_->stream_ready = true;
  }
}

OriginalReader::~OriginalReader() {
  if (state_->sha != nullptr) EVP_MD_CTX_free(state_->sha);
  if (state_->stream_ready) inflateEnd(&state_->stream);
}

Status OriginalReader::Emit(std::string_view original) {
  if (EVP_DigestUpdate(state_->sha, original.data(), original.size()) != 1) {
    return Status::IOError("SHA-256 digest failed");
  }
  state_->size += original.size();
  return state_->out(original);
}

Status OriginalReader::Add(std::string_view stored) {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (!state_->zlib) return state_->failed = Emit(stored);
  unsigned char out[1 << 16];
  // Pieces come from SQLite's blob reads, well under zlib's 32-bit counts.
  state_->stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
  state_->stream.avail_in = static_cast<uInt>(stored.size());
  while (state_->stream.avail_in > 0 && !state_->stream_ended) {
    state_->stream.next_out = out;
    state_->stream.avail_out = sizeof out;
    const int rc = inflate(&state_->stream, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      return state_->failed = Status::Corruption(
                 std::string("the stored document does not decompress: ") +
                 (state_->stream.msg != nullptr ? state_->stream.msg : zError(rc)));
    }
    state_->stream_ended = rc == Z_STREAM_END;
    const size_t produced = sizeof out - state_->stream.avail_out;
    if (produced > 0) {
      Status emitted = Emit(std::string_view(reinterpret_cast<const char*>(out), produced));
      if (!emitted.ok()) return state_->failed = emitted;
    }
  }
  if (state_->stream.avail_in > 0) {
    return state_->failed =
               Status::Corruption("the stored document has bytes after its zlib stream");
  }
  return Status::OK();
}

Status OriginalReader::Finish(uint64_t size, const std::string& sha256_hex) {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (state_->zlib && !state_->stream_ended) {
    return Status::Corruption("the stored document's zlib stream is cut short");
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state_->sha, digest.data(), &length) != 1) {
    return Status::IOError("SHA-256 digest failed");
  }
  if (state_->size != size || HexOf(digest.data(), length) != sha256_hex) {
    return Status::Corruption("the stored document is not the original recorded at import (" +
                              std::to_string(state_->size) + " bytes instead of " +
                              std::to_string(size) + ", or another SHA-256)");
  }
  return Status::OK();
}

}  // namespace morgue
