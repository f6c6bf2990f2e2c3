// morgue help [COMMAND]: the same help as `morgue --help` or `morgue COMMAND --help`.

#include "help.h"

#include <iostream>
#include <memory>
#include <string>

#include "commands/commands.h"
#include "usage_errors.h"

namespace morgue::cli {
namespace {

int RunHelp(CLI::App& app, Context& context, const std::string& name) {
  if (name.empty()) {
    // app.help() would show the help of `help`, the command being run.
    std::cout << app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal);
    return kExitOk;
  }
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    if (command->get_name() == name) {
      std::cout << command->help(app.get_name());
      return kExitOk;
    }
  }
  context.Error(kExitUsage, UnknownCommandMessage(app, name));
  std::cerr << "Run 'morgue --help' for more information.\n";
  return kExitUsage;
}

}  // namespace

Command AddHelpCommand(CLI::App& app, Context& context) {
  auto name = std::make_shared<std::string>();
  CLI::App* sub = app.add_subcommand("help", "Show the help of morgue or of one command");
  SetExamples(sub, {"morgue help", "morgue help export"});
  sub->add_option("command", *name, "The command, e.g. export")->type_name("COMMAND");
  return {sub, [&app, &context, name] { return RunHelp(app, context, *name); }};
}

}  // namespace morgue::cli
