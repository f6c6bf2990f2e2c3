-- morgue schema, migration 3: morgue's own bookkeeping.

-- Key/value settings, e.g. 'publications_sha256': which version of the publications
-- directory (schema/publications.tsv) the sources tables were last seeded from.
CREATE TABLE morgue_settings (
  key           TEXT PRIMARY KEY,
  value         TEXT NOT NULL
) WITHOUT ROWID;
