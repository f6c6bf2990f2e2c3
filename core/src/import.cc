// ImportRun: an import run as its parts compose it (import_run.h). The serial paths read
// and store on the calling thread; ImportFiles reads on the extractor's lanes through an
// OrderedPipeline and stores here, in input order.

#include "morgue/import.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include "import_job.h"
#include "import_run.h"
#include "ordered_pipeline.h"

namespace morgue {

bool ImportRun::Impl::StopRequested() {
  if (!totals.interrupted && options.stop_requested && options.stop_requested()) {
    totals.interrupted = true;
  }
  return totals.interrupted;
}

InputReport ImportRun::Impl::ImportOne(std::string name, std::filesystem::path path,
                                       std::shared_ptr<const std::string> bytes,
                                       const std::function<void(const InputReport&)>& on_document) {
  extractor.EnsureLanes(1);
  Extracted extracted;
  extracted.name = std::move(name);
  extracted.path = std::move(path);
  extracted.bytes = std::move(bytes);
  if (batch.error().ok()) {  // no use running a plugin for an archive that takes nothing
    extracted = extractor.Extract(std::move(extracted.name), extracted.path,
                                  std::move(extracted.bytes), extractor.lane(0));
  }
  if (StopRequested()) return Untaken(extracted.name);
  if (!extracted.IsContainer()) return *SafeStore(extracted);
  SerialStore store{*this, false, on_document, std::nullopt};
  extractor.ExtractContainer(extracted.name, extracted.path, extracted.bytes, extracted.collected,
                             extractor.lane(0), std::ref(store));
  if (totals.interrupted) batch.Commit().ok();  // a failure sets batch.error()
  if (store.result) return std::move(*store.result);
  if (totals.interrupted || batch.error().ok()) return Untaken(extracted.name);
  storing = Storing{};  // its reading stopped at an archive failure: it failed
  storing.report.input = extracted.name;
  plan.OpenInput();
  ++totals.inputs;
  return Fail(batch.error());
}

bool ImportRun::Impl::SerialStore::operator()(Extracted piece) {
  if (result) return false;  // the closing piece of an input that failed early
  if (run.StopRequested()) {
    run.DropOpenInput();
    return false;
  }
  // A document in a container no importer claims is a failure, not a file to skip.
  piece.in_folder = in_folder && piece.kind != Extracted::Kind::kNested;
  const bool nested = piece.kind == Extracted::Kind::kNested;
  if (std::optional<InputReport> report = run.SafeStore(piece)) {
    if (!nested) {
      result = std::move(*report);
      return false;
    }
    if (on_document) on_document(*report);
  }
  return run.batch.error().ok();  // an archive that takes nothing more stops the reading
}

InputReport ImportRun::Impl::Untaken(const std::string& name) {
  InputReport report;
  report.input = name;
  report.status = Status::IOError("the import was interrupted before this input was stored");
  return report;
}

void ImportRun::Impl::DropOpenInput() {
  if (!storing.open) return;
  if (!options.dry_run) {
    db().Exec("ROLLBACK TO morgue_input").ok();
    db().Exec("RELEASE morgue_input").ok();
  }
  UndoPlan();
  storing.open = false;
  --totals.inputs;
}

std::optional<InputReport> ImportRun::Impl::TakeOneFile(
    const InputFile& file, const std::function<void(const InputReport&)>& on_document) {
  extractor.EnsureLanes(1);
  if (StopRequested()) return std::nullopt;
  if (!batch.error().ok()) {
    Extracted refused = Extracted::Whole(file.path, Status::OK());
    return SafeStore(refused);
  }
  SerialStore store{*this, file.in_folder, on_document, std::nullopt};
  extractor.ExtractFile(file.path, extractor.lane(0), std::ref(store));
  if (totals.interrupted) batch.Commit().ok();  // a failure sets batch.error()
  // A container whose reading stopped at an archive failure has no closing report.
  if (!store.result && !totals.interrupted && !batch.error().ok()) {
    storing = Storing{};
    storing.report.input = file.path.string();
    plan.OpenInput();
    ++totals.inputs;
    return Fail(batch.error());
  }
  return std::move(store.result);
}

InputReport ImportRun::Impl::ImportOneFile(
    const InputFile& file, const std::function<void(const InputReport&)>& on_document) {
  std::optional<InputReport> report = TakeOneFile(file, on_document);
  return report ? std::move(*report) : Untaken(file.path.string());
}

void ImportRun::Impl::ImportFiles(const std::vector<InputFile>& files,
                                  const std::function<void(const InputReport&)>& on_input) {
  if (files.empty() || !batch.error().ok() || StopRequested()) return;
  size_t jobs = options.jobs > 0 ? static_cast<size_t>(options.jobs)
                                 : std::max(1U, std::thread::hardware_concurrency());
  jobs = std::min(jobs, files.size());
  extractor.EnsureLanes(jobs);
  // Lanes take the next file in order, within a window of `8 * jobs` inputs ahead of the
  // one being stored, and queue at most 2 pieces of an input at a time. A wide window
  // keeps lanes busy while one large page holds up the writer; what bounds memory is
  // options.held_bytes: past it, lanes take no new input.
  using Pipeline = OrderedPipeline<Extracted>;
  Pipeline::Options flow;
  flow.items = files.size();
  flow.producers = jobs;
  flow.window = 8 * jobs;
  flow.queued_per_item = 2;
  flow.weight = [](const Extracted& piece) { return piece.HeldBytes(); };
  flow.weight_limit = options.held_bytes;
  flow.start_thread = import_job::StartPluginThread;  // plugin code may need a large stack
  // However this function is left, the lanes are stopped and joined before it returns.
  Pipeline pipeline(std::move(flow));
  const size_t started =
      pipeline.Start([this, &files](size_t index, size_t lane, const Pipeline::Deliver& deliver) {
        const bool in_folder = files[index].in_folder;
        extractor.ExtractFile(
            files[index].path, extractor.lane(lane), [&deliver, in_folder](Extracted piece) {
              piece.in_folder = in_folder && piece.kind != Extracted::Kind::kNested;
              return deliver(std::move(piece));
            });
      });
  if (started == 0) {  // no thread to be had: do the work here, one input at a time
    for (const auto& file : files) {
      const std::optional<InputReport> report = TakeOneFile(file, on_input);
      if (!report) break;  // interrupted
      if (on_input) on_input(*report);
      if (!batch.error().ok()) break;
    }
    return;
  }

  const auto proceed = [this] { return batch.error().ok() && !StopRequested(); };
  // A slow importer must not keep other writers waiting on the open batch; an input
  // stored in parts is never committed half-way, though.
  const auto commit_overdue_batch = [this] {
    if (!batch.open() || storing.open || !batch.Overdue()) return false;
    batch.Commit().ok();  // a failure sets batch.error(), which stops the wait
    return true;
  };
  for (size_t i = 0; i < files.size() && proceed(); ++i) {
    bool finished = false;  // the input's last piece is stored
    while (!finished) {
      std::optional<Extracted> piece = pipeline.Next(i, proceed, commit_overdue_batch);
      if (!piece) break;  // as if the files after it were never given
      finished = piece->Ends();
      const bool part = piece->kind == Extracted::Kind::kPart;
      std::optional<InputReport> report = SafeStore(*piece);
      piece.reset();
      if (report.has_value()) {
        // Failed at a part: its lane stops reading, then closes it. (A container's
        // documents each end with a report of their own.)
        if (part) pipeline.Unwanted(i);
        if (on_input) on_input(*report);
      }
      if (!batch.error().ok()) break;
    }
    pipeline.Done(i);
  }
  if (totals.interrupted) {
    // Keep what is whole, and say so, before the lanes are joined: a second Ctrl-C
    // meanwhile ends the process with the run recorded.
    DropOpenInput();
    if (batch.Commit().ok() && batch.run_recorded() && !options.dry_run) {
      batch.RecordTotals().ok();
    }
  }
}

Result<std::unique_ptr<ImportRun>> ImportRun::Start(Archive& archive, const PluginRegistry& plugins,
                                                    ImportOptions options) {
  MORGUE_RETURN_IF_ERROR(archive.CanStoreArticles());
  auto impl = std::make_unique<Impl>(*archive.impl_, plugins, std::move(options));
  if (!impl->options.dry_run) MORGUE_RETURN_IF_ERROR(impl->archive.PrepareDeferredBands());
  impl->db().TakeArchiveFailure().ok();  // a failure before this run is not this run's
  return std::unique_ptr<ImportRun>(new ImportRun(std::move(impl)));
}

ImportRun::ImportRun(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ImportRun::~ImportRun() {
  if (!impl_->finished) Finish().ok();  // complete inputs are worth keeping
}

InputReport ImportRun::ImportFile(const std::filesystem::path& file,
                                  const std::function<void(const InputReport&)>& on_document) {
  return impl_->ImportOneFile({file, false}, on_document);
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

InputReport ImportRun::ImportBytes(const std::string& name, std::string_view bytes,
                                   const std::function<void(const InputReport&)>& on_document) {
  InputReport report;
  report.input = name;
  try {
    // A copy the importer owns: a plugin that overruns the time limit may keep reading it.
    return impl_->ImportOne(name, {}, std::make_shared<const std::string>(bytes), on_document);
  } catch (const std::bad_alloc&) {
    report.status = Status::IOError("too large to read into memory");
  }
  RecordProblem(report);
  return report;
}

InputReport ImportRun::ImportStream(const std::string& name, std::istream& in,
                                    const std::function<void(const InputReport&)>& on_document) {
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
      return impl_->ImportOne(name, {}, std::make_shared<const std::string>(std::move(bytes)),
                              on_document);
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
  if (impl_->batch.Begin().ok()) impl_->batch.RecordFailure(problem);
}

Result<ImportTotals> ImportRun::Finish() {
  if (impl_->finished) return impl_->totals;
  impl_->finished = true;
  Result<ImportTotals> finished = impl_->Finish();
  // The band keys still waiting belong to committed articles, however the run ended. If
  // they cannot be merged now (the archive is busy), nothing is lost: their rows in
  // story_bands_pending have the next open to write make them.
  impl_->archive.EndDeferredBands().ok();
  return finished;
}

Result<ImportTotals> ImportRun::Impl::Finish() {
  if (options.dry_run) {
    MORGUE_RETURN_IF_ERROR(batch.Commit());
    return totals;
  }
  if (batch.error().ok()) {
    MORGUE_RETURN_IF_ERROR(batch.Begin());  // a run with no input is recorded too
    MORGUE_RETURN_IF_ERROR(batch.Commit());
  }
  if (!batch.run_recorded()) return batch.error();
  Status recorded = batch.RecordTotals();
  MORGUE_RETURN_IF_ERROR(batch.error());
  MORGUE_RETURN_IF_ERROR(recorded);
  return totals;
}

const ImportTotals& ImportRun::totals() const { return impl_->totals; }

int ImportRun::abandoned_threads() const { return impl_->extractor.abandoned_threads(); }

const Status& ImportRun::archive_error() const { return impl_->batch.error(); }

}  // namespace morgue
