// ImportRun: one `morgue import` run. Reads inputs, asks the plugin registry which
// importer reads each, stores the original bytes as a document and the importer's
// articles through the archive's validation and dedup.
//
// Each input is imported whole or not at all: its document and articles are written
// inside a savepoint that is rolled back if the importer or any article fails. Inputs
// are committed in batches for speed; a run that is killed loses at most the batch in
// flight, never half an input. The run is recorded in the archive's `imports` table and
// each failed input in `import_failures`.
//
// Thread-safety: use from one thread; the Archive and PluginRegistry must outlive it.

#ifndef MORGUE_IMPORT_H_
#define MORGUE_IMPORT_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/export.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue {

struct ImportOptions {
  std::string format;             // empty: probe each input
  std::vector<std::string> tags;  // added to every article imported
  int inputs_per_transaction = 256;
  std::string command;  // how the run was asked for, recorded in `imports`
};

// What happened to one input.
struct InputReport {
  std::string input;   // the path, or "<stdin>"
  std::string plugin;  // the importer that read it, when one was chosen
  Status status;       // OK, or why nothing of this input was stored
  int64_t imported = 0;
  int64_t duplicates = 0;
  std::vector<int64_t> article_ids;  // new and merged articles, in input order
};

struct ImportTotals {
  int64_t import_id = 0;
  int64_t inputs = 0;
  int64_t imported = 0;    // new articles
  int64_t duplicates = 0;  // articles that were already archived
  int64_t failed = 0;      // inputs that failed
};

class MORGUE_EXPORT ImportRun {
 public:
  // Starts a run. It is recorded in the archive with its first batch, so a run that
  // stores nothing leaves no trace.
  static Result<std::unique_ptr<ImportRun>> Start(Archive& archive, const PluginRegistry& plugins,
                                                  ImportOptions options);
  // Commits what was imported if Finish was not called.
  ~ImportRun();
  ImportRun(const ImportRun&) = delete;
  ImportRun& operator=(const ImportRun&) = delete;

  // Reads and imports one file.
  InputReport ImportFile(const std::filesystem::path& file);
  // Imports bytes that did not come from a file, e.g. standard input.
  InputReport ImportBytes(const std::string& name, std::string_view bytes);

  // Counts an input that failed before it could be read (see CollectInputFiles) as part
  // of this run, and records it in `import_failures`.
  void RecordProblem(const InputReport& problem);

  // Commits the last batch and records the totals.
  Result<ImportTotals> Finish();

  const ImportTotals& totals() const;

  // Why the archive stopped taking inputs (read-only, disk full, I/O error, busy past the
  // timeout), or OK. Once set, every further input is refused with it: stop the run.
  const Status& archive_error() const;

  struct Impl;

 private:
  explicit ImportRun(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Expands the paths a user gave into the files to import, in a stable order: a file as
// it is, a folder recursively (hidden entries skipped, symbolic links to folders not
// followed, so loops cannot trap the walk). A path that cannot be read is reported in
// `problems` and skipped.
MORGUE_EXPORT std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<InputReport>* problems);

}  // namespace morgue

#endif  // MORGUE_IMPORT_H_
