// The options that narrow down a selection of articles, shared by `list`, `search` and
// `export` so that a list a user has narrowed down exports exactly as listed.

#ifndef MORGUE_TOOLS_MORGUE_FILTER_OPTIONS_H_
#define MORGUE_TOOLS_MORGUE_FILTER_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "morgue/filter.h"

namespace morgue::cli {

struct FilterOptions {
  std::vector<std::string> tags;
  std::string tag_origin;  // "page", "user" or empty
  std::string author;
  std::string source;
  std::string since;
  std::string until;
  std::string query;
  bool literal = false;  // the query is plain words, not FTS5 syntax
  std::vector<int64_t> ids;
  bool collapse = false;  // one article per story cluster
  int64_t limit = -1;
  int64_t offset = 0;
  std::string order;
};

// Adds --tag, --tag-origin, --author, --source, --since, --until, --ids, --collapse,
// --limit, --offset, --order, --literal and, with `with_query`, --query. Values are
// checked while parsing, so a bad date or order is a usage error before the archive is
// touched.
void AddFilterOptions(CLI::App* app, FilterOptions* options, bool with_query = true);

// The Filter the parsed options describe.
Filter MakeFilter(const FilterOptions& options);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_FILTER_OPTIONS_H_
