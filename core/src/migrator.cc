#include "migrator.h"

#include <string_view>

#include "morgue/datetime.h"

namespace morgue {
namespace {

// morgue_sortable_date(TEXT): SortableDate, for 0005_published_sort.sql to fill the rows
// archived before it. NULL for NULL or for text that is not an ISO 8601 date.
void SortableDateFunction(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  if (text == nullptr) {
    sqlite3_result_null(context);
    return;
  }
  const std::string sortable = SortableDate(std::string_view(
      reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
  if (sortable.empty()) {
    sqlite3_result_null(context);
  } else {
    sqlite3_result_text(context, sortable.data(), static_cast<int>(sortable.size()),
                        SQLITE_TRANSIENT);
  }
}

// The functions the migrations call that SQL alone cannot compute. Only morgue's own
// connection has them, and only the migrations use them: the schema (views, triggers)
// never does, so any SQLite tool can still read and write an archive.
Status RegisterMigrationFunctions(sql::SqliteDatabase& db) {
  const int rc = sqlite3_create_function_v2(db.handle(), "morgue_sortable_date", 1,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                            &SortableDateFunction, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return db.Error(rc, "cannot register the migrations' functions");
  return Status::OK();
}

Result<int> UserVersion(sql::SqliteDatabase& db) {
  MORGUE_ASSIGN_OR_RETURN(sql::Statement stmt, db.Prepare("PRAGMA user_version"));
  MORGUE_RETURN_IF_ERROR(stmt.Step().status());
  return static_cast<int>(stmt.Int(0));
}

}  // namespace

Result<int> Migrate(sql::SqliteDatabase& db, const std::vector<Migration>& migrations) {
  const int newest = migrations.empty() ? 0 : migrations.back().version;
  MORGUE_ASSIGN_OR_RETURN(int current, UserVersion(db));
  if (current > newest) {
    return Status::NotSupported("archive '" + db.path().string() + "' has schema version " +
                                std::to_string(current) +
                                ", but this morgue knows versions up to " + std::to_string(newest) +
                                ": it was made by a newer morgue; upgrade morgue to open it");
  }
  if (current < newest) MORGUE_RETURN_IF_ERROR(RegisterMigrationFunctions(db));
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    sql::Transaction transaction(db);
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    // Another process may have migrated while we waited for the write lock.
    MORGUE_ASSIGN_OR_RETURN(int now, UserVersion(db));
    if (now >= migration.version) continue;
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
