#include "sqlite.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include "sqlite_vfs.h"

namespace morgue::sql {

namespace {

// A prepared SQLite statement.
class SqliteStatement : public StatementBackend {
 public:
  SqliteStatement(const SqliteDatabase* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindText(int index, std::string_view text) override {
    sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  }
  void BindInt(int index, int64_t value) override { sqlite3_bind_int64(stmt_, index, value); }
  void BindBlob(int index, std::string_view bytes) override {
    sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  }
  void BindNull(int index) override { sqlite3_bind_null(stmt_, index); }
  void BindDouble(int index, double value) override { sqlite3_bind_double(stmt_, index, value); }

  Result<bool> Step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return db_->Error(rc, "running a query");
  }
  Result<int64_t> RunInsert() override {
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(const bool row, Step());
      if (!row) return sqlite3_last_insert_rowid(sqlite3_db_handle(stmt_));
    }
  }

  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int ColumnCount() const override { return sqlite3_column_count(stmt_); }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  std::string Text(int column) const override {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const override { return sqlite3_column_double(stmt_, column); }
  std::string_view Blob(int column) const override {
    const void* data = sqlite3_column_blob(stmt_, column);
    if (data == nullptr) return {};
    return {static_cast<const char*>(data),
            static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
  }

 private:
  const SqliteDatabase* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace

namespace {

// `path` as an SQLite URI filename ("file:/a/b%20c.db"), for URI parameters.
std::string FileUri(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  std::string uri = "file:";
  for (char c : (ec ? path : absolute).string()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || std::strchr("/-._~", c) != nullptr) {
      uri += c;
    } else {
      constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    }
  }
  return uri;
}

// Whether the archive's write-ahead log holds writes not yet copied into the file.
bool HasPendingWal(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path.string() + "-wal", ec);
  return !ec && size > 0;
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Connect(const std::filesystem::path& path,
                                                                const std::string& name, int flags,
                                                                int busy_timeout_ms, int* failure) {
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &handle, flags | SQLITE_OPEN_NOMUTEX, ArchiveVfsName());
  if (rc != SQLITE_OK) {
    *failure = rc;
    std::string reason = handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(rc);
    const int error = handle != nullptr ? sqlite3_system_errno(handle) : 0;
    if (error != 0) reason += std::string(" (") + std::strerror(error) + ")";
    sqlite3_close(handle);
    std::error_code ec;
    const std::filesystem::path folder = path.parent_path();
    const std::filesystem::path where = folder.empty() ? "." : folder;
    if (!std::filesystem::is_directory(where, ec)) {
      reason = "there is no folder '" + where.string() + "'";
    } else if (!std::filesystem::exists(path, ec) && ::access(where.c_str(), W_OK) != 0) {
      reason = "cannot create it: the folder '" + where.string() + "' is read-only to you";
    }
    return Status::IOError("cannot open archive '" + path.string() + "': " + reason);
  }
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, busy_timeout_ms);
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(handle, path));
  // SQLite quietly opens a file it may not write read-only; say so now, not at the
  // first write.
  if ((flags & SQLITE_OPEN_READWRITE) != 0 && sqlite3_db_readonly(handle, "main") == 1) {
    *failure = SQLITE_READONLY;
    return db->ReadOnlyError();
  }
  // Check the file really is a database before anything else touches it.
  Status readable = db->Exec("SELECT count(*) FROM sqlite_schema");
  if (!readable.ok()) {
    *failure = sqlite3_extended_errcode(handle);
    if (IsArchiveFailure(*failure)) return readable;  // the message names the archive
    return Status::Corruption("cannot open archive '" + path.string() + "': " + readable.message());
  }
  MORGUE_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys = ON"));
  return db;
}

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::filesystem::path& path,
                                                             bool create, bool read_only,
                                                             int busy_timeout_ms) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  int failure = SQLITE_OK;
  Result<std::unique_ptr<SqliteDatabase>> db =
      Connect(path, path.string(), flags, busy_timeout_ms, &failure);
  if (db.ok() || !read_only) return db;
  // Reading a WAL archive needs its -shm file, which SQLite creates beside it. Where a
  // reader may not create files (a read-only folder or medium), an archive whose log
  // holds nothing pending is complete in its file and is read as immutable.
  const int primary = failure & 0xff;
  if (primary != SQLITE_CANTOPEN && primary != SQLITE_READONLY && primary != SQLITE_IOERR) {
    return db;
  }
  if (HasPendingWal(path)) {
    return Status::IOError(
        "cannot read archive '" + path.string() + "' from here: its write-ahead log ('" +
        path.string() +
        "-wal') holds writes that SQLite must merge, which needs write access to the folder; "
        "run any morgue command on it once as a user who may write there");
  }
  int ignored = SQLITE_OK;
  Result<std::unique_ptr<SqliteDatabase>> immutable = Connect(
      path, FileUri(path) + "?immutable=1", flags | SQLITE_OPEN_URI, busy_timeout_ms, &ignored);
  return immutable.ok() ? std::move(immutable) : std::move(db);
}

Status SqliteDatabase::UseWal() {
  MORGUE_RETURN_IF_ERROR(Exec("PRAGMA journal_mode = WAL"));
  // In WAL mode NORMAL keeps the database consistent after a crash; only the last
  // transactions before a power cut may be lost.
  return Exec("PRAGMA synchronous = NORMAL");
}

SqliteDatabase::~SqliteDatabase() {
  ClearCache();  // statements must be finalized before the connection closes
  sqlite3_close_v2(db_);
}

Status SqliteDatabase::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::OK();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  Status mapped = Error(rc, "");
  if (IsArchiveFailure(rc)) return mapped;
  return {mapped.code(), message};
}

Status SqliteDatabase::ReadBlob(const char* table, const char* column, int64_t rowid,
                                const std::function<Status(std::string_view)>& piece) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 0, &blob);
  if (rc != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return Error(rc, "cannot open the document for reading");
  }
  const int size = sqlite3_blob_bytes(blob);
  std::string buffer;
  Status status;
  for (int offset = 0; offset < size && status.ok();) {
    const int length = std::min(size - offset, 1 << 20);
    buffer.resize(static_cast<size_t>(length));
    rc = sqlite3_blob_read(blob, buffer.data(), length, offset);
    if (rc != SQLITE_OK) {
      status = Error(rc, "cannot read the document");
      break;
    }
    status = piece(buffer);
    offset += length;
  }
  sqlite3_blob_close(blob);
  return status;
}

Status SqliteDatabase::WriteBlob(const char* table, const char* column, int64_t rowid,
                                 uint64_t size, const std::function<Status(std::string&)>& next) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 1, &blob);
  if (rc != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return Error(rc, "cannot open the document for writing");
  }
  std::string piece;
  uint64_t offset = 0;
  Status status;
  while (status.ok()) {
    status = next(piece);
    if (!status.ok() || piece.empty()) break;
    if (offset + piece.size() > size) {
      status = Status::Corruption("the document is larger than the space made for it");
      break;
    }
    rc = sqlite3_blob_write(blob, piece.data(), static_cast<int>(piece.size()),
                            static_cast<int>(offset));
    if (rc != SQLITE_OK) status = Error(rc, "cannot write the document");
    offset += piece.size();
  }
  if (status.ok() && offset != size) {
    status = Status::Corruption("the document is smaller than the space made for it");
  }
  rc = sqlite3_blob_close(blob);
  if (status.ok() && rc != SQLITE_OK) status = Error(rc, "cannot write the document");
  return status;
}

Status SqliteDatabase::BeginWrite() {
  // A statement still stepping holds a read transaction; BEGIN would then have to turn
  // that old snapshot into a write, which fails at once if another process wrote since.
  ResetCached();
  // The busy timeout covers waiting for another writer. SQLite skips it when another
  // connection is rebuilding the WAL index or when the snapshot went stale; those pass
  // quickly, so try again a few times.
  for (int attempt = 0;; ++attempt) {
    int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return Status::OK();
    const bool transient = rc == SQLITE_BUSY_RECOVERY || rc == SQLITE_BUSY_SNAPSHOT;
    if (!transient || attempt >= 100) return Error(rc, "starting a write");
    std::this_thread::sleep_for(std::chrono::milliseconds(10 + 10 * (attempt % 10)));
  }
}

bool SqliteDatabase::IsArchiveFailure(int code) {
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
      return true;
    default:
      return false;
  }
}

Status SqliteDatabase::ReadOnlyError() const {
  return Status::IOError("archive '" + path_.string() +
                         "' is read-only: morgue cannot write it. Check that you may write "
                         "the file and the folder it is in (SQLite keeps its journal there); "
                         "list, search, show and export still work");
}

Result<Statement> SqliteDatabase::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing a query");
  return Statement(std::make_unique<SqliteStatement>(this, stmt));
}

int SqliteDatabase::Changes() const { return sqlite3_changes(db_); }

Status SqliteDatabase::Error(int code, std::string_view doing) const {
  Status status = Describe(code, doing);
  // Remembered for the import, which must stop at the first of these: after them the
  // archive cannot take more work (and SQLite may have rolled the transaction back).
  if (IsArchiveFailure(code)) NoteArchiveFailure(status);
  return status;
}

Status SqliteDatabase::Describe(int code, std::string_view doing) const {
  std::string message = sqlite3_errmsg(db_);
  if (message == "not an error" || message.empty()) message = sqlite3_errstr(code);
  if (!doing.empty()) message = std::string(doing) + ": " + message;
  const std::string archive = "archive '" + path_.string() + "'";
  const std::string rolled_back =
      "; the unfinished write was rolled back and nothing stored before is lost";
  switch (code & 0xff) {
    case SQLITE_READONLY:
      return ReadOnlyError();
    case SQLITE_FULL:
      return Status::IOError("cannot write " + archive + ": the disk is full" + rolled_back +
                             ". Free some space and run the command again");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM: {
      // SQLite says only "disk I/O error"; the system's reason says what to do.
      const int error = sqlite3_system_errno(db_);
      if (error == EFBIG || error == ENOSPC || error == EDQUOT) {
        const char* what = error == EFBIG    ? "the file-size limit (ulimit -f) was reached"
                           : error == ENOSPC ? "the disk is full"
                                             : "the disk quota is used up";
        return Status::IOError("cannot write " + archive + ": " + what + rolled_back +
                               ". Make room and run the command again");
      }
      if (error == EROFS || error == EACCES || error == EPERM) return ReadOnlyError();
      // SQLite often reports a failed write after errno has moved on.
      if (code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC ||
          code == SQLITE_IOERR_TRUNCATE) {
        return Status::IOError("cannot write " + archive +
                               ": the write failed, most likely because the disk is full or a "
                               "file-size limit (ulimit -f) was reached" +
                               rolled_back + ". Make room and run the command again");
      }
      return Status::IOError("cannot read or write " + archive + ": " + message +
                             (error != 0 ? std::string(" (") + std::strerror(error) + ")" : ""));
    }
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy("archive '" + path_.string() +
                          "' is busy: another process kept it locked (" + message + ")");
    case SQLITE_CORRUPT:
      return Status::Corruption("archive '" + path_.string() + "' is damaged: " + message);
    case SQLITE_NOTADB:
      return Status::Corruption("'" + path_.string() +
                                "' is not an SQLite database, so not a morgue archive (or one "
                                "whose first page is damaged)");
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

const Dialect& SqliteDatabase::dialect() const {
  static const Dialect kSqlite{"LIKE", [](std::string_view expression) {
                                 return std::string(expression) + " COLLATE NOCASE";
                               }};
  return kSqlite;
}

int64_t SqliteDatabase::SizeInBytes() {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path_, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

void SqliteDatabase::Rollback() { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }

// A deferred transaction's snapshot is taken at its first read and kept to its end.
Status SqliteDatabase::BeginRead() { return Exec("BEGIN"); }

bool SqliteDatabase::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

std::string SqliteDatabase::StatementError() const {
  if ((sqlite3_extended_errcode(db_) & 0xff) != SQLITE_ERROR) return {};
  return sqlite3_errmsg(db_);
}

}  // namespace morgue::sql
