-- morgue's PostgreSQL store, migration 2: every text column compares and sorts by its
-- bytes (collation "C"), as SQLite's default BINARY collation does, whatever locale the
-- database was created with. Under a language's collation (en_US.UTF-8, de_DE.UTF-8...)
-- the same query would order tags, titles and sources differently on each store, and
-- would compare the sortable publication dates ("2011-01-04T08:26:00") while ignoring
-- their punctuation. Indexes on these columns are rebuilt by the change; the view that
-- reads them is made again as it was.
DROP VIEW articles_flat;

DO $$
DECLARE
  col record;
BEGIN
  FOR col IN
    SELECT c.table_name, c.column_name
    FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND c.data_type = 'text' AND c.collation_name IS DISTINCT FROM 'C'
    ORDER BY c.table_name, c.ordinal_position
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"',
                   col.table_name, col.column_name);
  END LOOP;
END
$$;

CREATE VIEW articles_flat AS
  SELECT a.id, a.title, a.subtitle,
         a.authors_text AS authors,
         (SELECT string_agg(au.email, '; ' ORDER BY aa.position)
            FROM article_authors aa JOIN authors au ON au.id = aa.author_id
           WHERE aa.article_id = a.id AND aa.role = 'author' AND au.email <> '')
           AS author_emails,
         a.published, a.updated,
         s.name AS source,
         a.url, a.canonical_url, a.language,
         a.tags_text AS tags,
         a.word_count, a.summary, a.body, a.added_at,
         (SELECT count(*) FROM article_documents d WHERE d.article_id = a.id) AS documents
  FROM articles a LEFT JOIN sources s ON s.id = a.source_id;
