// The PostgreSQL store's schema migrations: schema/postgresql/NNNN_what.sql, embedded at
// build time, applied in order, each in one transaction, and recorded in the one-row table
// morgue_schema. Several morgue processes opening one database at once take turns on a
// transaction-level advisory lock, so each migration is applied exactly once.
//
// Thread-safety: functions of one Connection, used from one thread.

#ifndef MORGUE_CORE_SRC_POSTGRES_MIGRATOR_H_
#define MORGUE_CORE_SRC_POSTGRES_MIGRATOR_H_

#include <vector>

#include "migration.h"
#include "morgue/status.h"
#include "postgres_connection.h"

namespace morgue::pg {

// The schema version the database behind `connection` is at: 0 for a database morgue has
// never migrated.
Result<int> SchemaVersion(Connection& connection);

// Brings the database behind `connection` to the newest version of `migrations` and
// returns the version it is at afterwards. Refused, with nothing changed: a database whose
// version is newer than the newest migration (NotSupported: "made by a newer morgue"), and
// one whose server encoding is not UTF-8 (NotSupported, with the command that makes one).
Result<int> Migrate(Connection& connection, const std::vector<Migration>& migrations);

}  // namespace morgue::pg

#endif  // MORGUE_CORE_SRC_POSTGRES_MIGRATOR_H_
