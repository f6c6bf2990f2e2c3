#include "import_job.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <utility>

#include "morgue/import.h"
#include "validate.h"

extern char** environ;  // NOLINT: POSIX declares it nowhere in C++

namespace morgue::import_job {
namespace {

using Clock = std::chrono::steady_clock;
// How often a runner waiting for a plugin asks whether the run should stop.
constexpr std::chrono::milliseconds kStopPoll{100};

constexpr uint64_t kMiB = uint64_t{1} << 20;

size_t TextSize(const Article& a) {
  size_t size = a.title.size() + a.subtitle.size() + a.body.size() + a.summary.size() +
                a.language.size() + a.url.size() + a.canonical_url.size() + a.published.size() +
                a.updated.size() + a.source.size();
  for (const Author& author : a.authors) {
    size += author.name.size() + author.email.size() + author.role.size();
  }
  for (const std::string& tag : a.tags) size += tag.size();
  for (const auto& [tag, origin] : a.tag_origins) size += tag.size() + origin.size();
  for (const Media& m : a.media) size += m.url.size() + m.caption.size() + m.credit.size();
  for (const auto& [field, rule] : a.provenance) size += field.size() + rule.size();
  return size;
}

// What an article costs beyond its text, roughly, so many tiny articles count too.
constexpr uint64_t kArticleOverhead = 64;

// Keeps an input's articles in memory, validated as they come so that the importer can
// say where a bad one came from, and remembers the first refusal so that an importer
// which ignores it still fails the whole input.
class CollectingSink : public ArticleSink {
 public:
  explicit CollectingSink(uint64_t max_bytes) : max_bytes_(max_bytes) {}

  Status Add(Article article) override {
    if (!first_error_.ok()) return first_error_;
    Status valid = NormalizeAndValidate(article);
    if (valid.ok()) {
      bytes_ += TextSize(article) + kArticleOverhead;
      if (bytes_ > max_bytes_) {
        valid = Status::InvalidArgument("the importer produced more than " +
                                        FormatBytes(max_bytes_) + " of articles from this input");
      }
    }
    if (!valid.ok()) {
      first_error_ = valid;
      return valid;
    }
    articles_.push_back(std::move(article));
    return Status::OK();
  }

  const Status& first_error() const { return first_error_; }
  std::vector<Article> Take() { return std::move(articles_); }

 private:
  uint64_t max_bytes_;
  uint64_t bytes_ = 0;
  std::vector<Article> articles_;
  Status first_error_;
};

std::string SignalName(int signal) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
  if (const char* name = sigabbrev_np(signal); name != nullptr) return std::string("SIG") + name;
#endif
  return "signal " + std::to_string(signal);
}

}  // namespace

std::string FormatBytes(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  double value = static_cast<double>(bytes);
  int unit = -1;
  while (value >= 1024 && unit < 3) {
    value /= 1024;
    ++unit;
  }
  char text[32];
  // Whole numbers as they are ("64 MiB"); others with one decimal ("80.5 MiB").
  if (value == static_cast<double>(static_cast<uint64_t>(value))) {
    std::snprintf(text, sizeof text, "%.0f %s", value, kUnits[unit]);
  } else {
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
  }
  return text;
}

// What an importer may make of one input: far more than any real article set (a JSON
// Lines file gives about its own size, a page much less), and a bound on the memory an
// importer that loops, or an --isolate worker that lies, can make morgue spend.
uint64_t MaxOutputBytes(uint64_t input_bytes) {
  return 64 * kMiB + std::min<uint64_t>(input_bytes, uint64_t{1} << 40) * 4;
}

Collected RunJob(const PluginRegistry& plugins, const JobInput& input,
                 const std::function<void(const std::string&)>& on_chosen) {
  Collected out;
  try {
    const std::string_view bytes =
        input.bytes ? std::string_view(*input.bytes) : std::string_view();
    std::string format = input.format;
    Result<ImporterHandle> importer =
        format.empty() ? plugins.ChooseImporter({input.path, bytes.substr(0, kProbeBytes)}, &format)
                       : plugins.ImporterFor(format);
    if (!importer.ok()) {
      out.status = importer.status();
      return out;
    }
    out.plugin = importer->info().name;
    const auto& formats = importer->info().formats;
    if (std::find(formats.begin(), formats.end(), format) == formats.end() && !formats.empty()) {
      format = formats.front();  // the format named the plugin rather than one of its formats
    }
    out.format = format;
    if (input.probe_only) {
      out.reads_lines =
          importer->ReadsLineByLine({input.path, bytes.substr(0, kProbeBytes)}, format);
      return out;
    }
    if (on_chosen) on_chosen(out.plugin);
    CollectingSink sink(MaxOutputBytes(bytes.size()));
    Status imported =
        importer->Import({input.name, input.path, bytes, format, input.first_line}, sink);
    if (imported.ok()) imported = sink.first_error();
    out.status = imported;
    if (imported.ok()) out.articles = sink.Take();
  } catch (const std::exception& e) {  // std::bad_alloc, in our code rather than the plugin's
    out.articles.clear();
    out.status = Status::PluginFailed("cannot import: " + std::string(e.what()));
  }
  return out;
}

std::string FormatSeconds(std::chrono::milliseconds duration) {
  const auto ms = duration.count();
  std::string text = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    char fraction[8];
    std::snprintf(fraction, sizeof fraction, ".%03lld", static_cast<long long>(ms % 1000));
    text += fraction;
    while (text.back() == '0') text.pop_back();
  }
  return text + " s";
}

Status TimeLimitExceeded(const std::string& plugin, std::chrono::milliseconds limit) {
  const std::string who = plugin.empty() ? "probing the importers" : "importer '" + plugin + "'";
  return Status::PluginFailed(who + " took longer than " + FormatSeconds(limit) +
                              " (--time-limit); nothing of this input was stored");
}

// ---------------------------------------------------------------------------------------
// ThreadRunner

struct ThreadRunner::State {
  const PluginRegistry* plugins = nullptr;
  std::mutex mutex;
  std::condition_variable wake;  // the worker waits for a job or for quit
  std::condition_variable done;  // the owner waits for the result
  std::optional<JobInput> job;
  std::optional<Collected> result;
  std::string chosen;  // the plugin working on the current job
  bool quit = false;   // set when the owner stops or abandons this worker
};

namespace {

// The worker's own reference keeps its State alive for as long as the thread lives, even
// after the owner abandoned it.
void WorkerMain(const std::shared_ptr<ThreadRunner::State>& state) {
  while (true) {
    JobInput job;
    {
      std::unique_lock lock(state->mutex);
      state->wake.wait(lock, [&] { return state->quit || state->job.has_value(); });
      if (state->quit) return;
      job = std::move(*state->job);
      state->job.reset();
    }
    Collected collected = RunJob(*state->plugins, job, [&state](const std::string& plugin) {
      std::lock_guard lock(state->mutex);
      state->chosen = plugin;
    });
    {
      std::lock_guard lock(state->mutex);
      if (state->quit) return;  // abandoned meanwhile: nobody wants the result
      state->result = std::move(collected);
    }
    state->done.notify_one();
  }
}

// Plugin code may recurse deeply (parsers): give it more than a main thread's usual 8 MiB.
// Only what is touched is ever backed by memory.
constexpr size_t kWorkerStackSize = 64 * kMiB;

void* RunBody(void* arg) {
  std::unique_ptr<std::function<void()>> body(static_cast<std::function<void()>*>(arg));
  (*body)();
  return nullptr;
}

}  // namespace

Status StartPluginThread(std::function<void()> body, pthread_t* thread) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, kWorkerStackSize);
  auto* handed = new std::function<void()>(std::move(body));
  const int error = pthread_create(thread, &attributes, RunBody, handed);
  pthread_attr_destroy(&attributes);
  if (error != 0) {
    delete handed;
    return Status::IOError(std::string("cannot start a thread for the importer: ") +
                           std::strerror(error));
  }
  return Status::OK();
}

ThreadRunner::ThreadRunner(const PluginRegistry& plugins) : plugins_(plugins) {}

ThreadRunner::~ThreadRunner() {
  if (state_ == nullptr) return;
  {
    std::lock_guard lock(state_->mutex);
    state_->quit = true;
  }
  state_->wake.notify_one();
  pthread_join(thread_, nullptr);
}

Status ThreadRunner::StartWorker() {
  auto state = std::make_shared<State>();
  state->plugins = &plugins_;
  MORGUE_RETURN_IF_ERROR(StartPluginThread([state] { WorkerMain(state); }, &thread_));
  state_ = std::move(state);
  return Status::OK();
}

Status Interrupted() {
  return Status::IOError("the import was interrupted while this input was read");
}

Collected ThreadRunner::Run(JobInput input, std::chrono::milliseconds limit,
                            const std::function<bool()>& stop) {
  if (state_ == nullptr) {
    if (Status started = StartWorker(); !started.ok()) {
      Collected failed;
      failed.status = started;
      return failed;
    }
  }
  State& state = *state_;
  std::unique_lock lock(state.mutex);
  state.job = std::move(input);
  state.chosen.clear();
  state.result.reset();
  state.wake.notify_one();
  const auto deadline = Clock::now() + limit;
  bool stopped = false;
  while (!state.done.wait_until(lock, std::min(deadline, Clock::now() + kStopPoll),
                                [&] { return state.result.has_value(); })) {
    if (Clock::now() >= deadline) break;
    if (stop && stop()) {
      stopped = true;
      break;
    }
  }
  if (state.result.has_value()) {
    Collected collected = std::move(*state.result);
    state.result.reset();
    return collected;
  }
  // The plugin call cannot be cancelled: leave the thread to it, holding only what the
  // job owns, and never join it (the process ends without waiting, see import.h).
  state.quit = true;
  Collected failed;
  failed.plugin = state.chosen;
  lock.unlock();
  pthread_detach(thread_);
  state_.reset();
  ++abandoned_;
  failed.status = stopped ? Interrupted() : TimeLimitExceeded(failed.plugin, limit);
  return failed;
}

// ---------------------------------------------------------------------------------------
// The wire format

namespace wire {
namespace {

constexpr char kHello = 'H';
constexpr char kInput = 'I';
constexpr char kChosen = 'C';
constexpr char kReply = 'R';

class Writer {
 public:
  explicit Writer(char type) { out_.push_back(type); }
  void U64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view payload, char type) : rest_(payload) {
    if (rest_.empty() || rest_.front() != type) {
      ok_ = false;
    } else {
      rest_.remove_prefix(1);
    }
  }
  uint64_t U64() {
    if (rest_.size() < 8) return Fail();
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t{static_cast<unsigned char>(rest_[i])} << (8 * i);
    rest_.remove_prefix(8);
    return v;
  }
  std::string Str() {
    const uint64_t size = U64();
    if (!ok_ || size > rest_.size()) {
      Fail();
      return {};
    }
    std::string s(rest_.substr(0, size));
    rest_.remove_prefix(size);
    return s;
  }
  // A count of items that take at least `min_item` bytes each: never more than there can
  // be, so a forged count cannot make the reader allocate.
  uint64_t Count(uint64_t min_item) {
    const uint64_t n = U64();
    if (!ok_ || n > rest_.size() / min_item) return Fail();
    return n;
  }
  Status Finish(std::string_view what) const {
    if (ok_ && rest_.empty()) return Status::OK();
    return Status::Corruption(std::string(what) +
                              (ok_ ? " has bytes after its end" : " is cut short or malformed"));
  }
  bool ok() const { return ok_; }

 private:
  uint64_t Fail() {
    ok_ = false;
    rest_ = {};
    return 0;
  }
  std::string_view rest_;
  bool ok_ = true;
};

void PutArticle(Writer& w, const Article& a) {
  for (const std::string* s : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                               &a.canonical_url, &a.published, &a.updated, &a.source}) {
    w.Str(*s);
  }
  w.U64(a.authors.size());
  for (const Author& author : a.authors) {
    w.Str(author.name);
    w.Str(author.email);
    w.Str(author.role);
  }
  w.U64(a.tags.size());
  for (const std::string& tag : a.tags) w.Str(tag);
  w.U64(a.media.size());
  for (const Media& m : a.media) {
    w.Str(m.url);
    w.Str(m.caption);
    w.Str(m.credit);
  }
  w.U64(a.provenance.size());
  for (const auto& [field, rule] : a.provenance) {
    w.Str(field);
    w.Str(rule);
  }
  w.U64(a.tag_origins.size());
  for (const auto& [tag, origin] : a.tag_origins) {
    w.Str(tag);
    w.Str(origin);
  }
}

Article GetArticle(Reader& r) {
  Article a;
  for (std::string* s : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                         &a.canonical_url, &a.published, &a.updated, &a.source}) {
    *s = r.Str();
  }
  for (uint64_t i = 0, n = r.Count(24); i < n && r.ok(); ++i) {
    Author author;
    author.name = r.Str();
    author.email = r.Str();
    author.role = r.Str();
    a.authors.push_back(std::move(author));
  }
  for (uint64_t i = 0, n = r.Count(8); i < n && r.ok(); ++i) a.tags.push_back(r.Str());
  for (uint64_t i = 0, n = r.Count(24); i < n && r.ok(); ++i) {
    Media m;
    m.url = r.Str();
    m.caption = r.Str();
    m.credit = r.Str();
    a.media.push_back(std::move(m));
  }
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string field = r.Str();
    a.provenance[field] = r.Str();
  }
  for (uint64_t i = 0, n = r.Count(16); i < n && r.ok(); ++i) {
    std::string tag = r.Str();
    a.tag_origins[tag] = r.Str();
  }
  return a;
}

}  // namespace

std::string Frame(std::string_view payload) {
  std::string frame;
  frame.reserve(8 + payload.size());
  for (int i = 0; i < 8; ++i) {
    frame.push_back(static_cast<char>((uint64_t{payload.size()} >> (8 * i)) & 0xff));
  }
  frame.append(payload);
  return frame;
}

std::string EncodeInput(const JobInput& input) {
  Writer w(kInput);
  w.Str(input.format);
  w.Str(input.name);
  w.Str(input.path.string());
  w.Str(input.bytes ? std::string_view(*input.bytes) : std::string_view());
  w.U64(input.first_line);
  w.U64(input.probe_only ? 1 : 0);
  return w.Take();
}

Result<JobInput> DecodeInput(std::string_view payload) {
  Reader r(payload, kInput);
  JobInput input;
  input.format = r.Str();
  input.name = r.Str();
  input.path = r.Str();
  input.bytes = std::make_shared<const std::string>(r.Str());
  input.first_line = r.U64();
  input.probe_only = r.U64() != 0;
  MORGUE_RETURN_IF_ERROR(r.Finish("the input message"));
  return input;
}

std::string EncodeChosen(const std::string& plugin) {
  Writer w(kChosen);
  w.Str(plugin);
  return w.Take();
}

Result<std::string> DecodeChosen(std::string_view payload) {
  Reader r(payload, kChosen);
  std::string plugin = r.Str();
  MORGUE_RETURN_IF_ERROR(r.Finish("the message naming the importer"));
  return plugin;
}

std::string EncodeReply(const Collected& collected) {
  Writer w(kReply);
  w.U64(static_cast<uint64_t>(collected.status.code()));
  w.Str(collected.status.message());
  w.Str(collected.plugin);
  w.Str(collected.format);
  w.U64(collected.reads_lines ? 1 : 0);
  w.U64(collected.articles.size());
  for (const Article& article : collected.articles) PutArticle(w, article);
  return w.Take();
}

Result<Collected> DecodeReply(std::string_view payload) {
  Reader r(payload, kReply);
  const uint64_t code = r.U64();
  std::string message = r.Str();
  Collected collected;
  collected.plugin = r.Str();
  collected.format = r.Str();
  collected.reads_lines = r.U64() != 0;
  // An article takes at least 10 empty strings and 4 empty lists: 112 bytes.
  for (uint64_t i = 0, n = r.Count(112); i < n && r.ok(); ++i) {
    collected.articles.push_back(GetArticle(r));
  }
  MORGUE_RETURN_IF_ERROR(r.Finish("the reply"));
  if (code > static_cast<uint64_t>(StatusCode::kBusy)) {
    return Status::Corruption("the reply has an unknown status code " + std::to_string(code));
  }
  if (code != 0) {
    collected.status = Status(static_cast<StatusCode>(code), std::move(message));
    collected.articles.clear();
  }
  return collected;
}

}  // namespace wire

// ---------------------------------------------------------------------------------------
// ProcessRunner

namespace {

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
    if (in.size() >= 8) {
      uint64_t size = 0;
      for (int i = 0; i < 8; ++i) size |= uint64_t{static_cast<unsigned char>(in[i])} << (8 * i);
      if (size == 0 || size > max_frame) {
        return {Outcome::kGarbage, "a message of " + std::to_string(size) + " bytes"};
      }
      if (in.size() - 8 < size) {
        in_.reserve(in_pos_ + 8 + size);  // grow once, not by doubling past the frame
      } else {
        Event event{Outcome::kFrame, std::string(in.substr(8, size))};
        in_pos_ += 8 + size;
        if (in_pos_ == in_.size()) {
          in_.clear();
          in_pos_ = 0;
        }
        return event;
      }
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
  while (true) {
    char header[8];
    bool eof = false;
    if (!ReadAll(fd, header, sizeof header, &eof)) return eof ? 0 : 1;
    uint64_t size = 0;
    for (int i = 0; i < 8; ++i) size |= uint64_t{static_cast<unsigned char>(header[i])} << (8 * i);
    if (size == 0 || size > (uint64_t{1} << 40)) return 2;
    std::string payload(size, '\0');
    if (!ReadAll(fd, payload.data(), payload.size(), &eof)) return 1;
    Result<JobInput> input = wire::DecodeInput(payload);
    if (!input.ok()) return 2;
    payload = std::string();
    bool sent = true;
    Collected collected = RunJob(plugins, *input, [&](const std::string& plugin) {
      sent = SendAll(fd, wire::Frame(wire::EncodeChosen(plugin))) && sent;
    });
    if (!sent || !SendAll(fd, wire::Frame(wire::EncodeReply(collected)))) return 1;
  }
}

}  // namespace morgue
