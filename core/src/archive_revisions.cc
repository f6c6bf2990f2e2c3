// Revisions: an article whose canonical URL is imported again with a changed title,
// subtitle, body, byline or publication date takes the new values as a new revision,
// and the values it had stay in article_revisions (schema/0013_revisions.sql) with when
// each revision was archived, the original it was read from and what it changed.
// Archive::Revisions reads them back; the export cursor reads them with Filter::every_revision.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "morgue/datetime.h"
#include "search_grams.h"

namespace morgue {
namespace {

// Whether an ISO 8601 text has a time with an offset ("...T19:42+09:00", "...Z").
bool HasOffset(std::string_view date) {
  const size_t time = date.find('T');
  return time != std::string_view::npos &&
         date.find_first_of("Z+-", time) != std::string_view::npos;
}

// Whether two publication dates name different moments. A date and a date-time of that
// day agree (one rendering gave the time, another did not); so do one time with its
// offset and the same local time without one.
bool DatesDisagree(std::string_view a, std::string_view b) {
  const bool a_timed = a.find('T') != std::string_view::npos;
  const bool b_timed = b.find('T') != std::string_view::npos;
  if (!a_timed || !b_timed || HasOffset(a) != HasOffset(b)) {
    // The shorter one's precision, as written: "2011-01-04", or "2011-01-04T19:42".
    size_t common = std::min(a.size(), b.size());
    if (a_timed && b_timed) common = std::min<size_t>(common, 16);
    return a.substr(0, common) != b.substr(0, common);
  }
  return SortableDate(a) != SortableDate(b);
}

// The names of the people who wrote it, as compared: a byline's case is the page's style.
std::vector<std::string> WrittenBy(const Article& article) {
  std::vector<std::string> names;
  for (const Author& author : article.authors) {
    if (author.role == "author") names.push_back(LowerAscii(CollapseWhitespace(author.name)));
  }
  return names;
}

std::string JoinFields(const std::vector<std::string>& fields) {
  std::string joined;
  for (const std::string& field : fields) joined += (joined.empty() ? "" : " ") + field;
  return joined;
}

std::vector<std::string> SplitFields(const std::string& joined) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (start < joined.size()) {
    size_t end = joined.find(' ', start);
    if (end == std::string::npos) end = joined.size();
    if (end > start) fields.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return fields;
}

}  // namespace

std::vector<std::string> RevisedFields(const Article& stored, const Article& incoming) {
  std::vector<std::string> changed;
  // A value only one of them has is no change: the other rendering left it out.
  const auto differ = [](const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && CollapseWhitespace(a) != CollapseWhitespace(b);
  };
  if (differ(stored.title, incoming.title)) changed.emplace_back("title");
  if (differ(stored.subtitle, incoming.subtitle)) changed.emplace_back("subtitle");
  if (!stored.body.empty() && !incoming.body.empty() &&
      NormalizedBodyHash(stored.body) != NormalizedBodyHash(incoming.body)) {
    changed.emplace_back("body");
  }
  const std::vector<std::string> stored_byline = WrittenBy(stored);
  const std::vector<std::string> incoming_byline = WrittenBy(incoming);
  if (!stored_byline.empty() && !incoming_byline.empty() && stored_byline != incoming_byline) {
    changed.emplace_back("authors");
  }
  if (!stored.published.empty() && !incoming.published.empty() &&
      DatesDisagree(stored.published, incoming.published)) {
    changed.emplace_back("published");
  }
  return changed;
}

Result<std::vector<std::string>> Archive::Impl::NewRevisionFields(const Article& stored,
                                                                  const Article& incoming) {
  std::vector<std::string> changed = RevisedFields(stored, incoming);
  if (changed.empty() || stored.revision <= 1) return changed;
  // An earlier revision imported again (an older capture of the page) is that revision,
  // already kept: no new one.
  MORGUE_ASSIGN_OR_RETURN(std::vector<Revision> earlier, SupersededRevisions(stored));
  for (const Revision& revision : earlier) {
    if (RevisedFields(revision.article, incoming).empty()) return std::vector<std::string>();
  }
  return changed;
}

Result<std::vector<int64_t>> Archive::Impl::Revise(const Article& stored, const Article& a,
                                                   int64_t document_id,
                                                   const std::vector<std::string>& changed,
                                                   int64_t* revision) {
  const int64_t id = stored.id;
  const std::string now = UtcNow();
  if (stored.revision <= 1) {
    // The first revision's row: it was archived with the article, from its first original.
    MORGUE_ASSIGN_OR_RETURN(
        auto* first,
        db->Cached("INSERT INTO article_revisions(article_id, revision, stored_at, document_id) "
                   "SELECT id, 1, added_at, (SELECT min(document_id) FROM article_documents "
                   "WHERE article_id = ?1) FROM articles WHERE id = ?1"));
    first->Bind(1, id);
    MORGUE_RETURN_IF_ERROR(first->Run());
  }
  const int64_t current = std::max<int64_t>(stored.revision, 1);
  // The revision being replaced keeps the values it had; its byline as JSON, in order
  // (SQLite's aggregates take the rows in the order the ordered subquery gives them).
  MORGUE_ASSIGN_OR_RETURN(auto* keep, db->Cached(R"sql(
    UPDATE article_revisions SET superseded_at = ?3,
      (title, subtitle, body, summary, published, updated) =
        (SELECT title, subtitle, body, summary, published, updated FROM articles WHERE id = ?1),
      authors = (SELECT json_group_array(json_object('name', name, 'email', email, 'role', role))
                 FROM (SELECT au.name, au.email, aa.role FROM article_authors aa
                       JOIN authors au ON au.id = aa.author_id
                       WHERE aa.article_id = ?1 ORDER BY aa.position))
    WHERE article_id = ?1 AND revision = ?2)sql"));
  keep->Bind(1, id).Bind(2, current).Bind(3, now);
  MORGUE_RETURN_IF_ERROR(keep->Run());
  *revision = current + 1;
  MORGUE_ASSIGN_OR_RETURN(
      auto* add, db->Cached("INSERT INTO article_revisions(article_id, revision, stored_at, "
                            "document_id, changed) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5)"));
  add->Bind(1, id).Bind(2, *revision).Bind(3, now).Bind(4, document_id);
  add->Bind(5, JoinFields(changed));
  MORGUE_RETURN_IF_ERROR(add->Run());

  // The new values replace the old; a value the new revision lacks stays as it was.
  struct Replace {
    const char* column;
    const std::string& stored;
    const std::string& incoming;
  };
  const Replace replaces[] = {
      {"title", stored.title, a.title},
      {"subtitle", stored.subtitle, a.subtitle},
      {"summary", stored.summary, a.summary},
      {"language", stored.language, a.language},
      {"url", stored.url, a.url},
      {"published", stored.published, a.published},
      {"updated", stored.updated, a.updated},
      {"body", stored.body, a.body},
  };
  std::vector<std::pair<std::string, std::string>> sets = {{"revision", std::to_string(*revision)}};
  Article linked;  // what the new revision brings to the tables beside the article's row
  std::vector<std::string> replaced_rules;
  for (const Replace& replace : replaces) {
    if (replace.incoming.empty() || replace.incoming == replace.stored) continue;
    const std::string_view column = replace.column;
    // Where the input was found is not the article's: the first address stays.
    if (column == "url" && !replace.stored.empty()) continue;
    sets.emplace_back(replace.column, replace.incoming);
    if (column == "title" || column == "subtitle" || column == "body") {
      sets.emplace_back(std::string(column) + "_grams", IndexGrams(replace.incoming));
    }
    if (column == "published") sets.emplace_back("published_sort", SortableDate(a.published));
    if (column == "body") {
      sets.emplace_back("body_hash", NormalizedBodyHash(a.body));
      sets.emplace_back("word_count", std::to_string(CountWords(a.body)));
    }
    replaced_rules.emplace_back(replace.column);
  }
  const bool byline_changed = std::find(changed.begin(), changed.end(), "authors") != changed.end();
  if (byline_changed || (stored.authors.empty() && !a.authors.empty())) {
    linked.authors = a.authors;
    replaced_rules.emplace_back("authors");
  }
  if (stored.source.empty() && (!a.source.empty() || !a.url.empty() || !a.authors.empty())) {
    MORGUE_ASSIGN_OR_RETURN(int64_t source_id, ResolveSource(a));
    if (source_id != 0) {
      sets.emplace_back("source_id", std::to_string(source_id));
      replaced_rules.emplace_back("source");
    }
  }
  MORGUE_RETURN_IF_ERROR(UpdateColumns(id, sets));
  if (byline_changed) {
    MORGUE_ASSIGN_OR_RETURN(auto* drop,
                            db->Cached("DELETE FROM article_authors WHERE article_id = ?1"));
    drop->Bind(1, id);
    MORGUE_RETURN_IF_ERROR(drop->Run());
  }
  // A replaced value's rule goes with it: the new value's rule, if it has one, replaces it.
  MORGUE_ASSIGN_OR_RETURN(
      auto* forget, db->Cached("DELETE FROM article_fields WHERE article_id = ?1 AND field = ?2"));
  for (const std::string& field : replaced_rules) {
    forget->Bind(1, id).Bind(2, field);
    MORGUE_RETURN_IF_ERROR(forget->Run());
    if (auto rule = a.provenance.find(field); rule != a.provenance.end()) {
      linked.provenance.insert(*rule);
    }
  }
  if (stored.media.empty()) linked.media = a.media;
  MORGUE_ASSIGN_OR_RETURN(std::vector<TagLink> tags, IncomingTags(id, a));
  MORGUE_RETURN_IF_ERROR(InsertLinks(id, linked, tags));

  // The new body is signed in place of the old; the links the old one made stay (the
  // same story), and the new one's near-duplicates are linked too.
  std::vector<int64_t> near;
  if (std::find(changed.begin(), changed.end(), "body") != changed.end() ||
      (stored.body.empty() && !a.body.empty())) {
    MORGUE_RETURN_IF_ERROR(ForgetStory(id));
    MORGUE_ASSIGN_OR_RETURN(near, SignAndLinkStory(id, a.body, NormalizedBodyHash(a.body)));
  }
  return near;
}

Result<std::vector<Revision>> Archive::Impl::SupersededRevisions(const Article& current) {
  std::vector<Revision> revisions;
  if (current.revision <= 1) return revisions;
  MORGUE_ASSIGN_OR_RETURN(auto* read, db->Cached(R"sql(
    SELECT revision, stored_at, superseded_at, coalesce(document_id, 0), changed, title,
           subtitle, body, summary, published, updated
    FROM article_revisions WHERE article_id = ?1 AND superseded_at IS NOT NULL
    ORDER BY revision DESC)sql"));
  read->Bind(1, current.id);
  while (true) {
    MORGUE_ASSIGN_OR_RETURN(bool row, read->Step());
    if (!row) break;
    Revision& revision = revisions.emplace_back();
    revision.number = read->Int(0);
    revision.stored_at = read->Text(1);
    revision.superseded_at = read->Text(2);
    revision.document_id = read->Int(3);
    revision.changed = SplitFields(read->Text(4));
    Article& a = revision.article;
    a = current;
    a.revision = revision.number;
    a.title = read->Text(5);
    a.subtitle = read->Text(6);
    a.body = read->Text(7);
    a.summary = read->Text(8);
    a.published = read->Text(9);
    a.updated = read->Text(10);
    a.word_count = CountWords(a.body);
    a.body_hash = NormalizedBodyHash(a.body);
    a.authors.clear();
  }
  read->Reset();
  MORGUE_ASSIGN_OR_RETURN(
      auto* authors,
      db->Cached("SELECT json_extract(j.value, '$.name'), json_extract(j.value, '$.email'), "
                 "json_extract(j.value, '$.role') FROM article_revisions r, json_each(r.authors) j "
                 "WHERE r.article_id = ?1 AND r.revision = ?2 ORDER BY j.key"));
  for (Revision& revision : revisions) {
    authors->Bind(1, current.id).Bind(2, revision.number);
    while (true) {
      Result<bool> row = authors->Step();
      if (!row.ok()) {
        authors->Reset();
        return row.status();
      }
      if (!*row) break;
      revision.article.authors.push_back({authors->Text(0), authors->Text(1), authors->Text(2)});
    }
    authors->Reset();
  }
  return revisions;
}

Result<std::vector<Revision>> Archive::Revisions(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(Article current, impl_->Load(id));
  MORGUE_ASSIGN_OR_RETURN(std::vector<Revision> revisions, impl_->SupersededRevisions(current));
  std::reverse(revisions.begin(), revisions.end());
  Revision& now = revisions.emplace_back();
  now.number = std::max<int64_t>(current.revision, 1);
  now.stored_at = current.added_at;
  if (current.revision > 1) {
    MORGUE_ASSIGN_OR_RETURN(auto* read,
                            impl_->db->Cached("SELECT stored_at, coalesce(document_id, 0), changed "
                                              "FROM article_revisions WHERE article_id = ?1 AND "
                                              "revision = ?2"));
    read->Bind(1, id).Bind(2, now.number);
    Result<bool> row = read->Step();
    if (row.ok() && *row) {
      now.stored_at = read->Text(0);
      now.document_id = read->Int(1);
      now.changed = SplitFields(read->Text(2));
    }
    read->Reset();
    if (!row.ok()) return row.status();
  } else {
    // Never revised: archived with the article, from its first original.
    MORGUE_ASSIGN_OR_RETURN(auto* first,
                            impl_->db->Cached("SELECT coalesce(min(document_id), 0) FROM "
                                              "article_documents WHERE article_id = ?1"));
    first->Bind(1, id);
    Result<bool> row = first->Step();
    if (row.ok() && *row) now.document_id = first->Int(0);
    first->Reset();
    if (!row.ok()) return row.status();
  }
  now.article = std::move(current);
  return revisions;
}

}  // namespace morgue
