// Archive: one morgue archive, a single SQLite file holding articles, their metadata,
// the original bytes of every import and a full-text index.
//
// Any SQLite tool can read the file; schema/README.md documents every table. Opening
// applies the migrations embedded in this library, each in its own transaction, and
// refuses an archive made by a newer morgue.
//
// Thread-safety: an Archive is one SQLite connection; use it from one thread at a time.
// Several processes may open the same file: SQLite's WAL mode lets readers proceed while
// one writer writes, and writers wait their turn up to the busy timeout.

#ifndef MORGUE_ARCHIVE_H_
#define MORGUE_ARCHIVE_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/article_cursor.h"
#include "morgue/export.h"
#include "morgue/filter.h"
#include "morgue/publications.h"
#include "morgue/status.h"

namespace morgue {

struct OpenOptions {
  bool create_if_missing = true;  // otherwise a missing file is NotFound
  // Never write: no migration, no seeding. Where the process may not create SQLite's
  // -shm file beside the archive (a read-only folder or medium), an archive whose
  // write-ahead log holds nothing pending is read as immutable.
  bool read_only = false;
  int busy_timeout_ms = 60'000;  // how long to wait for another process's write
  // Told how far the work an upgrade leaves for the first open that writes has come
  // (e.g. indexing the Korean, Japanese and Chinese text of the articles archived before):
  // what is being done, articles done, articles in all. Called a few times a second at
  // most; not at all when there is nothing to do.
  using UpgradeProgress = std::function<void(std::string_view task, int64_t done, int64_t total)>;
  UpgradeProgress on_upgrade_progress;
};

struct AddResult {
  int64_t id = 0;
  // The article was already archived as `id`: merged into it, or (`revision`) revised.
  bool duplicate = false;
  // Its canonical URL was archived with another title, subtitle, body, byline or
  // publication date: `id` took the new values as this revision (2 or more), keeping the
  // earlier ones (Archive::Revisions). 0 otherwise.
  int64_t revision = 0;
  // A new article with exactly the body of the archived article `copy_of`, which is
  // another article because its canonical URL or its publication differs (another
  // outlet's copy of a wire story): the two are linked as copies. 0 otherwise.
  int64_t copy_of = 0;
  // Archived articles that tell the same story with changes (a near-duplicate body: a
  // paragraph cut or moved, a credit added), now linked to the article. Never merged.
  std::vector<int64_t> near_duplicates;
};

// One revision of an article (Archive::Revisions).
struct Revision {
  int64_t number = 0;         // from 1, in the order archived
  std::string stored_at;      // UTC, when it was archived
  std::string superseded_at;  // UTC, when the next revision replaced it; empty: current
  int64_t document_id = 0;    // the original document it was read from (0: none known)
  // The fields it changed from the revision before ("title", "subtitle", "body",
  // "authors", "published"; a re-extraction or a revert also "summary", "updated");
  // empty for the first.
  std::vector<std::string> changed;
  // What made it: "import", "re-extraction by html 1.3.0", "revert to revision 2".
  std::string origin = "import";
  // The article as of this revision: its title, subtitle, body, summary, dates and
  // authors; the rest (tags, media, source, story) are the article's now.
  Article article;
};

struct SearchHit {
  Article article;
  double rank = 0;      // SQLite FTS5 bm25: lower is a better match
  std::string snippet;  // a piece of the best-matching column, hits between the marks
};

struct SearchOptions {
  std::string open_mark = "[";
  std::string close_mark = "]";
  int snippet_tokens = 16;
};

// What a Tag or Untag call did with each tag it was given, normalized, each once, in the
// order given.
struct TagChanges {
  std::vector<std::string> changed;    // added, or removed
  std::vector<std::string> unchanged;  // already there, or not there to remove
  // Tag only: there already, from the page (or from before origins were kept), and now
  // marked as the user's too.
  std::vector<std::string> adopted;
};

struct TagCount {
  std::string tag;
  int64_t articles = 0;
  // Of those articles, how many have it from the page (origin "page" or "both") and how
  // many from the user ("user" or "both"). Tags archived before origins were kept
  // ("unknown") count in neither.
  int64_t from_page = 0;
  int64_t from_user = 0;
};

struct ArchiveStats {
  int schema_version = 0;
  int64_t articles = 0;
  int64_t authors = 0;
  int64_t sources = 0;
  int64_t tags = 0;
  int64_t documents = 0;
  int64_t document_bytes = 0;  // original size of all stored documents
  int64_t stored_bytes = 0;    // their compressed size in the archive
  int64_t imports = 0;
  int64_t file_bytes = 0;  // size of the archive file
  std::string earliest_published;
  std::string latest_published;
};

// A publication as the archive knows it.
struct SourceInfo {
  int64_t id = 0;
  std::string name;
  std::string country;
  std::string language;
  std::string origin;  // "directory", "user" or "import"
  std::vector<std::string> domains;
  std::vector<std::string> aliases;
  int64_t articles = 0;
};

// An original document as archived: the bytes of one input, kept as they were imported.
struct DocumentInfo {
  int64_t id = 0;
  std::string original_path;  // the path as first imported, or "<stdin>"
  int64_t size = 0;           // in bytes
  std::string sha256;         // hex, of the original bytes
  std::string media_type;
  std::string plugin;  // the importer that read it, and its version
  std::string plugin_version;
  std::string imported_at;  // UTC
  // For a document read out of a container (a WARC record, a feed item): the container
  // as the import named it, where its record starts (bytes), the address it was captured
  // from or published at, and when it was captured; empty (0) otherwise.
  std::string container;
  int64_t container_offset = 0;
  std::string target_uri;
  std::string captured_at;
};

class ImportRun;

// How messages name an archive location: a path as it is; a URI (postgresql://...)
// without the password its user part may hold.
MORGUE_EXPORT std::string ArchiveDisplayName(std::string_view location);

class MORGUE_EXPORT Archive {
 public:
  // The newest schema version this library knows.
  static int LatestSchemaVersion();

  // Opens (and with create_if_missing, creates) the archive at `path` and brings its
  // schema up to date. Fails with NotSupported for an archive made by a newer morgue, or
  // one a copy into it left unfinished (morgue/copy.h); with InvalidArgument for a URI of
  // a scheme other than PostgreSQL's. A PostgreSQL location (postgresql://...) opens
  // read_only only (CopyArchive writes those), and cannot be searched yet (NotSupported).
  static Result<std::unique_ptr<Archive>> Open(const std::filesystem::path& path,
                                               const OpenOptions& options = {});

  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::filesystem::path& path() const;
  int schema_version() const;
  // OK, or why this archive takes no new articles or revisions (import, re-extraction,
  // revert): a PostgreSQL archive, for now, which is read and edited (tags, removals,
  // sources) but filled by `morgue copy` alone.
  Status CanStoreArticles() const;

  // Validates and stores one article in its own transaction. An article needs a title
  // or a body; dates must be ISO 8601; text must be UTF-8. An article whose canonical
  // URL is already archived, or whose normalised body is and nothing contradicts it (no
  // other canonical URL, no other publication), is merged into the existing one (tags
  // added, empty fields filled) and reported as a duplicate. The same body under another
  // canonical URL or publication is a new article linked to the first as a copy. An
  // article whose canonical URL is archived with another title, subtitle, body, byline or
  // publication date is a new revision of it: the archived article takes its values (and
  // keeps the ones it lacks), and its earlier values stay as the revision before.
  Result<AddResult> Add(const Article& article);

  // The revisions of article `id`, the first first, the current last (one for an article
  // never revised); NotFound for an unknown article.
  Result<std::vector<Revision>> Revisions(int64_t id);

  // Stores `values` as the next revision of article `id` (a re-extraction of an original:
  // `document_id`, the original read; `origin`, what read it, e.g. "re-extraction by html
  // 1.3.0"), in one transaction. Its title, subtitle, body, summary, dates and authors
  // replace the article's where they differ; an empty one keeps the article's; nothing
  // else of the article changes (tags, media, publication). Returns the new revision's
  // number, or 0 when nothing differs (nothing is stored); NotFound for an unknown article.
  Result<int64_t> StoreRevision(int64_t id, const Article& values, int64_t document_id,
                                const std::string& origin);

  // Makes article `id` what it was at the revision before its current one, as a new
  // revision ("revert to revision N"), so that nothing is lost and a second revert undoes
  // the first. Returns the new revision's number; NotFound for an unknown article,
  // InvalidArgument for one with a single revision.
  Result<int64_t> Revert(int64_t id);

  // The articles linked to `id` as telling the same story, most similar first, then by
  // id; NotFound for an unknown article.
  Result<std::vector<StoryLink>> Links(int64_t id);

  // Returns the article with `id`, or NotFound.
  Result<Article> Get(int64_t id);

  // Visits the articles matching `filter` in its order; stops early when `visit`
  // returns a non-OK Status, and returns that Status.
  Status Find(const Filter& filter, const std::function<Status(const Article&)>& visit);

  // A cursor over the articles matching `filter`, for exporters.
  Result<std::unique_ptr<ArticleCursor>> Select(const Filter& filter);

  // Full-text search: `filter.query` must be set; the rest of the filter applies too.
  // Ordered by relevance unless the filter asks for another order.
  Result<std::vector<SearchHit>> Search(const Filter& filter, const SearchOptions& options = {});

  // Number of articles matching `filter`, ignoring its limit and offset.
  Result<int64_t> Count(const Filter& filter);

  // Adds or removes tags on an article; NotFound for an unknown id. Tagging with a tag
  // the article has, or untagging one it does not have, changes nothing and is not an
  // error; `changes`, when given, says which tags did what. Tags added here are the
  // user's (origin "user"; "both" for a tag the page gave too). A removed tag is
  // remembered: adding the article again does not bring it back; tagging it again does.
  Status Tag(int64_t id, const std::vector<std::string>& tags, TagChanges* changes = nullptr);
  Status Untag(int64_t id, const std::vector<std::string>& tags, TagChanges* changes = nullptr);

  // All tags with the number of articles carrying each (and by origin), most used first.
  Result<std::vector<TagCount>> Tags();

  // Deletes an article with its authors' links, tags' links, media and provenance.
  // Its documents stay in the archive: nothing a user imported is ever lost.
  Status Remove(int64_t id);

  Result<ArchiveStats> Stats();

  // The original documents the article `id` was imported from, by document id; NotFound
  // for an unknown article. An article added through Add has none.
  Result<std::vector<DocumentInfo>> Documents(int64_t id);

  // Writes the original bytes of document `document_id`, byte for byte as imported, to
  // `write` in pieces (memory stays flat however large it is); NotFound for an unknown
  // document. Fails with Corruption, after writing, when the stored bytes do not give back
  // the size and SHA-256 recorded at import.
  Status WriteOriginal(int64_t document_id, const std::function<Status(std::string_view)>& write);

  // The publications the archive knows (the shipped directory, the user's own entries and
  // those first seen on imported articles) whose name, an alias or a domain contains
  // `match`, ignoring case; all of them when `match` is empty. By name.
  Result<std::vector<SourceInfo>> Sources(const std::string& match = "");

  // Adds the user's own publication, or adds domains and aliases to the one of that name
  // (or alias). A domain or alias that already names another publication is refused with
  // InvalidArgument naming it. Returns the source's id.
  Result<int64_t> AddSource(const Publication& publication);

  struct Impl;

 private:
  friend class ImportRun;
  explicit Archive(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Archive>> OpenPostgres(const std::string& location,
                                                       const OpenOptions& options);
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue

#endif  // MORGUE_ARCHIVE_H_
