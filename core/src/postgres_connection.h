// A thin RAII layer over libpq: a connection to a PostgreSQL server, queries with text
// parameters, and server errors turned into morgue Status values that name the archive
// without its password.
//
// An archive location is PostgreSQL when it is a URI of the scheme `postgresql://` or
// `postgres://` (libpq's own forms); everything libpq reads besides the location (the PG*
// environment variables, ~/.pgpass, pg_service.conf) applies as with psql.
//
// Thread-safety: a Connection is used from one thread at a time (libpq's rule); distinct
// Connections may be used from different threads.

#ifndef MORGUE_CORE_SRC_POSTGRES_CONNECTION_H_
#define MORGUE_CORE_SRC_POSTGRES_CONNECTION_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/status.h"

namespace morgue::pg {

// True when `location` names a PostgreSQL database rather than a file: it starts with
// `postgresql://` or `postgres://`.
bool IsPostgresLocation(std::string_view location);

// How messages name the database at `location`: as a URI with the user, host, port and
// database name libpq reads from it, and never its password (`postgresql://lee@db:5432/
// morgue`). A location libpq cannot parse is named by its scheme alone.
std::string DisplayName(std::string_view location);

// The rows of one query's result. Columns and rows are 0-based; values are PostgreSQL's
// text form.
class Rows {
 public:
  Rows() = default;
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}

  int size() const { return result_ ? PQntuples(result_.get()) : 0; }
  bool IsNull(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string_view Text(int row, int column) const;
  // The value as a number; 0 for NULL.
  int64_t Int(int row, int column) const;
  // A bytea value (in text form, "\x4d6f...") as its bytes; Corruption when it cannot be
  // decoded (out of memory, or not bytea's text form).
  Result<std::string> Bytes(int row, int column) const;
  int columns() const { return result_ ? PQnfields(result_.get()) : 0; }
  // How many rows the statement inserted, updated or deleted.
  int64_t affected() const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> result_{nullptr, &PQclear};
};

// A parameter of Query: text, or NULL (std::nullopt).
using Param = std::optional<std::string_view>;

class Connection {
 public:
  // Connects to `location` (a URI, or libpq's `key=value` form), in UTF-8, with
  // application_name "morgue" unless the location or environment names another. Fails
  // with IOError naming DisplayName(location) and libpq's reason.
  static Result<std::unique_ptr<Connection>> Open(std::string_view location);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // DisplayName of the location this connection was opened with.
  const std::string& name() const { return name_; }

  // Runs `sql`, which may hold several statements and no parameters.
  Status Execute(std::string_view sql);
  // Runs one statement with parameters $1, $2, ... and returns its rows (none for a
  // statement that returns none).
  Result<Rows> Query(const std::string& sql, const std::vector<Param>& params = {});
  // As Query, with each parameter's format: 0 text, 1 binary (a bytea's raw bytes).
  Result<Rows> QueryWithFormats(const std::string& sql, const std::vector<Param>& params,
                                const std::vector<int>& formats);

  // The SQLSTATE of the last failed statement ("42501": no privilege), empty when the
  // last statement succeeded or failed before reaching the server.
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  // The server's reason for the last failed statement, without the database's name.
  const std::string& last_error() const { return last_error_; }
  // Whether a transaction is open (or failed and not yet ended).
  bool InTransaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

 private:
  Connection(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  // The Status for a failed result (or a lost connection when `result` is null): Busy for
  // lock and serialization conflicts, IOError for the rest, each naming the database.
  Status Failure(const PGresult* result, std::string_view sql);

  PGconn* conn_;
  std::string name_;
  std::string last_sqlstate_;
  std::string last_error_;
};

// A transaction on a Connection, rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

}  // namespace morgue::pg

#endif  // MORGUE_CORE_SRC_POSTGRES_CONNECTION_H_
