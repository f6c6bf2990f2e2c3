#include "postgres_migrator.h"

#include <string>

namespace morgue::pg {
namespace {

// The advisory lock the migrations take, the same number in every morgue ("morgue" and a
// version of the locking scheme): PostgreSQL's advisory locks are per database, so
// archives in other databases of one server never wait for each other.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(7885647261225779201)";

Status MadeByANewerMorgue(const Connection& connection, int version, int newest) {
  return Status::NotSupported("archive '" + connection.name() + "' has schema version " +
                              std::to_string(version) + ", but this morgue knows versions up to " +
                              std::to_string(newest) +
                              ": it was made by a newer morgue; upgrade morgue to open it");
}

}  // namespace

Result<int> SchemaVersion(Connection& connection) {
  // The table exists from migration 1 on; before it, the database is at version 0.
  MORGUE_ASSIGN_OR_RETURN(Rows rows,
                          connection.Query("SELECT to_regclass('morgue_schema') IS NOT NULL"));
  if (rows.Text(0, 0) != "t") return 0;
  MORGUE_ASSIGN_OR_RETURN(Rows version, connection.Query("SELECT max(version) FROM morgue_schema"));
  return static_cast<int>(version.Int(0, 0));
}

Result<int> Migrate(Connection& connection, const std::vector<Migration>& migrations) {
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  MORGUE_ASSIGN_OR_RETURN(int current, SchemaVersion(connection));
  if (current > newest) return MadeByANewerMorgue(connection, current, newest);
  if (current == newest) return current;
  MORGUE_ASSIGN_OR_RETURN(Rows encoding, connection.Query("SHOW server_encoding"));
  if (encoding.Text(0, 0) != "UTF8") {
    return Status::NotSupported(
        "archive '" + connection.name() + "': the database's encoding is " +
        std::string(encoding.Text(0, 0)) +
        "; morgue stores text as UTF-8: make a database with "
        "'createdb --encoding=UTF8 --template=template0 NAME' and open that");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    Transaction transaction(connection);
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    MORGUE_RETURN_IF_ERROR(connection.Execute(kMigrationLock));
    // Another process may have migrated while this one waited for the lock.
    MORGUE_ASSIGN_OR_RETURN(int now, SchemaVersion(connection));
    if (now >= migration.version) continue;
    Status applied = connection.Execute(migration.sql);
    if (!applied.ok()) {
      return Status(applied.code(), "schema migration postgresql/" + migration.name +
                                        " failed: " + applied.message());
    }
    MORGUE_RETURN_IF_ERROR(
        connection
            .Query("UPDATE morgue_schema SET version = $1", {std::to_string(migration.version)})
            .status());
    MORGUE_RETURN_IF_ERROR(transaction.Commit());
  }
  MORGUE_ASSIGN_OR_RETURN(int version, SchemaVersion(connection));
  // A newer morgue may have migrated the database while this one waited for the lock.
  if (version > newest) return MadeByANewerMorgue(connection, version, newest);
  return version;
}

}  // namespace morgue::pg
