// morgue list: the selected articles as a table, or as JSON.

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

// Rows buffered to size the columns; later rows reuse those widths so that a list of a
// million articles still streams.
constexpr size_t kSizingRows = 500;

struct ListArgs {
  FilterOptions filter;
  bool json = false;
};

// Collapsed, a STORY column says how many articles each row's story has.
std::vector<std::string> Row(const Article& article, bool collapse) {
  std::vector<std::string> row = {std::to_string(article.id), article.published.substr(0, 10),
                                  article.source, Join(AuthorNames(article), ", ")};
  if (collapse) row.push_back(std::to_string(article.cluster_size));
  row.push_back(article.title);
  return row;
}

class TablePrinter {
 public:
  explicit TablePrinter(bool collapse) : collapse_(collapse) {}

  void Add(std::vector<std::string> row) {
    if (columns_.empty()) {
      pending_.push_back(std::move(row));
      if (pending_.size() >= kSizingRows) {
        Flush();
      }
    } else {
      std::cout << TableRow(columns_, row) << '\n';
    }
  }

  // Prints what is buffered; returns whether any row was printed at all.
  bool Flush() {
    if (columns_.empty() && !pending_.empty()) {
      columns_ = {{"ID", 2, true}, {"PUBLISHED", 10}, {"SOURCE", 6}, {"AUTHORS", 7}};
      if (collapse_) columns_.push_back({"STORY", 5, true});
      columns_.push_back({"TITLE", 5});
      const size_t title = columns_.size() - 1;
      for (const auto& row : pending_) {
        for (size_t i = 0; i < title; ++i) {
          columns_[i].width = std::max(columns_[i].width, DisplayWidth(OneLine(row[i])));
        }
      }
      columns_[2].width = std::min(columns_[2].width, 16);
      columns_[3].width = std::min(columns_[3].width, 24);
      int used = 2 * static_cast<int>(title);  // the gaps between the columns
      for (size_t i = 0; i < title; ++i) {
        used += columns_[i].width;
      }
      columns_[title].width = std::max(20, kTableWidth - used);
      std::cout << TableHeader(columns_) << '\n';
      for (const auto& row : pending_) {
        std::cout << TableRow(columns_, row) << '\n';
      }
      pending_.clear();
    }
    return !columns_.empty();
  }

 private:
  bool collapse_;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> pending_;
};

int RunList(Context& context, const ListArgs& args) {
  auto archive = context.OpenExisting(Context::Access::kRead);
  if (archive == nullptr) {
    return kExitArchive;
  }
  Filter filter = MakeFilter(args.filter);
  if (args.json) {
    JsonArrayWriter writer(std::cout);
    Status status = archive->Find(filter, [&writer, &filter](const Article& article) {
      Json summary = ArticleSummaryJson(article);
      if (filter.collapse) AddStoryJson(article, &summary);
      writer.Add(summary);
      return Status::OK();
    });
    if (!status.ok()) {
      return context.Error(status);
    }
    writer.Close();
    return kExitOk;
  }
  TablePrinter table(filter.collapse);
  Status status = archive->Find(filter, [&table, &filter](const Article& article) {
    table.Add(Row(article, filter.collapse));
    return Status::OK();
  });
  bool printed = table.Flush();
  if (!status.ok()) {
    return context.Error(status);
  }
  if (!printed) {
    context.Info("no articles match");
  }
  return kExitOk;
}

}  // namespace

Command AddListCommand(CLI::App& app, Context& context) {
  auto args = std::make_shared<ListArgs>();
  CLI::App* sub = app.add_subcommand("list", "List articles, newest first");
  SetExamples(sub, {"morgue list --limit 10", "morgue list --tag japan --since 2011-01",
                    "morgue list --tag japan --tag-origin user",
                    "morgue list --source 'Korea Times' --order published --json",
                    "morgue list --collapse --since 2011-01-04 --until 2011-01-04"});
  context.AddGlobalOptions(sub);
  AddFilterOptions(sub, &args->filter);
  sub->add_flag("--json", args->json, "Print a JSON array instead of a table");
  return {sub, [&context, args] { return RunList(context, *args); }};
}

}  // namespace morgue::cli
