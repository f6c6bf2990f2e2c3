// morgue tag, untag and tags: add and remove tags, and list every tag in use.

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands/commands.h"
#include "help.h"
#include "morgue/text.h"
#include "output.h"

namespace morgue::cli {
namespace {

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return LowerAscii(x) == LowerAscii(y); });
}

struct TagArgs {
  int64_t id = 0;
  std::vector<std::string> tags;
};

int RunTagChange(Context& context, const TagArgs& args, bool add) {
  auto archive = context.OpenExisting();
  if (archive == nullptr) {
    return kExitArchive;
  }
  // Before the change: where each of the article's tags came from, for the notes below.
  Result<Article> before = archive->Get(args.id);
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
  const std::map<std::string, std::string> kNoOrigins;
  // A page's tag becomes yours too; one archived before origins were kept becomes yours.
  for (const std::string& tag : changes.adopted) {
    bool from_page = false;
    for (const auto& [name, origin] : before.ok() ? before->tag_origins : kNoOrigins) {
      from_page = from_page || (EqualsIgnoringAsciiCase(name, tag) && origin == kTagOriginPage);
    }
    std::string message = article + " already has tag '";
    message += tag;
    message += from_page ? "'; now marked as yours too"
                         : "', archived without a record of where it came from; now marked as "
                           "yours";
    context.Info(message);
  }
  if (!changes.changed.empty()) {
    context.Info((add ? "tagged " : "untagged ") + article + ": " + Join(changes.changed, ", "));
  }
  // A page's tag would have come back with the page; it does not, and the user is told.
  for (const std::string& tag :
       add || !before.ok() ? std::vector<std::string>() : changes.changed) {
    for (const auto& [name, origin] : before->tag_origins) {
      if (EqualsIgnoringAsciiCase(name, tag) && origin != kTagOriginUser) {
        std::string message = "importing " + article + " again will not bring back tag '";
        message += tag;
        message += "'; 'morgue tag ";
        message += std::to_string(args.id);
        message += ' ';
        message += tag;
        message += "' does";
        context.Info(message);
      }
    }
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
  SetHelpDetails(sub, [add] {
    return Wrap(add ? "Tags added here are yours: 'morgue tags' counts them apart from the tags "
                      "imported pages gave, and 'morgue list --tag-origin user' finds them."
                    : "A removed tag is remembered: importing the article again does not bring "
                      "a page's tag back; 'morgue tag' adds it again.",
                0) +
           "\n";
  });
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
      array.push_back({{"tag", tag.tag},
                       {"count", tag.articles},
                       {"page", tag.from_page},
                       {"user", tag.from_user}});
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
  const std::vector<Column> columns = {{"TAG", std::min(tag_width, 60)},
                                       {"ARTICLES", 8, true},
                                       {"PAGE", 6, true},
                                       {"USER", 6, true}};
  std::cout << TableHeader(columns) << '\n';
  for (const TagCount& tag : *tags) {
    std::cout << TableRow(columns, {tag.tag, std::to_string(tag.articles),
                                    std::to_string(tag.from_page), std::to_string(tag.from_user)})
              << '\n';
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
  SetHelpDetails(sub, [] {
    return Wrap(
               "PAGE counts the articles whose imported page gave the tag, USER those you "
               "tagged with 'morgue tag' or 'morgue import --tag' (an article can count in "
               "both). Tags archived before morgue kept their origin count in neither.",
               0) +
           "\n";
  });
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print a JSON array of {tag, count, page, user}");
  return {sub, [&context, json] { return RunTags(context, *json); }};
}

}  // namespace morgue::cli
