-- morgue schema, migration 12: story clusters, for one row per story (--collapse) and the
-- `cluster` field of exports.
--
-- A story cluster is a set of articles joined by article_links, directly or through
-- others (a wire story's copies and near-duplicates). story_clusters names each linked
-- article's cluster by the lowest id among its articles; an article linked to none has
-- no row and is a cluster of its own. morgue keeps it as it links articles (two clusters
-- joined take the lower id) and as it removes them (what is left of a cluster is split
-- into the parts still joined).
CREATE TABLE story_clusters (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  cluster_id    INTEGER NOT NULL
);
CREATE INDEX story_clusters_cluster ON story_clusters(cluster_id);

-- The clusters of the links made before: every linked article reaches the others of its
-- cluster through the links, either way; its cluster is the lowest id it reaches.
WITH RECURSIVE
  edges(a, b) AS (
    SELECT article_id, other_id FROM article_links
    UNION ALL SELECT other_id, article_id FROM article_links),
  reach(start, node) AS (
    SELECT DISTINCT a, a FROM edges
    UNION SELECT reach.start, edges.b FROM reach JOIN edges ON edges.a = reach.node)
INSERT INTO story_clusters(article_id, cluster_id)
  SELECT start, min(node) FROM reach GROUP BY start;
