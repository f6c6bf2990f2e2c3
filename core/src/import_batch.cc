// The transactions an import run stores its inputs in, and the run's record (see
// import_batch.h).

#include "import_batch.h"

#include <algorithm>
#include <string>
#include <utility>

#include "morgue/datetime.h"

#ifndef MORGUE_VERSION_STRING
#define MORGUE_VERSION_STRING "unknown"
#endif

namespace morgue {

Status ImportBatch::Begin() {
  if (in_batch_ || options_.dry_run) return Status::OK();
  if (Status begun = db().BeginWrite(); !begun.ok()) {
    error_ = begun;  // read-only, busy past the timeout: no input can be stored
    return begun;
  }
  in_batch_ = true;
  // The batch's new articles are indexed together when it commits (see
  // schema/0004_deferred_index.sql); this row, never committed, tells the triggers.
  if (Status deferred = db().Exec(
          "INSERT OR REPLACE INTO morgue_settings(key, value) VALUES ('fts_deferred_after', "
          "(SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
          "coalesce((SELECT max(id) FROM articles), 0))))");
      !deferred.ok()) {
    Abandon(deferred);
    return deferred;
  }
  if (totals_.import_id == 0) {
    // The run is recorded with its first batch, so a run that stores nothing (the
    // archive is full or read-only) leaves the archive exactly as it was.
    if (Status recorded = RecordStart(); !recorded.ok()) {
      Abandon(recorded);
      return recorded;
    }
  }
  // The batch's band keys wait to be merged many at once (archive_story_bands.cc).
  if (Status deferred = archive_.DeferBands(); !deferred.ok()) {
    Abandon(deferred);
    return deferred;
  }
  inputs_in_batch_ = 0;
  started_ = std::chrono::steady_clock::now();
  return Status::OK();
}

bool ImportBatch::Overdue() const {
  return std::chrono::steady_clock::now() - started_ > kBatchTime;
}

bool ImportBatch::IsFull() const {
  return inputs_in_batch_ >= std::max(1, options_.inputs_per_transaction) || Overdue();
}

Status ImportBatch::IndexBatch() {
  return db().Exec(R"sql(
    INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
      SELECT id, title, subtitle, body, authors, tags FROM article_search_source
      WHERE id > (SELECT CAST(value AS INTEGER) FROM morgue_settings
                  WHERE key = 'fts_deferred_after')
      ORDER BY id;
    DELETE FROM morgue_settings WHERE key = 'fts_deferred_after';)sql");
}

Status ImportBatch::Commit() {
  if (options_.dry_run) {  // nothing to commit: what would have been stored is counted
    CountCommitted();
    return Status::OK();
  }
  if (!in_batch_) return Status::OK();
  db().ResetCached();
  Status committed = IndexBatch();
  if (committed.ok()) committed = db().Exec("COMMIT");
  in_batch_ = false;
  if (!committed.ok()) {
    db().Exec("ROLLBACK").ok();
    archive_.ForgetWritesSeen();
    if (!run_recorded_) totals_.import_id = 0;
    // Nothing of the batch is stored: its inputs count as failed, not imported.
    totals_.failed += pending_.inputs_ok;
    pending_ = Pending{};
    error_ = committed.WithContext("cannot commit imported articles to '" + archive_.path.string() +
                                   "'");
    return error_;
  }
  CountCommitted();
  run_recorded_ = true;
  return Status::OK();
}

void ImportBatch::CountCommitted() {
  totals_.imported += pending_.imported;
  totals_.duplicates += pending_.duplicates;
  totals_.revised += pending_.revised;
  totals_.copies += pending_.copies;
  totals_.near_duplicates += pending_.near_duplicates;
  pending_ = Pending{};
}

Status ImportBatch::RecordStart() {
  MORGUE_ASSIGN_OR_RETURN(
      auto* insert,
      db().Cached("INSERT INTO imports(started_at, command, morgue_version) VALUES (?1, ?2, ?3)"));
  insert->Bind(1, UtcNow()).BindTextOrNull(2, options_.command);
  insert->Bind(3, MORGUE_VERSION_STRING);
  MORGUE_ASSIGN_OR_RETURN(totals_.import_id, insert->RunForId());
  return Status::OK();
}

void ImportBatch::Abandon(Status failure) {
  if (in_batch_) db().Exec("ROLLBACK").ok();
  archive_.ForgetWritesSeen();
  in_batch_ = false;
  if (!run_recorded_) totals_.import_id = 0;
  totals_.failed += pending_.inputs_ok;
  pending_ = Pending{};
  error_ = std::move(failure);
}

void ImportBatch::RecordFailure(const InputReport& report) {
  if (options_.dry_run) return;
  Result<sql::Statement*> insert = db().Cached(
      "INSERT INTO import_failures(import_id, input, plugin, reason) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return;
  (*insert)->Bind(1, totals_.import_id).Bind(2, report.input);
  (*insert)->BindTextOrNull(3, report.plugin).Bind(4, report.status.message());
  (*insert)->Run().ok();  // the failure is reported to the user either way
}

Status ImportBatch::RecordTotals() {
  sql::Transaction transaction(db());
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_ASSIGN_OR_RETURN(
      auto* update,
      db().Cached(
          "UPDATE imports SET finished_at = ?2, inputs = ?3, imported = ?4, duplicates = ?5, "
          "failed = ?6, skipped = ?7, interrupted = ?8, revised = ?9 WHERE id = ?1"));
  sql::Statement& s = *update;
  s.Bind(1, totals_.import_id).Bind(2, UtcNow()).Bind(3, totals_.inputs);
  s.Bind(4, totals_.imported).Bind(5, totals_.duplicates).Bind(6, totals_.failed);
  s.Bind(7, totals_.skipped).Bind(8, int64_t{totals_.interrupted ? 1 : 0});
  s.Bind(9, totals_.revised);
  MORGUE_RETURN_IF_ERROR(s.Run());
  return transaction.Commit();
}

}  // namespace morgue
