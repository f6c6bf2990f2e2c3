// morgue reextract: the selected articles' originals read again by the importers installed
// now, with how many articles each field would change and a few examples; with --apply,
// the changes stored as new revisions (morgue revert ID undoes one).

#include "morgue/reextract.h"

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "article_json.h"
#include "commands/commands.h"
#include "filter_options.h"
#include "help.h"
#include "output.h"
#include "progress.h"

namespace morgue::cli {
namespace {

struct ReextractArgs {
  std::string plugin;
  bool apply = false;
  bool json = false;
  int examples = 3;
  FilterOptions filter;
};

// The fields in the order a person reads an article.
const char* const kFieldOrder[] = {"title",   "subtitle", "authors", "published",
                                   "updated", "summary",  "body"};

struct FieldTally {
  int64_t articles = 0;
  std::vector<std::pair<int64_t, FieldChange>> examples;  // (article, change)
};

// A value as one short line: a body by its size, other text cut to fit.
std::string Shown(const std::string& field, const std::string& value) {
  if (value.empty()) return "(none)";
  if (field == "body") {
    const auto words = std::count(value.begin(), value.end(), ' ') + 1;
    return std::to_string(words) + " words";
  }
  return "\"" + Truncate(OneLine(value), 36) + "\"";
}

int RunReextract(Context& context, const ReextractArgs& args) {
  // An importer that is not there would fail every article: say so once.
  if (!args.plugin.empty()) {
    if (auto importer = context.plugins().ImporterFor(args.plugin); !importer.ok()) {
      return context.Error(kExitUsage, importer.status().message());
    }
  }
  auto archive =
      context.OpenExisting(args.apply ? Context::Access::kWrite : Context::Access::kRead);
  if (archive == nullptr) return kExitArchive;
  Filter filter = MakeFilter(args.filter);
  if (args.filter.order.empty()) filter.order = SortOrder::kIdAsc;
  const bool show_progress = Progress::WantedFor(context.quiet());
  int64_t total = 0;
  if (show_progress) {
    Result<int64_t> count = archive->Count(filter);
    if (count.ok()) total = *count;
  }
  Progress progress("articles", total, show_progress);

  std::map<std::string, FieldTally> fields;
  int64_t read = 0, changed = 0, failed = 0;
  Json failures = Json::array();
  ReextractOptions options{args.plugin, args.apply};
  const Status status =
      Reextract(*archive, context.plugins(), filter, options, [&](const ReextractResult& result) {
        progress.Update(++read);
        if (!result.status.ok()) {
          ++failed;
          std::string where = "article " + std::to_string(result.id);
          if (result.document_id != 0) {
            where += ": document " + std::to_string(result.document_id) + " (" +
                     result.document_name + ")";
          }
          if (!result.plugin.empty()) where += ": " + result.plugin;
          progress.Message("morgue: " + where + ": " + result.status.message());
          failures.push_back(
              {{"id", result.id},
               {"document", result.document_id == 0 ? Json() : Json(result.document_id)},
               {"error", result.status.message()}});
          return Status::OK();
        }
        if (result.changes.empty()) return Status::OK();
        ++changed;
        for (const FieldChange& change : result.changes) {
          FieldTally& tally = fields[change.field];
          ++tally.articles;
          if (static_cast<int>(tally.examples.size()) < args.examples) {
            tally.examples.emplace_back(result.id, change);
          }
        }
        return Status::OK();
      });
  progress.Clear();
  if (!status.ok()) return context.Error(status);

  if (args.json) {
    Json out = {{"articles", read},
                {"changed", changed},
                {"unchanged", read - changed - failed},
                {"failed", failed},
                {"applied", args.apply}};
    Json by_field = Json::object();
    for (const auto& [field, tally] : fields) {
      Json examples = Json::array();
      for (const auto& [id, change] : tally.examples) {
        examples.push_back({{"id", id}, {"before", change.before}, {"after", change.after}});
      }
      by_field[field] = {{"articles", tally.articles}, {"examples", std::move(examples)}};
    }
    out["fields"] = std::move(by_field);
    out["failures"] = std::move(failures);
    PrintJson(out);
  } else if (!fields.empty()) {
    // FIELD      ARTICLES  EXAMPLES
    // title             2  17: "Seoul, Tokyo seek first…" → "Seoul, Tokyo seek 1st…"
    const std::vector<Column> columns = {
        {"FIELD", 9}, {"ARTICLES", 8, true}, {"EXAMPLES", kTableWidth - 9 - 8 - 4}};
    std::cout << TableHeader(columns) << '\n';
    for (const char* field : kFieldOrder) {
      auto it = fields.find(field);
      if (it == fields.end()) continue;
      bool first = true;
      for (const auto& [id, change] : it->second.examples) {
        std::cout << TableRow(columns,
                              {first ? field : "", first ? std::to_string(it->second.articles) : "",
                               std::to_string(id) + ": " + Shown(field, change.before) + " → " +
                                   Shown(field, change.after)})
                  << '\n';
        first = false;
      }
      if (it->second.examples.empty()) {
        std::cout << TableRow(columns, {field, std::to_string(it->second.articles), ""}) << '\n';
      }
    }
  }
  std::string summary =
      "read " + std::to_string(read) + (read == 1 ? " article" : " articles") +
      " again: " + std::to_string(changed) + (args.apply ? " changed" : " would change") + ", " +
      std::to_string(read - changed - failed) + " the same, " + std::to_string(failed) + " failed";
  summary += args.apply ? (changed == 0 ? ""
                                        : "; each change stored as a new revision (morgue "
                                          "revert ID undoes one)")
                        : "; dry run, nothing was stored (--apply stores the changes as new "
                          "revisions)";
  context.Info(summary);
  return failed == 0 ? kExitOk : kExitPartial;
}

}  // namespace

Command AddReextractCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReextractArgs>();
  CLI::App* sub = app.add_subcommand(
      "reextract",
      "Read the selected articles' original documents again with the importers installed now "
      "and show, per field, how many articles would change, with examples; --apply stores the "
      "changes as new revisions (morgue revert ID undoes one; tags are never changed)");
  SetExamples(sub, {"morgue reextract", "morgue reextract --source \"korea times\" --plugin html",
                    "morgue reextract --ids 3,17 --apply", "morgue revert 17"});
  context.AddGlobalOptions(sub);
  sub->add_option("--plugin", args->plugin,
                  "Read every original with this importer (a plugin or format name) instead of "
                  "the one that imported it")
      ->type_name("NAME");
  sub->add_flag("--apply", args->apply,
                "Store each article's changes as its next revision (without it, a dry run)");
  sub->add_option("--examples", args->examples, "Examples shown per field (default 3)")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--json", args->json,
                "Print a JSON object: articles, changed, unchanged, failed, applied, fields "
                "(per field: articles, examples [{id, before, after}]), failures");
  AddFilterOptions(sub, &args->filter);
  return {sub, [&context, args] { return RunReextract(context, *args); }};
}

}  // namespace morgue::cli
