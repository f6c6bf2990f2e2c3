#include "morgue/import.h"

#include <fnmatch.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "archive_impl.h"
#include "body_check.h"
#include "codec.h"
#include "import_job.h"
#include "import_worker.h"
#include "line_parts.h"
#include "morgue/datetime.h"

#ifndef MORGUE_VERSION_STRING
#define MORGUE_VERSION_STRING "unknown"
#endif

namespace morgue {
namespace {

// The media type of a stored input: what the plugin that read it declares for the input's
// extension (PluginInfo::media_types); an input read by a plugin that does not claim its
// extension (named with --format, or chosen by probing) takes what another loaded plugin
// declares for it ("page.html" read as text is still text/html); else nothing is known.
std::string DocumentMediaType(const PluginRegistry& registry, const LoadedPluginInfo& reader,
                              const std::filesystem::path& path) {
  const std::string extension = ExtensionOf(path);
  if (reader.OwnsExtension(extension)) return reader.MediaTypeOf(extension);
  for (const std::shared_ptr<const LoadedPluginInfo>& other : registry.plugins()) {
    if (other->OwnsExtension(extension)) return other->MediaTypeOf(extension);
  }
  return "application/octet-stream";
}

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

  // A dry run's memory of the articles it would have stored, by their dedup keys, so
  // that a later input duplicating one of them is reported as a real run would store it.
  struct Plan {
    std::map<std::string, int64_t> url_keys;
    std::map<std::string, int64_t> body_hashes;
    // By title, date and source (see Archive::Impl::FindSameMetadata): every article, and
    // those that had neither body nor canonical URL, which one that has may complete.
    std::map<std::string, int64_t> metadata;
    std::map<std::string, int64_t> bare_metadata;
    int64_t next_id = 0;  // the id the next new article would get; 0: not read yet
    // What the input being stored added, taken back when it fails.
    std::vector<std::pair<std::map<std::string, int64_t>*, std::string>> added;
    int64_t next_id_at_open = 0;
  };
  Plan plan;

  Impl(Archive::Impl& a, const PluginRegistry& p, ImportOptions o)
      : archive(a), plugins(p), options(std::move(o)) {}

  sql::Database& db() { return *archive.db; }

  // Whether the run was asked to stop (ImportOptions::stop_requested); once seen, it
  // stays stopped. The storing thread only.
  bool StopRequested() {
    if (!totals.interrupted && options.stop_requested && options.stop_requested()) {
      totals.interrupted = true;
    }
    return totals.interrupted;
  }

  Status BeginBatch() {
    if (in_batch || options.dry_run) return Status::OK();
    if (Status begun = db().BeginImmediate(); !begun.ok()) {
      batch_error = begun;  // read-only, busy past the timeout: no input can be stored
      return begun;
    }
    in_batch = true;
    // The batch's new articles are indexed together when it commits (see
    // schema/0004_deferred_index.sql); this row, never committed, tells the triggers.
    if (Status deferred = db().Exec(
            "INSERT OR REPLACE INTO morgue_settings(key, value) VALUES ('fts_deferred_after', "
            "(SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
            "coalesce((SELECT max(id) FROM articles), 0))))");
        !deferred.ok()) {
      AbandonBatch(deferred);
      return deferred;
    }
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

  // Indexes the batch's new articles for search in one statement, and ends the deferral.
  Status IndexBatch() {
    return db().Exec(R"sql(
      INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
        SELECT id, title, subtitle, body, authors_text, tags_text FROM articles
        WHERE id > (SELECT CAST(value AS INTEGER) FROM morgue_settings
                    WHERE key = 'fts_deferred_after')
        ORDER BY id;
      DELETE FROM morgue_settings WHERE key = 'fts_deferred_after';)sql");
  }

  Status CommitBatch() {
    if (options.dry_run) {  // nothing to commit: what would have been stored is counted
      totals.imported += batch_imported;
      totals.duplicates += batch_duplicates;
      batch_inputs_ok = batch_imported = batch_duplicates = 0;
      return Status::OK();
    }
    if (!in_batch) return Status::OK();
    db().ResetCached();
    Status committed = IndexBatch();
    if (committed.ok()) committed = db().Exec("COMMIT");
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

  // The original of a whole input as the archive keeps it, made on the lane that read it
  // so that the one writer only inserts it: hashing and compressing a news page costs
  // more than storing its article.
  struct PreparedDocument {
    std::string sha256;
    std::string compressed;  // empty: stored as it is
  };

  static Result<PreparedDocument> PrepareDocument(std::string_view bytes) {
    PreparedDocument document;
    document.sha256 = Sha256Hex(bytes);
    Result<std::string> compressed = ZlibCompress(bytes);
    if (!compressed.ok()) return compressed.status();
    // Incompressible input is stored as it is: no reader ever pays for zlib's overhead.
    if (compressed->size() < bytes.size()) document.compressed = std::move(compressed).value();
    return document;
  }

  Result<int64_t> StoreDocument(const ImportInput& input, const PreparedDocument& prepared,
                                const LoadedPluginInfo& plugin) {
    if (options.dry_run) return int64_t{0};
    Result<int64_t> stored =
        db().SelectId("SELECT id FROM documents WHERE sha256 = ?1", prepared.sha256);
    if (!stored.ok() || *stored != 0) return stored;  // the same bytes are stored once
    const bool use_zlib = !prepared.compressed.empty();
    Result<sql::Statement*> insert = db().Cached(R"sql(
      INSERT INTO documents(sha256, size, media_type, original_path, plugin, plugin_version,
                            imported_at, import_id, compression, content)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql");
    if (!insert.ok()) return insert.status();
    sql::Statement& s = **insert;
    s.Bind(1, prepared.sha256).Bind(2, static_cast<int64_t>(input.bytes.size()));
    s.Bind(3, DocumentMediaType(plugins, plugin, input.path));
    s.Bind(4, input.name).Bind(5, plugin.name).Bind(6, plugin.version).Bind(7, UtcNow());
    s.Bind(8, totals.import_id).Bind(9, use_zlib ? "zlib" : "none");
    s.BindBlob(10, use_zlib ? std::string_view(prepared.compressed) : input.bytes);
    MORGUE_RETURN_IF_ERROR(s.Run());
    return db().LastInsertId();
  }

  int abandoned_threads() const {
    int abandoned = 0;
    for (const auto& lane : lanes) {
      if (lane->thread_runner) abandoned += lane->thread_runner->abandoned();
    }
    return abandoned;
  }

  // A Ctrl-C at a terminal (or a SIGTERM to the process group) reaches the import workers
  // too. A worker that died of such a signal has not crashed: give this process a moment
  // to see the same signal, so that the storing thread stops before it would count the
  // input as failed. Any thread.
  void AwaitStopAfter(int worker_signal) const {
    if (!options.stop_requested ||
        (worker_signal != SIGINT && worker_signal != SIGTERM && worker_signal != SIGHUP)) {
      return;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!options.stop_requested() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // Hands the input to the importers the way the options ask for (see import.h). Runs on
  // the lane's thread; touches nothing of the run but the lane.
  import_job::Collected Collect(import_job::JobInput job, Lane& lane) {
    if (!options.isolate_command.empty()) {
      if (!lane.process_runner) {
        lane.process_runner =
            std::make_unique<import_job::ProcessRunner>(plugins, options.isolate_command);
      }
      import_job::Collected collected =
          lane.process_runner->Run(job, options.time_limit, options.stop_requested);
      if (collected.worker_signal != 0) AwaitStopAfter(collected.worker_signal);
      return collected;
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
    return lane.thread_runner->Run(std::move(job), options.time_limit, options.stop_requested);
  }

  // What a lane hands over for one input: for most inputs one kWhole piece, what the
  // importer made of the whole input (or why it was refused before any importer saw it);
  // for a large input read line by line, a kPart piece per part, in order, then always a
  // kDocument piece with its original (or why reading it failed).
  struct Extracted {
    enum class Kind { kWhole, kPart, kDocument };
    Kind kind = Kind::kWhole;
    std::string name;
    std::filesystem::path path;
    std::shared_ptr<const std::string> bytes;     // kWhole: the input
    Status refused;                               // kWhole, kDocument: unreadable, too large
    import_job::Collected collected;              // kWhole, kPart
    PreparedDocument prepared;                    // kWhole, when the importer read it
    bool first_part = false;                      // kPart
    std::shared_ptr<StreamingDocument> document;  // kDocument: complete
    BodyCheck body_check;                         // kPart: the part and its articles
    bool in_folder = false;                       // see InputFile
  };
  // About the memory a piece holds while it waits to be stored.
  static size_t HeldBytes(const Extracted& piece) {
    size_t bytes = (piece.bytes ? piece.bytes->size() : 0) + piece.prepared.compressed.size();
    for (const Article& article : piece.collected.articles) bytes += article.body.size();
    return bytes;
  }
  // Takes a piece; false when the rest of the input is no longer wanted (it failed, or
  // the run stops). The closing kDocument piece of a split input is delivered regardless.
  using Deliver = std::function<bool(Extracted)>;

  static Extracted Whole(const std::filesystem::path& file, Status refused) {
    Extracted out;
    out.name = file.string();
    out.path = file;
    out.refused = std::move(refused);
    return out;
  }

  // Checks the size and runs the importers on bytes already read. Any thread.
  Extracted Extract(std::string name, std::filesystem::path path,
                    std::shared_ptr<const std::string> bytes, Lane& lane) {
    Extracted out;
    out.name = std::move(name);
    out.path = std::move(path);
    out.bytes = std::move(bytes);
    if (options.max_input_bytes != 0 && out.bytes->size() > options.max_input_bytes) {
      out.refused = TooLarge(out.bytes->size(), options.max_input_bytes);
      return out;
    }
    out.collected = Collect({options.format, out.name, out.path, out.bytes}, lane);
    if (out.collected.status.ok()) {
      Result<PreparedDocument> prepared = PrepareDocument(*out.bytes);
      if (prepared.ok()) {
        out.prepared = std::move(prepared).value();
      } else {
        out.collected.status = prepared.status();
      }
    }
    return out;
  }

  // Reads a file whole and runs the importers on it. Any thread; never throws.
  Extracted ReadAndExtract(const std::filesystem::path& file, Lane& lane) {
    try {
      Result<std::string> bytes = ReadWholeFile(file, options.max_input_bytes);
      if (bytes.ok()) {
        return Extract(file.string(), file,
                       std::make_shared<const std::string>(std::move(bytes).value()), lane);
      }
      return Whole(file, bytes.status());
    } catch (const std::exception&) {  // std::bad_alloc, std::length_error
      return Whole(file, Status::IOError("too large to read into memory"));
    }
  }

  // Reads a file and runs the importers on it, handing the pieces to `deliver` (see
  // Extracted): whole, or in parts when it is large and its importer reads it line by
  // line. Any thread; never throws.
  void ExtractFile(const std::filesystem::path& file, Lane& lane, const Deliver& deliver) {
    bool split = false;  // kPart pieces were delivered: a kDocument piece must follow
    auto closing = [&file](Status refused) {
      Extracted end = Whole(file, std::move(refused));
      end.kind = Extracted::Kind::kDocument;
      return end;
    };
    try {
      std::error_code ec;
      const auto status = std::filesystem::status(file, ec);
      const uintmax_t size = !ec && std::filesystem::is_regular_file(status)
                                 ? std::filesystem::file_size(file, ec)
                                 : 0;
      // Read in parts, only a part is ever in memory: the size limit bounds a part (a
      // long line), not the file. An input that is not read in parts is refused by its
      // size, as always, before more than its first part is read.
      const uint64_t limit = options.max_input_bytes;
      const uint64_t part_bytes =
          limit != 0 ? std::min(options.part_bytes, limit) : options.part_bytes;
      const bool large = !ec && part_bytes != 0 && size > part_bytes;
      const bool over_limit = limit != 0 && size > limit;
      if (!large) {
        deliver(ReadAndExtract(file, lane));
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
      // Which importer, and does it read this input line by line? Asked of the head only,
      // under the same time limit and isolation as any plugin call.
      import_job::JobInput question{
          options.format, file.string(), file,
          std::make_shared<const std::string>(std::string_view(**part).substr(0, kProbeBytes))};
      question.probe_only = true;
      import_job::Collected answer = Collect(std::move(question), lane);
      if (!answer.status.ok() || !answer.reads_lines) {
        if (over_limit) {
          deliver(Whole(file, TooLarge(size, limit)));
        } else if (!answer.status.ok()) {  // no importer, or probing overran
          Extracted failed = Whole(file, Status::OK());
          failed.collected = std::move(answer);
          deliver(std::move(failed));
        } else {
          deliver(ReadAndExtract(file, lane));
        }
        return;
      }
      for (bool first = true;; first = false) {
        import_job::JobInput job{answer.format, file.string(), file, *part};
        job.first_line = reader.first_line();
        Extracted piece = Whole(file, Status::OK());
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
      deliver(split ? closing(failed) : Whole(file, failed));
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

  // The serial paths: extract on lane 0, from the calling thread, then store.
  InputReport ImportOne(std::string name, std::filesystem::path path,
                        std::shared_ptr<const std::string> bytes) {
    EnsureLanes(1);
    Extracted extracted;
    extracted.name = std::move(name);
    extracted.path = std::move(path);
    extracted.bytes = std::move(bytes);
    if (batch_error.ok()) {  // no use running a plugin for an archive that takes nothing
      extracted =
          Extract(std::move(extracted.name), extracted.path, std::move(extracted.bytes), *lanes[0]);
    }
    if (StopRequested()) return Untaken(extracted.name);
    return *SafeStore(extracted);
  }

  // The report of an input the run stopped before storing: not counted, nothing stored.
  static InputReport Untaken(const std::string& name) {
    InputReport report;
    report.input = name;
    report.status = Status::IOError("the import was interrupted before this input was stored");
    return report;
  }

  // Stops storing the input that is open (one read in parts) when the run stops: it is
  // rolled back and not counted, as if it had never been given.
  void DropOpenInput() {
    if (!storing.open) return;
    if (!options.dry_run) {
      db().Exec("ROLLBACK TO morgue_input").ok();
      db().Exec("RELEASE morgue_input").ok();
    }
    UndoPlan();
    storing.open = false;
    --totals.inputs;
  }

  // One file on the calling thread; nullopt when the run stopped before it was stored.
  std::optional<InputReport> TakeOneFile(const InputFile& file) {
    EnsureLanes(1);
    if (StopRequested()) return std::nullopt;
    if (!batch_error.ok()) {
      Extracted refused = Whole(file.path, Status::OK());
      return SafeStore(refused);
    }
    std::optional<InputReport> result;
    bool finished = false;
    ExtractFile(file.path, *lanes[0], [&](Extracted piece) {
      if (finished) return false;  // the closing piece of an input that failed early
      if (StopRequested()) {
        DropOpenInput();
        finished = true;
        return false;
      }
      piece.in_folder = file.in_folder;
      if (std::optional<InputReport> report = SafeStore(piece)) {
        result = std::move(*report);
        finished = true;
      }
      return !finished;
    });
    if (totals.interrupted) CommitBatch().ok();  // a failure sets batch_error
    return result;
  }

  InputReport ImportOneFile(const InputFile& file) {
    std::optional<InputReport> report = TakeOneFile(file);
    return report ? std::move(*report) : Untaken(file.path.string());
  }

  // See ImportRun::ImportFiles. Lanes take the next file in order, within a window of
  // `8 * jobs` inputs ahead of the one being stored, and queue the pieces they extract in
  // that input's slot, at most kQueuedPieces at a time; this thread stores the slots'
  // pieces in order. A wide window keeps lanes busy while one large page holds up the
  // writer; what bounds memory is options.held_bytes: past it, lanes take no new input.
  // (This cannot stall the writer: inputs are taken in order, so when it waits for one
  // no lane has taken, every input before it is stored and nothing is held.) The only shared state
  // is `Pool`, under its mutex.
  void ImportFiles(const std::vector<InputFile>& files,
                   const std::function<void(const InputReport&)>& on_input) {
    if (files.empty() || !batch_error.ok() || StopRequested()) return;
    size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs)
                                   : std::max(1U, std::thread::hardware_concurrency());
    jobs = std::min(jobs, files.size());
    EnsureLanes(jobs);
    constexpr size_t kQueuedPieces = 2;
    struct Slot {
      std::deque<Extracted> pieces;
      bool unwanted = false;  // the input failed, or the run stops: no more parts
    };
    struct Pool {
      std::mutex mutex;
      std::condition_variable room;   // lanes wait for room in the window or a queue
      std::condition_variable ready;  // this thread waits for the next piece in order
      size_t next_to_take = 0;
      size_t next_to_store = 0;
      size_t held_bytes = 0;  // of the pieces queued in slots
      bool stop = false;
      std::vector<Slot> slots;  // a ring: input i in slots[i % size]
    } pool;
    const size_t window = 8 * jobs;
    const uint64_t held_limit = options.held_bytes;
    pool.slots.resize(window);

    auto lane_main = [this, &pool, &files, window, held_limit](Lane& lane) {
      while (true) {
        size_t index = 0;
        {
          std::unique_lock lock(pool.mutex);
          pool.room.wait(lock, [&] {
            return pool.stop || pool.next_to_take >= files.size() ||
                   (pool.next_to_take < pool.next_to_store + window &&
                    (held_limit == 0 || pool.held_bytes < held_limit));
          });
          if (pool.stop || pool.next_to_take >= files.size()) return;
          index = pool.next_to_take++;
        }
        Slot& slot = pool.slots[index % window];
        const bool in_folder = files[index].in_folder;
        ExtractFile(files[index].path, lane, [&pool, &slot, in_folder](Extracted piece) {
          piece.in_folder = in_folder;
          std::unique_lock lock(pool.mutex);
          pool.room.wait(lock, [&] { return pool.stop || slot.pieces.size() < kQueuedPieces; });
          if (pool.stop) return false;
          slot.pieces.push_back(std::move(piece));
          pool.held_bytes += HeldBytes(slot.pieces.back());
          const bool wanted = !slot.unwanted;
          lock.unlock();
          pool.ready.notify_one();
          return wanted;
        });
      }
    };
    std::vector<pthread_t> threads;
    // However this function is left, the lanes are stopped and joined before `pool` goes.
    struct StopAndJoin {
      Pool& pool;
      std::vector<pthread_t>& threads;
      ~StopAndJoin() {
        {
          std::lock_guard lock(pool.mutex);
          pool.stop = true;
        }
        pool.room.notify_all();
        for (pthread_t thread : threads) pthread_join(thread, nullptr);
      }
    } stop_and_join{pool, threads};
    for (size_t i = 0; i < jobs; ++i) {
      pthread_t thread{};
      Lane& lane = *lanes[i];
      if (import_job::StartPluginThread([&lane_main, &lane] { lane_main(lane); }, &thread).ok()) {
        threads.push_back(thread);
      }
    }
    if (threads.empty()) {  // no thread to be had: do the work here, one input at a time
      for (const auto& file : files) {
        const std::optional<InputReport> report = TakeOneFile(file);
        if (!report) break;  // interrupted
        if (on_input) on_input(*report);
        if (!batch_error.ok()) break;
      }
      return;
    }

    for (size_t i = 0; i < files.size() && batch_error.ok() && !StopRequested(); ++i) {
      Slot& slot = pool.slots[i % window];
      bool finished = false;  // the input's last piece is stored
      while (!finished) {
        std::optional<Extracted> piece;
        {
          std::unique_lock lock(pool.mutex);
          while (slot.pieces.empty() && batch_error.ok() && !StopRequested()) {
            // A slow importer must not keep other writers waiting on the open batch;
            // an input stored in parts is never committed half-way, though.
            if (in_batch && !storing.open &&
                std::chrono::steady_clock::now() - batch_started > kBatchTime) {
              lock.unlock();
              CommitBatch().ok();  // a failure sets batch_error, which stops the loop
              lock.lock();
              continue;
            }
            pool.ready.wait_for(lock, std::chrono::milliseconds(100));
          }
          // As if the files after it were never given.
          if (!batch_error.ok() || StopRequested()) break;
          piece = std::move(slot.pieces.front());
          slot.pieces.pop_front();
          pool.held_bytes -= HeldBytes(*piece);
        }
        pool.room.notify_all();
        finished = piece->kind != Extracted::Kind::kPart;
        std::optional<InputReport> report = SafeStore(*piece);
        piece.reset();
        if (report.has_value()) {
          if (!finished) {  // failed at a part: its lane stops reading, then closes it
            std::lock_guard lock(pool.mutex);
            slot.unwanted = true;
          }
          if (on_input) on_input(*report);
        }
        if (!batch_error.ok()) break;
      }
      {
        std::lock_guard lock(pool.mutex);
        for (const Extracted& left : slot.pieces) pool.held_bytes -= HeldBytes(left);
        slot.pieces.clear();
        slot.unwanted = false;
        pool.next_to_store = i + 1;
      }
      pool.room.notify_all();
    }
    if (totals.interrupted) {
      // Keep what is whole, and say so, before the lanes are joined: a second Ctrl-C
      // meanwhile ends the process with the run recorded.
      DropOpenInput();
      if (CommitBatch().ok() && run_recorded && !options.dry_run) RecordTotals().ok();
    }
  }

  void RecordFailure(const InputReport& report) {
    if (options.dry_run) return;
    Result<sql::Statement*> insert = db().Cached(
        "INSERT INTO import_failures(import_id, input, plugin, reason) VALUES (?1, ?2, ?3, ?4)");
    if (!insert.ok()) return;
    (*insert)->Bind(1, totals.import_id).Bind(2, report.input);
    (*insert)->BindTextOrNull(3, report.plugin).Bind(4, report.status.message());
    (*insert)->Run().ok();  // the failure is reported to the user either way
  }

  // ---- Storing: the calling thread only ---------------------------------------------

  // The input being stored. A whole input is opened, given its articles and closed at
  // once; one read in parts stays open from its first part to its document.
  struct Storing {
    bool open = false;  // its savepoint is open
    InputReport report;
    const LoadedPluginInfo* plugin = nullptr;
    int64_t document_id = 0;
    size_t articles = 0;   // given so far, for "article N" in messages
    BodyCheck body_check;  // the input's text and its articles, for a warning
  };
  Storing storing;

  const LoadedPluginInfo* FindPlugin(const std::string& name) const {
    for (const auto& info : plugins.plugins()) {
      if (info->name == name) return info.get();
    }
    return nullptr;
  }

  // Ends the input being stored as failed with `status`, recorded in the archive unless
  // the archive itself failed.
  InputReport Fail(Status status) {
    InputReport report = std::move(storing.report);
    storing.open = false;
    UndoPlan();
    report.status = std::move(status);
    report.imported = report.duplicates = 0;
    report.article_ids.clear();
    report.new_ids.clear();
    ++totals.failed;
    if (batch_error.ok() && BeginBatch().ok()) RecordFailure(report);
    return report;
  }

  // Counts a finished input (stored, or failed by its importer) in the batch, and
  // commits the batch when it is full.
  void CountInBatch(InputReport& report) {
    ++inputs_in_batch;
    if (!BatchIsFull()) return;
    if (Status committed = CommitBatch(); !committed.ok() && report.status.ok()) {
      report.status = committed;
      report.imported = report.duplicates = 0;
      report.article_ids.clear();
    }
  }

  // Starts storing an input from its first piece: counts it and, when the importer read
  // it, opens its savepoint. Returns the report when the input is finished already.
  std::optional<InputReport> Open(Extracted& first) {
    storing = Storing{};
    storing.report.input = first.name;
    plan.added.clear();  // what a failure of this input takes back from a dry run's plan
    plan.next_id_at_open = plan.next_id;
    ++totals.inputs;
    if (!batch_error.ok()) return Fail(batch_error);
    if (!first.refused.ok()) return Fail(first.refused);
    import_job::Collected& collected = first.collected;
    storing.report.plugin = collected.plugin;
    storing.plugin = FindPlugin(collected.plugin);
    if (collected.status.ok() && storing.plugin == nullptr) {
      collected.status = Status::PluginFailed("the import worker named an importer '" +
                                              collected.plugin + "' that is not loaded");
    }
    if (!collected.status.ok()) {
      if (collected.plugin.empty() && first.in_folder && options.format.empty() &&
          collected.status.code() == StatusCode::kNotFound) {
        return Skip();  // no importer claims it (see PluginRegistry::ChooseImporter)
      }
      if (collected.plugin.empty()) return Fail(collected.status);  // no importer: not batched
      InputReport report = Fail(collected.status);
      CountInBatch(report);
      return report;
    }
    if (Status begun = BeginBatch(); !begun.ok()) return Fail(begun);
    if (options.dry_run) {
      storing.open = true;
      return std::nullopt;
    }
    if (Status saved = db().Exec("SAVEPOINT morgue_input"); !saved.ok()) {
      AbandonBatch(saved);
      return Fail(batch_error);
    }
    storing.open = true;
    return std::nullopt;
  }

  // An input found in a folder that no importer claims: neither stored nor failed.
  InputReport Skip() {
    InputReport report = std::move(storing.report);
    report.skipped = true;
    ++totals.skipped;
    return report;
  }

  // A dry run's AddInTransaction: what the archive would do with `article`, were the
  // run's earlier articles stored, remembering its keys instead of storing it.
  Result<AddResult> PlanArticle(Article article) {
    if (plan.next_id == 0) {
      Result<int64_t> next = archive.NextArticleId();
      if (!next.ok()) return next.status();
      plan.next_id = plan.next_id_at_open = *next;
    }
    Result<Archive::Impl::PlannedAdd> planned = archive.PlanAdd(std::move(article), options.tags);
    if (!planned.ok()) return planned.status();
    const auto planned_with = [](const std::map<std::string, int64_t>& keys,
                                 const std::string& key) -> int64_t {
      auto it = key.empty() ? keys.end() : keys.find(key);
      return it == keys.end() ? 0 : it->second;
    };
    AddResult result;
    // In the order the archive looks: by address, then by body; archived ids first.
    // A bare article (neither body nor URL) matches any of the same title, date and
    // source; one with a body or URL only a bare one, which it completes.
    const int64_t same_bare = planned_with(planned->identified ? plan.bare_metadata : plan.metadata,
                                           planned->metadata_key);
    for (int64_t same :
         {planned->same_url, planned_with(plan.url_keys, planned->url_key), planned->same_body,
          planned_with(plan.body_hashes, planned->body_hash), planned->same_metadata, same_bare}) {
      if (same != 0) {
        result.id = same;
        result.duplicate = true;
        break;
      }
    }
    if (!result.duplicate) result.id = plan.next_id++;
    for (auto [keys, key] : {std::pair{&plan.url_keys, &planned->url_key},
                             std::pair{&plan.body_hashes, &planned->body_hash}}) {
      if (!key->empty() && keys->emplace(*key, result.id).second) {
        plan.added.emplace_back(keys, *key);
      }
    }
    if (!planned->metadata_key.empty() && !result.duplicate) {
      for (auto* keys : {&plan.metadata, &plan.bare_metadata}) {
        if (keys == &plan.bare_metadata && planned->identified) continue;
        if (keys->emplace(planned->metadata_key, result.id).second) {
          plan.added.emplace_back(keys, planned->metadata_key);
        }
      }
    }
    return result;
  }

  // Takes back what the input being stored added to a dry run's plan.
  void UndoPlan() {
    if (!options.dry_run) return;
    for (auto& [keys, key] : plan.added) keys->erase(key);
    plan.added.clear();
    plan.next_id = plan.next_id_at_open;
  }

  // Stores articles of the open input through validation and dedup. `alone`: the whole
  // input, so that a single article's failure needs no "article N".
  Status AddArticles(std::vector<Article>& articles, bool alone) {
    for (Article& article : articles) {
      ++storing.articles;
      Result<AddResult> added =
          options.dry_run
              ? PlanArticle(std::move(article))
              : archive.AddInTransaction(std::move(article), storing.document_id, options.tags);
      if (!added.ok()) {
        return alone && articles.size() == 1
                   ? added.status()
                   : added.status().WithContext("article " + std::to_string(storing.articles));
      }
      (added->duplicate ? storing.report.duplicates : storing.report.imported)++;
      storing.report.article_ids.push_back(added->id);
      if (!added->duplicate) storing.report.new_ids.push_back(added->id);
    }
    articles.clear();
    return Status::OK();
  }

  // Ends the open input: keeps it when `stored` is OK and it gave an article, else rolls
  // back everything it added.
  InputReport Close(Status stored) {
    db().ResetCached();
    if (Status broken = db().TakeArchiveFailure(); !broken.ok()) {
      AbandonBatch(broken);
      return Fail(batch_error);
    }
    if (stored.ok() && storing.report.imported + storing.report.duplicates == 0) {
      stored = Status::InvalidArgument("no article found in it");
    }
    InputReport report;
    if (!stored.ok()) {
      if (!options.dry_run) {
        db().Exec("ROLLBACK TO morgue_input").ok();
        db().Exec("RELEASE morgue_input").ok();
      }
      report = Fail(stored);
    } else if (Status released = options.dry_run ? Status::OK() : db().Exec("RELEASE morgue_input");
               !released.ok()) {
      AbandonBatch(released);
      return Fail(batch_error);
    } else {
      storing.open = false;
      if (std::string warning = storing.body_check.Warning(); !warning.empty()) {
        storing.report.warnings.push_back(std::move(warning));
      }
      plan.added.clear();
      ++batch_inputs_ok;
      batch_imported += storing.report.imported;
      batch_duplicates += storing.report.duplicates;
      report = std::move(storing.report);
    }
    CountInBatch(report);
    return report;
  }

  // The row of a document that arrives in parts, made before its articles so that they
  // can link to it, under a stand-in digest (the savepoint is never committed with it);
  // CompleteDocument fills it in, or drops it for an identical document.
  Result<int64_t> InsertPendingDocument(const Extracted& first) {
    if (options.dry_run) return int64_t{0};
    Result<sql::Statement*> insert = db().Cached(R"sql(
      INSERT INTO documents(sha256, size, media_type, original_path, plugin, plugin_version,
                            imported_at, import_id, compression, content)
      VALUES (?1, 0, ?2, ?3, ?4, ?5, ?6, ?7, 'zlib', zeroblob(0)))sql");
    if (!insert.ok()) return insert.status();
    sql::Statement& s = **insert;
    s.Bind(1, "pending " + std::to_string(totals.import_id) + " " + std::to_string(totals.inputs));
    s.Bind(2, DocumentMediaType(plugins, *storing.plugin, first.path)).Bind(3, first.name);
    s.Bind(4, storing.plugin->name).Bind(5, storing.plugin->version).Bind(6, UtcNow());
    s.Bind(7, totals.import_id);
    MORGUE_RETURN_IF_ERROR(s.Run());
    return db().LastInsertId();
  }

  Status CompleteDocument(StreamingDocument& document) {
    if (options.dry_run) return Status::OK();
    const int64_t pending = storing.document_id;
    Result<int64_t> same =
        db().SelectId("SELECT id FROM documents WHERE sha256 = ?1", document.sha256_hex());
    if (!same.ok()) return same.status();
    if (*same != 0) {  // these bytes are archived already: link the articles to that copy
      Result<sql::Statement*> relink = db().Cached(
          "UPDATE OR IGNORE article_documents SET document_id = ?2 WHERE document_id = ?1");
      if (!relink.ok()) return relink.status();
      (*relink)->Bind(1, pending).Bind(2, *same);
      MORGUE_RETURN_IF_ERROR((*relink)->Run());
      for (const char* drop : {"DELETE FROM article_documents WHERE document_id = ?1",
                               "DELETE FROM documents WHERE id = ?1"}) {
        Result<sql::Statement*> statement = db().Cached(drop);
        if (!statement.ok()) return statement.status();
        (*statement)->Bind(1, pending);
        MORGUE_RETURN_IF_ERROR((*statement)->Run());
      }
      return Status::OK();
    }
    Result<sql::Statement*> update = db().Cached(
        "UPDATE documents SET sha256 = ?2, size = ?3, content = zeroblob(?4) WHERE id = ?1");
    if (!update.ok()) return update.status();
    (*update)->Bind(1, pending).Bind(2, document.sha256_hex());
    (*update)->Bind(3, static_cast<int64_t>(document.size()));
    (*update)->Bind(4, static_cast<int64_t>(document.compressed_size()));
    MORGUE_RETURN_IF_ERROR((*update)->Run());
    MORGUE_RETURN_IF_ERROR(document.Rewind());
    constexpr size_t kPiece = size_t{1} << 20;
    return db().WriteBlob(
        "documents", "content", pending, document.compressed_size(),
        [&document](std::string& piece) { return document.ReadCompressed(piece, kPiece); });
  }

  // Store, which may run out of memory in our own code (a large input's articles):
  // then the input is given up whole, like any input that fails.
  std::optional<InputReport> SafeStore(Extracted& piece) {
    try {
      return Store(piece);
    } catch (const std::exception& e) {
      if (!storing.open && piece.kind == Extracted::Kind::kPart && !piece.first_part) {
        return std::nullopt;  // the input had failed before this part
      }
      if (storing.open && !options.dry_run) {
        db().Exec("ROLLBACK TO morgue_input").ok();
        db().Exec("RELEASE morgue_input").ok();
      }
      return Fail(Status::IOError(std::string("cannot store it: ") + e.what()));
    }
  }

  // Stores one piece of an input (see Extracted), or records why the input failed.
  // Returns the input's report once it is finished: stored, or failed.
  std::optional<InputReport> Store(Extracted& piece) {
    switch (piece.kind) {
      case Extracted::Kind::kWhole: {
        if (std::optional<InputReport> finished = Open(piece)) return finished;
        ImportInput input{piece.name, piece.path, *piece.bytes, piece.collected.format};
        Result<int64_t> document = StoreDocument(input, piece.prepared, *storing.plugin);
        if (!document.ok()) return Close(document.status());
        storing.document_id = *document;
        storing.body_check.Add(*piece.bytes, piece.collected.articles);
        return Close(AddArticles(piece.collected.articles, true));
      }
      case Extracted::Kind::kPart: {
        if (piece.first_part) {
          if (std::optional<InputReport> finished = Open(piece)) return finished;
          Result<int64_t> document = InsertPendingDocument(piece);
          if (!document.ok()) return Close(document.status());
          storing.document_id = *document;
        } else if (!storing.open) {
          return std::nullopt;  // the input failed at an earlier part
        } else if (!piece.collected.status.ok()) {
          return Close(piece.collected.status);
        }
        storing.body_check.Merge(piece.body_check);
        if (Status added = AddArticles(piece.collected.articles, false); !added.ok()) {
          return Close(added);
        }
        return std::nullopt;
      }
      case Extracted::Kind::kDocument:
        if (!storing.open) return std::nullopt;
        if (!piece.refused.ok()) return Close(piece.refused);
        return Close(CompleteDocument(*piece.document));
    }
    return std::nullopt;
  }

  Status RecordTotals() {
    sql::Transaction transaction(db());
    MORGUE_RETURN_IF_ERROR(transaction.Begin());
    Result<sql::Statement*> update = db().Cached(
        "UPDATE imports SET finished_at = ?2, inputs = ?3, imported = ?4, duplicates = ?5, "
        "failed = ?6, skipped = ?7, interrupted = ?8 WHERE id = ?1");
    if (!update.ok()) return update.status();
    sql::Statement& s = **update;
    s.Bind(1, totals.import_id).Bind(2, UtcNow()).Bind(3, totals.inputs);
    s.Bind(4, totals.imported).Bind(5, totals.duplicates).Bind(6, totals.failed);
    s.Bind(7, totals.skipped).Bind(8, int64_t{totals.interrupted ? 1 : 0});
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
  return impl_->ImportOneFile({file, false});
}

void ImportRun::ImportFiles(const std::vector<std::filesystem::path>& files,
                            const std::function<void(const InputReport&)>& on_input) {
  std::vector<InputFile> named;
  named.reserve(files.size());
  for (const auto& file : files) named.push_back({file, false});
  impl_->ImportFiles(named, on_input);
}

void ImportRun::ImportFiles(const std::vector<InputFile>& files,
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
      if (impl_->StopRequested()) return Impl::Untaken(name);
      bytes.append(buffer, static_cast<size_t>(in.gcount()));
      // Stop reading at the limit: the stream may never end.
      if (limit != 0 && bytes.size() > limit) {
        report.status = TooLarge(0, limit);
        break;
      }
    }
    if (impl_->StopRequested()) return Impl::Untaken(name);  // the end came from the stop
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
  if (impl_->options.dry_run) {
    MORGUE_RETURN_IF_ERROR(impl_->CommitBatch());
    return impl_->totals;
  }
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

namespace {

// Whether fnmatch(3) pattern `pattern` takes the file `relative` (its path relative to
// the folder walked): by its name, or by that path when the pattern holds a '/'.
bool GlobMatches(const std::string& pattern, const std::filesystem::path& relative) {
  const std::string subject = pattern.find('/') == std::string::npos ? relative.filename().string()
                                                                     : relative.generic_string();
  return fnmatch(pattern.c_str(), subject.c_str(), 0) == 0;
}

bool AnyGlobMatches(const std::vector<std::string>& patterns, const std::filesystem::path& relative,
                    bool names_only) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return !(names_only && pattern.find('/') != std::string::npos) &&
           GlobMatches(pattern, relative);
  });
}

}  // namespace

std::vector<std::filesystem::path> CollectInputFiles(
    const std::vector<std::filesystem::path>& paths, std::vector<InputReport>* problems) {
  std::vector<std::filesystem::path> files;
  for (InputFile& file : CollectInputs(paths, {}, problems)) files.push_back(std::move(file.path));
  return files;
}

std::vector<InputFile> CollectInputs(const std::vector<std::filesystem::path>& paths,
                                     const InputSelection& selection,
                                     std::vector<InputReport>* problems) {
  namespace fs = std::filesystem;
  std::vector<InputFile> files;
  auto problem = [problems](const fs::path& path, Status status) {
    if (problems == nullptr) return;
    InputReport report;
    report.input = path.string();
    report.status = std::move(status);
    problems->push_back(std::move(report));
  };
  const auto taken = [&selection](const fs::path& relative) {
    return (selection.include.empty() || AnyGlobMatches(selection.include, relative, false)) &&
           !AnyGlobMatches(selection.exclude, relative, false);
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
      files.push_back({path, false});
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
      const fs::path relative = entry.lexically_relative(path);
      if (entry.filename().string().starts_with(".")) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_symlink(ec) && it->is_directory(ec)) continue;  // never followed: no loops
      if (it->is_directory(ec)) {
        // `--exclude node_modules` leaves out the folder and all below it, as rsync does.
        if (AnyGlobMatches(selection.exclude, relative, true)) it.disable_recursion_pending();
        continue;
      }
      if (!taken(relative)) continue;
      if (it->is_regular_file(ec)) {
        found.push_back(entry);
      } else if (it->is_symlink(ec) && !it->exists(ec)) {
        problem(entry, BrokenLink(entry));
      }
    }
    std::sort(found.begin(), found.end());
    for (fs::path& file : found) files.push_back({std::move(file), true});
  }
  return files;
}

}  // namespace morgue
