-- morgue schema, migration 11: Korean, Japanese and Chinese words found within longer text.
--
-- The unicode61 tokenizer makes a whole run of CJK characters one token, so "협정" did not
-- find "군사협정" or "협정을". Each article now keeps the grams of its title, deck and
-- body (core/src/search_grams.h): every run of CJK characters as its overlapping pairs,
-- then its last character alone ("군사협정을" → "군사 사협 협정 정을 을"); NULL when the
-- text has none. The index reads each column's text, then U+E000 (a private-use
-- character: one token no query asks for, so that no phrase runs from the text's last word
-- into the grams), then its grams. A query for 협정 asks for the token 협정 anywhere, for
-- 군사협정 the phrase "군사 사협 협정", for one character 협 every token starting with it,
-- which a prefix index of one character answers at once. Plain unicode61 tokens still:
-- sqlite3 and Datasette search the index as before (schema/README.md shows how).
--
-- The index is made anew (with its prefix index). morgue fills it, and the grams of the
-- articles archived before, when it next opens the archive to write, in one transaction,
-- with a progress line; until then the 'search_index_after' mark stays and read-only
-- opens refuse the archive.

ALTER TABLE articles ADD COLUMN title_grams TEXT;
ALTER TABLE articles ADD COLUMN subtitle_grams TEXT;
ALTER TABLE articles ADD COLUMN body_grams TEXT;

DROP TRIGGER articles_fts_ai;
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;
DROP TABLE articles_fts;
DROP VIEW article_search_source;

CREATE VIEW article_search_source AS
  SELECT id,
         coalesce(title || char(10, 57344, 10) || nullif(title_grams, ''), title) AS title,
         coalesce(subtitle || char(10, 57344, 10) || nullif(subtitle_grams, ''), subtitle) AS subtitle,
         coalesce(body || char(10, 57344, 10) || nullif(body_grams, ''), body) AS body,
         authors_text AS authors, tags_text AS tags
  FROM articles;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, subtitle, body, authors, tags,
  content = 'article_search_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0, 3.0)');

-- The triggers of migration 4, indexing the same text as the view.
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles
WHEN NEW.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), NEW.id)
BEGIN
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  SELECT id, title, subtitle, body, authors, tags FROM article_search_source
  WHERE id = NEW.id;
END;

CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles
WHEN OLD.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), OLD.id)
BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id,
          coalesce(OLD.title || char(10, 57344, 10) || nullif(OLD.title_grams, ''), OLD.title),
          coalesce(OLD.subtitle || char(10, 57344, 10) || nullif(OLD.subtitle_grams, ''), OLD.subtitle),
          coalesce(OLD.body || char(10, 57344, 10) || nullif(OLD.body_grams, ''), OLD.body),
          OLD.authors_text, OLD.tags_text);
END;

CREATE TRIGGER articles_fts_au
AFTER UPDATE OF title, subtitle, body, authors_text, tags_text, title_grams, subtitle_grams,
                body_grams ON articles
WHEN OLD.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), OLD.id)
BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id,
          coalesce(OLD.title || char(10, 57344, 10) || nullif(OLD.title_grams, ''), OLD.title),
          coalesce(OLD.subtitle || char(10, 57344, 10) || nullif(OLD.subtitle_grams, ''), OLD.subtitle),
          coalesce(OLD.body || char(10, 57344, 10) || nullif(OLD.body_grams, ''), OLD.body),
          OLD.authors_text, OLD.tags_text);
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  SELECT id, title, subtitle, body, authors, tags FROM article_search_source
  WHERE id = NEW.id;
END;

INSERT INTO morgue_settings(key, value)
  SELECT 'search_index_after', 0 WHERE EXISTS (SELECT 1 FROM articles);
