// The full-text query of a Filter as the archive hands it to FTS5: made into FTS5's syntax
// (search_query.h) or taken literally, checked before the real statement runs, and the
// messages that name a query that cannot be read, as the user typed it.
//
// Thread-safety: pure functions, except CheckQuery, which uses `db` (one thread at a time).

#ifndef MORGUE_CORE_SRC_FTS5_QUERY_H_
#define MORGUE_CORE_SRC_FTS5_QUERY_H_

#include <string>

#include "morgue/filter.h"
#include "morgue/status.h"
#include "sql.h"

namespace morgue {

// The query as an error message shows it: on one line (control characters as \xNN), and
// not endless (80 bytes, then its size).
std::string ShownQuery(const std::string& query);

// The FTS5 query `filter` asks for: its words as written with --literal, else its query
// with the words FTS5 syntax cannot hold put in quotes (search_query.h). InvalidArgument,
// naming the query, when it cannot be read.
Result<std::string> Fts5Query(const Filter& filter);

// Runs FTS5 query `query` alone: InvalidArgument naming `shown` (the query as typed) when
// FTS5 refuses it, another error as it comes.
Status CheckQuery(sql::Database& db, const std::string& shown, const std::string& query);

// SQLite reports a bad FTS5 query when the statement first steps; this names the query.
Status QueryError(const Filter& filter, const Status& status);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_FTS5_QUERY_H_
