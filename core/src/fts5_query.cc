// A filter's full-text query made into FTS5's syntax and checked before use, and the
// messages that name a query FTS5 cannot read (fts5_query.h).

#include "fts5_query.h"

#include <string>
#include <string_view>

#include "morgue/search_query.h"

namespace morgue {

namespace {

// `problem` is "<reason>; <what to write instead>".
Status UnreadableQuery(const std::string& query, std::string_view problem) {
  return Status::InvalidArgument("cannot read the search query '" + ShownQuery(query) +
                                 "': " + std::string(problem));
}

// For what FTS5 itself refuses, in its own words.
Status InvalidQuery(const std::string& query, std::string_view reason) {
  return UnreadableQuery(query, std::string(reason) +
                                    "; put a phrase in double quotes (\"covid 19\"), or use "
                                    "--literal to search for the words as written");
}

}  // namespace

std::string ShownQuery(const std::string& query) {
  constexpr size_t kMaxShown = 80;
  std::string shown;
  for (size_t i = 0; i < query.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(query[i]);
    if (c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      shown += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xf];
    } else {
      shown.push_back(static_cast<char>(c));
    }
  }
  if (query.size() > kMaxShown) {
    // Not in the middle of a UTF-8 sequence.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xc0) == 0x80) {
      shown.pop_back();
    }
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xc0) shown.pop_back();
    shown += "… (" + std::to_string(query.size()) + " bytes)";
  }
  return shown;
}

Result<std::string> Fts5Query(const Filter& filter) {
  if (filter.query.find('\0') != std::string::npos) {
    return UnreadableQuery(filter.query, "it contains a NUL byte; type the query without it");
  }
  if (filter.literal_query) return LiteralQuery(filter.query);
  Result<std::string> query = SearchQueryToFts5(filter.query);
  if (!query.ok()) return UnreadableQuery(filter.query, query.status().message());
  return query;
}

// SQLite only parses an FTS5 query when a statement using it first steps, and reports a
// malformed one as a plain SQLITE_ERROR. Running it alone, before the real statement,
// tells a bad query apart from any other failure for certain.
Status CheckQuery(sql::Database& db, const std::string& shown, const std::string& query) {
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement stmt,
      db.Prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 1"));
  stmt.Bind(1, query);
  Result<bool> row = stmt.Step();
  if (row.ok()) return Status::OK();
  const std::string reason = db.StatementError();
  if (reason.empty()) return row.status();
  return InvalidQuery(shown, reason);
}

Status QueryError(const Filter& filter, const Status& status) {
  // InvalidArgument is already the user's to fix, with its own message (CheckQuery).
  if (filter.query.empty() || status.ok() || status.code() == StatusCode::kInvalidArgument) {
    return status;
  }
  const std::string& message = status.message();
  bool bad_query = false;
  for (const char* sign :
       {"fts5", "syntax error", "unterminated string", "no such column", "unknown special query"}) {
    bad_query = bad_query || message.find(sign) != std::string::npos;
  }
  if (!bad_query) return status;
  return InvalidQuery(filter.query, status.message());
}

}  // namespace morgue
