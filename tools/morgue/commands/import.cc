// morgue import: read files, folders or standard input into the archive.

#include "morgue/import.h"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "commands/commands.h"
#include "help.h"
#include "progress.h"

namespace morgue::cli {
namespace {

// The hidden command that --isolate starts in a child process.
constexpr const char* kWorkerCommand = "__import-worker";

// More importer threads than this only add memory: one writer stores every article.
constexpr int kMaxJobs = 256;

struct ImportArgs {
  std::vector<std::string> inputs;
  std::string format;
  std::vector<std::string> tags;
  std::string max_input_size = "64M";
  double time_limit = 60;
  bool isolate = false;
  int jobs = 0;  // 0: one per core
};

// "64M", "512K", "1G", "2GiB", "1000": binary multiples; nullopt when not a size.
std::optional<uint64_t> ParseSize(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string unit = text.substr(digits);
  if (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  int shift = -1;
  if (unit.empty() || unit == "b") {
    shift = 0;
  } else {
    const std::string prefixes = "kmgt";
    const size_t index = prefixes.find(unit.front());
    const std::string rest = unit.substr(1);
    if (index != std::string::npos && (rest.empty() || rest == "b" || rest == "ib")) {
      shift = 10 * static_cast<int>(index + 1);
    }
  }
  if (shift < 0 || digits > 19) return std::nullopt;
  const uint64_t number = std::strtoull(text.substr(0, digits).c_str(), nullptr, 10);
  if (number > (UINT64_MAX >> shift)) return std::nullopt;
  return number << shift;
}

// The running morgue binary, which --isolate starts again as the import worker: through
// /proc/self/exe, which names this very file even when an upgrade has replaced or removed
// it since morgue started.
std::string SelfPath() {
  constexpr const char* kSelf = "/proc/self/exe";
  return access(kSelf, X_OK) == 0 ? std::string(kSelf) : std::string();
}

// One line per failed input, always shown (even with --quiet): the input, who failed, why.
void PrintFailure(const InputReport& report, Progress& progress) {
  progress.Message(report.input + ": " + (report.plugin.empty() ? "morgue" : report.plugin) + ": " +
                   report.status.message());
}

// One line per warning about a stored input, always shown, like a failure.
void PrintWarnings(const InputReport& report, Progress& progress) {
  for (const std::string& warning : report.warnings) {
    progress.Message(report.input + ": " + report.plugin + ": warning: " + warning);
  }
}

int RunImport(Context& context, const ImportArgs& args) {
  const std::optional<uint64_t> max_input_bytes = ParseSize(args.max_input_size);
  if (!max_input_bytes) {
    return context.Error(kExitUsage, "--max-input-size: '" + args.max_input_size +
                                         "' is not a size; write e.g. 64M, 512K, 1G or a "
                                         "number of bytes (0: no limit)");
  }
  // Up to 11 days: anything longer is a typo, and would overflow the clock's arithmetic.
  if (!(args.time_limit >= 0 && args.time_limit <= 1e6)) {
    return context.Error(kExitUsage,
                         "--time-limit: write a number of seconds from 0 (no "
                         "limit) to 1000000");
  }
  ImportOptions options;
  options.format = args.format;
  options.tags = args.tags;
  options.command = context.command_line();
  options.max_input_bytes = *max_input_bytes;
  options.time_limit = std::chrono::milliseconds(std::llround(args.time_limit * 1000));
  if (args.time_limit > 0 && options.time_limit.count() == 0) {
    options.time_limit = std::chrono::milliseconds(1);
  }
  if (args.jobs < 0 || args.jobs > kMaxJobs) {
    return context.Error(kExitUsage, "--jobs: write a number of threads from 1 to " +
                                         std::to_string(kMaxJobs) + ", or 0 for one per core");
  }
  options.jobs = args.jobs;
  if (args.isolate) {
    const std::string self = SelfPath();
    if (self.empty()) {
      return context.Error(kExitArchive,
                           "--isolate: cannot find the morgue binary to start (is /proc mounted?)");
    }
    options.isolate_command = {self, kWorkerCommand};
  }

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

  auto run = ImportRun::Start(*archive, plugins, options);
  if (!run.ok()) {
    return context.Error(kExitArchive, run.status().message());
  }

  Progress progress("inputs", static_cast<int64_t>(files.size()) + (read_stdin ? 1 : 0),
                    Progress::WantedFor(context.quiet()));
  for (const InputReport& problem : problems) {
    PrintFailure(problem, progress);
    (*run)->RecordProblem(problem);
  }
  int64_t done = 0;
  // When the archive itself fails (read-only, disk full) no further input can be
  // stored: one message says why, instead of one per remaining input.
  auto stopped = [&run] { return !(*run)->archive_error().ok(); };
  (*run)->ImportFiles(files, [&](const InputReport& report) {
    if (!report.status.ok() && !stopped()) {
      PrintFailure(report, progress);
    }
    PrintWarnings(report, progress);
    progress.Update(++done);
  });
  if (read_stdin && !stopped()) {
    InputReport report = (*run)->ImportStream("<stdin>", std::cin);
    if (!report.status.ok() && !stopped()) {
      PrintFailure(report, progress);
    }
    PrintWarnings(report, progress);
    progress.Update(++done);
  }
  progress.Clear();
  int exit_code = kExitOk;
  if (stopped()) {
    const Status error = (*run)->archive_error();
    (*run)->Finish().ok();  // records what it can; the error above is the one to report
    exit_code = context.Error(
        kExitArchive, error.message() +
                          ". The import stopped there; what it imported before is kept, and "
                          "importing the same inputs again adds only what is missing");
  } else if (auto totals = (*run)->Finish(); !totals.ok()) {
    exit_code = context.Error(kExitArchive, totals.status().message());
  } else {
    // Always printed, even with --quiet: the one line a script or a log needs.
    std::cerr << "imported " << totals->imported << ", duplicates " << totals->duplicates
              << ", failed " << totals->failed << " (of " << totals->inputs << " inputs)\n";
    exit_code = totals->failed > 0 ? kExitPartial : kExitOk;
  }
  if ((*run)->abandoned_threads() > 0) {
    // A plugin is still running on a thread past --time-limit. Everything is committed:
    // close the archive, then leave without joining that thread or unloading its library.
    run->reset();
    archive.reset();
    std::cout.flush();
    std::cerr.flush();
    std::_Exit(std::cout ? exit_code : kExitArchive);
  }
  return exit_code;
}

}  // namespace

Command AddImportCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* sub = app.add_subcommand(
      "import", "Import articles from files, folders (recursively) or standard input (-)");
  SetExamples(sub, {"morgue import saved-pages/",
                    "morgue import --tag election-2012 --format jsonl dump.jsonl",
                    "curl -s https://example.org/story.html | morgue import -"});
  SetHelpDetails(sub, [&context] {
    return ImportFormatsHelp(context.plugins()) + "\n" +
           Wrap(
               "An article already archived (same canonical URL or body; without either, same "
               "title, date and source) counts as a duplicate and is stored once. An input of "
               "much text that gives an article without a body is stored, with a warning "
               "naming it.",
               0) +
           "\n";
  });
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
  sub->add_option("--max-input-size", args->max_input_size,
                  "Refuse inputs larger than this: 64M, 512K, 1G or bytes; 0: no limit")
      ->type_name("SIZE")
      ->capture_default_str();
  sub->add_option("--time-limit", args->time_limit,
                  "Fail an input whose importer takes longer than this; 0: no limit")
      ->type_name("SECONDS")
      ->capture_default_str();
  sub->add_option("-j,--jobs", args->jobs,
                  "Read and extract this many inputs at once; articles are stored in the "
                  "order given either way. 0: one per core")
      ->type_name("N")
      ->capture_default_str();
  sub->add_flag("--isolate", args->isolate,
                "Run the importers in a child process: a plugin that crashes costs only the "
                "input it was reading");
  return {sub, [&context, args] { return RunImport(context, *args); }};
}

int RunImportWorkerCommand(int argc, char** argv) {
  std::vector<std::filesystem::path> plugin_files(argv + 2, argv + argc);
  return RunImportWorker(3, plugin_files);
}

bool IsImportWorkerCommand(int argc, char** argv) {
  return argc >= 2 && std::string(argv[1]) == kWorkerCommand;
}

}  // namespace morgue::cli
