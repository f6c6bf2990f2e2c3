-- morgue schema, migration 12: story clusters, for one row per story (--collapse) and the
-- `cluster` fields of exports.
--
-- A story cluster is a set of articles joined by article_links, directly or through
-- others (a wire story's copies and near-duplicates). story_clusters names each linked
-- article's cluster by the lowest id among its articles; story_cluster_sizes counts each
-- cluster's articles. An article linked to none is in neither: a cluster of its own.
-- morgue keeps both as it links articles (two clusters joined take the lower id) and as
-- it removes them (what is left of a cluster is split into the parts still joined).
CREATE TABLE story_clusters (
  article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                DEFERRABLE INITIALLY DEFERRED,
  cluster_id    INTEGER NOT NULL
);
CREATE INDEX story_clusters_cluster ON story_clusters(cluster_id);
CREATE TABLE story_cluster_sizes (
  cluster_id    INTEGER PRIMARY KEY,
  articles      INTEGER NOT NULL CHECK (articles >= 2)
);

-- The clusters of the links made before. Walking the links either way from the articles
-- linked to no lower id (each cluster's lowest id is one) reaches every article of their
-- cluster; an article's cluster is the lowest id that reaches it. Links add articles in
-- order, each to earlier ones, so a cluster has few such starts.
WITH RECURSIVE
  edges(a, b) AS (
    SELECT article_id, other_id FROM article_links
    UNION ALL SELECT other_id, article_id FROM article_links),
  reach(start, node) AS (
    SELECT DISTINCT article_id, article_id FROM article_links
      WHERE article_id NOT IN (SELECT other_id FROM article_links)
    UNION SELECT reach.start, edges.b FROM reach JOIN edges ON edges.a = reach.node)
INSERT INTO story_clusters(article_id, cluster_id)
  SELECT node, min(start) FROM reach GROUP BY node;
INSERT INTO story_cluster_sizes(cluster_id, articles)
  SELECT cluster_id, count(*) FROM story_clusters GROUP BY cluster_id;
