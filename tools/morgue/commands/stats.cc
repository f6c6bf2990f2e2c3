// morgue stats: what the archive holds, in readable units.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

void Line(std::string_view label, const std::string& value) {
  std::string head = std::string(label) + ":";
  head.resize(std::max<size_t>(head.size() + 1, 16), ' ');
  std::cout << head << value << '\n';
}

int RunStats(Context& context, bool json) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  auto stats = archive->Stats();
  if (!stats.ok()) {
    return context.Error(stats.status());
  }
  const ArchiveStats& s = *stats;
  if (json) {
    PrintJson({{"path", archive->path().string()},
               {"schema_version", s.schema_version},
               {"articles", s.articles},
               {"authors", s.authors},
               {"sources", s.sources},
               {"tags", s.tags},
               {"documents", s.documents},
               {"document_bytes", s.document_bytes},
               {"stored_bytes", s.stored_bytes},
               {"imports", s.imports},
               {"file_bytes", s.file_bytes},
               {"earliest_published", s.earliest_published},
               {"latest_published", s.latest_published}});
    return kExitOk;
  }
  Line("archive", archive->path().string() + " (" + HumanBytes(s.file_bytes) + ")");
  Line("schema version", std::to_string(s.schema_version));
  Line("articles", std::to_string(s.articles));
  Line("authors", std::to_string(s.authors));
  Line("sources", std::to_string(s.sources));
  Line("tags", std::to_string(s.tags));
  Line("documents", std::to_string(s.documents) + " (" + HumanBytes(s.document_bytes) +
                        ", stored in " + HumanBytes(s.stored_bytes) + ")");
  Line("imports", std::to_string(s.imports));
  if (!s.earliest_published.empty()) {
    Line("published", s.earliest_published + " to " + s.latest_published);
  }
  return kExitOk;
}

}  // namespace

Command AddStatsCommand(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("stats", "Show what the archive holds");
  SetExamples(sub, {"morgue stats", "morgue stats --json"});
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print the numbers as a JSON object");
  return {sub, [&context, json] { return RunStats(context, *json); }};
}

}  // namespace morgue::cli
