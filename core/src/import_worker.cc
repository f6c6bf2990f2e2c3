// The import worker process: ProcessRunner, which starts a child, hands it inputs over the
// wire format (import_wire.h) and supervises it (time limits, crashes, garbage, restarts),
// and RunImportWorker, the child's side.

#include "import_worker.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <optional>
#include <utility>

#include "import_wire.h"
#include "morgue/import.h"

extern char** environ;  // NOLINT: POSIX declares it nowhere in C++

namespace morgue::import_job {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kMiB = uint64_t{1} << 20;

std::string SignalName(int signal) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
  if (const char* name = sigabbrev_np(signal); name != nullptr) return std::string("SIG") + name;
#endif
  return "signal " + std::to_string(signal);
}

constexpr int kWorkerFd = 3;  // the child's end of the channel
// The child has this long to load its plugins and say hello, at the least.
constexpr std::chrono::milliseconds kStartTime{30000};

// Sends all of `bytes` on a blocking descriptor (the worker's side); false on failure.
bool SendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

bool ReadAll(int fd, char* data, size_t size, bool* eof) {
  size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *eof = n == 0 && done == 0;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string CrashMessage(const std::string& plugin, int wait_status) {
  std::string how = "ended";
  if (wait_status != -1 && WIFSIGNALED(wait_status)) {
    how = "crashed (" + SignalName(WTERMSIG(wait_status)) + ")";
  } else if (wait_status != -1 && WIFEXITED(wait_status)) {
    how = "crashed (exit status " + std::to_string(WEXITSTATUS(wait_status)) + ")";
  }
  if (plugin.empty()) {
    return "the import worker " + how + " while probing this input; nothing of it was stored";
  }
  return "importer '" + plugin + "' " + how + " while reading this input; nothing of it was stored";
}

}  // namespace

ProcessRunner::ProcessRunner(const PluginRegistry& plugins, std::vector<std::string> command)
    : plugins_(plugins), command_(std::move(command)) {}

ProcessRunner::~ProcessRunner() { Stop(/*kill=*/true); }

int ProcessRunner::Stop(bool kill) {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  in_.clear();
  in_pos_ = 0;
  if (pid_ <= 0) return -1;
  if (kill) ::kill(pid_, SIGKILL);
  int status = -1;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return status;
}

Status ProcessRunner::Start(std::chrono::milliseconds limit) {
  const auto cannot = [this](const std::string& why) {
    Stop(/*kill=*/true);
    return Status::PluginFailed("cannot start the import worker '" + command_.front() +
                                "': " + why);
  };
  if (command_.empty()) return Status::InvalidArgument("no command to start an import worker");
  int ends[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    return cannot(std::strerror(errno));
  }
  // Above the standard descriptors, so the file actions below cannot close it by mistake.
  const int child_end = ::fcntl(ends[1], F_DUPFD_CLOEXEC, 10);
  ::close(ends[1]);
  fd_ = ends[0];
  if (child_end < 0) return cannot(std::strerror(errno));

  std::vector<std::string> args = command_;
  for (const auto& info : plugins_.plugins()) args.push_back(info->path.string());
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // Whatever a plugin prints goes to standard error, never into the parent's output.
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, child_end, kWorkerFd);
  pid_t pid = -1;
  const int error = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(child_end);
  if (error != 0) return cannot(std::strerror(error));
  pid_ = pid;

  const std::chrono::milliseconds wait = std::max(limit, kStartTime);
  std::string_view nothing;
  Event hello = Next(nothing, wait, 1024);
  if (hello.outcome == Outcome::kFrame && hello.payload == std::string(1, wire::kHello)) {
    return Status::OK();
  }
  if (hello.outcome == Outcome::kTimeout) {
    return cannot("it did not start within " + FormatSeconds(wait));
  }
  if (hello.outcome == Outcome::kClosed) {
    const int status = Stop(/*kill=*/true);
    if (status != -1 && WIFEXITED(status)) {
      return cannot("it exited with status " + std::to_string(WEXITSTATUS(status)));
    }
    if (status != -1 && WIFSIGNALED(status)) {
      return cannot("it was killed by " + SignalName(WTERMSIG(status)));
    }
    return cannot("it ended");
  }
  return cannot("it did not answer as an import worker");
}

ProcessRunner::Event ProcessRunner::Next(std::string_view& out, std::chrono::milliseconds limit,
                                         uint64_t max_frame) {
  const auto deadline = Clock::now() + limit;
  while (true) {
    // A whole frame already read?
    const std::string_view in = std::string_view(in_).substr(in_pos_);
    Result<std::optional<std::string_view>> frame = wire::NextFrame(in, max_frame);
    if (!frame.ok()) return {Outcome::kGarbage, frame.status().message()};
    if (frame->has_value()) {
      Event event{Outcome::kFrame, std::string(**frame)};
      in_pos_ += wire::kFrameHeader + (*frame)->size();
      if (in_pos_ == in_.size()) {
        in_.clear();
        in_pos_ = 0;
      }
      return event;
    }
    if (in.size() >= wire::kFrameHeader) {  // grow once, not by doubling past the frame
      in_.reserve(in_pos_ + wire::kFrameHeader + wire::FrameLength(in));
    }

    int timeout = -1;
    if (limit.count() > 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return {Outcome::kTimeout, {}};
      timeout = static_cast<int>(std::min<long long>(left + 1, 1 << 30));
    }
    pollfd watched{fd_, static_cast<short>(POLLIN | (out.empty() ? 0 : POLLOUT)), 0};
    const int ready = ::poll(&watched, 1, timeout);
    if (ready < 0) {
      if (errno == EINTR) continue;
      return {Outcome::kClosed, {}};
    }
    if (ready == 0) continue;  // the deadline is checked above
    if ((watched.revents & POLLOUT) != 0 && !out.empty()) {
      const ssize_t n = ::send(fd_, out.data(), std::min<size_t>(out.size(), 1 << 20),
                               MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        out.remove_prefix(static_cast<size_t>(n));
      } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return {Outcome::kClosed, {}};
      }
    }
    if ((watched.revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      char buffer[1 << 16];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n > 0) {
        in_.append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
        return {Outcome::kClosed, {}};
      }
    }
  }
}

Collected ProcessRunner::Run(const JobInput& input, std::chrono::milliseconds limit,
                             const std::function<bool()>& stop) {
  Collected out;
  // The child dies with the thread that started it (PR_SET_PDEATHSIG follows the thread,
  // not the process): one started by a pool thread that has since ended is gone, so a
  // call from another thread starts a child of its own.
  if (pid_ > 0 && starter_ != std::this_thread::get_id()) Stop(/*kill=*/true);
  if (pid_ <= 0) {
    starter_ = std::this_thread::get_id();
    if (Status started = Start(limit); !started.ok()) {
      out.status = started;
      return out;
    }
  }
  if (input.container_op != ContainerOp::kNone) out.plugin = input.plugin;  // no kChosen then
  const std::string request = wire::Frame(wire::EncodeInput(input));
  std::string_view pending = request;
  const uint64_t input_size = input.bytes ? input.bytes->size() : 0;
  // Room for the articles, their encoding (length prefixes) and the messages.
  const uint64_t max_frame = MaxOutputBytes(input_size) * 3 / 2 + 16 * kMiB;
  const auto garbled = [&](const std::string& why) {
    Stop(/*kill=*/true);
    Collected failed;
    failed.plugin = out.plugin;
    failed.status = Status::PluginFailed(
        "the import worker" + (out.plugin.empty() ? "" : " running importer '" + out.plugin + "'") +
        " sent a malformed reply (" + why + "); nothing of this input was stored");
    return failed;
  };
  const auto deadline = Clock::now() + limit;
  while (true) {
    std::chrono::milliseconds left(0);
    if (limit.count() > 0) {
      left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) left = std::chrono::milliseconds(1);
    }
    // With `stop`, wait in short slices and ask between them.
    const bool sliced = stop && (left.count() == 0 || left > kStopPoll);
    Event event = Next(pending, sliced ? kStopPoll : left, max_frame);
    if (sliced && event.outcome == Outcome::kTimeout) {
      if (stop()) {
        Stop(/*kill=*/true);
        out.status = Interrupted();
        return out;
      }
      continue;
    }
    switch (event.outcome) {
      case Outcome::kTimeout:
        Stop(/*kill=*/true);
        out.status = TimeLimitExceeded(out.plugin, limit);
        return out;
      case Outcome::kClosed: {
        const int status = Stop(/*kill=*/true);
        if (status != -1 && WIFSIGNALED(status)) out.worker_signal = WTERMSIG(status);
        out.status = Status::PluginFailed(CrashMessage(out.plugin, status));
        return out;
      }
      case Outcome::kGarbage:
        return garbled(event.payload);
      case Outcome::kFrame:
        break;
    }
    const char type = event.payload.front();
    if (type == wire::kChosen && out.plugin.empty()) {
      Result<std::string> chosen = wire::DecodeChosen(event.payload);
      if (!chosen.ok()) return garbled(chosen.status().message());
      out.plugin = *chosen;
      continue;
    }
    if (type != wire::kReply) {
      return garbled("an unexpected message of type " + std::to_string(type));
    }
    if (!pending.empty() || in_pos_ != in_.size()) {
      return garbled("a reply out of turn");
    }
    Result<Collected> reply = wire::DecodeReply(event.payload);
    if (!reply.ok()) return garbled(reply.status().message());
    if (!out.plugin.empty() && reply->plugin != out.plugin) {
      return garbled("it names importer '" + reply->plugin + "'");
    }
    return std::move(reply).value();
  }
}

}  // namespace morgue::import_job

namespace morgue {

int RunImportWorker(int fd, const std::vector<std::filesystem::path>& plugin_files) {
  using namespace import_job;  // NOLINT: the wire format is this function's vocabulary
#ifdef __linux__
  // A parent killed without closing the channel must not leave this child behind.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
  // The parent loaded exactly these files, after checking who may write them or being
  // told to trust them (--allow-unsafe-plugins): the child loads what the parent loaded,
  // and all of it, or the two could choose different importers for the same input.
  PluginRegistryOptions options;
  options.allow_unsafe_permissions = true;
  PluginRegistry plugins(options);
  for (const std::filesystem::path& file : plugin_files) {
    if (Status loaded = plugins.LoadFile(file); !loaded.ok()) {
      std::fprintf(stderr, "morgue import worker: %s\n", loaded.ToString().c_str());
      return 3;
    }
  }
  if (!SendAll(fd, wire::Frame(std::string(1, wire::kHello)))) return 1;
  ContainerSession container;  // the container the parent is reading through this child
  while (true) {
    char header[wire::kFrameHeader];
    bool eof = false;
    if (!ReadAll(fd, header, sizeof header, &eof)) return eof ? 0 : 1;
    const uint64_t size = wire::FrameLength(std::string_view(header, sizeof header));
    if (!wire::FrameLengthFits(size, uint64_t{1} << 40)) return 2;  // no input is 1 TiB
    std::string payload(size, '\0');
    if (!ReadAll(fd, payload.data(), payload.size(), &eof)) return 1;
    Result<JobInput> input = wire::DecodeInput(payload);
    if (!input.ok()) return 2;
    payload = std::string();
    bool sent = true;
    Collected collected;
    if (input->container_op != ContainerOp::kNone) {
      collected = RunContainerJob(plugins, *input, container);
    } else {
      collected = RunJob(plugins, *input, [&](const std::string& plugin) {
        sent = SendAll(fd, wire::Frame(wire::EncodeChosen(plugin))) && sent;
      });
    }
    if (!sent || !SendAll(fd, wire::Frame(wire::EncodeReply(collected)))) return 1;
  }
}

}  // namespace morgue
