// Archive::Tag and Untag say which tags they changed and which were already so.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using Tags = std::vector<std::string>;

class TagChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
    Article article;
    article.title = "Budget vote";
    article.body = "Parliament passed the budget.";
    article.tags = {"economy"};
    auto added = archive_->Add(article);
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    id_ = added->id;
  }

  testing::TempDir dir_;
  std::unique_ptr<Archive> archive_;
  int64_t id_ = 0;
};

TEST_F(TagChangesTest, TagSaysWhichTagsItAddedAndWhichWereThere) {
  TagChanges changes;
  ASSERT_TRUE(archive_->Tag(id_, {"economy", " politics ", "politics"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{"politics"});  // normalized, once
  // The article had it from the page: not added again, but now the user's too.
  EXPECT_EQ(changes.unchanged, Tags{});
  EXPECT_EQ(changes.adopted, Tags{"economy"});
  EXPECT_EQ(archive_->Get(id_)->tags, (Tags{"economy", "politics"}));

  ASSERT_TRUE(archive_->Tag(id_, {"politics"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{});
  EXPECT_EQ(changes.unchanged, Tags{"politics"});
}

TEST_F(TagChangesTest, UntagSaysWhichTagsItRemovedAndWhichWereNotThere) {
  TagChanges changes;
  ASSERT_TRUE(archive_->Untag(id_, {"japan"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{});
  EXPECT_EQ(changes.unchanged, Tags{"japan"});
  EXPECT_EQ(archive_->Get(id_)->tags, Tags{"economy"});

  ASSERT_TRUE(archive_->Untag(id_, {"ECONOMY", "japan"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{"ECONOMY"});  // tags match without regard to case
  EXPECT_EQ(changes.unchanged, Tags{"japan"});
  EXPECT_EQ(archive_->Get(id_)->tags, Tags{});
}

TEST_F(TagChangesTest, ChangesAreOptional) {
  EXPECT_TRUE(archive_->Tag(id_, {"economy"}).ok());
  EXPECT_TRUE(archive_->Untag(id_, {"nothing"}).ok());
}

}  // namespace
}  // namespace morgue
