#include "morgue/filter.h"

#include <cctype>
#include <string>

namespace morgue {

std::string_view SortOrderNames() { return "published, -published, id, -id, title, relevance"; }

Result<SortOrder> ParseSortOrder(std::string_view text) {
  if (text.empty()) return SortOrder::kDefault;
  if (text == "-published" || text == "newest") return SortOrder::kPublishedDesc;
  if (text == "published" || text == "oldest") return SortOrder::kPublishedAsc;
  if (text == "id") return SortOrder::kIdAsc;
  if (text == "-id") return SortOrder::kIdDesc;
  if (text == "title") return SortOrder::kTitle;
  if (text == "relevance" || text == "rank") return SortOrder::kRelevance;
  return Status::InvalidArgument("unknown order '" + std::string(text) +
                                 "'; use one of: " + std::string(SortOrderNames()));
}

std::string LiteralQuery(std::string_view text) {
  std::string query;
  size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
      continue;
    }
    if (!query.empty()) query.push_back(' ');
    query.push_back('"');
    for (; i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0; ++i) {
      if (text[i] == '"') query.push_back('"');  // FTS5 escapes a quote by doubling it
      query.push_back(text[i]);
    }
    query.push_back('"');
  }
  return query;
}

}  // namespace morgue
