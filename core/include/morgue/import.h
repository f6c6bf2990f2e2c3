// ImportRun: one `morgue import` run. Reads inputs, asks the plugin registry which
// importer reads each, stores the original bytes as a document and the importer's
// articles through the archive's validation and dedup.
//
// Each input is imported whole or not at all: its document and articles are written
// inside a savepoint that is rolled back if the importer or any article fails (a large
// JSON Lines file too, which is read in parts: see ImportOptions::part_bytes). Inputs
// are committed in batches for speed; a run that is killed loses at most the batch in
// flight, never half an input. The run is recorded in the archive's `imports` table and
// each failed input in `import_failures`.
//
// Plugins are not trusted to behave. Each input's importer runs apart from the archive:
// its articles are collected first and stored afterwards, so a plugin never runs while
// the archive could be touched by it. How far apart depends on the options:
//   - time_limit > 0 (the default), in process: the importer runs on a worker thread and
//     the input fails when it overruns. A plugin call cannot be cancelled, so the stuck
//     thread is abandoned; it holds its own references to the importer, its library and
//     the input, never touches the Archive or the ImportRun, and the run goes on with a
//     fresh importer. The process should end with _exit/quick_exit rather than wait for
//     it (see abandoned_threads()); a thread stuck in Probe still reads the
//     PluginRegistry, which must then stay alive until the process ends.
//   - isolate_command set: the importer runs in a child process, which is killed when it
//     overruns; a crash (SIGSEGV, abort), an exit or a malformed reply costs only the
//     input it was reading, and the next input starts a new child.
//   - time_limit 0 and no isolate_command: on the calling thread, with no time limit.
//
// Many inputs at once (ImportFiles): a pool of `jobs` threads reads the files and runs
// the importers on them, while the calling thread stores each input's articles in the
// order the files were given. The archive, the ids of the articles and the reports are
// the same for any number of jobs; only the time differs.
//
// A run may be stopped between inputs (ImportOptions::stop_requested, e.g. on Ctrl-C):
// it commits what is whole, records its true counts as interrupted, and gives up plugin
// calls in flight as it would on time-out. A dry run (ImportOptions::dry_run) runs the
// importers and the archive's validation and dedup but writes nothing.
//
// Thread-safety: use from one thread; the Archive and PluginRegistry must outlive it.

#ifndef MORGUE_IMPORT_H_
#define MORGUE_IMPORT_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  // Inputs larger than this are refused before they are read (`--max-input-size`),
  // except one read in parts (see part_bytes), for which it bounds a line; 0: no limit.
  std::uint64_t max_input_bytes = std::uint64_t{64} << 20;
  // How long probing and importing one input may take (`--time-limit`); 0: no limit.
  std::chrono::milliseconds time_limit{60000};
  // Non-empty: run the importers in a child process started with this command (argv,
  // the first element a path), to which the run appends the paths of the registry's
  // plugins; the child must call RunImportWorker(3, those paths). `morgue import
  // --isolate` uses {"<morgue>", "__import-worker"}.
  std::vector<std::string> isolate_command;
  // How many inputs ImportFiles reads and extracts at once (`--jobs`); 0: one per core.
  // With isolate_command, each job has its own child process.
  int jobs = 0;
  // A file larger than this, which its importer reads line by line (JSON Lines, see
  // Importer::ReadsLineByLine), is read and handed to the importer in parts of about this
  // size, one after another, so that memory stays flat however large the file; it is
  // still stored whole or not at all. The time limit applies to each part. 0: never.
  std::uint64_t part_bytes = std::uint64_t{2} << 20;
  // While more than this many bytes of extracted inputs (originals, compressed copies,
  // bodies) wait to be stored, ImportFiles's jobs take no new input; so memory is about
  // this plus what each job holds. 0: no bound but the window of eight inputs per job.
  std::uint64_t held_bytes = std::uint64_t{16} << 20;
  // Options for the importers, by name (ImportInput::parameters): "drafts" and "pages"
  // ("true") from `--include-drafts` and `--include-pages`.
  std::map<std::string, std::string> parameters;
  // Run the importers and report what each input would become, storing nothing: no
  // document, article, `imports` row or failure is written, and the archive is only read
  // (it may be opened read-only). Reports carry the ids new articles would get.
  bool dry_run = false;
  // Asked between inputs (and while a stream is read), from any thread; once it returns
  // true the run takes no new input: the input being stored in parts is rolled back, the
  // batch in flight is committed, and the rest is left untouched and uncounted
  // (ImportTotals::interrupted). `morgue import` sets it from SIGINT and SIGTERM.
  std::function<bool()> stop_requested;
};

// A file to import, as CollectInputs found it.
struct InputFile {
  std::filesystem::path path;
  // Found by walking a folder rather than named: if no importer claims it, it is skipped
  // (InputReport::skipped) rather than failed. Ignored with ImportOptions::format.
  bool in_folder = false;
};

// Which files of a folder walk to take, as fnmatch(3) patterns (`--include`,
// `--exclude`). A pattern without '/' matches a file's name; one with '/' matches its
// path relative to the folder given, where '*' also matches '/'. A file is taken when it
// matches an include pattern (or there is none) and no exclude pattern; a folder whose
// name matches an exclude pattern without '/' is not walked. Files named explicitly are
// always taken.
struct InputSelection {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// What a container held (see morgue/container.h): its documents were imported as inputs of
// their own, named "<container>#<id>", each with its own report.
struct ContainerSummary {
  int64_t documents = 0;  // records that held a document, each an input of its own
  int64_t failed = 0;     // records that should hold a document but could not be read
  // Records that hold no document to import, by what they are ("request records": 12).
  std::map<std::string, int64_t> skipped;
};

// What happened to one input.
struct InputReport {
  std::string input;   // the path, or "<stdin>"
  std::string plugin;  // the importer that read it, when one was chosen
  Status status;       // OK, or why nothing of this input was stored
  int64_t imported = 0;
  int64_t duplicates = 0;
  // Articles of this input that were archived with other values under their canonical
  // URL, stored as new revisions of them: (the article, its new revision's number).
  // Counted here, not as duplicates.
  std::vector<std::pair<int64_t, int64_t>> revisions;
  // Of the imported articles, those with exactly the body of an archived article of
  // another address or publication, linked to it as copies: (new article, archived one).
  std::vector<std::pair<int64_t, int64_t>> copies_of;
  // Articles of this input (new or filled with a body) that tell the same story as
  // archived articles with changes, now linked to them: (the article, an archived one).
  int64_t near_duplicates = 0;
  std::vector<std::pair<int64_t, int64_t>> near_duplicates_of;
  std::vector<int64_t> article_ids;  // new and merged articles, in input order
  // About a stored input, e.g. that its importer made an article without a body of an
  // input with much more text (see README "Importing"); printed, not recorded.
  std::vector<std::string> warnings;
  // Of article_ids, the articles this input added (a dry run: would add), in input order;
  // the others are duplicates of articles archived before (a dry run: or earlier in it).
  std::vector<int64_t> new_ids;
  // Found in a folder and claimed by no importer: neither imported nor failed.
  bool skipped = false;
  // For a document from a container: the container's input name, and where its record
  // starts in the container, in bytes (for progress).
  std::string from_container;
  uint64_t container_offset = 0;
  // Set on the report that closes a container, after the reports of its documents: what
  // it held. Its status is OK, or why it could not be read to its end (the documents
  // before that point stand); it is counted as an input only when it failed.
  std::optional<ContainerSummary> container;
};

struct ImportTotals {
  int64_t import_id = 0;
  int64_t inputs = 0;
  int64_t imported = 0;         // new articles
  int64_t duplicates = 0;       // articles that were already archived
  int64_t revised = 0;          // archived articles that took a new revision (InputReport)
  int64_t copies = 0;           // of `imported`, copies of archived bodies (InputReport)
  int64_t near_duplicates = 0;  // articles linked to archived near-duplicates (InputReport)
  int64_t failed = 0;           // inputs that failed
  int64_t skipped = 0;          // inputs found in folders that no importer claims
  int64_t containers = 0;       // inputs read as containers (their documents are inputs)
  int64_t records_skipped = 0;  // records of containers that hold no document to import
  // ImportOptions::stop_requested stopped the run: `inputs` counts only those taken.
  bool interrupted = false;
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

  // Reads and imports one file. When it is a container (see ContainerSummary), each of
  // its documents' reports is given to `on_document` as it is stored, and the returned
  // report is the container's.
  InputReport ImportFile(const std::filesystem::path& file,
                         const std::function<void(const InputReport&)>& on_document = nullptr);
  // Imports `files` in this order, reading and extracting up to options.jobs of them at
  // once (see above). `on_input`, when given, is called on the calling thread with each
  // input's report, in the order of `files`, as soon as the input is stored (for a
  // container, each of its documents' reports, then the container's). Stops early,
  // leaving the rest of `files` untouched and uncounted, once archive_error() is set.
  void ImportFiles(const std::vector<std::filesystem::path>& files,
                   const std::function<void(const InputReport&)>& on_input = nullptr);
  // The same for files found by CollectInputs: those found in folders that no importer
  // claims are reported as skipped.
  void ImportFiles(const std::vector<InputFile>& files,
                   const std::function<void(const InputReport&)>& on_input = nullptr);
  // Imports bytes that did not come from a file, e.g. standard input (`on_document` as
  // for ImportFile).
  InputReport ImportBytes(const std::string& name, std::string_view bytes,
                          const std::function<void(const InputReport&)>& on_document = nullptr);
  // Reads `in` to its end, but no further than the size limit, and imports what it read
  // (`on_document` as for ImportFile). When the run is stopped while reading, nothing of
  // it is imported or counted.
  InputReport ImportStream(const std::string& name, std::istream& in,
                           const std::function<void(const InputReport&)>& on_document = nullptr);

  // Counts an input that failed before it could be read (see CollectInputFiles) as part
  // of this run, and records it in `import_failures`.
  void RecordProblem(const InputReport& problem);

  // Commits the last batch and records the totals.
  Result<ImportTotals> Finish();

  const ImportTotals& totals() const;

  // How many worker threads were left running in a plugin call that overran the time
  // limit. When not 0, end the process with _exit or quick_exit once the run is
  // finished: the threads are never joined, and their libraries must stay loaded.
  int abandoned_threads() const;

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
// The same, marking the files found in folders, and taking from folders only the files
// `selection` takes.
MORGUE_EXPORT std::vector<InputFile> CollectInputs(const std::vector<std::filesystem::path>& paths,
                                                   const InputSelection& selection,
                                                   std::vector<InputReport>* problems);

// The child's side of ImportOptions::isolate_command: loads `plugin_files` (the parent's
// plugins, already checked by the parent, so without the permission check; any that
// fails to load ends the worker with exit code 3), then reads
// inputs from the socket `fd`, runs the importers on them and sends back the articles,
// until the parent closes the socket. Returns the exit code for the process (0 when
// the parent closed the socket); the caller should end the process with _exit.
MORGUE_EXPORT int RunImportWorker(int fd, const std::vector<std::filesystem::path>& plugin_files);

}  // namespace morgue

#endif  // MORGUE_IMPORT_H_
