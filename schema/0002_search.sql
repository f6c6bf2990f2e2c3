-- morgue schema, migration 2: full-text search and the flattened view.

-- FTS5 over title, subtitle, body, authors and tags. External content: the text lives
-- once, in articles; the index reads it through this view.
CREATE VIEW article_search_source AS
  SELECT id, title, subtitle, body, authors_text AS authors, tags_text AS tags FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, subtitle, body, authors, tags,
  content = 'article_search_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');

-- Title hits weigh most, then the deck, authors and tags, then the body.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0, 3.0)');

CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text, OLD.tags_text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body, authors_text, tags_text
ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text, OLD.tags_text);
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
END;

-- Articles indexed before this migration (an upgraded archive).
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

-- One row per article with its authors and tags flattened, for sqlite3 and Datasette.
CREATE VIEW articles_flat AS
  SELECT a.id, a.title, a.subtitle,
         a.authors_text AS authors,
         (SELECT group_concat(email, '; ') FROM (
            SELECT au.email FROM article_authors aa JOIN authors au ON au.id = aa.author_id
            WHERE aa.article_id = a.id AND aa.role = 'author' AND au.email <> ''
            ORDER BY aa.position)) AS author_emails,
         a.published, a.updated,
         s.name AS source,
         a.url, a.canonical_url, a.language,
         a.tags_text AS tags,
         a.word_count, a.summary, a.body, a.added_at,
         (SELECT count(*) FROM article_documents d WHERE d.article_id = a.id) AS documents
  FROM articles a LEFT JOIN sources s ON s.id = a.source_id;
