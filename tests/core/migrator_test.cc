// Schema migrations through the public API: a fresh archive, an upgrade from version 1,
// and an archive made by a newer morgue.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::ReadFile;
using testing::TempDir;

// The archive file seen by another SQLite tool.
void RawExec(const std::filesystem::path& db_path, const std::string& sql) {
  testing::ExecSql(db_path, sql);
}
std::string RawQuery(const std::filesystem::path& db_path, const std::string& sql) {
  return testing::QuerySql(db_path, sql);
}

TEST(MigratorTest, FreshArchiveIsAtTheLatestVersionInWalMode) {
  TempDir dir;
  auto archive = Archive::Open(dir / "a.db");
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ((*archive)->schema_version(), Archive::LatestSchemaVersion());
  EXPECT_GE(Archive::LatestSchemaVersion(), 2);
  EXPECT_EQ(RawQuery(dir / "a.db", "PRAGMA user_version"),
            std::to_string(Archive::LatestSchemaVersion()));
  EXPECT_EQ(RawQuery(dir / "a.db", "PRAGMA journal_mode"), "wal");
  for (const char* table :
       {"articles", "authors", "article_authors", "sources", "tags", "media", "documents",
        "imports", "article_fields", "articles_fts", "articles_flat"}) {
    EXPECT_EQ(
        RawQuery(dir / "a.db",
                 std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"),
        "1")
        << table;
  }
}

TEST(MigratorTest, ReopeningChangesNothing) {
  TempDir dir;
  {
    auto archive = Archive::Open(dir / "a.db");
    ASSERT_TRUE(archive.ok());
    Article article;
    article.title = "Kept across reopen";
    ASSERT_TRUE((*archive)->Add(article).ok());
  }
  auto again = Archive::Open(dir / "a.db");
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto stats = (*again)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
}

TEST(MigratorTest, UpgradesAVersionOneArchiveAndIndexesItsArticles) {
  TempDir dir;
  const auto path = dir / "old.db";
  RawExec(path, ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / "0001_core.sql"));
  RawExec(path,
          "INSERT INTO articles(title, body, added_at) VALUES "
          "('Harbour report', 'Fishing boats returned to the harbours at dawn.', "
          "'2020-01-01T00:00:00Z');"
          "PRAGMA user_version = 1;");

  auto archive = Archive::Open(path);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ((*archive)->schema_version(), Archive::LatestSchemaVersion());
  Filter filter;
  filter.query = "harbours";
  auto hits = (*archive)->Search(filter);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article.title, "Harbour report");
  // The index it was given anew keeps the larger in-memory hash of migration 15.
  EXPECT_EQ(RawQuery(path, "SELECT v FROM articles_fts_config WHERE k = 'hashsize'"), "4194304");
}

// Imports write the search index a batch at a time, in segments of the in-memory hash's
// size: 4 MB, not FTS5's 1 MB, so that fewer segments are written and merged.
TEST(MigratorTest, ANewArchivesSearchIndexHasAFourMegabyteHash) {
  TempDir dir;
  auto archive = Archive::Open(dir / "a.db");
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ(RawQuery(dir / "a.db", "SELECT v FROM articles_fts_config WHERE k = 'hashsize'"),
            "4194304");
}

TEST(MigratorTest, AnArchiveOfSchema13GetsTheFourMegabyteHashAtItsNextOpen) {
  TempDir dir;
  ASSERT_TRUE(Archive::Open(dir / "a.db").ok());
  testing::DowngradeToSchema13(dir / "a.db");
  const std::string hashsize = "SELECT count(*) FROM articles_fts_config WHERE k = 'hashsize'";
  ASSERT_EQ(RawQuery(dir / "a.db", hashsize), "0");
  auto archive = Archive::Open(dir / "a.db");
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ((*archive)->schema_version(), Archive::LatestSchemaVersion());
  EXPECT_EQ(RawQuery(dir / "a.db", "SELECT v FROM articles_fts_config WHERE k = 'hashsize'"),
            "4194304");
}

TEST(MigratorTest, RefusesAnArchiveFromANewerMorgueAndLeavesItAlone) {
  TempDir dir;
  const auto path = dir / "future.db";
  RawExec(path, "CREATE TABLE future_things(x); PRAGMA user_version = 99;");
  auto archive = Archive::Open(path);
  ASSERT_FALSE(archive.ok());
  EXPECT_EQ(archive.status().code(), StatusCode::kNotSupported);
  EXPECT_NE(archive.status().message().find(path.string()), std::string::npos);
  EXPECT_NE(archive.status().message().find("schema version 99"), std::string::npos);
  EXPECT_NE(archive.status().message().find("newer morgue"), std::string::npos);
  EXPECT_EQ(RawQuery(path, "PRAGMA user_version"), "99");
  EXPECT_EQ(RawQuery(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'"), "0");
  EXPECT_EQ(RawQuery(path, "PRAGMA journal_mode"), "delete");
}

TEST(MigratorTest, LeavesAnotherApplicationsSqliteFileAlone) {
  TempDir dir;
  const auto path = dir / "bookmarks.db";
  RawExec(path, "CREATE TABLE bookmarks(url TEXT); INSERT INTO bookmarks VALUES ('x');");
  const std::string before = ReadFile(path);
  for (bool read_only : {false, true}) {
    OpenOptions options;
    options.read_only = read_only;
    auto archive = Archive::Open(path, options);
    ASSERT_FALSE(archive.ok());
    EXPECT_EQ(archive.status().message(),
              "'" + path.string() +
                  "' is a SQLite database but not a morgue archive (it holds 'bookmarks'); name "
                  "another file with --archive");
  }
  EXPECT_EQ(ReadFile(path), before);
  EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST(MigratorTest, ArchivesCarryMorguesApplicationId) {
  TempDir dir;
  ASSERT_TRUE(Archive::Open(dir / "a.db").ok());
  EXPECT_EQ(RawQuery(dir / "a.db", "PRAGMA application_id"), std::to_string(0x4D524755));
  RawExec(dir / "other.db", "PRAGMA application_id = 42; PRAGMA user_version = 3;");
  auto other = Archive::Open(dir / "other.db");
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("another application"), std::string::npos);
}

TEST(MigratorTest, RefusesAFileThatIsNotAnArchive) {
  TempDir dir;
  testing::WriteFile(dir / "notes.db", std::string(4096, 'x'));
  auto archive = Archive::Open(dir / "notes.db");
  ASSERT_FALSE(archive.ok());
  EXPECT_NE(archive.status().message().find("notes.db"), std::string::npos);
  EXPECT_EQ(ReadFile(dir / "notes.db"), std::string(4096, 'x'));
}

TEST(MigratorTest, MissingArchiveIsNotFoundWithoutCreate) {
  TempDir dir;
  OpenOptions options;
  options.create_if_missing = false;
  auto archive = Archive::Open(dir / "none.db", options);
  ASSERT_FALSE(archive.ok());
  EXPECT_EQ(archive.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

}  // namespace
}  // namespace morgue
