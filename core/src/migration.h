// A schema migration: one numbered SQL file, embedded at build time. The SQLite archive's
// migrations are schema/NNNN_what.sql (applied by migrator.h), the PostgreSQL store's
// schema/postgresql/NNNN_what.sql (applied by postgres_migrator.h).
//
// Thread-safety: the embedded lists are built once, on first use, and read-only after.

#ifndef MORGUE_CORE_SRC_MIGRATION_H_
#define MORGUE_CORE_SRC_MIGRATION_H_

#include <string>
#include <vector>

namespace morgue {

struct Migration {
  int version;       // from the file name: 0002_search.sql is version 2
  std::string name;  // the file name, for messages
  std::string sql;
};

// The SQLite migrations compiled into this library, by ascending version
// (embedded_schema.cc).
const std::vector<Migration>& EmbeddedMigrations();

// The PostgreSQL migrations compiled into this library, by ascending version
// (embedded_postgres_schema.cc).
const std::vector<Migration>& EmbeddedPostgresMigrations();

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_MIGRATION_H_
