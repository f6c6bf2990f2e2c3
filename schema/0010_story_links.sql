-- Articles that tell the same story. 'copy': another outlet's article with exactly the same
-- body (the same normalised body hash), which is an article of its own because its
-- canonical URL or its publication differs. A pair is stored once, the lower id first;
-- a story cluster is a set of articles joined by links. Removing an article removes its
-- links.
CREATE TABLE article_links (
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  other_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  kind          TEXT NOT NULL CHECK (kind IN ('copy')),
  similarity    REAL NOT NULL CHECK (similarity > 0 AND similarity <= 1),
  linked_at     TEXT NOT NULL,
  CHECK (article_id < other_id),
  PRIMARY KEY (article_id, other_id)
) WITHOUT ROWID;
CREATE INDEX article_links_other ON article_links(other_id);
