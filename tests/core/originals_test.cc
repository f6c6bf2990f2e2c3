// Archive::Documents and Archive::WriteOriginal: which originals an article came from,
// and their bytes back, whole, in pieces, and checked against what was recorded.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zlib.h>

#include <string>
#include <string_view>
#include <utility>

#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

class ArchiveOriginalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(testing::BuildPluginDir());
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  // Imports `file` and returns the id of its first article.
  int64_t Import(const std::filesystem::path& file) {
    auto run = ImportRun::Start(*archive_, plugins_, {});
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    InputReport report = (*run)->ImportFile(file);
    EXPECT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_TRUE((*run)->Finish().ok());
    return report.article_ids.empty() ? 0 : report.article_ids.front();
  }

  Result<std::string> Original(int64_t document, int* pieces = nullptr) {
    std::string bytes;
    Status status = archive_->WriteOriginal(document, [&](std::string_view piece) {
      bytes += piece;
      if (pieces != nullptr) ++*pieces;
      return Status::OK();
    });
    if (!status.ok()) return status;
    return bytes;
  }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ArchiveOriginalsTest, DocumentsDescribeEachOriginal) {
  const auto sample = testing::FixturesDir() / "sample-articles.jsonl";
  const int64_t id = Import(sample);
  auto documents = archive_->Documents(id);
  ASSERT_TRUE(documents.ok()) << documents.status().ToString();
  ASSERT_EQ(documents->size(), 1U);
  const DocumentInfo& document = documents->front();
  EXPECT_EQ(document.original_path, sample.string());
  EXPECT_EQ(document.size, static_cast<int64_t>(std::filesystem::file_size(sample)));
  EXPECT_EQ(document.plugin, "json");
  EXPECT_EQ(document.media_type, "application/x-ndjson");
  EXPECT_EQ(document.sha256, testing::QuerySql(dir_ / "a.db", "SELECT sha256 FROM documents"));

  auto unknown = archive_->Documents(id + 100);
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message(), "no article with id " + std::to_string(id + 100));
}

TEST_F(ArchiveOriginalsTest, WriteOriginalGivesBackTheBytesInPieces) {
  // Several MiB of little-compressible lines: the stored stream is read in pieces.
  std::string lines;
  uint32_t state = 12345;
  for (int i = 0; lines.size() < 5 * 1024 * 1024; ++i) {
    std::string noise;
    for (int j = 0; j < 200; ++j) {
      state = state * 1103515245 + 12345;
      noise.push_back(static_cast<char>('a' + (state >> 16) % 26));
    }
    lines += "{\"title\": \"Line " + std::to_string(i) + "\", \"body\": \"" + noise + "\"}\n";
  }
  const auto file = dir_ / "big.jsonl";
  WriteFile(file, lines);
  const int64_t id = Import(file);
  auto documents = archive_->Documents(id);
  ASSERT_TRUE(documents.ok());
  int pieces = 0;
  auto original = Original(documents->front().id, &pieces);
  ASSERT_TRUE(original.ok()) << original.status().ToString();
  EXPECT_TRUE(*original == lines);
  EXPECT_GT(pieces, 1);
}

TEST_F(ArchiveOriginalsTest, AnUnknownOrDamagedDocumentIsAnError) {
  Import(testing::FixturesDir() / "sample-articles.jsonl");
  EXPECT_EQ(Original(999).status().code(), StatusCode::kNotFound);
  const std::string id = testing::QuerySql(dir_ / "a.db", "SELECT id FROM documents");
  // Cut the stored stream short.
  testing::ExecSql(dir_ / "a.db", "UPDATE documents SET content = substr(content, 1, 40)");
  auto cut = Original(std::stoll(id));
  EXPECT_EQ(cut.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(cut.status().message(),
            "document " + id + ": the stored document's zstd frame is cut short");
  // Not a zstd frame at all.
  testing::ExecSql(dir_ / "a.db", "UPDATE documents SET content = x'00010203'");
  EXPECT_EQ(Original(std::stoll(id)).status().code(), StatusCode::kCorruption);
}

// Before schema 16 morgue stored originals as zlib streams; an archive it made still
// gives them back (and one stored with a compression morgue does not know is refused).
TEST_F(ArchiveOriginalsTest, ADocumentStoredAsZlibByAnOlderMorgueStillReads) {
  const auto sample = testing::FixturesDir() / "sample-articles.jsonl";
  Import(sample);
  const std::string original = ReadFile(sample);
  uLongf length = compressBound(static_cast<uLong>(original.size()));
  std::string zlib_stream(length, '\0');
  ASSERT_EQ(compress2(reinterpret_cast<Bytef*>(zlib_stream.data()), &length,
                      reinterpret_cast<const Bytef*>(original.data()),
                      static_cast<uLong>(original.size()), Z_BEST_SPEED),
            Z_OK);
  zlib_stream.resize(length);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "a.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* update = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE documents SET compression = 'zlib', content = ?1", -1,
                               &update, nullptr),
            SQLITE_OK);
  sqlite3_bind_blob(update, 1, zlib_stream.data(), static_cast<int>(zlib_stream.size()),
                    SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(update), SQLITE_DONE);
  sqlite3_finalize(update);
  sqlite3_close(db);

  const int64_t document = std::stoll(testing::QuerySql(dir_ / "a.db", "SELECT id FROM documents"));
  auto back = Original(document);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(*back == original);

  testing::ExecSql(dir_ / "a.db", "UPDATE documents SET compression = 'brotli'");
  auto unknown = Original(document);
  EXPECT_EQ(unknown.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(unknown.status().message(), "document " + std::to_string(document) +
                                            " is stored with unknown compression 'brotli'");
}

}  // namespace
}  // namespace morgue
