// AtomicFile: an output file that appears whole or not at all. Bytes go to a temporary
// file in the target's folder (so the final rename stays on one file system); Commit
// flushes, fsyncs and renames it over the target; anything else removes it. A symbolic
// link at the target is replaced, never written through.
//
// Thread-safety: use from one thread.

#ifndef MORGUE_TOOLS_MORGUE_ATOMIC_FILE_H_
#define MORGUE_TOOLS_MORGUE_ATOMIC_FILE_H_

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "morgue/plugin.h"
#include "morgue/status.h"

namespace morgue::cli {

// Why `target` may not be written without --force: it is a symbolic link (dangling or
// not, it could lead anywhere) or it exists. Empty when it may be written. `what` names
// what would be written there, e.g. "the export".
std::string RefusedOutput(const std::filesystem::path& target, std::string_view what);

class AtomicFile : public ByteSink {
 public:
  // Creates the temporary file beside `target`. With `overwrite` false, Commit refuses to
  // replace a file that exists by then.
  static Result<std::unique_ptr<AtomicFile>> Create(const std::filesystem::path& target,
                                                    bool overwrite);
  // Removes the temporary file unless Commit succeeded.
  ~AtomicFile() override;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Status Write(std::string_view bytes) override;
  Status Commit();

 private:
  AtomicFile(std::filesystem::path target, std::filesystem::path temp, std::FILE* file,
             bool overwrite);
  Status Discard(Status why);

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_;
  bool overwrite_;
  bool committed_ = false;
};

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_ATOMIC_FILE_H_
