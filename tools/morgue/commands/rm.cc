// morgue rm: delete articles. Their original documents stay in the archive.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "help.h"

namespace morgue::cli {
namespace {

int RunRm(Context& context, const std::vector<int64_t>& ids) {
  auto archive = context.OpenExisting();
  if (archive == nullptr) {
    return kExitArchive;
  }
  int exit_code = kExitOk;
  // Every id is tried, so one typo does not keep the others from being removed.
  for (int64_t id : ids) {
    Status status = archive->Remove(id);
    if (status.code() == StatusCode::kNotFound) {
      exit_code = std::max(exit_code,
                           context.Error(kExitPartial, "no article with id " + std::to_string(id)));
    } else if (!status.ok()) {
      exit_code = std::max(exit_code, context.Error(kExitArchive, status.message()));
    } else {
      context.Info("removed article " + std::to_string(id));
    }
  }
  return exit_code;
}

}  // namespace

Command AddRmCommand(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<int64_t>>();
  CLI::App* sub =
      app.add_subcommand("rm", "Remove articles (the original documents they came from are kept)");
  SetExamples(sub, {"morgue rm 3", "morgue rm 3 4 7"});
  context.AddGlobalOptions(sub);
  sub->add_option("ids", *ids, "Ids of the articles to remove")->type_name("ID")->required();
  return {sub, [&context, ids] { return RunRm(context, *ids); }};
}

}  // namespace morgue::cli
