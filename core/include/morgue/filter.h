// Filter: which articles `find`, `search` and every export select, and in what order.
//
// All conditions combine with AND; an empty field places no condition. The same Filter
// drives `morgue list`, `morgue search` and `morgue export`, so a user who has narrowed
// a list down can export exactly that list.
//
// Thread-safety: a plain value type.

#ifndef MORGUE_FILTER_H_
#define MORGUE_FILTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/export.h"
#include "morgue/status.h"

namespace morgue {

enum class SortOrder {
  kDefault,        // by relevance when there is a query, else newest published first
  kPublishedDesc,  // newest first; undated articles last
  kPublishedAsc,   // oldest first; undated articles last
  kIdAsc,          // order of archiving
  kIdDesc,
  kTitle,
  kRelevance,  // best full-text match first; needs a query
};

struct Filter {
  std::vector<std::string> tags;  // every one must be present
  // "page" or "user": the tags above must be ones the page gave ("page" or "both") or the
  // user added ("user" or "both"); with no tags above, the article must have at least one
  // such tag. Empty: any origin.
  std::string tag_origin;
  std::string author;  // case-insensitive substring of an author's name
  std::string source;  // case-insensitive substring of the publication name, or an alias/domain
  std::string since;   // ISO 8601 date or date-time: published on or after
  std::string until;   // ISO 8601 date or date-time: published on or before (whole day)
  std::string query;   // SQLite FTS5 query over title, subtitle, body, authors, tags
  bool literal_query = false;  // `query` is plain words, each found as written (LiteralQuery)
  std::vector<int64_t> ids;    // only these articles
  // One article per story cluster (Article::cluster) among those selected: the earliest
  // published (undated last, then the lowest id). Ordering and paging apply to those.
  bool collapse = false;
  // Archive::Select only: before each article, its earlier revisions, the first first
  // (Article::revision tells them apart; see Archive::Revisions). Counts and paging apply to
  // the articles.
  bool every_revision = false;
  int64_t limit = -1;  // -1: no limit
  int64_t offset = 0;
  SortOrder order = SortOrder::kDefault;
};

// Parses "published", "-published" (newest first), "id", "-id", "title", "relevance".
MORGUE_EXPORT Result<SortOrder> ParseSortOrder(std::string_view text);

// The FTS5 query that finds every word of `text` as written, whatever its characters:
// each run of non-space characters becomes a quoted FTS5 string, so `C++ U.S.` is
// `"C++" "U.S."`; a Korean, Japanese or Chinese word is also found within a longer run of
// text, as the phrase of its character pairs the index holds (`협정` is
// `("협정" OR "협정")`, `군사협정` is `("군사협정" OR "군사 사협 협정")`). Empty when `text`
// has no words.
MORGUE_EXPORT std::string LiteralQuery(std::string_view text);

// The accepted spellings of ParseSortOrder, for help texts and error messages.
MORGUE_EXPORT std::string_view SortOrderNames();

}  // namespace morgue

#endif  // MORGUE_FILTER_H_
