// ImportBatch: the transactions an import run stores its inputs in, and the run's own
// record. Inputs are committed in batches (N inputs or a second, whichever comes first),
// so that a long import neither pays a commit per input nor keeps other writers waiting;
// the batch's new articles are indexed for search together when it commits. The run is
// recorded in `imports` with its first batch, and its failures in `import_failures`.
// When the archive itself fails, the batch is given up and error() refuses everything
// after it. A dry run commits nothing and only counts.
//
// Thread-safety: used from the storing thread only.

#ifndef MORGUE_CORE_SRC_IMPORT_BATCH_H_
#define MORGUE_CORE_SRC_IMPORT_BATCH_H_

#include <chrono>
#include <cstdint>

#include "archive_impl.h"
#include "morgue/import.h"
#include "morgue/status.h"

namespace morgue {

class ImportBatch {
 public:
  // Long transactions keep other writers waiting: commit after N inputs or a second.
  static constexpr std::chrono::seconds kBatchTime{1};

  // `totals` (imported and duplicates count only what was committed) and `options` belong
  // to the run and outlive the batch.
  ImportBatch(Archive::Impl& archive, const ImportOptions& options, ImportTotals& totals)
      : archive_(archive), options_(options), totals_(totals) {}

  // Opens a batch unless one is open (recording the run with the first).
  Status Begin();
  // Whether the open batch holds enough inputs or has been open long enough to commit.
  bool IsFull() const;
  // Whether the open batch has been open longer than kBatchTime.
  bool Overdue() const;
  // Commits the open batch, counting what it holds in the totals; on failure nothing of
  // it is stored, its inputs count as failed, and error() is set.
  Status Commit();
  // The archive itself failed (disk full, I/O error, busy past the timeout): SQLite may
  // already have rolled the batch back, so all of it is given up and the run stops.
  void Abandon(Status failure);

  // An input finished in the batch (stored, or failed by its importer).
  void CountInput() { ++inputs_in_batch_; }
  // An input stored in the batch, with its new articles (and of them, copies) and its
  // duplicates.
  void CountStored(const InputReport& stored) {
    ++pending_.inputs_ok;
    pending_.imported += stored.imported;
    pending_.duplicates += stored.duplicates;
    pending_.revised += static_cast<int64_t>(stored.revisions.size());
    pending_.copies += static_cast<int64_t>(stored.copies_of.size());
    pending_.near_duplicates += stored.near_duplicates;
  }

  // Records a failed input in the run's `import_failures` (not in a dry run).
  void RecordFailure(const InputReport& report);
  // Records the run's totals in its `imports` row.
  Status RecordTotals();

  bool open() const { return in_batch_; }
  // The run's `imports` row is committed.
  bool run_recorded() const { return run_recorded_; }
  // The archive failed: everything after it is refused.
  const Status& error() const { return error_; }

 private:
  sql::Database& db() { return *archive_.db; }
  Status RecordStart();
  // Indexes the batch's new articles for search in one statement, and ends the deferral.
  Status IndexBatch();

  Archive::Impl& archive_;
  const ImportOptions& options_;
  ImportTotals& totals_;
  bool in_batch_ = false;
  int inputs_in_batch_ = 0;
  std::chrono::steady_clock::time_point started_;
  // What the open batch holds; moved into the totals when it commits.
  struct Pending {
    int64_t inputs_ok = 0;
    int64_t imported = 0;
    int64_t duplicates = 0;
    int64_t revised = 0;
    int64_t copies = 0;
    int64_t near_duplicates = 0;
  };
  Pending pending_;
  // The batch is stored: what it holds counts in the totals.
  void CountCommitted();
  bool run_recorded_ = false;
  Status error_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_IMPORT_BATCH_H_
