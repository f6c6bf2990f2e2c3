// How an import run stores what its lanes extracted: each input in a savepoint, its
// articles through validation and dedup, failures recorded (see import_run.h).

#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "import_run.h"

namespace morgue {

const LoadedPluginInfo* ImportRun::Impl::FindPlugin(const std::string& name) const {
  for (const auto& info : plugins.plugins()) {
    if (info->name == name) return info.get();
  }
  return nullptr;
}

InputReport ImportRun::Impl::Fail(Status status) {
  InputReport report = std::move(storing.report);
  storing.open = false;
  UndoPlan();
  report.status = std::move(status);
  report.imported = report.duplicates = report.near_duplicates = 0;
  report.revisions.clear();
  report.copies_of.clear();
  report.near_duplicates_of.clear();
  report.article_ids.clear();
  report.new_ids.clear();
  ++totals.failed;
  if (batch.error().ok() && batch.Begin().ok()) batch.RecordFailure(report);
  return report;
}

void ImportRun::Impl::CountInBatch(InputReport& report) {
  batch.CountInput();
  if (!batch.IsFull()) return;
  if (Status committed = batch.Commit(); !committed.ok() && report.status.ok()) {
    report.status = committed;
    report.imported = report.duplicates = report.near_duplicates = 0;
    report.revisions.clear();
    report.copies_of.clear();
    report.near_duplicates_of.clear();
    report.article_ids.clear();
  }
}

std::optional<InputReport> ImportRun::Impl::Open(Extracted& first) {
  storing = Storing{};
  storing.report.input = first.name;
  if (first.kind == Extracted::Kind::kNested) {
    storing.report.from_container = first.origin.container;
    storing.report.container_offset = first.origin.offset;
  }
  plan.OpenInput();  // what a failure of this input takes back from a dry run's plan
  ++totals.inputs;
  if (!batch.error().ok()) return Fail(batch.error());
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
  if (Status begun = batch.Begin(); !begun.ok()) return Fail(begun);
  if (options.dry_run) {
    storing.open = true;
    return std::nullopt;
  }
  if (Status saved = db().Exec("SAVEPOINT morgue_input"); !saved.ok()) {
    batch.Abandon(saved);
    return Fail(batch.error());
  }
  storing.open = true;
  return std::nullopt;
}

InputReport ImportRun::Impl::Skip() {
  InputReport report = std::move(storing.report);
  report.skipped = true;
  ++totals.skipped;
  return report;
}

void ImportRun::Impl::UndoPlan() {
  if (!options.dry_run) return;
  plan.UndoInput();
}

Status ImportRun::Impl::AddArticles(import_job::Collected& collected, bool alone) {
  std::vector<Article>& articles = collected.articles;
  const bool keyed = collected.body_keys.size() == articles.size();
  for (size_t i = 0; i < articles.size(); ++i) {
    Article& article = articles[i];
    ++storing.articles;
    Result<AddResult> added =
        options.dry_run
            ? plan.Add(archive, std::move(article), options.tags)
            : archive.AddInTransaction(std::move(article), storing.document_id, options.tags,
                                       keyed ? &collected.body_keys[i] : nullptr);
    if (!added.ok()) {
      return alone && articles.size() == 1
                 ? added.status()
                 : added.status().WithContext("article " + std::to_string(storing.articles));
    }
    if (added->revision != 0) {
      storing.report.revisions.emplace_back(added->id, added->revision);
    } else {
      (added->duplicate ? storing.report.duplicates : storing.report.imported)++;
    }
    if (added->copy_of != 0) storing.report.copies_of.emplace_back(added->id, added->copy_of);
    if (!added->near_duplicates.empty()) {
      ++storing.report.near_duplicates;
      for (int64_t of : added->near_duplicates) {
        storing.report.near_duplicates_of.push_back({added->id, of});
      }
    }
    storing.report.article_ids.push_back(added->id);
    if (!added->duplicate) storing.report.new_ids.push_back(added->id);
  }
  articles.clear();
  collected.body_keys.clear();
  return Status::OK();
}

InputReport ImportRun::Impl::Close(Status stored) {
  db().ResetCached();
  if (Status broken = db().TakeArchiveFailure(); !broken.ok()) {
    batch.Abandon(broken);
    return Fail(batch.error());
  }
  if (stored.ok() && storing.report.imported + storing.report.duplicates == 0 &&
      storing.report.revisions.empty()) {
    stored = Status::Corruption("no article found in it");
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
    batch.Abandon(released);
    return Fail(batch.error());
  } else {
    storing.open = false;
    if (std::string warning = storing.body_check.Warning(); !warning.empty()) {
      storing.report.warnings.push_back(std::move(warning));
    }
    plan.KeepInput();
    batch.CountStored(storing.report);
    report = std::move(storing.report);
  }
  CountInBatch(report);
  return report;
}

InputReport ImportRun::Impl::CloseContainer(Extracted& end) {
  ++totals.containers;
  for (const auto& [reason, count] : end.container.skipped) totals.records_skipped += count;
  storing = Storing{};
  storing.report.input = end.name;
  storing.report.plugin = end.collected.plugin;
  storing.report.container = std::move(end.container);
  // Its documents were its inputs; the container is one more only when it broke.
  if (end.refused.ok()) return std::move(storing.report);
  plan.OpenInput();  // a dry run's failure takes back nothing of the documents before
  ++totals.inputs;
  InputReport report = Fail(std::move(end.refused));
  CountInBatch(report);
  return report;
}

std::optional<InputReport> ImportRun::Impl::SafeStore(Extracted& piece) {
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

std::optional<InputReport> ImportRun::Impl::Store(Extracted& piece) {
  switch (piece.kind) {
    case Extracted::Kind::kWhole:
    case Extracted::Kind::kNested: {
      if (std::optional<InputReport> finished = Open(piece)) return finished;
      ImportInput input{piece.name, piece.path, *piece.bytes, piece.collected.format};
      Result<int64_t> document =
          piece.kind == Extracted::Kind::kNested
              ? documents.StoreNested(input, piece.prepared, *storing.plugin, totals.import_id,
                                      piece.origin)
              : documents.Store(input, piece.prepared, *storing.plugin, totals.import_id);
      if (!document.ok()) return Close(document.status());
      storing.document_id = *document;
      storing.body_check.Add(*piece.bytes, piece.collected.articles);
      return Close(AddArticles(piece.collected, true));
    }
    case Extracted::Kind::kPart: {
      if (piece.first_part) {
        if (std::optional<InputReport> finished = Open(piece)) return finished;
        Result<int64_t> document = documents.InsertPending(piece.name, piece.path, *storing.plugin,
                                                           totals.import_id, totals.inputs);
        if (!document.ok()) return Close(document.status());
        storing.document_id = *document;
      } else if (!storing.open) {
        return std::nullopt;  // the input failed at an earlier part
      } else if (!piece.collected.status.ok()) {
        return Close(piece.collected.status);
      }
      storing.body_check.Merge(piece.body_check);
      if (Status added = AddArticles(piece.collected, false); !added.ok()) {
        return Close(added);
      }
      return std::nullopt;
    }
    case Extracted::Kind::kDocument:
      if (!storing.open) return std::nullopt;
      if (!piece.refused.ok()) return Close(piece.refused);
      return Close(documents.Complete(storing.document_id, *piece.document));
    case Extracted::Kind::kContainerEnd:
      return CloseContainer(piece);
  }
  return std::nullopt;
}

}  // namespace morgue
