#include "context.h"

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string_view>
#include <system_error>
#include <utility>

#include "progress.h"

namespace morgue::cli {
namespace {

namespace fs = std::filesystem;

// The folder holding the running executable, or empty when /proc is not mounted.
fs::path ExecutableDir() {
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path() : exe.parent_path();
}

bool SameDir(const fs::path& a, const fs::path& b) {
  std::error_code error;
  bool same = fs::equivalent(a, b, error);
  return !error && same;
}

// Where the built-in plugins are: beside the build tree's binary, or installed relative
// to the binary so that a relocated install keeps finding its plugins.
fs::path BuiltinPluginDir() {
  fs::path exe_dir = ExecutableDir();
  if (exe_dir.empty()) {
    return {};
  }
  if (SameDir(exe_dir, MORGUE_BUILD_BIN_DIR)) {
    return MORGUE_BUILD_PLUGIN_DIR;
  }
  // Up from <prefix>/<bindir> to <prefix>, one level per component of bindir.
  fs::path prefix = exe_dir;
  fs::path bindir = MORGUE_INSTALL_BINDIR;
  if (bindir.is_relative()) {
    for (const auto& part : bindir) {
      if (!part.empty() && part != ".") {
        prefix = prefix.parent_path();
      }
    }
  } else {
    prefix = exe_dir / "..";
  }
  return (prefix / MORGUE_INSTALL_PLUGIN_DIR).lexically_normal();
}

std::string MissingArchiveMessage(const fs::path& path) {
  const std::string name = ArchiveDisplayName(path.string());
  if (path.string().find("://") != std::string::npos) {
    return "no archive at " + name +
           ": the database holds none; put one there with 'morgue copy FILE " + name + "'";
  }
  return "no archive at " + name + "; create one with 'morgue init' or name one with --archive";
}

}  // namespace

bool IsLocationUri(const fs::path& location) {
  return location.string().find("://") != std::string::npos;
}

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
      return kExitUsage;
    case StatusCode::kNotFound:
      return kExitPartial;
    default:
      return kExitArchive;
  }
}

Context::Context(std::string command_line) : command_line_(std::move(command_line)) {}

void Context::AddGlobalOptions(CLI::App* app) {
  Level& level = levels_.emplace_back();
  const std::string group = "Global options";
  app->add_option("--archive", level.archive,
                  "The archive file (default: $MORGUE_ARCHIVE, else ./morgue.db)")
      ->type_name("PATH")
      ->group(group);
  app->add_option("--plugin-dir", level.plugin_dirs,
                  "Load plugins from DIR first (repeatable); then $MORGUE_PLUGIN_PATH and the "
                  "built-in plugins")
      ->type_name("DIR")
      ->allow_extra_args(false)
      ->group(group);
  app->add_flag("--allow-unsafe-plugins", level.allow_unsafe_plugins,
                "Load plugins even from files or folders other users can write to (also "
                "MORGUE_ALLOW_UNSAFE_PLUGINS=1); only if you trust every one of them")
      ->group(group);
  app->add_flag("-q,--quiet", level.quiet,
                "Print only errors (and import's one-line summary) on standard error")
      ->group(group);
  app->set_version_flag("--version", std::string("morgue ") + MORGUE_VERSION,
                        "Print the version and exit")
      ->group(group);
}

fs::path Context::archive_path() const {
  // Levels are in command-line order, so a subcommand's --archive wins over the main one.
  for (auto it = levels_.rbegin(); it != levels_.rend(); ++it) {
    if (!it->archive.empty()) {
      return it->archive;
    }
  }
  const char* env = std::getenv("MORGUE_ARCHIVE");
  if (env != nullptr && *env != '\0') {
    return env;
  }
  return "morgue.db";
}

bool Context::quiet() const {
  for (const Level& level : levels_) {
    if (level.quiet) {
      return true;
    }
  }
  return false;
}

std::unique_ptr<Archive> Context::OpenExisting(Access access) {
  fs::path path = archive_path();
  std::error_code error;
  if (!IsLocationUri(path) && !fs::exists(path, error)) {
    Error(kExitArchive, MissingArchiveMessage(path));
    return nullptr;
  }
  OpenOptions options;
  options.create_if_missing = false;
  options.read_only = access == Access::kRead;
  options.on_upgrade_progress = UpgradeReporter();
  auto archive = Archive::Open(path, options);
  if (!archive.ok() && options.read_only && archive.status().code() == StatusCode::kNotSupported &&
      !IsLocationUri(path)) {
    // An archive file of an older schema is upgraded once, which needs to write; one of a
    // newer morgue is refused with the reason. (A database's reason stands as it is: this
    // morgue does not write one.)
    options.read_only = false;
    auto writable = Archive::Open(path, options);
    if (writable.ok() || writable.status().code() == StatusCode::kNotSupported) {
      archive = std::move(writable);
    }
  }
  if (!archive.ok()) {
    if (archive.status().code() == StatusCode::kNotFound) {
      Error(kExitArchive, MissingArchiveMessage(path));
    } else {
      Error(kExitArchive, archive.status().message());  // the core names the archive
    }
    return nullptr;
  }
  return std::move(archive).value();
}

std::unique_ptr<Archive> Context::OpenOrCreate(bool* created) {
  fs::path path = archive_path();
  std::error_code error;
  *created = !fs::exists(path, error);
  OpenOptions options;
  options.on_upgrade_progress = UpgradeReporter();
  auto archive = Archive::Open(path, options);
  if (!archive.ok()) {
    Error(kExitArchive, archive.status().message());  // the core names the archive
    return nullptr;
  }
  return std::move(archive).value();
}

OpenOptions::UpgradeProgress Context::UpgradeReporter() const {
  // Shared by the copies Archive keeps; the line goes when the work is done.
  auto progress = std::make_shared<std::unique_ptr<Progress>>();
  return [this, progress](std::string_view task, int64_t done, int64_t total) {
    if (*progress == nullptr) {
      Info("upgrading the archive (once): " + std::string(task) + ", " + std::to_string(total) +
           " articles");
      *progress = std::make_unique<Progress>("articles", total, Progress::WantedFor(quiet()));
      (*progress)->SetDetail(std::string(task));
    }
    (*progress)->Update(done);
    if (done >= total) progress->reset();
  };
}

std::vector<fs::path> Context::PluginSearchPath() const {
  std::vector<fs::path> explicit_dirs;
  for (const Level& level : levels_) {
    explicit_dirs.insert(explicit_dirs.end(), level.plugin_dirs.begin(), level.plugin_dirs.end());
  }
  std::vector<fs::path> fallbacks;
  if (fs::path builtin = BuiltinPluginDir(); !builtin.empty()) {
    fallbacks.push_back(builtin);
  }
  return PluginRegistry::SearchPath(explicit_dirs, fallbacks);
}

bool Context::allow_unsafe_plugins() const {
  for (const Level& level : levels_) {
    if (level.allow_unsafe_plugins) {
      return true;
    }
  }
  const char* env = std::getenv("MORGUE_ALLOW_UNSAFE_PLUGINS");
  return env != nullptr && std::string_view(env) == "1";
}

const PluginRegistry& Context::plugins(bool report_unsafe) {
  if (plugins_ == nullptr) {
    PluginRegistryOptions options;
    options.allow_unsafe_permissions = allow_unsafe_plugins();
    plugins_ = std::make_unique<PluginRegistry>(options);
    // A folder the user named explicitly and that is not there is most likely a typo.
    for (const Level& level : levels_) {
      for (const std::string& dir : level.plugin_dirs) {
        std::error_code error;
        if (!fs::is_directory(dir, error)) {
          std::cerr << "morgue: plugin folder '" << dir << "' does not exist\n";
        }
      }
    }
    for (const fs::path& dir : PluginSearchPath()) {
      plugins_->LoadDirectory(dir);
    }
    // Silently running without a plugin someone may have tampered with would leave the
    // user wondering where its formats went.
    for (const RefusedPlugin& refused : plugins_->refused()) {
      if (report_unsafe && refused.unsafe_permissions) {
        Error(kExitArchive, refused.reason.message());
      }
    }
  }
  return *plugins_;
}

void Context::Info(std::string_view message) const {
  if (!quiet()) {
    std::cerr << "morgue: " << message << '\n';
  }
}

int Context::Error(int exit_code, std::string_view message) const {
  std::cerr << "morgue: " << message << '\n';
  return exit_code;
}

}  // namespace morgue::cli
