#include "morgue/import.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>

#include "archive_impl.h"
#include "codec.h"
#include "morgue/datetime.h"

#ifndef MORGUE_VERSION_STRING
#define MORGUE_VERSION_STRING "unknown"
#endif

namespace morgue {
namespace {

Result<std::string> ReadWholeFile(const std::filesystem::path& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    return Status::InvalidArgument("is a folder, not a file");
  }
  // Checked before opening: reading a pipe or a device could block or never end.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    return Status::InvalidArgument("is not a regular file (a device, pipe or socket)");
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  std::string bytes;
  char buffer[1 << 16];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.append(buffer, n);
  bool failed = std::ferror(file) != 0;
  int error = errno;
  std::fclose(file);
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

  // Collects an input's articles into the archive, remembering the first refusal so an
  // importer that ignores it still fails the whole input.
  class Sink : public ArticleSink {
   public:
    Sink(Impl& run, int64_t document_id, InputReport& report)
        : run_(run), document_id_(document_id), report_(report) {}
    Status Add(Article article) override {
      if (!first_error_.ok()) return first_error_;
      Result<AddResult> added =
          run_.archive.AddInTransaction(std::move(article), document_id_, run_.options.tags);
      if (!added.ok()) {
        first_error_ = added.status();
        return first_error_;
      }
      (added->duplicate ? report_.duplicates : report_.imported)++;
      report_.article_ids.push_back(added->id);
      return Status::OK();
    }
    const Status& first_error() const { return first_error_; }

   private:
    Impl& run_;
    int64_t document_id_;
    InputReport& report_;
    Status first_error_;
  };

  Status ImportInside(ImporterHandle& importer, const ImportInput& input, InputReport& report) {
    Result<int64_t> document = StoreDocument(input, importer.info());
    if (!document.ok()) return document.status();
    Sink sink(*this, *document, report);
    Status imported = importer.Import(input, sink);
    if (!sink.first_error().ok() && imported.ok()) imported = sink.first_error();
    if (imported.ok() && report.imported + report.duplicates == 0) {
      imported = Status::InvalidArgument("no article found in it");
    }
    return imported;
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
                     std::string_view bytes) {
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

    std::string format = options.format;
    Result<ImporterHandle> importer =
        format.empty() ? plugins.ChooseImporter({path, bytes.substr(0, kProbeBytes)}, &format)
                       : plugins.ImporterFor(format);
    if (!importer.ok()) return fail(importer.status());
    report.plugin = importer->info().name;
    const auto& formats = importer->info().formats;
    if (std::find(formats.begin(), formats.end(), format) == formats.end() && !formats.empty()) {
      format = formats.front();  // --format named the plugin rather than one of its formats
    }

    if (Status begun = BeginBatch(); !begun.ok()) return fail(begun);
    if (Status saved = db().Exec("SAVEPOINT morgue_input"); !saved.ok()) {
      AbandonBatch(saved);
      return fail(batch_error);
    }
    ImportInput input{name, path, bytes, format};
    Status imported = ImportInside(*importer, input, report);
    db().ResetCached();
    if (Status broken = db().TakeArchiveFailure(); !broken.ok()) {
      AbandonBatch(broken);
      return fail(batch_error);
    }
    if (!imported.ok()) {
      db().Exec("ROLLBACK TO morgue_input").ok();
      db().Exec("RELEASE morgue_input").ok();
      fail(imported);
    } else if (Status released = db().Exec("RELEASE morgue_input"); !released.ok()) {
      AbandonBatch(released);
      return fail(batch_error);
    } else {
      ++batch_inputs_ok;
      batch_imported += report.imported;
      batch_duplicates += report.duplicates;
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
    Result<std::string> bytes = ReadWholeFile(file);
    if (bytes.ok()) return impl_->Import(file.string(), file, *bytes);
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
  return impl_->Import(name, {}, bytes);
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
