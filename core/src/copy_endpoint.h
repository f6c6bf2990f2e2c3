// One store's side of CopyArchive (morgue/copy.h): a SQLite archive's file or a PostgreSQL
// database, read as a source or written as a destination, table by table
// (copy_tables.h). copy_endpoint_sqlite.cc and copy_endpoint_postgres.cc implement it;
// archive_copy.cc drives two of them.
//
// Thread-safety: an Endpoint is used from one thread.

#ifndef MORGUE_CORE_SRC_COPY_ENDPOINT_H_
#define MORGUE_CORE_SRC_COPY_ENDPOINT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "copy_tables.h"
#include "morgue/status.h"

namespace morgue::copy {

class Endpoint {
 public:
  virtual ~Endpoint() = default;

  // How messages name the archive (a PostgreSQL location without its password).
  virtual const std::string& name() const = 0;

  // --- As the source ---
  // Starts the one read-only snapshot every read below sees.
  virtual Status BeginSnapshot() = 0;
  // Up to `limit` rows of `table` whose key comes after `after` (empty: from the first),
  // in key order; every row when the table has no key.
  virtual Result<std::vector<Row>> ReadRows(const Table& table, const Row& after, int limit) = 0;
  // The id the archive's next article would get: ids are never reused, so it may be past
  // the highest id there is.
  virtual Result<int64_t> NextArticleId() = 0;

  // --- Both ---
  virtual Result<int64_t> CountRows(const Table& table) = 0;
  // The value of `key` in morgue_settings ("" when none): kCopyMarkerKey names the source
  // a copy into this archive began from and did not finish, kCopyStateKey what it held.
  virtual Result<std::string> Setting(std::string_view key) = 0;

  // --- As the destination; each write runs inside Begin ... Commit ---
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  // The key of the last row of `table` in key order; empty when it has none.
  virtual Result<Row> LastKey(const Table& table) = 0;
  virtual Status WriteRows(const Table& table, const std::vector<Row>& rows) = 0;
  virtual Status DeleteRows(const Table& table) = 0;
  // Marks the archive as being copied into from `source`, which holds `state` (and readies
  // it for the rows).
  virtual Status StartCopy(std::string_view source, std::string_view state) = 0;
  // Makes the copied rows a whole archive: the next article's id, the search index where
  // it is built apart; removes the marks.
  virtual Status FinishCopy(int64_t next_article_id) = 0;
};

// The SQLite archive at `path` as a source: it must exist and be an archive this morgue
// opens read-only as it is (the latest schema, no unfinished upgrade or copy).
Result<std::unique_ptr<Endpoint>> OpenSqliteSource(const std::string& path);
// The SQLite archive at `path` as a destination: created with the latest schema when no
// file is there (*created true: a new archive, which the driver removes again if it cannot
// begin the copy); otherwise opened to write as it is, for the driver to check that a copy
// left it unfinished.
Result<std::unique_ptr<Endpoint>> OpenSqliteDestination(const std::string& path, bool* created);

// The PostgreSQL database at `location` as a source: it must hold a morgue schema of this
// morgue's version and no unfinished copy.
Result<std::unique_ptr<Endpoint>> OpenPostgresSource(const std::string& location);
// The same as a destination: migrated to this morgue's schema (created when it has none;
// refused when the database holds other tables). *fresh: the database holds no rows of an
// archive and no mark of a copy, so a copy may begin there.
Result<std::unique_ptr<Endpoint>> OpenPostgresDestination(const std::string& location, bool* fresh);

}  // namespace morgue::copy

#endif  // MORGUE_CORE_SRC_COPY_ENDPOINT_H_
