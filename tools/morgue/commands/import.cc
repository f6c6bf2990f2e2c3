// morgue import: read files, folders or standard input into the archive.

#include "morgue/import.h"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"

namespace morgue::cli {
namespace {

struct ImportArgs {
  std::vector<std::string> inputs;
  std::string format;
  std::vector<std::string> tags;
};

// One line per failed input, always shown (even with --quiet): the input, who failed, why.
void PrintFailure(const InputReport& report) {
  std::cerr << report.input << ": " << (report.plugin.empty() ? "morgue" : report.plugin) << ": "
            << report.status.message() << '\n';
}

int RunImport(Context& context, const ImportArgs& args) {
  const PluginRegistry& plugins = context.plugins();
  if (!args.format.empty()) {
    // Checked before touching the archive so a typo creates nothing.
    if (auto importer = plugins.ImporterFor(args.format); !importer.ok()) {
      return context.Error(kExitArchive, importer.status().message());
    }
  }

  std::vector<std::filesystem::path> paths;
  bool read_stdin = false;
  for (const std::string& input : args.inputs) {
    if (input == "-") {
      read_stdin = true;
    } else {
      paths.emplace_back(input);
    }
  }
  std::vector<InputReport> problems;
  std::vector<std::filesystem::path> files = CollectInputFiles(paths, &problems);

  bool created = false;
  auto archive = context.OpenOrCreate(&created);
  if (archive == nullptr) {
    return kExitArchive;
  }
  if (created) {
    context.Info("created archive " + archive->path().string());
  }

  ImportOptions options;
  options.format = args.format;
  options.tags = args.tags;
  options.command = context.command_line();
  auto run = ImportRun::Start(*archive, plugins, options);
  if (!run.ok()) {
    return context.Error(kExitArchive, run.status().message());
  }

  for (const InputReport& problem : problems) {
    PrintFailure(problem);
    (*run)->RecordProblem(problem);
  }
  // When the archive itself fails (read-only, disk full) no further input can be
  // stored: one message says why, instead of one per remaining input.
  auto stopped = [&run] { return !(*run)->archive_error().ok(); };
  for (const std::filesystem::path& file : files) {
    if (stopped()) break;
    InputReport report = (*run)->ImportFile(file);
    if (!report.status.ok() && !stopped()) {
      PrintFailure(report);
    }
  }
  if (read_stdin && !stopped()) {
    std::string bytes(std::istreambuf_iterator<char>(std::cin), {});
    InputReport report = (*run)->ImportBytes("<stdin>", bytes);
    if (!report.status.ok() && !stopped()) {
      PrintFailure(report);
    }
  }
  if (stopped()) {
    Status error = (*run)->archive_error();
    (*run)->Finish().ok();  // records what it can; the error above is the one to report
    return context.Error(kExitArchive,
                         error.message() +
                             ". The import stopped there; what it imported before is kept, and "
                             "importing the same inputs again adds only what is missing");
  }
  auto totals = (*run)->Finish();
  if (!totals.ok()) {
    return context.Error(kExitArchive, totals.status().message());
  }

  context.Info("imported " + std::to_string(totals->imported) + ", duplicates " +
               std::to_string(totals->duplicates) + ", failed " + std::to_string(totals->failed) +
               " (of " + std::to_string(totals->inputs) + " inputs)");
  return totals->failed > 0 ? kExitPartial : kExitOk;
}

}  // namespace

Command AddImportCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand(
      "import", "Import articles from files, folders (recursively) or standard input (-)");
  context.AddGlobalOptions(sub);
  sub->add_option("inputs", args->inputs, "Files, folders, or - for standard input")
      ->type_name("PATH")
      ->required();
  sub->add_option("--format", args->format,
                  "Read every input as this format instead of detecting it")
      ->type_name("FORMAT");
  sub->add_option("--tag", args->tags, "Add this tag to every imported article (repeatable)")
      ->type_name("TAG")
      ->allow_extra_args(false);
  return {sub, [&context, args] { return RunImport(context, *args); }};
}

}  // namespace morgue::cli
