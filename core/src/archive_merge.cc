// Merging an incoming article into the archived one it duplicates: what the stored one
// lacks is filled in, nothing it has is overwritten, and tags add up with their origins;
// and the two steps a revision (archive_revisions.cc) shares with it.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "morgue/datetime.h"
#include "search_grams.h"

namespace morgue {

Result<std::vector<int64_t>> Archive::Impl::Merge(const Article& stored, const Article& a) {
  // Fill what the stored article lacks; never overwrite what it has. Only columns that
  // change are written, so a plain re-import does not make the search index re-read the
  // article, and only the fields this input filled get its provenance.
  const int64_t id = stored.id;
  struct Fill {
    const char* column;
    const std::string& stored;
    const std::string& incoming;
  };
  const Fill fills[] = {
      {"title", stored.title, a.title},
      {"subtitle", stored.subtitle, a.subtitle},
      {"summary", stored.summary, a.summary},
      {"language", stored.language, a.language},
      {"url", stored.url, a.url},
      {"canonical_url", stored.canonical_url, a.canonical_url},
      {"published", stored.published, a.published},
      {"updated", stored.updated, a.updated},
      {"body", stored.body, a.body},
  };
  std::vector<std::pair<std::string, std::string>> sets;  // column, value
  Article filled;  // what this input contributes: its links and its provenance
  for (const Fill& fill : fills) {
    if (!fill.stored.empty() || fill.incoming.empty()) continue;
    sets.emplace_back(fill.column, fill.incoming);
    // The searched columns carry their CJK grams (search_grams.h); "" stands for none.
    const std::string_view column = fill.column;
    if (column == "title" || column == "subtitle" || column == "body") {
      sets.emplace_back(std::string(column) + "_grams", IndexGrams(fill.incoming));
    }
    if (auto rule = a.provenance.find(fill.column); rule != a.provenance.end()) {
      filled.provenance.insert(*rule);
    }
  }
  if (!a.published.empty() && stored.published.empty()) {
    sets.emplace_back("published_sort", SortableDate(a.published));
  }
  if (!a.canonical_url.empty() && stored.canonical_url.empty()) {
    sets.emplace_back("url_key", UrlKey(a.canonical_url));
  }
  if (!a.body.empty() && stored.body.empty()) {
    sets.emplace_back("body_hash", NormalizedBodyHash(a.body));
    sets.emplace_back("word_count", std::to_string(CountWords(a.body)));
  }
  if (stored.source.empty() && (!a.source.empty() || !a.url.empty() || !a.authors.empty())) {
    MORGUE_ASSIGN_OR_RETURN(int64_t source_id, ResolveSource(a));
    if (source_id != 0) {
      sets.emplace_back("source_id", std::to_string(source_id));
      if (auto rule = a.provenance.find("source"); rule != a.provenance.end()) {
        filled.provenance.insert(*rule);
      }
    }
  }
  MORGUE_RETURN_IF_ERROR(UpdateColumns(id, sets));

  // Authors and media only when the stored article has none: two bylines are not merged.
  if (stored.authors.empty() && !a.authors.empty()) {
    filled.authors = a.authors;
    if (auto rule = a.provenance.find("authors"); rule != a.provenance.end()) {
      filled.provenance.insert(*rule);
    }
  }
  if (stored.media.empty()) filled.media = a.media;
  // A body filled in is signed like a new one, so that it finds its near-duplicates.
  std::vector<int64_t> near;
  if (!a.body.empty() && stored.body.empty()) {
    MORGUE_ASSIGN_OR_RETURN(near,
                            SignAndLinkStory(id, SignStory(a.body), NormalizedBodyHash(a.body)));
  }
  MORGUE_ASSIGN_OR_RETURN(std::vector<TagLink> tag_links, IncomingTags(id, a));
  MORGUE_RETURN_IF_ERROR(InsertLinks(id, filled, tag_links));
  return near;
}

Status Archive::Impl::UpdateColumns(int64_t id,
                                    const std::vector<std::pair<std::string, std::string>>& sets) {
  if (sets.empty()) return Status::OK();
  std::string sql = "UPDATE articles SET ";
  for (size_t i = 0; i < sets.size(); ++i) {
    sql += (i == 0 ? "" : ", ") + sets[i].first + " = ?" + std::to_string(i + 2);
  }
  sql += " WHERE id = ?1";
  MORGUE_ASSIGN_OR_RETURN(auto* update, db->Cached(sql));
  update->Bind(1, id);
  for (size_t i = 0; i < sets.size(); ++i) {
    update->BindTextOrNull(static_cast<int>(i + 2), sets[i].second);  // "" is stored as NULL
  }
  return update->Run();
}

// Tags add up, each with its origin; a tag the user removed stays removed unless the user
// gives it again.
Result<std::vector<Archive::Impl::TagLink>> Archive::Impl::IncomingTags(int64_t id,
                                                                        const Article& a) {
  std::vector<TagLink> tag_links;
  for (const std::string& tag : a.tags) {
    const std::string origin = OriginOf(a, tag);
    if (origin != kTagOriginUser && origin != kTagOriginBoth) {
      MORGUE_ASSIGN_OR_RETURN(bool removed, TagRemoved(id, tag));
      if (removed) continue;
    }
    MORGUE_ASSIGN_OR_RETURN(auto resolved, ResolveTag(tag));
    tag_links.push_back({resolved.first, resolved.second, origin});
  }
  return tag_links;
}

}  // namespace morgue
