// Schema migrations: the numbered SQL files of schema/, embedded at build time, applied
// in order, each in one transaction, and recorded in PRAGMA user_version.
//
// Thread-safety: functions of one Database, used from one thread.

#ifndef MORGUE_CORE_SRC_MIGRATOR_H_
#define MORGUE_CORE_SRC_MIGRATOR_H_

#include <string>
#include <vector>

#include "morgue/status.h"
#include "sqlite.h"

namespace morgue {

struct Migration {
  int version;       // from the file name: 0002_search.sql is version 2
  std::string name;  // the file name, for messages
  std::string sql;
};

// The migrations compiled into this library, by ascending version (embedded_schema.cc).
const std::vector<Migration>& EmbeddedMigrations();

// Brings `db` to the newest version of `migrations`. An archive whose user_version is
// newer than the newest migration is refused with NotSupported. Returns the version the
// archive is at afterwards.
Result<int> Migrate(sql::Database& db, const std::vector<Migration>& migrations);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_MIGRATOR_H_
