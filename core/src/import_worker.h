// The import worker process (`--isolate`): ProcessRunner runs each job in a child that may
// crash, hang or talk nonsense without harming the parent, and restarts it for the next
// input; RunImportWorker (morgue/import.h) is the child's side. They talk in the wire
// format of import_wire.h.
//
// Thread-safety: a ProcessRunner is used from one thread at a time; the child it started
// dies with the thread that started it, so a call from another thread starts a new one.

#ifndef MORGUE_CORE_SRC_IMPORT_WORKER_H_
#define MORGUE_CORE_SRC_IMPORT_WORKER_H_

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "import_job.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue::import_job {

// Runs jobs in a child process started with `command` plus the paths of the registry's
// plugins, which calls RunImportWorker on file descriptor 3. One child serves input
// after input; when it crashes, exits, sends what is not a well-formed reply, or
// overruns the time limit, it is killed, the input fails with the reason, and the next
// input starts a new child.
class ProcessRunner {
 public:
  ProcessRunner(const PluginRegistry& plugins, std::vector<std::string> command);
  // Closes the channel and reaps the child, which exits when it sees the end.
  ~ProcessRunner();
  ProcessRunner(const ProcessRunner&) = delete;
  ProcessRunner& operator=(const ProcessRunner&) = delete;

  // `limit` 0: no time limit. When `stop`, asked a few times a second, returns true, the
  // child is killed and the job fails.
  Collected Run(const JobInput& input, std::chrono::milliseconds limit,
                const std::function<bool()>& stop = nullptr);

 private:
  enum class Outcome { kFrame, kTimeout, kClosed, kGarbage };
  struct Event {
    Outcome outcome;
    std::string payload;  // the frame, or what is wrong with it
  };

  Status Start(std::chrono::milliseconds limit);
  // Sends what is left of `out` while waiting, at most `limit` (0: forever), for the next
  // frame from the child.
  Event Next(std::string_view& out, std::chrono::milliseconds limit, uint64_t max_frame);
  // Kills (when `kill`) and reaps the child; returns its wait status, or -1.
  int Stop(bool kill);

  const PluginRegistry& plugins_;
  std::vector<std::string> command_;
  pid_t pid_ = -1;
  std::thread::id starter_;  // the thread that started the child, whose death it shares
  int fd_ = -1;
  std::string in_;  // bytes read from the child and not yet taken as frames
  size_t in_pos_ = 0;
};

}  // namespace morgue::import_job

#endif  // MORGUE_CORE_SRC_IMPORT_WORKER_H_
