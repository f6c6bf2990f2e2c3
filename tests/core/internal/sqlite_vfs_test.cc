// The VFS morgue opens archives through (sqlite_vfs.h): a write longer than SQLite's Unix
// layer takes in one call arrives whole, and a savepoint whose statement journal outgrows
// the in-memory limit (so that SQLite writes it out in chunks of that limit) commits, with
// every row as written; the write-ahead log works through it, and it names itself above
// the default VFS.
//
// Each test sets SQLite up first, as morgue does before it opens an archive: this binary
// holds no other test, so nothing starts SQLite before the setting can be made.

#include "sqlite_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "support/test_support.h"

namespace morgue::sql {
namespace {

TEST(ArchiveVfs, BecomesTheDefaultAndGivesBackAWriteOfManyMebibytesIntact) {
  const char* name = ArchiveVfsName();
  ASSERT_NE(name, nullptr);
  EXPECT_TRUE(StatementJournalLimitSet());
  sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
  ASSERT_NE(vfs, nullptr);
  EXPECT_STREQ(vfs->zName, name) << "connections opened without a VFS name get it too";

  testing::TempDir dir;
  const std::string path = (dir.path() / "written").string();
  std::string file_bytes(static_cast<size_t>(vfs->szOsFile), '\0');
  auto* file = reinterpret_cast<sqlite3_file*>(file_bytes.data());
  int out_flags = 0;
  ASSERT_EQ(
      vfs->xOpen(vfs, path.c_str(), file,
                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MAIN_DB, &out_flags),
      SQLITE_OK);
  // 4 MiB and a little, the bytes varying along it: the Unix layer alone would write the
  // 1,000 bytes the length's low 17 bits say, then nothing, and fail.
  std::string written(static_cast<size_t>(kStatementJournalInMemoryBytes) + 1000, '\0');
  for (size_t i = 0; i < written.size(); ++i) {
    written[i] = static_cast<char>((i * 7 + i / 251) & 0xFF);
  }
  EXPECT_EQ(file->pMethods->xWrite(file, written.data(), static_cast<int>(written.size()), 0),
            SQLITE_OK);
  sqlite3_int64 size = 0;
  EXPECT_EQ(file->pMethods->xFileSize(file, &size), SQLITE_OK);
  EXPECT_EQ(size, static_cast<sqlite3_int64>(written.size()));
  std::string read(written.size(), '\0');
  EXPECT_EQ(file->pMethods->xRead(file, read.data(), static_cast<int>(read.size()), 0), SQLITE_OK);
  EXPECT_TRUE(read == written) << "the bytes read back differ from those written";
  EXPECT_EQ(file->pMethods->xClose(file), SQLITE_OK);
}

// Runs `sql` on `db`, failing the test with SQLite's message.
void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error != nullptr ? error : "");
  sqlite3_free(error);
}

TEST(ArchiveVfs, ASavepointWhoseJournalOutgrowsMemoryCommitsWhole) {
  ASSERT_NE(ArchiveVfsName(), nullptr);
  // Else the journal spills at SQLite's 64 KiB, in writes any VFS takes, and this test
  // would pass without the splitting.
  ASSERT_TRUE(StatementJournalLimitSet()) << "SQLite was started before the setup";
  testing::TempDir dir;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir.path() / "archive.sqlite").c_str(), &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, ArchiveVfsName()),
            SQLITE_OK);
  Exec(db, "PRAGMA journal_mode = WAL");
  // 12 MiB of rows, then one savepoint that rewrites all of them: its statement journal
  // holds the pages' earlier contents, three times the in-memory limit.
  Exec(db,
       "CREATE TABLE pages(id INTEGER PRIMARY KEY, bytes BLOB);"
       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
       "INSERT INTO pages SELECT i, zeroblob(4000) FROM n");
  Exec(db,
       "BEGIN; UPDATE pages SET bytes = x'01' WHERE id = 1; SAVEPOINT input;"
       "UPDATE pages SET bytes = randomblob(4000 + id % 7); RELEASE input; COMMIT");
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM pages WHERE length(bytes) = 4000 + id % 7 "
                               "AND bytes != zeroblob(length(bytes))",
                               -1, &count, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 3000);
  sqlite3_finalize(count);
  EXPECT_EQ(sqlite3_close(db), SQLITE_OK);
}

TEST(ArchiveVfs, KeepsTheWriteAheadLogAndNamesItselfAboveTheDefault) {
  ASSERT_NE(ArchiveVfsName(), nullptr);
  testing::TempDir dir;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2((dir.path() / "archive.sqlite").c_str(), &db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, ArchiveVfsName()),
            SQLITE_OK);
  // The log needs the shared memory of the default VFS's files, passed through.
  sqlite3_stmt* mode = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &mode, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(mode), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0)), "wal");
  sqlite3_finalize(mode);
  Exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");

  char* names = nullptr;
  ASSERT_EQ(sqlite3_file_control(db, "main", SQLITE_FCNTL_VFSNAME, &names), SQLITE_OK);
  ASSERT_NE(names, nullptr);
  EXPECT_EQ(std::string(names), std::string(ArchiveVfsName()) + "/unix");
  sqlite3_free(names);
  EXPECT_EQ(sqlite3_close(db), SQLITE_OK);
}

}  // namespace
}  // namespace morgue::sql
