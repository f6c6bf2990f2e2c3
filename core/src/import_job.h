// How ImportRun hands one input to the importer plugins, in three ways that give the
// same answer: on the calling thread; on a worker thread watched by a time limit; or in
// a child process (`--isolate`) that may crash, hang or talk nonsense without harming
// the parent. Each way only collects the articles; ImportRun stores them afterwards on
// its own thread, so no plugin code ever runs while the archive could be touched by it.
//
// This header holds what the three share and the first two; the child process is in
// import_worker.h, the messages it exchanges with the parent in import_wire.h.
//
// Thread-safety: RunJob may run on any thread (the registry's const methods may be called
// concurrently). A ThreadRunner is used from one thread.

#ifndef MORGUE_CORE_SRC_IMPORT_JOB_H_
#define MORGUE_CORE_SRC_IMPORT_JOB_H_

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "body_keys.h"
#include "morgue/article.h"
#include "morgue/container.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue::import_job {

// What a job asks of a container's importer (see ContainerSession below).
enum class ContainerOp : uint8_t {
  kNone = 0,  // an ordinary job: choose an importer and import the input
  kOpen = 1,  // open the container `name`/`path` (or `bytes`) with importer `format`
  kNext = 2,  // the next record of the container opened last
};

// One input as a plugin sees it. Owned copies: a runner that gives up on a plugin may
// leave it running with this, so nothing here may point into the caller's memory.
struct JobInput {
  std::string format;  // as asked for (a format or a plugin name); empty: probe
  std::string name;
  std::filesystem::path path;
  std::shared_ptr<const std::string> bytes;
  uint64_t first_line = 1;  // when `bytes` is a part of the input: see ImportInput
  // Only choose the importer and ask whether it reads the input line by line
  // (Collected::reads_lines) or as a container (Collected::reads_container); `bytes` is
  // then the input's head.
  bool probe_only = false;
  // For a document from a container, which has no path: the extension it would have as a
  // file (see ImportInput::extension).
  std::string extension;
  std::map<std::string, std::string> parameters;  // ImportOptions::parameters
  // For a document from a container: what the container knows about it (see
  // document_hints.h), filled into each article before it is validated.
  std::optional<Article> hints;
  std::string hints_origin;
  ContainerOp container_op = ContainerOp::kNone;
  // For a kOpen or kNext job: the importer that reads the container (`format` is the
  // format it reads it as).
  std::string plugin;
};

// What the plugins made of one input, before anything is stored.
struct Collected {
  std::string plugin;             // the importer chosen; empty when none was
  std::string format;             // the format it was asked to read
  Status status;                  // the importer's verdict, or why the input failed
  std::vector<Article> articles;  // normalised and validated, in input order
  bool reads_lines = false;       // the answer to a probe_only job
  // The importer reads the input as a container (morgue/container.h): it was not
  // imported; the caller opens it. The answer to any job.
  bool reads_container = false;
  // The answer to a kNext job: the record, or nothing at the end of the container (or
  // when `status` says why it cannot be read further).
  std::optional<ContainerItem> item;
  // The signal that ended an import worker (ProcessRunner) during this job, or 0; not
  // sent on the wire.
  int worker_signal = 0;
  // The keys of each article's body, in the order of `articles`, made on the extractor's
  // lane (ImportExtractor) so that the storing thread need not; not sent on the wire.
  std::vector<BodyKeys> body_keys;
};

// A container opened by a kOpen job and read by kNext jobs, on whichever side of the
// process boundary the importers run: the reader and the bytes it reads. One per runner;
// opening another closes the one before, and the end of a container closes it.
struct ContainerSession {
  std::unique_ptr<ByteSource> source;
  std::optional<ContainerHandle> container;  // reads `source`: closed before it

  ~ContainerSession() { Close(); }
  void Close() {
    container.reset();
    source.reset();
  }
};

// Runs a kOpen or kNext job on `session`. Never throws.
Collected RunContainerJob(const PluginRegistry& plugins, const JobInput& input,
                          ContainerSession& session);

// "812 bytes", "64 MiB", "80.5 MiB".
std::string FormatBytes(uint64_t bytes);

// How much article text one input may produce: far more than any importer makes of
// real input, and still bounded, so a runaway importer fails its input instead of
// exhausting memory.
uint64_t MaxOutputBytes(uint64_t input_bytes);

// Chooses the importer (probing unless `input.format` names one), then runs it,
// collecting and validating its articles. `on_chosen`, when given, is called with the
// plugin's name before its Import runs. Never throws.
Collected RunJob(const PluginRegistry& plugins, const JobInput& input,
                 const std::function<void(const std::string&)>& on_chosen);

// How often a runner waiting for a plugin asks whether the run should stop.
constexpr std::chrono::milliseconds kStopPoll{100};

// "1 s", "0.25 s", "90 s".
std::string FormatSeconds(std::chrono::milliseconds duration);
// The failure of an input whose plugin took longer than `limit`.
Status TimeLimitExceeded(const std::string& plugin, std::chrono::milliseconds limit);
// The failure of an input given up because the run was asked to stop.
Status Interrupted();

// Runs jobs on one worker thread and waits at most a time limit for each. A plugin call
// cannot be cancelled, so on time-out the thread is abandoned: it keeps the importer,
// its library and the input alive through JobInput and its own references, touches
// nothing of the caller's, and the next job gets a fresh thread. A thread stuck in a
// Probe still reads the PluginRegistry, which must therefore outlive it.
class ThreadRunner {
 public:
  explicit ThreadRunner(const PluginRegistry& plugins);
  // Stops and joins the current worker; abandoned ones are left running.
  ~ThreadRunner();
  ThreadRunner(const ThreadRunner&) = delete;
  ThreadRunner& operator=(const ThreadRunner&) = delete;

  // `limit` must be positive. When `stop`, asked a few times a second, returns true, the
  // call is given up as on time-out (the thread abandoned), and the job fails.
  Collected Run(JobInput input, std::chrono::milliseconds limit,
                const std::function<bool()>& stop = nullptr);
  // How many threads were abandoned in a plugin call that overran its time limit. May be
  // read from any thread.
  int abandoned() const { return abandoned_.load(); }

  struct State;

 private:
  Status StartWorker();
  const PluginRegistry& plugins_;
  std::shared_ptr<State> state_;  // shared with the current worker, null when none runs
  pthread_t thread_{};
  std::atomic<int> abandoned_{0};
};

// Starts `body` on a new thread with the large stack that plugin code may need (parsers
// recurse). The thread must be joined with pthread_join.
Status StartPluginThread(std::function<void()> body, pthread_t* thread);

}  // namespace morgue::import_job

#endif  // MORGUE_CORE_SRC_IMPORT_JOB_H_
