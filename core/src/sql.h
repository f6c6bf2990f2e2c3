// The SQL layer the archive's code speaks, whatever database holds the archive: a
// connection, statements with typed 1-based parameters ("?1", or "?" for the next) whose
// rows are read column by column, a cache of prepared statements, and transactions. Each
// store is a backend of it: SQLite files (sqlite.h) and PostgreSQL databases
// (postgres_sql.h).
//
// Thread-safety: a Database and its Statements are used from one thread at a time.

#ifndef MORGUE_CORE_SRC_SQL_H_
#define MORGUE_CORE_SRC_SQL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "morgue/status.h"

namespace morgue::sql {

// One prepared statement of a backend; Statement is its handle.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindText(int index, std::string_view text) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual Result<bool> Step() = 0;
  // Runs an INSERT to completion and gives the id its table's `id` column has in the row
  // it made: SQLite's last insert rowid (RETURNING would cost a statement journal per
  // row there), PostgreSQL's RETURNING id.
  virtual Result<int64_t> RunInsert() = 0;
  // Back to before the first row, with no parameter bound.
  virtual void Reset() = 0;
  virtual int ColumnCount() const = 0;
  virtual bool IsNull(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual double Double(int column) const = 0;
  virtual std::string_view Blob(int column) const = 0;
};

class Statement {
 public:
  Statement() = default;
  explicit Statement(std::unique_ptr<StatementBackend> backend) : backend_(std::move(backend)) {}

  // Parameters are 1-based. Empty text binds as NULL with BindTextOrNull.
  Statement& Bind(int index, std::string_view text) {
    backend_->BindText(index, text);
    return *this;
  }
  Statement& BindTextOrNull(int index, std::string_view text) {
    return text.empty() ? BindNull(index) : Bind(index, text);
  }
  Statement& Bind(int index, int64_t value) {
    backend_->BindInt(index, value);
    return *this;
  }
  Statement& BindBlob(int index, std::string_view bytes) {
    backend_->BindBlob(index, bytes);
    return *this;
  }
  Statement& BindNull(int index) {
    backend_->BindNull(index);
    return *this;
  }
  Statement& BindDouble(int index, double value) {
    backend_->BindDouble(index, value);
    return *this;
  }

  // Runs one step: true with a row to read, false when done.
  Result<bool> Step() { return backend_->Step(); }
  // Steps to completion, expecting no rows.
  Status Run();
  // Runs an INSERT into a table with an `id` key to completion, then resets: the id of
  // the row it made.
  Result<int64_t> RunForId() {
    Result<int64_t> id = backend_->RunInsert();
    Reset();
    return id;
  }
  // Steps through every row, calling `row` with the statement on it (its columns readable),
  // then resets (bindings too); stops at the first error, the database's or `row`'s.
  Status ForEachRow(const std::function<Status()>& row);
  void Reset() { backend_->Reset(); }

  int ColumnCount() const { return backend_->ColumnCount(); }  // of the rows it gives
  bool IsNull(int column) const { return backend_->IsNull(column); }
  std::string Text(int column) const { return backend_->Text(column); }  // "" for NULL
  int64_t Int(int column) const { return backend_->Int(column); }
  double Double(int column) const { return backend_->Double(column); }
  std::string_view Blob(int column) const { return backend_->Blob(column); }

 private:
  std::unique_ptr<StatementBackend> backend_;
};

// What the stores' SQL spells differently, for the statements that need it.
struct Dialect {
  // LIKE ignoring ASCII case: SQLite's LIKE; PostgreSQL's ILIKE on byte-order ("C") text.
  std::string_view like_ignoring_case;
  // `expression` made to compare and sort ignoring ASCII case, as SQLite's NOCASE does.
  std::string (*ignoring_case)(std::string_view expression);

  // "left = right" ignoring ASCII case: how a NOCASE column (a tag's name, a source's
  // domain) is matched with a value.
  std::string EqualIgnoringCase(std::string_view left, std::string_view right) const {
    return ignoring_case(left) + " = " + ignoring_case(right);
  }
};

class Database {
 public:
  Database() = default;
  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual const Dialect& dialect() const = 0;
  // How many bytes the archive takes where it is kept (its file, or its database).
  virtual int64_t SizeInBytes() = 0;

  virtual Status Exec(const std::string& sql) = 0;
  virtual Result<Statement> Prepare(std::string_view sql) = 0;
  // A statement prepared once and kept for the connection's life, reset and ready to
  // bind. Callers reset it again when done reading (SelectId does).
  Result<Statement*> Cached(const std::string& sql);

  // Runs a cached one-row lookup such as "SELECT id FROM tags WHERE name = ?1" with `key`
  // bound to ?1 and returns the first column of its first row, or 0 when there is no row
  // (row ids start at 1). The statement is reset before returning.
  Result<int64_t> SelectId(const std::string& sql, std::string_view key);

  // Resets every cached statement, ending the read each may hold open.
  void ResetCached();

  // Starts a transaction that will write, waiting up to the busy timeout for another
  // writer; Transaction is the usual way to use it.
  virtual Status BeginWrite() = 0;
  // Ends the open transaction without keeping its writes; nothing when none is open.
  virtual void Rollback() = 0;
  // Whether a transaction is open.
  virtual bool InTransaction() const = 0;
  // Starts a transaction that only reads and sees one snapshot of the archive throughout
  // (an export's many statements see the same articles, whatever others commit meanwhile).
  virtual Status BeginRead() = 0;

  // How many rows the last statement changed.
  virtual int Changes() const = 0;

  // Fills the blob in `column` of row `rowid` of `table`, which must already hold a blob of
  // `size` bytes (zeroblob(size)), piece by piece: `next` puts the next piece into its
  // argument. Memory stays at one piece, however large the blob.
  virtual Status WriteBlob(const char* table, const char* column, int64_t rowid, uint64_t size,
                           const std::function<Status(std::string&)>& next) = 0;
  // Reads the blob in `column` of row `rowid` of `table` piece by piece, handing each
  // piece to `piece`; memory stays at one piece, however large the blob.
  virtual Status ReadBlob(const char* table, const char* column, int64_t rowid,
                          const std::function<Status(std::string_view)>& piece) = 0;

  // When the last statement failed because of its own text (a malformed full-text query,
  // say) rather than the database: the database's words for it; "" otherwise.
  virtual std::string StatementError() const = 0;

  // The first failure of the archive itself (busy, read-only, disk full, I/O, damage)
  // since the last call, or OK: after one the archive cannot take more work.
  Status TakeArchiveFailure() { return std::exchange(archive_failure_, Status::OK()); }

 protected:
  // Remembers `failure`, a failure of the archive itself, unless one is already held.
  void NoteArchiveFailure(const Status& failure) const {
    if (archive_failure_.ok()) archive_failure_ = failure;
  }
  // Drops the cached statements: a backend does so before it closes its connection.
  void ClearCache() { cache_.clear(); }

 private:
  std::map<std::string, Statement, std::less<>> cache_;
  mutable Status archive_failure_;
};

// A transaction that rolls back unless committed. It takes the write lock up front, so
// two writers queue on the busy timeout instead of deadlocking.
class Transaction {
 public:
  explicit Transaction(Database& db) : db_(db) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status Begin();
  Status Commit();

 private:
  Database& db_;
  bool open_ = false;
};

}  // namespace morgue::sql

#endif  // MORGUE_CORE_SRC_SQL_H_
