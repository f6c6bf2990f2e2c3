// Storing articles: a new one with its links (authors, tags, media, provenance) written
// before its row so that the search index reads it once; a duplicate merged instead
// (archive_dedup.cc finds it, archive_merge.cc fills it in); and removing one.

#include <algorithm>
#include <string>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "morgue/archive.h"
#include "morgue/datetime.h"
#include "search_grams.h"
#include "validate.h"

namespace morgue {

namespace {

// Joins what SQLite's group_concat in the sync triggers of schema/0001_core.sql
// produces, so that an article is indexed once, with its final text, when it is added.
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out;
}

}  // namespace

std::string OriginOf(const Article& a, const std::string& tag) {
  auto it = a.tag_origins.find(tag);
  return it == a.tag_origins.end() ? std::string(kTagOriginPage) : it->second;
}

Status RequireArticle(sql::Database& db, int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(auto* find, db.Cached("SELECT 1 FROM articles WHERE id = ?1"));
  find->Bind(1, id);
  MORGUE_ASSIGN_OR_RETURN(bool row, find->Step());
  find->Reset();
  if (!row) return Status::NotFound("no article with id " + std::to_string(id));
  return Status::OK();
}

Result<int64_t> Archive::Impl::ResolveAuthor(const Author& author) {
  MORGUE_ASSIGN_OR_RETURN(auto* find,
                          db->Cached("SELECT id FROM authors WHERE name = ?1 AND email = ?2"));
  find->Bind(1, author.name).Bind(2, author.email);
  Result<bool> row = find->Step();
  int64_t id = row.ok() && *row ? find->Int(0) : 0;
  find->Reset();
  if (!row.ok()) return row.status();
  if (id != 0) return id;
  MORGUE_ASSIGN_OR_RETURN(auto* insert,
                          db->Cached("INSERT INTO authors(name, email) VALUES (?1, ?2)"));
  insert->Bind(1, author.name).Bind(2, author.email);
  return insert->RunForId();
}

Status Archive::CanStoreArticles() const {
  if (impl_->stores_articles) return Status::OK();
  return Status::NotSupported(
      "archive '" + impl_->path.string() +
      "': this morgue edits PostgreSQL archives (tag, untag, rm, sources add) but does not "
      "store new articles or revisions in them yet (import, reextract --apply, revert); "
      "import into an archive file and copy it to an empty database with 'morgue copy FILE " +
      impl_->path.string() + "'");
}

Status Archive::Impl::WriteLinkText(int64_t id) {
  if (link_text_by_triggers) return Status::OK();
  // The names `sql` reads for the article, joined as the triggers join them.
  auto joined = [&](const std::string& sql) -> Result<std::string> {
    std::vector<std::string> names;
    MORGUE_ASSIGN_OR_RETURN(auto* read, db->Cached(sql));
    read->Bind(1, id);
    MORGUE_RETURN_IF_ERROR(read->ForEachRow([&] {
      names.push_back(read->Text(0));
      return Status::OK();
    }));
    return JoinNames(names);
  };
  MORGUE_ASSIGN_OR_RETURN(
      const std::string authors,
      joined("SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id "
             "WHERE aa.article_id = ?1 AND aa.role = 'author' ORDER BY aa.position"));
  MORGUE_ASSIGN_OR_RETURN(
      const std::string tags,
      joined("SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
             "WHERE at.article_id = ?1 ORDER BY " +
             db->dialect().ignoring_case("t.name")));
  MORGUE_ASSIGN_OR_RETURN(auto* write,
                          db->Cached("UPDATE articles SET authors_text = ?2, tags_text = ?3 "
                                     "WHERE id = ?1 AND (authors_text <> ?2 OR tags_text <> ?3)"));
  write->Bind(1, id).Bind(2, authors).Bind(3, tags);
  return write->Run();
}

Status Archive::Impl::InsertLinks(int64_t id, const Article& article,
                                  const std::vector<TagLink>& tags) {
  for (size_t i = 0; i < article.authors.size(); ++i) {
    MORGUE_ASSIGN_OR_RETURN(int64_t author_id, ResolveAuthor(article.authors[i]));
    MORGUE_ASSIGN_OR_RETURN(
        auto* link, db->Cached("INSERT INTO article_authors(article_id, author_id, position, role) "
                               "VALUES (?1, ?2, ?3, ?4)"));
    link->Bind(1, id).Bind(2, author_id).Bind(3, static_cast<int64_t>(i));
    link->Bind(4, article.authors[i].role);
    MORGUE_RETURN_IF_ERROR(link->Run());
  }
  for (const TagLink& tag : tags) MORGUE_RETURN_IF_ERROR(LinkTag(id, tag));
  for (size_t i = 0; i < article.media.size(); ++i) {
    const Media& m = article.media[i];
    MORGUE_ASSIGN_OR_RETURN(
        auto* insert, db->Cached("INSERT INTO media(article_id, position, url, caption, credit) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert->Bind(1, id).Bind(2, static_cast<int64_t>(i));
    insert->BindTextOrNull(3, m.url).BindTextOrNull(4, m.caption).BindTextOrNull(5, m.credit);
    MORGUE_RETURN_IF_ERROR(insert->Run());
  }
  for (const auto& [field, rule] : article.provenance) {
    // On a merge the rule that produced the stored value stays.
    MORGUE_ASSIGN_OR_RETURN(
        auto* insert,
        db->Cached("INSERT INTO article_fields(article_id, field, rule) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT DO NOTHING"));
    insert->Bind(1, id).Bind(2, field).Bind(3, rule);
    MORGUE_RETURN_IF_ERROR(insert->Run());
  }
  return Status::OK();
}

Result<int64_t> Archive::Impl::NextArticleId() {
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement next,
      db->Prepare(
          "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
          "coalesce((SELECT max(id) FROM articles), 0)) + 1"));
  MORGUE_RETURN_IF_ERROR(next.Step().status());
  return next.Int(0);
}

Result<AddResult> Archive::Impl::AddInTransaction(Article a, int64_t document_id,
                                                  const std::vector<std::string>& extra_tags,
                                                  const BodyKeys* keys) {
  MORGUE_RETURN_IF_ERROR(NormalizeAndValidate(a, extra_tags));
  // Only the article's own address identifies it: many articles share a `url` where they
  // were found (a blog's front page, a feed).
  const std::string url_key = UrlKey(a.canonical_url);
  const std::string body_hash = keys != nullptr ? keys->hash : NormalizedBodyHash(a.body);

  AddResult result;
  MORGUE_ASSIGN_OR_RETURN(int64_t existing, FindSameUrl(url_key));
  const bool same_url = existing != 0;
  if (existing == 0) {
    MORGUE_ASSIGN_OR_RETURN(BodyMatch same_body, FindSameBody(a, url_key, body_hash));
    existing = same_body.same;
    result.copy_of = same_body.copy_of;
  }
  // Resolved only when needed, so that a duplicate never adds a publication.
  Result<int64_t> source_id = int64_t{0};
  if (existing == 0 && !a.title.empty()) {
    source_id = ResolveSource(a);
    if (!source_id.ok()) return source_id.status();
    MORGUE_ASSIGN_OR_RETURN(existing, FindSameMetadata(a, *source_id));
  }
  if (existing != 0) {
    result.id = existing;
    result.duplicate = true;
    result.copy_of = 0;
    // Its authors and media decide what this input adds; its tags, provenance and story
    // play no part, so they are not read (a duplicate is on the import's hot path).
    ArticleParts needed = ArticleParts::None();
    needed.authors = true;
    needed.media = true;
    MORGUE_ASSIGN_OR_RETURN(const Article stored, Load(existing, needed));
    // Only its own address makes an article another's revision: a body or a title can
    // be shared by different articles, an address cannot.
    std::vector<std::string> changed;
    if (same_url) {
      a.body_hash = body_hash;  // computed above: not again for the comparison
      MORGUE_ASSIGN_OR_RETURN(changed, NewRevisionFields(stored, a));
    }
    if (!changed.empty()) {
      MORGUE_ASSIGN_OR_RETURN(
          result.near_duplicates,
          Revise(stored, a, {.document_id = document_id}, changed, &result.revision));
    } else {
      MORGUE_ASSIGN_OR_RETURN(result.near_duplicates, Merge(stored, a));
    }
  } else {
    // The new id is chosen first and the link rows written before the article row (their
    // foreign keys are deferred), so the search index sees the finished article once
    // instead of re-indexing it for every author and tag.
    MORGUE_ASSIGN_OR_RETURN(
        auto* next,
        db->Cached(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
            "coalesce((SELECT max(id) FROM articles), 0)) + 1"));
    if (Result<bool> row = next->Step(); !row.ok()) return row.status();
    result.id = next->Int(0);
    next->Reset();

    std::vector<TagLink> tag_links;
    std::vector<std::string> tag_names;
    for (const std::string& tag : a.tags) {
      MORGUE_ASSIGN_OR_RETURN(auto resolved, ResolveTag(tag));
      tag_links.push_back({resolved.first, resolved.second, OriginOf(a, tag)});
      tag_names.push_back(resolved.second);
    }
    // The order of `ORDER BY t.name` under the tags.name column's NOCASE collation.
    std::sort(tag_names.begin(), tag_names.end(), [](const std::string& x, const std::string& y) {
      return LowerAscii(x) < LowerAscii(y);
    });
    std::vector<std::string> author_names;
    for (const Author& author : a.authors) {
      if (author.role == "author") author_names.push_back(author.name);
    }
    MORGUE_RETURN_IF_ERROR(InsertLinks(result.id, a, tag_links));

    if (a.title.empty()) {
      source_id = ResolveSource(a);
      if (!source_id.ok()) return source_id.status();
    }
    MORGUE_ASSIGN_OR_RETURN(auto* insert, db->Cached(R"sql(
      INSERT INTO articles(id, title, subtitle, body, summary, language, url, canonical_url,
                           url_key, published, updated, source_id, word_count, body_hash,
                           authors_text, tags_text, added_at, published_sort, title_grams,
                           subtitle_grams, body_grams)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, nullif(?12, 0), ?13, ?14, ?15, ?16,
              ?17, ?18, ?19, ?20, ?21))sql"));
    sql::Statement& s = *insert;
    s.Bind(1, result.id);
    s.BindTextOrNull(2, a.title).BindTextOrNull(3, a.subtitle).BindTextOrNull(4, a.body);
    s.BindTextOrNull(5, a.summary).BindTextOrNull(6, a.language).BindTextOrNull(7, a.url);
    s.BindTextOrNull(8, a.canonical_url).BindTextOrNull(9, url_key);
    s.BindTextOrNull(10, a.published).BindTextOrNull(11, a.updated).Bind(12, *source_id);
    s.Bind(13, keys != nullptr ? keys->word_count : CountWords(a.body));
    s.BindTextOrNull(14, body_hash);
    s.Bind(15, JoinNames(author_names)).Bind(16, JoinNames(tag_names)).Bind(17, UtcNow());
    s.BindTextOrNull(18, SortableDate(a.published));
    s.BindTextOrNull(19, IndexGrams(a.title)).BindTextOrNull(20, IndexGrams(a.subtitle));
    s.BindTextOrNull(21, IndexGrams(a.body));
    MORGUE_RETURN_IF_ERROR(s.Run());
    if (result.copy_of != 0) {
      MORGUE_RETURN_IF_ERROR(LinkStories(result.id, result.copy_of, "copy", 1.0));
    }
    MORGUE_ASSIGN_OR_RETURN(
        result.near_duplicates,
        SignAndLinkStory(result.id, keys != nullptr ? keys->signature : SignStory(a.body),
                         body_hash));
  }
  if (document_id != 0) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* link,
        db->Cached("INSERT INTO article_documents(article_id, document_id) VALUES (?1, ?2) "
                   "ON CONFLICT DO NOTHING"));
    link->Bind(1, result.id).Bind(2, document_id);
    MORGUE_RETURN_IF_ERROR(link->Run());
  }
  return result;
}

Result<AddResult> Archive::Add(const Article& article) {
  MORGUE_RETURN_IF_ERROR(CanStoreArticles());
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_ASSIGN_OR_RETURN(AddResult added, impl_->AddInTransaction(article, 0, {}));
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  return added;
}

Status Archive::Remove(int64_t id) {
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  MORGUE_RETURN_IF_ERROR(impl_->ForgetStory(id));
  MORGUE_ASSIGN_OR_RETURN(const int64_t cluster, impl_->ClusterOf(id));
  MORGUE_ASSIGN_OR_RETURN(auto* remove, impl_->db->Cached("DELETE FROM articles WHERE id = ?1"));
  remove->Bind(1, id);
  MORGUE_RETURN_IF_ERROR(remove->Run());
  // Its links and its cluster row went with it: what is left may fall apart.
  MORGUE_RETURN_IF_ERROR(impl_->SplitCluster(cluster));
  MORGUE_RETURN_IF_ERROR(
      impl_->db->Exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)"));
  return transaction.Commit();
}

}  // namespace morgue
