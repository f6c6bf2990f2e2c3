// The reading half of an import run: inputs read, handed to the importers and prepared
// for storing (see import_extract.h).

#include "import_extract.h"

#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <thread>
#include <utility>

#include "line_parts.h"
#include "validate.h"

namespace morgue {
namespace {

// Reads a whole file, refusing it from its size before reading, and again while reading
// should it grow past `limit` (0: no limit).
Result<std::string> ReadWholeFile(const std::filesystem::path& path, uint64_t limit) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    return Status::InvalidArgument("is a folder, not a file");
  }
  // Checked before opening: reading a pipe or a device could block or never end.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    return Status::InvalidArgument("is not a regular file (a device, pipe or socket)");
  }
  if (limit != 0) {
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > limit) return TooLarge(size, limit);
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  std::string bytes;
  char buffer[1 << 16];
  size_t n = 0;
  bool too_large = false;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    bytes.append(buffer, n);
    if (limit != 0 && bytes.size() > limit) {
      too_large = true;
      break;
    }
  }
  bool failed = std::ferror(file) != 0;
  int error = errno;
  std::fclose(file);
  if (too_large) return TooLarge(0, limit);
  if (failed) return Status::IOError(std::string("cannot read: ") + std::strerror(error));
  return bytes;
}

// The first `size` bytes of a file (fewer when it is shorter).
Result<std::string> ReadHead(const std::filesystem::path& path, size_t size) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  std::string head(size, '\0');
  head.resize(std::fread(head.data(), 1, size, file));
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) return Status::IOError(std::string("cannot read: ") + std::strerror(error));
  return head;
}

}  // namespace

Status TooLarge(uint64_t size, uint64_t limit) {
  std::string what = "is larger than";
  if (size != 0) {
    what = "is " + import_job::FormatBytes(size);
    if (size >= 1024) what += " (" + std::to_string(size) + " bytes)";
    what += ", larger than";
  }
  return Status::InvalidArgument(what + " the input size limit of " +
                                 import_job::FormatBytes(limit) +
                                 "; raise the limit with --max-input-size");
}

Extracted Extracted::Whole(const std::filesystem::path& file, Status refused) {
  Extracted out;
  out.name = file.string();
  out.path = file;
  out.refused = std::move(refused);
  return out;
}

size_t Extracted::HeldBytes() const {
  size_t held = (bytes ? bytes->size() : 0) + prepared.compressed.size();
  for (const Article& article : collected.articles) held += article.body.size();
  for (const BodyKeys& keys : collected.body_keys) held += sizeof(BodyKeys) + keys.hash.size();
  return held;
}

void ImportExtractor::EnsureLanes(size_t count) {
  while (lanes_.size() < count) lanes_.push_back(std::make_unique<Lane>());
  if (options_.isolate_command.empty() && options_.time_limit.count() > 0) {
    for (auto& lane : lanes_) {
      for (auto* runner : {&lane->thread_runner, &lane->container_thread_runner}) {
        if (!*runner) *runner = std::make_unique<import_job::ThreadRunner>(plugins_);
      }
    }
  }
}

int ImportExtractor::abandoned_threads() const {
  int abandoned = 0;
  for (const auto& lane : lanes_) {
    if (lane->thread_runner) abandoned += lane->thread_runner->abandoned();
    if (lane->container_thread_runner) abandoned += lane->container_thread_runner->abandoned();
  }
  return abandoned;
}

// A Ctrl-C at a terminal (or a SIGTERM to the process group) reaches the import workers
// too. A worker that died of such a signal has not crashed: give this process a moment
// to see the same signal, so that the storing thread stops before it would count the
// input as failed. Any thread.
void ImportExtractor::AwaitStopAfter(int worker_signal) const {
  if (!options_.stop_requested ||
      (worker_signal != SIGINT && worker_signal != SIGTERM && worker_signal != SIGHUP)) {
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!options_.stop_requested() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

import_job::Collected ImportExtractor::Collect(import_job::JobInput job, Lane& lane) {
  import_job::Collected collected = RunOnLane(std::move(job), lane);
  if (options_.dry_run || !collected.status.ok()) return collected;
  collected.body_keys.reserve(collected.articles.size());
  for (Article& article : collected.articles) {
    // What a worker process sent is normalised here as it will be when stored, so that
    // the keys are those of the body stored; one it cannot be gets no keys (storing it
    // fails with the reason).
    if (!options_.isolate_command.empty() && !NormalizeAndValidate(article).ok()) {
      collected.body_keys.clear();
      return collected;
    }
    collected.body_keys.push_back(KeysOfBody(article.body));
  }
  return collected;
}

import_job::Collected ImportExtractor::RunOnLane(import_job::JobInput job, Lane& lane) {
  const bool container = job.container_op != import_job::ContainerOp::kNone;
  if (!options_.isolate_command.empty()) {
    std::unique_ptr<import_job::ProcessRunner>& runner =
        container ? lane.container_process_runner : lane.process_runner;
    if (!runner) {
      runner = std::make_unique<import_job::ProcessRunner>(plugins_, options_.isolate_command);
    }
    import_job::Collected collected =
        runner->Run(job, options_.time_limit, options_.stop_requested);
    if (collected.worker_signal != 0) AwaitStopAfter(collected.worker_signal);
    return collected;
  }
  if (options_.time_limit.count() <= 0) {
    return container ? import_job::RunContainerJob(plugins_, job, lane.container)
                     : import_job::RunJob(plugins_, job, nullptr);
  }
  // Each stuck thread keeps a core busy: past a few, stop feeding the plugins more.
  constexpr int kMaxAbandonedThreads = 8;
  if (abandoned_threads() >= kMaxAbandonedThreads) {
    import_job::Collected refused;
    refused.status = Status::PluginFailed(
        std::to_string(abandoned_threads()) +
        " importer calls are still running past --time-limit, so no more are started; "
        "use --isolate, which stops them");
    return refused;
  }
  std::unique_ptr<import_job::ThreadRunner>& runner =
      container ? lane.container_thread_runner : lane.thread_runner;
  if (!runner) runner = std::make_unique<import_job::ThreadRunner>(plugins_);
  return runner->Run(std::move(job), options_.time_limit, options_.stop_requested);
}

Extracted ImportExtractor::Extract(std::string name, std::filesystem::path path,
                                   std::shared_ptr<const std::string> bytes, Lane& lane) {
  Extracted out;
  out.name = std::move(name);
  out.path = std::move(path);
  out.bytes = std::move(bytes);
  if (options_.max_input_bytes != 0 && out.bytes->size() > options_.max_input_bytes) {
    out.refused = TooLarge(out.bytes->size(), options_.max_input_bytes);
    return out;
  }
  import_job::JobInput job{options_.format, out.name, out.path, out.bytes};
  job.parameters = options_.parameters;
  out.collected = Collect(std::move(job), lane);
  // A container is not imported whole: the caller opens it (ExtractContainer).
  if (out.collected.status.ok() && !out.collected.reads_container) {
    Result<PreparedDocument> prepared = PrepareDocument(*out.bytes);
    if (prepared.ok()) {
      out.prepared = std::move(prepared).value();
    } else {
      out.collected.status = prepared.status();
    }
  }
  return out;
}

Extracted ImportExtractor::ReadAndExtract(const std::filesystem::path& file, Lane& lane) {
  try {
    Result<std::string> bytes = ReadWholeFile(file, options_.max_input_bytes);
    if (bytes.ok()) {
      return Extract(file.string(), file,
                     std::make_shared<const std::string>(std::move(bytes).value()), lane);
    }
    return Extracted::Whole(file, bytes.status());
  } catch (const std::exception&) {  // std::bad_alloc, std::length_error
    return Extracted::Whole(file, Status::IOError("too large to read into memory"));
  }
}

void ImportExtractor::ExtractFile(const std::filesystem::path& file, Lane& lane,
                                  const Deliver& deliver) {
  bool split = false;  // kPart pieces were delivered: a kDocument piece must follow
  auto closing = [&file](Status refused) {
    Extracted end = Extracted::Whole(file, std::move(refused));
    end.kind = Extracted::Kind::kDocument;
    return end;
  };
  try {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    const uintmax_t size =
        !ec && std::filesystem::is_regular_file(status) ? std::filesystem::file_size(file, ec) : 0;
    // Read in parts, only a part is ever in memory: the size limit bounds a part (a
    // long line), not the file. An input that is not read in parts is refused by its
    // size, as always, before more than its first part is read.
    const uint64_t limit = options_.max_input_bytes;
    const uint64_t part_bytes =
        limit != 0 ? std::min(options_.part_bytes, limit) : options_.part_bytes;
    const bool large = !ec && part_bytes != 0 && size > part_bytes;
    const bool over_limit = limit != 0 && size > limit;
    if (!large) {
      Extracted whole = ReadAndExtract(file, lane);
      if (whole.IsContainer()) {
        ExtractContainer(whole.name, file, whole.bytes, whole.collected, lane, deliver);
      } else {
        deliver(std::move(whole));
      }
      return;
    }
    // Which importer, and does it read this input as a container or line by line? Asked
    // of the head only, under the same time limit and isolation as any plugin call.
    Result<std::string> head = ReadHead(file, kProbeBytes);
    if (!head.ok() || head->empty()) {  // read whole, which says why it cannot be
      deliver(ReadAndExtract(file, lane));
      return;
    }
    import_job::JobInput question{options_.format, file.string(), file,
                                  std::make_shared<const std::string>(std::move(head).value())};
    question.probe_only = true;
    question.parameters = options_.parameters;
    import_job::Collected answer = Collect(std::move(question), lane);
    if (answer.status.ok() && answer.reads_container) {  // streamed, whatever its size
      ExtractContainer(file.string(), file, nullptr, answer, lane, deliver);
      return;
    }
    if (!answer.status.ok() || !answer.reads_lines) {
      if (over_limit) {
        deliver(Extracted::Whole(file, TooLarge(size, limit)));
      } else if (!answer.status.ok()) {  // no importer, or probing overran
        Extracted failed = Extracted::Whole(file, Status::OK());
        failed.collected = std::move(answer);
        deliver(std::move(failed));
      } else {
        deliver(ReadAndExtract(file, lane));
      }
      return;
    }
    LinePartReader reader(
        file, part_bytes, limit,
        Status::InvalidArgument("has a line longer than the input size limit of " +
                                import_job::FormatBytes(limit) +
                                "; raise the limit with --max-input-size"));
    const Status opened = reader.Open();
    Result<std::shared_ptr<const std::string>> part =
        opened.ok() ? reader.Next() : Result<std::shared_ptr<const std::string>>(opened);
    if (!part.ok() || (*part)->empty()) {  // read whole, which says why it cannot be
      deliver(ReadAndExtract(file, lane));
      return;
    }
    for (bool first = true;; first = false) {
      import_job::JobInput job{answer.format, file.string(), file, *part};
      job.first_line = reader.first_line();
      job.parameters = options_.parameters;
      Extracted piece = Extracted::Whole(file, Status::OK());
      piece.kind = Extracted::Kind::kPart;
      piece.first_part = first;
      piece.collected = Collect(std::move(job), lane);
      piece.body_check.Add(**part, piece.collected.articles);
      if (piece.collected.status.ok() && piece.collected.plugin != answer.plugin) {
        piece.collected.status =
            Status::PluginFailed("a later part was read by importer '" + piece.collected.plugin +
                                 "', not '" + answer.plugin + "'; import the file with --format");
      }
      const bool failed = !piece.collected.status.ok();
      const bool wanted = deliver(std::move(piece));
      split = true;  // from here on, the input ends with a kDocument piece
      if (!wanted || failed) break;
      part = reader.Next();
      if (!part.ok()) {
        deliver(closing(part.status()));
        return;
      }
      if ((*part)->empty()) {
        Extracted end = closing(Status::OK());
        end.document = reader.document();
        deliver(std::move(end));
        return;
      }
    }
    deliver(closing(Status::IOError("the input was given up")));  // never shown
  } catch (const std::exception& e) {  // bad_alloc in our own code: this input only
    Status failed = Status::IOError(std::string("cannot import: ") + e.what());
    deliver(split ? closing(failed) : Extracted::Whole(file, failed));
  }
}

}  // namespace morgue
