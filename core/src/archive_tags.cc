// Tags: resolving a tag's stored spelling, linking it with its origin (page, user, both),
// the user's tag and untag (remembering a page's tag the user removed), and the counts.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "morgue/archive.h"
#include "morgue/datetime.h"
#include "morgue/text.h"
#include "validate.h"

namespace morgue {

Result<std::pair<int64_t, std::string>> Archive::Impl::ResolveTag(const std::string& tag) {
  MORGUE_ASSIGN_OR_RETURN(auto* find, db->Cached("SELECT id, name FROM tags WHERE " +
                                                 db->dialect().EqualIgnoringCase("name", "?1")));
  find->Bind(1, tag);
  Result<bool> row = find->Step();
  if (row.ok() && *row) {
    auto found = std::make_pair(find->Int(0), find->Text(1));
    find->Reset();
    return found;
  }
  find->Reset();
  if (!row.ok()) return row.status();
  MORGUE_ASSIGN_OR_RETURN(auto* insert, db->Cached("INSERT INTO tags(name) VALUES (?1)"));
  insert->Bind(1, tag);
  MORGUE_ASSIGN_OR_RETURN(const int64_t id, insert->RunForId());
  return std::make_pair(id, tag);
}

// The article gets the tag, or the tag it has gets this origin too (page and user: both).
// A tag the user gives is no longer one they removed.
Status Archive::Impl::LinkTag(int64_t id, const TagLink& tag) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* link,
      db->Cached("INSERT INTO article_tags(article_id, tag_id, origin) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT(article_id, tag_id) DO UPDATE SET origin = CASE "
                 "WHEN article_tags.origin = excluded.origin OR excluded.origin = 'unknown' "
                 "THEN article_tags.origin "
                 "WHEN article_tags.origin = 'unknown' THEN excluded.origin ELSE 'both' END "
                 "WHERE article_tags.origin <> excluded.origin"));
  link->Bind(1, id).Bind(2, tag.id).Bind(3, tag.origin);
  MORGUE_RETURN_IF_ERROR(link->Run());
  if (tag.origin == kTagOriginUser || tag.origin == kTagOriginBoth) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* forget, db->Cached("DELETE FROM article_tags_removed WHERE article_id = ?1 AND " +
                                 db->dialect().EqualIgnoringCase("name", "?2")));
    forget->Bind(1, id).Bind(2, tag.name);
    MORGUE_RETURN_IF_ERROR(forget->Run());
  }
  return Status::OK();
}

Result<bool> Archive::Impl::TagRemoved(int64_t id, const std::string& tag) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* find, db->Cached("SELECT 1 FROM article_tags_removed WHERE article_id = ?1 AND " +
                             db->dialect().EqualIgnoringCase("name", "?2")));
  find->Bind(1, id).Bind(2, tag);
  Result<bool> row = find->Step();
  find->Reset();
  return row;
}

Status Archive::Tag(int64_t id, const std::vector<std::string>& tags, TagChanges* changes) {
  TagChanges none;
  if (changes == nullptr) changes = &none;
  *changes = {};
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  std::vector<std::string> done;  // a tag named twice is added once, and so reported
  for (const std::string& raw : tags) {
    std::string tag = NormalizeTag(raw);
    if (std::find(done.begin(), done.end(), tag) != done.end()) continue;
    done.push_back(tag);
    if (tag.empty()) return Status::InvalidArgument("a tag cannot be empty");
    if (!IsValidUtf8(tag)) return Status::InvalidArgument("tag is not valid UTF-8 text");
    MORGUE_ASSIGN_OR_RETURN(auto resolved, impl_->ResolveTag(tag));
    MORGUE_ASSIGN_OR_RETURN(
        auto* find,
        impl_->db->Cached("SELECT origin FROM article_tags WHERE article_id = ?1 AND tag_id = ?2"));
    find->Bind(1, id).Bind(2, resolved.first);
    Result<bool> had = find->Step();
    const std::string origin = had.ok() && *had ? find->Text(0) : "";
    find->Reset();
    if (!had.ok()) return had.status();
    MORGUE_RETURN_IF_ERROR(impl_->LinkTag(id, {resolved.first, resolved.second, kTagOriginUser}));
    if (origin.empty()) {
      changes->changed.push_back(tag);
    } else if (origin == kTagOriginUser || origin == kTagOriginBoth) {
      changes->unchanged.push_back(tag);
    } else {
      changes->adopted.push_back(tag);
    }
  }
  MORGUE_RETURN_IF_ERROR(impl_->WriteLinkText(id));
  return transaction.Commit();
}

Status Archive::Untag(int64_t id, const std::vector<std::string>& tags, TagChanges* changes) {
  TagChanges none;
  if (changes == nullptr) changes = &none;
  *changes = {};
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  const std::string now = UtcNow();
  const sql::Dialect& dialect = impl_->db->dialect();
  // The article's link to the tag named ?2, when a page gave it.
  const std::string page_link =
      "FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?1 AND " +
      dialect.EqualIgnoringCase("t.name", "?2") + " AND at.origin <> 'user'";
  std::vector<std::string> done;  // a tag named twice is removed once, and so reported
  for (const std::string& raw : tags) {
    const std::string tag = NormalizeTag(raw);
    if (std::find(done.begin(), done.end(), tag) != done.end()) continue;
    done.push_back(tag);
    // Remembered first (the tag's row may go once no article has it), so that importing
    // the article again does not bring the page's tag back. A tag only the user gave is
    // not remembered: no page gave it, so none is refused when a later page does. Removed
    // again, it is remembered as of now.
    MORGUE_ASSIGN_OR_RETURN(
        auto* forget_earlier,
        impl_->db->Cached("DELETE FROM article_tags_removed WHERE article_id = ?1 AND " +
                          dialect.EqualIgnoringCase("name", "?2") + " AND EXISTS (SELECT 1 " +
                          page_link + ")"));
    forget_earlier->Bind(1, id).Bind(2, tag);
    MORGUE_RETURN_IF_ERROR(forget_earlier->Run());
    MORGUE_ASSIGN_OR_RETURN(
        auto* remember,
        impl_->db->Cached("INSERT INTO article_tags_removed(article_id, name, removed_at) "
                          "SELECT at.article_id, t.name, ?3 " +
                          page_link));
    remember->Bind(1, id).Bind(2, tag).Bind(3, now);
    MORGUE_RETURN_IF_ERROR(remember->Run());
    MORGUE_ASSIGN_OR_RETURN(
        auto* unlink,
        impl_->db->Cached("DELETE FROM article_tags WHERE article_id = ?1 AND tag_id IN "
                          "(SELECT id FROM tags WHERE " +
                          dialect.EqualIgnoringCase("name", "?2") + ")"));
    unlink->Bind(1, id).Bind(2, tag);
    MORGUE_RETURN_IF_ERROR(unlink->Run());
    // No row deleted: the article did not have the tag.
    (impl_->db->Changes() == 0 ? changes->unchanged : changes->changed).push_back(tag);
  }
  MORGUE_RETURN_IF_ERROR(impl_->WriteLinkText(id));
  MORGUE_RETURN_IF_ERROR(
      impl_->db->Exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)"));
  return transaction.Commit();
}

Result<std::vector<TagCount>> Archive::Tags() {
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement stmt,
      impl_->db->Prepare("SELECT t.name, count(*) AS n, "
                         "sum(CASE WHEN at.origin IN ('page', 'both') THEN 1 ELSE 0 END), "
                         "sum(CASE WHEN at.origin IN ('user', 'both') THEN 1 ELSE 0 END) "
                         "FROM tags t JOIN article_tags at ON at.tag_id = t.id "
                         "GROUP BY t.id ORDER BY n DESC, " +
                         impl_->db->dialect().ignoring_case("t.name")));
  std::vector<TagCount> tags;
  while (true) {
    MORGUE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return tags;
    tags.push_back({stmt.Text(0), stmt.Int(1), stmt.Int(2), stmt.Int(3)});
  }
}

}  // namespace morgue
