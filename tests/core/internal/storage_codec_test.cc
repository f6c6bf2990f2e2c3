// The storage codecs: SHA-256 against published vectors, zlib, and an original stored
// with StreamingDocument and given back by OriginalReader, fed in pieces of many sizes;
// a stored form cut short, followed by other bytes, or not the original recorded is
// Corruption.

#include "storage_codec.h"

#include <gtest/gtest.h>

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

Read GiveBack(bool zlib, std::string_view stored, size_t piece, uint64_t size,
              const std::string& sha256_hex) {
  Read read;
  OriginalReader reader(zlib, [&read](std::string_view original) {
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
      // The stream is zlib's own format: zlib alone gives the original back.
      Result<std::string> inflated = ZlibDecompress(stored.compressed, size);
      ASSERT_TRUE(inflated.ok()) << inflated.status().ToString();
      EXPECT_TRUE(*inflated == original);
      for (size_t read_piece : {size_t{1}, size_t{7}, size_t{4096}, stored.compressed.size()}) {
        if (read_piece == 1 && stored.compressed.size() > 70000) continue;
        const Read read = GiveBack(true, stored.compressed, std::max<size_t>(read_piece, 1), size,
                                   stored.sha256_hex);
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

TEST(ZlibCompress, RoundTripsAndIsReadByZlibAlone) {
  for (size_t size : {size_t{0}, size_t{1}, size_t{512}, size_t{513}, size_t{300000}}) {
    const std::string original = Document(size);
    Result<std::string> compressed = ZlibCompress(original);
    ASSERT_TRUE(compressed.ok()) << compressed.status().ToString();
    Result<std::string> back = ZlibDecompress(*compressed, size);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(*back == original) << size << " bytes";
    const Read read = GiveBack(true, *compressed, 100, size, Sha256Hex(original));
    EXPECT_TRUE(read.status.ok()) << read.status.ToString();
    EXPECT_TRUE(read.original == original) << size << " bytes";
  }
}

TEST(ZlibDecompress, AnotherSizeThanRecordedIsCorruption) {
  const std::string original = Document(1000);
  Result<std::string> compressed = ZlibCompress(original);
  ASSERT_TRUE(compressed.ok());
  for (uint64_t wrong : {uint64_t{999}, uint64_t{1001}}) {
    Result<std::string> back = ZlibDecompress(*compressed, wrong);
    ASSERT_FALSE(back.ok()) << wrong;
    EXPECT_EQ(back.status().code(), StatusCode::kCorruption);
    EXPECT_TRUE(back.status().message().starts_with("stored document does not decompress: "))
        << back.status().message();
  }
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
    const Read read = GiveBack(true, shorter, 999, stored_.size, stored_.sha256_hex);
    EXPECT_EQ(read.status.code(), StatusCode::kCorruption) << "cut by " << cut;
    EXPECT_EQ(read.status.message(), "the stored document's zlib stream is cut short")
        << "cut by " << cut;
    // What came before the cut was handed on, and is the original's start (a cut in the
    // Adler-32 at the end leaves nothing of the original missing, yet is refused).
    EXPECT_TRUE(std::string_view(original_).starts_with(read.original)) << "cut by " << cut;
    if (cut > 4) EXPECT_LT(read.original.size(), original_.size()) << "cut by " << cut;
  }
}

TEST_F(OriginalReaderRefuses, NothingStoredForAZlibDocument) {
  const Read read = GiveBack(true, "", 1, 0, Sha256Hex(""));
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(), "the stored document's zlib stream is cut short");
}

TEST_F(OriginalReaderRefuses, AnotherSha256) {
  const Read read = GiveBack(true, stored_.compressed, 4096, stored_.size, Sha256Hex("other"));
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(),
            "the stored document is not the original recorded at import (200000 bytes instead "
            "of 200000, or another SHA-256)");
  EXPECT_TRUE(read.original == original_);  // handed on as read; the check comes at the end
}

TEST_F(OriginalReaderRefuses, AnotherSize) {
  const Read read = GiveBack(true, stored_.compressed, 4096, stored_.size + 1, stored_.sha256_hex);
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(read.status.message(),
            "the stored document is not the original recorded at import (200000 bytes instead "
            "of 200001, or another SHA-256)");
}

TEST_F(OriginalReaderRefuses, BytesAfterTheStream) {
  const std::string longer = stored_.compressed + "trailing";
  for (size_t piece : {size_t{1}, size_t{4096}, longer.size()}) {
    const Read read = GiveBack(true, longer, piece, stored_.size, stored_.sha256_hex);
    EXPECT_EQ(read.status.code(), StatusCode::kCorruption) << "pieces of " << piece;
    EXPECT_EQ(read.status.message(), "the stored document has bytes after its zlib stream");
  }
}

TEST_F(OriginalReaderRefuses, BytesThatAreNoZlibStream) {
  std::string damaged = stored_.compressed;
  damaged[0] = '\x1f';  // the zlib header's first byte, 0x78 in a stream zlib makes
  const Read read = GiveBack(true, damaged, 4096, stored_.size, stored_.sha256_hex);
  EXPECT_EQ(read.status.code(), StatusCode::kCorruption);
  EXPECT_TRUE(read.status.message().starts_with("the stored document does not decompress: "))
      << read.status.message();
  // Once refused, it stays refused: later pieces and Finish say the same.
  OriginalReader reader(true, [](std::string_view) { return Status::OK(); });
  EXPECT_EQ(reader.Add(damaged).code(), StatusCode::kCorruption);
  EXPECT_EQ(reader.Add(stored_.compressed).code(), StatusCode::kCorruption);
  EXPECT_EQ(reader.Finish(stored_.size, stored_.sha256_hex).code(), StatusCode::kCorruption);
}

TEST_F(OriginalReaderRefuses, NothingWhenWritingTheOriginalFails) {
  size_t calls = 0;
  OriginalReader reader(true, [&calls](std::string_view) {
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
      const Read read = GiveBack(false, original, piece, size, Sha256Hex(original));
      ASSERT_TRUE(read.status.ok()) << read.status.ToString();
      EXPECT_TRUE(read.original == original) << size << " bytes in pieces of " << piece;
      EXPECT_EQ(read.emitted_pieces, Pieces(original, piece).size());
    }
  }
}

TEST(OriginalReaderUncompressed, ChecksSizeAndSha256Too) {
  const std::string original = "plain text stored as it was";
  const Read other_hash = GiveBack(false, original, 5, original.size(), Sha256Hex("plain"));
  EXPECT_EQ(other_hash.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(other_hash.status.message(),
            "the stored document is not the original recorded at import (27 bytes instead of "
            "27, or another SHA-256)");
  const Read cut = GiveBack(false, original.substr(0, 20), 5, original.size(), Sha256Hex(original));
  EXPECT_EQ(cut.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(cut.status.message(),
            "the stored document is not the original recorded at import (20 bytes instead of "
            "27, or another SHA-256)");
}

TEST(OriginalReaderUncompressed, AZlibStreamIsNotInflated) {
  const std::string original = Document(5000);
  Result<std::string> compressed = ZlibCompress(original);
  ASSERT_TRUE(compressed.ok());
  const Read read = GiveBack(false, *compressed, 4096, compressed->size(), Sha256Hex(*compressed));
  ASSERT_TRUE(read.status.ok()) << read.status.ToString();
  EXPECT_TRUE(read.original == *compressed);
}

}  // namespace
}  // namespace morgue
