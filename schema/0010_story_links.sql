-- Articles that tell the same story, and what finds them.
--
-- article_links: one row per pair of linked articles, the lower id first; a story cluster
-- is a set of articles joined by links. 'copy': another outlet's article with exactly the
-- same body (normalised body hash), an article of its own because its canonical URL or
-- its publication differs (similarity 1). 'near': a near-duplicate, the same story with
-- changes (similarity: the estimated Jaccard similarity of the two bodies' shingles).
CREATE TABLE article_links (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  other_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  kind          TEXT NOT NULL CHECK (kind IN ('copy', 'near')),
  similarity    REAL NOT NULL CHECK (similarity > 0 AND similarity <= 1),
  linked_at     TEXT NOT NULL,
  CHECK (article_id < other_id),
  PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX article_links_other ON article_links(other_id);

-- story_signatures: each body's MinHash signature (core/src/story_signature.h): how many
-- distinct shingles it has, and the least hash of each of 64 functions (4 bytes each,
-- little-endian). story_bands: the signature's 16 band keys, for finding the articles
-- that share one. Bodies too short to sign have neither.
CREATE TABLE story_signatures (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  shingles      INTEGER NOT NULL,
  minhash       BLOB NOT NULL
);
CREATE TABLE story_bands (
  band_key      INTEGER NOT NULL,
  article_id    INTEGER NOT NULL,
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

-- The articles archived before: signed (and linked) when morgue next opens the archive
-- to write, from the lowest id up.
INSERT INTO morgue_settings(key, value)
  SELECT 'story_signatures_after', 0 WHERE EXISTS (SELECT 1 FROM articles);
