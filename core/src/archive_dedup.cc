// Dedup: how an incoming article finds the archived one it is (the same canonical URL, the
// same normalised body, else the same title, date and source), and the dry run that
// reports what storing it would find without writing anything.

#include <string>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "validate.h"

namespace morgue {

Result<int64_t> Archive::Impl::FindDuplicate(const std::string& url_key,
                                             const std::string& body_hash) {
  const std::pair<const char*, const std::string*> keys[] = {
      {"SELECT id FROM articles WHERE url_key = ?1 ORDER BY id LIMIT 1", &url_key},
      {"SELECT id FROM articles WHERE body_hash = ?1 ORDER BY id LIMIT 1", &body_hash}};
  for (const auto& [sql, key] : keys) {
    if (key->empty()) continue;
    Result<int64_t> id = db->SelectId(sql, *key);
    if (!id.ok() || *id != 0) return id;
  }
  return int64_t{0};
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

Result<Archive::Impl::PlannedAdd> Archive::Impl::PlanAdd(
    Article a, const std::vector<std::string>& extra_tags) {
  MORGUE_RETURN_IF_ERROR(NormalizeAndValidate(a, extra_tags));
  PlannedAdd planned;
  planned.url_key = UrlKey(a.canonical_url);
  planned.body_hash = NormalizedBodyHash(a.body);
  MORGUE_ASSIGN_OR_RETURN(int64_t same_url, FindDuplicate(planned.url_key, ""));
  MORGUE_ASSIGN_OR_RETURN(int64_t same_body, FindDuplicate("", planned.body_hash));
  planned.same_url = same_url;
  planned.same_body = same_body;
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
