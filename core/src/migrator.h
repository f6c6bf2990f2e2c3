// Schema migrations: the numbered SQL files of schema/, embedded at build time, applied
// in order, each in one transaction, and recorded in PRAGMA user_version.
//
// Thread-safety: functions of one Database, used from one thread.

#ifndef MORGUE_CORE_SRC_MIGRATOR_H_
#define MORGUE_CORE_SRC_MIGRATOR_H_

#include <vector>

#include "migration.h"
#include "morgue/status.h"
#include "sqlite.h"

namespace morgue {

// Brings `db` to the newest version of `migrations`. An archive whose user_version is
// newer than the newest migration is refused with NotSupported. Returns the version the
// archive is at afterwards.
Result<int> Migrate(sql::SqliteDatabase& db, const std::vector<Migration>& migrations);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_MIGRATOR_H_
