// Querying: the SQL a Filter makes (full-text query, tags and their origin, author, source,
// date bounds, ids, one article per story, order and paging), and Find, Search and Count,
// which run it.

#include <algorithm>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "fts5_query.h"
#include "morgue/archive.h"
#include "morgue/datetime.h"
#include "search_grams.h"
#include "search_snippet.h"
#include "validate.h"

namespace morgue {

namespace {

// Escapes LIKE wildcards so a user's text matches literally (ESCAPE '\').
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

// A --since or --until bound as published_sort holds it, without the "Z" of an instant.
std::string SortableBound(const std::string& bound) {
  std::string sortable = SortableDate(bound);
  if (!sortable.empty() && sortable.back() == 'Z') sortable.pop_back();
  return sortable;
}

}  // namespace

Result<sql::Statement> Archive::Impl::PrepareSelect(const Filter& filter, bool search,
                                                    const SearchOptions& options, bool count_only) {
  struct Param {
    enum Kind { kText, kInt } kind;
    std::string text;
    int64_t number = 0;
  };
  std::vector<Param> params;
  auto text = [&params](std::string value) {
    params.push_back({Param::kText, std::move(value), 0});
    return "?" + std::to_string(params.size());
  };
  auto number = [&params](int64_t value) {
    params.push_back({Param::kInt, {}, value});
    return "?" + std::to_string(params.size());
  };
  auto prepare = [this, &params](const std::string& statement) -> Result<sql::Statement> {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement stmt, db->Prepare(statement));
    for (size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      if (params[i].kind == Param::kText) {
        stmt.Bind(index, params[i].text);
      } else {
        stmt.Bind(index, params[i].number);
      }
    }
    return stmt;
  };

  // Tags, sources' names, aliases and domains compare ignoring ASCII case (NOCASE).
  const std::string like(db->dialect().like_ignoring_case);
  const auto nocase = db->dialect().ignoring_case;
  MORGUE_ASSIGN_OR_RETURN(std::string fts5_query, Fts5Query(filter));
  const std::string& query = fts5_query;
  const bool has_query = !query.empty();
  if (search && !has_query) {
    return Status::InvalidArgument(filter.query.empty()
                                       ? "search needs a full-text query"
                                       : "search query '" + ShownQuery(filter.query) +
                                             "' has no words to search for");
  }
  if (has_query && !searchable) {
    return Status::NotSupported("archive '" + path.string() +
                                "': this morgue cannot search a PostgreSQL archive yet; copy it "
                                "into a file with 'morgue copy' and search that");
  }
  if (has_query) MORGUE_RETURN_IF_ERROR(CheckQuery(*db, filter.query, query));
  std::string sql = count_only ? "SELECT count(*)" : "SELECT a.id";
  // Snippets for CJK words are cut from the article's text instead (search_snippet.h).
  const bool own_snippet = HasCjkText(filter.query);
  if (search && own_snippet) {
    sql += ", articles_fts.rank, ''";
  } else if (search) {
    std::string open = text(options.open_mark);
    std::string close = text(options.close_mark);
    sql += ", articles_fts.rank, snippet(articles_fts, -1, " + open + ", " + close + ", '…', " +
           number(std::clamp(options.snippet_tokens, 1, 64)) + ")";
  }
  std::string origin_condition;
  if (filter.tag_origin == kTagOriginPage || filter.tag_origin == kTagOriginUser) {
    origin_condition = " AND at.origin IN (" + text(filter.tag_origin) + ", 'both')";
  } else if (!filter.tag_origin.empty()) {
    return Status::InvalidArgument("tag origin: '" + filter.tag_origin +
                                   "' is not an origin; use 'page' or 'user'");
  }
  const bool only_query = filter.tags.empty() && origin_condition.empty() &&
                          filter.author.empty() && filter.source.empty() && filter.since.empty() &&
                          filter.until.empty() && filter.ids.empty();
  if (has_query && count_only && only_query && !filter.collapse) {
    // Every indexed row is an article: counting needs no article read, only the index.
    return prepare(sql + " FROM articles_fts WHERE articles_fts MATCH " + text(query));
  }
  // The tables, then the conditions, apart: collapsing selects from them twice.
  const std::string from = has_query
                               ? " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                               : " FROM articles a";
  std::string where = has_query ? " WHERE articles_fts MATCH " + text(query) : " WHERE TRUE";
  for (const std::string& tag : filter.tags) {
    where +=
        " AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id"
        " WHERE at.article_id = a.id AND " +
        nocase("t.name") + " = " + nocase(text(NormalizeTag(tag))) + origin_condition + ")";
  }
  if (filter.tags.empty() && !origin_condition.empty()) {
    where += " AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id" +
             origin_condition + ")";
  }
  if (!filter.author.empty()) {
    std::string pattern = text(LikePattern(filter.author));
    where +=
        " AND EXISTS (SELECT 1 FROM article_authors aa JOIN authors au"
        " ON au.id = aa.author_id WHERE aa.article_id = a.id AND (au.name " +
        like + " " + pattern + " ESCAPE '\\' OR au.email " + like + " " + pattern +
        " ESCAPE '\\'))";
  }
  if (!filter.source.empty()) {
    std::string pattern = text(LikePattern(filter.source));
    std::string exact = text(filter.source);
    where += " AND a.source_id IN (SELECT id FROM sources WHERE name " + like + " " + pattern +
             " ESCAPE '\\' UNION SELECT source_id FROM source_aliases WHERE alias " + like + " " +
             pattern + " ESCAPE '\\' UNION SELECT source_id FROM source_domains WHERE " +
             nocase("domain") + " = " + nocase(exact) + ")";
  }
  // Bounds compare with published_sort (see SortableDate) in its form, less the "Z", so
  // that a bound without an offset reads as UTC, an offset-less value as if it were UTC,
  // and a date bound as that UTC day.
  if (!filter.since.empty()) {
    if (!IsIso8601(filter.since)) {
      return Status::InvalidArgument("since: '" + filter.since + "' is not an ISO 8601 date");
    }
    where += " AND a.published_sort >= " + text(SortableBound(filter.since));
  }
  if (!filter.until.empty()) {
    if (!IsIso8601(filter.until)) {
      return Status::InvalidArgument("until: '" + filter.until + "' is not an ISO 8601 date");
    }
    // Compares as many characters as the bound has, so "2011-01-04" takes in that day.
    std::string until = text(SortableBound(filter.until));
    where += " AND substr(a.published_sort, 1, length(" + until + ")) <= " + until;
  }
  if (!filter.ids.empty()) {
    where += " AND a.id IN (";
    for (size_t i = 0; i < filter.ids.size(); ++i) {
      where += (i == 0 ? "" : ", ") + number(filter.ids[i]);
    }
    where += ")";
  }
  if (filter.limit < -1 || filter.offset < 0) {
    return Status::InvalidArgument("limit and offset must not be negative");
  }
  SortOrder order = filter.order;
  if (order == SortOrder::kRelevance && !has_query) {
    return Status::InvalidArgument("ordering by relevance needs a full-text query");
  }
  if (filter.collapse) {
    // One article per story cluster: of those the same conditions select, ranked within
    // their cluster by publication, the first. (A window function cannot sit beside
    // FTS5's snippet() in one select, hence the second.)
    where +=
        " AND a.id IN (SELECT id FROM (SELECT a.id AS id, row_number() OVER (PARTITION BY "
        "coalesce(sc.cluster_id, a.id) ORDER BY a.published_sort IS NULL, a.published_sort, "
        "a.id) AS story_row" +
        from + " LEFT JOIN story_clusters sc ON sc.article_id = a.id" + where +
        ") AS story WHERE story_row = 1)";
  }
  sql += from + where;
  if (count_only) return prepare(sql);  // ordering and paging change no count
  if (order == SortOrder::kDefault) {
    order = has_query ? SortOrder::kRelevance : SortOrder::kPublishedDesc;
  }
  switch (order) {
    case SortOrder::kRelevance:
      sql += " ORDER BY articles_fts.rank, a.id";
      break;
    case SortOrder::kDefault:
    case SortOrder::kPublishedDesc:
      sql += " ORDER BY a.published_sort IS NULL, a.published_sort DESC, a.id";
      break;
    case SortOrder::kPublishedAsc:
      sql += " ORDER BY a.published_sort IS NULL, a.published_sort, a.id";
      break;
    case SortOrder::kIdAsc:
      sql += " ORDER BY a.id";
      break;
    case SortOrder::kIdDesc:
      sql += " ORDER BY a.id DESC";
      break;
    case SortOrder::kTitle:
      // Untitled articles first, as SQLite orders NULL (PostgreSQL puts it last).
      sql += " ORDER BY a.title IS NOT NULL, " + db->dialect().ignoring_case("a.title") + ", a.id";
      break;
  }
  // No limit (-1) is the largest one: PostgreSQL takes no negative limit.
  const int64_t limit = filter.limit < 0 ? std::numeric_limits<int64_t>::max() : filter.limit;
  sql += " LIMIT " + number(limit) + " OFFSET " + number(filter.offset);
  return prepare(sql);
}

Status Archive::Find(const Filter& filter, const std::function<Status(const Article&)>& visit) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, false, {});
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return QueryError(filter, row.status());
    if (!*row) return Status::OK();
    MORGUE_ASSIGN_OR_RETURN(Article article, impl_->Load(stmt->Int(0)));
    MORGUE_RETURN_IF_ERROR(visit(article));
  }
}

Result<std::vector<SearchHit>> Archive::Search(const Filter& filter, const SearchOptions& options) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, true, options);
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  std::vector<SearchHit> hits;
  const bool own_snippet = HasCjkText(filter.query);
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return QueryError(filter, row.status());
    if (!*row) break;
    MORGUE_ASSIGN_OR_RETURN(Article article, impl_->Load(stmt->Int(0)));
    // A word written against CJK characters matches in the grams: when FTS5's snippet
    // shows them (only a snippet with CJK characters can), it is cut from the text too.
    std::string snippet = stmt->Text(2);
    if (own_snippet || (HasCjkText(snippet) && !SnippetShowsText(snippet, article, options))) {
      snippet = CjkSnippet(article, filter.query, options);
    }
    hits.push_back({std::move(article), stmt->Double(1), std::move(snippet)});
  }
  return hits;
}

Result<int64_t> Archive::Count(const Filter& filter) {
  Filter all = filter;
  all.limit = -1;
  all.offset = 0;
  Result<sql::Statement> stmt = impl_->PrepareSelect(all, false, {}, /*count_only=*/true);
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  Result<bool> row = stmt->Step();
  if (!row.ok()) return QueryError(filter, row.status());
  return stmt->Int(0);
}

}  // namespace morgue
