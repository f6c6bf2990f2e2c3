// morgue copy: copies a whole archive to another store (a SQLite file, a PostgreSQL
// database), ids and originals included; run again, it finishes a copy cut short.

#include "morgue/copy.h"

#include <memory>
#include <string>
#include <string_view>

#include "commands/commands.h"
#include "help.h"
#include "interrupt.h"
#include "progress.h"

namespace morgue::cli {
namespace {

struct CopyArgs {
  std::string source;
  std::string destination;
};

int RunCopy(Context& context, const CopyArgs& args) {
  const std::string from = ArchiveDisplayName(args.source);
  const std::string to = ArchiveDisplayName(args.destination);
  context.Info("copying archive " + from + " to " + to);
  InterruptWatch interrupts;
  std::unique_ptr<Progress> progress;
  std::string table_shown;
  CopyOptions options;
  options.on_progress = [&](std::string_view table, int64_t done, int64_t total) {
    if (InterruptWatch::Caught() != 0) return Status::IOError("interrupted");
    if (table != table_shown) {
      table_shown = std::string(table);
      progress = std::make_unique<Progress>("rows", total, Progress::WantedFor(context.quiet()));
      progress->SetDetail(table_shown);
    }
    progress->Update(done);
    return Status::OK();
  };
  Result<CopyResult> copied = CopyArchive(args.source, args.destination, options);
  progress.reset();
  if (const int signal = InterruptWatch::Caught(); signal != 0) {
    context.Error(kExitArchive, "copy interrupted; what was copied is kept in " + to +
                                    ": run the same command again to finish it");
    return InterruptWatch::ExitCodeFor(signal);
  }
  if (!copied.ok()) {
    const Status& status = copied.status();
    return context.Error(status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitArchive,
                         status.message());
  }
  context.Info(std::string(copied->resumed ? "finished the copy of " : "copied ") +
               copied->source_name + " to " + copied->destination_name + ": " +
               std::to_string(copied->articles) + " articles, " +
               std::to_string(copied->documents) + " originals (" + std::to_string(copied->rows) +
               " rows written by this run)");
  return kExitOk;
}

}  // namespace

Command AddCopyCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<CopyArgs>();
  CLI::App* sub = app.add_subcommand(
      "copy",
      "Copy a whole archive to a new one in another file or a PostgreSQL database, ids and "
      "originals included; run again, it finishes a copy that was cut short");
  SetExamples(sub, {"morgue copy news.db postgresql://lee@db.example.org/news",
                    "morgue copy postgresql://lee@db.example.org/news news-copy.db"});
  context.AddGlobalOptions(sub);
  sub->add_option("source", args->source,
                  "The archive to copy: a file, or postgresql://user@host:port/database")
      ->type_name("FROM")
      ->required();
  sub->add_option("destination", args->destination,
                  "Where to: a path where no file is yet, or an empty PostgreSQL database")
      ->type_name("TO")
      ->required();
  return {sub, [&context, args] { return RunCopy(context, *args); }};
}

}  // namespace morgue::cli
