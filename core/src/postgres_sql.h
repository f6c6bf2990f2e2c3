// The PostgreSQL backend of the SQL layer (sql.h): the archive's statements, written with
// SQLite's "?N" parameters, run on a PostgreSQL connection (postgres_connection.h).
//
// A statement runs when it is first stepped and its rows are then read from the whole
// result. A write transaction takes a transaction-level advisory lock first, so that
// writers take turns as they do on an SQLite file (each reads what it dedups against and
// writes in one go) while readers, under MVCC, never wait.
//
// Thread-safety: a PostgresDatabase and its Statements are used from one thread at a time.

#ifndef MORGUE_CORE_SRC_POSTGRES_SQL_H_
#define MORGUE_CORE_SRC_POSTGRES_SQL_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/status.h"
#include "postgres_connection.h"
#include "sql.h"

namespace morgue::sql {

// `sql` with SQLite's parameters ("?3", or "?" for the one after the highest so far)
// spelled as PostgreSQL's ("$3"); a "?" in a string literal, a quoted name or a comment
// stays as it is. `*count`, when given, is how many parameters it has (the highest).
std::string PostgresParameters(std::string_view sql, int* count = nullptr);

class PostgresDatabase : public Database {
 public:
  // Takes over `connection`; a write waits up to `busy_timeout_ms` for another writer.
  PostgresDatabase(std::unique_ptr<pg::Connection> connection, int busy_timeout_ms);
  ~PostgresDatabase() override;

  const Dialect& dialect() const override;
  int64_t SizeInBytes() override;
  Status Exec(const std::string& sql) override;
  Result<Statement> Prepare(std::string_view sql) override;
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

  pg::Connection& connection() { return *connection_; }

  // Called by statements: the rows a statement changed, and a failure, which is noted
  // when it is the archive's (a lost connection, a lock waited out, a full disk).
  void NoteResult(int64_t changed) { changes_ = changed; }
  Status NoteFailure(Status failure) const;

 private:
  std::unique_ptr<pg::Connection> connection_;
  int busy_timeout_ms_;
  int64_t changes_ = 0;
};

}  // namespace morgue::sql

#endif  // MORGUE_CORE_SRC_POSTGRES_SQL_H_
