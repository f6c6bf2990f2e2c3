// morgue import: read files, folders or standard input into the archive.

#include "morgue/import.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_set>
#include <utility>
#include <vector>

#include "commands/commands.h"
#include "core/src/string_helpers.h"  // Join
#include "help.h"
#include "interrupt.h"
#include "morgue/text.h"
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
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool dry_run = false;
  bool create = false;          // create the archive when it does not exist
  bool include_drafts = false;  // container importers: drafts become articles too
  bool include_pages = false;   // container importers: pages as well as posts
};

// "64M", "512K", "1G", "2GiB", "1000": binary multiples; nullopt when not a size.
std::optional<uint64_t> ParseSize(std::string text) {
  text = LowerAscii(text);
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

std::string Counted(int64_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// What the containers of a run held, counted from their reports.
struct ContainerCounts {
  int64_t documents = 0;  // reports of documents from containers (each counted as an input)
  int64_t started = 0;    // containers whose reading began, an interrupted one too
  int64_t broken = 0;     // containers that could not be read to their end (an input each)
  // The container being read: its name, documents so far and size in bytes (for the
  // progress line); `reading` is false between containers.
  bool reading = false;
  std::string current;
  int64_t current_documents = 0;
  uintmax_t current_size = 0;

  // The files (or inputs) the run took: each container once, not its documents.
  int64_t Files(const ImportTotals& totals) const {
    return totals.inputs - documents + started - broken;
  }
};

// "warc: 1,203 records: 1,153 documents (3 could not be read), 50 skipped: 30 request
// records, 20 revisits".
std::string ContainerLine(const InputReport& report) {
  const ContainerSummary& held = *report.container;
  int64_t skipped = 0;
  for (const auto& [reason, count] : held.skipped) skipped += count;
  std::string line = report.input + ": " + report.plugin + ": " +
                     Counted(held.documents + held.failed + skipped, "record", "records") + ": " +
                     Counted(held.documents + held.failed, "document", "documents");
  if (held.failed > 0) line += " (" + std::to_string(held.failed) + " could not be read)";
  if (skipped > 0) {
    line += ", " + std::to_string(skipped) + " skipped:";
    bool first = true;
    for (const auto& [reason, count] : held.skipped) {
      line += std::string(first ? " " : ", ") + std::to_string(count) + " " + reason;
      first = false;
    }
  }
  return line;
}

// The one line a script or a log needs, always printed: inputs are counted as files (or
// inputs, when standard input was one), articles as articles. A container's documents
// are inputs of their own: the files are then said to hold them.
std::string Summary(const ImportTotals& totals, const ContainerCounts& containers, bool read_stdin,
                    bool dry_run) {
  const std::string one = read_stdin ? "input" : "file";
  const std::string many = one + "s";
  std::string line;
  if (containers.started == 0) {
    line = Counted(totals.inputs, one, many) + ": ";
  } else {
    line = Counted(containers.Files(totals), one, many) + " (" +
           Counted(containers.started, "container", "containers") + " with " +
           Counted(containers.documents, "document", "documents") + ", " +
           Counted(totals.records_skipped, "record", "records") + " skipped): ";
  }
  line += dry_run ? Counted(totals.imported, "new article", "new articles")
                  : Counted(totals.imported, "article", "articles") + " imported";
  // Another address's or publication's article with a body already archived is stored as
  // an article of its own: said, since its body is then stored twice.
  // Near-duplicates are new articles too, linked to the archived ones they resemble.
  std::vector<std::string> linked;
  if (totals.copies > 0) {
    linked.push_back(Counted(totals.copies, "copy of another article", "copies of other articles"));
  }
  if (totals.near_duplicates > 0) {
    linked.push_back(Counted(totals.near_duplicates, "near-duplicate", "near-duplicates"));
  }
  if (!linked.empty()) line += " (" + Join(linked, ", ") + ", linked)";
  // An article whose address came again with changes took a new revision.
  if (totals.revised > 0) line += ", " + std::to_string(totals.revised) + " revised";
  line += ", " + Counted(totals.duplicates, "duplicate", "duplicates") + "; ";
  line += (containers.started == 0 ? Counted(totals.failed, one, many)
                                   : Counted(totals.failed, "input", "inputs")) +
          " failed, " + std::to_string(totals.skipped) + " skipped";
  if (dry_run) line += "; dry run, nothing was stored";
  return line;
}

// "articles 7, 9, 12", at most a few ids.
std::string ArticleIds(const std::vector<int64_t>& ids) {
  constexpr size_t kShown = 5;
  std::string text = ids.size() == 1 ? "article " : "articles ";
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) {
    text += (i == 0 ? "" : ", ") + std::to_string(ids[i]);
  }
  if (ids.size() > kShown) text += ", …";
  return text;
}

// What a dry run found an input would become: "1 article: new, would be article 105",
// "3 articles: 2 new (articles 105, 106), 1 duplicate of article 7".
std::string DryRunLine(const InputReport& report) {
  if (report.skipped) return report.input + ": skipped: no importer reads it";
  std::unordered_multiset<int64_t> unclaimed_new(report.new_ids.begin(), report.new_ids.end());
  std::unordered_multiset<int64_t> unclaimed_revised;
  for (const auto& [id, revision] : report.revisions) unclaimed_revised.insert(id);
  std::vector<int64_t> duplicates;
  for (int64_t id : report.article_ids) {
    if (auto it = unclaimed_new.find(id); it != unclaimed_new.end()) {
      unclaimed_new.erase(it);
    } else if (auto revised = unclaimed_revised.find(id); revised != unclaimed_revised.end()) {
      unclaimed_revised.erase(revised);
    } else {
      duplicates.push_back(id);
    }
  }
  std::string line =
      report.input + ": " + report.plugin + ": " +
      Counted(static_cast<int64_t>(report.article_ids.size()), "article", "articles") + ": ";
  // The articles the input's articles would be linked to, each named once.
  const auto linked_to = [](const std::vector<std::pair<int64_t, int64_t>>& pairs) {
    std::vector<int64_t> ids;
    for (const auto& [article, other] : pairs) {
      if (std::find(ids.begin(), ids.end(), other) == ids.end()) ids.push_back(other);
    }
    return ids;
  };
  const std::vector<int64_t> copied = linked_to(report.copies_of);
  const std::vector<int64_t> resembled = linked_to(report.near_duplicates_of);
  std::vector<std::string> links;
  if (!copied.empty()) {
    links.push_back("a copy of " + ArticleIds(copied) + " by another address or source");
  }
  if (!resembled.empty()) links.push_back("a near-duplicate of " + ArticleIds(resembled));
  // "revision 2 of article 7".
  std::vector<std::string> revisions;
  for (const auto& [id, revision] : report.revisions) {
    revisions.push_back("revision " + std::to_string(revision) + " of article " +
                        std::to_string(id));
  }
  if (report.article_ids.size() == 1) {
    return line +
           (!revisions.empty()   ? "a new " + revisions.front()
            : duplicates.empty() ? "new, would be " + ArticleIds(report.new_ids)
                                 : "duplicate of " + ArticleIds(duplicates)) +
           (links.empty() ? "" : " (" + Join(links, "; ") + ")");
  }
  line += std::to_string(report.new_ids.size()) + " new";
  if (!report.new_ids.empty()) line += " (" + ArticleIds(report.new_ids) + ")";
  if (!revisions.empty()) {
    line += ", " +
            Counted(static_cast<int64_t>(revisions.size()), "new revision", "new revisions") +
            " (" + Join(revisions, ", ") + ")";
  }
  line += ", " + Counted(static_cast<int64_t>(duplicates.size()), "duplicate", "duplicates");
  if (!duplicates.empty()) line += " of " + ArticleIds(duplicates);
  if (!copied.empty()) {
    line += "; " + Counted(static_cast<int64_t>(report.copies_of.size()), "copy", "copies") +
            " of " + ArticleIds(copied) + " by another address or source";
  }
  if (!resembled.empty()) {
    line += "; " + Counted(report.near_duplicates, "near-duplicate", "near-duplicates") + " of " +
            ArticleIds(resembled);
  }
  return line;
}

// Counts the files skipped because no importer reads them, by extension, for one line:
// "skipped 12 files no importer reads: 8 .jpg, 3 .png, 1 without extension".
class SkippedFiles {
 public:
  void Add(const std::string& input) {
    std::string extension = std::filesystem::path(input).extension().string();
    extension = LowerAscii(extension);
    ++by_extension_[extension];
    ++total_;
  }
  std::string Message() const {
    if (total_ == 0) return {};
    std::vector<std::pair<int64_t, std::string>> counts;
    for (const auto& [extension, count] : by_extension_) counts.emplace_back(-count, extension);
    std::sort(counts.begin(), counts.end());
    std::string message = "skipped " + Counted(total_, "file", "files") + " no importer reads: ";
    for (size_t i = 0; i < counts.size(); ++i) {
      message += (i == 0 ? "" : ", ") + std::to_string(-counts[i].first) + " " +
                 (counts[i].second.empty() ? "without extension" : counts[i].second);
    }
    return message;
  }

 private:
  std::map<std::string, int64_t> by_extension_;
  int64_t total_ = 0;
};

// "archive.warc.gz: 1,200 documents, 45% read": how far into a container the import is,
// from the offset of the record of its latest document.
std::string ContainerProgress(const InputReport& document, ContainerCounts& counts) {
  if (!counts.reading || document.from_container != counts.current) {
    counts.reading = true;
    ++counts.started;
    counts.current = document.from_container;
    counts.current_documents = 0;
    std::error_code error;
    const uintmax_t size = std::filesystem::file_size(counts.current, error);
    counts.current_size = error ? 0 : size;
  }
  ++counts.current_documents;
  std::string detail =
      counts.current + ": " + Counted(counts.current_documents, "document", "documents");
  if (counts.current_size > 0) {
    const double read =
        static_cast<double>(document.container_offset) / static_cast<double>(counts.current_size);
    detail += ", " + std::to_string(std::min(static_cast<int>(100 * read), 100)) + "% read";
  }
  return detail;
}

// The archive an import writes: it must exist unless --create. A dry run only reads it,
// and reads an empty stand-in in memory when there is none yet: it never creates one.
std::unique_ptr<Archive> OpenImportArchive(Context& context, const ImportArgs& args) {
  const std::filesystem::path path = context.archive_path();
  std::error_code error;
  const bool exists = IsLocationUri(path) || std::filesystem::exists(path, error);
  if (args.dry_run) {
    OpenOptions options;
    options.create_if_missing = false;
    // A dry run only reads. An archive this morgue imports nothing into (PostgreSQL, for
    // now) is refused with the reason, as the import would be.
    options.read_only = true;
    if (!exists) {
      context.Info("no archive at " + path.string() +
                   " yet; the dry run compares with an empty one");
    }
    auto archive = exists ? Archive::Open(path, options) : Archive::Open(":memory:");
    if (!archive.ok()) {
      context.Error(kExitArchive, archive.status().message());
      return nullptr;
    }
    return std::move(archive).value();
  }
  if (!exists && !args.create) {
    context.Error(kExitArchive, "no archive at " + path.string() +
                                    "; create it with 'morgue init --archive " + path.string() +
                                    "' or add --create");
    return nullptr;
  }
  bool created = false;
  auto archive = context.OpenOrCreate(&created);
  if (archive != nullptr && created) {
    context.Info("created archive " + archive->path().string());
  }
  return archive;
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

  auto archive = OpenImportArchive(context, args);
  if (archive == nullptr) {
    return kExitArchive;
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
  const std::vector<InputFile> files =
      CollectInputs(paths, {args.include, args.exclude}, &problems);

  // From here on Ctrl-C (SIGINT) and SIGTERM stop the run between inputs; see below.
  InterruptWatch interrupts;
  options.stop_requested = [] { return InterruptWatch::Caught() != 0; };
  options.dry_run = args.dry_run;
  if (args.include_drafts) options.parameters["drafts"] = "true";
  if (args.include_pages) options.parameters["pages"] = "true";
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
  SkippedFiles skipped;
  ContainerCounts containers;
  // When the archive itself fails (read-only, disk full) no further input can be
  // stored: one message says why, instead of one per remaining input.
  auto stopped = [&run] { return !(*run)->archive_error().ok(); };
  auto on_input = [&](const InputReport& report) {
    if (!report.status.ok() && !stopped()) {
      PrintFailure(report, progress);
    } else if (report.skipped) {
      skipped.Add(report.input);
    }
    if (args.dry_run && report.status.ok() && !report.container) {
      progress.Clear();
      std::cout << DryRunLine(report) << '\n';
    }
    PrintWarnings(report, progress);
    if (!report.from_container.empty()) {  // one more of a container's documents
      ++containers.documents;
      progress.SetDetail(ContainerProgress(report, containers));
      progress.Update(done);
      return;
    }
    if (report.container) {  // a container's end, after its documents
      if (!containers.reading || containers.current != report.input) ++containers.started;
      containers.reading = false;
      if (!report.status.ok()) ++containers.broken;
      progress.SetDetail("");
      if (!stopped() && !context.quiet()) progress.Message("morgue: " + ContainerLine(report));
    }
    progress.Update(++done);
  };
  (*run)->ImportFiles(files, on_input);
  auto interrupted = [&run] { return (*run)->totals().interrupted; };
  if (read_stdin && !stopped() && !interrupted()) {
    InterruptibleInput in(STDIN_FILENO);
    InputReport report = (*run)->ImportStream("<stdin>", in, on_input);
    if (!interrupted()) on_input(report);
  }
  progress.Clear();
  if (!skipped.Message().empty()) context.Info(skipped.Message());
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
    // Always printed, even with --quiet.
    std::cerr << Summary(*totals, containers, read_stdin, args.dry_run) << '\n';
    exit_code = totals->failed > 0 ? kExitPartial : kExitOk;
    if (totals->interrupted) {
      const int signal = InterruptWatch::Caught();
      const int64_t given =
          static_cast<int64_t>(files.size() + problems.size()) + (read_stdin ? 1 : 0);
      context.Error(kExitOk, std::string("interrupted by ") +
                                 (signal == SIGTERM ? "SIGTERM" : "SIGINT") + " after " +
                                 std::to_string(containers.Files(*totals)) + " of " +
                                 std::to_string(given) + (read_stdin ? " inputs" : " files") +
                                 "; run the same command again to import the rest (what is "
                                 "archived already counts as duplicates)");
      exit_code = InterruptWatch::ExitCodeFor(signal);
    }
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
               "An article already archived (same canonical URL, or same body where neither "
               "the canonical URL nor the source differs; without either, same title, date and "
               "source) counts as a duplicate and is stored once. The same body under another "
               "canonical URL or source is another outlet's copy, and a body telling the same "
               "story with changes (a paragraph cut or moved, a credit added) a near-duplicate: "
               "each a new article, linked to the archived one (see `morgue similar`). An input "
               "of "
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
  sub->add_option("--include", args->include,
                  "In folders, take only files matching this glob (repeatable): a pattern "
                  "without '/' matches the file name, one with '/' the path within the folder")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  sub->add_option("--exclude", args->exclude,
                  "In folders, leave out files (and folders) matching this glob (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  sub->add_flag("--dry-run", args->dry_run,
                "Print what each input would become (importer, articles, new or duplicate of "
                "which article) and store nothing; the archive is only read");
  sub->add_flag("--create", args->create, "Create the archive if it does not exist");
  sub->add_flag("--include-drafts", args->include_drafts,
                "Blog exports: import drafts and scheduled posts too (by default only "
                "published posts)");
  sub->add_flag("--include-pages", args->include_pages,
                "Blog exports: import the blog's pages too (by default only its posts)");
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
