// morgue similar: the articles that tell the same story as one article, with how they
// are linked (another outlet's exact copy of its body, or a near-duplicate: the same story
// with changes) and how alike they are, their source and date.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "article_json.h"
#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {


struct SimilarArgs {
  int64_t id = 0;
  bool json = false;
};

std::string Similarity(double similarity) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", similarity);
  return text;
}

int RunSimilar(Context& context, const SimilarArgs& args) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) return kExitArchive;
  auto links = archive->Links(args.id);
  if (!links.ok()) {
    if (links.status().code() == StatusCode::kNotFound) {
      return context.Error(kExitPartial, "no article with id " + std::to_string(args.id));
    }
    return context.Error(links.status());
  }
  std::vector<std::pair<StoryLink, Article>> similar;
  for (const StoryLink& link : *links) {
    auto article = archive->Get(link.id);
    if (!article.ok()) return context.Error(article.status());
    similar.emplace_back(link, std::move(*article));
  }
  if (args.json) {
    Json list = Json::array();
    for (const auto& [link, article] : similar) {
      Json entry = ArticleSummaryJson(article);
      entry["link"] = link.kind;
      entry["similarity"] = link.similarity;
      list.push_back(std::move(entry));
    }
    PrintJson(list);
    return kExitOk;
  }
  if (similar.empty()) {
    context.Info("article " + std::to_string(args.id) +
                 " has no copies or near-duplicates in the archive");
    return kExitOk;
  }
  std::vector<Column> columns = {{"ID", 2, true}, {"SIMILARITY", 10, true},
                                 {"LINK", 4},     {"PUBLISHED", 10},
                                 {"SOURCE", 6},   {"TITLE", 5}};
  std::vector<std::vector<std::string>> rows;
  rows.reserve(similar.size());
  for (const auto& [link, article] : similar) {
    rows.push_back({std::to_string(article.id), Similarity(link.similarity), link.kind,
                    article.published.substr(0, 10), article.source, article.title});
  }
  int used = 2 * 5;  // the gaps between six columns
  for (size_t i = 0; i + 1 < columns.size(); ++i) {
    for (const auto& row : rows) {
      columns[i].width = std::max(columns[i].width, DisplayWidth(OneLine(row[i])));
    }
    if (i == 4) columns[i].width = std::min(columns[i].width, 20);
    used += columns[i].width;
  }
  columns.back().width = std::max(20, kTableWidth - used);
  std::cout << TableHeader(columns) << '\n';
  for (const auto& row : rows) std::cout << TableRow(columns, row) << '\n';
  return kExitOk;
}

}  // namespace

Command AddSimilarCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<SimilarArgs>();
  CLI::App* sub = app.add_subcommand(
      "similar",
      "List the articles that tell the same story as one article: other outlets' exact copies "
      "of its body and near-duplicates (the same story with a paragraph cut or moved, a credit "
      "added), most alike first, with their source and date");
  SetExamples(sub, {"morgue similar 3", "morgue similar 3 --json"});
  context.AddGlobalOptions(sub);
  sub->add_option("id", args->id, "The article's id (see morgue list)")
      ->type_name("ID")
      ->required();
  sub->add_flag("--json", args->json,
                "Print a JSON array: each article as `list --json` gives it, with `link` "
                "(\"copy\" or \"near\") and `similarity` (1 for a copy)");
  return {sub, [&context, args] { return RunSimilar(context, *args); }};
}

}  // namespace morgue::cli
