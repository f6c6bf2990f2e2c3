#include "postgres_sql.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace morgue::sql {
namespace {

// The transaction-level advisory lock writers take turns on (the migrations' is
// 7885647261225779201).
constexpr const char* kWriteLock = "7885647261225779202";

// A prepared statement: its parameters wait until the first step runs it, and its rows
// are then read from the result.
class PostgresStatement : public StatementBackend {
 public:
  PostgresStatement(PostgresDatabase* db, std::string_view sql) : db_(db) {
    int count = 0;
    sql_ = PostgresParameters(sql, &count);
    parameters_ = static_cast<size_t>(count);
  }

  void BindText(int index, std::string_view text) override { Set(index, std::string(text), 0); }
  void BindInt(int index, int64_t value) override { Set(index, std::to_string(value), 0); }
  void BindBlob(int index, std::string_view bytes) override { Set(index, std::string(bytes), 1); }
  void BindNull(int index) override { Set(index, std::nullopt, 0); }
  void BindDouble(int index, double value) override {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    Set(index, std::string(text, end), 0);
  }

  Result<bool> Step() override { return Run(sql_); }

  Result<int64_t> RunInsert() override {
    MORGUE_ASSIGN_OR_RETURN(const bool row, Run(sql_ + " RETURNING id"));
    if (!row) return Status::Corruption("an INSERT gave no id: " + sql_);
    return Int(0);
  }

  void Reset() override {
    ran_ = false;
    rows_ = pg::Rows();
    blobs_.clear();
    values_.clear();
    formats_.clear();
  }

  int ColumnCount() const override { return rows_.columns(); }
  bool IsNull(int column) const override { return rows_.IsNull(row_, column); }
  std::string Text(int column) const override { return std::string(rows_.Text(row_, column)); }
  int64_t Int(int column) const override {
    const std::string_view text = rows_.Text(row_, column);
    if (text == "t") return 1;  // a boolean
    return rows_.Int(row_, column);
  }
  double Double(int column) const override {
    return std::strtod(std::string(rows_.Text(row_, column)).c_str(), nullptr);
  }
  // Results come in text form, where bytea is hex ("\x4d6f"): decoded once per row.
  std::string_view Blob(int column) const override {
    if (rows_.IsNull(row_, column)) return {};
    auto [it, added] = blobs_.try_emplace(column);
    if (added) {
      // Undecodable (out of memory) reads as no bytes: this interface has no error here.
      Result<std::string> bytes = rows_.Bytes(row_, column);
      if (bytes.ok()) it->second = std::move(*bytes);
    }
    return it->second;
  }

 private:
  // Sends `sql` with the bound parameters on the first step; each step moves to the next
  // row of its result.
  Result<bool> Run(const std::string& sql) {
    if (!ran_) {
      // A parameter left unbound is NULL, and one the statement does not have is
      // ignored, as on SQLite.
      values_.resize(parameters_);
      formats_.resize(parameters_, 0);
      std::vector<pg::Param> params;
      params.reserve(values_.size());
      for (const auto& value : values_) {
        params.push_back(value ? pg::Param(*value) : std::nullopt);
      }
      Result<pg::Rows> rows = db_->connection().QueryWithFormats(sql, params, formats_);
      if (!rows.ok()) return db_->NoteFailure(rows.status());
      rows_ = std::move(*rows);
      db_->NoteResult(rows_.affected());
      ran_ = true;
      row_ = -1;
    }
    blobs_.clear();
    return ++row_ < rows_.size();
  }

  void Set(int index, std::optional<std::string> value, int format) {
    const auto slot = static_cast<size_t>(index - 1);
    if (values_.size() <= slot) {
      values_.resize(slot + 1);
      formats_.resize(slot + 1, 0);
    }
    values_[slot] = std::move(value);
    formats_[slot] = format;
  }

  PostgresDatabase* db_;
  std::string sql_;
  size_t parameters_ = 0;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
  pg::Rows rows_;
  int row_ = -1;
  bool ran_ = false;
  mutable std::map<int, std::string> blobs_;
};

// Whether a failure with `sqlstate` is the archive's rather than the statement's: the
// connection (08), resources such as the disk (53), the server stopping (57), the system
// (58), conflicts (40, 55P03), no right to write (42501, 25006), damage (XX).
bool IsArchiveFailure(std::string_view sqlstate) {
  if (sqlstate.empty()) return true;  // never reached the server
  for (const char* cls : {"08", "53", "57", "58", "40", "XX"}) {
    if (sqlstate.starts_with(cls)) return true;
  }
  return sqlstate == "55P03" || sqlstate == "42501" || sqlstate == "25006";
}

}  // namespace

std::string PostgresParameters(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 8);
  int highest = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted name, its doubled quotes inside
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?') {
      size_t digits = i + 1;
      while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
      int number = 0;
      if (digits > i + 1) {
        std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
      } else {
        number = highest + 1;
      }
      highest = std::max(highest, number);
      out += '$';
      out += std::to_string(number);
      i = digits - 1;
    } else {
      out += c;
    }
  }
  if (count != nullptr) *count = highest;
  return out;
}

PostgresDatabase::PostgresDatabase(std::unique_ptr<pg::Connection> connection, int busy_timeout_ms)
    : connection_(std::move(connection)), busy_timeout_ms_(busy_timeout_ms) {}

PostgresDatabase::~PostgresDatabase() { ClearCache(); }

Status PostgresDatabase::NoteFailure(Status failure) const {
  const std::string& sqlstate = connection_->last_sqlstate();
  if (sqlstate == "25006") {
    failure = Status::IOError("archive '" + connection_->name() +
                              "' is read-only here: morgue cannot write it (" +
                              connection_->last_error() + ")");
  } else if (sqlstate == "42501") {
    failure = Status::IOError("archive '" + connection_->name() +
                              "': the database refused this user (" + connection_->last_error() +
                              "). A reader needs SELECT on the archive's tables, an editor "
                              "also INSERT, UPDATE and DELETE; ask the database's owner for "
                              "the grants (README: Who may do what)");
  } else if (sqlstate.starts_with("23")) {
    failure = Status::InvalidArgument(failure.message());
  } else if (sqlstate.starts_with("XX") || sqlstate.starts_with("42")) {
    // Damage (XX), or a statement that does not fit the database (42): its schema was
    // changed behind morgue's back, as SQLITE_ERROR says on an SQLite file.
    failure = Status::Corruption(failure.message());
  }
  if (IsArchiveFailure(sqlstate)) NoteArchiveFailure(failure);
  return failure;
}

Status PostgresDatabase::Exec(const std::string& sql) {
  Status status = connection_->Execute(sql);
  return status.ok() ? status : NoteFailure(std::move(status));
}

Result<Statement> PostgresDatabase::Prepare(std::string_view sql) {
  return Statement(std::make_unique<PostgresStatement>(this, sql));
}

Status PostgresDatabase::BeginWrite() {
  ResetCached();
  MORGUE_RETURN_IF_ERROR(Exec("BEGIN"));
  // Waiting for another writer ends, as on SQLite, at the busy timeout.
  // lock_timeout 0 would wait forever, where a busy timeout of 0 waits not at all.
  Status locked = Exec("SET LOCAL lock_timeout = " + std::to_string(std::max(busy_timeout_ms_, 1)) +
                       "; SELECT pg_advisory_xact_lock(" + kWriteLock + ")");
  if (!locked.ok()) {
    const std::string sqlstate = connection_->last_sqlstate();  // ROLLBACK clears it
    Rollback();
    if (sqlstate == "55P03") {
      return Status::Busy("archive '" + connection_->name() +
                          "' is busy: another process kept writing it for longer than " +
                          std::to_string(busy_timeout_ms_) + " ms");
    }
    return locked;
  }
  return Status::OK();
}

const Dialect& PostgresDatabase::dialect() const {
  // Text is byte-ordered (schema/postgresql/0002): lower() and ILIKE fold ASCII only.
  static const Dialect kPostgres{"ILIKE", [](std::string_view expression) {
                                   return "lower(" + std::string(expression) + ")";
                                 }};
  return kPostgres;
}

int64_t PostgresDatabase::SizeInBytes() {
  Result<pg::Rows> rows = connection_->Query("SELECT pg_database_size(current_database())");
  return rows.ok() && rows->size() == 1 ? rows->Int(0, 0) : 0;
}

void PostgresDatabase::Rollback() {
  if (InTransaction()) (void)connection_->Execute("ROLLBACK");
}

// READ COMMITTED, the default, would give each statement a snapshot of its own.
Status PostgresDatabase::BeginRead() {
  return Exec("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

bool PostgresDatabase::InTransaction() const { return connection_->InTransaction(); }

int PostgresDatabase::Changes() const { return static_cast<int>(changes_); }

Status PostgresDatabase::WriteBlob(const char* table, const char* column, int64_t rowid,
                                   uint64_t size, const std::function<Status(std::string&)>& next) {
  // The row holds `size` zero bytes; each piece overlays its part of them.
  const std::string update = std::string("UPDATE ") + table + " SET " + column + " = overlay(" +
                             column + " PLACING $1 FROM $2::integer + 1) WHERE id = $3";
  const std::string id = std::to_string(rowid);
  std::string piece;
  uint64_t offset = 0;
  while (true) {
    MORGUE_RETURN_IF_ERROR(next(piece));
    if (piece.empty()) break;
    if (offset + piece.size() > size) {
      return Status::Corruption("the document is larger than the space made for it");
    }
    const std::string at = std::to_string(offset);
    Result<pg::Rows> written = connection_->QueryWithFormats(update, {piece, at, id}, {1, 0, 0});
    if (!written.ok()) return NoteFailure(written.status());
    offset += piece.size();
  }
  if (offset != size) {
    return Status::Corruption("the document is smaller than the space made for it");
  }
  return Status::OK();
}

Status PostgresDatabase::ReadBlob(const char* table, const char* column, int64_t rowid,
                                  const std::function<Status(std::string_view)>& piece) {
  const std::string id = std::to_string(rowid);
  Result<pg::Rows> size = connection_->Query(
      std::string("SELECT octet_length(") + column + ") FROM " + table + " WHERE id = $1", {id});
  if (!size.ok()) return NoteFailure(size.status());
  if (size->size() != 1) return Status::NotFound("no document with id " + id);
  const int64_t total = size->Int(0, 0);
  const std::string select = std::string("SELECT substring(") + column +
                             " FROM $1::integer + 1 FOR $2::integer) FROM " + table +
                             " WHERE id = $3";
  constexpr int64_t kPiece = int64_t{1} << 20;
  for (int64_t offset = 0; offset < total;) {
    const int64_t length = std::min(total - offset, kPiece);
    Result<pg::Rows> rows =
        connection_->Query(select, {std::to_string(offset), std::to_string(length), id});
    if (!rows.ok()) return NoteFailure(rows.status());
    if (rows->size() != 1) return Status::NotFound("no document with id " + id);
    MORGUE_ASSIGN_OR_RETURN(std::string bytes, rows->Bytes(0, 0));
    MORGUE_RETURN_IF_ERROR(piece(bytes));
    offset += length;
  }
  return Status::OK();
}

std::string PostgresDatabase::StatementError() const {
  const std::string& sqlstate = connection_->last_sqlstate();
  // Syntax or access rule (42, but a missing privilege) and data exceptions (22).
  if ((sqlstate.starts_with("42") && sqlstate != "42501") || sqlstate.starts_with("22")) {
    return connection_->last_error();
  }
  return {};
}

}  // namespace morgue::sql
