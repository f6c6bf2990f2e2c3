// morgue tag, untag and tags: add and remove tags, and list every tag in use.

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

struct TagArgs {
  int64_t id = 0;
  std::vector<std::string> tags;
};

int RunTagChange(Context& context, const TagArgs& args, bool add) {
  auto archive = context.OpenExisting();
  if (archive == nullptr) {
    return kExitArchive;
  }
  TagChanges changes;
  Status status = add ? archive->Tag(args.id, args.tags, &changes)
                      : archive->Untag(args.id, args.tags, &changes);
  if (status.code() == StatusCode::kNotFound) {
    return context.Error(kExitPartial, "no article with id " + std::to_string(args.id));
  }
  if (!status.ok()) {
    return context.Error(status);
  }
  // Asking for what already is so is no error: say so, and that nothing changed.
  const std::string article = "article " + std::to_string(args.id);
  for (const std::string& tag : changes.unchanged) {
    if (add) {
      std::string message = article + " already has tag '";
      message += tag;
      message += '\'';
      context.Info(message);
    } else {
      std::string message = article + " has no tag '";
      message += tag;
      message += '\'';
      if (changes.changed.empty()) message += "; nothing changed";
      context.Info(message);
    }
  }
  if (!changes.changed.empty()) {
    context.Info((add ? "tagged " : "untagged ") + article + ": " + Join(changes.changed, ", "));
  }
  return kExitOk;
}

Command AddTagChange(CLI::App& app, Context& context, bool add) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* sub = add ? app.add_subcommand("tag", "Add tags to an article")
                      : app.add_subcommand("untag", "Remove tags from an article");
  SetExamples(
      sub,
      add ? std::vector<std::string>{"morgue tag 3 japan", "morgue tag 3 japan 'trade pact'"}
          : std::vector<std::string>{"morgue untag 3 japan", "morgue untag 3 japan 'trade pact'"});
  context.AddGlobalOptions(sub);
  sub->add_option("id", args->id, "The article's id")->type_name("ID")->required();
  sub->add_option("tags", args->tags, add ? "Tags to add" : "Tags to remove")
      ->type_name("TAG")
      ->required();
  return {sub, [&context, args, add] { return RunTagChange(context, *args, add); }};
}

int RunTags(Context& context, bool json) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  auto tags = archive->Tags();
  if (!tags.ok()) {
    return context.Error(tags.status());
  }
  if (json) {
    Json array = Json::array();
    for (const TagCount& tag : *tags) {
      array.push_back({{"tag", tag.tag}, {"count", tag.articles}});
    }
    PrintJson(array);
    return kExitOk;
  }
  if (tags->empty()) {
    context.Info("no tags");
    return kExitOk;
  }
  int tag_width = 3;
  for (const TagCount& tag : *tags) {
    tag_width = std::max(tag_width, DisplayWidth(OneLine(tag.tag)));
  }
  const std::vector<Column> columns = {{"TAG", std::min(tag_width, 60)}, {"ARTICLES", 8, true}};
  std::cout << TableHeader(columns) << '\n';
  for (const TagCount& tag : *tags) {
    std::cout << TableRow(columns, {tag.tag, std::to_string(tag.articles)}) << '\n';
  }
  return kExitOk;
}

}  // namespace

Command AddTagCommand(CLI::App& app, Context& context) { return AddTagChange(app, context, true); }

Command AddUntagCommand(CLI::App& app, Context& context) {
  return AddTagChange(app, context, false);
}

Command AddTagsCommand(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("tags", "List every tag with its number of articles");
  SetExamples(sub, {"morgue tags", "morgue tags --json"});
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print a JSON array of {tag, count}");
  return {sub, [&context, json] { return RunTags(context, *json); }};
}

}  // namespace morgue::cli
