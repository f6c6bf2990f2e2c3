-- Where each tag of an article came from, so that a user can tell the tags a page gave
-- from the ones they added: 'page' (an importer read it from the input), 'user' (`morgue
-- tag`, `morgue import --tag`), 'both', or 'unknown' for the tags archived before this
-- migration, when morgue did not record it. A tag added by any other tool is 'unknown'.
ALTER TABLE article_tags ADD COLUMN origin TEXT NOT NULL DEFAULT 'unknown'
  CHECK (origin IN ('page', 'user', 'both', 'unknown'));

-- The tags a user removed from an article (`morgue untag`), by name, so that importing
-- the article again does not bring a page's tag back. Adding the tag by hand forgets the
-- removal. Names compare without regard to ASCII case, as tags.name does.
CREATE TABLE article_tags_removed (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name          TEXT NOT NULL COLLATE NOCASE,
  removed_at    TEXT NOT NULL,
  PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
