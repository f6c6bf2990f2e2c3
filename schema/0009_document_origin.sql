-- Where a document read out of a container came from (a WARC record, a feed item, a post
-- of a blog export, the page of a saved MHTML file): the container as the import named it,
-- the byte offset where its record starts, the address it was captured from or published
-- at, and when it was captured (never its publication date). NULL for a document that was
-- an input of its own. Kept as first imported, like original_path.
ALTER TABLE documents ADD COLUMN container TEXT;
ALTER TABLE documents ADD COLUMN container_offset INTEGER;
ALTER TABLE documents ADD COLUMN target_uri TEXT;
ALTER TABLE documents ADD COLUMN captured_at TEXT;
