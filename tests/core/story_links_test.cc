// Another outlet's copy of an archived body: an input is the archived article with its
// body only when nothing contradicts it (no other canonical URL, no other publication);
// otherwise it is an article of its own, linked to the first as a copy.

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;

constexpr char kWireBody[] =
    "SEOUL (AP) - South Korea and Japan began talks on Tuesday on a military pact.\n\n"
    "The agreement would be the first between the two countries since 1945.";

Article Copy(std::string title, std::string source, std::string canonical_url = "") {
  Article a;
  a.title = std::move(title);
  a.source = std::move(source);
  a.canonical_url = std::move(canonical_url);
  a.body = kWireBody;
  a.published = "2011-01-04";
  return a;
}

class StoryLinksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  AddResult Add(const Article& article) {
    auto added = archive_->Add(article);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : AddResult{};
  }

  std::vector<int64_t> Linked(int64_t id) {
    auto links = archive_->Links(id);
    EXPECT_TRUE(links.ok()) << links.status().ToString();
    std::vector<int64_t> ids;
    for (const StoryLink& link : links.ok() ? *links : std::vector<StoryLink>{}) {
      EXPECT_EQ(link.kind, "copy");
      EXPECT_EQ(link.similarity, 1.0);
      ids.push_back(link.id);
    }
    return ids;
  }

  int64_t Articles() { return archive_->Stats()->articles; }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(StoryLinksTest, TwoOutletsPrintingOneWireStoryAreTwoLinkedArticles) {
  const AddResult post = Add(Copy("Seoul, Tokyo in pact talks", "Washington Post"));
  const AddResult times = Add(Copy("Korea, Japan discuss military pact", "Korea Times"));
  EXPECT_FALSE(times.duplicate);
  EXPECT_NE(times.id, post.id);
  EXPECT_EQ(times.copy_of, post.id);
  EXPECT_EQ(post.copy_of, 0);
  EXPECT_EQ(Articles(), 2);
  EXPECT_EQ(Linked(post.id), std::vector<int64_t>{times.id});
  EXPECT_EQ(Linked(times.id), std::vector<int64_t>{post.id});
  // Each keeps its own title and source.
  EXPECT_EQ(archive_->Get(post.id)->source, "Washington Post");
  EXPECT_EQ(archive_->Get(times.id)->title, "Korea, Japan discuss military pact");
  EXPECT_EQ(archive_->Get(times.id)->source, "Korea Times");
}

TEST_F(StoryLinksTest, AnotherCanonicalUrlIsAnotherArticle) {
  const AddResult first = Add(Copy("Pact talks", "", "https://example-daily.com/pact"));
  const AddResult second = Add(Copy("Pact talks", "", "https://example-tribune.com/pact"));
  EXPECT_FALSE(second.duplicate);
  EXPECT_EQ(second.copy_of, first.id);
  EXPECT_EQ(Articles(), 2);
}

TEST_F(StoryLinksTest, WhatNothingContradictsIsStillTheSameArticle) {
  const AddResult article = Add(Copy(
      "Pact talks", "Korea Times", "https://www.koreatimes.co.kr/www/news/nation/2011/01/1.html"));
  // A repost naming neither an address of its own nor a publication.
  AddResult repost = Add(Copy("Pact talks", ""));
  EXPECT_TRUE(repost.duplicate);
  EXPECT_EQ(repost.id, article.id);
  // The same publication under an alias, without an address.
  repost = Add(Copy("Pact talks", "The Korea Times"));
  EXPECT_TRUE(repost.duplicate);
  EXPECT_EQ(repost.id, article.id);
  // The same address, whatever the source says.
  repost = Add(Copy("Pact talks", "Washington Post",
                    "https://koreatimes.co.kr/www/news/nation/2011/01/1.html"));
  EXPECT_TRUE(repost.duplicate);
  EXPECT_EQ(repost.id, article.id);
  EXPECT_EQ(repost.copy_of, 0);
  EXPECT_EQ(Articles(), 1);
  EXPECT_TRUE(Linked(article.id).empty());
}

TEST_F(StoryLinksTest, AThirdCopyJoinsTheArticleOfItsOwnOutlet) {
  const AddResult post = Add(Copy("Pact talks", "Washington Post"));
  const AddResult times = Add(Copy("Pact talks", "Korea Times"));
  // The Korea Times again: its article, not the Post's, and no new link.
  const AddResult again = Add(Copy("Pact talks", "Korea Times"));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.id, times.id);
  // A third outlet: linked to the first archived copy.
  const AddResult yonhap = Add(Copy("Pact talks", "Yonhap"));
  EXPECT_EQ(yonhap.copy_of, post.id);
  EXPECT_EQ(Linked(post.id), (std::vector<int64_t>{times.id, yonhap.id}));
  EXPECT_EQ(Articles(), 3);
}

TEST_F(StoryLinksTest, RemovingAnArticleRemovesItsLinks) {
  const AddResult post = Add(Copy("Pact talks", "Washington Post"));
  const AddResult times = Add(Copy("Pact talks", "Korea Times"));
  ASSERT_TRUE(archive_->Remove(times.id).ok());
  EXPECT_TRUE(Linked(post.id).empty());
  EXPECT_EQ(archive_->Links(times.id).status().code(), StatusCode::kNotFound);
}

// A longer wire story, and the same story as another paper ran it: a paragraph cut, one
// moved, a credit line added.
constexpr char kLongStory[] =
    "South Korea is considering signing its first military agreement with Japan by the end of "
    "this year, a senior official at the Ministry of National Defense said Tuesday.\n\n"
    "The official said the defense ministers of the two countries will discuss the matter in a "
    "meeting scheduled to be held in Seoul next week.\n\n"
    "He cautioned that the two countries may decide not to push ahead with the plan if it "
    "triggers a public backlash or strong resistance from politicians.\n\n"
    "Seoul is reportedly seeking to sign an agreement on sharing military information and "
    "another on sharing supplies and services.\n\n"
    "Critics say the move could be premature, given the animosity many still feel over the "
    "colonial rule that ended in 1945.";
constexpr char kLongStoryAsRun[] =
    "SEOUL, Jan. 4 (Yonhap) -- \n\n"
    "South Korea is considering signing its first military agreement with Japan by the end of "
    "this year, a senior official at the Ministry of National Defense said Tuesday.\n\n"
    "Seoul is reportedly seeking to sign an agreement on sharing military information and "
    "another on sharing supplies and services.\n\n"
    "The official said the defense ministers of the two countries will discuss the matter in a "
    "meeting scheduled to be held in Seoul next week.\n\n"
    "Critics say the move could be premature, given the animosity many still feel over the "
    "colonial rule that ended in 1945.";
constexpr char kSameSubject[] =
    "Japan and South Korea should sign a military information agreement soon, a Japanese "
    "defense official said Wednesday, ahead of talks between the two defense ministers.\n\n"
    "Tokyo hopes the pact would let both countries share intelligence on North Korea's "
    "missile launches more quickly, according to the ministry.\n\n"
    "Opposition lawmakers in Seoul have warned that public opinion remains wary of any "
    "military cooperation with Japan.";

Article Story(std::string title, std::string source, std::string body) {
  Article a;
  a.title = std::move(title);
  a.source = std::move(source);
  a.body = std::move(body);
  return a;
}

TEST_F(StoryLinksTest, TheSameStoryWithChangesIsANearDuplicateLinkedNotMerged) {
  const AddResult times = Add(Story("Seoul, Tokyo seek pact", "Korea Times", kLongStory));
  EXPECT_TRUE(times.near_duplicates.empty());
  const AddResult yonhap = Add(Story("S. Korea mulls pact with Japan", "Yonhap", kLongStoryAsRun));
  EXPECT_FALSE(yonhap.duplicate);
  EXPECT_EQ(yonhap.copy_of, 0);
  EXPECT_EQ(yonhap.near_duplicates, std::vector<int64_t>{times.id});
  auto links = archive_->Links(times.id);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].id, yonhap.id);
  EXPECT_EQ((*links)[0].kind, "near");
  EXPECT_GT((*links)[0].similarity, 0.4);
  EXPECT_LT((*links)[0].similarity, 1.0);
  // The same subject in other words is not the same story, even from the same outlet.
  const AddResult other = Add(Story("Tokyo urges pact", "Yonhap", kSameSubject));
  EXPECT_TRUE(other.near_duplicates.empty());
  EXPECT_TRUE(archive_->Links(other.id)->empty());
  EXPECT_EQ(Articles(), 3);
}

TEST_F(StoryLinksTest, AnExactCopyIsLinkedOnceAsACopy) {
  const AddResult post = Add(Copy("Pact talks", "Washington Post"));
  const AddResult times = Add(Story("Pact talks", "Korea Times", kLongStory));
  const AddResult copy = Add(Story("Pact talks", "Yonhap", kLongStory));
  EXPECT_EQ(copy.copy_of, times.id);
  EXPECT_TRUE(copy.near_duplicates.empty());
  auto links = archive_->Links(copy.id);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].kind, "copy");
  EXPECT_TRUE(archive_->Links(post.id)->empty());
  // A third outlet with that very body: a copy of both, never a near-duplicate.
  const AddResult third = Add(Story("Pact talks", "Japan Times", kLongStory));
  EXPECT_EQ(third.copy_of, times.id);
  EXPECT_TRUE(third.near_duplicates.empty());
  links = archive_->Links(third.id);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 2u);
  for (const StoryLink& link : *links) {
    EXPECT_EQ(link.kind, "copy") << link.id;
    EXPECT_EQ(link.similarity, 1.0);
  }
}

TEST_F(StoryLinksTest, ABodyFilledInFindsItsNearDuplicates) {
  const AddResult times = Add(Story("Seoul, Tokyo seek pact", "Korea Times", kLongStory));
  Article headline;
  headline.title = "S. Korea mulls pact";
  headline.canonical_url = "https://en.yna.co.kr/view/pact";
  const AddResult bare = Add(headline);
  ASSERT_FALSE(bare.duplicate);
  Article full = headline;
  full.body = kLongStoryAsRun;
  const AddResult filled = Add(full);
  EXPECT_TRUE(filled.duplicate);
  EXPECT_EQ(filled.id, bare.id);
  EXPECT_EQ(filled.near_duplicates, std::vector<int64_t>{times.id});
}

TEST_F(StoryLinksTest, RemovingAnArticleTakesItsSignatureAndBandsAway) {
  const AddResult times = Add(Story("Seoul, Tokyo seek pact", "Korea Times", kLongStory));
  const AddResult yonhap = Add(Story("S. Korea mulls pact", "Yonhap", kLongStoryAsRun));
  const std::string db = (dir_ / "a.db").string();
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_bands WHERE article_id = " +
                                      std::to_string(yonhap.id)),
            "16");  // one per band (schema/README.md)
  ASSERT_TRUE(archive_->Remove(yonhap.id).ok());
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_bands WHERE article_id = " +
                                      std::to_string(yonhap.id)),
            "0");
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_signatures WHERE article_id = " +
                                      std::to_string(yonhap.id)),
            "0");
  EXPECT_TRUE(archive_->Links(times.id)->empty());
  // Added again, it finds the first again.
  EXPECT_EQ(Add(Story("S. Korea mulls pact", "Yonhap", kLongStoryAsRun)).near_duplicates,
            std::vector<int64_t>{times.id});
}

TEST_F(StoryLinksTest, ArticlesArchivedBeforeSignaturesAreSignedWhenTheArchiveIsOpened) {
  const AddResult times = Add(Story("Seoul, Tokyo seek pact", "Korea Times", kLongStory));
  const AddResult yonhap = Add(Story("S. Korea mulls pact", "Yonhap", kLongStoryAsRun));
  archive_.reset();
  // As an archive of schema 9 would be after migration 10: nothing signed or linked yet.
  const std::string db = (dir_ / "a.db").string();
  testing::ExecSql(db,
                   "DELETE FROM story_signatures; DELETE FROM story_bands; "
                   "DELETE FROM article_links; INSERT INTO morgue_settings(key, value) "
                   "VALUES ('story_signatures_after', 0)");
  // The open signs them, telling its progress: from none to both, the end once.
  std::vector<std::pair<int64_t, int64_t>> reports;
  OpenOptions options;
  options.on_upgrade_progress = [&](std::string_view task, int64_t done, int64_t total) {
    EXPECT_EQ(task, "signing stories for near-duplicates");
    reports.emplace_back(done, total);
  };
  auto opened = Archive::Open(dir_ / "a.db", options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  archive_ = std::move(opened).value();
  ASSERT_FALSE(reports.empty());
  EXPECT_EQ(reports.front(), (std::pair<int64_t, int64_t>{0, 2}));
  EXPECT_EQ(reports.back(), (std::pair<int64_t, int64_t>{2, 2}));
  EXPECT_EQ(std::count(reports.begin(), reports.end(), std::pair<int64_t, int64_t>{2, 2}), 1);
  auto links = archive_->Links(times.id);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].id, yonhap.id);
  EXPECT_EQ((*links)[0].kind, "near");
  EXPECT_EQ(testing::QuerySql(db, "SELECT count(*) FROM story_signatures"), "2");
  EXPECT_EQ(testing::QuerySql(db,
                              "SELECT count(*) FROM morgue_settings WHERE key = "
                              "'story_signatures_after'"),
            "0");
}

}  // namespace
}  // namespace morgue
