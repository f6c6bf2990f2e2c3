// Story clusters: the sets of articles joined by story links, directly or through others
// (schema/0012_story_clusters.sql). Each linked article's row in story_clusters names its
// cluster by the cluster's lowest article id, and story_cluster_sizes counts each
// cluster's articles; an article linked to none has no row in either and is a cluster of
// its own. Kept as links are made (JoinClusters) and as articles go (SplitCluster); read
// into Article::cluster, cluster_size and similar (ReadStory).

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "archive_impl.h"

namespace morgue {
namespace {

// Union-find over the members of one cluster, each root the lowest id of its set.
class LowestIdSets {
 public:
  explicit LowestIdSets(const std::vector<int64_t>& ids) {
    for (int64_t id : ids) parent_[id] = id;
  }
  int64_t Find(int64_t id) {
    int64_t root = id;
    while (parent_[root] != root) root = parent_[root];
    while (parent_[id] != root) id = std::exchange(parent_[id], root);
    return root;
  }
  void Join(int64_t a, int64_t b) {
    if (!parent_.contains(a) || !parent_.contains(b)) return;  // a link leaving the cluster
    const int64_t x = Find(a);
    const int64_t y = Find(b);
    if (x != y) parent_[std::max(x, y)] = std::min(x, y);
  }

 private:
  std::map<int64_t, int64_t> parent_;
};

}  // namespace

Result<int64_t> Archive::Impl::ClusterOf(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* read, db->Cached("SELECT cluster_id FROM story_clusters WHERE article_id = ?1"));
  read->Bind(1, id);
  Result<bool> row = read->Step();
  const int64_t cluster = row.ok() && *row ? read->Int(0) : id;
  read->Reset();
  if (!row.ok()) return row.status();
  return cluster;
}

Result<int64_t> Archive::Impl::ClusterSize(int64_t cluster) {
  MORGUE_ASSIGN_OR_RETURN(
      auto* read, db->Cached("SELECT articles FROM story_cluster_sizes WHERE cluster_id = ?1"));
  read->Bind(1, cluster);
  Result<bool> row = read->Step();
  const int64_t size = row.ok() && *row ? read->Int(0) : 1;
  read->Reset();
  if (!row.ok()) return row.status();
  return size;
}

Status Archive::Impl::SetClusterSize(int64_t cluster, int64_t size) {
  MORGUE_ASSIGN_OR_RETURN(auto* drop,
                          db->Cached("DELETE FROM story_cluster_sizes WHERE cluster_id = ?1"));
  drop->Bind(1, cluster);
  MORGUE_RETURN_IF_ERROR(drop->Run());
  if (size < 2) return Status::OK();  // alone: no cluster row
  MORGUE_ASSIGN_OR_RETURN(
      auto* set,
      db->Cached("INSERT INTO story_cluster_sizes(cluster_id, articles) VALUES (?1, ?2)"));
  set->Bind(1, cluster).Bind(2, size);
  return set->Run();
}

Status Archive::Impl::JoinClusters(int64_t a, int64_t b) {
  MORGUE_ASSIGN_OR_RETURN(const int64_t first, ClusterOf(a));
  MORGUE_ASSIGN_OR_RETURN(const int64_t second, ClusterOf(b));
  if (first == second) return Status::OK();  // one cluster already
  const int64_t joined = std::min(first, second);
  const int64_t other = std::max(first, second);
  MORGUE_ASSIGN_OR_RETURN(const int64_t joined_size, ClusterSize(joined));
  MORGUE_ASSIGN_OR_RETURN(const int64_t other_size, ClusterSize(other));
  MORGUE_ASSIGN_OR_RETURN(
      auto* add,
      db->Cached("INSERT INTO story_clusters(article_id, cluster_id) VALUES (?1, ?2) "
                 "ON CONFLICT(article_id) DO UPDATE SET cluster_id = excluded.cluster_id"));
  for (int64_t id : {a, b}) {
    add->Bind(1, id).Bind(2, joined);
    MORGUE_RETURN_IF_ERROR(add->Run());
  }
  // The other cluster's articles move: when a new article joins a story, that is itself.
  MORGUE_ASSIGN_OR_RETURN(
      auto* move, db->Cached("UPDATE story_clusters SET cluster_id = ?1 WHERE cluster_id = ?2"));
  move->Bind(1, joined).Bind(2, other);
  MORGUE_RETURN_IF_ERROR(move->Run());
  MORGUE_RETURN_IF_ERROR(SetClusterSize(other, 1));
  return SetClusterSize(joined, joined_size + other_size);
}

Status Archive::Impl::SplitCluster(int64_t cluster) {
  std::vector<int64_t> members;
  MORGUE_ASSIGN_OR_RETURN(
      auto* read, db->Cached("SELECT article_id FROM story_clusters WHERE cluster_id = ?1"));
  read->Bind(1, cluster);
  while (true) {
    Result<bool> row = read->Step();
    if (!row.ok() || !*row) {
      read->Reset();
      if (!row.ok()) return row.status();
      break;
    }
    members.push_back(read->Int(0));
  }
  if (members.empty()) return SetClusterSize(cluster, 1);
  LowestIdSets sets(members);
  MORGUE_ASSIGN_OR_RETURN(auto* links, db->Cached(R"sql(
    SELECT l.article_id, l.other_id FROM article_links l
    JOIN story_clusters c ON c.article_id = l.article_id WHERE c.cluster_id = ?1)sql"));
  links->Bind(1, cluster);
  while (true) {
    Result<bool> row = links->Step();
    if (!row.ok() || !*row) {
      links->Reset();
      if (!row.ok()) return row.status();
      break;
    }
    sets.Join(links->Int(0), links->Int(1));
  }
  std::map<int64_t, int64_t> sizes;  // by root
  for (int64_t id : members) ++sizes[sets.Find(id)];
  MORGUE_ASSIGN_OR_RETURN(auto* drop,
                          db->Cached("DELETE FROM story_clusters WHERE article_id = ?1"));
  MORGUE_ASSIGN_OR_RETURN(
      auto* move, db->Cached("UPDATE story_clusters SET cluster_id = ?2 WHERE article_id = ?1"));
  for (int64_t id : members) {
    const int64_t root = sets.Find(id);
    if (sizes[root] == 1) {  // alone now: no cluster row
      drop->Bind(1, id);
      MORGUE_RETURN_IF_ERROR(drop->Run());
    } else if (root != cluster) {  // in a part the removed article named no longer
      move->Bind(1, id).Bind(2, root);
      MORGUE_RETURN_IF_ERROR(move->Run());
    }
  }
  MORGUE_RETURN_IF_ERROR(SetClusterSize(cluster, 1));
  for (const auto& [root, size] : sizes) MORGUE_RETURN_IF_ERROR(SetClusterSize(root, size));
  return Status::OK();
}

Status Archive::Impl::ReadStory(Article* article) {
  MORGUE_ASSIGN_OR_RETURN(auto* cluster, db->Cached(R"sql(
    SELECT c.cluster_id, z.articles FROM story_clusters c
    JOIN story_cluster_sizes z ON z.cluster_id = c.cluster_id WHERE c.article_id = ?1)sql"));
  cluster->Bind(1, article->id);
  Result<bool> row = cluster->Step();
  article->cluster = row.ok() && *row ? cluster->Int(0) : article->id;
  article->cluster_size = row.ok() && *row ? cluster->Int(1) : 1;
  cluster->Reset();
  if (!row.ok()) return row.status();
  MORGUE_ASSIGN_OR_RETURN(article->similar, LinksOf(article->id));
  return Status::OK();
}

Result<std::vector<StoryLink>> Archive::Impl::LinksOf(int64_t id) {
  MORGUE_ASSIGN_OR_RETURN(auto* select, db->Cached(R"sql(
    SELECT other_id, kind, similarity FROM article_links WHERE article_id = ?1
    UNION ALL
    SELECT article_id, kind, similarity FROM article_links WHERE other_id = ?1
    ORDER BY 3 DESC, 1)sql"));
  select->Bind(1, id);
  std::vector<StoryLink> links;
  while (true) {
    Result<bool> row = select->Step();
    if (!row.ok() || !*row) {
      select->Reset();
      if (!row.ok()) return row.status();
      break;
    }
    links.push_back({select->Int(0), select->Text(1), select->Double(2)});
  }
  return links;
}

}  // namespace morgue
