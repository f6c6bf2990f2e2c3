// morgue export: write the selected articles through an exporter plugin, to standard
// output or atomically to a file.

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "atomic_file.h"
#include "commands/commands.h"
#include "filter_options.h"
#include "help.h"
#include "progress.h"

namespace morgue::cli {
namespace {

struct ExportArgs {
  std::string format;
  std::string output;
  bool force = false;
  std::vector<std::string> fields;
  // Options of the csv plugin (formats csv and tsv), passed to it as
  // ExportOptions::parameters: see plugins/csv/README.md.
  bool bom = false;
  std::string delimiter;
  bool allow_formulas = false;
  bool revisions = false;  // each article's earlier revisions too
  FilterOptions filter;
};

class StdoutSink : public ByteSink {
 public:
  Status Write(std::string_view bytes) override {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!std::cout) {
      return Status::IOError("cannot write to standard output");
    }
    return Status::OK();
  }
};

// A failure of the exporter itself: bad options are the user's to fix (usage), the
// rest is an archive, plugin or write failure.
int ExportFailure(Context& context, const Status& status) {
  return context.Error(status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitArchive,
                       status.message());
}

// Passes --bom, --delimiter and --allow-formulas to the csv plugin as parameters.
int AddCsvOptions(Context& context, const ExportArgs& args, ExportOptions* options) {
  if (!args.bom && args.delimiter.empty() && !args.allow_formulas) {
    return kExitOk;
  }
  if (options->format != "csv" && options->format != "tsv") {
    const std::string message =
        "--bom, --delimiter and --allow-formulas only apply to --format csv or tsv, not '" +
        options->format + "'";
    return context.Error(kExitUsage, message);
  }
  if (args.bom) options->parameters["bom"] = "true";
  if (args.allow_formulas) options->parameters["formulas"] = "true";
  if (!args.delimiter.empty()) {
    const std::string delimiter = args.delimiter == "\\t" ? "\t" : args.delimiter;
    if (delimiter.size() != 1) {
      return context.Error(kExitUsage, "--delimiter takes one character (or \\t for a tab), not '" +
                                           args.delimiter + "'");
    }
    options->parameters["delimiter"] = delimiter;
  }
  return kExitOk;
}

// The names given to --fields, split at commas by the parser: "id, title" means id and
// title, so the spaces around each name go, and an empty name (from "id,,title" or a
// trailing comma) is no field.
std::vector<std::string> FieldNames(const std::vector<std::string>& given) {
  std::vector<std::string> names;
  for (const std::string& name : given) {
    const size_t first = name.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    const size_t last = name.find_last_not_of(" \t");
    names.push_back(name.substr(first, last - first + 1));
  }
  return names;
}

// Counts the articles the exporter takes, for the progress line.
class ProgressCursor : public ArticleCursor {
 public:
  ProgressCursor(ArticleCursor& inner, Progress& progress) : inner_(inner), progress_(progress) {}
  bool Next(Article* article) override {
    if (!inner_.Next(article)) return false;
    progress_.Update(++taken_);
    return true;
  }
  Status status() const override { return inner_.status(); }
  void SetParts(const ArticleParts& parts) override { inner_.SetParts(parts); }

 private:
  ArticleCursor& inner_;
  Progress& progress_;
  int64_t taken_ = 0;
};

int RunExport(Context& context, const ExportArgs& args) {
  const bool to_stdout = args.output.empty() || args.output == "-";
  std::error_code error;
  // A link, dangling or not, could lead the export anywhere: say so rather than write
  // through it. With --force the link itself is replaced (see AtomicFile).
  if (!to_stdout && !args.force && std::filesystem::is_symlink(args.output, error)) {
    const std::filesystem::path to = std::filesystem::read_symlink(args.output, error);
    const std::string target = error ? std::string() : " (to " + to.string() + ")";
    return context.Error(kExitUsage, args.output + " is a symbolic link" + target +
                                         "; not writing through it: name the file itself, or "
                                         "use --force to replace the link with the export");
  }
  if (!to_stdout && !args.force && std::filesystem::exists(args.output, error)) {
    return context.Error(kExitUsage, args.output + " already exists; use --force to replace it");
  }
  auto exporter = context.plugins().ExporterFor(args.format);
  if (!exporter.ok()) {
    return context.Error(kExitArchive, exporter.status().message());
  }

  ExportOptions options;
  options.format = args.format;
  options.fields = FieldNames(args.fields);
  options.every_revision = args.revisions;
  // Asked for by plugin name: use the first format the plugin writes.
  const auto formats = context.plugins().ExportFormatsOf(exporter->info().name);
  if (!formats.empty() && std::find(formats.begin(), formats.end(), args.format) == formats.end()) {
    options.format = formats.front();
  }
  if (const int code = AddCsvOptions(context, args, &options); code != kExitOk) {
    return code;
  }

  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  Filter filter = MakeFilter(args.filter);
  // A dataset comes in archive order unless asked otherwise, so exporting, importing into
  // a fresh archive and exporting again gives the same bytes.
  if (args.filter.order.empty()) filter.order = SortOrder::kIdAsc;
  filter.every_revision = args.revisions;
  auto selected = archive->Select(filter);
  if (!selected.ok()) {
    return context.Error(selected.status());
  }
  // Counting costs a pass over the ids: only done when the line is shown.
  const bool show_progress = Progress::WantedFor(context.quiet());
  int64_t total = 0;
  // With --revisions the articles are counted, not the rows: the line counts without a total.
  if (show_progress && !args.revisions) {
    Result<int64_t> count = archive->Count(filter);
    if (count.ok()) total = *count;
  }
  Progress progress("articles", total, show_progress);
  ProgressCursor cursor(**selected, progress);

  if (to_stdout) {
    StdoutSink sink;
    Status status = exporter->Export(cursor, options, sink);
    progress.Clear();
    std::cout.flush();
    if (status.ok() && !std::cout) {
      status = Status::IOError("cannot write to standard output");
    }
    return status.ok() ? kExitOk : ExportFailure(context, status);
  }
  auto file = AtomicFile::Create(args.output, args.force);
  if (!file.ok()) {
    return context.Error(kExitArchive, file.status().message());
  }
  Status status = exporter->Export(cursor, options, **file);
  progress.Clear();
  if (status.ok()) {
    status = (*file)->Commit();
  }
  // Without Commit the temporary file is removed: a failed export leaves nothing behind.
  if (!status.ok()) {
    return ExportFailure(context, status);
  }
  context.Info("exported to " + args.output);
  return kExitOk;
}

}  // namespace

Command AddExportCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* sub = app.add_subcommand("export", "Export the selected articles (e.g. as JSON Lines)");
  SetExamples(sub, {"morgue export --format jsonl -o all.jsonl",
                    "morgue export --format csv --fields id,title,published --tag japan",
                    "morgue export --format json --author lee --since 2011 -o lee.json",
                    "morgue export --format jsonl --revisions -o every-revision.jsonl"});
  SetHelpDetails(sub, [&context] { return ExportFormatsHelp(context.plugins()); });
  context.AddGlobalOptions(sub);
  sub->add_option("-f,--format", args->format, "The export format, e.g. jsonl (see Formats below)")
      ->type_name("NAME")
      ->required();
  sub->add_option("-o,--output", args->output,
                  "Write to FILE (complete or not at all) instead of standard output")
      ->type_name("FILE");
  sub->add_flag("--force", args->force, "Replace FILE if it exists");
  sub->add_option(
         "--fields", args->fields,
         "Only these fields, in this order, e.g. --fields id,title,published (see Formats below)")
      ->type_name("a,b,c")
      ->delimiter(',')
      ->allow_extra_args(false);
  sub->add_flag("--revisions", args->revisions,
                "Also each article's earlier revisions (its address imported again with "
                "changes), each before the article, the first first, with a revision field");
  sub->add_flag("--bom", args->bom, "csv/tsv: start with a UTF-8 byte order mark (for Excel)");
  sub->add_option("--delimiter", args->delimiter,
                  "csv/tsv: separate fields with CHAR instead of ',' (csv) or a tab (tsv); "
                  "\\t is a tab")
      ->type_name("CHAR");
  sub->add_flag("--allow-formulas", args->allow_formulas,
                "csv/tsv: write cells starting with =, +, -, @, tab or CR as they are, without "
                "the ' that keeps spreadsheets from running them");
  AddFilterOptions(sub, &args->filter);
  return {sub, [&context, args] { return RunExport(context, *args); }};
}

}  // namespace morgue::cli
