#include "morgue/archive.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "archive_impl.h"
#include "codec.h"
#include "migrator.h"
#include "morgue/datetime.h"
#include "morgue/search_query.h"
#include "morgue/text.h"
#include "validate.h"

namespace morgue {
namespace {

// The host of an http(s) URL, lower-cased, without "www."; empty otherwise.
std::string HostOf(const std::string& url) {
  std::string key = UrlKey(url);
  return key.substr(0, key.find_first_of("/?"));
}

// Escapes LIKE wildcards so a user's text matches literally (ESCAPE '\').
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

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

// The origin of `tag` in a validated article (NormalizeAndValidate gives every tag one).
std::string OriginOf(const Article& a, const std::string& tag) {
  auto it = a.tag_origins.find(tag);
  return it == a.tag_origins.end() ? std::string(kTagOriginPage) : it->second;
}

// A --since or --until bound as published_sort holds it, without the "Z" of an instant.
std::string SortableBound(const std::string& bound) {
  std::string sortable = SortableDate(bound);
  if (!sortable.empty() && sortable.back() == 'Z') sortable.pop_back();
  return sortable;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Opening

namespace {

// PRAGMA application_id of every morgue archive ("MRGU"), so that `file` and other tools
// can tell what the file is, and morgue can tell its archives from other SQLite files.
constexpr int64_t kApplicationId = 0x4D524755;

struct Identity {
  int64_t application_id = 0;
  int user_version = 0;
  std::string first_table;  // of a file with tables, one of them
};

Result<Identity> ReadIdentity(sql::Database& db) {
  Identity identity;
  Result<sql::Statement> stmt = db.Prepare(
      "SELECT (SELECT application_id FROM pragma_application_id), "
      "(SELECT user_version FROM pragma_user_version), "
      "(SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 1)");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  identity.application_id = stmt->Int(0);
  identity.user_version = static_cast<int>(stmt->Int(1));
  identity.first_table = stmt->Text(2);
  return identity;
}

}  // namespace

int Archive::LatestSchemaVersion() {
  const auto& migrations = EmbeddedMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<std::unique_ptr<Archive>> Archive::Open(const std::filesystem::path& path,
                                               const OpenOptions& options) {
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (!exists && !options.create_if_missing) {
    return Status::NotFound("no archive at '" + path.string() + "'");
  }
  // SQLite would create the file wherever a dangling link points; a new archive is
  // created only at a name the user gave. A link to an existing archive is followed.
  if (!exists && std::filesystem::is_symlink(path, ec)) {
    return Status::InvalidArgument(
        "'" + path.string() + "' is a symbolic link to '" +
        std::filesystem::read_symlink(path, ec).string() +
        "', which does not exist; morgue creates no archive through a link: name the file "
        "itself with --archive, or remove the link");
  }
  if (exists && std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument("'" + path.string() + "' is a folder, not an archive file");
  }
  Result<std::unique_ptr<sql::Database>> db = sql::Database::Open(
      path, options.create_if_missing, options.read_only, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db).value();
  impl->path = path;
  Result<Identity> identity = ReadIdentity(*impl->db);
  if (!identity.ok()) return identity.status();
  // Never turn someone else's SQLite file into an archive.
  if (identity->application_id != 0 && identity->application_id != kApplicationId) {
    return Status::InvalidArgument("'" + path.string() +
                                   "' is a SQLite database of another application, not a morgue "
                                   "archive; name another file with --archive");
  }
  if (identity->user_version == 0 && !identity->first_table.empty()) {
    return Status::InvalidArgument("'" + path.string() +
                                   "' is a SQLite database but not a morgue archive (it holds '" +
                                   identity->first_table + "'); name another file with --archive");
  }
  if (options.read_only) {
    impl->schema_version = identity->user_version;
    if (impl->schema_version != LatestSchemaVersion()) {
      return Status::NotSupported("archive '" + path.string() + "' has schema version " +
                                  std::to_string(impl->schema_version) + "; this morgue needs " +
                                  std::to_string(LatestSchemaVersion()) +
                                  " and cannot upgrade it read-only");
    }
  } else {
    Result<int> version = Migrate(*impl->db, EmbeddedMigrations());
    if (!version.ok()) return version.status();
    MORGUE_RETURN_IF_ERROR(impl->db->UseWal());
    impl->schema_version = *version;
    if (identity->application_id != kApplicationId) {
      MORGUE_RETURN_IF_ERROR(
          impl->db->Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    }
    MORGUE_RETURN_IF_ERROR(SeedPublications(*impl->db));
  }
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

const std::filesystem::path& Archive::path() const { return impl_->path; }
int Archive::schema_version() const { return impl_->schema_version; }

// ---------------------------------------------------------------------------------------
// Writing

Result<int64_t> Archive::Impl::SourceByDomain(std::string host) {
  // The most specific known domain wins: news.example.co.kr, then example.co.kr.
  while (host.find('.') != std::string::npos) {
    Result<int64_t> id =
        db->SelectId("SELECT source_id FROM source_domains WHERE domain = ?1", host);
    if (!id.ok() || *id != 0) return id;
    host.erase(0, host.find('.') + 1);
  }
  return int64_t{0};
}

Result<int64_t> Archive::Impl::ResolveSource(const Article& a) {
  Result<int64_t> known = KnownSource(a);
  if (!known.ok() || *known != 0 || a.source.empty()) return known;
  // A publication first seen here.
  Result<sql::Statement*> insert =
      db->Cached("INSERT INTO sources(name, origin) VALUES (?1, 'import')");
  if (!insert.ok()) return insert.status();
  (*insert)->Bind(1, a.source);
  MORGUE_RETURN_IF_ERROR((*insert)->Run());
  return db->LastInsertId();
}

Result<int64_t> Archive::Impl::KnownSource(const Article& a) {
  if (!a.source.empty()) {
    // A name or alias the archive knows; a domain given as the name; a leading "The"
    // the directory leaves out.
    std::vector<std::string> names = {a.source};
    if (LowerAscii(a.source).starts_with("the ")) names.push_back(a.source.substr(4));
    for (const std::string& name : names) {
      Result<int64_t> id = FindSource(*db, name);
      if (!id.ok() || *id != 0) return id;
    }
    if (a.source.find(' ') == std::string::npos && a.source.find('.') != std::string::npos) {
      return SourceByDomain(LowerAscii(a.source));
    }
    return int64_t{0};
  }
  // No name: the article's own address, then its reporters' e-mail domains.
  std::vector<std::string> hosts = {HostOf(a.canonical_url), HostOf(a.url)};
  for (const Author& author : a.authors) {
    size_t at = author.email.rfind('@');
    if (author.role == "author" && at != std::string::npos) {
      hosts.push_back(LowerAscii(author.email.substr(at + 1)));
    }
  }
  for (const std::string& host : hosts) {
    if (host.empty()) continue;
    Result<int64_t> id = SourceByDomain(host);
    if (!id.ok() || *id != 0) return id;
  }
  return int64_t{0};
}

Result<int64_t> Archive::Impl::ResolveAuthor(const Author& author) {
  Result<sql::Statement*> find =
      db->Cached("SELECT id FROM authors WHERE name = ?1 AND email = ?2");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, author.name).Bind(2, author.email);
  Result<bool> row = (*find)->Step();
  int64_t id = row.ok() && *row ? (*find)->Int(0) : 0;
  (*find)->Reset();
  if (!row.ok()) return row.status();
  if (id != 0) return id;
  Result<sql::Statement*> insert = db->Cached("INSERT INTO authors(name, email) VALUES (?1, ?2)");
  if (!insert.ok()) return insert.status();
  (*insert)->Bind(1, author.name).Bind(2, author.email);
  MORGUE_RETURN_IF_ERROR((*insert)->Run());
  return db->LastInsertId();
}

Result<std::pair<int64_t, std::string>> Archive::Impl::ResolveTag(const std::string& tag) {
  Result<sql::Statement*> find = db->Cached("SELECT id, name FROM tags WHERE name = ?1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, tag);
  Result<bool> row = (*find)->Step();
  if (row.ok() && *row) {
    auto found = std::make_pair((*find)->Int(0), (*find)->Text(1));
    (*find)->Reset();
    return found;
  }
  (*find)->Reset();
  if (!row.ok()) return row.status();
  Result<sql::Statement*> insert = db->Cached("INSERT INTO tags(name) VALUES (?1)");
  if (!insert.ok()) return insert.status();
  (*insert)->Bind(1, tag);
  MORGUE_RETURN_IF_ERROR((*insert)->Run());
  return std::make_pair(db->LastInsertId(), tag);
}

// The article gets the tag, or the tag it has gets this origin too (page and user: both).
// A tag the user gives is no longer one they removed.
Status Archive::Impl::LinkTag(int64_t id, const TagLink& tag) {
  Result<sql::Statement*> link = db->Cached(
      "INSERT INTO article_tags(article_id, tag_id, origin) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(article_id, tag_id) DO UPDATE SET origin = CASE "
      "WHEN origin = excluded.origin OR excluded.origin = 'unknown' THEN origin "
      "WHEN origin = 'unknown' THEN excluded.origin ELSE 'both' END "
      "WHERE origin <> excluded.origin");
  if (!link.ok()) return link.status();
  (*link)->Bind(1, id).Bind(2, tag.id).Bind(3, tag.origin);
  MORGUE_RETURN_IF_ERROR((*link)->Run());
  if (tag.origin == kTagOriginUser || tag.origin == kTagOriginBoth) {
    Result<sql::Statement*> forget =
        db->Cached("DELETE FROM article_tags_removed WHERE article_id = ?1 AND name = ?2");
    if (!forget.ok()) return forget.status();
    (*forget)->Bind(1, id).Bind(2, tag.name);
    MORGUE_RETURN_IF_ERROR((*forget)->Run());
  }
  return Status::OK();
}

Result<bool> Archive::Impl::TagRemoved(int64_t id, const std::string& tag) {
  Result<sql::Statement*> find =
      db->Cached("SELECT 1 FROM article_tags_removed WHERE article_id = ?1 AND name = ?2");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, id).Bind(2, tag);
  Result<bool> row = (*find)->Step();
  (*find)->Reset();
  return row;
}

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
  Result<sql::Statement*> find = db->Cached(
      identified ? "SELECT id FROM articles WHERE title = ?1 AND +published IS ?2 AND "
                   "+source_id IS nullif(?3, 0) AND +body_hash IS NULL AND +url_key IS NULL "
                   "ORDER BY id LIMIT 1"
                 : "SELECT id FROM articles WHERE title = ?1 AND +published IS ?2 AND "
                   "+source_id IS nullif(?3, 0) ORDER BY id LIMIT 1");
  if (!find.ok()) return find.status();
  sql::Statement& s = **find;
  s.Bind(1, a.title).BindTextOrNull(2, a.published).Bind(3, source_id);
  Result<bool> row = s.Step();
  const int64_t id = row.ok() && *row ? s.Int(0) : 0;
  s.Reset();
  if (!row.ok()) return row.status();
  return id;
}

Status Archive::Impl::InsertLinks(int64_t id, const Article& article,
                                  const std::vector<TagLink>& tags) {
  for (size_t i = 0; i < article.authors.size(); ++i) {
    Result<int64_t> author_id = ResolveAuthor(article.authors[i]);
    if (!author_id.ok()) return author_id.status();
    Result<sql::Statement*> link = db->Cached(
        "INSERT INTO article_authors(article_id, author_id, position, role) "
        "VALUES (?1, ?2, ?3, ?4)");
    if (!link.ok()) return link.status();
    (*link)->Bind(1, id).Bind(2, *author_id).Bind(3, static_cast<int64_t>(i));
    (*link)->Bind(4, article.authors[i].role);
    MORGUE_RETURN_IF_ERROR((*link)->Run());
  }
  for (const TagLink& tag : tags) MORGUE_RETURN_IF_ERROR(LinkTag(id, tag));
  for (size_t i = 0; i < article.media.size(); ++i) {
    const Media& m = article.media[i];
    Result<sql::Statement*> insert = db->Cached(
        "INSERT INTO media(article_id, position, url, caption, credit) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert.ok()) return insert.status();
    (*insert)->Bind(1, id).Bind(2, static_cast<int64_t>(i));
    (*insert)->BindTextOrNull(3, m.url).BindTextOrNull(4, m.caption).BindTextOrNull(5, m.credit);
    MORGUE_RETURN_IF_ERROR((*insert)->Run());
  }
  for (const auto& [field, rule] : article.provenance) {
    // On a merge the rule that produced the stored value stays.
    Result<sql::Statement*> insert = db->Cached(
        "INSERT OR IGNORE INTO article_fields(article_id, field, rule) VALUES (?1, ?2, ?3)");
    if (!insert.ok()) return insert.status();
    (*insert)->Bind(1, id).Bind(2, field).Bind(3, rule);
    MORGUE_RETURN_IF_ERROR((*insert)->Run());
  }
  return Status::OK();
}

Status Archive::Impl::Merge(int64_t id, const Article& a) {
  // Fill what the stored article lacks; never overwrite what it has. Only columns that
  // change are written, so a plain re-import does not make the search index re-read the
  // article, and only the fields this input filled get its provenance.
  Result<Article> stored = Load(id);
  if (!stored.ok()) return stored.status();
  struct Fill {
    const char* column;
    const std::string& stored;
    const std::string& incoming;
  };
  const Fill fills[] = {
      {"title", stored->title, a.title},
      {"subtitle", stored->subtitle, a.subtitle},
      {"summary", stored->summary, a.summary},
      {"language", stored->language, a.language},
      {"url", stored->url, a.url},
      {"canonical_url", stored->canonical_url, a.canonical_url},
      {"published", stored->published, a.published},
      {"updated", stored->updated, a.updated},
      {"body", stored->body, a.body},
  };
  std::vector<std::pair<std::string, std::string>> sets;  // column, value
  Article filled;  // what this input contributes: its links and its provenance
  for (const Fill& fill : fills) {
    if (!fill.stored.empty() || fill.incoming.empty()) continue;
    sets.emplace_back(fill.column, fill.incoming);
    if (auto rule = a.provenance.find(fill.column); rule != a.provenance.end()) {
      filled.provenance.insert(*rule);
    }
  }
  if (!a.published.empty() && stored->published.empty()) {
    sets.emplace_back("published_sort", SortableDate(a.published));
  }
  if (!a.canonical_url.empty() && stored->canonical_url.empty()) {
    sets.emplace_back("url_key", UrlKey(a.canonical_url));
  }
  if (!a.body.empty() && stored->body.empty()) {
    sets.emplace_back("body_hash", NormalizedBodyHash(a.body));
    sets.emplace_back("word_count", std::to_string(CountWords(a.body)));
  }
  if (stored->source.empty() && (!a.source.empty() || !a.url.empty() || !a.authors.empty())) {
    Result<int64_t> source_id = ResolveSource(a);
    if (!source_id.ok()) return source_id.status();
    if (*source_id != 0) {
      sets.emplace_back("source_id", std::to_string(*source_id));
      if (auto rule = a.provenance.find("source"); rule != a.provenance.end()) {
        filled.provenance.insert(*rule);
      }
    }
  }
  if (!sets.empty()) {
    std::string sql = "UPDATE articles SET ";
    for (size_t i = 0; i < sets.size(); ++i) {
      sql += (i == 0 ? "" : ", ") + sets[i].first + " = ?" + std::to_string(i + 2);
    }
    sql += " WHERE id = ?1";
    Result<sql::Statement*> update = db->Cached(sql);
    if (!update.ok()) return update.status();
    (*update)->Bind(1, id);
    for (size_t i = 0; i < sets.size(); ++i) {
      (*update)->Bind(static_cast<int>(i + 2), sets[i].second);
    }
    MORGUE_RETURN_IF_ERROR((*update)->Run());
  }

  // Authors and media only when the stored article has none: two bylines are not merged.
  if (stored->authors.empty() && !a.authors.empty()) {
    filled.authors = a.authors;
    if (auto rule = a.provenance.find("authors"); rule != a.provenance.end()) {
      filled.provenance.insert(*rule);
    }
  }
  if (stored->media.empty()) filled.media = a.media;
  // Tags add up, each with its origin; a tag the user removed stays removed unless the
  // user gives it again.
  std::vector<TagLink> tag_links;
  for (const std::string& tag : a.tags) {
    const std::string origin = OriginOf(a, tag);
    if (origin != kTagOriginUser && origin != kTagOriginBoth) {
      Result<bool> removed = TagRemoved(id, tag);
      if (!removed.ok()) return removed.status();
      if (*removed) continue;
    }
    Result<std::pair<int64_t, std::string>> resolved = ResolveTag(tag);
    if (!resolved.ok()) return resolved.status();
    tag_links.push_back({resolved->first, resolved->second, origin});
  }
  return InsertLinks(id, filled, tag_links);
}

Result<Archive::Impl::PlannedAdd> Archive::Impl::PlanAdd(
    Article a, const std::vector<std::string>& extra_tags) {
  MORGUE_RETURN_IF_ERROR(NormalizeAndValidate(a, extra_tags));
  PlannedAdd planned;
  planned.url_key = UrlKey(a.canonical_url);
  planned.body_hash = NormalizedBodyHash(a.body);
  Result<int64_t> same_url = FindDuplicate(planned.url_key, "");
  if (!same_url.ok()) return same_url.status();
  Result<int64_t> same_body = FindDuplicate("", planned.body_hash);
  if (!same_body.ok()) return same_body.status();
  planned.same_url = *same_url;
  planned.same_body = *same_body;
  if (planned.same_url == 0 && planned.same_body == 0 && !a.title.empty()) {
    // As AddInTransaction: by title, date and source, found without adding a publication.
    Result<int64_t> source_id = KnownSource(a);
    if (!source_id.ok()) return source_id.status();
    if (*source_id != 0 || a.source.empty()) {
      Result<int64_t> same = FindSameMetadata(a, *source_id);
      if (!same.ok()) return same.status();
      planned.same_metadata = *same;
    }
    // Within the run, a publication not archived yet is known by its name.
    const std::string source =
        *source_id != 0 ? std::to_string(*source_id) : "new:" + LowerAscii(a.source);
    planned.metadata_key = a.title + '\x1f' + a.published + '\x1f' + source;
    planned.identified = !a.body.empty() || !a.canonical_url.empty();
  }
  return planned;
}

Result<int64_t> Archive::Impl::NextArticleId() {
  Result<sql::Statement> next = db->Prepare(
      "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
      "coalesce((SELECT max(id) FROM articles), 0)) + 1");
  if (!next.ok()) return next.status();
  Result<bool> row = next->Step();
  if (!row.ok()) return row.status();
  return next->Int(0);
}

Result<AddResult> Archive::Impl::AddInTransaction(Article a, int64_t document_id,
                                                  const std::vector<std::string>& extra_tags) {
  MORGUE_RETURN_IF_ERROR(NormalizeAndValidate(a, extra_tags));
  // Only the article's own address identifies it: many articles share a `url` where they
  // were found (a blog's front page, a feed).
  const std::string url_key = UrlKey(a.canonical_url);
  const std::string body_hash = NormalizedBodyHash(a.body);

  AddResult result;
  Result<int64_t> existing = FindDuplicate(url_key, body_hash);
  if (!existing.ok()) return existing.status();
  // Resolved only when needed, so that a duplicate never adds a publication.
  Result<int64_t> source_id = int64_t{0};
  if (*existing == 0 && !a.title.empty()) {
    source_id = ResolveSource(a);
    if (!source_id.ok()) return source_id.status();
    existing = FindSameMetadata(a, *source_id);
    if (!existing.ok()) return existing.status();
  }
  if (*existing != 0) {
    result.id = *existing;
    result.duplicate = true;
    MORGUE_RETURN_IF_ERROR(Merge(result.id, a));
  } else {
    // The new id is chosen first and the link rows written before the article row (their
    // foreign keys are deferred), so the search index sees the finished article once
    // instead of re-indexing it for every author and tag.
    Result<sql::Statement*> next = db->Cached(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0), "
        "coalesce((SELECT max(id) FROM articles), 0)) + 1");
    if (!next.ok()) return next.status();
    if (Result<bool> row = (*next)->Step(); !row.ok()) return row.status();
    result.id = (*next)->Int(0);
    (*next)->Reset();

    std::vector<TagLink> tag_links;
    std::vector<std::string> tag_names;
    for (const std::string& tag : a.tags) {
      Result<std::pair<int64_t, std::string>> resolved = ResolveTag(tag);
      if (!resolved.ok()) return resolved.status();
      tag_links.push_back({resolved->first, resolved->second, OriginOf(a, tag)});
      tag_names.push_back(resolved->second);
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
    Result<sql::Statement*> insert = db->Cached(R"sql(
      INSERT INTO articles(id, title, subtitle, body, summary, language, url, canonical_url,
                           url_key, published, updated, source_id, word_count, body_hash,
                           authors_text, tags_text, added_at, published_sort)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, nullif(?12, 0), ?13, ?14, ?15, ?16,
              ?17, ?18))sql");
    if (!insert.ok()) return insert.status();
    sql::Statement& s = **insert;
    s.Bind(1, result.id);
    s.BindTextOrNull(2, a.title).BindTextOrNull(3, a.subtitle).BindTextOrNull(4, a.body);
    s.BindTextOrNull(5, a.summary).BindTextOrNull(6, a.language).BindTextOrNull(7, a.url);
    s.BindTextOrNull(8, a.canonical_url).BindTextOrNull(9, url_key);
    s.BindTextOrNull(10, a.published).BindTextOrNull(11, a.updated).Bind(12, *source_id);
    s.Bind(13, CountWords(a.body)).BindTextOrNull(14, body_hash);
    s.Bind(15, JoinNames(author_names)).Bind(16, JoinNames(tag_names)).Bind(17, UtcNow());
    s.BindTextOrNull(18, SortableDate(a.published));
    MORGUE_RETURN_IF_ERROR(s.Run());
  }
  if (document_id != 0) {
    Result<sql::Statement*> link = db->Cached(
        "INSERT OR IGNORE INTO article_documents(article_id, document_id) VALUES (?1, ?2)");
    if (!link.ok()) return link.status();
    (*link)->Bind(1, result.id).Bind(2, document_id);
    MORGUE_RETURN_IF_ERROR((*link)->Run());
  }
  return result;
}

Result<AddResult> Archive::Add(const Article& article) {
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  Result<AddResult> added = impl_->AddInTransaction(article, 0, {});
  if (!added.ok()) return added.status();
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  return added;
}

// ---------------------------------------------------------------------------------------
// Reading

Result<Article> Archive::Impl::Load(int64_t id) {
  Result<sql::Statement*> main = db->Cached(R"sql(
    SELECT a.title, a.subtitle, a.body, a.summary, a.language, a.url, a.canonical_url,
           a.published, a.updated, s.name, a.word_count, a.body_hash, a.added_at
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1)sql");
  if (!main.ok()) return main.status();
  sql::Statement& m = **main;
  m.Bind(1, id);
  Result<bool> found = m.Step();
  if (!found.ok()) return found.status();
  if (!*found) {
    m.Reset();
    return Status::NotFound("no article with id " + std::to_string(id));
  }
  Article a;
  a.id = id;
  a.title = m.Text(0);
  a.subtitle = m.Text(1);
  a.body = m.Text(2);
  a.summary = m.Text(3);
  a.language = m.Text(4);
  a.url = m.Text(5);
  a.canonical_url = m.Text(6);
  a.published = m.Text(7);
  a.updated = m.Text(8);
  a.source = m.Text(9);
  a.word_count = m.Int(10);
  a.body_hash = m.Text(11);
  a.added_at = m.Text(12);
  m.Reset();

  Result<sql::Statement*> authors = db->Cached(
      "SELECT au.name, au.email, aa.role FROM article_authors aa "
      "JOIN authors au ON au.id = aa.author_id WHERE aa.article_id = ?1 ORDER BY aa.position");
  if (!authors.ok()) return authors.status();
  (*authors)->Bind(1, id);
  while (true) {
    Result<bool> row = (*authors)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.authors.push_back({(*authors)->Text(0), (*authors)->Text(1), (*authors)->Text(2)});
  }
  Result<sql::Statement*> tags = db->Cached(
      "SELECT t.name, at.origin FROM article_tags at JOIN tags t ON t.id = at.tag_id "
      "WHERE at.article_id = ?1 ORDER BY t.name");
  if (!tags.ok()) return tags.status();
  (*tags)->Bind(1, id);
  while (true) {
    Result<bool> row = (*tags)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.tags.push_back((*tags)->Text(0));
    a.tag_origins[a.tags.back()] = (*tags)->Text(1);
  }
  Result<sql::Statement*> media =
      db->Cached("SELECT url, caption, credit FROM media WHERE article_id = ?1 ORDER BY position");
  if (!media.ok()) return media.status();
  (*media)->Bind(1, id);
  while (true) {
    Result<bool> row = (*media)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.media.push_back({(*media)->Text(0), (*media)->Text(1), (*media)->Text(2)});
  }
  Result<sql::Statement*> fields =
      db->Cached("SELECT field, rule FROM article_fields WHERE article_id = ?1");
  if (!fields.ok()) return fields.status();
  (*fields)->Bind(1, id);
  while (true) {
    Result<bool> row = (*fields)->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    a.provenance[(*fields)->Text(0)] = (*fields)->Text(1);
  }
  db->ResetCached();
  return a;
}

namespace {

// The query as an error message shows it: on one line, and not endless.
std::string ShownQuery(const std::string& query) {
  constexpr size_t kMaxShown = 80;
  std::string shown;
  for (size_t i = 0; i < query.size() && i < kMaxShown; ++i) {
    const auto c = static_cast<unsigned char>(query[i]);
    if (c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      shown += std::string("\\x") + kHex[c >> 4] + kHex[c & 0xf];
    } else {
      shown.push_back(static_cast<char>(c));
    }
  }
  if (query.size() > kMaxShown) {
    // Not in the middle of a UTF-8 sequence.
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xc0) == 0x80) {
      shown.pop_back();
    }
    if (!shown.empty() && static_cast<unsigned char>(shown.back()) >= 0xc0) shown.pop_back();
    shown += "… (" + std::to_string(query.size()) + " bytes)";
  }
  return shown;
}

// `problem` is "<reason>; <what to write instead>".
Status UnreadableQuery(const std::string& query, std::string_view problem) {
  return Status::InvalidArgument("cannot read the search query '" + ShownQuery(query) +
                                 "': " + std::string(problem));
}

// For what FTS5 itself refuses, in its own words.
Status InvalidQuery(const std::string& query, std::string_view reason) {
  return UnreadableQuery(query, std::string(reason) +
                                    "; put a phrase in double quotes (\"covid 19\"), or use "
                                    "--literal to search for the words as written");
}

// The FTS5 query `filter` asks for: its words as written with --literal, else its query
// with the words FTS5 syntax cannot hold put in quotes (search_query.h).
Result<std::string> Fts5Query(const Filter& filter) {
  if (filter.query.find('\0') != std::string::npos) {
    return UnreadableQuery(filter.query, "it contains a NUL byte; type the query without it");
  }
  if (filter.literal_query) return LiteralQuery(filter.query);
  Result<std::string> query = SearchQueryToFts5(filter.query);
  if (!query.ok()) return UnreadableQuery(filter.query, query.status().message());
  return query;
}

// SQLite only parses an FTS5 query when a statement using it first steps, and reports a
// malformed one as a plain SQLITE_ERROR. Running it alone, before the real statement,
// tells a bad query apart from any other failure for certain.
Status CheckQuery(sql::Database& db, const std::string& shown, const std::string& query) {
  Result<sql::Statement> stmt =
      db.Prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, query);
  Result<bool> row = stmt->Step();
  if (row.ok()) return Status::OK();
  if ((sqlite3_extended_errcode(db.handle()) & 0xff) != SQLITE_ERROR) return row.status();
  return InvalidQuery(shown, sqlite3_errmsg(db.handle()));
}

}  // namespace

Result<sql::Statement> Archive::Impl::PrepareSelect(const Filter& filter, bool search,
                                                    const SearchOptions& options, bool count_only) {
  struct Param {
    enum Kind { kText, kInt } kind;
    std::string text;
    int64_t number = 0;
  };
  std::vector<Param> params;
  auto text = [&params](std::string value) {
    params.push_back({Param::kText, std::move(value), 0});
    return "?" + std::to_string(params.size());
  };
  auto number = [&params](int64_t value) {
    params.push_back({Param::kInt, {}, value});
    return "?" + std::to_string(params.size());
  };
  auto prepare = [this, &params](const std::string& statement) -> Result<sql::Statement> {
    Result<sql::Statement> stmt = db->Prepare(statement);
    if (!stmt.ok()) return stmt.status();
    for (size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i + 1);
      if (params[i].kind == Param::kText) {
        stmt->Bind(index, params[i].text);
      } else {
        stmt->Bind(index, params[i].number);
      }
    }
    return stmt;
  };

  Result<std::string> fts5_query = Fts5Query(filter);
  if (!fts5_query.ok()) return fts5_query.status();
  const std::string& query = *fts5_query;
  const bool has_query = !query.empty();
  if (search && !has_query) {
    return Status::InvalidArgument(filter.query.empty()
                                       ? "search needs a full-text query"
                                       : "search query '" + ShownQuery(filter.query) +
                                             "' has no words to search for");
  }
  if (has_query) MORGUE_RETURN_IF_ERROR(CheckQuery(*db, filter.query, query));
  std::string sql = count_only ? "SELECT count(*)" : "SELECT a.id";
  if (search) {
    std::string open = text(options.open_mark);
    std::string close = text(options.close_mark);
    sql += ", articles_fts.rank, snippet(articles_fts, -1, " + open + ", " + close + ", '…', " +
           number(std::clamp(options.snippet_tokens, 1, 64)) + ")";
  }
  std::string origin_condition;
  if (filter.tag_origin == kTagOriginPage || filter.tag_origin == kTagOriginUser) {
    origin_condition = " AND at.origin IN (" + text(filter.tag_origin) + ", 'both')";
  } else if (!filter.tag_origin.empty()) {
    return Status::InvalidArgument("tag origin: '" + filter.tag_origin +
                                   "' is not an origin; use 'page' or 'user'");
  }
  const bool only_query = filter.tags.empty() && origin_condition.empty() &&
                          filter.author.empty() && filter.source.empty() && filter.since.empty() &&
                          filter.until.empty() && filter.ids.empty();
  if (has_query && count_only && only_query) {
    // Every indexed row is an article: counting needs no article read, only the index.
    return prepare(sql + " FROM articles_fts WHERE articles_fts MATCH " + text(query));
  }
  if (has_query) {
    sql +=
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH " +
        text(query);
  } else {
    sql += " FROM articles a WHERE 1";
  }
  for (const std::string& tag : filter.tags) {
    sql +=
        " AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id"
        " WHERE at.article_id = a.id AND t.name = " +
        text(NormalizeTag(tag)) + origin_condition + ")";
  }
  if (filter.tags.empty() && !origin_condition.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id" +
           origin_condition + ")";
  }
  if (!filter.author.empty()) {
    std::string pattern = text(LikePattern(filter.author));
    sql +=
        " AND EXISTS (SELECT 1 FROM article_authors aa JOIN authors au"
        " ON au.id = aa.author_id WHERE aa.article_id = a.id AND (au.name LIKE " +
        pattern + " ESCAPE '\\' OR au.email LIKE " + pattern + " ESCAPE '\\'))";
  }
  if (!filter.source.empty()) {
    std::string pattern = text(LikePattern(filter.source));
    std::string exact = text(filter.source);
    sql += " AND a.source_id IN (SELECT id FROM sources WHERE name LIKE " + pattern +
           " ESCAPE '\\' UNION SELECT source_id FROM source_aliases WHERE alias LIKE " + pattern +
           " ESCAPE '\\' UNION SELECT source_id FROM source_domains WHERE domain = " + exact + ")";
  }
  // Bounds compare with published_sort (see SortableDate) in its form, less the "Z", so
  // that a bound without an offset reads as UTC, an offset-less value as if it were UTC,
  // and a date bound as that UTC day.
  if (!filter.since.empty()) {
    if (!IsIso8601(filter.since)) {
      return Status::InvalidArgument("since: '" + filter.since + "' is not an ISO 8601 date");
    }
    sql += " AND a.published_sort >= " + text(SortableBound(filter.since));
  }
  if (!filter.until.empty()) {
    if (!IsIso8601(filter.until)) {
      return Status::InvalidArgument("until: '" + filter.until + "' is not an ISO 8601 date");
    }
    // Compares as many characters as the bound has, so "2011-01-04" takes in that day.
    std::string until = text(SortableBound(filter.until));
    sql += " AND substr(a.published_sort, 1, length(" + until + ")) <= " + until;
  }
  if (!filter.ids.empty()) {
    sql += " AND a.id IN (";
    for (size_t i = 0; i < filter.ids.size(); ++i) {
      sql += (i == 0 ? "" : ", ") + number(filter.ids[i]);
    }
    sql += ")";
  }
  if (filter.limit < -1 || filter.offset < 0) {
    return Status::InvalidArgument("limit and offset must not be negative");
  }
  SortOrder order = filter.order;
  if (order == SortOrder::kRelevance && !has_query) {
    return Status::InvalidArgument("ordering by relevance needs a full-text query");
  }
  if (count_only) return prepare(sql);  // ordering and paging change no count
  if (order == SortOrder::kDefault) {
    order = has_query ? SortOrder::kRelevance : SortOrder::kPublishedDesc;
  }
  switch (order) {
    case SortOrder::kRelevance:
      sql += " ORDER BY articles_fts.rank, a.id";
      break;
    case SortOrder::kDefault:
    case SortOrder::kPublishedDesc:
      sql += " ORDER BY a.published_sort IS NULL, a.published_sort DESC, a.id";
      break;
    case SortOrder::kPublishedAsc:
      sql += " ORDER BY a.published_sort IS NULL, a.published_sort, a.id";
      break;
    case SortOrder::kIdAsc:
      sql += " ORDER BY a.id";
      break;
    case SortOrder::kIdDesc:
      sql += " ORDER BY a.id DESC";
      break;
    case SortOrder::kTitle:
      sql += " ORDER BY a.title COLLATE NOCASE, a.id";
      break;
  }
  sql += " LIMIT " + number(filter.limit) + " OFFSET " + number(filter.offset);
  return prepare(sql);
}

Status QueryError(const Filter& filter, const Status& status) {
  // InvalidArgument is already the user's to fix, with its own message (CheckQuery).
  if (filter.query.empty() || status.ok() || status.code() == StatusCode::kInvalidArgument) {
    return status;
  }
  const std::string& message = status.message();
  bool bad_query = false;
  for (const char* sign :
       {"fts5", "syntax error", "unterminated string", "no such column", "unknown special query"}) {
    bad_query = bad_query || message.find(sign) != std::string::npos;
  }
  if (!bad_query) return status;
  return InvalidQuery(filter.query, status.message());
}

Status Archive::Find(const Filter& filter, const std::function<Status(const Article&)>& visit) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, false, {});
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return QueryError(filter, row.status());
    if (!*row) return Status::OK();
    Result<Article> article = impl_->Load(stmt->Int(0));
    if (!article.ok()) return article.status();
    MORGUE_RETURN_IF_ERROR(visit(*article));
  }
}

Result<Article> Archive::Get(int64_t id) { return impl_->Load(id); }

Result<std::vector<SearchHit>> Archive::Search(const Filter& filter, const SearchOptions& options) {
  Result<sql::Statement> stmt = impl_->PrepareSelect(filter, true, options);
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  std::vector<SearchHit> hits;
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return QueryError(filter, row.status());
    if (!*row) break;
    Result<Article> article = impl_->Load(stmt->Int(0));
    if (!article.ok()) return article.status();
    hits.push_back({std::move(article).value(), stmt->Double(1), stmt->Text(2)});
  }
  return hits;
}

Result<int64_t> Archive::Count(const Filter& filter) {
  Filter all = filter;
  all.limit = -1;
  all.offset = 0;
  Result<sql::Statement> stmt = impl_->PrepareSelect(all, false, {}, /*count_only=*/true);
  if (!stmt.ok()) return QueryError(filter, stmt.status());
  Result<bool> row = stmt->Step();
  if (!row.ok()) return QueryError(filter, row.status());
  return stmt->Int(0);
}

// ---------------------------------------------------------------------------------------
// Tags, removal, statistics

namespace {

Status RequireArticle(sql::Database& db, int64_t id) {
  Result<sql::Statement*> find = db.Cached("SELECT 1 FROM articles WHERE id = ?1");
  if (!find.ok()) return find.status();
  (*find)->Bind(1, id);
  Result<bool> row = (*find)->Step();
  if (!row.ok()) return row.status();
  (*find)->Reset();
  if (!*row) return Status::NotFound("no article with id " + std::to_string(id));
  return Status::OK();
}

}  // namespace

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
    Result<std::pair<int64_t, std::string>> resolved = impl_->ResolveTag(tag);
    if (!resolved.ok()) return resolved.status();
    Result<sql::Statement*> find =
        impl_->db->Cached("SELECT origin FROM article_tags WHERE article_id = ?1 AND tag_id = ?2");
    if (!find.ok()) return find.status();
    (*find)->Bind(1, id).Bind(2, resolved->first);
    Result<bool> had = (*find)->Step();
    const std::string origin = had.ok() && *had ? (*find)->Text(0) : "";
    (*find)->Reset();
    if (!had.ok()) return had.status();
    MORGUE_RETURN_IF_ERROR(impl_->LinkTag(id, {resolved->first, resolved->second, kTagOriginUser}));
    if (origin.empty()) {
      changes->changed.push_back(tag);
    } else if (origin == kTagOriginUser || origin == kTagOriginBoth) {
      changes->unchanged.push_back(tag);
    } else {
      changes->adopted.push_back(tag);
    }
  }
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
  std::vector<std::string> done;  // a tag named twice is removed once, and so reported
  for (const std::string& raw : tags) {
    const std::string tag = NormalizeTag(raw);
    if (std::find(done.begin(), done.end(), tag) != done.end()) continue;
    done.push_back(tag);
    // Remembered first (the tag's row may go once no article has it), so that importing
    // the article again does not bring the page's tag back. A tag only the user gave is
    // not remembered: no page gave it, so none is refused when a later page does.
    Result<sql::Statement*> remember = impl_->db->Cached(
        "INSERT INTO article_tags_removed(article_id, name, removed_at) "
        "SELECT at.article_id, t.name, ?3 FROM article_tags at JOIN tags t ON t.id = at.tag_id "
        "WHERE at.article_id = ?1 AND t.name = ?2 AND at.origin <> 'user' "
        "ON CONFLICT(article_id, name) DO UPDATE SET removed_at = excluded.removed_at");
    if (!remember.ok()) return remember.status();
    (*remember)->Bind(1, id).Bind(2, tag).Bind(3, now);
    MORGUE_RETURN_IF_ERROR((*remember)->Run());
    Result<sql::Statement*> unlink = impl_->db->Cached(
        "DELETE FROM article_tags WHERE article_id = ?1 "
        "AND tag_id IN (SELECT id FROM tags WHERE name = ?2)");
    if (!unlink.ok()) return unlink.status();
    (*unlink)->Bind(1, id).Bind(2, tag);
    MORGUE_RETURN_IF_ERROR((*unlink)->Run());
    // No row deleted: the article did not have the tag.
    (impl_->db->Changes() == 0 ? changes->unchanged : changes->changed).push_back(tag);
  }
  MORGUE_RETURN_IF_ERROR(
      impl_->db->Exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)"));
  return transaction.Commit();
}

Result<std::vector<TagCount>> Archive::Tags() {
  Result<sql::Statement> stmt = impl_->db->Prepare(
      "SELECT t.name, count(*) AS n, sum(at.origin IN ('page', 'both')), "
      "sum(at.origin IN ('user', 'both')) FROM tags t JOIN article_tags at ON at.tag_id = t.id "
      "GROUP BY t.id ORDER BY n DESC, t.name");
  if (!stmt.ok()) return stmt.status();
  std::vector<TagCount> tags;
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return tags;
    tags.push_back({stmt->Text(0), stmt->Int(1), stmt->Int(2), stmt->Int(3)});
  }
}

Status Archive::Remove(int64_t id) {
  sql::Transaction transaction(*impl_->db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_RETURN_IF_ERROR(RequireArticle(*impl_->db, id));
  Result<sql::Statement*> remove = impl_->db->Cached("DELETE FROM articles WHERE id = ?1");
  if (!remove.ok()) return remove.status();
  (*remove)->Bind(1, id);
  MORGUE_RETURN_IF_ERROR((*remove)->Run());
  MORGUE_RETURN_IF_ERROR(
      impl_->db->Exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)"));
  return transaction.Commit();
}

Result<ArchiveStats> Archive::Stats() {
  Result<sql::Statement> stmt = impl_->db->Prepare(R"sql(
    SELECT (SELECT count(*) FROM articles),
           (SELECT count(DISTINCT author_id) FROM article_authors),
           (SELECT count(DISTINCT source_id) FROM articles WHERE source_id IS NOT NULL),
           (SELECT count(*) FROM tags),
           (SELECT count(*) FROM documents),
           (SELECT coalesce(sum(size), 0) FROM documents),
           (SELECT coalesce(sum(length(content)), 0) FROM documents),
           (SELECT count(*) FROM imports),
           (SELECT published FROM articles WHERE published_sort IS NOT NULL
            ORDER BY published_sort LIMIT 1),
           (SELECT published FROM articles WHERE published_sort IS NOT NULL
            ORDER BY published_sort DESC LIMIT 1))sql");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  ArchiveStats stats;
  stats.schema_version = impl_->schema_version;
  stats.articles = stmt->Int(0);
  stats.authors = stmt->Int(1);
  stats.sources = stmt->Int(2);
  stats.tags = stmt->Int(3);
  stats.documents = stmt->Int(4);
  stats.document_bytes = stmt->Int(5);
  stats.stored_bytes = stmt->Int(6);
  stats.imports = stmt->Int(7);
  stats.earliest_published = stmt->Text(8);
  stats.latest_published = stmt->Text(9);
  std::error_code ec;
  auto size = std::filesystem::file_size(impl_->path, ec);
  stats.file_bytes = ec ? 0 : static_cast<int64_t>(size);
  return stats;
}

}  // namespace morgue

// ---------------------------------------------------------------------------------------
// Originals

namespace morgue {

Result<std::vector<DocumentInfo>> Archive::Documents(int64_t id) {
  Result<int64_t> exists =
      impl_->db->SelectId("SELECT id FROM articles WHERE id = ?1", std::to_string(id));
  if (!exists.ok()) return exists.status();
  if (*exists == 0) return Status::NotFound("no article with id " + std::to_string(id));
  Result<sql::Statement> stmt = impl_->db->Prepare(R"sql(
    SELECT d.id, d.original_path, d.size, d.sha256, d.media_type, d.plugin, d.plugin_version,
           d.imported_at
    FROM article_documents ad JOIN documents d ON d.id = ad.document_id
    WHERE ad.article_id = ?1 ORDER BY d.id)sql");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  std::vector<DocumentInfo> documents;
  while (true) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    documents.push_back({stmt->Int(0), stmt->Text(1), stmt->Int(2), stmt->Text(3), stmt->Text(4),
                         stmt->Text(5), stmt->Text(6), stmt->Text(7)});
  }
  return documents;
}

Status Archive::WriteOriginal(int64_t document_id,
                              const std::function<Status(std::string_view)>& write) {
  Result<sql::Statement> stmt =
      impl_->db->Prepare("SELECT size, sha256, compression FROM documents WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, document_id);
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("no document with id " + std::to_string(document_id));
  const auto size = static_cast<uint64_t>(stmt->Int(0));
  const std::string sha256 = stmt->Text(1);
  const std::string compression = stmt->Text(2);
  if (compression != "zlib" && compression != "none") {
    return Status::Corruption("document " + std::to_string(document_id) +
                              " is stored with unknown compression '" + compression + "'");
  }
  OriginalReader reader(compression == "zlib", write);
  Status read =
      impl_->db->ReadBlob("documents", "content", document_id,
                          [&reader](std::string_view piece) { return reader.Add(piece); });
  if (read.ok()) read = reader.Finish(size, sha256);
  if (!read.ok() && read.code() == StatusCode::kCorruption) {
    return Status::Corruption("document " + std::to_string(document_id) + ": " + read.message());
  }
  return read;
}

}  // namespace morgue
