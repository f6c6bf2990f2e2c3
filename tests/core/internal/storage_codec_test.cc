// The storage codecs: SHA-256 against published vectors, zstd, and an original stored
// with StreamingDocument and given back by OriginalReader, fed in pieces of many sizes;
// the zlib streams of older archives given back the same way; a stored form cut short,
// followed by other bytes, or not the original recorded is Corruption.

#include "storage_codec.h"

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue {
namespace {

// ---- SHA-256 -------------------------------------------------------------------------------

struct Sha256Case {
  std::string input;
  std::string hex;
};

TEST(Sha256Hex, MatchesThePublishedVectors) {
  // FIPS 180-2 appendix B and the empty message.
  const Sha256Case cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const Sha256Case& c : cases) {
    EXPECT_EQ(Sha256Hex(c.input), c.hex) << "input of " << c.input.size() << " bytes";
  }
}

TEST(Sha256Hex, HashesEveryByteIncludingNul) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256Hex(with_nul), Sha256Hex("a"));
  EXPECT_NE(Sha256Hex(with_nul), Sha256Hex("ab"));
  EXPECT_EQ(Sha256Hex(with_nul).size(), 64U);
}

// ---- Documents -----------------------------------------------------------------------------

// Bytes that compress somewhat, as a page does, but not to nothing: words from a small
// set, chosen by a fixed pseudo-random sequence, with now and then a byte of any value.
std::string Document(size_t size) {
  static const char* const kWords[] = {"the ", "archive ",    "Seoul ", "\xEC\x84\x9C\xEC\x9A\xB8 ",
                                       "<p>",  "2011-01-04 ", "\n",     "news "};
  std::string text;
  uint32_t state = 12345;
  while (text.size() < size) {
    state = state * 1103515245U + 12345U;
    if ((state >> 16) % 17 == 0) {
      text.push_back(static_cast<char>(state >> 24));
    } else {
      text += kWords[(state >> 16) % 8];
    }
  }
  text.resize(size);
  return text;
}

// `text` in pieces of `piece` bytes (the last one shorter).
std::vector<std::string_view> Pieces(std::string_view text, size_t piece) {
  std::vector<std::string_view> pieces;
  for (size_t at = 0; at < text.size(); at += piece) pieces.push_back(text.substr(at, piece));
  return pieces;
}

// What StreamingDocument made: its compressed stream, read back in pieces of `read_piece`.
struct Stored {
  std::string sha256_hex;
  uint64_t size = 0;
  std::string compressed;
};

Stored Store(std::string_view original, size_t add_piece, size_t read_piece) {
  StreamingDocument document;
  for (std::string_view piece : Pieces(original, add_piece)) {
    const Status added = document.Add(piece);
    EXPECT_TRUE(added.ok()) << added.ToString();
  }
  const Status finished = document.Finish();
  EXPECT_TRUE(finished.ok()) << finished.ToString();
  EXPECT_TRUE(document.Rewind().ok());
  Stored stored{document.sha256_hex(), document.size(), {}};
  std::string piece;
  for (;;) {
    const Status read = document.ReadCompressed(piece, read_piece);
    EXPECT_TRUE(read.ok()) << read.ToString();
    if (!read.ok() || piece.empty()) break;
    EXPECT_LE(piece.size(), read_piece);
    stored.compressed += piece;
  }
  EXPECT_EQ(stored.compressed.size(), document.compressed_size());
  return stored;
}

// The original OriginalReader gives back from `stored`, fed in pieces of `piece`, and the
// status of Finish against `size` and `sha256_hex`.
struct Read {
  std::string original;
  Status status;
  size_t emitted_pieces = 0;
};

Read GiveBack(Compression compression, std::string_view stored, size_t piece, uint64_t size,
              const std::string& sha256_hex) {
  Read read;
  OriginalReader reader(compression, [&read](std::string_view original) {
    read.original += original;
    ++read.emitted_pieces;
    return Status::OK();
  });
  for (std::string_view p : Pieces(stored, piece)) {
    read.status = reader.Add(p);
    if (!read.status.ok()) return read;
  }
  read.status = reader.Finish(size, sha256_hex);
  return read;
}

// What zstd alone (the library's one-shot decompression, as the `zstd` tool reads a
// frame) makes of `stored`: sized by the frame's header, or at most `capacity` bytes for a
// frame written as a stream, whose header has no size; "not a frame" when it is not one.
std::string ZstdAlone(std::string_view stored, size_t capacity) {
  const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
  if (size == ZSTD_CONTENTSIZE_ERROR) return "not a frame";
  std::string original(size == ZSTD_CONTENTSIZE_UNKNOWN ? capacity : size, '\0');
  const size_t made =
      ZSTD_decompress(original.data(), original.size(), stored.data(), stored.size());
  if (ZSTD_isError(made) != 0) return ZSTD_getErrorName(made);
  original.resize(made);
  return original;
}

// A zlib stream (RFC 1950) of `original`, as morgue stored documents before schema 16.
std::string ZlibStream(std::string_view original) {
  uLongf length = compressBound(static_cast<uLong>(original.size()));
  std::string stored(length, '\0');
  EXPECT_EQ(compress2(reinterpret_cast<Bytef*>(stored.data()), &length,
                      reinterpret_cast<const Bytef*>(original.data()),
                      static_cast<uLong>(original.size()), Z_BEST_SPEED),
            Z_OK);
  stored.resize(length);
  return stored;
}

TEST(StreamingDocument, RoundTripsEverySizeFedInEveryPieceSize) {
  // 0 and 1 byte; a few pages; more than the 64 KiB the codecs work in, many times over.
  const size_t sizes[] = {0, 1, 2, 4095, 65536, 65537, 700001};
  const size_t pieces[] = {1, 3, 4096, 65535, 65536, 1 << 20};
  for (size_t size : sizes) {
    const std::string original = Document(size);
    for (size_t add_piece : pieces) {
      if (add_piece == 1 && size > 70000) continue;  // a byte at a time: covered below 70000
      SCOPED_TRACE("size " + std::to_string(size) + ", added in pieces of " +
                   std::to_string(add_piece));
      const Stored stored = Store(original, add_piece, 1000);
      EXPECT_EQ(stored.size, size);
      EXPECT_EQ(stored.sha256_hex, Sha256Hex(original));
      // The stream is one zstd frame: zstd alone gives the original back.
      EXPECT_TRUE(ZstdAlone(stored.compressed, size) == original);
      for (size_t read_piece : {size_t{1}, size_t{7}, size_t{4096}, stored.compressed.size()}) {
        if (read_piece == 1 && stored.compressed.size() > 70000) continue;
        const Read read = GiveBack(Compression::kZstd, stored.compressed,
                                   std::max<size_t>(read_piece, 1), size, stored.sha256_hex);
        ASSERT_TRUE(read.status.ok()) << read.status.ToString();
        EXPECT_EQ(read.original.size(), original.size());
        EXPECT_TRUE(read.original == original) << "read in pieces of " << read_piece;
      }
    }
  }
}

TEST(StreamingDocument, ReadsTheCompressedStreamAgainAfterRewind) {
  const std::string original = Document(100000);
  StreamingDocument document;
  ASSERT_TRUE(document.Add(original).ok());
  ASSERT_TRUE(document.Finish().ok());
  std::string first;
  std::string second;
  std::string piece;
  for (std::string* copy : {&first, &second}) {
    ASSERT_TRUE(document.Rewind().ok());
    do {
      ASSERT_TRUE(document.ReadCompressed(piece, 5000).ok());
      *copy += piece;
    } while (!piece.empty());
  }
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
  EXPECT_LT(first.size(), original.size());
}

TEST(StreamingDocument, FinishingTwiceKeepsOneFrameAndRefusesMoreBytes) {
  const std::string original = Document(5000);
  StreamingDocument document;
  ASSERT_TRUE(document.Add(original).ok());
  ASSERT_TRUE(document.Finish().ok());
  const uint64_t compressed_size = document.compressed_size();
  ASSERT_TRUE(document.Finish().ok());
  EXPECT_EQ(document.compressed_size(), compressed_size);
  EXPECT_EQ(document.Add("more").code(), StatusCode::kInvalidArgument);
}

TEST(OriginalReaderZstd, EmptyPiecesAreNothingToRead) {
  const std::string original = Document(3000);
  Result<std::string> stored = ZstdCompress(original);
  ASSERT_TRUE(stored.ok());
  std::string read;
  OriginalReader reader(Compression::kZstd, [&read](std::string_view piece) {
    read += piece;
    return Status::OK();
  });
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(reader.Add("").ok()) << i;
  ASSERT_TRUE(reader.Add(*stored).ok());
  for (int i = 0; i < 40; ++i) ASSERT_TRUE(reader.Add("").ok()) << i;
  EXPECT_TRUE(reader.Finish(original.size(), Sha256Hex(original)).ok());
  EXPECT_TRUE(read == original);
}

TEST(ZstdCompress, RoundTripsAndIsReadByZstdAlone) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{512}, size_t{513}, size_t{300000}}) {
    const std::string original = Document(size);
    Result<std::string> compressed = ZstdCompress(original);
    ASSERT_TRUE(compressed.ok()) << compressed.status().ToString();
    // The frame's header has the size: `zstd -d` needs nothing else.
    EXPECT_EQ(ZSTD_getFrameContentSize(compressed->data(), compressed->size()), size);
    EXPECT_TRUE(ZstdAlone(*compressed, 0) == original) << size << " bytes";
    const Read read = GiveBack(Compression::kZstd, *compressed, 100, size, Sha256Hex(original));
    EXPECT_TRUE(read.status.ok()) << read.status.ToString();
    EXPECT_TRUE(read.original == original) << size << " bytes";
  }
  // A page compresses: the archive keeps a fraction of it.
  Result<std::string> page = ZstdCompress(Document(300000));
  ASSERT_TRUE(page.ok());
  EXPECT_LT(page->size(), 300000U / 2);
}

TEST(Compression, NamesAreTheOnesTheArchiveStores) {
  for (Compression compression : {Compression::kZstd, Compression::kZlib, Compression::kNone}) {
    EXPECT_EQ(CompressionNamed(CompressionName(compression)), compression);
  }
  EXPECT_EQ(CompressionName(Compression::kZstd), "zstd");
  EXPECT_EQ(CompressionName(Compression::kZlib), "zlib");
  EXPECT_EQ(CompressionName(Compression::kNone), "none");
  EXPECT_EQ(CompressionNamed("brotli"), std::nullopt);
  EXPECT_EQ(CompressionNamed("ZSTD"), std::nullopt);
}

// ---- The zlib streams of older archives ----------------------------------------------------

TEST(OriginalReaderZlib, GivesBackAZlibStreamInEveryPieceSize) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{65537}, size_t{300000}}) {
    const std::string original = Document(size);
    const std::string stored = ZlibStream(original);
    for (size_t piece : {size_t{1}, size_t{100}, size_t{65536}, stored.size()}) {
      if (piece == 1 && size > 70000) continue;
      const Read read = GiveBack(Compression::kZlib, stored, std::max<size_t>(piece, 1), size,
                                 Sha256Hex(original));
      ASSERT_TRUE(read.status.ok()) << read.status.ToString();
      EXPECT_TRUE(read.original == original) << size << " bytes in pieces of " << piece;
    }
  }
}

TEST(OriginalReaderZlib, RefusesAStreamCutShortOrFollowedByOtherBytes) {
  const std::string original = Document(200000);
  const std::string stored = ZlibStream(original);
  const Read cut = GiveBack(Compression::kZlib, stored.substr(0, stored.size() - 3), 4096,
                            original.size(), Sha256Hex(original));
  EXPECT_EQ(cut.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(cut.status.message(), "the stored document's zlib stream is cut short");
  const Read longer =
      GiveBack(Compression::kZlib, stored + "trailing", 4096, original.size(), Sha256Hex(original));
  EXPECT_EQ(longer.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(longer.status.message(), "the stored document has bytes after its zlib stream");
  std::string damaged = stored;
  damaged[0] = '\x1f';  // the zlib header's first byte, 0x78 in a stream zlib makes
  const Read not_zlib =
      GiveBack(Compression::kZlib, damaged, 4096, original.size(), Sha256Hex(original));
  EXPECT_EQ(not_zlib.status.code(), StatusCode::kCorruption);
  EXPECT_TRUE(not_zlib.status.message().starts_with("the stored document does not decompress: "))
      << not_zlib.status.message();
}

// ---- What OriginalReader refuses -----------------------------------------------------------

class OriginalReaderRefuses : public ::testing::Test {
 protected:
  void SetUp() override { stored_ = Store(original_, 4096, 4096); }

  const std::string original_ = Document(200000);
  Stored stored_;
};

TEST_F(OriginalReaderRefuses, AStreamCutShort) {
  for (size_t cut :
       {size_t{1}, size_t{4}, stored_.compressed.size() / 2, stored_.compressed.size() - 2}) {
    const std::string_view shorter =
        std::string_view(stored_.compressed).substr(0, stored_.compressed.size() - cut);
    const Read read = GiveBack(Compression::kZstd, shorter, 999, stored_.size, stored_.sha256_hex);
    EXPECT_EQ(read.status.code(), StatusCode::kCorruption) << "cut by " << cut;
    EXPECT_EQ(read.status.message(), "the stored document's zstd frame is cut short")
        << "cut by " << cut;
    // What came before the cut was handed on, and is the original's start (a cut in the
    // frame's last bytes leaves nothing of the original missing, yet is refused).
    EXPECT_TRUE(std::string_view(original_).starts_with(read.original)) << "cut by " << cut;
    if (cut > 4) EXPECT_LT(read.original.size(), original_.size()) << "cut by " << cut;
  }
}

TEST_F(OriginalReaderRefuses, NothingStoredForAZstdDocument) {
  const Read read = GiveBack(Compression::kZstd, "", 1, 0, Sha256Hex(""));
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(), "the stored document's zstd frame is cut short");
}

TEST_F(OriginalReaderRefuses, AnotherSha256) {
  const Read read =
      GiveBack(Compression::kZstd, stored_.compressed, 4096, stored_.size, Sha256Hex("other"));
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(),
            "the stored document is not the original recorded at import (200000 bytes instead "
            "of 200000, or another SHA-256)");
  EXPECT_TRUE(read.original == original_);  // handed on as read; the check comes at the end
}

TEST_F(OriginalReaderRefuses, AnotherSize) {
  const Read read =
      GiveBack(Compression::kZstd, stored_.compressed, 4096, stored_.size + 1, stored_.sha256_hex);
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(),
            "the stored document is not the original recorded at import (200000 bytes instead "
            "of 200001, or another SHA-256)");
}

TEST_F(OriginalReaderRefuses, BytesAfterTheStream) {
  const std::string longer = stored_.compressed + "trailing";
  for (size_t piece : {size_t{1}, size_t{4096}, longer.size()}) {
    const Read read = GiveBack(Compression::kZstd, longer, piece, stored_.size, stored_.sha256_hex);
    EXPECT_EQ(read.status.code(), StatusCode::kCorruption) << "pieces of " << piece;
    EXPECT_EQ(read.status.message(), "the stored document has bytes after its zstd frame");
  }
}

TEST_F(OriginalReaderRefuses, BytesThatAreNoZstdFrame) {
  std::string damaged = stored_.compressed;
  damaged[0] = '\x1f';  // the frame's magic number starts 0x28
  const Read read = GiveBack(Compression::kZstd, damaged, 4096, stored_.size, stored_.sha256_hex);
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_TRUE(read.status.message().starts_with("the stored document does not decompress: "))
      << read.status.message();
  // Once refused, it stays refused: later pieces and Finish say the same.
  OriginalReader reader(Compression::kZstd, [](std::string_view) { return Status::OK(); });
  EXPECT_EQ(reader.Add(damaged).code(), StatusCode::kCorruption);
  EXPECT_EQ(reader.Add(stored_.compressed).code(), StatusCode::kCorruption);
  EXPECT_EQ(reader.Finish(stored_.size, stored_.sha256_hex).code(), StatusCode::kCorruption);
}

TEST_F(OriginalReaderRefuses, NothingWhenWritingTheOriginalFails) {
  size_t calls = 0;
  OriginalReader reader(Compression::kZstd, [&calls](std::string_view) {
    ++calls;
    return Status::IOError("disk full");
  });
  const Status added = reader.Add(stored_.compressed);
  EXPECT_EQ(added.code(), StatusCode::kIOError);
  EXPECT_EQ(added.message(), "disk full");
  EXPECT_EQ(calls, 1U);  // it stops at the first failure
  EXPECT_EQ(reader.Finish(stored_.size, stored_.sha256_hex).code(), StatusCode::kIOError);
}

// ---- Stored uncompressed -------------------------------------------------------------------

TEST(OriginalReaderUncompressed, PassesEveryPieceThroughAsItCame) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{100000}}) {
    const std::string original = Document(size);
    for (size_t piece : {size_t{1}, size_t{333}, size_t{65536}}) {
      if (piece == 1 && size > 1000) continue;
      const Read read = GiveBack(Compression::kNone, original, piece, size, Sha256Hex(original));
      ASSERT_TRUE(read.status.ok()) << read.status.ToString();
      EXPECT_TRUE(read.original == original) << size << " bytes in pieces of " << piece;
      EXPECT_EQ(read.emitted_pieces, Pieces(original, piece).size());
    }
  }
}

TEST(OriginalReaderUncompressed, ChecksSizeAndSha256Too) {
  const std::string original = "plain text stored as it was";
  const Read other_hash =
      GiveBack(Compression::kNone, original, 5, original.size(), Sha256Hex("plain"));
  EXPECT_EQ(other_hash.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(other_hash.status.message(),
            "the stored document is not the original recorded at import (27 bytes instead of "
            "27, or another SHA-256)");
  const Read cut =
      GiveBack(Compression::kNone, original.substr(0, 20), 5, original.size(), Sha256Hex(original));
  EXPECT_EQ(cut.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(cut.status.message(),
            "the stored document is not the original recorded at import (20 bytes instead of "
            "27, or another SHA-256)");
}

TEST(OriginalReaderUncompressed, AZstdFrameIsNotDecompressed) {
  const std::string original = Document(5000);
  Result<std::string> compressed = ZstdCompress(original);
  ASSERT_TRUE(compressed.ok());
  const Read read =
      GiveBack(Compression::kNone, *compressed, 4096, compressed->size(), Sha256Hex(*compressed));
  ASSERT_TRUE(read.status.ok()) << read.status.ToString();
  EXPECT_TRUE(read.original == *compressed);
}

}  // namespace
}  // namespace morgue
