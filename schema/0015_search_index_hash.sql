-- The search index's in-memory hash: FTS5 holds the terms of the articles being indexed
-- in memory and writes them out as a new segment of the index each time they pass this
-- size (1 MB by default), and merges the segments later. An import indexes a batch of
-- articles at a time; at 4 MB it writes a quarter as many segments and merges less: an
-- import a sixth faster at 10,000 generated articles and a twelfth at 100,000, at no
-- measurable cost in peak memory. A setting of the index (kept in articles_fts_config),
-- not of a connection.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 4194304);
