// Story links: articles that tell the same story, stored in `article_links` as one row per
// pair, the lower id first (see schema/0010_story_links.sql).

#include <string>
#include <vector>

#include "archive_impl.h"
#include "morgue/datetime.h"

namespace morgue {

Status Archive::Impl::LinkCopies(int64_t a, int64_t b) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* link,
      db->Cached("INSERT OR IGNORE INTO article_links(article_id, other_id, kind, similarity, "
                 "linked_at) VALUES (min(?1, ?2), max(?1, ?2), 'copy', 1.0, ?3)"));
  link->Bind(1, a).Bind(2, b).Bind(3, UtcNow());
  return link->Run();
}

Result<std::vector<StoryLink>> Archive::Links(int64_t id) {
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  MORGUE_ASSIGN_OR_RETURN(auto* select, impl_->db->Cached(R"sql(
    SELECT other_id, kind, similarity FROM article_links WHERE article_id = ?1
    UNION ALL
    SELECT article_id, kind, similarity FROM article_links WHERE other_id = ?1
    ORDER BY 3 DESC, 1)sql"));
  select->Bind(1, id);
  std::vector<StoryLink> links;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      break;
    }
    links.push_back({select->Int(0), select->Text(1), select->Double(2)});
  }
  return links;
}

}  // namespace morgue
