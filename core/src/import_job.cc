// One input handed to the importers (RunJob), on the calling thread or on a worker thread
// watched by a time limit (ThreadRunner); the child-process way is in import_worker.cc.

#include "import_job.h"

#include <pthread.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <optional>
#include <utility>

#include "byte_sources.h"
#include "document_hints.h"
#include "morgue/import.h"
#include "validate.h"

namespace morgue::import_job {
namespace {

using Clock = std::chrono::steady_clock;

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
  // `hints`, when given, fill what each article lacks (see document_hints.h).
  CollectingSink(uint64_t max_bytes, const Article* hints, std::string hints_origin)
      : max_bytes_(max_bytes), hints_(hints), hints_origin_(std::move(hints_origin)) {}

  Status Add(Article article) override {
    if (!first_error_.ok()) return first_error_;
    if (hints_ != nullptr) ApplyHints(*hints_, hints_origin_, article);
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
  const Article* hints_;
  std::string hints_origin_;
  uint64_t bytes_ = 0;
  std::vector<Article> articles_;
  Status first_error_;
};

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
    const ProbeInput probe{input.path, bytes.substr(0, kProbeBytes), input.extension};
    Result<ImporterHandle> importer =
        format.empty() ? plugins.ChooseImporter(probe, &format) : plugins.ImporterFor(format);
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
    // A document from a container is never read as one itself: containers do not nest.
    if (!input.hints) out.reads_container = importer->ReadsContainer(probe, format);
    if (out.reads_container) return out;
    if (input.probe_only) {
      out.reads_lines = importer->ReadsLineByLine(probe, format);
      return out;
    }
    if (on_chosen) on_chosen(out.plugin);
    CollectingSink sink(MaxOutputBytes(bytes.size()), input.hints ? &*input.hints : nullptr,
                        input.hints_origin);
    ImportInput import{input.name,       input.path,      bytes,           format,
                       input.first_line, input.extension, input.parameters};
    Status imported = importer->Import(import, sink);
    if (imported.ok()) imported = sink.first_error();
    out.status = imported;
    if (imported.ok()) out.articles = sink.Take();
  } catch (const std::exception& e) {  // std::bad_alloc, in our code rather than the plugin's
    out.articles.clear();
    out.status = Status::PluginFailed("cannot import: " + std::string(e.what()));
  }
  return out;
}

Collected RunContainerJob(const PluginRegistry& plugins, const JobInput& input,
                          ContainerSession& session) {
  Collected out;
  out.plugin = input.plugin;
  out.format = input.format;
  try {
    if (input.container_op == ContainerOp::kOpen) {
      session.Close();
      if (input.bytes) {
        session.source = std::make_unique<MemoryByteSource>(input.bytes);
      } else {
        auto file = std::make_unique<FileByteSource>();
        if (Status opened = file->Open(input.path); !opened.ok()) {
          out.status = opened;
          return out;
        }
        session.source = std::move(file);
      }
      Result<ImporterHandle> importer = plugins.ImporterFor(input.plugin);
      if (!importer.ok()) {
        out.status = importer.status();
        return out;
      }
      out.plugin = importer->info().name;
      ImportInput open;
      open.name = input.name;
      open.path = input.path;
      open.format = input.format;
      const auto& formats = importer->info().formats;
      if (std::find(formats.begin(), formats.end(), open.format) == formats.end() &&
          !formats.empty()) {
        open.format = formats.front();  // the job named the plugin rather than a format
      }
      open.parameters = input.parameters;
      Result<ContainerHandle> container = importer->OpenContainer(open, *session.source);
      if (!container.ok()) {
        out.status = container.status();
        session.Close();
        return out;
      }
      session.container.emplace(std::move(container).value());
      return out;
    }
    if (!session.container) {
      out.status = Status::PluginFailed("no container is open");
      return out;
    }
    ContainerItem item;
    Result<bool> next = session.container->Next(item);
    if (!next.ok() || !*next) {
      out.status = next.status();
      session.Close();  // the end: close the file, free the reader
      return out;
    }
    out.item = std::move(item);
  } catch (const std::exception& e) {  // std::bad_alloc, in our code rather than the plugin's
    out.item.reset();
    out.status = Status::PluginFailed("cannot read the container: " + std::string(e.what()));
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
  ContainerSession container;  // the worker thread's open container, if any
  std::string chosen;          // the plugin working on the current job
  bool quit = false;           // set when the owner stops or abandons this worker
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
    if (job.container_op != ContainerOp::kNone) {
      std::lock_guard lock(state->mutex);
      state->chosen = job.plugin;  // the container's importer, named by the job
    }
    // Only this thread touches the container session, so it is read without the lock.
    Collected collected = job.container_op != ContainerOp::kNone
                              ? RunContainerJob(*state->plugins, job, state->container)
                              : RunJob(*state->plugins, job, [&state](const std::string& plugin) {
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

}  // namespace morgue::import_job
