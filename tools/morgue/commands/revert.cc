// morgue revert: an article back to its revision before the current one, stored as a new
// revision so that nothing is lost and reverting again undoes it.

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "help.h"

namespace morgue::cli {
namespace {

int RunRevert(Context& context, const std::vector<int64_t>& ids) {
  auto archive = context.OpenExisting();
  if (archive == nullptr) return kExitArchive;
  int exit_code = kExitOk;
  // Every id is tried, so one that cannot be reverted does not keep the others back.
  for (int64_t id : ids) {
    Result<int64_t> revision = archive->Revert(id);
    if (!revision.ok()) {
      const StatusCode code = revision.status().code();
      // An unknown article, or one with nothing to revert to, is the user's item; anything
      // else is the archive's failure.
      exit_code =
          std::max(exit_code, code == StatusCode::kNotFound || code == StatusCode::kInvalidArgument
                                  ? context.Error(kExitPartial, revision.status().message())
                                  : context.Error(revision.status()));
      continue;
    }
    context.Info("article " + std::to_string(id) + ": revision " + std::to_string(*revision) +
                 " restores revision " + std::to_string(*revision - 2) + " (morgue revert " +
                 std::to_string(id) + " again undoes it)");
  }
  return exit_code;
}

}  // namespace

Command AddRevertCommand(CLI::App& app, Context& context) {
  auto ids = std::make_shared<std::vector<int64_t>>();
  CLI::App* sub = app.add_subcommand(
      "revert",
      "Make articles what they were at the revision before their current one (e.g. undo a "
      "reextract --apply), stored as a new revision: nothing is lost, and reverting again "
      "undoes it");
  SetExamples(sub, {"morgue show 17 --revisions", "morgue revert 17", "morgue diff 17"});
  context.AddGlobalOptions(sub);
  sub->add_option("ids", *ids, "Ids of the articles to revert")->type_name("ID")->required();
  return {sub, [&context, ids] { return RunRevert(context, *ids); }};
}

}  // namespace morgue::cli
