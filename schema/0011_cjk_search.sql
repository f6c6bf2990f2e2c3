-- morgue schema, migration 11: Korean, Japanese and Chinese words found within longer text.
--
-- The unicode61 tokenizer makes a whole run of CJK characters one token, so "협정" did not
-- find "군사협정" or "협정을". Each article now keeps the grams of its title, deck and
-- body (core/src/search_grams.h): every run of CJK characters as its overlapping pairs,
-- then its last character alone ("군사협정을" → "군사 사협 협정 정을 을"); NULL when the
-- text has none. The index reads each column's text followed by its grams, so a query
-- for 협정 may ask for the token 협정 anywhere, and 군사협정 for the phrase
-- "군사 사협 협정". Plain unicode61 tokens still: sqlite3 and Datasette search the index
-- as before (schema/README.md shows how).

ALTER TABLE articles ADD COLUMN title_grams TEXT;
ALTER TABLE articles ADD COLUMN subtitle_grams TEXT;
ALTER TABLE articles ADD COLUMN body_grams TEXT;

DROP VIEW article_search_source;
CREATE VIEW article_search_source AS
  SELECT id,
         coalesce(title || char(10) || nullif(title_grams, ''), title) AS title,
         coalesce(subtitle || char(10) || nullif(subtitle_grams, ''), subtitle) AS subtitle,
         coalesce(body || char(10) || nullif(body_grams, ''), body) AS body,
         authors_text AS authors, tags_text AS tags
  FROM articles;

-- The triggers of migration 4, indexing the same text as the view.
DROP TRIGGER articles_fts_ai;
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;

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
          coalesce(OLD.title || char(10) || nullif(OLD.title_grams, ''), OLD.title),
          coalesce(OLD.subtitle || char(10) || nullif(OLD.subtitle_grams, ''), OLD.subtitle),
          coalesce(OLD.body || char(10) || nullif(OLD.body_grams, ''), OLD.body),
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
          coalesce(OLD.title || char(10) || nullif(OLD.title_grams, ''), OLD.title),
          coalesce(OLD.subtitle || char(10) || nullif(OLD.subtitle_grams, ''), OLD.subtitle),
          coalesce(OLD.body || char(10) || nullif(OLD.body_grams, ''), OLD.body),
          OLD.authors_text, OLD.tags_text);
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  SELECT id, title, subtitle, body, authors, tags FROM article_search_source
  WHERE id = NEW.id;
END;

-- The articles archived before get their grams (and are indexed again) when morgue next
-- opens the archive to write, from the lowest id up, with a progress line.
INSERT INTO morgue_settings(key, value)
  SELECT 'search_grams_after', 0 WHERE EXISTS (SELECT 1 FROM articles);
