// Story clusters: the articles joined by copy and near-duplicate links, directly or through
// others, are one cluster named by its lowest id; an article reads its cluster, its size and
// its links; a filter can keep one article per cluster (the earliest published); removing an
// article splits what it held together; an archive linked before clusters existed gets
// them when opened.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "morgue/archive.h"
#include "support/made_up_text.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::MadeUpBody;
using testing::TempDir;

Article Story(const std::string& source, std::string body, std::string published) {
  Article a;
  a.title = "A story in " + source;
  a.source = source;
  a.body = std::move(body);
  a.published = std::move(published);
  return a;
}

class StoryClustersTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    archive_.reset();
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  int64_t Add(const Article& article) {
    auto added = archive_->Add(article);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_TRUE(added.ok() && !added->duplicate);
    return added.ok() ? added->id : 0;
  }

  // (cluster, cluster size) of article `id` as Get reads it.
  std::pair<int64_t, int64_t> ClusterOf(int64_t id) {
    auto article = archive_->Get(id);
    EXPECT_TRUE(article.ok()) << article.status().ToString();
    return article.ok() ? std::pair{article->cluster, article->cluster_size}
                        : std::pair<int64_t, int64_t>{};
  }

  std::vector<int64_t> Ids(const Filter& filter) {
    std::vector<int64_t> ids;
    Status status = archive_->Find(filter, [&ids](const Article& article) {
      ids.push_back(article.id);
      return Status::OK();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

// Two stories of two copies each, then an article that shares half its text with each
// story: it joins both clusters into one, named by the lowest id.
class JoinedStoriesTest : public StoryClustersTest {
 protected:
  void SetUp() override {
    StoryClustersTest::SetUp();
    first_ = Add(Story("Korea Times", MadeUpBody(0, 3), "2011-01-05"));
    first_copy_ = Add(Story("Washington Post", MadeUpBody(0, 3), "2011-01-06"));
    second_ = Add(Story("Yonhap", MadeUpBody(4, 7), "2011-01-04T09:00:00+09:00"));
    second_copy_ = Add(Story("AP", MadeUpBody(4, 7), "2011-01-07"));
    unrelated_ = Add(Story("Chosun Ilbo", MadeUpBody(10, 13), "2011-01-03"));
  }
  void Bridge() { bridge_ = Add(Story("JoongAng Daily", MadeUpBody(0, 7), "2011-01-08")); }

  int64_t first_ = 0, first_copy_ = 0, second_ = 0, second_copy_ = 0, unrelated_ = 0, bridge_ = 0;
};

TEST_F(JoinedStoriesTest, LinkedArticlesShareTheLowestIdAsTheirCluster) {
  EXPECT_EQ(ClusterOf(first_copy_), (std::pair<int64_t, int64_t>{first_, 2}));
  EXPECT_EQ(ClusterOf(second_copy_), (std::pair<int64_t, int64_t>{second_, 2}));
  // Linked to none: a cluster of its own.
  EXPECT_EQ(ClusterOf(unrelated_), (std::pair<int64_t, int64_t>{unrelated_, 1}));

  Bridge();
  for (int64_t id : {first_, first_copy_, second_, second_copy_, bridge_}) {
    EXPECT_EQ(ClusterOf(id), (std::pair<int64_t, int64_t>{first_, 5})) << "article " << id;
  }
  EXPECT_EQ(ClusterOf(unrelated_), (std::pair<int64_t, int64_t>{unrelated_, 1}));
}

TEST_F(JoinedStoriesTest, AnArticleReadsItsLinksTheMostAlikeFirst) {
  Bridge();
  auto bridge = archive_->Get(bridge_);
  ASSERT_TRUE(bridge.ok());
  ASSERT_EQ(bridge->similar.size(), 4u);
  for (const StoryLink& link : bridge->similar) {
    EXPECT_EQ(link.kind, "near");
    EXPECT_GT(link.similarity, 0.2);
    EXPECT_LT(link.similarity, 1.0);
  }
  auto copy = archive_->Get(first_copy_);
  ASSERT_TRUE(copy.ok());
  ASSERT_EQ(copy->similar.size(), 2u);
  EXPECT_EQ(copy->similar[0], (StoryLink{first_, "copy", 1.0}));
  EXPECT_EQ(copy->similar[1].id, bridge_);
  // An export's cursor reads the same, with the story part.
  Filter filter;
  filter.ids = {first_copy_};
  auto cursor = archive_->Select(filter);
  ASSERT_TRUE(cursor.ok());
  Article exported;
  ASSERT_TRUE((*cursor)->Next(&exported));
  EXPECT_EQ(exported.cluster, first_);
  EXPECT_EQ(exported.cluster_size, 5);
  EXPECT_EQ(exported.similar, copy->similar);
}

TEST_F(JoinedStoriesTest, CollapsingKeepsTheEarliestPublishedOfEachStory) {
  Filter collapsed;
  collapsed.collapse = true;
  collapsed.order = SortOrder::kPublishedAsc;
  // 09:00 in Seoul is the evening before in UTC: Yonhap's is the earliest of its story.
  EXPECT_EQ(Ids(collapsed), (std::vector<int64_t>{unrelated_, second_, first_}));
  EXPECT_EQ(archive_->Count(collapsed).value(), 3);

  Bridge();
  EXPECT_EQ(Ids(collapsed), (std::vector<int64_t>{unrelated_, second_}));
  EXPECT_EQ(archive_->Count(collapsed).value(), 2);
  collapsed.order = SortOrder::kIdDesc;
  EXPECT_EQ(Ids(collapsed), (std::vector<int64_t>{unrelated_, second_}));
  // Paging counts stories, not articles.
  collapsed.limit = 1;
  collapsed.offset = 1;
  EXPECT_EQ(Ids(collapsed), (std::vector<int64_t>{second_}));

  // Among the articles the other filters select: the earliest of those.
  Filter outlets;
  outlets.collapse = true;
  outlets.ids = {first_copy_, second_copy_, bridge_};
  EXPECT_EQ(Ids(outlets), (std::vector<int64_t>{first_copy_}));
  EXPECT_EQ(archive_->Count(outlets).value(), 1);
  // Without --collapse nothing changes.
  outlets.collapse = false;
  EXPECT_EQ(Ids(outlets).size(), 3u);
}

TEST_F(JoinedStoriesTest, CollapsedSearchRanksOneHitPerStory) {
  Bridge();
  Filter filter;
  filter.query = "award";  // the first word of paragraph 0: in three articles of the story
  filter.collapse = true;
  auto hits = archive_->Search(filter);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  // The earliest of the matches (the story's earliest, Yonhap's, has no such word).
  EXPECT_EQ((*hits)[0].article.id, first_);
  EXPECT_EQ((*hits)[0].article.cluster_size, 5);
  EXPECT_NE((*hits)[0].snippet.find("[award]"), std::string::npos) << (*hits)[0].snippet;
  EXPECT_EQ(archive_->Count(filter).value(), 1);
  filter.collapse = false;
  EXPECT_EQ(archive_->Search(filter)->size(), 3u);
}

TEST_F(JoinedStoriesTest, RemovingTheBridgeSplitsTheStoryAgain) {
  Bridge();
  ASSERT_TRUE(archive_->Remove(bridge_).ok());
  EXPECT_EQ(ClusterOf(first_), (std::pair<int64_t, int64_t>{first_, 2}));
  EXPECT_EQ(ClusterOf(first_copy_), (std::pair<int64_t, int64_t>{first_, 2}));
  EXPECT_EQ(ClusterOf(second_), (std::pair<int64_t, int64_t>{second_, 2}));
  EXPECT_EQ(ClusterOf(second_copy_), (std::pair<int64_t, int64_t>{second_, 2}));

  // The lowest id gone, the next names the cluster; the last one alone has none.
  ASSERT_TRUE(archive_->Remove(first_).ok());
  EXPECT_EQ(ClusterOf(first_copy_), (std::pair<int64_t, int64_t>{first_copy_, 1}));
  ASSERT_TRUE(archive_->Remove(second_).ok());
  EXPECT_EQ(ClusterOf(second_copy_), (std::pair<int64_t, int64_t>{second_copy_, 1}));
  const std::string db = (dir_ / "a.db").string();
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_clusters"), "0");
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_cluster_sizes"), "0");
}

TEST_F(JoinedStoriesTest, AnArchiveLinkedBeforeClustersExistedGetsThemWhenOpened) {
  Bridge();
  archive_.reset();
  // As an archive of schema 11 is: links, no clusters.
  testing::DowngradeToSchema12(dir_ / "a.db");
  testing::ExecSql((dir_ / "a.db").string(),
                   "DROP TABLE story_clusters; DROP TABLE story_cluster_sizes; "
                   "PRAGMA user_version = 11");
  Reopen();
  for (int64_t id : {first_, first_copy_, second_, second_copy_, bridge_}) {
    EXPECT_EQ(ClusterOf(id), (std::pair<int64_t, int64_t>{first_, 5})) << "article " << id;
  }
  EXPECT_EQ(ClusterOf(unrelated_), (std::pair<int64_t, int64_t>{unrelated_, 1}));
}

}  // namespace
}  // namespace morgue
