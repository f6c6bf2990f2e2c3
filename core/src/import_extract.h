// ImportExtractor: the reading half of an import run. It reads each input, hands it to
// the importer plugins the way the options ask for (on the calling thread, on a thread
// under --time-limit, or in an --isolate worker process; see import_job.h) and prepares
// its original, producing the pieces (Extracted) that ImportRun then stores. A large
// input whose importer reads it line by line is read and extracted in parts, so that
// only a part is ever in memory. It never touches the archive.
//
// Work happens on lanes, one per parallel job: a lane owns the runners its plugin calls
// go through, and is used by one thread at a time.
//
// Thread-safety: Extract and ExtractFile may run concurrently on distinct lanes;
// EnsureLanes only while no lane is in use; abandoned_threads from any thread.

#ifndef MORGUE_CORE_SRC_IMPORT_EXTRACT_H_
#define MORGUE_CORE_SRC_IMPORT_EXTRACT_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "body_check.h"
#include "import_documents.h"
#include "import_job.h"
#include "import_worker.h"
#include "morgue/container.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"
#include "storage_codec.h"

namespace morgue {

// The refusal of an input above the size limit; `size` is 0 when it is not known.
Status TooLarge(uint64_t size, uint64_t limit);

// What a lane hands over for one input: for most inputs one kWhole piece, what the
// importer made of the whole input (or why it was refused before any importer saw it);
// for a large input read line by line, a kPart piece per part, in order, then always a
// kDocument piece with its original (or why reading it failed); for a container
// (morgue/container.h), a kNested piece per document it holds, each an input of its own
// stored as a kWhole piece is, then always a kContainerEnd piece with what it held (or
// why it could not be read to its end).
struct Extracted {
  enum class Kind { kWhole, kPart, kDocument, kNested, kContainerEnd };
  Kind kind = Kind::kWhole;
  std::string name;
  std::filesystem::path path;
  std::shared_ptr<const std::string> bytes;     // kWhole: the input
  Status refused;                               // kWhole, kDocument: unreadable, too large
  import_job::Collected collected;              // kWhole, kPart
  PreparedDocument prepared;                    // kWhole, when the importer read it
  bool first_part = false;                      // kPart
  std::shared_ptr<StreamingDocument> document;  // kDocument: complete
  BodyCheck body_check;                         // kPart: the part and its articles
  bool in_folder = false;                       // see InputFile
  DocumentOrigin origin;                        // kNested: where the document came from
  ContainerSummary container;                   // kContainerEnd

  // A kWhole piece whose importer reads it as a container: to be opened, not stored.
  bool IsContainer() const {
    return kind == Kind::kWhole && refused.ok() && collected.status.ok() &&
           collected.reads_container;
  }
  // Whether this is the last piece of its input (or container).
  bool Ends() const { return kind != Kind::kPart && kind != Kind::kNested; }

  // A kWhole piece of `file` refused with `refused` (or OK, to be filled in).
  static Extracted Whole(const std::filesystem::path& file, Status refused);
  // About the memory a piece holds while it waits to be stored.
  size_t HeldBytes() const;
};

class ImportExtractor {
 public:
  // Where the plugins run, one lane per job; lane 0 also serves the one-input calls.
  // Runners are made on first use.
  struct Lane {
    std::unique_ptr<import_job::ThreadRunner> thread_runner;
    std::unique_ptr<import_job::ProcessRunner> process_runner;
    // A container's reader runs on runners of its own, so that a document's importer
    // that overruns or crashes (its runner is then abandoned or restarted) costs only
    // that document, not the open container.
    std::unique_ptr<import_job::ThreadRunner> container_thread_runner;
    std::unique_ptr<import_job::ProcessRunner> container_process_runner;
    // The container read on this lane when plugins run on the lane's own thread (no time
    // limit, no isolation); otherwise the runner holds it, beside the plugin.
    import_job::ContainerSession container;
  };
  // Takes a piece; false when the rest of the input is no longer wanted (it failed, or
  // the run stops). The closing kDocument piece of a split input is delivered regardless.
  using Deliver = std::function<bool(Extracted)>;

  // `plugins` and `options` belong to the run and outlive the extractor.
  ImportExtractor(const PluginRegistry& plugins, const ImportOptions& options)
      : plugins_(plugins), options_(options) {}

  // Makes sure there are at least `count` lanes. Never while lanes are in use. Thread
  // runners are made here rather than on first use, because abandoned_threads() reads
  // every lane's from the other lanes' threads.
  void EnsureLanes(size_t count);
  Lane& lane(size_t index) { return *lanes_[index]; }

  // Checks the size and runs the importers on bytes already read. Any thread.
  Extracted Extract(std::string name, std::filesystem::path path,
                    std::shared_ptr<const std::string> bytes, Lane& lane);
  // Reads a file and runs the importers on it, handing the pieces to `deliver` (see
  // Extracted): whole, or in parts when it is large and its importer reads it line by
  // line. Any thread; never throws.
  void ExtractFile(const std::filesystem::path& file, Lane& lane, const Deliver& deliver);

  // Reads the container `name` (the file `path`, or `bytes` when not null) with the
  // importer `chosen` names, extracting each document it holds as an input of its own
  // (import_container.cc). Any thread; never throws.
  void ExtractContainer(const std::string& name, const std::filesystem::path& path,
                        std::shared_ptr<const std::string> bytes,
                        const import_job::Collected& chosen, Lane& lane, const Deliver& deliver);

  // How many plugin calls were abandoned past --time-limit and may still run.
  int abandoned_threads() const;

 private:
  // Hands the input to the importers the way the options ask for (see import.h), and
  // makes the keys of the articles' bodies (Collected::body_keys) unless the run is dry.
  // Runs on the lane's thread; touches nothing but the lane.
  import_job::Collected Collect(import_job::JobInput job, Lane& lane);
  // Collect without the keys.
  import_job::Collected RunOnLane(import_job::JobInput job, Lane& lane);
  // Reads a file whole and runs the importers on it. Any thread; never throws.
  Extracted ReadAndExtract(const std::filesystem::path& file, Lane& lane);
  // One record of a container that holds a document, extracted as a whole input is, or
  // that cannot be read (failed by `container_plugin`, the container's importer).
  Extracted ExtractNested(const std::string& container, const std::string& container_plugin,
                          ContainerItem& item, Lane& lane);
  // The media type a loaded plugin declares for `extension`, for a document that comes
  // without one.
  std::string MediaTypeOf(const std::string& extension) const;
  // Waits a moment for the run to see a stop signal that ended a worker too.
  void AwaitStopAfter(int worker_signal) const;

  const PluginRegistry& plugins_;
  const ImportOptions& options_;
  std::vector<std::unique_ptr<Lane>> lanes_;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_IMPORT_EXTRACT_H_
