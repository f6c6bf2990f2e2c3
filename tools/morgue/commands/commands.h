// The subcommands of `morgue`, one file each. Every Add*Command registers its subcommand
// and options on the main app and returns how to run it once the command line is parsed.

#ifndef MORGUE_TOOLS_MORGUE_COMMANDS_COMMANDS_H_
#define MORGUE_TOOLS_MORGUE_COMMANDS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

#include "context.h"

namespace morgue::cli {

struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;  // returns the exit code
};

Command AddInitCommand(CLI::App& app, Context& context);
Command AddImportCommand(CLI::App& app, Context& context);
Command AddExportCommand(CLI::App& app, Context& context);
Command AddListCommand(CLI::App& app, Context& context);
Command AddShowCommand(CLI::App& app, Context& context);
Command AddSimilarCommand(CLI::App& app, Context& context);
Command AddDiffCommand(CLI::App& app, Context& context);
Command AddOriginalCommand(CLI::App& app, Context& context);
Command AddSearchCommand(CLI::App& app, Context& context);
Command AddTagCommand(CLI::App& app, Context& context);
Command AddUntagCommand(CLI::App& app, Context& context);
Command AddTagsCommand(CLI::App& app, Context& context);
Command AddRmCommand(CLI::App& app, Context& context);
Command AddReextractCommand(CLI::App& app, Context& context);
Command AddRevertCommand(CLI::App& app, Context& context);
Command AddPluginsCommand(CLI::App& app, Context& context);
Command AddStatsCommand(CLI::App& app, Context& context);
Command AddSourcesCommand(CLI::App& app, Context& context);
Command AddCopyCommand(CLI::App& app, Context& context);
// `morgue help [COMMAND]`: add it last, so that it knows every other command.
Command AddHelpCommand(CLI::App& app, Context& context);

// The child process of `morgue import --isolate`: `morgue __import-worker PLUGIN...`,
// not a command for users, handled before the command line is parsed.
bool IsImportWorkerCommand(int argc, char** argv);
int RunImportWorkerCommand(int argc, char** argv);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_COMMANDS_COMMANDS_H_
