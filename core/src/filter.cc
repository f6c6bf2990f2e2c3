#include "morgue/filter.h"

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

}  // namespace morgue
