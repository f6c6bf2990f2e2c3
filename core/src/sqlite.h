// A thin RAII layer over the SQLite C API: a connection, prepared statements with typed
// binding, and SQLite result codes turned into morgue Status values.
//
// Thread-safety: a Database and its Statements are used from one thread at a time.

#ifndef MORGUE_CORE_SRC_SQLITE_H_
#define MORGUE_CORE_SRC_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue::sql {

class Database;

class Statement {
 public:
  Statement() = default;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite. Empty text binds as NULL with BindTextOrNull.
  Statement& Bind(int index, std::string_view text);
  Statement& BindTextOrNull(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  Statement& BindDouble(int index, double value);

  // Runs one step: true with a row to read, false when done.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();
  // Steps through every row, calling `row` with the statement on it (its columns readable),
  // then resets (bindings too); stops at the first error, SQLite's or `row`'s.
  Status ForEachRow(const std::function<Status()>& row);
  void Reset();

  int ColumnCount() const;  // of the rows the statement gives
  bool IsNull(int column) const;
  std::string Text(int column) const;  // "" for NULL
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Blob(int column) const;

 private:
  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  // Opens `path`; `create` allows a new file. Sets the busy timeout and foreign keys;
  // changes nothing in the file. Read-only, an archive in a folder the process may not
  // write is read as immutable when its write-ahead log holds nothing pending.
  static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path, bool create,
                                                bool read_only, int busy_timeout_ms);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Switches the file to WAL mode (readers never wait for the writer). This is written
  // into the file, so it is done only once the file is known to be an archive.
  Status UseWal();

  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared once and kept for the connection's life, reset and ready to
  // bind. Callers reset it again when done reading (SelectId does).
  Result<Statement*> Cached(const std::string& sql);

  // Runs a cached one-row lookup such as "SELECT id FROM tags WHERE name = ?1" with `key`
  // bound to ?1 and returns the first column of its first row, or 0 when there is no row
  // (row ids start at 1). The statement is reset before returning.
  Result<int64_t> SelectId(const std::string& sql, std::string_view key);

  // Resets every cached statement, ending the read each may hold open.
  void ResetCached();

  // Fills the blob in `column` of row `rowid` of `table`, which must already hold a blob of
  // `size` bytes (zeroblob(size)), piece by piece: `next` puts the next piece into its
  // argument. Memory stays at one piece, however large the blob.
  Status WriteBlob(const char* table, const char* column, int64_t rowid, uint64_t size,
                   const std::function<Status(std::string&)>& next);

  // Reads the blob in `column` of row `rowid` of `table` piece by piece, handing each
  // piece to `piece`; memory stays at one piece, however large the blob.
  Status ReadBlob(const char* table, const char* column, int64_t rowid,
                  const std::function<Status(std::string_view)>& piece);

  int64_t LastInsertId() const;
  int Changes() const;
  sqlite3* handle() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // BEGIN IMMEDIATE: takes the write lock, waiting up to the busy timeout for another
  // writer, and retrying the waits SQLite does not cover.
  Status BeginImmediate();

  // The Status for SQLite result `code`, naming what was being done. Failures of the
  // archive itself (see IsArchiveFailure) are also remembered until taken.
  Status Error(int code, std::string_view doing) const;

  // Whether `code` says the archive, not the statement, failed: busy, read-only, disk
  // full, I/O error, damaged file.
  static bool IsArchiveFailure(int code);
  // The first such failure since the last call, or OK.
  Status TakeArchiveFailure();

 private:
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  // Opens `name` (the path, or a URI for it) and checks it is a database; on failure
  // *failure is SQLite's extended result code.
  static Result<std::unique_ptr<Database>> Connect(const std::filesystem::path& path,
                                                   const std::string& name, int flags,
                                                   int busy_timeout_ms, int* failure);
  Status Describe(int code, std::string_view doing) const;
  Status ReadOnlyError() const;

  sqlite3* db_;
  std::filesystem::path path_;
  std::map<std::string, Statement, std::less<>> cache_;
  mutable Status archive_failure_;
};

// A transaction that rolls back unless committed. BEGIN IMMEDIATE takes the write lock
// up front, so two writers queue on the busy timeout instead of deadlocking.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace morgue::sql

#endif  // MORGUE_CORE_SRC_SQLITE_H_
