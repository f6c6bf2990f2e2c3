// Story links: articles that tell the same story, stored in `article_links` as one row per
// pair, the lower id first; and the signatures that find near-duplicates among them
// (story_signatures; see story_signature.h and schema/0010_story_links.sql; their band
// keys are archive_story_bands.cc's).

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"
#include "morgue/datetime.h"
#include "story_signature.h"

namespace morgue {

Status Archive::Impl::LinkStories(int64_t a, int64_t b, const char* kind, double similarity) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* link,
      db->Cached("INSERT INTO article_links(article_id, other_id, kind, similarity, linked_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING"));
  link->Bind(1, std::min(a, b)).Bind(2, std::max(a, b)).Bind(3, kind);
  link->BindDouble(4, similarity).Bind(5, UtcNow());
  MORGUE_RETURN_IF_ERROR(link->Run());
  // Only a link made now joins clusters (a link already there is passed over).
  if (db->Changes() == 0) return Status::OK();
  return JoinClusters(a, b);
}

Result<std::vector<Archive::Impl::NearStory>> Archive::Impl::FindNearStories(
    const StorySignature& signature, const std::string& body_hash, int64_t self) {
  std::vector<NearStory> near;
  MORGUE_ASSIGN_OR_RETURN(const bool may_share, MayShareBandKey(signature));
  if (!may_share) return near;
  // Candidates share a band key; their signatures decide. Reading through
  // story_signatures skips band keys left by an article another tool deleted.
  MORGUE_ASSIGN_OR_RETURN(auto* find, BandCandidates());
  for (int band = 0; band < kBands; ++band) find->Bind(band + 1, BandKey(signature, band));
  find->Bind(kBands + 1, self);
  while (true) {
    Result<bool> row = find->Step();
    if (!row.ok() || !*row) {
      find->Reset();
      if (!row.ok()) return row.status();
      break;
    }
    const std::optional<StorySignature> other = StorySignature::Decode(find->Int(1), find->Blob(2));
    if (!other) continue;  // not a signature this morgue wrote: nothing to compare
    const StorySimilarity similarity = CompareStories(signature, *other);
    const bool same_body = !body_hash.empty() && find->Text(3) == body_hash;
    if (same_body) {
      near.push_back({find->Int(0), 1.0, true});
    } else if (IsNearDuplicate(similarity)) {
      near.push_back({find->Int(0), similarity.jaccard, false});
    }
  }
  // The most alike first, then the earliest; at most kMaxNearLinks.
  std::sort(near.begin(), near.end(), [](const NearStory& a, const NearStory& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.id < b.id;
  });
  if (near.size() > static_cast<size_t>(kMaxNearLinks)) near.resize(kMaxNearLinks);
  return near;
}

Result<std::vector<int64_t>> Archive::Impl::SignAndLinkStory(
    int64_t id, const std::optional<StorySignature>& signature, const std::string& body_hash) {
  std::vector<int64_t> linked;
#ifdef MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES
  // The benchmark's reference (CMakeLists.txt): nothing signed or looked up; the mark has
  // the next regular morgue that opens the archive to write sign this article and those
  // after it.
  (void)signature;
  (void)body_hash;
  MORGUE_ASSIGN_OR_RETURN(auto* mark, db->Cached("INSERT INTO morgue_settings(key, value) "
                                                 "VALUES ('story_signatures_after', ?1) "
                                                 "ON CONFLICT DO NOTHING"));
  mark->Bind(1, id - 1);
  MORGUE_RETURN_IF_ERROR(mark->Run());
  return linked;
#endif
  if (!signature) return linked;
  MORGUE_ASSIGN_OR_RETURN(std::vector<NearStory> near, FindNearStories(*signature, body_hash, id));
  MORGUE_ASSIGN_OR_RETURN(
      auto* sign,
      db->Cached("INSERT INTO story_signatures(article_id, shingles, minhash) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT(article_id) DO UPDATE SET shingles = excluded.shingles, "
                 "minhash = excluded.minhash"));
  sign->Bind(1, id).Bind(2, signature->shingles).BindBlob(3, signature->Encode());
  MORGUE_RETURN_IF_ERROR(sign->Run());
  MORGUE_RETURN_IF_ERROR(WriteBands(id, *signature));
  for (const NearStory& story : near) {
    MORGUE_RETURN_IF_ERROR(
        LinkStories(id, story.id, story.same_body ? "copy" : "near", story.similarity));
    if (!story.same_body) linked.push_back(story.id);
  }
  return linked;
}

Result<Archive::Impl::StoredSignature> Archive::Impl::ReadSignature(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* read,
      db->Cached("SELECT s.shingles, s.minhash, a.body_hash FROM story_signatures s "
                 "LEFT JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?1"));
  read->Bind(1, id);
  Result<bool> row = read->Step();
  StoredSignature stored;
  if (row.ok() && *row) {
    stored.signature = StorySignature::Decode(read->Int(0), read->Blob(1));
    stored.body_hash = read->Text(2);
  }
  read->Reset();
  if (!row.ok()) return row.status();
  return stored;
}

Status Archive::Impl::ForgetStory(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(const StoredSignature stored, ReadSignature(id));
  const std::optional<StorySignature>& signature = stored.signature;
  // A revised body too short to sign must not leave the old one's signature behind.
  MORGUE_ASSIGN_OR_RETURN(auto* unsign,
                          db->Cached("DELETE FROM story_signatures WHERE article_id = ?1"));
  unsign->Bind(1, id);
  MORGUE_RETURN_IF_ERROR(unsign->Run());
  if (!signature) return Status::OK();  // none, or one this morgue cannot read: no bands
  return DropBands(id, *signature);
}

Status Archive::Impl::SignArchivedStories() {
#ifdef MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES
  return Status::OK();  // left to a regular morgue, mark and all
#endif
  return RunArchivedUpgrade({
      .mark_key = "story_signatures_after",
      .task = "signing stories for near-duplicates",
      .select_sql = "SELECT id, body FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
      .visit = [this](int64_t id, const std::vector<std::string>& columns) -> Status {
        const std::string& body = columns[0];
        if (body.empty()) return Status::OK();
        return SignAndLinkStory(id, SignStory(body), NormalizedBodyHash(body)).status();
      },
  });
}

Result<std::vector<StoryLink>> Archive::Links(int64_t id) {
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  return impl_->LinksOf(id);
}

}  // namespace morgue
