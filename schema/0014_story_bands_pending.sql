-- Articles whose band keys are not in story_bands yet. Band keys are random, so writing
-- them one by one costs a page of story_bands each; an import run keeps the band keys of
-- the articles it signs aside (in a temporary table of its own) and merges them into
-- story_bands in key order, many thousands at once. Until then each such article has a
-- row here, committed with the article, so that keys a run could not merge (it was
-- killed) are made from story_signatures by the next morgue that opens the archive to
-- write.
CREATE TABLE story_bands_pending (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED
);
