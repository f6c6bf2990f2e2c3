#include "postgres_connection.h"

#include <array>
#include <charconv>
#include <cstring>

namespace morgue::pg {
namespace {

// `text` percent-encoded as a URI component: all but the unreserved characters, and those
// in `keep`.
std::string PercentEncoded(std::string_view text, std::string_view keep = {}) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved || keep.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

// libpq's message without its trailing newline, or `fallback` when it has none.
std::string LibpqMessage(const char* message, std::string_view fallback) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? std::string(fallback) : text;
}

// The SQLSTATE classes of conflicts that go away when the statement is tried again later:
// serialization failures and deadlocks (40), a lock not available (55P03).
bool IsConflict(std::string_view sqlstate) {
  return sqlstate.starts_with("40") || sqlstate == "55P03";
}

}  // namespace

bool IsPostgresLocation(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string DisplayName(std::string_view location) {
  const std::string text(location);
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(text.c_str(), &error);
  if (options == nullptr) {
    // libpq's parse error may quote the part it cannot read, which may be the password.
    PQfreemem(error);
    return "postgresql://(a location libpq cannot read)";
  }
  std::string user, host, port, dbname, service;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "user") user = option->val;
    if (keyword == "host") host = option->val;
    if (keyword == "hostaddr" && host.empty()) host = option->val;
    if (keyword == "port") port = option->val;
    if (keyword == "dbname") dbname = option->val;
    if (keyword == "service") service = option->val;
  }
  PQconninfoFree(options);
  std::string name = "postgresql://";
  if (!user.empty()) name += PercentEncoded(user) + "@";
  // A host list stays a list; an IPv6 address goes in brackets.
  if (host.find(':') != std::string::npos && host.find(',') == std::string::npos) {
    name += "[" + host + "]";
  } else {
    name += PercentEncoded(host, ",");
  }
  if (!port.empty()) name += ":" + PercentEncoded(port, ",");
  if (!dbname.empty()) name += "/" + PercentEncoded(dbname);
  if (!service.empty()) name += "?service=" + PercentEncoded(service);
  return name;
}

std::string_view Rows::Text(int row, int column) const {
  const char* value = PQgetvalue(result_.get(), row, column);
  return {value, static_cast<size_t>(PQgetlength(result_.get(), row, column))};
}

int64_t Rows::Int(int row, int column) const {
  const std::string_view text = Text(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

Result<std::unique_ptr<Connection>> Connection::Open(std::string_view location) {
  const std::string name = DisplayName(location);
  const std::string text(location);
  char* parse_error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(text.c_str(), &parse_error);
  if (parsed == nullptr) {
    PQfreemem(parse_error);
    return Status::InvalidArgument(
        "archive '" + name +
        "': not a PostgreSQL location libpq can read; expected "
        "postgresql://user@host:port/database (see libpq's connection URIs)");
  }
  PQconninfoFree(parsed);
  // The location is expanded in place of dbname; the options after it override it
  // (client_encoding) or apply only where nothing else names one (the application).
  const std::array<const char*, 4> keywords = {"dbname", "fallback_application_name",
                                               "client_encoding", nullptr};
  const std::array<const char*, 4> values = {text.c_str(), "morgue", "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (conn == nullptr) {
    return Status::IOError("archive '" + name + "': cannot connect: out of memory");
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string reason = LibpqMessage(PQerrorMessage(conn), "the server refused");
    PQfinish(conn);
    return Status::IOError("archive '" + name + "': cannot connect: " + reason);
  }
  // Notices (such as "relation already exists, skipping") are for psql users, not for
  // morgue's output.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn, name));
}

Connection::~Connection() { PQfinish(conn_); }

Result<std::string> Rows::Bytes(int row, int column) const {
  size_t length = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row, column)), &length);
  if (bytes == nullptr) {
    return Status::Corruption(
        "a bytea value the server sent cannot be decoded (out of memory, or not in bytea's "
        "text form)");
  }
  std::string value(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return value;
}

int64_t Rows::affected() const {
  if (!result_) return 0;
  const std::string_view count = PQcmdTuples(result_.get());
  int64_t value = 0;
  std::from_chars(count.data(), count.data() + count.size(), value);
  return value;
}

Status Connection::Failure(const PGresult* result, std::string_view sql) {
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = sqlstate != nullptr ? sqlstate : "";
  const std::string reason = result != nullptr
                                 ? LibpqMessage(PQresultErrorMessage(result),
                                                LibpqMessage(PQerrorMessage(conn_), "failed"))
                                 : LibpqMessage(PQerrorMessage(conn_), "the connection was lost");
  last_error_ = reason;
  // The statement's first line tells a developer which one failed; users see the reason.
  const std::string_view first_line = sql.substr(0, sql.find('\n'));
  std::string message = "archive '" + name_ + "': " + reason;
  if (!first_line.empty()) message += " (in: " + std::string(first_line.substr(0, 120)) + ")";
  if (IsConflict(last_sqlstate_)) return Status::Busy(message);
  return Status::IOError(message);
}

Status Connection::Execute(std::string_view sql) {
  const std::string text(sql);
  const std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(conn_, text.c_str()),
                                                              &PQclear);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return Failure(result.get(), sql);
  }
  last_sqlstate_.clear();
  return Status::OK();
}

Result<Rows> Connection::Query(const std::string& sql, const std::vector<Param>& params) {
  return QueryWithFormats(sql, params, {});
}

Result<Rows> Connection::QueryWithFormats(const std::string& sql, const std::vector<Param>& params,
                                          const std::vector<int>& formats) {
  // libpq reads text parameters as C strings: keep each one's own NUL-terminated copy.
  std::vector<std::string> copies;
  copies.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  std::vector<int> lengths;
  lengths.reserve(params.size());
  for (const Param& param : params) {
    if (param.has_value()) {
      copies.emplace_back(*param);
      values.push_back(copies.back().c_str());
      lengths.push_back(static_cast<int>(param->size()));
    } else {
      values.push_back(nullptr);
      lengths.push_back(0);
    }
  }
  PGresult* result =
      PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                   lengths.data(), formats.empty() ? nullptr : formats.data(), /*resultFormat=*/0);
  Rows rows(result);
  const ExecStatusType status = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return Failure(result, sql);
  last_sqlstate_.clear();
  return rows;
}

Transaction::~Transaction() {
  if (open_) (void)connection_.Execute("ROLLBACK");
}

Status Transaction::Begin() {
  MORGUE_RETURN_IF_ERROR(connection_.Execute("BEGIN"));
  open_ = true;
  return Status::OK();
}

Status Transaction::Commit() {
  open_ = false;
  return connection_.Execute("COMMIT");
}

}  // namespace morgue::pg
