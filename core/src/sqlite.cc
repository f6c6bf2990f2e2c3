#include "sqlite.h"

#include <utility>

namespace morgue::sql {

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindTextOrNull(int index, std::string_view text) {
  return text.empty() ? BindNull(index) : Bind(index, text);
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, "running a query");
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::OK();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

Result<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path, bool create,
                                                 bool read_only, int busy_timeout_ms) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string reason = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    sqlite3_close(handle);
    return Status::IOError("cannot open archive '" + path.string() + "': " + reason);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, busy_timeout_ms);
  std::unique_ptr<Database> db(new Database(handle, path));
  // Check the file really is a database before anything else touches it.
  Status readable = db->Exec("SELECT count(*) FROM sqlite_schema");
  if (!readable.ok()) {
    return Status(
        readable.code() == StatusCode::kBusy ? StatusCode::kBusy : StatusCode::kCorruption,
        "cannot open archive '" + path.string() + "': " + readable.message());
  }
  MORGUE_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  return db;
}

Status Database::UseWal() {
  MORGUE_RETURN_IF_ERROR(Exec("PRAGMA journal_mode = WAL"));
  // In WAL mode NORMAL keeps the database consistent after a crash; only the last
  // transactions before a power cut may be lost.
  return Exec("PRAGMA synchronous = NORMAL");
}

Database::~Database() {
  cache_.clear();  // statements must be finalized before the connection closes
  sqlite3_close_v2(db_);
}

Status Database::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::OK();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  Status mapped = Error(rc, "");
  if (mapped.code() == StatusCode::kBusy || (rc & 0xff) == SQLITE_CORRUPT ||
      (rc & 0xff) == SQLITE_NOTADB) {
    return mapped;
  }
  return {mapped.code(), message};
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing a query");
  return Statement(this, stmt);
}

Result<Statement*> Database::Cached(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    Result<Statement> prepared = Prepare(sql);
    if (!prepared.ok()) return prepared.status();
    it = cache_.emplace(sql, std::move(prepared).value()).first;
  }
  it->second.Reset();
  return &it->second;
}

Result<int64_t> Database::SelectId(const std::string& sql, std::string_view key) {
  Result<Statement*> stmt = Cached(sql);
  if (!stmt.ok()) return stmt.status();
  (*stmt)->Bind(1, key);
  Result<bool> row = (*stmt)->Step();
  int64_t id = row.ok() && *row ? (*stmt)->Int(0) : 0;
  (*stmt)->Reset();
  if (!row.ok()) return row.status();
  return id;
}

void Database::ResetCached() {
  for (auto& [sql, stmt] : cache_) stmt.Reset();
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Database::Changes() const { return sqlite3_changes(db_); }

Status Database::Error(int code, std::string_view doing) const {
  std::string message = sqlite3_errmsg(db_);
  if (message == "not an error" || message.empty()) message = sqlite3_errstr(code);
  if (!doing.empty()) message = std::string(doing) + ": " + message;
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy("archive '" + path_.string() +
                          "' is busy: another process kept it locked (" + message + ")");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption("archive '" + path_.string() + "' is damaged: " + message);
    case SQLITE_ERROR:
      // A statement that does not fit the archive ("no such table"): the schema was
      // changed behind morgue's back. A malformed search query also lands here; the
      // archive turns that one into InvalidArgument (see QueryError).
      return Status::Corruption(message);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return Status::InvalidArgument(message);
    default:
      return Status::IOError(message);
  }
}

Transaction::~Transaction() {
  db_.ResetCached();
  if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Begin() {
  MORGUE_RETURN_IF_ERROR(db_.Exec("BEGIN IMMEDIATE"));
  open_ = true;
  return Status::OK();
}

Status Transaction::Commit() {
  db_.ResetCached();
  MORGUE_RETURN_IF_ERROR(db_.Exec("COMMIT"));
  open_ = false;
  return Status::OK();
}

}  // namespace morgue::sql
