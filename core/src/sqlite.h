// The SQLite backend of the SQL layer (sql.h): an archive file's connection, with SQLite
// result codes turned into morgue Status values that name the archive.
//
// Thread-safety: a SqliteDatabase and its Statements are used from one thread at a time.

#ifndef MORGUE_CORE_SRC_SQLITE_H_
#define MORGUE_CORE_SRC_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/status.h"
#include "sql.h"

namespace morgue::sql {

class SqliteDatabase : public Database {
 public:
  // Opens `path`; `create` allows a new file. Sets the busy timeout and foreign keys;
  // changes nothing in the file. Read-only, an archive in a folder the process may not
  // write is read as immutable when its write-ahead log holds nothing pending.
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::filesystem::path& path,
                                                      bool create, bool read_only,
                                                      int busy_timeout_ms);
  ~SqliteDatabase() override;

  // Switches the file to WAL mode (readers never wait for the writer). This is written
  // into the file, so it is done only once the file is known to be an archive.
  Status UseWal();

  const Dialect& dialect() const override;
  int64_t SizeInBytes() override;
  Status Exec(const std::string& sql) override;
  Result<Statement> Prepare(std::string_view sql) override;

  // BEGIN IMMEDIATE: takes the write lock, waiting up to the busy timeout for another
  // writer, and retrying the waits SQLite does not cover.
  Status BeginWrite() override;
  void Rollback() override;
  bool InTransaction() const override;
  Status BeginRead() override;

  int Changes() const override;
  Status WriteBlob(const char* table, const char* column, int64_t rowid, uint64_t size,
                   const std::function<Status(std::string&)>& next) override;
  Status ReadBlob(const char* table, const char* column, int64_t rowid,
                  const std::function<Status(std::string_view)>& piece) override;
  std::string StatementError() const override;

  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // The Status for SQLite result `code`, naming what was being done. Failures of the
  // archive itself (see IsArchiveFailure) are also remembered until taken.
  Status Error(int code, std::string_view doing) const;

  // Whether `code` says the archive, not the statement, failed: busy, read-only, disk
  // full, I/O error, damaged file.
  static bool IsArchiveFailure(int code);

 private:
  SqliteDatabase(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  // Opens `name` (the path, or a URI for it) and checks it is a database; on failure
  // *failure is SQLite's extended result code.
  static Result<std::unique_ptr<SqliteDatabase>> Connect(const std::filesystem::path& path,
                                                         const std::string& name, int flags,
                                                         int busy_timeout_ms, int* failure);
  Status Describe(int code, std::string_view doing) const;
  Status ReadOnlyError() const;

  sqlite3* db_;
  std::filesystem::path path_;
};

}  // namespace morgue::sql

#endif  // MORGUE_CORE_SRC_SQLITE_H_
