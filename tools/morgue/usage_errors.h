// How `morgue` reports a command line it cannot use: one line that starts "morgue: " and
// says, in the user's terms, what is wrong (with a did-you-mean for a mistyped command or
// option), then a line naming the help to read. CLI11's own wording never reaches the user.
//
// Thread-safety: none; the CLI is single-threaded.

#ifndef MORGUE_TOOLS_MORGUE_USAGE_ERRORS_H_
#define MORGUE_TOOLS_MORGUE_USAGE_ERRORS_H_

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace morgue::cli {

// Prints why `app` (the parsed `morgue`) refused the command line with `error` and
// returns the usage exit code.
int ReportUsageError(CLI::App& app, const CLI::ParseError& error);

// Refuses, before CLI11 reads them, the arguments it would take for short flags glued to
// more letters: "-harbour" is -h (help) and more, so `morgue search -harbour` would print
// the help and succeed. Prints why (with "put it after --") and returns the usage exit
// code; returns 0 when there is no such argument. Arguments after "--" are not looked at.
int RefuseGluedShortFlags(CLI::App& app, int argc, const char* const* argv);

// "unknown command 'serach'; did you mean 'search'?", else the list of the commands.
std::string UnknownCommandMessage(CLI::App& app, std::string_view typed);

// "morgue list", for "Run 'morgue list --help'": `command` and the commands it is under.
std::string CommandPath(const CLI::App& command);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_USAGE_ERRORS_H_
