// Context: what every `morgue` command shares. The global options as given at any level
// of the command line, the archive they name, the plugins, and how messages reach the
// user: data goes to standard output, every message to standard error.
//
// Thread-safety: none; the CLI is single-threaded.

#ifndef MORGUE_TOOLS_MORGUE_CONTEXT_H_
#define MORGUE_TOOLS_MORGUE_CONTEXT_H_

#include <CLI/CLI.hpp>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"

namespace morgue::cli {

// Exit codes; main.cc explains them to users.
inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;  // some inputs failed or some named items not found
inline constexpr int kExitUsage = 2;
inline constexpr int kExitArchive = 3;  // archive, plugin or output failure

// The exit code for a failed Status when nothing more specific applies.
int ExitCodeFor(const Status& status);

// Whether an archive location is a URI (postgresql://...) rather than a file: whether it
// exists, and how it is named in messages (never with its password), is for the core to say.
bool IsLocationUri(const std::filesystem::path& location);

class Context {
 public:
  explicit Context(std::string command_line);
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  // Adds --archive, --plugin-dir, --allow-unsafe-plugins, --quiet and --version to `app`. Every
  // level gets them so that `morgue --quiet import` and `morgue import --quiet` both work.
  void AddGlobalOptions(CLI::App* app);

  // The command line as typed, recorded with each import run.
  const std::string& command_line() const { return command_line_; }

  // --archive (the last one given), else $MORGUE_ARCHIVE, else morgue.db.
  std::filesystem::path archive_path() const;
  bool quiet() const;

  // What a command does with the archive.
  enum class Access { kRead, kWrite };

  // Opens an archive that must exist already. On failure prints why and returns null;
  // the command then exits with kExitArchive. Reading commands open it read-only, so they
  // work on a read-only file or medium and never wait for a writer.
  std::unique_ptr<Archive> OpenExisting(Access access = Access::kWrite);
  // Opens the archive, creating it when missing (*created says whether it was).
  std::unique_ptr<Archive> OpenOrCreate(bool* created);
  // What the opens above report while they finish an upgrade of the archive's articles
  // (OpenOptions::on_upgrade_progress): one notice naming the work, then a progress line
  // on a terminal.
  OpenOptions::UpgradeProgress UpgradeReporter() const;

  // The folders searched for plugins, in order.
  std::vector<std::filesystem::path> PluginSearchPath() const;
  // --allow-unsafe-plugins at any level, or MORGUE_ALLOW_UNSAFE_PLUGINS=1.
  bool allow_unsafe_plugins() const;
  // The plugin registry, loaded from the search path on first use. Libraries refused
  // for their permissions are reported on standard error, each on one line, unless
  // `report_unsafe` is false (`morgue plugins` lists them itself).
  const PluginRegistry& plugins(bool report_unsafe = true);

  // A message for the user on standard error, unless --quiet, as "morgue: <message>"
  // like every other message.
  void Info(std::string_view message) const;
  // An error on standard error, always; returns `exit_code` for the caller to return.
  int Error(int exit_code, std::string_view message) const;
  int Error(const Status& status) const { return Error(ExitCodeFor(status), status.message()); }

 private:
  // The global options of one level of the command line.
  struct Level {
    std::string archive;
    std::vector<std::string> plugin_dirs;
    bool allow_unsafe_plugins = false;
    bool quiet = false;
  };

  std::string command_line_;
  std::deque<Level> levels_;  // a deque keeps the addresses CLI11 writes to stable
  std::unique_ptr<PluginRegistry> plugins_;
};

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_CONTEXT_H_
