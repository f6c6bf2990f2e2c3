// ImportRun::Impl: an import run, composed of its parts. The ImportExtractor reads the
// inputs and runs the importers on its lanes (import_extract.h); an OrderedPipeline
// feeds their pieces, in input order, to this thread (ordered_pipeline.h), which stores
// them: each input in a savepoint (import_store.cc), its original among the documents
// (import_documents.h), inputs grouped in the transactions of an ImportBatch
// (import_batch.h), or in a dry run only planned (import_plan.h).
//
// Thread-safety: used from the thread that calls ImportRun; only the extractor's lanes
// run elsewhere.

#ifndef MORGUE_CORE_SRC_IMPORT_RUN_H_
#define MORGUE_CORE_SRC_IMPORT_RUN_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive_impl.h"
#include "body_check.h"
#include "import_batch.h"
#include "import_documents.h"
#include "import_extract.h"
#include "import_plan.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue {

struct ImportRun::Impl {
  Archive::Impl& archive;
  const PluginRegistry& plugins;
  ImportOptions options;
  ImportTotals totals;  // imported and duplicates count only what was committed
  bool finished = false;
  ImportBatch batch{archive, options, totals};
  ImportDocuments documents{archive, plugins, options.dry_run};
  ImportExtractor extractor{plugins, options};
  DryRunPlan plan;  // a dry run's memory of the articles it would have stored

  // The input being stored. A whole input is opened, given its articles and closed at
  // once; one read in parts stays open from its first part to its document.
  struct Storing {
    bool open = false;  // its savepoint is open
    InputReport report;
    const LoadedPluginInfo* plugin = nullptr;
    int64_t document_id = 0;
    size_t articles = 0;   // given so far, for "article N" in messages
    BodyCheck body_check;  // the input's text and its articles, for a warning
  };
  Storing storing;

  Impl(Archive::Impl& a, const PluginRegistry& p, ImportOptions o)
      : archive(a), plugins(p), options(std::move(o)) {}

  sql::Database& db() { return *archive.db; }

  // Whether the run was asked to stop (ImportOptions::stop_requested); once seen, it
  // stays stopped. The storing thread only.
  bool StopRequested();

  // ---- Reading and storing in order (import.cc) --------------------------------------

  // Commits what is left and records the run's totals (ImportRun::Finish).
  Result<ImportTotals> Finish();

  // The serial paths: extract on lane 0, from the calling thread, then store.
  InputReport ImportOne(std::string name, std::filesystem::path path,
                        std::shared_ptr<const std::string> bytes,
                        const std::function<void(const InputReport&)>& on_document);

  // The report of an input the run stopped before storing: not counted, nothing stored.
  static InputReport Untaken(const std::string& name);

  // Stops storing the input that is open (one read in parts) when the run stops: it is
  // rolled back and not counted, as if it had never been given.
  void DropOpenInput();

  // Stores the pieces of one input on the calling thread as they are extracted (the
  // serial paths): a container's documents are reported to `on_document` as each is
  // stored; `result` is the input's own report once its last piece is stored.
  struct SerialStore {
    Impl& run;
    bool in_folder = false;
    const std::function<void(const InputReport&)>& on_document;
    std::optional<InputReport> result;
    // The extractor's Deliver: false once no more pieces are wanted.
    bool operator()(Extracted piece);
  };

  // One file on the calling thread; nullopt when the run stopped before it was stored.
  std::optional<InputReport> TakeOneFile(
      const InputFile& file, const std::function<void(const InputReport&)>& on_document);

  InputReport ImportOneFile(const InputFile& file,
                            const std::function<void(const InputReport&)>& on_document);

  // See ImportRun::ImportFiles: lanes extract the files in parallel through an
  // OrderedPipeline (ordered_pipeline.h), this thread stores their pieces in input order.
  void ImportFiles(const std::vector<InputFile>& files,
                   const std::function<void(const InputReport&)>& on_input);

  // ---- Storing: the calling thread only (import_store.cc) ----------------------------

  const LoadedPluginInfo* FindPlugin(const std::string& name) const;

  // Ends the input being stored as failed with `status`, recorded in the archive unless
  // the archive itself failed.
  InputReport Fail(Status status);

  // Counts a finished input (stored, or failed by its importer) in the batch, and
  // commits the batch when it is full.
  void CountInBatch(InputReport& report);

  // Starts storing an input from its first piece: counts it and, when the importer read
  // it, opens its savepoint. Returns the report when the input is finished already.
  std::optional<InputReport> Open(Extracted& first);

  // An input found in a folder that no importer claims: neither stored nor failed.
  InputReport Skip();

  // Takes back what the input being stored added to a dry run's plan.
  void UndoPlan();

  // Stores articles of the open input through validation and dedup. `alone`: the whole
  // input, so that a single article's failure needs no "article N".
  Status AddArticles(import_job::Collected& collected, bool alone);

  // Ends the open input: keeps it when `stored` is OK and it gave an article, else rolls
  // back everything it added.
  InputReport Close(Status stored);

  // The end of a container: its report, with what it held; a failure when it could not
  // be read to its end (the documents before that point stand).
  InputReport CloseContainer(Extracted& end);

  // Store, which may run out of memory in our own code (a large input's articles):
  // then the input is given up whole, like any input that fails.
  std::optional<InputReport> SafeStore(Extracted& piece);

  // Stores one piece of an input (see Extracted), or records why the input failed.
  // Returns the input's report once it is finished: stored, or failed.
  std::optional<InputReport> Store(Extracted& piece);
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_IMPORT_RUN_H_
