// Reading one article whole: its row, its authors, tags (with their origins), media and
// the provenance of its fields.

#include <string>

#include "archive_impl.h"
#include "morgue/archive.h"

namespace morgue {

Result<Article> Archive::Impl::Load(int64_t id) {
  Result<sql::Statement*> main = db->Cached(R"sql(
    SELECT a.title, a.subtitle, a.body, a.summary, a.language, a.url, a.canonical_url,
           a.published, a.updated, s.name, a.word_count, a.body_hash, a.added_at
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1)sql");
  if (!main.ok()) return main.status();
  sql::Statement& m = **main;
  m.Bind(1, id);
  Result<bool> found = m.Step();
  if (!found.ok()) return found.status();
  if (!*found) {
    m.Reset();
    return Status::NotFound("no article with id " + std::to_string(id));
  }
  Article a;
  a.id = id;
  a.title = m.Text(0);
  a.subtitle = m.Text(1);
  a.body = m.Text(2);
  a.summary = m.Text(3);
  a.language = m.Text(4);
  a.url = m.Text(5);
  a.canonical_url = m.Text(6);
  a.published = m.Text(7);
  a.updated = m.Text(8);
  a.source = m.Text(9);
  a.word_count = m.Int(10);
  a.body_hash = m.Text(11);
  a.added_at = m.Text(12);
  m.Reset();

  Result<sql::Statement*> authors = db->Cached(
      "SELECT au.name, au.email, aa.role FROM article_authors aa "
      "JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?1 ORDER BY aa.position");
  if (!authors.ok()) return authors.status();
  (*authors)->Bind(1, id);
  while (true) {
    Result<bool> row = (*authors)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.authors.push_back({(*authors)->Text(0), (*authors)->Text(1), (*authors)->Text(2)});
  }
  Result<sql::Statement*> tags = db->Cached(
      "SELECT t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = ?1 ORDER BY t.name");
  if (!tags.ok()) return tags.status();
  (*tags)->Bind(1, id);
  while (true) {
    Result<bool> row = (*tags)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.tags.push_back((*tags)->Text(0));
    a.tag_origins[a.tags.back()] = (*tags)->Text(1);
  }
  Result<sql::Statement*> media =
      db->Cached("SELECT url, caption, credit FROM media WHERE article_id = ?1 ORDER BY position");
  if (!media.ok()) return media.status();
  (*media)->Bind(1, id);
  while (true) {
    Result<bool> row = (*media)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.media.push_back({(*media)->Text(0), (*media)->Text(1), (*media)->Text(2)});
  }
  Result<sql::Statement*> fields =
      db->Cached("SELECT field, rule FROM article_fields WHERE article_id = ?1");
  if (!fields.ok()) return fields.status();
  (*fields)->Bind(1, id);
  while (true) {
    Result<bool> row = (*fields)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.provenance[(*fields)->Text(0)] = (*fields)->Text(1);
  }
  db->ResetCached();
  return a;
}

Result<Article> Archive::Get(int64_t id) { return impl_->Load(id); }

}  // namespace morgue
