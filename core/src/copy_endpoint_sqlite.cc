// A SQLite archive's side of a copy (copy_endpoint.h).

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "copy_endpoint.h"
#include "morgue/archive.h"
#include "sqlite.h"

namespace morgue::copy {
namespace {

constexpr int kBusyTimeoutMs = 60000;

std::string Placeholder(int i) { return "?" + std::to_string(i); }

void BindValue(sql::Statement& statement, int index, const Value& value, Kind kind) {
  if (value.null) {
    statement.BindNull(index);
    return;
  }
  switch (kind) {
    case Kind::kInt:
      statement.Bind(index, value.integer);
      break;
    case Kind::kReal:
      statement.BindDouble(index, value.real);
      break;
    case Kind::kText:
      statement.Bind(index, std::string_view(value.bytes));
      break;
    case Kind::kBlob:
      statement.BindBlob(index, value.bytes);
      break;
  }
}

Value ReadValue(const sql::Statement& statement, int column, Kind kind) {
  Value value;
  if (statement.IsNull(column)) return value;
  value.null = false;
  switch (kind) {
    case Kind::kInt:
      value.integer = statement.Int(column);
      break;
    case Kind::kReal:
      value.real = statement.Double(column);
      break;
    case Kind::kText:
      value.bytes = statement.Text(column);
      break;
    case Kind::kBlob:
      value.bytes = std::string(statement.Blob(column));
      break;
  }
  return value;
}

constexpr Dialect kSqlite{"BINARY", &Placeholder};

class SqliteEndpoint : public Endpoint {
 public:
  SqliteEndpoint(std::unique_ptr<sql::Database> db, std::string name)
      : db_(std::move(db)), name_(std::move(name)) {}

  const std::string& name() const override { return name_; }

  Status BeginSnapshot() override {
    // The read transaction begins with the first read and lasts as long as the connection.
    MORGUE_RETURN_IF_ERROR(db_->Exec("BEGIN"));
    return db_->Exec("SELECT count(*) FROM morgue_settings");
  }

  Result<std::vector<Row>> ReadRows(const Table& table, const Row& after, int limit) override {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement statement,
                            db_->Prepare(SelectRowsSql(table, !after.empty(), limit, kSqlite)));
    for (size_t i = 0; i < after.size(); ++i) {
      BindValue(statement, static_cast<int>(i) + 1, after[i], table.columns[i].kind);
    }
    std::vector<Row> rows;
    MORGUE_RETURN_IF_ERROR(statement.ForEachRow([&]() {
      Row row;
      row.reserve(table.columns.size());
      for (size_t i = 0; i < table.columns.size(); ++i) {
        row.push_back(ReadValue(statement, static_cast<int>(i), table.columns[i].kind));
      }
      rows.push_back(std::move(row));
      return Status::OK();
    }));
    return rows;
  }

  Result<int64_t> NextArticleId() override {
    MORGUE_ASSIGN_OR_RETURN(
        sql::Statement statement,
        db_->Prepare("SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), "
                     "0) + 1"));
    MORGUE_RETURN_IF_ERROR(statement.Step().status());
    return statement.Int(0);
  }

  Result<int64_t> CountRows(const Table& table) override {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement statement, db_->Prepare(CountSql(table, kSqlite)));
    MORGUE_RETURN_IF_ERROR(statement.Step().status());
    return statement.Int(0);
  }

  Result<std::string> Setting(std::string_view key) override {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement statement,
                            db_->Prepare("SELECT value FROM morgue_settings WHERE key = ?1"));
    statement.Bind(1, key);
    MORGUE_ASSIGN_OR_RETURN(bool found, statement.Step());
    return found ? statement.Text(0) : std::string();
  }

  Status Begin() override { return db_->BeginWrite(); }
  Status Commit() override { return db_->Exec("COMMIT"); }

  Result<Row> LastKey(const Table& table) override {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement statement, db_->Prepare(LastKeySql(table, kSqlite)));
    MORGUE_ASSIGN_OR_RETURN(bool found, statement.Step());
    Row key;
    if (!found) return key;
    for (size_t i = 0; i < table.key_columns; ++i) {
      key.push_back(ReadValue(statement, static_cast<int>(i), table.columns[i].kind));
    }
    return key;
  }

  Status WriteRows(const Table& table, const std::vector<Row>& rows) override {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement statement, db_->Prepare(InsertSql(table, 1, kSqlite)));
    for (const Row& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        BindValue(statement, static_cast<int>(i) + 1, row[i], table.columns[i].kind);
      }
      MORGUE_RETURN_IF_ERROR(statement.Run());
    }
    return Status::OK();
  }

  Status DeleteRows(const Table& table) override { return db_->Exec(DeleteSql(table, kSqlite)); }

  Status StartCopy(std::string_view source, std::string_view state) override {
    // A new archive is seeded with the publications directory; the source's own sources
    // (with their ids) replace it. The search index is built once, at the end.
    MORGUE_RETURN_IF_ERROR(
        db_->Exec("DELETE FROM source_aliases; DELETE FROM source_domains; DELETE FROM sources; "
                  "DELETE FROM morgue_settings; "
                  "INSERT INTO morgue_settings(key, value) VALUES ('fts_deferred_after', 0);"));
    MORGUE_ASSIGN_OR_RETURN(
        sql::Statement mark,
        db_->Prepare("INSERT INTO morgue_settings(key, value) VALUES (?1, ?2), (?3, ?4)"));
    mark.Bind(1, kCopyMarkerKey).Bind(2, source).Bind(3, kCopyStateKey).Bind(4, state);
    return mark.Run();
  }

  Status FinishCopy(int64_t next_article_id) override {
    MORGUE_RETURN_IF_ERROR(
        db_->Exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
                  "DELETE FROM morgue_settings WHERE key IN ('fts_deferred_after', '" +
                  std::string(kCopyMarkerKey) + "', '" + std::string(kCopyStateKey) + "');"));
    // Ids are never reused: the source's next id stays the next one here.
    MORGUE_ASSIGN_OR_RETURN(
        sql::Statement update,
        db_->Prepare("UPDATE sqlite_sequence SET seq = max(seq, ?1) WHERE name = 'articles'"));
    update.Bind(1, next_article_id - 1);
    MORGUE_RETURN_IF_ERROR(update.Run());
    if (db_->Changes() == 0 && next_article_id > 1) {
      MORGUE_ASSIGN_OR_RETURN(
          sql::Statement insert,
          db_->Prepare("INSERT INTO sqlite_sequence(name, seq) VALUES ('articles', ?1)"));
      insert.Bind(1, next_article_id - 1);
      MORGUE_RETURN_IF_ERROR(insert.Run());
    }
    return Status::OK();
  }

 private:
  std::unique_ptr<sql::Database> db_;
  std::string name_;
};

}  // namespace

Result<std::unique_ptr<Endpoint>> OpenSqliteSource(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::NotFound("no archive at '" + path + "'");
  }
  {
    // What a read-only open checks (an archive of this schema, nothing left unfinished).
    OpenOptions options;
    options.create_if_missing = false;
    options.read_only = true;
    MORGUE_RETURN_IF_ERROR(Archive::Open(path, options).status());
  }
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<sql::Database> db,
                          sql::SqliteDatabase::Open(path, false, true, kBusyTimeoutMs));
  return std::unique_ptr<Endpoint>(new SqliteEndpoint(std::move(db), path));
}

Result<std::unique_ptr<Endpoint>> OpenSqliteDestination(const std::string& path, bool* created) {
  std::error_code error;
  *created = !std::filesystem::exists(path, error) && !std::filesystem::is_symlink(path, error);
  if (*created) {
    // Made as any new archive is (schema, identity, journal mode), then closed: the copy
    // writes through a connection of its own.
    OpenOptions options;
    options.create_if_missing = true;
    MORGUE_RETURN_IF_ERROR(Archive::Open(path, options).status());
  }
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<sql::Database> db,
                          sql::SqliteDatabase::Open(path, false, false, kBusyTimeoutMs));
  return std::unique_ptr<Endpoint>(new SqliteEndpoint(std::move(db), path));
}

}  // namespace morgue::copy
