#include "usage_errors.h"

#include <cctype>
#include <iostream>
#include <regex>
#include <vector>

#include "context.h"
#include "output.h"
#include "suggest.h"

namespace morgue::cli {
namespace {

template <typename Error>
bool Is(const CLI::ParseError& error) {
  return dynamic_cast<const Error*>(&error) != nullptr;
}

// The command whose options were being read: the last one named on the command line.
CLI::App* InnermostCommand(CLI::App& app) {
  CLI::App* command = &app;
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
  }
  return command;
}

std::vector<std::string> CommandNames(CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(command->get_name());
  }
  return names;
}

std::vector<std::string> OptionNames(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::Option* option : command.get_options()) {
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    for (const std::string& name : option->get_snames()) names.push_back("-" + name);
  }
  return names;
}

// How the help names what an option takes: "--format NAME", or "ID" for a positional
// (its name in capitals when it has no type name but CLI11's "TEXT").
std::string Described(const CLI::Option& option) {
  if (option.get_lnames().empty() && option.get_snames().empty()) {
    std::string type = option.get_type_name();
    if (type.empty() || type == "TEXT") {
      type = option.get_name();
      for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return type;
  }
  const std::string name = option.get_lnames().empty() ? "-" + option.get_snames().front()
                                                       : "--" + option.get_lnames().front();
  return option.get_type_name().empty() ? name : name + " " + option.get_type_name();
}

// The option CLI11 calls `name` ("--limit", "id") in `command`, or null.
const CLI::Option* FindOption(const CLI::App& command, const std::string& name) {
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_name() == name || option->check_name(name)) return option;
  }
  return nullptr;
}

std::string ExtraArgumentMessage(CLI::App& app, CLI::App& command) {
  // Arguments nobody took, in command-line order: the first is the one to fix.
  std::vector<std::string> extras = app.remaining(/*recurse=*/true);
  if (extras.empty()) return "unexpected arguments";
  const std::string first = extras.front();
  if (first.size() > 1 && first.starts_with('-')) {
    const std::string name = first.substr(0, first.find('='));
    return "unknown option " + name + DidYouMean(Suggest(name, OptionNames(command)));
  }
  return "unexpected argument '" + first + "'";
}

std::string MissingMessage(const CLI::App& command, const std::string& what) {
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_required() && option->count() == 0) {
      return "missing " + Described(*option);
    }
  }
  return what;
}

// CLI11's texts, as "morgue: " lines in the terms of the help.
std::string Reworded(CLI::App& app, CLI::App& command, const CLI::ParseError& error) {
  // By type: CLI11 names some errors after the command rather than the error.
  std::string what = error.what();
  std::smatch match;
  if (Is<CLI::ExtrasError>(error)) return ExtraArgumentMessage(app, command);
  if (Is<CLI::RequiredError>(error)) return MissingMessage(command, what);
  static const std::regex conversion("Could not convert: (.+) = (.*)");
  if (Is<CLI::ConversionError>(error) && std::regex_match(what, match, conversion)) {
    const CLI::Option* option = FindOption(command, match[1]);
    const std::string described = option != nullptr ? Described(*option) : match[1].str();
    return "invalid value '" + match[2].str() + "' for " + described;
  }
  static const std::regex missing_value("(\\S+): [0-9]+ required (\\S+) missing");
  if (Is<CLI::ArgumentMismatch>(error) && std::regex_match(what, match, missing_value)) {
    return match[1].str() + " needs a value (" + match[2].str() + ")";
  }
  // ValidationError is already "--since: '...' is not an ISO 8601 date; ...".
  return what;
}

}  // namespace

std::string CommandPath(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr;
       parent = parent->get_parent()) {
    path.insert(0, parent->get_name() + " ");
  }
  return path;
}

std::string UnknownCommandMessage(CLI::App& app, std::string_view typed) {
  const std::vector<std::string> names = CommandNames(app);
  const std::string suggestion = DidYouMean(Suggest(typed, names), "'");
  return "unknown command '" + std::string(typed) + "'" +
         (suggestion.empty() ? "; commands: " + Join(names, ", ") : suggestion);
}

int RefuseGluedShortFlags(CLI::App& app, int argc, const char* const* argv) {
  // The one-letter flags (options that take no value) of morgue and of every command.
  std::string flags;
  std::vector<CLI::App*> apps = app.get_subcommands([](CLI::App*) { return true; });
  apps.push_back(&app);
  CLI::App* command = &app;
  for (const CLI::App* each : apps) {
    for (const CLI::Option* option : each->get_options()) {
      if (option->get_items_expected_max() != 0) continue;
      for (const std::string& name : option->get_snames()) flags += name;
    }
  }
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    for (CLI::App* each : apps) {
      if (command == &app && each != &app && each->check_name(std::string(arg))) command = each;
    }
    if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-' && flags.find(arg[1]) != flags.npos) {
      std::cerr << "morgue: '" << arg << "' is not an option (it would be read as -" << arg[1]
                << " and more); to give a word that starts with '-', put it after --: "
                << CommandPath(*command) << " -- " << arg << "\nRun '" << CommandPath(*command)
                << " --help' for more information.\n";
      return kExitUsage;
    }
  }
  return 0;
}

int ReportUsageError(CLI::App& app, const CLI::ParseError& error) {
  CLI::App& command = *InnermostCommand(app);
  std::string message;
  if (&command == &app && Is<CLI::RequiredError>(error)) {
    // No command, or a misspelled one: CLI11 says only "A subcommand is required".
    const std::vector<std::string> rest = app.remaining();
    if (rest.empty()) {
      message = "name a command: " + Join(CommandNames(app), ", ");
    } else if (rest.front().size() > 1 && rest.front().starts_with('-')) {
      const std::string name = rest.front().substr(0, rest.front().find('='));
      message = "unknown option " + name + DidYouMean(Suggest(name, OptionNames(app)));
    } else {
      message = UnknownCommandMessage(app, rest.front());
    }
  } else {
    message = Reworded(app, command, error);
  }
  std::cerr << "morgue: " << message << "\nRun '" << CommandPath(command)
            << " --help' for more information.\n";
  return kExitUsage;
}

}  // namespace morgue::cli
