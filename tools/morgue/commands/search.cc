// morgue search: full-text search with a snippet of each match, the best first, and how many
// matches there are in all when not all are shown.

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

constexpr int kSourceWidth = 16;

struct SearchArgs {
  std::string query;
  FilterOptions filter;
  bool json = false;
};

// `total` rides on every hit: the array stays an array of hits, as scripts expect.
Json HitJson(const SearchHit& hit, int64_t total) {
  return {{"id", hit.article.id},
          {"title", hit.article.title},
          {"published", hit.article.published},
          {"source", hit.article.source},
          {"authors", AuthorNames(hit.article)},
          {"rank", hit.rank},
          {"snippet", hit.snippet},
          {"total", total}};
}

// How many articles match in all. Only a full page can hide more, so only then is the
// archive asked (a COUNT over the same query and filters).
Result<int64_t> TotalHits(Archive& archive, const Filter& filter, size_t shown) {
  const auto count = static_cast<int64_t>(shown);
  // Past the last match a page is empty however many there were before it.
  if (count < filter.limit && (count > 0 || filter.offset == 0)) return filter.offset + count;
  Result<int64_t> total = archive.Count(filter);
  // A writer may have removed articles between the two reads; never "20 of 19".
  if (total.ok() && count > 0) return std::max(*total, filter.offset + count);
  return total;
}

// "showing 20 of 96 (--limit to see more)", past --offset "showing 21-40 of 96 (...)";
// empty when every match is shown.
std::string ShowingLine(const Filter& filter, size_t shown, int64_t total) {
  const int64_t first = filter.offset + 1;
  const int64_t last = filter.offset + static_cast<int64_t>(shown);
  if (total == 0 || (filter.offset == 0 && last >= total)) return "";
  std::string range = "none";
  if (shown > 0) {
    range = filter.offset == 0 ? std::to_string(last)
                               : std::to_string(first) + "-" + std::to_string(last);
  }
  return "showing " + range + " of " + std::to_string(total) +
         (filter.offset == 0 ? " (--limit to see more)"
                             : " (--offset and --limit to see the others)");
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

int Failed(Context& context, const Status& status) {
  // A malformed query is the user's to fix.
  return context.Error(status.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitArchive,
                       status.message());
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
  if (!hits.ok()) return Failed(context, hits.status());
  Result<int64_t> total = TotalHits(*archive, filter, hits->size());
  if (!total.ok()) return Failed(context, total.status());
  // On standard error: a message about the data, not part of it.
  const std::string showing = ShowingLine(filter, hits->size(), *total);
  if (args.json) {
    Json array = Json::array();
    for (const SearchHit& hit : *hits) {
      Json object = HitJson(hit, *total);
      if (filter.collapse) AddStoryJson(hit.article, &object);
      array.push_back(std::move(object));
    }
    PrintJson(array);
    if (!showing.empty()) context.Info(showing);
    return kExitOk;
  }
  if (hits->empty()) {
    context.Info(showing.empty() ? "no articles match" : showing);
    return kExitOk;
  }
  // Collapsed, a STORY column says how many articles each hit's story has.
  std::vector<Column> columns = {{"ID", 2, true}, {"PUBLISHED", 10}, {"SOURCE", 6}};
  if (filter.collapse) columns.push_back({"STORY", 5, true});
  columns.push_back({"TITLE", 5});
  for (const SearchHit& hit : *hits) {
    columns[0].width = std::max(columns[0].width, DisplayWidth(std::to_string(hit.article.id)));
    columns[2].width = std::max(columns[2].width, DisplayWidth(OneLine(hit.article.source)));
  }
  columns[2].width = std::min(columns[2].width, kSourceWidth);
  int used = 2 * static_cast<int>(columns.size() - 1);  // the gaps between the columns
  for (size_t i = 0; i + 1 < columns.size(); ++i) used += columns[i].width;
  columns.back().width = kTableWidth - used;
  // The snippet goes under the date, source and title, where there is room for it.
  const std::string indent(columns[0].width + 2, ' ');
  std::cout << TableHeader(columns) << '\n';
  for (const SearchHit& hit : *hits) {
    // The date as stored, as `list` shows it: no time, no conversion to another zone.
    std::vector<std::string> row = {std::to_string(hit.article.id),
                                    hit.article.published.substr(0, 10), hit.article.source};
    if (filter.collapse) row.push_back(std::to_string(hit.article.cluster_size));
    row.push_back(hit.article.title);
    std::cout << TableRow(columns, row) << '\n';
    // The snippet is short already; cutting it could split a mark's escape sequence.
    if (!hit.snippet.empty()) {
      std::cout << indent << SnippetLine(hit.snippet) << '\n';
    }
  }
  if (!showing.empty()) context.Info(showing);
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
         "  협정  軍事協定  签订      Korean, Japanese, Chinese: also inside longer words\n"
         "With --literal the query is plain words: none of the above is syntax.\n";
}

}  // namespace

Command AddSearchCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* sub = app.add_subcommand(
      "search", "Full-text search over titles, subtitles, bodies, authors and tags");
  SetExamples(sub, {"morgue search 'military AND (pact OR agreement)' --tag japan",
                    "morgue search '\"military pact\"' --limit 100 --json",
                    "morgue search --literal 'C++ AND \"quotes\"'",
                    "morgue search 'military pact' --collapse"});
  SetHelpDetails(sub, [] { return SearchSyntaxHelp(); });
  context.AddGlobalOptions(sub);
  sub->add_option("query", args->query,
                  "Words to find, in SQLite FTS5 syntax: military, \"military pact\", pact*, "
                  "japan AND (china OR korea), ship NOT harbour, title:harbour. Words such as "
                  "covid-19, e-mail, don't, C++ and U.S. need no quotes: each is found as the "
                  "phrase of its parts (punctuation is not indexed, so C++ finds C). A query "
                  "that starts with '-' goes after --: morgue search -- -title:harbour. With "
                  "--literal, just words")
      ->type_name("QUERY")
      ->required();
  AddFilterOptions(sub, &args->filter, /*with_query=*/false);
  sub->add_flag("--json", args->json,
                "Print a JSON array of matches with their snippets; each also has \"total\", the "
                "number of matches there are in all");
  return {sub, [&context, args] { return RunSearch(context, *args); }};
}

}  // namespace morgue::cli
