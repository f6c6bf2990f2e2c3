#include "morgue/filter.h"

#include <cctype>
#include <string>

#include "search_grams.h"

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
  bool last_group = false;
  size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i])) != 0) {
      ++i;
      continue;
    }
    const size_t start = i;
    std::string quoted = "\"";
    for (; i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0; ++i) {
      if (text[i] == '"') quoted.push_back('"');  // FTS5 escapes a quote by doubling it
      quoted.push_back(text[i]);
    }
    quoted.push_back('"');
    // Punctuation alone is not indexed: after an AND its empty phrase would match nothing.
    if (!HasWordCharacter(text.substr(start, i - start))) continue;
    // Korean, Japanese and Chinese words are found within longer runs too (search_grams.h),
    // as a bracketed group, which FTS5 joins to its neighbours only with an explicit AND.
    std::string term =
        CjkQueryTerm(text.substr(start, i - start), quoted, /*prefix=*/false, TermPlace::kFree);
    const bool group = term.front() == '(';
    if (!query.empty()) query += group || last_group ? " AND " : " ";
    query += term;
    last_group = group;
  }
  return query;
}

}  // namespace morgue
