// Dedup of articles without a body: one with neither a body nor a canonical URL is known
// by its title, publication date and source, so adding it again stores nothing new.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;

Article TitleOnly(std::string title, std::string published = "", std::string source = "") {
  Article a;
  a.title = std::move(title);
  a.published = std::move(published);
  a.source = std::move(source);
  return a;
}

class BodilessDedupTest : public ::testing::Test {
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

  int64_t Articles() { return archive_->Stats()->articles; }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(BodilessDedupTest, ATitleOnlyArticleAddedAgainIsADuplicate) {
  const AddResult first = Add(TitleOnly("Harbour dredging begins", "2011-01-04", "Korea Times"));
  ASSERT_FALSE(first.duplicate);
  const AddResult again = Add(TitleOnly("Harbour dredging begins", "2011-01-04", "Korea Times"));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.id, first.id);
  // Without a date or a source too: absent on both sides is equal.
  const AddResult bare = Add(TitleOnly("Port strike ends"));
  EXPECT_FALSE(bare.duplicate);
  EXPECT_EQ(Add(TitleOnly("Port strike ends")).id, bare.id);
  // A source spelled as an alias is the same publication.
  EXPECT_EQ(Add(TitleOnly("Harbour dredging begins", "2011-01-04", "The Korea Times")).id,
            first.id);
  EXPECT_EQ(Articles(), 2);
}

TEST_F(BodilessDedupTest, AnotherDateOrSourceOrTitleIsAnotherArticle) {
  const int64_t id = Add(TitleOnly("Corrections", "2011-01-04", "Korea Times")).id;
  for (const Article& other :
       {TitleOnly("Corrections", "2011-01-05", "Korea Times"),
        TitleOnly("Corrections", "2011-01-04", "Yonhap"),
        TitleOnly("Corrections", "", "Korea Times"), TitleOnly("Corrections", "2011-01-04", ""),
        TitleOnly("Correction", "2011-01-04", "Korea Times")}) {
    const AddResult added = Add(other);
    EXPECT_FALSE(added.duplicate) << other.title << " " << other.published << " " << other.source;
    EXPECT_NE(added.id, id);
  }
  EXPECT_EQ(Articles(), 6);
}

TEST_F(BodilessDedupTest, ABodyCompletesTheTitleOnlyArticleAndIsNeverMergedWithAnother) {
  const int64_t id = Add(TitleOnly("Harbour dredging begins", "2011-01-04")).id;
  Article full = TitleOnly("Harbour dredging begins", "2011-01-04");
  full.body = "Dredging started in the harbour on Monday.";
  const AddResult completed = Add(full);
  EXPECT_TRUE(completed.duplicate);
  EXPECT_EQ(completed.id, id);
  EXPECT_EQ(archive_->Get(id)->body, full.body);
  EXPECT_EQ(archive_->Get(id)->word_count, 7);
  // The title alone again: the same article, now with its body.
  EXPECT_EQ(Add(TitleOnly("Harbour dredging begins", "2011-01-04")).id, id);
  // Another body under the same title and date is another article.
  Article other = full;
  other.body = "A second report on the dredging, with other words in it.";
  EXPECT_FALSE(Add(other).duplicate);
  EXPECT_EQ(Articles(), 2);
}

TEST_F(BodilessDedupTest, ArticlesWithTheirOwnUrlsAreNotMergedByTitle) {
  Article a = TitleOnly("Harbour dredging begins", "2011-01-04");
  a.canonical_url = "https://example.com/a";
  Article b = a;
  b.canonical_url = "https://example.com/b";
  const int64_t a_id = Add(a).id;
  EXPECT_FALSE(Add(b).duplicate);
  // An article without a URL is the one with its metadata: the first such.
  EXPECT_EQ(Add(TitleOnly("Harbour dredging begins", "2011-01-04")).id, a_id);
  EXPECT_EQ(Articles(), 2);
}

TEST_F(BodilessDedupTest, AUrlCompletesTheTitleOnlyArticle) {
  const int64_t id = Add(TitleOnly("Harbour dredging begins", "2011-01-04")).id;
  Article with_url = TitleOnly("Harbour dredging begins", "2011-01-04");
  with_url.canonical_url = "https://example.com/harbour";
  const AddResult added = Add(with_url);
  EXPECT_TRUE(added.duplicate);
  EXPECT_EQ(added.id, id);
  EXPECT_EQ(archive_->Get(id)->canonical_url, "https://example.com/harbour");
  EXPECT_EQ(Articles(), 1);
}

TEST_F(BodilessDedupTest, ADuplicateAddsNoPublication) {
  Add(TitleOnly("Harbour dredging begins", "2011-01-04", "Korea Times"));
  const std::string before = testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM sources");
  Article full = TitleOnly("Harbour dredging begins", "2011-01-04", "Korea Times");
  full.body = "Dredging started in the harbour on Monday.";
  full.canonical_url = "https://www.koreatimes.co.kr/harbour";
  Add(full);
  Article renamed = full;
  renamed.source = "The Harbour Gazette of Nowhere";
  EXPECT_TRUE(Add(renamed).duplicate) << "the same address";
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM sources"), before);
}

}  // namespace
}  // namespace morgue
