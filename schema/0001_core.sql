-- morgue schema, migration 1: articles and everything hanging off them.
-- Append-only: never edit a released migration; add a new numbered file instead.
-- Every table and column is documented in schema/README.md.

CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE,  -- canonical name, e.g. 'Korea Times'
  homepage      TEXT,
  country       TEXT,   -- ISO 3166-1 alpha-2, when known
  language      TEXT,   -- BCP 47, when known
  origin        TEXT NOT NULL DEFAULT 'import'  -- 'directory', 'user' or 'import'
);

CREATE TABLE source_domains (
  domain        TEXT PRIMARY KEY COLLATE NOCASE,  -- e.g. 'koreatimes.co.kr'
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);

CREATE TABLE source_aliases (
  alias         TEXT PRIMARY KEY COLLATE NOCASE,  -- e.g. 'The Korea Times'
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after rm
  title         TEXT,
  subtitle      TEXT,
  body          TEXT,
  summary       TEXT,
  language      TEXT,
  url           TEXT,
  canonical_url TEXT,
  url_key       TEXT,   -- normalised canonical URL (or URL) used for dedup
  published     TEXT,   -- ISO 8601 as the source gave it
  updated       TEXT,   -- ISO 8601
  source_id     INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  word_count    INTEGER NOT NULL DEFAULT 0,
  body_hash     TEXT,   -- hex SHA-256 of the normalised body, used for dedup
  authors_text  TEXT NOT NULL DEFAULT '',  -- derived: author names in order, for search
  tags_text     TEXT NOT NULL DEFAULT '',  -- derived: tag names, for search
  added_at      TEXT NOT NULL   -- UTC, when first archived
);
CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_body_hash ON articles(body_hash) WHERE body_hash IS NOT NULL;
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);

CREATE TABLE authors (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  email         TEXT NOT NULL DEFAULT '',
  UNIQUE (name, email)
);

-- Links are written before their article row (see core/src/archive.cc), so the foreign
-- keys to articles are checked at commit.
CREATE TABLE article_authors (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  author_id     INTEGER NOT NULL REFERENCES authors(id),
  position      INTEGER NOT NULL,           -- 0 for the first name of the byline
  role          TEXT NOT NULL DEFAULT 'author',  -- 'author' or 'poster'
  PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_author ON article_authors(author_id);

CREATE TABLE tags (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE article_tags (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  tag_id        INTEGER NOT NULL REFERENCES tags(id),
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id);

CREATE TABLE media (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  position      INTEGER NOT NULL,
  url           TEXT,
  caption       TEXT,
  credit        TEXT,
  UNIQUE (article_id, position)
);

-- Which rule produced each metadata field of an article.
CREATE TABLE article_fields (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  field         TEXT NOT NULL,
  rule          TEXT NOT NULL,
  PRIMARY KEY (article_id, field)
) WITHOUT ROWID;

CREATE TABLE imports (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  command       TEXT,
  morgue_version TEXT NOT NULL,
  inputs        INTEGER NOT NULL DEFAULT 0,
  imported      INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0,
  failed        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_failures (
  import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  input         TEXT NOT NULL,
  plugin        TEXT,
  reason        TEXT NOT NULL
);
CREATE INDEX import_failures_import ON import_failures(import_id);

-- The original bytes of every input, stored once per distinct content.
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,  -- of the original bytes
  size          INTEGER NOT NULL,      -- original size in bytes
  media_type    TEXT,
  original_path TEXT,                  -- path or '<stdin>' as first imported
  plugin        TEXT,
  plugin_version TEXT,
  imported_at   TEXT NOT NULL,
  import_id     INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  compression   TEXT NOT NULL,         -- 'zlib' (RFC 1950) or 'none'
  content       BLOB NOT NULL
);

CREATE TABLE article_documents (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  document_id   INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY (article_id, document_id)
) WITHOUT ROWID;
CREATE INDEX article_documents_document ON article_documents(document_id);

-- Keep the derived search columns in step with the link tables, whoever edits them.
-- The guard skips the UPDATE (and so the reindexing) when nothing changed.
CREATE TRIGGER article_authors_sync_ai AFTER INSERT ON article_authors BEGIN
  UPDATE articles SET authors_text = (
    SELECT coalesce(group_concat(name, '; '), '') FROM (
      SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
      WHERE aa.article_id = NEW.article_id AND aa.role = 'author' ORDER BY aa.position))
  WHERE id = NEW.article_id AND authors_text IS NOT (
    SELECT coalesce(group_concat(name, '; '), '') FROM (
      SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
      WHERE aa.article_id = NEW.article_id AND aa.role = 'author' ORDER BY aa.position));
END;
CREATE TRIGGER article_authors_sync_ad AFTER DELETE ON article_authors BEGIN
  UPDATE articles SET authors_text = (
    SELECT coalesce(group_concat(name, '; '), '') FROM (
      SELECT au.name FROM article_authors aa JOIN authors au ON au.id = aa.author_id
      WHERE aa.article_id = OLD.article_id AND aa.role = 'author' ORDER BY aa.position))
  WHERE id = OLD.article_id;
END;
CREATE TRIGGER article_tags_sync_ai AFTER INSERT ON article_tags BEGIN
  UPDATE articles SET tags_text = (
    SELECT coalesce(group_concat(name, '; '), '') FROM (
      SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = NEW.article_id ORDER BY t.name))
  WHERE id = NEW.article_id;
END;
CREATE TRIGGER article_tags_sync_ad AFTER DELETE ON article_tags BEGIN
  UPDATE articles SET tags_text = (
    SELECT coalesce(group_concat(name, '; '), '') FROM (
      SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
      WHERE at.article_id = OLD.article_id ORDER BY t.name))
  WHERE id = OLD.article_id;
END;
