// Opening an archive: telling a morgue archive from other files and from other SQLite
// databases, creating one, bringing its schema up to date (or refusing to, read-only), and
// what it knows of itself (its path, its schema version).

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "archive_impl.h"
#include "copy_tables.h"
#include "migrator.h"
#include "morgue/archive.h"
#include "postgres_connection.h"
#include "postgres_migrator.h"
#include "postgres_sql.h"
#include "sqlite.h"

namespace morgue {

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
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement stmt,
      db.Prepare("SELECT (SELECT application_id FROM pragma_application_id), "
                 "(SELECT user_version FROM pragma_user_version), "
                 "(SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name LIMIT 1)"));
  MORGUE_RETURN_IF_ERROR(stmt.Step().status());
  identity.application_id = stmt.Int(0);
  identity.user_version = static_cast<int>(stmt.Int(1));
  identity.first_table = stmt.Text(2);
  return identity;
}

// A copy into the archive began and did not finish (morgue/copy.h): it holds part of
// another archive, so nothing may read or write it until the copy is run again.
Status RefuseUnfinishedCopy(sql::Database& db, const std::filesystem::path& path) {
  MORGUE_ASSIGN_OR_RETURN(sql::Statement marker,
                          db.Prepare("SELECT value FROM morgue_settings WHERE key = '" +
                                     std::string(copy::kCopyMarkerKey) + "'"));
  MORGUE_ASSIGN_OR_RETURN(bool found, marker.Step());
  if (!found) return Status::OK();
  return Status::NotSupported("archive '" + path.string() + "' is being copied into from '" +
                              marker.Text(0) +
                              "' and that copy did not finish: run the same 'morgue copy' "
                              "again to finish it");
}

// The scheme of a location written as a URI ("postgresql"), or "" for a path.
std::string_view UriScheme(std::string_view location) {
  const size_t end = location.find("://");
  if (end == std::string_view::npos || end == 0) return {};
  const std::string_view scheme = location.substr(0, end);
  const bool letters = std::all_of(scheme.begin(), scheme.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '+' || c == '-' || c == '.';
  });
  return letters ? scheme : std::string_view();
}

}  // namespace

// A PostgreSQL archive (schema/postgresql/): read, and edited (tags, removals, sources);
// new articles and revisions come in through `morgue copy` alone for now, and there is no
// search yet (Impl::stores_articles, Impl::searchable).
Result<std::unique_ptr<Archive>> Archive::OpenPostgres(const std::string& location,
                                                       const OpenOptions& options) {
  const std::string name = pg::DisplayName(location);
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<pg::Connection> connection,
                          pg::Connection::Open(location));
  MORGUE_ASSIGN_OR_RETURN(int version, pg::SchemaVersion(*connection));
  const int newest = EmbeddedPostgresMigrations().back().version;
  if (version == 0 && options.create_if_missing) {
    return Status::NotSupported("archive '" + name +
                                "': this morgue makes an archive in PostgreSQL by copying one "
                                "there: 'morgue copy FILE " +
                                name + "' into an empty database");
  }
  if (version == 0) {
    return Status::NotFound("no archive at '" + name + "': the database holds no morgue schema");
  }
  if (version != newest) {
    return Status::NotSupported(
        "archive '" + name + "' has schema version " + std::to_string(version) +
        "; this morgue needs " + std::to_string(newest) +
        (version > newest ? ": it was made by a newer morgue; upgrade morgue to open it"
                          : "; copy the archive there again, from the file it came from, into "
                            "an empty database"));
  }
  auto impl = std::make_unique<Impl>();
  impl->db =
      std::make_unique<sql::PostgresDatabase>(std::move(connection), options.busy_timeout_ms);
  impl->path = name;
  impl->schema_version = version;
  impl->searchable = false;
  impl->stores_articles = false;
  impl->link_text_by_triggers = false;
  MORGUE_RETURN_IF_ERROR(RefuseUnfinishedCopy(*impl->db, name));
  // (An upgrade cut short never reaches the server: `morgue copy` refuses such a file.)
  if (!options.read_only) {
    MORGUE_RETURN_IF_ERROR(SeedPublications(*impl->db));
    MORGUE_RETURN_IF_ERROR(impl->MergePendingBands());
  }
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

std::string ArchiveDisplayName(std::string_view location) {
  if (pg::IsPostgresLocation(location)) return pg::DisplayName(location);
  const std::string_view scheme = UriScheme(location);
  if (scheme.empty()) return std::string(location);
  // scheme://user:password@host/...: the user part without its password.
  const size_t authority = scheme.size() + 3;
  const size_t authority_end = location.find_first_of("/?#", authority);
  const std::string_view host_part = location.substr(authority, authority_end - authority);
  const size_t at = host_part.rfind('@');
  const size_t colon = host_part.find(':');
  if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) {
    return std::string(location);
  }
  return std::string(location.substr(0, authority + colon)) +
         std::string(location.substr(authority + at));
}

int Archive::LatestSchemaVersion() {
  const auto& migrations = EmbeddedMigrations();
  return migrations.empty() ? 0 : migrations.back().version;
}

Result<std::unique_ptr<Archive>> Archive::Open(const std::filesystem::path& path,
                                               const OpenOptions& options) {
  // A PostgreSQL location is no file name: refused by name, without its password, before
  if (pg::IsPostgresLocation(path.string())) return OpenPostgres(path.string(), options);
  const std::string location = path.string();
  if (const std::string_view scheme = UriScheme(location); !scheme.empty()) {
    return Status::InvalidArgument("archive '" + ArchiveDisplayName(location) +
                                   "': a morgue archive is a SQLite file, named by its path; '" +
                                   std::string(scheme) + "://' names none");
  }
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
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<sql::SqliteDatabase> db,
                          sql::SqliteDatabase::Open(path, options.create_if_missing,
                                                    options.read_only, options.busy_timeout_ms));
  sql::SqliteDatabase& file = *db;
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(db);
  impl->path = path;
  MORGUE_ASSIGN_OR_RETURN(Identity identity, ReadIdentity(*impl->db));
  // Never turn someone else's SQLite file into an archive.
  if (identity.application_id != 0 && identity.application_id != kApplicationId) {
    return Status::InvalidArgument("'" + path.string() +
                                   "' is a SQLite database of another application, not a morgue "
                                   "archive; name another file with --archive");
  }
  if (identity.user_version == 0 && !identity.first_table.empty()) {
    return Status::InvalidArgument("'" + path.string() +
                                   "' is a SQLite database but not a morgue archive (it holds '" +
                                   identity.first_table + "'); name another file with --archive");
  }
  if (options.read_only) {
    impl->schema_version = identity.user_version;
    if (impl->schema_version != LatestSchemaVersion()) {
      return Status::NotSupported("archive '" + path.string() + "' has schema version " +
                                  std::to_string(impl->schema_version) + "; this morgue needs " +
                                  std::to_string(LatestSchemaVersion()) +
                                  " and cannot upgrade it read-only");
    }
    // An upgrade whose work on the articles was cut short (the process stopped) leaves
    // articles unsearched or unlinked: only an open that writes can finish it.
    MORGUE_ASSIGN_OR_RETURN(sql::Statement pending,
                            impl->db->Prepare("SELECT 1 FROM morgue_settings WHERE key IN "
                                              "('search_index_after', 'story_signatures_after')"));
    MORGUE_ASSIGN_OR_RETURN(bool unfinished, pending.Step());
    MORGUE_RETURN_IF_ERROR(RefuseUnfinishedCopy(*impl->db, path));
    if (unfinished) {
      return Status::NotSupported("archive '" + path.string() +
                                  "' has an upgrade left unfinished (indexing or signing the "
                                  "articles archived before it was cut short), which cannot be "
                                  "finished read-only; open it once where it can be written");
    }
  } else {
    MORGUE_ASSIGN_OR_RETURN(int version, Migrate(file, EmbeddedMigrations()));
    MORGUE_RETURN_IF_ERROR(RefuseUnfinishedCopy(*impl->db, path));
    MORGUE_RETURN_IF_ERROR(file.UseWal());
    impl->schema_version = version;
    if (identity.application_id != kApplicationId) {
      MORGUE_RETURN_IF_ERROR(
          impl->db->Exec("PRAGMA application_id = " + std::to_string(kApplicationId)));
    }
    MORGUE_RETURN_IF_ERROR(SeedPublications(*impl->db));
    impl->on_upgrade_progress = options.on_upgrade_progress;
    MORGUE_RETURN_IF_ERROR(impl->ReindexArchivedArticles());
    MORGUE_RETURN_IF_ERROR(impl->SignArchivedStories());
    MORGUE_RETURN_IF_ERROR(impl->MergePendingBands());
  }
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

const std::filesystem::path& Archive::path() const { return impl_->path; }
int Archive::schema_version() const { return impl_->schema_version; }

}  // namespace morgue
