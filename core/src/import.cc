#include "morgue/import.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
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
  // Where the plugins run (see import.h); made on first use.
  std::unique_ptr<import_job::ThreadRunner> thread_runner;
  std::unique_ptr<import_job::ProcessRunner> process_runner;

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
  bool BatchIsFull() const {
    return inputs_in_batch >= std::max(1, options.inputs_per_transaction) ||
           std::chrono::steady_clock::now() - batch_started > std::chrono::seconds(1);
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

  int abandoned_threads() const { return thread_runner ? thread_runner->abandoned() : 0; }

  // Hands the input to the importers the way the options ask for (see import.h).
  import_job::Collected Collect(import_job::JobInput job) {
    if (!options.isolate_command.empty()) {
      if (!process_runner) {
        process_runner =
            std::make_unique<import_job::ProcessRunner>(plugins, options.isolate_command);
      }
      return process_runner->Run(job, options.time_limit);
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
    if (!thread_runner) thread_runner = std::make_unique<import_job::ThreadRunner>(plugins);
    return thread_runner->Run(std::move(job), options.time_limit);
  }

  void RecordFailure(const InputReport& report) {
    Result<sql::Statement*> insert = db().Cached(
        "INSERT INTO import_failures(import_id, input, plugin, reason) VALUES (?1, ?2, ?3, ?4)");
    if (!insert.ok()) return;
    (*insert)->Bind(1, totals.import_id).Bind(2, report.input);
    (*insert)->BindTextOrNull(3, report.plugin).Bind(4, report.status.message());
    (*insert)->Run().ok();  // the failure is reported to the user either way
  }

  InputReport Import(const std::string& name, const std::filesystem::path& path,
                     const std::shared_ptr<const std::string>& bytes) {
    InputReport report;
    report.input = name;
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
    if (options.max_input_bytes != 0 && bytes->size() > options.max_input_bytes) {
      return fail(TooLarge(bytes->size(), options.max_input_bytes));
    }

    import_job::Collected collected = Collect({options.format, name, path, bytes});
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
      ImportInput input{name, path, *bytes, collected.format};
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
  InputReport report;
  report.input = file.string();
  try {
    Result<std::string> bytes = ReadWholeFile(file, impl_->options.max_input_bytes);
    if (bytes.ok()) {
      return impl_->Import(file.string(), file,
                           std::make_shared<const std::string>(std::move(bytes).value()));
    }
    report.status = bytes.status();
  } catch (const std::bad_alloc&) {  // no exception leaves the API, not even this one
    report.status = Status::IOError("too large to read into memory");
  } catch (const std::length_error&) {
    report.status = Status::IOError("too large to read into memory");
  }
  RecordProblem(report);
  return report;
}

InputReport ImportRun::ImportBytes(const std::string& name, std::string_view bytes) {
  InputReport report;
  report.input = name;
  try {
    // A copy the importer owns: a plugin that overruns the time limit may keep reading it.
    return impl_->Import(name, {}, std::make_shared<const std::string>(bytes));
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
      return impl_->Import(name, {}, std::make_shared<const std::string>(std::move(bytes)));
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
