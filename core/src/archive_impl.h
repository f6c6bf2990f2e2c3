// Archive::Impl: the archive's connection and the write and read paths shared by
// Archive (one article at a time) and ImportRun (many inputs in batched transactions).
// Archive and its Impl are defined in files named for each part: archive_open.cc
// (opening, migrating), archive_write.cc (storing, removing), archive_dedup.cc (finding
// the archived article an input is), archive_links.cc and archive_story_bands.cc (story
// links, and the band keys that find them), archive_merge.cc, article_source.cc (an article's
// publication), archive_tags.cc, archive_read.cc (one article), archive_query.cc (a
// Filter's SQL; fts5_query.cc checks its full-text query), archive_documents.cc (the
// originals), archive_stats.cc.
//
// Thread-safety: as Archive: one thread at a time.

#ifndef MORGUE_CORE_SRC_ARCHIVE_IMPL_H_
#define MORGUE_CORE_SRC_ARCHIVE_IMPL_H_

#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "band_key_filter.h"
#include "body_keys.h"
#include "morgue/archive.h"
#include "morgue/text.h"
#include "sql.h"
#include "story_signature.h"

namespace morgue {

struct Archive::Impl {
  std::unique_ptr<sql::Database> db;
  std::filesystem::path path;  // or the PostgreSQL location, named without its password
  int schema_version = 0;
  // What the store behind the archive does. A PostgreSQL archive has no full-text index
  // yet, and does not take new articles or revisions yet (import, re-extraction,
  // revert); the SQLite schema's triggers keep articles.authors_text and tags_text in
  // step with the link tables, where on PostgreSQL morgue writes them itself
  // (WriteLinkText; schema/postgresql/README.md says why). Archive::CanStoreArticles
  // refuses by stores_articles.
  bool searchable = true;
  bool stores_articles = true;
  bool link_text_by_triggers = true;

  // Writes article `id`'s authors_text and tags_text from its links, where no trigger
  // does; nothing on SQLite.
  Status WriteLinkText(int64_t id);

  // Stores `article` (already inside a transaction): validates, dedups, merges. Links
  // the article to `document_id` when it is not 0; adds `extra_tags`. `keys`, when
  // given, are its body's (KeysOfBody), made where it was read.
  Result<AddResult> AddInTransaction(Article article, int64_t document_id,
                                     const std::vector<std::string>& extra_tags,
                                     const BodyKeys* keys = nullptr);

  // An article whose body tells the same story as another's (FindNearStories).
  struct NearStory {
    int64_t id = 0;
    double similarity = 0;
    bool same_body = false;
  };

  // What AddInTransaction would find for `article`, writing nothing (a dry run): it
  // validates the article and returns its dedup keys and the archived articles sharing
  // them (0: none).
  struct PlannedAdd {
    std::string url_key;
    std::string body_hash;
    int64_t same_url = 0;
    // The fields in which the article would revise `same_url` (none: a duplicate), and
    // the revision that article is at.
    std::vector<std::string> revised_fields;
    int64_t stored_revision = 0;
    // That article's compared fields (title, subtitle, authors, published) and body hash.
    Article stored_fields;
    std::string stored_body_hash;
    int64_t same_body = 0;
    // When only a contradicted article has the body: that article (a copy of it is new).
    int64_t copy_of = 0;
    // The body's signature, and its archived near-duplicates (FindNearStories) but copies.
    std::optional<StorySignature> signature;
    std::vector<NearStory> near;
    // The publication as the dedup compares it (see SourceKey); set when the body is.
    std::string source_key;
    // When neither matched: the archived article with the same title, date and source
    // (see FindSameMetadata), and the key that finds one stored earlier in the same run.
    int64_t same_metadata = 0;
    std::string metadata_key;
    bool identified = false;  // has a body or a canonical URL: matches only one without
  };
  Result<PlannedAdd> PlanAdd(Article article, const std::vector<std::string>& extra_tags);
  // The id the next new article would get.
  Result<int64_t> NextArticleId();
  // Whether archived article `id` has a body (a duplicate of one without fills it in).
  Result<bool> ArticleHasBody(int64_t id);

  // Reads one article, its row and the `parts` asked for (all by default: whole);
  // NotFound when there is none with `id`.
  Result<Article> Load(int64_t id, const ArticleParts& parts = {});

  // The SQL selecting the ids of `filter`'s articles (plus, with `search`, rank and snippet
  // columns), with its parameters bound in `stmt`. With `count_only`, one row: how many
  // articles match, whatever the filter's order, limit and offset.
  Result<sql::Statement> PrepareSelect(const Filter& filter, bool search,
                                       const SearchOptions& options, bool count_only = false);

  // The tag's id and its stored spelling (the first spelling archived wins).
  Result<std::pair<int64_t, std::string>> ResolveTag(const std::string& tag);

  // A tag to link to an article: its id, stored name and origin ("page", "user"...).
  struct TagLink {
    int64_t id = 0;
    std::string name;
    std::string origin;
  };
  // Links the tag to article `id`, or merges its origin into the link there is (see
  // MergeTagOrigins); a tag the user gives forgets that they removed it.
  Status LinkTag(int64_t id, const TagLink& tag);
  // Whether the user removed `tag` from article `id` (article_tags_removed).
  Result<bool> TagRemoved(int64_t id, const std::string& tag);

  // Drops article `id`'s signature and its band keys.
  Status ForgetStory(int64_t id);

  // Story clusters (archive_clusters.cc). The cluster of article `id`: the lowest id of
  // the articles linked to it, directly or not; its own id when linked to none.
  Result<int64_t> ClusterOf(int64_t id);
  // How many articles `cluster` has (1: an article linked to none).
  Result<int64_t> ClusterSize(int64_t cluster);
  Status SetClusterSize(int64_t cluster, int64_t size);
  // Makes the clusters of `a` and `b`, just linked, one.
  Status JoinClusters(int64_t a, int64_t b);
  // After an article of `cluster` is gone: its other articles in the parts still joined
  // by links, each named by its lowest id; one left alone leaves the cluster.
  Status SplitCluster(int64_t cluster);
  // Revisions (archive_revisions.cc). The fields in which `article`, with the canonical
  // URL of the archived `stored` (read with its authors), makes a new revision of it
  // (RevisedFields); none when it is the current revision or an earlier one again.
  Result<std::vector<std::string>> NewRevisionFields(const Article& stored, const Article& article);
  // Stores `article` as the next revision of `stored` (read with its authors and media),
  // from `source`, changing `changed`: the values `stored` had are kept as its revision. Sets
  // *revision to the new one's number; returns the near-duplicates the new body is linked to.
  struct RevisionSource {
    int64_t document_id = 0;        // the original it was read from; 0: none
    std::string origin = "import";  // article_revisions.origin
    // Restoring a revision: every value revisions keep takes the new one, empty or not.
    bool exact = false;
    // The tags, media and publication an import brings are added (an import's revision);
    // otherwise only the values revisions keep change.
    bool adds_links = true;
  };
  Result<std::vector<int64_t>> Revise(const Article& stored, const Article& article,
                                      const RevisionSource& source,
                                      const std::vector<std::string>& changed, int64_t* revision);
  // The earlier revisions of `current` (an article as read), the latest first; none for
  // an article never revised.
  Result<std::vector<Revision>> SupersededRevisions(const Article& current);

  // Fills article->cluster, cluster_size and similar.
  Status ReadStory(Article* article);
  // The articles linked to `id`, the most alike first.
  Result<std::vector<StoryLink>> LinksOf(int64_t id);

  // Work a migration leaves for morgue's code on the articles archived before it: it sets
  // `mark_key` in morgue_settings to 0, and RunArchivedUpgrade visits the articles above
  // the mark (`select_sql`: ?1 the mark, ?2 how many, ordered by id, the id first),
  // a chunk per transaction, moving the mark on, until none is left; then drops the mark.
  // Reports its progress as `task` to the open's on_upgrade_progress.
  struct ArchivedUpgrade {
    std::string_view mark_key;
    std::string_view task;  // for the progress line: "indexing CJK text"
    std::string_view select_sql;
    // Called with each article's id and the other columns of `select_sql` as text
    // (NULL as ""), after the whole chunk is read.
    std::function<Status(int64_t id, const std::vector<std::string>& columns)> visit;
  };
  Status RunArchivedUpgrade(const ArchivedUpgrade& upgrade);
  // Signs the articles archived before story signatures existed (migration 10), so that
  // they find and are found as near-duplicates.
  Status SignArchivedStories();
  // Makes the search index migration 11 left empty: the CJK grams of the articles
  // archived before (search_grams.h), then every article indexed, in one transaction.
  Status ReindexArchivedArticles();
  OpenOptions::UpgradeProgress on_upgrade_progress;

 private:
  // The publication `article` names, adding it when the archive does not know it yet.
  Result<int64_t> ResolveSource(const Article& article);
  // The same, without adding one: 0 when the archive does not know it.
  Result<int64_t> KnownSource(const Article& article);
  Result<int64_t> SourceByDomain(std::string host);
  Result<int64_t> ResolveAuthor(const Author& author);
  // The first archived article with the canonical URL key `url_key` (0: none).
  Result<int64_t> FindSameUrl(const std::string& url_key);
  // The archived articles with the body `body_hash`: the first that nothing in `article`
  // (its `url_key`, its publication) contradicts, else the first of them as `copy_of`.
  struct BodyMatch {
    int64_t same = 0;
    int64_t copy_of = 0;
  };
  Result<BodyMatch> FindSameBody(const Article& article, const std::string& url_key,
                                 const std::string& body_hash);
  // The publication of `article` as the dedup compares it: the archive's source id, or
  // "new:<name>" for one the archive does not know yet, or "" when it names none.
  Result<std::string> SourceKey(const Article& article);
  // Links two articles as telling one story (a pair once, whichever order; a pair
  // already linked keeps its first link): kind "copy" or "near".
  Status LinkStories(int64_t a, int64_t b, const char* kind, double similarity);
  // The signed articles (not `self`) whose bodies are near-duplicates of the body signed
  // `signature`, whose normalised hash is `body_hash`: the most alike first (then by id),
  // at most kMaxNearLinks, with their estimated Jaccard similarity; `same_body` for an
  // article with that very body (another outlet's copy).
  Result<std::vector<NearStory>> FindNearStories(const StorySignature& signature,
                                                 const std::string& body_hash, int64_t self);
  // Stores article `id`'s body `signature` (SignStory; none: a body too short to sign,
  // nothing stored) and its band keys (story_signatures, story_bands), and links it to the
  // articles FindNearStories finds: those with the same body as copies, the others as
  // near-duplicates, whose ids it returns. `body_hash` is the body's NormalizedBodyHash.
  Result<std::vector<int64_t>> SignAndLinkStory(int64_t id,
                                                const std::optional<StorySignature>& signature,
                                                const std::string& body_hash);
  // ---- Band keys (archive_story_bands.cc) ----
  // The statement FindNearStories reads its candidates with: ?1 … ?kBands the band keys,
  // ?kBands+1 the article itself; the run's deferred keys too while they wait.
  Result<sql::Statement*> BandCandidates();
  // Writes (or, while deferred, sets aside) article `id`'s band keys.
  Status WriteBands(int64_t id, const StorySignature& signature);
  Status DropBands(int64_t id, const StorySignature& signature);
  // Whether another connection committed to the archive since this was last asked.
  Result<bool> OthersWrote();
  // Article `id`'s stored signature (none: not signed, or not one this morgue reads) and
  // body hash.
  struct StoredSignature {
    std::optional<StorySignature> signature;
    std::string body_hash;
  };
  Result<StoredSignature> ReadSignature(int64_t id);
  // Looks again for the near-duplicates of articles `ids` and links what it finds: after
  // their keys were merged, for the articles others stored meanwhile.
  Status LinkStoriesAgain(const std::vector<int64_t>& ids);
  int64_t data_version_ = 0;          // PRAGMA data_version when last asked; 0: not asked
  int64_t deferred_since_merge_ = 0;  // keys set aside since the last merge
  int64_t archived_keys_ = 0;         // about how many keys story_bands holds
  // How many keys set aside make the next merge: as many as story_bands holds, or
  // kMergeRows.
  int64_t MergeAtRows() const;
  // PRAGMA data_version now: it changes when another connection commits.
  Result<int64_t> DataVersion();
  // Reads how many keys story_bands holds, about (archived_keys_).
  Status CountArchivedKeys();
  // While a run defers: every key in story_bands and temp.story_bands_deferred as of
  // data_version filter_version_, and those the run added since, once
  // FilterBandsIfWorthIt made it; none: look every key up.
  std::optional<BandKeyFilter> band_filter_;
  int64_t filter_version_ = 0;
  int64_t run_keys_ = 0;            // keys the import run has set aside
  int64_t run_keys_at_filter_ = 0;  // run_keys_ when band_filter_ was last made
  bool filter_given_up_ = false;    // it outgrew kMostFilterBytes: not made again this run
  // Makes band_filter_ when the run has set aside enough keys (since it was last made) to
  // pay for reading the archive's: at the start of a batch, before it writes, so that no
  // key a rollback could bring back is missing from it.
  Status FilterBandsIfWorthIt();
  // False when no article has any of `signature`'s band keys (band_filter_ knows, and
  // no other connection wrote since it was made); true when one may.
  Result<bool> MayShareBandKey(const StorySignature& signature);

 public:
  // An import run's band keys wait to be merged into story_bands many at once (see
  // archive_story_bands.cc). DeferBands starts deferring (or goes on) and
  // MergeDeferredBands merges what waits when it is enough, or `all` of it, or when
  // another connection wrote meanwhile: both inside the run's open transaction.
  // EndDeferredBands merges the rest in a transaction of its own and stops deferring.
  // PrepareDeferredBands makes the table they wait in, outside any transaction, before
  // the run. ForgetWritesSeen: the run's open transaction was rolled back, and with it
  // what another writer's writes made it do.
  Status PrepareDeferredBands();
  Status DeferBands();
  Status MergeDeferredBands(bool all);
  void ForgetWritesSeen();
  Status EndDeferredBands();
  bool bands_deferred = false;
  // Writes the keys a run left waiting in story_bands_pending (it was stopped before it
  // merged them), at open for writing.
  Status MergePendingBands();

 private:
  Result<int64_t> FindSameMetadata(const Article& article, int64_t source_id);
  // Merges `article` into the archived article `stored` (read with its authors and media);
  // returns the near-duplicates linked to it when the article fills in its body.
  Result<std::vector<int64_t>> Merge(const Article& stored, const Article& article);
  // Sets columns of article `id`'s row: (column, value) pairs; none: nothing written.
  Status UpdateColumns(int64_t id, const std::vector<std::pair<std::string, std::string>>& sets);
  // The tags of `article` to link to archived article `id`: those the user removed from
  // it stay removed, unless the user gives them again.
  Result<std::vector<TagLink>> IncomingTags(int64_t id, const Article& article);

  Status InsertLinks(int64_t id, const Article& article, const std::vector<TagLink>& tags);
};

// The id of the source named `name` or having it as an alias; 0 if none (sources.cc).
Result<int64_t> FindSource(sql::Database& db, std::string_view name);

// Brings the sources tables up to date with the publications directory compiled into
// this library, when it changed since the archive was last seeded (sources.cc).
Status SeedPublications(sql::Database& db);

// The helpers the archive's files share.

// The origin of `tag` in a validated article (NormalizeAndValidate gives every tag one)
// (archive_write.cc).
std::string OriginOf(const Article& a, const std::string& tag);

// NotFound unless the archive holds an article with `id` (archive_write.cc).
Status RequireArticle(sql::Database& db, int64_t id);

// Which fields RevisedFields compares, and how.
enum class RevisionCompare {
  // An import: "title", "subtitle", "body", "authors" (the byline), "published"; a value
  // only one of them has, or that differs only in spacing (or a byline in case, a date in
  // precision), is no difference.
  kImport,
  // A re-extraction: as kImport, and "summary" and "updated" too.
  kEveryKeptField,
  // A revert: every field revisions keep, each as it is, empty or not.
  kExact,
};
// The fields in which `incoming` differs from `stored`, both the same article
// (archive_revisions.cc).
std::vector<std::string> RevisedFields(const Article& stored, const Article& incoming,
                                       RevisionCompare compare = RevisionCompare::kImport);

// Whether two articles with the same body are different articles: their canonical URL keys
// differ, or their publications (SourceKey) do; a side that has none contradicts nothing.
bool BodiesContradict(const std::string& url_key, const std::string& source_key,
                      const std::string& other_url_key, const std::string& other_source_key);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_ARCHIVE_IMPL_H_
