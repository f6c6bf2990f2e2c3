// morgue search: full-text search with a snippet of each match.

#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "article_json.h"
#include "commands/commands.h"
#include "filter_options.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

constexpr int64_t kDefaultSearchLimit = 20;

constexpr int kLineWidth = 100;

struct SearchArgs {
  std::string query;
  FilterOptions filter;
  bool json = false;
};

Json HitJson(const SearchHit& hit) {
  return {{"id", hit.article.id},
          {"title", hit.article.title},
          {"published", hit.article.published},
          {"source", hit.article.source},
          {"authors", AuthorNames(hit.article)},
          {"rank", hit.rank},
          {"snippet", hit.snippet}};
}

// One line of snippet. Unlike OneLine, keeps the ESC of the terminal's bold marks.
std::string SnippetLine(std::string snippet) {
  for (char& c : snippet) {
    if (c == '\n' || c == '\r' || c == '\t') {
      c = ' ';
    }
  }
  return snippet;
}

int RunSearch(Context& context, const SearchArgs& args) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  Filter filter = MakeFilter(args.filter);
  filter.query = args.query;
  // The best matches, not every article that mentions a common word; --limit for more.
  if (filter.limit < 0) filter.limit = kDefaultSearchLimit;
  SearchOptions options;
  // Bold on a terminal; brackets (the default) anywhere else, so pipes get plain text.
  if (!args.json && isatty(STDOUT_FILENO) == 1) {
    options.open_mark = "\033[1m";
    options.close_mark = "\033[0m";
  }
  auto hits = archive->Search(filter, options);
  if (!hits.ok()) {
    // A malformed query is the user's to fix.
    return context.Error(
        hits.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitArchive,
        hits.status().message());
  }
  if (args.json) {
    Json array = Json::array();
    for (const SearchHit& hit : *hits) {
      array.push_back(HitJson(hit));
    }
    PrintJson(array);
    return kExitOk;
  }
  if (hits->empty()) {
    context.Info("no articles match");
    return kExitOk;
  }
  int id_width = 2;
  for (const SearchHit& hit : *hits) {
    id_width = std::max(id_width, DisplayWidth(std::to_string(hit.article.id)));
  }
  const std::vector<Column> columns = {{"ID", id_width, true},
                                       {"TITLE", kLineWidth - id_width - 2}};
  const std::string indent(id_width + 2, ' ');
  for (const SearchHit& hit : *hits) {
    std::cout << TableRow(columns, {std::to_string(hit.article.id), hit.article.title}) << '\n';
    // The snippet is short already; cutting it could split a mark's escape sequence.
    if (!hit.snippet.empty()) {
      std::cout << indent << SnippetLine(hit.snippet) << '\n';
    }
  }
  return kExitOk;
}

// The query language in a few lines, for `search --help`.
std::string SearchSyntaxHelp() {
  return "Shows the best " + std::to_string(kDefaultSearchLimit) +
         " matches, best first, unless --limit or --order says otherwise.\n"
         "Query syntax (SQLite FTS5; case and accents do not matter):\n"
         "  military pact             both words, anywhere in the article\n"
         "  \"military pact\"           the phrase\n"
         "  japan OR china            either word (AND, OR, NOT in capitals; ( ) to group)\n"
         "  japan NOT china           the first without the second\n"
         "  milit*                    words that start with milit\n"
         "  title:pact                only in one column: title, subtitle, body, authors, tags\n"
         "  NEAR(japan china, 5)      both, at most 5 words apart\n"
         "With --literal the query is plain words: none of the above is syntax.\n";
}

}  // namespace

Command AddSearchCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand(
      "search", "Full-text search over titles, subtitles, bodies, authors and tags");
  SetExamples(sub, {"morgue search 'military AND (pact OR agreement)' --tag japan",
                    "morgue search '\"military pact\"' --limit 100 --json",
                    "morgue search --literal 'C++ AND \"quotes\"'"});
  SetHelpDetails(sub, [] { return SearchSyntaxHelp(); });
  context.AddGlobalOptions(sub);
  sub->add_option("query", args->query,
                  "An SQLite FTS5 query, e.g. military, \"military pact\", japan AND china; "
                  "with --literal, just words")
      ->type_name("QUERY")
      ->required();
  AddFilterOptions(sub, &args->filter, /*with_query=*/false);
  sub->add_flag("--json", args->json, "Print a JSON array of matches with their snippets");
  return {sub, [&context, args] { return RunSearch(context, *args); }};
}

}  // namespace morgue::cli
