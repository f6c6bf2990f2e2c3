// Reading one article: its row and, as asked, its authors, tags (with their origins), media, the
// provenance of its fields and its story cluster.

#include <string>

#include "archive_impl.h"
#include "morgue/archive.h"

namespace morgue {

Result<Article> Archive::Impl::Load(int64_t id, const ArticleParts& parts) {
  MORGUE_ASSIGN_OR_RETURN(auto* main, db->Cached(R"sql(
    SELECT a.title, a.subtitle, a.body, a.summary, a.language, a.url, a.canonical_url,
           a.published, a.updated, s.name, a.word_count, a.body_hash, a.added_at,
           a.revision
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1)sql"));
  sql::Statement& m = *main;
  m.Bind(1, id);
  MORGUE_ASSIGN_OR_RETURN(bool found, m.Step());
  if (!found) {
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
  a.revision = m.Int(13);
  m.Reset();

  if (parts.authors) {
    MORGUE_ASSIGN_OR_RETURN(auto* authors,
                            db->Cached("SELECT au.name, au.email, aa.role FROM article_authors aa "
                                       "JOIN authors au ON au.id = aa.author_id WHERE "
                                       "aa.article_id = ?1 ORDER BY aa.position"));
    authors->Bind(1, id);
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(bool row, authors->Step());
      if (!row) break;
      a.authors.push_back({authors->Text(0), authors->Text(1), authors->Text(2)});
    }
  }
  if (parts.tags) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* tags,
        db->Cached("SELECT t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                   "WHERE at.article_id = ?1 ORDER BY " +
                   db->dialect().ignoring_case("t.name")));
    tags->Bind(1, id);
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(bool row, tags->Step());
      if (!row) break;
      a.tags.push_back(tags->Text(0));
      a.tag_origins[a.tags.back()] = tags->Text(1);
    }
  }
  if (parts.media) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* media,
        db->Cached(
            "SELECT url, caption, credit FROM media WHERE article_id = ?1 ORDER BY position"));
    media->Bind(1, id);
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(bool row, media->Step());
      if (!row) break;
      a.media.push_back({media->Text(0), media->Text(1), media->Text(2)});
    }
  }
  if (parts.provenance) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* fields, db->Cached("SELECT field, rule FROM article_fields WHERE article_id = ?1"));
    fields->Bind(1, id);
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(bool row, fields->Step());
      if (!row) break;
      a.provenance[fields->Text(0)] = fields->Text(1);
    }
  }
  if (parts.story) MORGUE_RETURN_IF_ERROR(ReadStory(&a));
  db->ResetCached();
  return a;
}

Result<Article> Archive::Get(int64_t id) { return impl_->Load(id); }

}  // namespace morgue
