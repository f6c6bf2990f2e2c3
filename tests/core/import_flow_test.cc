// ImportRun's flow with the real json plugin: files from folders that no importer claims
// are skipped, --include/--exclude choose a folder's files, a dry run writes nothing, and
// a run asked to stop takes no new input and records what it took.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::WriteFile;

std::string JsonArticle(int n) {
  return "{\"title\": \"Dispatch " + std::to_string(n) + "\", \"body\": \"The body of dispatch " +
         std::to_string(n) + ".\"}\n";
}

class ImportFlowCoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(testing::BuildPluginDir());
    ASSERT_FALSE(plugins_.plugins().empty());
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  std::string Query(const std::string& sql) { return testing::QuerySql(dir_ / "a.db", sql); }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
};

std::vector<std::string> Names(const std::vector<InputFile>& files, const fs::path& base) {
  std::vector<std::string> names;
  for (const InputFile& file : files) {
    names.push_back(file.path.lexically_relative(base).generic_string() +
                    (file.in_folder ? "" : " (named)"));
  }
  return names;
}

TEST(CollectInputsTest, MarksFolderFilesAndAppliesIncludeAndExclude) {
  TempDir dir;
  const fs::path pages = dir / "pages";
  for (const std::string page : {"a", "b"}) {
    WriteFile(pages / page / "source.html", "<p>x</p>");
    WriteFile(pages / page / "expected.html", "<p>x</p>");
    WriteFile(pages / page / "expected-metadata.json", "{}");
  }
  WriteFile(dir / "lone.json", "{}");
  std::vector<InputReport> problems;
  EXPECT_EQ(Names(CollectInputs({pages, dir / "lone.json"}, {}, &problems), dir.path()),
            (std::vector<std::string>{"pages/a/expected-metadata.json", "pages/a/expected.html",
                                      "pages/a/source.html", "pages/b/expected-metadata.json",
                                      "pages/b/expected.html", "pages/b/source.html",
                                      "lone.json (named)"}));
  EXPECT_EQ(Names(CollectInputs({pages, dir / "lone.json"}, {{"source.html"}, {}}, &problems),
                  dir.path()),
            (std::vector<std::string>{"pages/a/source.html", "pages/b/source.html",
                                      "lone.json (named)"}));
  EXPECT_EQ(Names(CollectInputs({pages}, {{}, {"expected*", "b"}}, &problems), dir.path()),
            (std::vector<std::string>{"pages/a/source.html"}));
  EXPECT_EQ(Names(CollectInputs({pages}, {{"b/*.json"}, {}}, &problems), dir.path()),
            (std::vector<std::string>{"pages/b/expected-metadata.json"}));
  EXPECT_TRUE(problems.empty());
}

TEST_F(ImportFlowCoreTest, AFileFromAFolderThatNoImporterClaimsIsSkipped) {
  WriteFile(dir_ / "in" / "photo.jpg", std::string("\xFF\xD8\xFF\xE0\0\0\0", 7));
  WriteFile(dir_ / "in" / "one.json", JsonArticle(1));
  auto run = ImportRun::Start(*archive_, plugins_, {});
  ASSERT_TRUE(run.ok());
  std::vector<InputReport> reports;
  (*run)->ImportFiles(CollectInputs({dir_ / "in"}, {}, nullptr),
                      [&](const InputReport& report) { reports.push_back(report); });
  InputReport named = (*run)->ImportFile(dir_ / "in" / "photo.jpg");
  auto totals = (*run)->Finish();
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_TRUE(reports[1].skipped);
  EXPECT_TRUE(reports[1].status.ok());
  EXPECT_FALSE(named.skipped);
  EXPECT_EQ(named.status.code(), StatusCode::kNotFound) << named.status.ToString();
  EXPECT_EQ(totals->inputs, 3);
  EXPECT_EQ(totals->skipped, 1);
  EXPECT_EQ(totals->failed, 1);
  EXPECT_EQ(Query("SELECT skipped || ' ' || failed FROM imports"), "1 1");
  EXPECT_EQ(Query("SELECT group_concat(input) FROM import_failures"),
            (dir_ / "in" / "photo.jpg").string());
}

TEST_F(ImportFlowCoreTest, ADryRunPlansIdsAndDuplicatesAndWritesNothing) {
  WriteFile(dir_ / "first.json", JsonArticle(1));
  {
    auto run = ImportRun::Start(*archive_, plugins_, {});
    ASSERT_TRUE(run.ok());
    ASSERT_TRUE((*run)->ImportFile(dir_ / "first.json").status.ok());
    ASSERT_TRUE((*run)->Finish().ok());
  }
  WriteFile(dir_ / "mixed.jsonl", JsonArticle(1) + JsonArticle(2) + JsonArticle(2));
  WriteFile(dir_ / "bad.jsonl", JsonArticle(3) + "{\"title\": 3}\n");
  WriteFile(dir_ / "later.json", JsonArticle(3));
  const std::string before = testing::ReadFile(dir_ / "a.db");
  ImportOptions options;
  options.dry_run = true;
  auto run = ImportRun::Start(*archive_, plugins_, options);
  ASSERT_TRUE(run.ok());
  InputReport mixed = (*run)->ImportFile(dir_ / "mixed.jsonl");
  InputReport bad = (*run)->ImportFile(dir_ / "bad.jsonl");
  InputReport later = (*run)->ImportFile(dir_ / "later.json");
  auto totals = (*run)->Finish();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(mixed.article_ids, (std::vector<int64_t>{1, 2, 2}));
  EXPECT_EQ(mixed.new_ids, (std::vector<int64_t>{2}));
  EXPECT_FALSE(bad.status.ok());
  // The failed input's article is forgotten: the next one gets the id it would have had.
  EXPECT_EQ(later.article_ids, (std::vector<int64_t>{3}));
  EXPECT_EQ(later.new_ids, (std::vector<int64_t>{3}));
  EXPECT_EQ(totals->imported, 2);
  EXPECT_EQ(totals->duplicates, 2);
  EXPECT_EQ(totals->failed, 1);
  EXPECT_EQ(testing::ReadFile(dir_ / "a.db"), before);
  EXPECT_EQ(Query("SELECT count(*) FROM imports"), "1");
  EXPECT_EQ(Query("SELECT count(*) FROM import_failures"), "0");
}

TEST_F(ImportFlowCoreTest, AStoppedRunTakesNoNewInputAndRecordsWhatItTook) {
  std::vector<fs::path> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back(dir_ / "in" / ("d" + std::to_string(100 + i) + ".json"));
    WriteFile(files.back(), JsonArticle(i));
  }
  std::atomic<bool> stop{false};
  ImportOptions options;
  options.jobs = 2;
  options.stop_requested = [&stop] { return stop.load(); };
  auto run = ImportRun::Start(*archive_, plugins_, options);
  ASSERT_TRUE(run.ok());
  int reported = 0;
  (*run)->ImportFiles(files, [&](const InputReport&) {
    if (++reported == 10) stop = true;
  });
  auto totals = (*run)->Finish();
  ASSERT_TRUE(totals.ok());
  EXPECT_TRUE(totals->interrupted);
  EXPECT_EQ(reported, 10);
  EXPECT_EQ(totals->inputs, 10);
  EXPECT_EQ(totals->imported, 10);
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "10");
  EXPECT_EQ(Query("SELECT inputs || ' ' || imported || ' ' || interrupted || ' ' || "
                  "(finished_at IS NOT NULL) FROM imports"),
            "10 10 1 1");
}

}  // namespace
}  // namespace morgue
