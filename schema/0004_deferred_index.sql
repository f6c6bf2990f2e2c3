-- morgue schema, migration 4: an import indexes a batch's new articles in one statement.
--
-- FTS5 writes its buffered terms out to a new index segment whenever a savepoint opens
-- in the transaction, and every article insert (a statement with triggers) opens one; so
-- indexing each article as it was inserted, inside per-input savepoints, wrote a tiny
-- segment per article and then merged them. Now, during an import batch, morgue sets
-- 'fts_deferred_after' in morgue_settings to the highest article id before the batch,
-- inside its own transaction (never committed, so no other connection sees it): the
-- triggers leave articles above that id alone, and morgue indexes them all in one
-- statement just before the batch commits. Every other writer — morgue's other commands,
-- the sqlite3 shell, any tool — finds no such row and is indexed by the triggers as
-- before.

DROP TRIGGER articles_fts_ai;
DROP TRIGGER articles_fts_ad;
DROP TRIGGER articles_fts_au;

CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles
WHEN NEW.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), NEW.id)
BEGIN
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
END;

CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles
WHEN OLD.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), OLD.id)
BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text, OLD.tags_text);
END;

CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body, authors_text, tags_text
ON articles
WHEN OLD.id <= coalesce((SELECT CAST(value AS INTEGER) FROM morgue_settings
                         WHERE key = 'fts_deferred_after'), OLD.id)
BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
  VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text, OLD.tags_text);
  INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
  VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
END;
