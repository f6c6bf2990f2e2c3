#include "migrator.h"

namespace morgue {
namespace {

Result<int> UserVersion(sql::Database& db) {
  Result<sql::Statement> stmt = db.Prepare("PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return static_cast<int>(stmt->Int(0));
}

}  // namespace

Result<int> Migrate(sql::Database& db, const std::vector<Migration>& migrations) {
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  Result<int> current = UserVersion(db);
  if (!current.ok()) return current.status();
  if (*current > newest) {
    return Status::NotSupported("archive '" + db.path().string() + "' has schema version " +
                                std::to_string(*current) +
                                ", but this morgue knows versions up to " + std::to_string(newest) +
                                ": it was made by a newer morgue; upgrade morgue to open it");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *current) continue;
    sql::Transaction transaction(db);
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    // Another process may have migrated while we waited for the write lock.
    Result<int> now = UserVersion(db);
    if (!now.ok()) return now.status();
    if (*now >= migration.version) continue;
    Status applied = db.Exec(migration.sql);
    if (!applied.ok()) {
      return Status(applied.code(), "schema migration " + migration.name + " failed on '" +
                                        db.path().string() + "': " + applied.message());
    }
    MORGUE_RETURN_IF_ERROR(db.Exec("PRAGMA user_version = " + std::to_string(migration.version)));
    MORGUE_RETURN_IF_ERROR(transaction.Commit());
  }
  return UserVersion(db);
}

}  // namespace morgue
