// morgue: the command line of a morgue archive.
//
// Data goes to standard output, every message to standard error, so output can be piped.
//
// Exit codes:
//   0  all good
//   1  some inputs failed to import, or some named articles were not found
//      (everything else that was asked for was done)
//   2  usage error: unknown command or option, bad option value, malformed search query,
//      an export file that exists without --force
//   3  archive or plugin error: cannot open or write the archive (or it does not exist),
//      archive made by a newer morgue, no plugin for a format, cannot write the output
//   130, 143  an import interrupted by SIGINT (Ctrl-C) or SIGTERM: it stopped between two
//      inputs, kept every input it had finished and recorded its counts (128 + signal)

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "context.h"
#include "usage_errors.h"

namespace morgue::cli {
namespace {

std::string CommandLine(int argc, char** argv) {
  std::string line = "morgue";
  for (int i = 1; i < argc; ++i) {
    line += ' ';
    line += argv[i];
  }
  return line;
}

int Main(int argc, char** argv) {
  // Past a file-size limit (ulimit -f) a write should fail with EFBIG, so that an export
  // reports it and removes its temporary file, rather than the process being killed.
  std::signal(SIGXFSZ, SIG_IGN);
  Context context(CommandLine(argc, argv));
  CLI::App app("morgue: an archive of news articles in one SQLite file", "morgue");
  app.require_subcommand(1);
  const std::string exit_codes =
      "Exit codes: 0 ok; 1 some inputs failed or items not found; 2 usage error; "
      "3 archive or plugin error; 130/143 import or copy interrupted (SIGINT/SIGTERM).";
  app.footer(exit_codes);  // subcommands inherit it when they are added
  context.AddGlobalOptions(&app);

  std::vector<Command> commands = {
      AddInitCommand(app, context),     AddImportCommand(app, context),
      AddListCommand(app, context),     AddShowCommand(app, context),
      AddSimilarCommand(app, context),  AddDiffCommand(app, context),
      AddOriginalCommand(app, context), AddSearchCommand(app, context),
      AddExportCommand(app, context),   AddTagCommand(app, context),
      AddUntagCommand(app, context),    AddTagsCommand(app, context),
      AddRmCommand(app, context),       AddReextractCommand(app, context),
      AddRevertCommand(app, context),   AddStatsCommand(app, context),
      AddSourcesCommand(app, context),  AddPluginsCommand(app, context),
      AddCopyCommand(app, context),
  };
  commands.push_back(AddHelpCommand(app, context));
  app.footer(exit_codes +
             "\nRun 'morgue COMMAND --help' or 'morgue help COMMAND' for a command's options.");

  if (const int refused = RefuseGluedShortFlags(app, argc, argv); refused != 0) return refused;
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& done) {
    // --help and --version print to standard output.
    return app.exit(done) == 0 ? kExitOk : kExitUsage;
  } catch (const CLI::ParseError& error) {
    return ReportUsageError(app, error);
  }

  int exit_code = kExitUsage;
  for (const Command& command : commands) {
    if (command.app->parsed()) {
      exit_code = command.run();
      break;
    }
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "morgue: cannot write to standard output\n";
    return kExitArchive;
  }
  return exit_code;
}

}  // namespace
}  // namespace morgue::cli

int main(int argc, char** argv) {
  // No exception leaves main: anything unexpected is reported like an archive error.
  try {
    if (morgue::cli::IsImportWorkerCommand(argc, argv)) {
      // Nothing to flush or tidy; leaving at once also skips plugins' static destructors.
      std::_Exit(morgue::cli::RunImportWorkerCommand(argc, argv));
    }
    return morgue::cli::Main(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "morgue: " << error.what() << '\n';
  } catch (...) {
    std::cerr << "morgue: unexpected error\n";
  }
  return morgue::cli::kExitArchive;
}
