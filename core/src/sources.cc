// Publications in the archive: seeding from the shipped directory, the user's own
// entries, listing.

#include <algorithm>

#include "archive_impl.h"
#include "morgue/text.h"
#include "storage_codec.h"

namespace morgue {

std::string_view EmbeddedPublicationsTsv();  // embedded_publications.cc

namespace {

Result<std::string> Setting(sql::Database& db, const std::string& key) {
  MORGUE_ASSIGN_OR_RETURN(auto* get, db.Cached("SELECT value FROM morgue_settings WHERE key = ?1"));
  get->Bind(1, key);
  MORGUE_ASSIGN_OR_RETURN(bool row, get->Step());
  std::string value = row ? get->Text(0) : std::string();
  get->Reset();
  return value;
}

Status SetSetting(sql::Database& db, const std::string& key, const std::string& value) {
  MORGUE_ASSIGN_OR_RETURN(auto* set,
                          db.Cached("INSERT INTO morgue_settings(key, value) VALUES (?1, ?2) "
                                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  set->Bind(1, key).Bind(2, value);
  return set->Run();
}

// Links `domains` and `aliases` to source `id`; with `strict`, one that already names
// another source is an error, otherwise it is left with that source.
Status LinkNames(sql::Database& db, int64_t id, const Publication& p, bool strict) {
  struct Kind {
    const char* table;
    const char* column;
    const std::vector<std::string>* values;
  };
  for (const Kind& kind : {Kind{"source_domains", "domain", &p.domains},
                           Kind{"source_aliases", "alias", &p.aliases}}) {
    for (const std::string& raw : *kind.values) {
      std::string value = kind.values == &p.domains ? LowerAscii(raw) : raw;
      if (value.empty()) continue;
      MORGUE_ASSIGN_OR_RETURN(
          auto* owner,
          db.Cached(std::string("SELECT s.id, s.name FROM ") + kind.table +
                    " x JOIN sources s ON s.id = x.source_id WHERE " +
                    db.dialect().EqualIgnoringCase(std::string("x.") + kind.column, "?1")));
      owner->Bind(1, value);
      MORGUE_ASSIGN_OR_RETURN(bool row, owner->Step());
      if (row) {
        int64_t owner_id = owner->Int(0);
        std::string owner_name = owner->Text(1);
        owner->Reset();
        if (owner_id != id && strict) {
          std::string message = kind.column;
          message += " '" + value + "' already belongs to '" + owner_name + "'";
          return Status::InvalidArgument(message);
        }
        continue;
      }
      owner->Reset();
      MORGUE_ASSIGN_OR_RETURN(
          auto* insert, db.Cached(std::string("INSERT INTO ") + kind.table + "(" + kind.column +
                                  ", source_id) VALUES (?1, ?2)"));
      insert->Bind(1, value).Bind(2, id);
      MORGUE_RETURN_IF_ERROR(insert->Run());
    }
  }
  return Status::OK();
}

}  // namespace

Result<int64_t> FindSource(sql::Database& db, std::string_view name) {
  const sql::Dialect& dialect = db.dialect();
  for (const std::string& sql :
       {"SELECT id FROM sources WHERE " + dialect.EqualIgnoringCase("name", "?1"),
        "SELECT source_id FROM source_aliases WHERE " + dialect.EqualIgnoringCase("alias", "?1")}) {
    Result<int64_t> id = db.SelectId(sql, name);
    if (!id.ok() || *id != 0) return id;
  }
  return int64_t{0};
}

Status SeedPublications(sql::Database& db) {
  const std::string version = Sha256Hex(EmbeddedPublicationsTsv());
  MORGUE_ASSIGN_OR_RETURN(std::string seeded, Setting(db, "publications_sha256"));
  if (seeded == version) return Status::OK();

  sql::Transaction transaction(db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  // Another process opening the archive at the same time may have seeded it meanwhile.
  MORGUE_ASSIGN_OR_RETURN(seeded, Setting(db, "publications_sha256"));
  if (seeded == version) return Status::OK();
  for (const Publication& p : PublicationDirectory::Builtin().publications()) {
    MORGUE_ASSIGN_OR_RETURN(int64_t id, FindSource(db, p.name));
    if (id == 0) {
      MORGUE_ASSIGN_OR_RETURN(auto* insert,
                              db.Cached("INSERT INTO sources(name, country, language, origin) "
                                        "VALUES (?1, ?2, ?3, 'directory')"));
      insert->Bind(1, p.name).BindTextOrNull(2, p.country).BindTextOrNull(3, p.language);
      MORGUE_ASSIGN_OR_RETURN(id, insert->RunForId());
    } else {
      // A source first seen on an import becomes the directory's entry; the user's own
      // entries are never touched.
      MORGUE_ASSIGN_OR_RETURN(
          auto* update,
          db.Cached("UPDATE sources SET country = ?2, language = ?3, origin = 'directory' "
                    "WHERE id = ?1 AND origin <> 'user'"));
      update->Bind(1, id).BindTextOrNull(2, p.country).BindTextOrNull(3, p.language);
      MORGUE_RETURN_IF_ERROR(update->Run());
    }
    MORGUE_RETURN_IF_ERROR(LinkNames(db, id, p, /*strict=*/false));
  }
  MORGUE_RETURN_IF_ERROR(SetSetting(db, "publications_sha256", version));
  return transaction.Commit();
}

Result<int64_t> Archive::AddSource(const Publication& publication) {
  Publication p = publication;
  p.name.erase(0, p.name.find_first_not_of(" \t"));
  p.name.erase(p.name.find_last_not_of(" \t") + 1);
  if (p.name.empty()) {
    return Status::InvalidArgument("a publication needs a name");
  }
  for (std::string& domain : p.domains) {
    domain = LowerAscii(domain);
    if (domain.find('.') == std::string::npos ||
        domain.find_first_of(" /:@") != std::string::npos) {
      return Status::InvalidArgument("'" + domain +
                                     "' is not a domain; write it as example.com, without "
                                     "scheme or path");
    }
  }
  sql::Database& db = *impl_->db;
  sql::Transaction transaction(db);
  MORGUE_RETURN_IF_ERROR(transaction.Begin());
  MORGUE_ASSIGN_OR_RETURN(int64_t id, FindSource(db, p.name));
  if (id == 0) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* insert,
        db.Cached(
            "INSERT INTO sources(name, country, language, origin) VALUES (?1, ?2, ?3, 'user')"));
    insert->Bind(1, p.name).BindTextOrNull(2, p.country).BindTextOrNull(3, p.language);
    MORGUE_ASSIGN_OR_RETURN(id, insert->RunForId());
  } else if (!p.country.empty() || !p.language.empty()) {
    MORGUE_ASSIGN_OR_RETURN(
        auto* update, db.Cached("UPDATE sources SET country = coalesce(nullif(?2, ''), country), "
                                "language = coalesce(nullif(?3, ''), language) WHERE id = ?1"));
    update->Bind(1, id).Bind(2, p.country).Bind(3, p.language);
    MORGUE_RETURN_IF_ERROR(update->Run());
  }
  MORGUE_RETURN_IF_ERROR(LinkNames(db, id, p, /*strict=*/true));
  MORGUE_RETURN_IF_ERROR(transaction.Commit());
  return id;
}

Result<std::vector<SourceInfo>> Archive::Sources(const std::string& match) {
  sql::Database& db = *impl_->db;
  std::string pattern = "%";
  for (char c : match) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c);
  }
  pattern.push_back('%');
  const std::string like(db.dialect().like_ignoring_case);
  MORGUE_ASSIGN_OR_RETURN(
      sql::Statement stmt,
      db.Prepare("SELECT s.id, s.name, s.country, s.language, s.origin, "
                 "(SELECT count(*) FROM articles a WHERE a.source_id = s.id) FROM sources s "
                 "WHERE s.name " +
                 like +
                 " ?1 ESCAPE '\\' "
                 "OR s.id IN (SELECT source_id FROM source_aliases WHERE alias " +
                 like +
                 " ?1 ESCAPE '\\') "
                 "OR s.id IN (SELECT source_id FROM source_domains WHERE domain " +
                 like + " ?1 ESCAPE '\\') ORDER BY " + db.dialect().ignoring_case("s.name")));
  stmt.Bind(1, pattern);
  std::vector<SourceInfo> sources;
  while (true) {
    MORGUE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    SourceInfo info;
    info.id = stmt.Int(0);
    info.name = stmt.Text(1);
    info.country = stmt.Text(2);
    info.language = stmt.Text(3);
    info.origin = stmt.Text(4);
    info.articles = stmt.Int(5);
    sources.push_back(std::move(info));
  }
  // Domains and aliases in the order of their text: the same in every store and after a
  // copy (which writes them in that order), unlike the order they were added in.
  const std::string domains = "SELECT domain FROM source_domains WHERE source_id = ?1 ORDER BY " +
                              db.dialect().ignoring_case("domain");
  const std::string aliases = "SELECT alias FROM source_aliases WHERE source_id = ?1 ORDER BY " +
                              db.dialect().ignoring_case("alias");
  for (SourceInfo& info : sources) {
    for (auto [sql, target] :
         {std::pair{&domains, &info.domains}, std::pair{&aliases, &info.aliases}}) {
      MORGUE_ASSIGN_OR_RETURN(auto* names, db.Cached(*sql));
      names->Bind(1, info.id);
      while (true) {
        MORGUE_ASSIGN_OR_RETURN(bool row, names->Step());
        if (!row) break;
        target->push_back(names->Text(0));
      }
    }
  }
  return sources;
}

}  // namespace morgue
