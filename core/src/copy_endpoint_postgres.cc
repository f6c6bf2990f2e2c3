// A PostgreSQL database's side of a copy (copy_endpoint.h).

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "copy_endpoint.h"
#include "migration.h"
#include "postgres_connection.h"
#include "postgres_migrator.h"

namespace morgue::copy {
namespace {

// One INSERT holds at most this many parameters (PostgreSQL's limit is 65,535).
constexpr size_t kMaxParameters = 60000;

// The tables whose ids a sequence hands out.
constexpr std::string_view kIdentityTables[] = {"sources",   "authors", "tags",    "imports",
                                                "documents", "media",   "articles"};

std::string Placeholder(int i) { return "$" + std::to_string(i); }

// A value as the parameter PostgreSQL reads: numbers as text, text and blobs as their
// bytes (binary format).
pg::Param ParamOf(const Value& value, Kind kind, std::string& storage) {
  if (value.null) return std::nullopt;
  switch (kind) {
    case Kind::kInt:
      storage = std::to_string(value.integer);
      return storage;
    case Kind::kReal: {
      // 17 significant digits read back as the same double.
      char text[32];
      std::snprintf(text, sizeof text, "%.17g", value.real);
      storage = text;
      return storage;
    }
    case Kind::kText:
    case Kind::kBlob:
      return std::string_view(value.bytes);
  }
  return std::nullopt;
}

Result<Value> ValueOf(const pg::Rows& rows, int row, int column, Kind kind) {
  Value value;
  if (rows.IsNull(row, column)) return value;
  value.null = false;
  const std::string_view text = rows.Text(row, column);
  switch (kind) {
    case Kind::kInt:
      value.integer = rows.Int(row, column);
      break;
    case Kind::kReal:
      // The server's shortest text that reads back as the same double (extra_float_digits).
      value.real = std::strtod(std::string(text).c_str(), nullptr);
      break;
    case Kind::kText:
      value.bytes = std::string(text);
      break;
    case Kind::kBlob: {
      MORGUE_ASSIGN_OR_RETURN(value.bytes, rows.Bytes(row, column));
      break;
    }
  }
  return value;
}

constexpr Dialect kPostgres{"\"C\"", &Placeholder};

class PostgresEndpoint : public Endpoint {
 public:
  explicit PostgresEndpoint(std::unique_ptr<pg::Connection> connection)
      : connection_(std::move(connection)) {}

  const std::string& name() const override { return connection_->name(); }

  Status BeginSnapshot() override {
    return connection_->Execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  }

  Result<std::vector<Row>> ReadRows(const Table& table, const Row& after, int limit) override {
    std::vector<std::string> storage(after.size());
    std::vector<pg::Param> params;
    for (size_t i = 0; i < after.size(); ++i) {
      params.push_back(ParamOf(after[i], table.columns[i].kind, storage[i]));
    }
    MORGUE_ASSIGN_OR_RETURN(
        pg::Rows result,
        connection_->Query(SelectRowsSql(table, !after.empty(), limit, kPostgres), params));
    std::vector<Row> rows;
    rows.reserve(static_cast<size_t>(result.size()));
    for (int r = 0; r < result.size(); ++r) {
      Row row;
      row.reserve(table.columns.size());
      for (size_t c = 0; c < table.columns.size(); ++c) {
        MORGUE_ASSIGN_OR_RETURN(Value value,
                                ValueOf(result, r, static_cast<int>(c), table.columns[c].kind));
        row.push_back(std::move(value));
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<int64_t> NextArticleId() override {
    MORGUE_ASSIGN_OR_RETURN(pg::Rows sequence,
                            connection_->Query("SELECT pg_get_serial_sequence('articles', 'id')"));
    MORGUE_ASSIGN_OR_RETURN(
        pg::Rows next,
        connection_->Query(
            "SELECT GREATEST(CASE WHEN is_called THEN last_value + 1 ELSE "
            "last_value END, coalesce((SELECT max(id) FROM articles), 0) + 1) FROM " +
            std::string(sequence.Text(0, 0))));
    return next.Int(0, 0);
  }

  Result<int64_t> CountRows(const Table& table) override {
    MORGUE_ASSIGN_OR_RETURN(pg::Rows rows, connection_->Query(CountSql(table, kPostgres)));
    return rows.Int(0, 0);
  }

  Result<std::string> Setting(std::string_view key) override {
    MORGUE_ASSIGN_OR_RETURN(
        pg::Rows rows,
        connection_->Query("SELECT value FROM morgue_settings WHERE key = $1", {key}));
    return rows.size() > 0 ? std::string(rows.Text(0, 0)) : std::string();
  }

  Status Begin() override { return connection_->Execute("BEGIN"); }
  Status Commit() override { return connection_->Execute("COMMIT"); }

  Result<Row> LastKey(const Table& table) override {
    MORGUE_ASSIGN_OR_RETURN(pg::Rows rows, connection_->Query(LastKeySql(table, kPostgres)));
    Row key;
    if (rows.size() == 0) return key;
    for (size_t i = 0; i < table.key_columns; ++i) {
      MORGUE_ASSIGN_OR_RETURN(Value value,
                              ValueOf(rows, 0, static_cast<int>(i), table.columns[i].kind));
      key.push_back(std::move(value));
    }
    return key;
  }

  Status WriteRows(const Table& table, const std::vector<Row>& rows) override {
    const size_t columns = table.columns.size();
    const size_t rows_per_statement = std::max<size_t>(1, kMaxParameters / columns);
    for (size_t first = 0; first < rows.size(); first += rows_per_statement) {
      const size_t count = std::min(rows_per_statement, rows.size() - first);
      std::vector<std::string> storage(count * columns);
      std::vector<pg::Param> params;
      std::vector<int> formats;
      params.reserve(count * columns);
      formats.reserve(count * columns);
      for (size_t r = 0; r < count; ++r) {
        for (size_t c = 0; c < columns; ++c) {
          const Kind kind = table.columns[c].kind;
          params.push_back(ParamOf(rows[first + r][c], kind, storage[r * columns + c]));
          // Text goes as its bytes too: as a C string, libpq would cut it at a NUL byte,
          // which the server refuses loudly in binary form.
          formats.push_back(kind == Kind::kBlob || kind == Kind::kText ? 1 : 0);
        }
      }
      MORGUE_RETURN_IF_ERROR(
          connection_->QueryWithFormats(InsertSql(table, count, kPostgres), params, formats)
              .status());
    }
    return Status::OK();
  }

  Status DeleteRows(const Table& table) override {
    return connection_->Execute(DeleteSql(table, kPostgres));
  }

  Status StartCopy(std::string_view source, std::string_view state) override {
    MORGUE_RETURN_IF_ERROR(connection_->Execute("DELETE FROM morgue_settings"));
    return connection_
        ->Query("INSERT INTO morgue_settings(key, value) VALUES ($1, $2), ($3, $4)",
                {kCopyMarkerKey, source, kCopyStateKey, state})
        .status();
  }

  Status FinishCopy(int64_t next_article_id) override {
    // The ids were given; the sequences go on after the highest (for articles, after the
    // source's next id: ids are never reused).
    for (const std::string_view table : kIdentityTables) {
      const std::string floor = table == "articles" ? std::to_string(next_article_id - 1) : "0";
      const std::string name(table);
      // setval(sequence, highest, whether it was used): nextval gives the one after it.
      std::string sql = "WITH highest AS (SELECT GREATEST(coalesce(max(id), 0), $1::bigint) AS id";
      sql += " FROM ";
      sql += name;
      sql += ") SELECT setval(pg_get_serial_sequence('";
      sql += name;
      sql += "', 'id'), GREATEST(id, 1), id > 0) FROM highest";
      MORGUE_RETURN_IF_ERROR(connection_->Query(sql, {floor}).status());
    }
    return connection_
        ->Query("DELETE FROM morgue_settings WHERE key IN ($1, $2)",
                {kCopyMarkerKey, kCopyStateKey})
        .status();
  }

 private:
  std::unique_ptr<pg::Connection> connection_;
};

Result<std::unique_ptr<pg::Connection>> Connect(const std::string& location) {
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<pg::Connection> connection,
                          pg::Connection::Open(location));
  // Doubles as text in their shortest form that reads back exactly.
  MORGUE_RETURN_IF_ERROR(connection->Execute("SET extra_float_digits = 3"));
  return connection;
}

}  // namespace

Result<std::unique_ptr<Endpoint>> OpenPostgresSource(const std::string& location) {
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<pg::Connection> connection, Connect(location));
  MORGUE_ASSIGN_OR_RETURN(int version, pg::SchemaVersion(*connection));
  const int newest = EmbeddedPostgresMigrations().back().version;
  if (version == 0) {
    return Status::NotFound("no archive at '" + connection->name() +
                            "': the database holds no morgue schema");
  }
  if (version != newest) {
    return Status::NotSupported(
        "archive '" + connection->name() + "' has schema version " + std::to_string(version) +
        "; this morgue needs " + std::to_string(newest) +
        (version > newest ? ": it was made by a newer morgue; upgrade morgue to copy it"
                          : " and copies only an archive of its own version"));
  }
  auto endpoint = std::make_unique<PostgresEndpoint>(std::move(connection));
  MORGUE_ASSIGN_OR_RETURN(std::string marker, endpoint->Setting(kCopyMarkerKey));
  if (!marker.empty()) {
    return Status::NotSupported("archive '" + endpoint->name() + "' is being copied into from '" +
                                marker +
                                "' and that copy did not finish; run it again to finish it");
  }
  return std::unique_ptr<Endpoint>(std::move(endpoint));
}

Result<std::unique_ptr<Endpoint>> OpenPostgresDestination(const std::string& location,
                                                          bool* fresh) {
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<pg::Connection> connection, Connect(location));
  MORGUE_ASSIGN_OR_RETURN(int version, pg::SchemaVersion(*connection));
  if (version == 0) {
    // Never put an archive among another application's tables.
    MORGUE_ASSIGN_OR_RETURN(
        pg::Rows tables,
        connection->Query("SELECT string_agg(tablename, ', ' ORDER BY tablename) FROM pg_tables "
                          "WHERE schemaname = current_schema()"));
    if (!tables.IsNull(0, 0)) {
      return Status::InvalidArgument(
          "'" + connection->name() + "' already holds tables of another application (" +
          std::string(tables.Text(0, 0)) + "); a copy makes a new archive: name an empty database");
    }
  }
  MORGUE_RETURN_IF_ERROR(pg::Migrate(*connection, EmbeddedPostgresMigrations()).status());
  // A new archive here is an empty database: no row in any table copied but the settings.
  *fresh = true;
  for (const Table& table : CopyTables()) {
    if (table.name == "morgue_settings") continue;
    MORGUE_ASSIGN_OR_RETURN(pg::Rows rows, connection->Query("SELECT EXISTS (SELECT 1 FROM " +
                                                             std::string(table.name) + ")"));
    if (rows.Text(0, 0) == "t") *fresh = false;
  }
  auto endpoint = std::make_unique<PostgresEndpoint>(std::move(connection));
  MORGUE_ASSIGN_OR_RETURN(std::string marker, endpoint->Setting(kCopyMarkerKey));
  if (!marker.empty()) *fresh = false;
  return std::unique_ptr<Endpoint>(std::move(endpoint));
}

}  // namespace morgue::copy
