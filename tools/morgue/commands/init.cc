// morgue init: create an archive.

#include <string>

#include "commands/commands.h"
#include "help.h"

namespace morgue::cli {

namespace {

int RunInit(Context& context) {
  bool created = false;
  auto archive = context.OpenOrCreate(&created);
  if (archive == nullptr) {
    return kExitArchive;
  }
  std::string where = archive->path().string();
  std::string version = std::to_string(archive->schema_version());
  if (created) {
    context.Info("created archive " + where + " (schema version " + version + ")");
  } else {
    // Not an error: init is safe to run twice, e.g. from a setup script.
    context.Info("archive " + where + " already exists (schema version " + version + ")");
  }
  return kExitOk;
}

}  // namespace

Command AddInitCommand(CLI::App& app, Context& context) {
  CLI::App* sub = app.add_subcommand("init", "Create an empty archive");
  SetExamples(sub, {"morgue init", "morgue --archive ~/news.db init"});
  context.AddGlobalOptions(sub);
  return {sub, [&context] { return RunInit(context); }};
}

}  // namespace morgue::cli
