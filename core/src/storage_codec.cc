// SHA-256, zstd compression, and the streaming forms of both that store an original
// document and give it back, reading the zlib streams of older archives too
// (storage_codec.h).

#include "storage_codec.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

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

std::string_view CompressionName(Compression compression) {
  switch (compression) {
    case Compression::kZstd:
      return "zstd";
    case Compression::kZlib:
      return "zlib";
    case Compression::kNone:
      break;
  }
  return "none";
}

std::optional<Compression> CompressionNamed(std::string_view name) {
  for (Compression compression : {Compression::kZstd, Compression::kZlib, Compression::kNone}) {
    if (name == CompressionName(compression)) return compression;
  }
  return std::nullopt;
}

namespace {

// Level 1, zstd's fastest of its regular levels: on the trafilatura-eval pages it
// compresses 3.7 times as fast as zlib at its fastest level (which took an eighth of an
// HTML import's time) and still to a smaller size (0.20 of the HTML against zlib's 0.23).
constexpr int kDocumentCompressionLevel = 1;

struct CompressionContextFree {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};

// This thread's compression context, kept between documents: making one for each page
// costs about as much as compressing a small page.
ZSTD_CCtx* ThreadCompressionContext() {
  thread_local std::unique_ptr<ZSTD_CCtx, CompressionContextFree> context(ZSTD_createCCtx());
  return context.get();
}

}  // namespace

Result<std::string> ZstdCompress(std::string_view bytes) {
  ZSTD_CCtx* context = ThreadCompressionContext();
  if (context == nullptr) return Status::IOError("zstd compression failed: cannot start");
  std::string out(ZSTD_compressBound(bytes.size()), '\0');
  const size_t written = ZSTD_compressCCtx(context, out.data(), out.size(), bytes.data(),
                                           bytes.size(), kDocumentCompressionLevel);
  if (ZSTD_isError(written) != 0) {
    return Status::IOError(std::string("zstd compression failed: ") + ZSTD_getErrorName(written));
  }
  out.resize(written);
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
  ZSTD_CCtx* zstd = nullptr;
  std::FILE* file = nullptr;  // the compressed stream; removed by the system when closed
  bool finished = false;      // the frame is closed: a second end would add another frame
  Status failed;
};

StreamingDocument::StreamingDocument() : state_(std::make_unique<State>()) {
  state_->sha = EVP_MD_CTX_new();
  if (state_->sha == nullptr || EVP_DigestInit_ex(state_->sha, EVP_sha256(), nullptr) != 1) {
    state_->failed = Status::IOError("cannot start a SHA-256 digest");
    return;
  }
  state_->zstd = ZSTD_createCCtx();
  if (state_->zstd == nullptr ||
      ZSTD_isError(ZSTD_CCtx_setParameter(state_->zstd, ZSTD_c_compressionLevel,
                                          kDocumentCompressionLevel)) != 0) {
    state_->failed = Status::IOError("cannot start zstd compression");
    return;
  }
  state_->file = AnonymousTemporaryFile();
  if (state_->file == nullptr) {
    state_->failed = Status::IOError(std::string("cannot make a temporary file for the "
                                                 "compressed original: ") +
                                     std::strerror(errno));
  }
}

StreamingDocument::~StreamingDocument() {
  if (state_->sha != nullptr) EVP_MD_CTX_free(state_->sha);
  if (state_->zstd != nullptr) ZSTD_freeCCtx(state_->zstd);
  if (state_->file != nullptr) std::fclose(state_->file);
}

Status StreamingDocument::Compress(std::string_view in, bool end) {
  unsigned char out[1 << 16];
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  for (;;) {
    ZSTD_outBuffer output{out, sizeof out, 0};
    const size_t left =
        ZSTD_compressStream2(state_->zstd, &output, &input, end ? ZSTD_e_end : ZSTD_e_continue);
    if (ZSTD_isError(left) != 0) {
      return Status::IOError(std::string("zstd compression failed: ") + ZSTD_getErrorName(left));
    }
    if (output.pos > 0 && std::fwrite(out, 1, output.pos, state_->file) != output.pos) {
      return Status::IOError(std::string("cannot write the compressed original to a "
                                         "temporary file: ") +
                             std::strerror(errno));
    }
    compressed_size_ += output.pos;
    // Done when all input is taken and, at the end, the frame is flushed whole.
    if (end ? left == 0 : input.pos == input.size) return Status::OK();
  }
}

Status StreamingDocument::Add(std::string_view bytes) {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (state_->finished) {
    return state_->failed = Status::InvalidArgument("bytes added to a finished document");
  }
  if (EVP_DigestUpdate(state_->sha, bytes.data(), bytes.size()) != 1) {
    return state_->failed = Status::IOError("SHA-256 digest failed");
  }
  size_ += bytes.size();
  if (Status compressed = Compress(bytes, false); !compressed.ok()) {
    return state_->failed = compressed;
  }
  return Status::OK();
}

Status StreamingDocument::Finish() {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (state_->finished) return Status::OK();
  state_->finished = true;
  if (Status compressed = Compress({}, true); !compressed.ok()) return state_->failed = compressed;
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
  Compression compression = Compression::kNone;
  std::function<Status(std::string_view)> out;
  EVP_MD_CTX* sha = nullptr;
  z_stream zlib{};
  bool zlib_ready = false;
  ZSTD_DCtx* zstd = nullptr;
  bool stream_ended = false;  // the whole zlib stream or zstd frame was read
  uint64_t size = 0;
  Status failed;
};

OriginalReader::OriginalReader(Compression compression, std::function<Status(std::string_view)> out)
    : state_(std::make_unique<State>()) {
  state_->compression = compression;
  state_->out = std::move(out);
  state_->sha = EVP_MD_CTX_new();
  if (state_->sha == nullptr || EVP_DigestInit_ex(state_->sha, EVP_sha256(), nullptr) != 1) {
    state_->failed = Status::IOError("cannot start a SHA-256 digest");
    return;
  }
  if (compression == Compression::kZlib) {
    if (inflateInit(&state_->zlib) != Z_OK) {
      state_->failed = Status::IOError("cannot start zlib decompression");
      return;
    }
    state_->zlib_ready = true;
  }
  if (compression == Compression::kZstd) {
    state_->zstd = ZSTD_createDCtx();
    if (state_->zstd == nullptr) {
      state_->failed = Status::IOError("cannot start zstd decompression");
    }
  }
}

OriginalReader::~OriginalReader() {
  if (state_->sha != nullptr) EVP_MD_CTX_free(state_->sha);
  if (state_->zlib_ready) inflateEnd(&state_->zlib);
  if (state_->zstd != nullptr) ZSTD_freeDCtx(state_->zstd);
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
  Status added;
  switch (state_->compression) {
    case Compression::kZstd:
      added = AddZstd(stored);
      break;
    case Compression::kZlib:
      added = AddZlib(stored);
      break;
    case Compression::kNone:
      added = Emit(stored);
      break;
  }
  if (!added.ok()) state_->failed = added;
  return added;
}

Status OriginalReader::AddZlib(std::string_view stored) {
  unsigned char out[1 << 16];
  // Pieces come from SQLite's blob reads, well under zlib's 32-bit counts.
  state_->zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stored.data()));
  state_->zlib.avail_in = static_cast<uInt>(stored.size());
  while (state_->zlib.avail_in > 0 && !state_->stream_ended) {
    state_->zlib.next_out = out;
    state_->zlib.avail_out = sizeof out;
    const int rc = inflate(&state_->zlib, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      return Status::Corruption(std::string("the stored document does not decompress: ") +
                                (state_->zlib.msg != nullptr ? state_->zlib.msg : zError(rc)));
    }
    state_->stream_ended = rc == Z_STREAM_END;
    const size_t produced = sizeof out - state_->zlib.avail_out;
    if (produced > 0) {
      MORGUE_RETURN_IF_ERROR(Emit(std::string_view(reinterpret_cast<const char*>(out), produced)));
    }
  }
  if (state_->zlib.avail_in > 0) {
    return Status::Corruption("the stored document has bytes after its zlib stream");
  }
  return Status::OK();
}

Status OriginalReader::AddZstd(std::string_view stored) {
  // Nothing to read: zstd takes calls that make no progress as an error after a few.
  if (stored.empty()) return Status::OK();
  unsigned char out[1 << 16];
  ZSTD_inBuffer input{stored.data(), stored.size(), 0};
  // Until all of `stored` is read and nothing more comes out of what was.
  for (bool more = true; more;) {
    if (state_->stream_ended) {
      if (input.pos < input.size) {
        return Status::Corruption("the stored document has bytes after its zstd frame");
      }
      return Status::OK();
    }
    ZSTD_outBuffer output{out, sizeof out, 0};
    const size_t hint = ZSTD_decompressStream(state_->zstd, &output, &input);
    if (ZSTD_isError(hint) != 0) {
      return Status::Corruption(std::string("the stored document does not decompress: ") +
                                ZSTD_getErrorName(hint));
    }
    state_->stream_ended = hint == 0;  // the frame is read and all of it handed out
    if (output.pos > 0) {
      MORGUE_RETURN_IF_ERROR(
          Emit(std::string_view(reinterpret_cast<const char*>(out), output.pos)));
    }
    more = input.pos < input.size || output.pos == output.size || state_->stream_ended;
  }
  return Status::OK();
}

Status OriginalReader::Finish(uint64_t size, const std::string& sha256_hex) {
  MORGUE_RETURN_IF_ERROR(state_->failed);
  if (state_->compression != Compression::kNone && !state_->stream_ended) {
    return Status::Corruption(
        std::string("the stored document's ") +
        (state_->compression == Compression::kZlib ? "zlib stream" : "zstd frame") +
        " is cut short");
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
