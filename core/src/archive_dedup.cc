// Dedup: how an incoming article finds the archived one it is (the same canonical URL, the
// same normalised body where nothing contradicts it, else the same title, date and
// source), how another outlet's copy of a body is linked instead of merged, and the dry
// run that reports what storing it would find without writing anything.

#include <optional>
#include <string>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "validate.h"

namespace morgue {

bool BodiesContradict(const std::string& url_key, const std::string& source_key,
                      const std::string& other_url_key, const std::string& other_source_key) {
  const auto differ = [](const std::string& a, const std::string& b) {
    return !a.empty() && !b.empty() && a != b;
  };
  return differ(url_key, other_url_key) || differ(source_key, other_source_key);
}

Result<int64_t> Archive::Impl::FindSameUrl(const std::string& url_key) {
  if (url_key.empty()) return int64_t{0};
  return db->SelectId("SELECT id FROM articles WHERE url_key = ?1 ORDER BY id LIMIT 1", url_key);
}

Result<std::string> Archive::Impl::SourceKey(const Article& a) {
  MORGUE_ASSIGN_OR_RETURN(int64_t source_id, KnownSource(a));
  if (source_id != 0) return std::to_string(source_id);
  if (a.source.empty()) return std::string();
  // As KnownSource will find it once it is added: without a leading "The".
  std::string name = LowerAscii(a.source);
  if (name.starts_with("the ")) name.erase(0, 4);
  return "new:" + name;
}

// Two outlets printing the same wire story have the same body and are two articles: a body
// is the same article only when the addresses and publications do not differ (one of
// each unknown is no contradiction: a blog's repost names no canonical URL of its own).
Result<Archive::Impl::BodyMatch> Archive::Impl::FindSameBody(const Article& a,
                                                             const std::string& url_key,
                                                             const std::string& body_hash) {
  BodyMatch match;
  if (body_hash.empty()) return match;
  MORGUE_ASSIGN_OR_RETURN(
      auto* find,
      db->Cached("SELECT id, coalesce(url_key, ''), coalesce(source_id, 0) FROM articles "
                 "WHERE body_hash = ?1 ORDER BY id"));
  sql::Statement& s = *find;
  s.Bind(1, body_hash);
  std::string source_key;
  bool source_known = false;
  Status failed;
  while (true) {
    Result<bool> row = s.Step();
    if (!row.ok()) {
      failed = row.status();
      break;
    }
    if (!*row) break;
    const int64_t id = s.Int(0);
    const std::string stored_url = s.Text(1);
    const int64_t stored_source = s.Int(2);
    if (match.copy_of == 0) match.copy_of = id;
    if (stored_source != 0 && !source_known) {
      // Looked up only for a body already archived: most articles never need it.
      Result<std::string> key = SourceKey(a);
      if (!key.ok()) {
        failed = key.status();
        break;
      }
      source_key = *key;
      source_known = true;
    }
    const std::string stored_source_key = stored_source != 0 ? std::to_string(stored_source) : "";
    if (!BodiesContradict(url_key, source_key, stored_url, stored_source_key)) {
      match.same = id;
      match.copy_of = 0;
      break;
    }
  }
  s.Reset();
  if (!failed.ok()) return failed;
  return match;
}

// An article with neither a body nor a canonical URL has nothing else to be known by:
// it is the same article as one with its title, publication date and source (each equal,
// or absent on both). An article that has a body or a URL is matched this way only to
// one that has neither, which it completes; two bodies never merge by their metadata.
Result<int64_t> Archive::Impl::FindSameMetadata(const Article& a, int64_t source_id) {
  const bool identified = !a.body.empty() || !a.canonical_url.empty();
  // The unary `+` keeps SQLite on the title index: by source or date, a lookup would read
  // every article without one.
  MORGUE_ASSIGN_OR_RETURN(
      auto* find,
      db->Cached(identified
                     ? "SELECT id FROM articles WHERE title = ?1 AND +published IS ?2 AND "
                       "+source_id IS nullif(?3, 0) AND +body_hash IS NULL AND +url_key IS NULL "
                       "ORDER BY id LIMIT 1"
                     : "SELECT id FROM articles WHERE title = ?1 AND +published IS ?2 AND "
                       "+source_id IS nullif(?3, 0) ORDER BY id LIMIT 1"));
  sql::Statement& s = *find;
  s.Bind(1, a.title).BindTextOrNull(2, a.published).Bind(3, source_id);
  Result<bool> row = s.Step();
  const int64_t id = row.ok() && *row ? s.Int(0) : 0;
  s.Reset();
  if (!row.ok()) return row.status();
  return id;
}

Result<bool> Archive::Impl::ArticleHasBody(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(auto* find,
                          db->Cached("SELECT body_hash IS NOT NULL FROM articles WHERE id = ?1"));
  find->Bind(1, id);
  Result<bool> row = find->Step();
  const bool has_body = row.ok() && *row && find->Int(0) != 0;
  find->Reset();
  if (!row.ok()) return row.status();
  return has_body;
}

Result<Archive::Impl::PlannedAdd> Archive::Impl::PlanAdd(
    Article a, const std::vector<std::string>& extra_tags) {
  MORGUE_RETURN_IF_ERROR(NormalizeAndValidate(a, extra_tags));
  PlannedAdd planned;
  planned.url_key = UrlKey(a.canonical_url);
  planned.body_hash = NormalizedBodyHash(a.body);
  MORGUE_ASSIGN_OR_RETURN(int64_t same_url, FindSameUrl(planned.url_key));
  MORGUE_ASSIGN_OR_RETURN(BodyMatch same_body, FindSameBody(a, planned.url_key, planned.body_hash));
  planned.same_url = same_url;
  if (same_url != 0) {
    // As AddInTransaction: the same address with changes is a new revision.
    ArticleParts needed = ArticleParts::None();
    needed.authors = true;
    MORGUE_ASSIGN_OR_RETURN(const Article stored, Load(same_url, needed));
    a.body_hash = planned.body_hash;  // computed above: not again for the comparison
    MORGUE_ASSIGN_OR_RETURN(planned.revised_fields, NewRevisionFields(stored, a));
    planned.stored_revision = stored.revision;
    planned.stored_fields.title = stored.title;
    planned.stored_fields.subtitle = stored.subtitle;
    planned.stored_fields.authors = stored.authors;
    planned.stored_fields.published = stored.published;
    planned.stored_body_hash = stored.body_hash;
  }
  planned.same_body = same_body.same;
  planned.copy_of = same_body.copy_of;
  if (!planned.body_hash.empty()) {
    MORGUE_ASSIGN_OR_RETURN(planned.source_key, SourceKey(a));
  }
  // Near-duplicates whatever it matched: a duplicate that fills in a body finds them too.
  planned.signature = SignStory(a.body);
  if (planned.signature) {
    MORGUE_ASSIGN_OR_RETURN(std::vector<NearStory> near,
                            FindNearStories(*planned.signature, planned.body_hash, 0));
    for (const NearStory& story : near) {
      if (!story.same_body) planned.near.push_back(story);
    }
  }
  if (planned.same_url == 0 && planned.same_body == 0 && !a.title.empty()) {
    // As AddInTransaction: by title, date and source, found without adding a publication.
    MORGUE_ASSIGN_OR_RETURN(int64_t source_id, KnownSource(a));
    if (source_id != 0 || a.source.empty()) {
      MORGUE_ASSIGN_OR_RETURN(int64_t same, FindSameMetadata(a, source_id));
      planned.same_metadata = same;
    }
    // Within the run, a publication not archived yet is known by its name.
    const std::string source =
        source_id != 0 ? std::to_string(source_id) : "new:" + LowerAscii(a.source);
    planned.metadata_key = a.title + '\x1f' + a.published + '\x1f' + source;
    planned.identified = !a.body.empty() || !a.canonical_url.empty();
  }
  return planned;
}

}  // namespace morgue
