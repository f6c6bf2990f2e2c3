// The band keys that find an article's near-duplicates (story_bands; see
// story_signature.h and schema/0010_story_links.sql), and how an import run writes them.
//
// Band keys are random, so each key written alone lands on a page of story_bands of its
// own: at 100,000 articles (1.6 million keys) that is a page read and a page written per
// key, most of an import's cost. While an import run stores, the keys of the articles it
// signs wait in temp.story_bands_deferred (a table of the connection's own, with a page
// cache of its own, spilling to a temporary file beyond it) and are merged into
// story_bands in key order: when as many wait as story_bands holds (at least kMergeRows),
// so that each merge at least doubles it and the pages of story_bands are rewritten a
// few times in all, not once per article; when the run ends; and whenever another
// connection has written to the archive. Lookups read both tables, so nothing changes
// for the run itself. Temporary tables share the transactions (and savepoints) of the
// archive, so an input rolled back takes its keys with it. Each article with keys waiting
// has a row in story_bands_pending, committed with it: keys a run never merged (it was
// killed) are made from story_signatures when the archive is next opened to write
// (MergePendingBands). And since nearly every body shares no key with any other, a run
// keeps a Bloom filter of the keys in both tables (band_key_filter.h) and looks up only
// the bodies with a key it may hold.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"

namespace morgue {
namespace {

// The fewest deferred keys (16 per article) merged at once: 4,096 articles.
constexpr int64_t kMergeRows = int64_t{1} << 16;
// The most archived keys a run's BandKeyFilter is made for (262,144 articles, 7 MiB),
// and the most memory it may grow to as the run adds keys (about 9.6 million keys).
constexpr int64_t kMostFilteredKeys = int64_t{1} << 22;
constexpr size_t kMostFilterBytes = size_t{16} << 20;

// The latest kCandidatesPerBand articles of each band key ?1 … ?kBands, but `self`
// (?kBands+1), with their signatures and body hashes; `deferred`: the run's waiting keys
// too.
std::string CandidatesSql(bool deferred) {
  std::string sql =
      "SELECT s.article_id, s.shingles, s.minhash, a.body_hash FROM story_signatures s "
      "JOIN articles a ON a.id = s.article_id WHERE s.article_id IN (";
  for (int band = 0; band < kBands; ++band) {
    const std::string key = "?" + std::to_string(band + 1);
    sql += (band == 0 ? "" : " UNION ") +
           std::string(
               "SELECT article_id FROM (SELECT article_id FROM story_bands WHERE band_key = ") +
           key;
    if (deferred) {
      sql += " UNION ALL SELECT article_id FROM temp.story_bands_deferred WHERE band_key = " + key;
    }
    sql += " ORDER BY article_id DESC LIMIT " + std::to_string(kCandidatesPerBand) + ")";
  }
  return sql + ") AND s.article_id != ?" + std::to_string(kBands + 1);
}

// Runs `sql` (?1 a band key, ?2 the article) for each band key of `signature`.
Status RunForEachBandKey(sql::Database& db, const std::string& sql, int64_t id,
                         const StorySignature& signature) {
  MORGUE_ASSIGN_OR_RETURN(auto* statement, db.Cached(sql));
  for (int band = 0; band < kBands; ++band) {
    statement->Bind(1, BandKey(signature, band)).Bind(2, id);
    MORGUE_RETURN_IF_ERROR(statement->Run());
  }
  return Status::OK();
}

}  // namespace

Result<sql::Statement*> Archive::Impl::BandCandidates() {
  static const std::string kArchived = CandidatesSql(false);
  static const std::string kWithDeferred = CandidatesSql(true);
  return db->Cached(bands_deferred ? kWithDeferred : kArchived);
}

Status Archive::Impl::WriteBands(int64_t id, const StorySignature& signature) {
  if (!bands_deferred) {
    return RunForEachBandKey(
        *db, "INSERT INTO story_bands(band_key, article_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        id, signature);
  }
  MORGUE_RETURN_IF_ERROR(RunForEachBandKey(
      *db,
      "INSERT INTO temp.story_bands_deferred(band_key, article_id) VALUES (?1, ?2) "
      "ON CONFLICT DO NOTHING",
      id, signature));
  if (band_filter_) {
    for (int band = 0; band < kBands; ++band) band_filter_->Add(BandKey(signature, band));
    if (band_filter_->Bytes() > kMostFilterBytes) {
      band_filter_.reset();
      filter_given_up_ = true;
    }
  }
  run_keys_ += kBands;
  MORGUE_ASSIGN_OR_RETURN(
      auto* pending,
      db->Cached("INSERT INTO story_bands_pending(article_id) VALUES (?1) ON CONFLICT DO NOTHING"));
  pending->Bind(1, id);
  MORGUE_RETURN_IF_ERROR(pending->Run());
  // An input read in parts (a large JSON Lines file) stays in one transaction: merged
  // inside it too, which its rollback would undo with the rest.
  deferred_since_merge_ += kBands;
  return deferred_since_merge_ >= MergeAtRows() ? MergeDeferredBands(false) : Status::OK();
}

Status Archive::Impl::DropBands(int64_t id, const StorySignature& signature) {
  MORGUE_RETURN_IF_ERROR(RunForEachBandKey(
      *db, "DELETE FROM story_bands WHERE band_key = ?1 AND article_id = ?2", id, signature));
  if (!bands_deferred) return Status::OK();
  MORGUE_RETURN_IF_ERROR(RunForEachBandKey(
      *db, "DELETE FROM temp.story_bands_deferred WHERE band_key = ?1 AND article_id = ?2", id,
      signature));
  MORGUE_ASSIGN_OR_RETURN(auto* unpend,
                          db->Cached("DELETE FROM story_bands_pending WHERE article_id = ?1"));
  unpend->Bind(1, id);
  return unpend->Run();
}

Result<int64_t> Archive::Impl::DataVersion() {
  MORGUE_ASSIGN_OR_RETURN(auto* version, db->Cached("PRAGMA data_version"));
  MORGUE_RETURN_IF_ERROR(version->Step().status());
  const int64_t now = version->Int(0);
  version->Reset();
  return now;
}

Result<bool> Archive::Impl::OthersWrote() {
  MORGUE_ASSIGN_OR_RETURN(const int64_t now, DataVersion());
  const bool changed = data_version_ != 0 && now != data_version_;
  data_version_ = now;
  return changed;
}

Status Archive::Impl::PrepareDeferredBands() {
  // Its own cache, so the keys stay in memory while the archive's pages come and go;
  // pages are taken only as the table grows. Made outside any transaction, so that a
  // batch rolled back does not take the table with it.
  return db->Exec(
      "PRAGMA temp.cache_size = -4096; "
      "CREATE TEMP TABLE IF NOT EXISTS story_bands_deferred ("
      "band_key INTEGER NOT NULL, article_id INTEGER NOT NULL, "
      "PRIMARY KEY (band_key, article_id)) WITHOUT ROWID");
}

Status Archive::Impl::DeferBands() {
  if (!bands_deferred) {
    bands_deferred = true;
    data_version_ = 0;
    deferred_since_merge_ = 0;
    band_filter_.reset();
    run_keys_ = 0;
    run_keys_at_filter_ = 0;
    filter_given_up_ = false;
    MORGUE_RETURN_IF_ERROR(CountArchivedKeys());
  }
  MORGUE_RETURN_IF_ERROR(MergeDeferredBands(false));
  return FilterBandsIfWorthIt();
}

Status Archive::Impl::FilterBandsIfWorthIt() {
  // Reading every archived key costs about as much as looking up a few of them: worth it
  // once the run has set aside an eighth as many since it last read them (at once in a
  // small archive). Not for an archive of more than kMostFilteredKeys: the filter would
  // hold too much memory.
  if (band_filter_ || filter_given_up_ || archived_keys_ > kMostFilteredKeys ||
      (archived_keys_ > kMergeRows && (run_keys_ - run_keys_at_filter_) * 8 < archived_keys_)) {
    return Status::OK();
  }
  MORGUE_ASSIGN_OR_RETURN(filter_version_, DataVersion());
  run_keys_at_filter_ = run_keys_;
  BandKeyFilter filter(archived_keys_ + kMergeRows);
  MORGUE_ASSIGN_OR_RETURN(sql::Statement keys,
                          db->Prepare("SELECT band_key FROM story_bands UNION ALL "
                                      "SELECT band_key FROM temp.story_bands_deferred"));
  MORGUE_RETURN_IF_ERROR(keys.ForEachRow([&] {
    filter.Add(keys.Int(0));
    return Status::OK();
  }));
  band_filter_ = std::move(filter);
  return Status::OK();
}

Result<bool> Archive::Impl::MayShareBandKey(const StorySignature& signature) {
  if (!bands_deferred || !band_filter_) return true;
  // Between the run's batches (an article added then), another connection may have
  // stored articles whose keys the filter never saw.
  MORGUE_ASSIGN_OR_RETURN(const int64_t version, DataVersion());
  if (version != filter_version_) return true;
  for (int band = 0; band < kBands; ++band) {
    if (band_filter_->MayContain(BandKey(signature, band))) return true;
  }
  return false;
}

int64_t Archive::Impl::MergeAtRows() const { return std::max(kMergeRows, archived_keys_); }

Status Archive::Impl::CountArchivedKeys() {
  // story_bands holds about 16 keys per signed article; ids are near enough to a count.
  MORGUE_ASSIGN_OR_RETURN(auto* last,
                          db->Cached("SELECT coalesce(max(article_id), 0) FROM story_signatures"));
  MORGUE_RETURN_IF_ERROR(last->Step().status());
  archived_keys_ = kBands * last->Int(0);
  last->Reset();
  return Status::OK();
}

void Archive::Impl::ForgetWritesSeen() {
  // The batch that merged (and looked again) after another writer is gone: the next
  // merge looks again.
  if (bands_deferred) data_version_ = -1;
}

Status Archive::Impl::MergeDeferredBands(bool all) {
  if (!bands_deferred) return Status::OK();
  // Another writer's articles did not see this run's waiting keys, nor this run's
  // articles the other's: merge at once, and look again for what the other added.
  MORGUE_ASSIGN_OR_RETURN(const bool others_wrote, OthersWrote());
  if (!all && !others_wrote) {
    MORGUE_ASSIGN_OR_RETURN(auto* count,
                            db->Cached("SELECT count(*) FROM temp.story_bands_deferred"));
    MORGUE_RETURN_IF_ERROR(count->Step().status());
    const int64_t rows = count->Int(0);
    count->Reset();
    if (rows < MergeAtRows()) return Status::OK();
  }
  std::vector<int64_t> merged;
  if (others_wrote) {
    band_filter_.reset();  // the other's keys are not in it: made again if worth it
    MORGUE_ASSIGN_OR_RETURN(
        auto* ids, db->Cached("SELECT DISTINCT article_id FROM temp.story_bands_deferred"));
    MORGUE_RETURN_IF_ERROR(ids->ForEachRow([&] {
      merged.push_back(ids->Int(0));
      return Status::OK();
    }));
  }
  deferred_since_merge_ = 0;
  // In key order, so each page of story_bands is written once for all its new keys.
  MORGUE_RETURN_IF_ERROR(
      db->Exec("INSERT INTO story_bands(band_key, article_id) "
               "SELECT band_key, article_id FROM temp.story_bands_deferred WHERE TRUE "
               "ORDER BY band_key, article_id ON CONFLICT DO NOTHING; "
               "DELETE FROM story_bands_pending WHERE article_id IN "
               "(SELECT article_id FROM temp.story_bands_deferred); "
               "DELETE FROM temp.story_bands_deferred;"));
  MORGUE_RETURN_IF_ERROR(CountArchivedKeys());
  return LinkStoriesAgain(merged);
}

Status Archive::Impl::EndDeferredBands() {
  if (!bands_deferred) return Status::OK();
  Status merged;
  {
    sql::Transaction transaction(*db);
    merged = transaction.Begin();
    if (merged.ok()) merged = MergeDeferredBands(true);
    if (merged.ok()) merged = transaction.Commit();
  }  // rolled back unless committed
  if (!merged.ok()) {
    // Their articles keep their rows in story_bands_pending: the next open merges them.
    db->Exec("DELETE FROM temp.story_bands_deferred").ok();
  }
  bands_deferred = false;
  band_filter_.reset();
  return merged;
}

Status Archive::Impl::LinkStoriesAgain(const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    MORGUE_ASSIGN_OR_RETURN(const StoredSignature stored, ReadSignature(id));
    if (!stored.signature) continue;
    MORGUE_ASSIGN_OR_RETURN(std::vector<NearStory> near,
                            FindNearStories(*stored.signature, stored.body_hash, id));
    for (const NearStory& story : near) {
      MORGUE_RETURN_IF_ERROR(
          LinkStories(id, story.id, story.same_body ? "copy" : "near", story.similarity));
    }
  }
  return Status::OK();
}

Status Archive::Impl::MergePendingBands() {
#ifdef MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES
  return Status::OK();  // left to a regular morgue
#endif
  // Looked at without a transaction first: opening an archive must not take the write
  // lock when there is nothing to do.
  {
    MORGUE_ASSIGN_OR_RETURN(sql::Statement any,
                            db->Prepare("SELECT 1 FROM story_bands_pending LIMIT 1"));
    MORGUE_ASSIGN_OR_RETURN(const bool pending, any.Step());
    if (!pending) return Status::OK();
  }
  sql::Transaction transaction(*db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  std::vector<int64_t> ids;
  std::vector<std::pair<int64_t, int64_t>> keys;  // (band key, article), written in order
  {
    MORGUE_ASSIGN_OR_RETURN(
        sql::Statement read,
        db->Prepare("SELECT p.article_id, s.shingles, s.minhash FROM story_bands_pending p "
                    "JOIN story_signatures s ON s.article_id = p.article_id"));
    MORGUE_RETURN_IF_ERROR(read.ForEachRow([&] {
      if (auto signature = StorySignature::Decode(read.Int(1), read.Blob(2))) {
        ids.push_back(read.Int(0));
        for (int band = 0; band < kBands; ++band) {
          keys.emplace_back(BandKey(*signature, band), ids.back());
        }
      }
      return Status::OK();
    }));
  }
  std::sort(keys.begin(), keys.end());
  MORGUE_ASSIGN_OR_RETURN(
      auto* insert,
      db->Cached(
          "INSERT INTO story_bands(band_key, article_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING"));
  for (const auto& [key, id] : keys) {
    insert->Bind(1, key).Bind(2, id);
    MORGUE_RETURN_IF_ERROR(insert->Run());
  }
  MORGUE_RETURN_IF_ERROR(db->Exec("DELETE FROM story_bands_pending"));
  // Articles stored meanwhile by others did not see these keys.
  MORGUE_RETURN_IF_ERROR(LinkStoriesAgain(ids));
  return transaction.Commit();
}

}  // namespace morgue
