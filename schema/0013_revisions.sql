-- morgue schema, migration 13: revisions. The same canonical URL imported again with a
-- changed title, subtitle, body, byline or publication date is a new revision of the same
-- article: the article takes the new values, and the values it had are kept here. So do
-- `morgue reextract --apply` (an archived original read again by a newer importer) and
-- `morgue revert` (back to the revision before).
--
-- An article never revised has no rows here (its one revision is the article itself).
-- Once revised, it has one row per revision, numbered from 1 in the order stored: when
-- it was stored, the original document it was read from, and the fields it changed. The
-- current revision's row holds no values (they are the article's own, in `articles`);
-- each earlier revision's row holds the values it had and when it was superseded.
ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
-- How many archived articles an import run revised (counted apart from its duplicates).
ALTER TABLE imports ADD COLUMN revised INTEGER NOT NULL DEFAULT 0;

CREATE TABLE article_revisions (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  revision      INTEGER NOT NULL CHECK (revision >= 1),
  stored_at     TEXT NOT NULL,    -- UTC, when this revision was archived
  document_id   INTEGER REFERENCES documents(id),  -- the original it was read from
  changed       TEXT NOT NULL DEFAULT '',  -- fields changed from the revision before: 'title body'
  -- What made it: 'import', 're-extraction by html 1.3.0', 'revert to revision 2'.
  origin        TEXT NOT NULL DEFAULT 'import',
  superseded_at TEXT,             -- UTC, when the next revision replaced it; NULL: current
  -- The values of a superseded revision (NULL on the current one, and for a value it
  -- did not have). `authors` is a JSON array of {"name", "email", "role"} in byline order;
  -- `provenance` a JSON object of the rules that produced its fields, as article_fields.
  title         TEXT,
  subtitle      TEXT,
  body          TEXT,
  summary       TEXT,
  published     TEXT,
  updated       TEXT,
  authors       TEXT,
  provenance    TEXT,
  PRIMARY KEY (article_id, revision)
);
