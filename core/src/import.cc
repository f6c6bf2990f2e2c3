#include "morgue/import.h"

#include <pthread.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "archive_impl.h"
#include "codec.h"
#include "import_job.h"
#include "morgue/datetime.h"

#ifndef MORGUE_VERSION_STRING
#define MORGUE_VERSION_STRING "unknown"
#endif

namespace morgue {
namespace {

// The refusal of an input above the size limit; `size` is 0 when it is not known.
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

// A media type for the documents table, from the file name.
std::string MediaTypeFor(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes = {{".json", "application/json"},
                                                            {".jsonl", "application/x-ndjson"},
                                                            {".ndjson", "application/x-ndjson"},
                                                            {".html", "text/html"},
                                                            {".htm", "text/html"},
                                                            {".xhtml", "application/xhtml+xml"},
                                                            {".txt", "text/plain"},
                                                            {".text", "text/plain"},
                                                            {".csv", "text/csv"},
                                                            {".tsv", "text/tab-separated-values"},
                                                            {".xml", "application/xml"}};
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// Why a symbolic link cannot be imported: it points nowhere, or round in a loop.
Status BrokenLink(const std::filesystem::path& link) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(link, ec);
  if (!exists && ec == std::errc::too_many_symbolic_link_levels) {
    return Status::NotFound("a symbolic link that loops back on itself");
  }
  return Status::NotFound("a symbolic link to nothing");
}

}  // namespace

struct ImportRun::Impl {
  Archive::Impl& archive;
  const PluginRegistry& plugins;
  ImportOptions options;
  ImportTotals totals;  // imported and duplicates count only what was committed
  bool in_batch = false;
  int inputs_in_batch = 0;
  std::chrono::steady_clock::time_point batch_started;
  // What the open batch holds; moved into `totals` when it commits.
  int64_t batch_inputs_ok = 0;
  int64_t batch_imported = 0;
  int64_t batch_duplicates = 0;
  bool finished = false;
  bool run_recorded = false;  // the `imports` row of this run is committed
  Status batch_error;         // the archive failed: everything after it is refused
  // Where the plugins run (see import.h), one lane per job; lane 0 also serves the
  // one-input calls. Runners are made on first use.
  struct Lane {
    std::unique_ptr<import_job::ThreadRunner> thread_runner;
    std::unique_ptr<import_job::ProcessRunner> process_runner;
  };
  std::vector<std::unique_ptr<Lane>> lanes;

  Impl(Archive::Impl& a, const PluginRegistry& p, ImportOptions o)
      : archive(a), plugins(p), options(std::move(o)) {}

  sql::Database& db() { return *archive.db; }

  Status BeginBatch() {
    if (in_batch) return Status::OK();
    if (Status begun = db().BeginImmediate(); !begun.ok()) {
      batch_error = begun;  // read-only, busy past the timeout: no input can be stored
      return begun;
    }
    in_batch = true;
    if (totals.import_id == 0) {
      // The run is recorded with its first batch, so a run that stores nothing (the
      // archive is full or read-only) leaves the archive exactly as it was.
      if (Status recorded = RecordStart(); !recorded.ok()) {
        AbandonBatch(recorded);
        return recorded;
      }
    }
    inputs_in_batch = 0;
    batch_started = std::chrono::steady_clock::now();
    return Status::OK();
  }

  // Long transactions keep other writers waiting: commit after N inputs or a second.
  static constexpr std::chrono::seconds kBatchTime{1};
  bool BatchIsFull() const {
    return inputs_in_batch >= std::max(1, options.inputs_per_transaction) ||
           std::chrono::steady_clock::now() - batch_started > kBatchTime;
  }

  Status CommitBatch() {
    if (!in_batch) return Status::OK();
    db().ResetCached();
    Status committed = db().Exec("COMMIT");
    in_batch = false;
    if (!committed.ok()) {
      db().Exec("ROLLBACK").ok();
      if (!run_recorded) totals.import_id = 0;
      // Nothing of the batch is stored: its inputs count as failed, not imported.
      totals.failed += batch_inputs_ok;
      batch_inputs_ok = batch_imported = batch_duplicates = 0;
      batch_error = committed.WithContext("cannot commit imported articles to '" +
                                          archive.path.string() + "'");
      return batch_error;
    }
    totals.imported += batch_imported;
    totals.duplicates += batch_duplicates;
    batch_inputs_ok = batch_imported = batch_duplicates = 0;
    run_recorded = true;
    return Status::OK();
  }

  Status RecordStart() {
    Result<sql::Statement*> insert =
        db().Cached("INSERT INTO imports(started_at, command, morgue_version) VALUES (?1, ?2, ?3)");
    if (!insert.ok()) return insert.status();
    (*insert)->Bind(1, UtcNow()).BindTextOrNull(2, options.command);
    (*insert)->Bind(3, MORGUE_VERSION_STRING);
    MORGUE_RETURN_IF_ERROR((*insert)->Run());
    totals.import_id = db().LastInsertId();
    return Status::OK();
  }

  // The archive itself failed (disk full, I/O error, busy past the timeout): SQLite may
  // already have rolled the batch back, so all of it is given up and the run stops.
  void AbandonBatch(Status failure) {
    if (in_batch) db().Exec("ROLLBACK").ok();
    in_batch = false;
    if (!run_recorded) totals.import_id = 0;
    totals.failed += batch_inputs_ok;
    batch_inputs_ok = batch_imported = batch_duplicates = 0;
    batch_error = std::move(failure);
  }

  Result<int64_t> StoreDocument(const ImportInput& input, const LoadedPluginInfo& plugin) {
    std::string sha = Sha256Hex(input.bytes);
    Result<int64_t> stored = db().SelectId("SELECT id FROM documents WHERE sha256 = ?1", sha);
    if (!stored.ok() || *stored != 0) return stored;  // the same bytes are stored once
    Result<std::string> compressed = ZlibCompress(input.bytes);
    if (!compressed.ok()) return compressed.status();
    // Incompressible input is stored as it is: no reader ever pays for zlib's overhead.
    bool use_zlib = compressed->size() < input.bytes.size();
    Result<sql::Statement*> insert = db().Cached(R"sql(
      INSERT INTO documents(sha256, size, media_type, original_path, plugin, plugin_version,
                            imported_at, import_id, compression, content)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    if (!insert.ok()) return insert.status();
    sql::Statement& s = **insert;
    s.Bind(1, sha).Bind(2, static_cast<int64_t>(input.bytes.size()));
    s.Bind(3,
           input.path.empty() ? std::string("application/octet-stream") : MediaTypeFor(input.path));
    s.Bind(4, input.name).Bind(5, plugin.name).Bind(6, plugin.version).Bind(7, UtcNow());
    s.Bind(8, totals.import_id).Bind(9, use_zlib ? "zlib" : "none");
    s.BindBlob(10, use_zlib ? std::string_view(*compressed) : input.bytes);
    MORGUE_RETURN_IF_ERROR(s.Run());
    return db().LastInsertId();
  }

  // Stores what the importer collected: the original bytes as a document, then each
  // article through validation and dedup.
  Status Store(import_job::Collected& collected, const ImportInput& input,
               const LoadedPluginInfo& plugin, InputReport& report) {
    Result<int64_t> document = StoreDocument(input, plugin);
    if (!document.ok()) return document.status();
    const size_t count = collected.articles.size();
    for (size_t i = 0; i < count; ++i) {
      Result<AddResult> added =
          archive.AddInTransaction(std::move(collected.articles[i]), *document, options.tags);
      if (!added.ok()) {
        return count == 1 ? added.status()
                          : added.status().WithContext("article " + std::to_string(i + 1));
      }
      (added->duplicate ? report.duplicates : report.imported)++;
      report.article_ids.push_back(added->id);
    }
    if (report.imported + report.duplicates == 0) {
      return Status::InvalidArgument("no article found in it");
    }
    return Status::OK();
  }

  int abandoned_threads() const {
    int abandoned = 0;
    for (const auto& lane : lanes) {
      if (lane->thread_runner) abandoned += lane->thread_runner->abandoned();
    }
    return abandoned;
  }

  // Hands the input to the importers the way the options ask for (see import.h). Runs on
  // the lane's thread; touches nothing of the run but the lane.
  import_job::Collected Collect(import_job::JobInput job, Lane& lane) {
    if (!options.isolate_command.empty()) {
      if (!lane.process_runner) {
        lane.process_runner =
            std::make_unique<import_job::ProcessRunner>(plugins, options.isolate_command);
      }
      return lane.process_runner->Run(job, options.time_limit);
    }
    if (options.time_limit.count() <= 0) return import_job::RunJob(plugins, job, nullptr);
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
    if (!lane.thread_runner) {
      lane.thread_runner = std::make_unique<import_job::ThreadRunner>(plugins);
    }
    return lane.thread_runner->Run(std::move(job), options.time_limit);
  }

  // One input between reading and storing: what the importer made of it, or why it was
  // refused before any importer saw it.
  struct Extracted {
    std::string name;
    std::filesystem::path path;
    std::shared_ptr<const std::string> bytes;
    Status refused;  // unreadable or too large: no importer was asked
    import_job::Collected collected;
  };

  // Checks the size and runs the importers on bytes already read. Any thread.
  Extracted Extract(std::string name, std::filesystem::path path,
                    std::shared_ptr<const std::string> bytes, Lane& lane) {
    Extracted out{std::move(name), std::move(path), std::move(bytes), Status::OK(), {}};
    if (options.max_input_bytes != 0 && out.bytes->size() > options.max_input_bytes) {
      out.refused = TooLarge(out.bytes->size(), options.max_input_bytes);
      return out;
    }
    out.collected = Collect({options.format, out.name, out.path, out.bytes}, lane);
    return out;
  }

  // Reads a file and runs the importers on it. Any thread; never throws.
  Extracted ReadAndExtract(const std::filesystem::path& file, Lane& lane) {
    try {
      Result<std::string> bytes = ReadWholeFile(file, options.max_input_bytes);
      if (bytes.ok()) {
        return Extract(file.string(), file,
                       std::make_shared<const std::string>(std::move(bytes).value()), lane);
      }
      return {file.string(), file, nullptr, bytes.status(), {}};
    } catch (const std::exception&) {  // std::bad_alloc, std::length_error
      return {file.string(), file, nullptr, Status::IOError("too large to read into memory"), {}};
    }
  }

  // Makes sure there are at least `count` lanes. Never while lanes are in use. Thread
  // runners are made here rather than on first use, because abandoned_threads() reads
  // every lane's from the other lanes' threads.
  void EnsureLanes(size_t count) {
    while (lanes.size() < count) lanes.push_back(std::make_unique<Lane>());
    if (options.isolate_command.empty() && options.time_limit.count() > 0) {
      for (auto& lane : lanes) {
        if (!lane->thread_runner) {
          lane->thread_runner = std::make_unique<import_job::ThreadRunner>(plugins);
        }
      }
    }
  }

  // The serial path: extracts on lane 0, from the calling thread, then stores.
  InputReport ImportOne(std::string name, std::filesystem::path path,
                        std::shared_ptr<const std::string> bytes) {
    EnsureLanes(1);
    Extracted extracted{std::move(name), std::move(path), std::move(bytes), Status::OK(), {}};
    if (batch_error.ok()) {  // no use running a plugin for an archive that takes nothing
      extracted =
          Extract(std::move(extracted.name), extracted.path, std::move(extracted.bytes), *lanes[0]);
    }
    return Store(extracted);
  }

  // See ImportRun::ImportFiles. Lanes take the next file in order, within a window of
  // `2 * jobs` inputs ahead of the one being stored (which bounds the memory held), and
  // leave what they extracted in that input's slot; this thread stores the slots in
  // order. The only shared state is `Pool`, under its mutex.
  void ImportFiles(const std::vector<std::filesystem::path>& files,
                   const std::function<void(const InputReport&)>& on_input) {
    if (files.empty() || !batch_error.ok()) return;
    size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs)
                                   : std::max(1U, std::thread::hardware_concurrency());
    jobs = std::min(jobs, files.size());
    EnsureLanes(jobs);
    struct Pool {
      std::mutex mutex;
      std::condition_variable room;   // lanes wait for room in the window
      std::condition_variable ready;  // this thread waits for the next input in order
      size_t next_to_take = 0;
      size_t next_to_store = 0;
      bool stop = false;
      std::vector<std::optional<Extracted>> slots;  // a ring: input i in slots[i % size]
    } pool;
    const size_t window = 2 * jobs;
    pool.slots.resize(window);

    auto lane_main = [this, &pool, &files, window](Lane& lane) {
      while (true) {
        size_t index = 0;
        {
          std::unique_lock lock(pool.mutex);
          pool.room.wait(lock, [&] {
            return pool.stop || pool.next_to_take >= files.size() ||
                   pool.next_to_take < pool.next_to_store + window;
          });
          if (pool.stop || pool.next_to_take >= files.size()) return;
          index = pool.next_to_take++;
        }
        Extracted extracted;
        try {
          extracted = ReadAndExtract(files[index], lane);
        } catch (const std::exception& e) {  // bad_alloc in our own code: this input only
          extracted = {files[index].string(),
                       files[index],
                       nullptr,
                       Status::IOError(std::string("cannot import: ") + e.what()),
                       {}};
        }
        {
          std::lock_guard lock(pool.mutex);
          pool.slots[index % window] = std::move(extracted);
        }
        pool.ready.notify_one();
      }
    };
    std::vector<pthread_t> threads;
    for (size_t i = 0; i < jobs; ++i) {
      pthread_t thread{};
      Lane& lane = *lanes[i];
      if (import_job::StartPluginThread([&lane_main, &lane] { lane_main(lane); }, &thread).ok()) {
        threads.push_back(thread);
      }
    }
    if (threads.empty()) {  // no thread to be had: do the work here, one input at a time
      for (const auto& file : files) {
        Extracted extracted = ReadAndExtract(file, *lanes[0]);
        const InputReport report = Store(extracted);
        if (on_input) on_input(report);
        if (!batch_error.ok()) break;
      }
      return;
    }

    for (size_t i = 0; i < files.size(); ++i) {
      std::optional<Extracted> extracted;
      {
        std::unique_lock lock(pool.mutex);
        std::optional<Extracted>& slot = pool.slots[i % window];
        while (!slot.has_value() && batch_error.ok()) {
          if (in_batch && std::chrono::steady_clock::now() - batch_started > kBatchTime) {
            // A slow importer must not keep other writers waiting on the open batch.
            lock.unlock();
            CommitBatch().ok();  // a failure sets batch_error, which stops the loop
            lock.lock();
            continue;
          }
          pool.ready.wait_for(lock, std::chrono::milliseconds(100));
        }
        if (!batch_error.ok()) break;  // as if the files after it were never given
        extracted = std::move(slot);
        slot.reset();
        pool.next_to_store = i + 1;
      }
      pool.room.notify_all();
      const InputReport report = Store(*extracted);
      extracted.reset();
      if (on_input) on_input(report);
      if (!batch_error.ok()) break;
    }
    {
      std::lock_guard lock(pool.mutex);
      pool.stop = true;
    }
    pool.room.notify_all();
    for (pthread_t thread : threads) pthread_join(thread, nullptr);
  }

  void RecordFailure(const InputReport& report) {
    Result<sql::Statement*> insert = db().Cached(
        "INSERT INTO import_failures(import_id, input, plugin, reason) VALUES (?1, ?2, ?3, ?4)");
    if (!insert.ok()) return;
    (*insert)->Bind(1, totals.import_id).Bind(2, report.input);
    (*insert)->BindTextOrNull(3, report.plugin).Bind(4, report.status.message());
    (*insert)->Run().ok();  // the failure is reported to the user either way
  }

  // Stores an extracted input, or records why it failed. The calling thread only.
  InputReport Store(Extracted& extracted) {
    InputReport report;
    report.input = extracted.name;
    ++totals.inputs;
    auto fail = [&](Status status) {
      report.status = std::move(status);
      report.imported = report.duplicates = 0;
      report.article_ids.clear();
      ++totals.failed;
      if (batch_error.ok() && BeginBatch().ok()) RecordFailure(report);
      return report;
    };
    if (!batch_error.ok()) return fail(batch_error);
    if (!extracted.refused.ok()) return fail(extracted.refused);

    import_job::Collected& collected = extracted.collected;
    const std::string& name = extracted.name;
    const std::filesystem::path& path = extracted.path;
    const std::string& bytes = *extracted.bytes;
    report.plugin = collected.plugin;
    const LoadedPluginInfo* plugin = nullptr;
    for (const auto& info : plugins.plugins()) {
      if (info->name == collected.plugin) plugin = info.get();
    }
    if (collected.status.ok() && plugin == nullptr) {
      collected.status = Status::PluginFailed("the import worker named an importer '" +
                                              collected.plugin + "' that is not loaded");
    }
    if (collected.status.ok()) {
      if (Status begun = BeginBatch(); !begun.ok()) return fail(begun);
      if (Status saved = db().Exec("SAVEPOINT morgue_input"); !saved.ok()) {
        AbandonBatch(saved);
        return fail(batch_error);
      }
      ImportInput input{name, path, bytes, collected.format};
      Status stored = Store(collected, input, *plugin, report);
      db().ResetCached();
      if (Status broken = db().TakeArchiveFailure(); !broken.ok()) {
        AbandonBatch(broken);
        return fail(batch_error);
      }
      if (!stored.ok()) {
        db().Exec("ROLLBACK TO morgue_input").ok();
        db().Exec("RELEASE morgue_input").ok();
        fail(stored);
      } else if (Status released = db().Exec("RELEASE morgue_input"); !released.ok()) {
        AbandonBatch(released);
        return fail(batch_error);
      } else {
        ++batch_inputs_ok;
        batch_imported += report.imported;
        batch_duplicates += report.duplicates;
      }
    } else if (collected.plugin.empty()) {
      return fail(collected.status);  // no importer: as before, not counted in the batch
    } else {
      fail(collected.status);
    }
    ++inputs_in_batch;
    if (BatchIsFull()) {
      if (Status committed = CommitBatch(); !committed.ok() && report.status.ok()) {
        report.status = committed;
        report.imported = report.duplicates = 0;
        report.article_ids.clear();
      }
    }
    return report;
  }

  Status RecordTotals() {
    sql::Transaction transaction(db());
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    Result<sql::Statement*> update = db().Cached(
        "UPDATE imports SET finished_at = ?2, inputs = ?3, imported = ?4, duplicates = ?5, "
        "failed = ?6 WHERE id = ?1");
    if (!update.ok()) return update.status();
    sql::Statement& s = **update;
    s.Bind(1, totals.import_id).Bind(2, UtcNow()).Bind(3, totals.inputs);
    s.Bind(4, totals.imported).Bind(5, totals.duplicates).Bind(6, totals.failed);
    MORGUE_RETURN_IF_ERROR(s.Run());
    return transaction.Commit();
  }
};

Result<std::unique_ptr<ImportRun>> ImportRun::Start(Archive& archive, const PluginRegistry& plugins,
                                                    ImportOptions options) {
  auto impl = std::make_unique<Impl>(*archive.impl_, plugins, std::move(options));
  impl->db().TakeArchiveFailure().ok();  // a failure before this run is not this run's
  return std::unique_ptr<ImportRun>(new ImportRun(std::move(impl)));
}

ImportRun::ImportRun(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ImportRun::~ImportRun() {
  if (!impl_->finished) Finish().ok();  // complete inputs are worth keeping
}

InputReport ImportRun::ImportFile(const std::filesystem::path& file) {
  impl_->EnsureLanes(1);
  Impl::Extracted extracted{file.string(), file, nullptr, Status::OK(), {}};
  if (impl_->batch_error.ok()) extracted = impl_->ReadAndExtract(file, *impl_->lanes[0]);
  return impl_->Store(extracted);
}

void ImportRun::ImportFiles(const std::vector<std::filesystem::path>& files,
                            const std::function<void(const InputReport&)>& on_input) {
  impl_->ImportFiles(files, on_input);
}

InputReport ImportRun::ImportBytes(const std::string& name, std::string_view bytes) {
  InputReport report;
  report.input = name;
  try {
    // A copy the importer owns: a plugin that overruns the time limit may keep reading it.
    return impl_->ImportOne(name, {}, std::make_shared<const std::string>(bytes));
  } catch (const std::bad_alloc&) {
    report.status = Status::IOError("too large to read into memory");
  }
  RecordProblem(report);
  return report;
}

InputReport ImportRun::ImportStream(const std::string& name, std::istream& in) {
  InputReport report;
  report.input = name;
  const uint64_t limit = impl_->options.max_input_bytes;
  try {
    std::string bytes;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      bytes.append(buffer, static_cast<size_t>(in.gcount()));
      // Stop reading at the limit: the stream may never end.
      if (limit != 0 && bytes.size() > limit) {
        report.status = TooLarge(0, limit);
        break;
      }
    }
    if (report.status.ok() && in.bad()) report.status = Status::IOError("cannot read");
    if (report.status.ok()) {
      return impl_->ImportOne(name, {}, std::make_shared<const std::string>(std::move(bytes)));
    }
  } catch (const std::bad_alloc&) {
    report.status = Status::IOError("too large to read into memory");
  }
  RecordProblem(report);
  return report;
}

void ImportRun::RecordProblem(const InputReport& problem) {
  ++impl_->totals.inputs;
  ++impl_->totals.failed;
  if (impl_->BeginBatch().ok()) impl_->RecordFailure(problem);
}

Result<ImportTotals> ImportRun::Finish() {
  if (impl_->finished) return impl_->totals;
  impl_->finished = true;
  if (impl_->batch_error.ok()) {
    MORGUE_RETURN_IF_ERROR(impl_->BeginBatch());  // a run with no input is recorded too
    MORGUE_RETURN_IF_ERROR(impl_->CommitBatch());
  }
  if (!impl_->run_recorded) return impl_->batch_error;
  Status recorded = impl_->RecordTotals();
  MORGUE_RETURN_IF_ERROR(impl_->batch_error);
  MORGUE_RETURN_IF_ERROR(recorded);
  return impl_->totals;
}

const ImportTotals& ImportRun::totals() const { return impl_->totals; }

int ImportRun::abandoned_threads() const { return impl_->abandoned_threads(); }

const Status& ImportRun::archive_error() const { return impl_->batch_error; }

std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<InputReport>* problems) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  auto problem = [problems](const fs::path& path, Status status) {
    if (problems == nullptr) return;
    InputReport report;
    report.input = path.string();
    report.status = std::move(status);
    problems->push_back(std::move(report));
  };
  for (const fs::path& path : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      bool dangling = fs::is_symlink(fs::symlink_status(path, ec));
      problem(path, dangling ? BrokenLink(path) : Status::NotFound("no such file or folder"));
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    if (ec) {
      problem(path, Status::IOError("cannot read folder: " + ec.message()));
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        problem(path, Status::IOError("cannot read folder: " + ec.message()));
        break;
      }
      const fs::path& entry = it->path();
      if (entry.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink(ec) && it->is_directory(ec)) continue;  // never followed: no loops
      if (it->is_regular_file(ec)) {
        found.push_back(entry);
      } else if (it->is_symlink(ec) && !it->exists(ec)) {
        problem(entry, BrokenLink(entry));
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace morgue
