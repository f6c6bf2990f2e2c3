// morgue sources: the publications the archive knows, and `sources add` for the user's own.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

struct SourcesArgs {
  std::string match;
  bool json = false;
  // sources add
  std::string name;
  std::vector<std::string> domains;
  std::vector<std::string> aliases;
  std::string country;
  std::string language;
};

int RunSourcesList(Context& context, const SourcesArgs& args) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) return kExitArchive;
  auto sources = archive->Sources(args.match);
  if (!sources.ok()) return context.Error(sources.status());
  if (args.json) {
    Json array = Json::array();
    for (const SourceInfo& s : *sources) {
      array.push_back({{"name", s.name},
                       {"country", s.country},
                       {"language", s.language},
                       {"origin", s.origin},
                       {"domains", s.domains},
                       {"aliases", s.aliases},
                       {"articles", s.articles}});
    }
    PrintJson(array);
    return kExitOk;
  }
  if (sources->empty()) {
    context.Info("no publication matches '" + args.match + "'");
    return kExitOk;
  }
  int name_width = 4;
  for (const SourceInfo& s : *sources) name_width = std::max(name_width, DisplayWidth(s.name));
  const std::vector<Column> columns = {{"NAME", std::min(name_width, 40)},
                                       {"CC", 2},
                                       {"ARTICLES", 8, true},
                                       {"ORIGIN", 9},
                                       {"DOMAINS", 60}};
  std::cout << TableHeader(columns) << '\n';
  for (const SourceInfo& s : *sources) {
    std::cout << TableRow(columns, {s.name, s.country, std::to_string(s.articles), s.origin,
                                    Join(s.domains, " ")})
              << '\n';
  }
  return kExitOk;
}

int RunAdd(Context& context, const SourcesArgs& args) {
  auto archive = context.OpenExisting();
  if (archive == nullptr) return kExitArchive;
  Publication publication;
  publication.name = args.name;
  publication.domains = args.domains;
  publication.aliases = args.aliases;
  publication.country = args.country;
  publication.language = args.language;
  auto id = archive->AddSource(publication);
  if (!id.ok()) return context.Error(id.status());
  context.Info("publication '" + args.name + "' saved");
  return kExitOk;
}

}  // namespace

Command AddSourcesCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SourcesArgs>();
  CLI::App* sub = app.add_subcommand(
      "sources", "List the publications the archive knows, or add your own with 'sources add'");
  SetExamples(
      sub, {"morgue sources", "morgue sources korea --json",
            "morgue sources add 'Harbour Gazette' --domain harbourgazette.example --country NZ"});
  context.AddGlobalOptions(sub);
  sub->add_option("match", args->match, "Only those whose name, an alias or a domain has this")
      ->type_name("TEXT");
  sub->add_flag("--json", args->json, "Print a JSON array");

  CLI::App* add = sub->add_subcommand(
      "add", "Add a publication, or domains and aliases to a known one; imports then use it");
  SetExamples(add, {"morgue sources add 'Harbour Gazette' --domain harbourgazette.example",
                    "morgue sources add 'The Korea Times' --alias 'Korea Times' --language en"});
  context.AddGlobalOptions(add);
  add->add_option("name", args->name, "Its canonical name, e.g. \"Harbour Gazette\"")->required();
  add->add_option("--domain", args->domains, "A web or e-mail domain it owns (repeatable)")
      ->type_name("DOMAIN")
      ->allow_extra_args(false);
  add->add_option("--alias", args->aliases, "Another spelling of its name (repeatable)")
      ->type_name("NAME")
      ->allow_extra_args(false);
  add->add_option("--country", args->country, "ISO 3166-1 code, e.g. NZ")->type_name("CC");
  add->add_option("--language", args->language, "BCP 47 tag, e.g. en")->type_name("LANG");
  return {sub, [&context, args, add] {
            return add->parsed() ? RunAdd(context, *args) : RunSourcesList(context, *args);
          }};
}

}  // namespace morgue::cli
