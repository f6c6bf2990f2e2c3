// What `morgue CMD --help` says beyond the options: a few examples for every command
// and, for some, text made when the help is shown (the formats of the loaded plugins).
// It all goes in the command's footer, before the exit codes it inherits from `morgue`.
//
// Thread-safety: none; the CLI is single-threaded.

#ifndef MORGUE_TOOLS_MORGUE_HELP_H_
#define MORGUE_TOOLS_MORGUE_HELP_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "morgue/plugin_registry.h"

namespace morgue::cli {

// Adds an "Examples:" block, one command line each, to `command`'s help. Call it right
// after add_subcommand, before anything else sets the footer.
void SetExamples(CLI::App* command, const std::vector<std::string>& examples);

// Adds text to `command`'s help, before the examples, made only when the help is shown
// (so that `morgue --help` and other commands load no plugins for it).
void SetHelpDetails(CLI::App* command, std::function<std::string()> details);

// "Formats (...):" blocks from the loaded plugins, for `import --help` and `export --help`.
std::string ImportFormatsHelp(const PluginRegistry& plugins);
std::string ExportFormatsHelp(const PluginRegistry& plugins);

// `text` broken into lines of at most `width` columns at spaces, the lines after the
// first indented by `indent` spaces.
std::string Wrap(const std::string& text, std::size_t indent, std::size_t width = 88);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_HELP_H_
