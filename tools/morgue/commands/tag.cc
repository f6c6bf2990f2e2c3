// morgue tag, untag and tags: add and remove tags, and list every tag in use.

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
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
  Status status = add ? archive->Tag(args.id, args.tags) : archive->Untag(args.id, args.tags);
  if (status.code() == StatusCode::kNotFound) {
    return context.Error(kExitPartial, "no article with id " + std::to_string(args.id));
  }
  if (!status.ok()) {
    return context.Error(status);
  }
  context.Info((add ? "tagged article " : "untagged article ") + std::to_string(args.id) + ": " +
               Join(args.tags, ", "));
  return kExitOk;
}

Command AddTagChange(CLI::App& app, Context& context, bool add) {
  auto args = std::make_shared<TagArgs>();
  CLI::App* sub = add ? app.add_subcommand("tag", "Add tags to an article")
                      : app.add_subcommand("untag", "Remove tags from an article");
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
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print a JSON array of {tag, count}");
  return {sub, [&context, json] { return RunTags(context, *json); }};
}

}  // namespace morgue::cli
