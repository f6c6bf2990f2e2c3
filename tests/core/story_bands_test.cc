// The band keys an import run sets aside and merges into story_bands many at once
// (core/src/archive_story_bands.cc): within the run its articles still find each other,
// after it every signed article has its keys, a run killed before merging loses none, and
// an article another writer stored meanwhile is linked all the same.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "morgue/import.h"
#include "support/made_up_text.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::MadeUpBody;
using testing::TempDir;
using testing::WriteFile;

std::string JsonArticle(const std::string& title, const std::string& source,
                        const std::string& body) {
  return "{\"title\": \"" + title + "\", \"source\": \"" + source + "\", \"body\": \"" + body +
         "\"}\n";
}

Article Story(const std::string& title, const std::string& source, std::string body) {
  Article a;
  a.title = title;
  a.source = source;
  a.body = std::move(body);
  return a;
}

class StoryBandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(testing::BuildPluginDir());
    ASSERT_FALSE(plugins_.plugins().empty());
    archive_ = Open();
  }

  std::unique_ptr<Archive> Open() {
    auto opened = Archive::Open(dir_ / "a.db");
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  std::string Query(const std::string& sql) { return testing::QuerySql(dir_ / "a.db", sql); }

  // Every signed article has its 16 keys in story_bands (one per band), none waits.
  void ExpectEveryKeyMerged() {
    EXPECT_EQ(Query("SELECT count(*) FROM story_bands"),
              Query("SELECT 16 * count(*) FROM story_signatures"));
    EXPECT_EQ(Query("SELECT count(*) FROM (SELECT article_id FROM story_bands "
                    "GROUP BY article_id HAVING count(*) != 16)"),
              "0");
    EXPECT_EQ(Query("SELECT count(*) FROM story_bands WHERE article_id NOT IN "
                    "(SELECT article_id FROM story_signatures)"),
              "0");
    EXPECT_EQ(Query("SELECT count(*) FROM story_bands_pending"), "0");
  }

  // A run (each input committed before the next) that has stored one story, article 1,
  // and other_: another connection to the archive, opened before the run (an open to
  // write merges keys left waiting).
  std::unique_ptr<ImportRun> StartRunWithAStory() {
    WriteFile(dir_ / "times.jsonl",
              JsonArticle("Seoul, Tokyo seek pact", "Korea Times", MadeUpBody(0, 7, "\\n\\n")));
    other_ = Open();
    ImportOptions options;
    options.inputs_per_transaction = 1;
    auto run = ImportRun::Start(*archive_, plugins_, options);
    if (!run.ok()) ADD_FAILURE() << run.status().ToString();
    if (other_ == nullptr || !run.ok()) return nullptr;
    const InputReport stored = (*run)->ImportFile(dir_ / "times.jsonl");
    if (!stored.status.ok()) {
      ADD_FAILURE() << stored.status.ToString();
      return nullptr;
    }
    return std::move(run).value();
  }

  std::vector<StoryLink> LinksOf(Archive& archive, int64_t id) {
    auto links = archive.Links(id);
    EXPECT_TRUE(links.ok()) << links.status().ToString();
    return links.ok() ? *links : std::vector<StoryLink>{};
  }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
  std::unique_ptr<Archive> other_;
};

TEST_F(StoryBandsTest, ARunsKeysWaitWhileItStoresAndItsArticlesStillFindEachOther) {
  // Stories, then wire copies cut short, each file an input of its own.
  for (int story = 0; story < 20; ++story) {
    WriteFile(dir_ / ("story-" + std::to_string(100 + story) + ".json"),
              JsonArticle("Story " + std::to_string(story), "Yonhap",
                          MadeUpBody(story * 10, story * 10 + 7, "\\n\\n")));
  }
  for (int story = 0; story < 20; story += 5) {
    WriteFile(dir_ / ("story-" + std::to_string(200 + story) + ".json"),
              JsonArticle("Copy of story " + std::to_string(story), "Korea Herald",
                          MadeUpBody(story * 10, story * 10 + 5, "\\n\\n")));
  }
  ImportOptions options;
  options.inputs_per_transaction = 4;  // several commits
  auto run = ImportRun::Start(*archive_, plugins_, options);
  ASSERT_TRUE(run.ok());
  int64_t near_duplicates = 0;
  std::vector<std::filesystem::path> files;
  for (const auto& file : std::filesystem::directory_iterator(dir_.path())) {
    if (file.path().extension() == ".json") files.push_back(file.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const InputReport report = (*run)->ImportFile(file);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    near_duplicates += report.near_duplicates;
  }
  EXPECT_EQ(near_duplicates, 4);
  // Committed, signed, and their keys still set aside, as another tool sees the file.
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "24");
  EXPECT_EQ(Query("SELECT count(*) FROM story_bands"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM story_bands_pending"), "24");
  ASSERT_TRUE((*run)->Finish().ok());
  for (int copy = 0; copy < 4; ++copy) {
    const std::vector<StoryLink> links = LinksOf(*archive_, 21 + copy);
    ASSERT_EQ(links.size(), 1u) << "copy " << copy;
    EXPECT_EQ(links[0].id, 1 + copy * 5);
    EXPECT_EQ(links[0].kind, "near");
  }
  ExpectEveryKeyMerged();
  // Stored one by one afterwards, a copy finds them in story_bands.
  auto later = archive_->Add(Story("Late copy", "Dong-A Ilbo", MadeUpBody(10, 15)));
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->near_duplicates, std::vector<int64_t>{2});
}

// A JSON Lines file of `stories` articles (story i: paragraphs 8i … 8i+7 from `first`),
// larger than a part, so that it is read, and stored, in parts.
std::string ManyStories(int first, int stories) {
  std::string lines;
  for (int i = first; i < first + stories; ++i) {
    lines +=
        JsonArticle("Story " + std::to_string(i), "Yonhap", MadeUpBody(i * 8, i * 8 + 7, "\\n\\n"));
  }
  return lines;
}

TEST_F(StoryBandsTest, AnInputMergesItsKeysAsItGoesAndOneRolledBackTakesThemWithIt) {
  // 5,000 articles: more than one merge's worth (4,096), in one input read in parts
  // whose last part fails: the whole input is rolled back, the merge inside it too.
  WriteFile(dir_ / "a-failing.jsonl", ManyStories(0, 5000) + "{\"title\": \"cut short\n");
  // Then others, which take the same ids, and copies of stories on either side of a merge.
  WriteFile(dir_ / "b-stories.jsonl",
            ManyStories(10000, 5000) +
                JsonArticle("Copy of the first", "Korea Herald",
                            MadeUpBody(10000 * 8, 10000 * 8 + 5, "\\n\\n")) +
                JsonArticle("Copy of the last", "Korea Herald",
                            MadeUpBody(14999 * 8, 14999 * 8 + 5, "\\n\\n")));
  // Each input committed as it ends, so that what it merged is seen from outside the run
  // however fast it went (a batch otherwise commits after 256 inputs or a second).
  ImportOptions one_input_a_batch;
  one_input_a_batch.inputs_per_transaction = 1;
  auto run = ImportRun::Start(*archive_, plugins_, one_input_a_batch);
  ASSERT_TRUE(run.ok());
  EXPECT_FALSE((*run)->ImportFile(dir_ / "a-failing.jsonl").status.ok());
  const InputReport stored = (*run)->ImportFile(dir_ / "b-stories.jsonl");
  ASSERT_TRUE(stored.status.ok()) << stored.status.ToString();
  EXPECT_EQ(stored.imported, 5002);
  EXPECT_EQ(stored.near_duplicates, 2);
  // Merged inside the input already, before the run ends.
  EXPECT_NE(Query("SELECT count(*) FROM story_bands"), "0");
  ASSERT_TRUE((*run)->Finish().ok());
  EXPECT_EQ(LinksOf(*archive_, 5001).at(0).id, 1);
  EXPECT_EQ(LinksOf(*archive_, 5002).at(0).id, 5000);
  // No key of the articles rolled back was merged under the ids the next ones took.
  ExpectEveryKeyMerged();
}

TEST_F(StoryBandsTest, KeysARunLeftWaitingAreMadeWhenTheArchiveIsNextOpenedToWrite) {
  auto first = archive_->Add(Story("Seoul, Tokyo seek pact", "Korea Times", MadeUpBody(0, 7)));
  ASSERT_TRUE(first.ok());
  archive_.reset();
  // As a run killed before it merged leaves the archive: the article and its signature
  // committed, its keys only promised.
  testing::ExecSql(dir_ / "a.db",
                   "DELETE FROM story_bands; INSERT INTO story_bands_pending VALUES (" +
                       std::to_string(first->id) + ")");
  // Reading does not need them, and does not refuse.
  OpenOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  auto reader = Archive::Open(dir_ / "a.db", read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  reader->reset();
  archive_ = Open();
  ASSERT_NE(archive_, nullptr);
  ExpectEveryKeyMerged();
  auto copy = archive_->Add(Story("S. Korea mulls pact", "Yonhap", MadeUpBody(0, 5)));
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->near_duplicates, std::vector<int64_t>{first->id});
}

TEST_F(StoryBandsTest, AnArticleAnotherWriterStoredWhileKeysWaitedIsLinked) {
  // One run keeps its keys aside while another connection stores a copy of its story,
  // which cannot see them: the run links the two when it next writes.
  WriteFile(dir_ / "other.jsonl",
            JsonArticle("Rain in Busan", "Busan Ilbo", MadeUpBody(40, 47, "\\n\\n")));
  std::unique_ptr<ImportRun> run = StartRunWithAStory();
  ASSERT_NE(run, nullptr);
  auto copy = other_->Add(Story("S. Korea mulls pact", "Yonhap", MadeUpBody(0, 5)));
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE(run->ImportFile(dir_ / "other.jsonl").status.ok());
  const std::vector<StoryLink> links = LinksOf(*archive_, 1);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].id, copy->id);
  EXPECT_EQ(links[0].kind, "near");
  ASSERT_TRUE(run->Finish().ok());
  ExpectEveryKeyMerged();
}

TEST_F(StoryBandsTest, ACopyARunStoresFindsAnArticleAnotherWriterStoredMeanwhile) {
  // The run looks up only the keys its filter may hold; the other writer's keys were never
  // added to it, so it must not answer for them.
  WriteFile(dir_ / "copy.jsonl",
            JsonArticle("Busan drenched", "Yonhap", MadeUpBody(40, 45, "\\n\\n")));
  std::unique_ptr<ImportRun> run = StartRunWithAStory();
  ASSERT_NE(run, nullptr);
  auto rain = other_->Add(Story("Rain in Busan", "Busan Ilbo", MadeUpBody(40, 47)));
  ASSERT_TRUE(rain.ok());
  const InputReport copied = run->ImportFile(dir_ / "copy.jsonl");
  ASSERT_TRUE(copied.status.ok());
  EXPECT_EQ(copied.near_duplicates, 1);
  ASSERT_TRUE(run->Finish().ok());
  ASSERT_EQ(copied.article_ids.size(), 1u);
  const std::vector<StoryLink> links = LinksOf(*archive_, rain->id);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].kind, "near");
  EXPECT_EQ(links[0].id, copied.article_ids[0]);
  ExpectEveryKeyMerged();
}

TEST_F(StoryBandsTest, AnArticleAddedBetweenARunsBatchesFindsWhatAnotherWriterStored) {
  // Outside the run's batches nothing has looked at what others wrote since its filter
  // was made: the filter must not answer then.
  std::unique_ptr<ImportRun> run = StartRunWithAStory();
  ASSERT_NE(run, nullptr);
  auto rain = other_->Add(Story("Rain in Busan", "Busan Ilbo", MadeUpBody(40, 47)));
  ASSERT_TRUE(rain.ok());
  auto copy = archive_->Add(Story("Busan drenched", "Yonhap", MadeUpBody(40, 45)));
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  ASSERT_EQ(copy->near_duplicates.size(), 1u);
  EXPECT_EQ(copy->near_duplicates[0], rain->id);
  ASSERT_TRUE(run->Finish().ok());
  ExpectEveryKeyMerged();
}

TEST_F(StoryBandsTest, AnArticleAnotherWriterStoredAfterARunsLastInputIsLinkedAtItsEnd) {
  std::unique_ptr<ImportRun> run = StartRunWithAStory();
  ASSERT_NE(run, nullptr);
  auto copy = other_->Add(Story("S. Korea mulls pact", "Yonhap", MadeUpBody(0, 5)));
  ASSERT_TRUE(copy.ok());
  EXPECT_TRUE(copy->near_duplicates.empty());  // the run's keys still wait
  ASSERT_TRUE(run->Finish().ok());
  const std::vector<StoryLink> links = LinksOf(*other_, copy->id);
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].id, 1);
  ExpectEveryKeyMerged();
}

}  // namespace
}  // namespace morgue
