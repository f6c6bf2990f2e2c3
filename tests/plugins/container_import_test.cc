// The host's side of containers (morgue/container.h), driven through ImportRun with real
// plugins: the test container importer "bundle" hands documents back, and the test
// importer "headline" (a library of its own) reads them, as a WARC record's page is read
// by the html importer.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::AllArticles;
using ::morgue::testing::AuthorNames;
using ::morgue::testing::QuerySql;
using ::morgue::testing::RuleOf;
using ::morgue::testing::TestPluginDir;
using ::morgue::testing::WriteFile;

// A bundle record holding a headline document: its first line is the title.
std::string Record(const std::string& header, const std::string& title, const std::string& body) {
  return "@@ " + header + "\n" + title + "\n" + body + "\n";
}

class ContainerImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.LoadFile(TestPluginDir() / "morgue_test_bundle.so").ok());
    ASSERT_TRUE(registry_.LoadFile(TestPluginDir() / "morgue_test_headline.so").ok());
    auto archive = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(archive.ok()) << archive.status().ToString();
    archive_ = std::move(archive).value();
  }

  // Imports `files` in one run; returns every report in the order given.
  std::vector<InputReport> Import(const std::vector<std::filesystem::path>& files,
                                  ImportOptions options = {}) {
    options.time_limit = std::chrono::milliseconds(0);
    auto run = ImportRun::Start(*archive_, registry_, options);
    EXPECT_TRUE(run.ok());
    std::vector<InputReport> reports;
    (*run)->ImportFiles(files, [&](const InputReport& report) { reports.push_back(report); });
    auto totals = (*run)->Finish();
    EXPECT_TRUE(totals.ok()) << totals.status().ToString();
    totals_ = *totals;
    return reports;
  }

  std::filesystem::path Bundle(const std::string& name, const std::string& content) {
    const auto path = dir_ / name;
    WriteFile(path, content);
    return path;
  }

  testing::TempDir dir_;
  PluginRegistry registry_;
  std::unique_ptr<Archive> archive_;
  ImportTotals totals_;
};

TEST_F(ContainerImportTest, EachDocumentIsAnInputOfItsOwnThenTheContainerSaysWhatItHeld) {
  const auto path =
      Bundle("news.bundle",
             Record("a|doc|ext=.headline", "Ferry strike ends", "The ferries run again.") +
                 Record("b|doc|ext=.headline", "Port reopens", "Ships dock at dawn.") +
                 "@@ c|skip|request records\nGET /\n" + "@@ d|skip|request records\nGET /x\n");
  const std::vector<InputReport> reports = Import({path});
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0].input, path.string() + "#a");
  EXPECT_EQ(reports[0].plugin, "headline");
  EXPECT_EQ(reports[0].from_container, path.string());
  EXPECT_EQ(reports[0].imported, 1);
  EXPECT_EQ(reports[1].input, path.string() + "#b");
  EXPECT_FALSE(reports[0].container.has_value());
  const InputReport& end = reports[2];
  EXPECT_EQ(end.input, path.string());
  EXPECT_EQ(end.plugin, "bundle");
  EXPECT_TRUE(end.status.ok()) << end.status.ToString();
  ASSERT_TRUE(end.container.has_value());
  EXPECT_EQ(end.container->documents, 2);
  EXPECT_EQ(end.container->failed, 0);
  EXPECT_EQ(end.container->skipped, (std::map<std::string, int64_t>{{"request records", 2}}));
  EXPECT_EQ(totals_.inputs, 2);
  EXPECT_EQ(totals_.imported, 2);
  EXPECT_EQ(totals_.containers, 1);
  EXPECT_EQ(totals_.records_skipped, 2);
  const std::vector<Article> articles = AllArticles(*archive_);
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].title, "Ferry strike ends");
  EXPECT_EQ(articles[1].title, "Port reopens");
}

TEST_F(ContainerImportTest, HintsFillOnlyWhatTheDocumentDoesNotState) {
  const auto path =
      Bundle("hints.bundle",
             Record("a|doc|ext=.headline|title=A feed title|url=https://example.org/ferry|"
                    "published=2011-01-04|captured=2024-05-01T10:00:00Z|author=harbour-blog:poster|"
                    "tag=ferries|source=Harbour Times|body-rule=bundle-summary",
                    "Ferry strike ends", "The ferries run again."));
  Import({path});
  const std::vector<Article> articles = AllArticles(*archive_);
  ASSERT_EQ(articles.size(), 1u);
  const Article& article = articles[0];
  EXPECT_EQ(article.title, "Ferry strike ends");  // the document's own title wins
  EXPECT_EQ(RuleOf(article, "title"), "");
  EXPECT_EQ(article.url, "https://example.org/ferry");
  EXPECT_EQ(RuleOf(article, "url"), "bundle record");
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.source, "Harbour Times");
  EXPECT_EQ(article.tags, std::vector<std::string>{"ferries"});
  ASSERT_EQ(article.authors.size(), 1u);
  EXPECT_EQ(article.authors[0].name, "harbour-blog");
  EXPECT_EQ(article.authors[0].role, "poster");
  EXPECT_EQ(RuleOf(article, "body"), "bundle-summary");
  // The capture date is kept with the original, never as a date of the article.
  EXPECT_NE(article.updated, "2024-05-01T10:00:00Z");
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT captured_at FROM documents"), "2024-05-01T10:00:00Z");
}

TEST_F(ContainerImportTest, EachOriginalIsTheRecordsOwnBytesWithWhereItCameFrom) {
  const std::string first = Record("a|doc|ext=.headline|url=https://example.org/a", "Alpha", "A.");
  const auto path = Bundle("origin.bundle", first + Record("b|doc|ext=.headline", "Beta", "B."));
  Import({path});
  const auto db = dir_ / "a.db";
  EXPECT_EQ(QuerySql(db, "SELECT count(*) FROM documents"), "2");
  EXPECT_EQ(QuerySql(db, "SELECT original_path FROM documents WHERE id = 1"), path.string() + "#a");
  EXPECT_EQ(QuerySql(db, "SELECT container FROM documents WHERE id = 2"), path.string());
  EXPECT_EQ(QuerySql(db, "SELECT container_offset FROM documents WHERE id = 2"),
            std::to_string(first.size()));
  EXPECT_EQ(QuerySql(db, "SELECT target_uri FROM documents WHERE id = 1"), "https://example.org/a");
  EXPECT_EQ(QuerySql(db, "SELECT size FROM documents WHERE id = 1"),
            std::to_string(std::string("Alpha\nA.\n").size()));
  // No extension's media type was given: the one the headline plugin declares for it.
  EXPECT_EQ(QuerySql(db, "SELECT media_type FROM documents WHERE id = 1"), "text/x-headline");
  std::string original;
  ASSERT_TRUE(archive_
                  ->WriteOriginal(1,
                                  [&](std::string_view piece) {
                                    original += piece;
                                    return Status::OK();
                                  })
                  .ok());
  EXPECT_EQ(original, "Alpha\nA.\n");
  auto documents = archive_->Documents(2);
  ASSERT_TRUE(documents.ok());
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ((*documents)[0].container, path.string());
  EXPECT_EQ((*documents)[0].container_offset, static_cast<int64_t>(first.size()));
}

TEST_F(ContainerImportTest, ARecordThatCannotBeReadFailsAloneAndTheRestIsImported) {
  const auto path = Bundle("mixed.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                               "@@ bad|fail|chunked encoding cut short\n" +
                                               "@@ empty|doc|ext=.headline\n" +
                                               Record("c|doc|ext=.headline", "Gamma", "C."));
  const std::vector<InputReport> reports = Import({path});
  ASSERT_EQ(reports.size(), 5u);
  EXPECT_EQ(reports[1].input, path.string() + "#bad");
  EXPECT_EQ(reports[1].plugin, "bundle");
  EXPECT_EQ(reports[1].status.message(), "chunked encoding cut short");
  EXPECT_EQ(reports[2].input, path.string() + "#empty");
  EXPECT_EQ(reports[2].plugin, "headline");
  EXPECT_EQ(reports[2].status.message(), "no headline: the input is empty");
  EXPECT_TRUE(reports[3].status.ok());
  ASSERT_TRUE(reports[4].container.has_value());
  EXPECT_TRUE(reports[4].status.ok());
  EXPECT_EQ(reports[4].container->documents, 3);
  EXPECT_EQ(reports[4].container->failed, 1);
  EXPECT_EQ(totals_.imported, 2);
  EXPECT_EQ(totals_.failed, 2);
  EXPECT_EQ(totals_.inputs, 4);
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT group_concat(input, ' ') FROM import_failures"),
            path.string() + "#bad " + path.string() + "#empty");
}

TEST_F(ContainerImportTest, ABrokenContainerFailsNamingWhereAndKeepsTheRecordsBefore) {
  const std::string before =
      Record("a|doc|ext=.headline", "Alpha", "A.") + Record("b|doc|ext=.headline", "Beta", "B.");
  const auto path =
      Bundle("broken.bundle", before + "@@ BROKEN\n" + Record("c|doc|ext=.headline", "C", "C."));
  const std::vector<InputReport> reports = Import({path});
  ASSERT_EQ(reports.size(), 3u);
  const InputReport& end = reports[2];
  EXPECT_EQ(end.input, path.string());
  EXPECT_EQ(end.status.code(), StatusCode::kCorruption);
  EXPECT_EQ(end.status.message(),
            "at byte " + std::to_string(before.size()) + ": the bundle breaks here");
  ASSERT_TRUE(end.container.has_value());
  EXPECT_EQ(end.container->documents, 2);
  EXPECT_EQ(AllArticles(*archive_).size(), 2u);
  EXPECT_EQ(totals_.failed, 1);
  EXPECT_EQ(totals_.inputs, 3);  // two documents and the container that broke
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT input FROM import_failures"), path.string());
}

TEST_F(ContainerImportTest, ImportingTheSameContainerAgainAddsNothing) {
  const auto path = Bundle("again.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                               Record("b|doc|ext=.headline", "Beta", "B."));
  Import({path});
  EXPECT_EQ(totals_.imported, 2);
  Import({path});
  EXPECT_EQ(totals_.imported, 0);
  EXPECT_EQ(totals_.duplicates, 2);
  EXPECT_EQ(AllArticles(*archive_).size(), 2u);
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM documents"), "2");
}

TEST_F(ContainerImportTest, TheSameContainerTwiceInOneRunIsStoredOnce) {
  const auto path = Bundle("twice.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                               Record("b|doc|ext=.headline", "Beta", "B."));
  for (int jobs : {1, 2}) {
    SCOPED_TRACE("jobs " + std::to_string(jobs));
    auto archive = Archive::Open(dir_ / ("twice" + std::to_string(jobs) + ".db"));
    ASSERT_TRUE(archive.ok());
    archive_ = std::move(archive).value();
    ImportOptions options;
    options.jobs = jobs;
    const std::vector<InputReport> reports = Import({path, path}, options);
    ASSERT_EQ(reports.size(), 6u);
    EXPECT_EQ(totals_.imported, 2);
    EXPECT_EQ(totals_.duplicates, 2);
    EXPECT_EQ(reports[3].duplicates, 1);
    EXPECT_EQ(AllArticles(*archive_).size(), 2u);
  }
}

TEST_F(ContainerImportTest, ContainersAndFilesKeepTheirOrderWithSeveralJobs) {
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    if (i % 2 == 0) {
      files.push_back(
          Bundle("c" + n + ".bundle",
                 Record("x|doc|ext=.headline", "Bundled " + n + " one", "One " + n) +
                     Record("y|doc|ext=.headline", "Bundled " + n + " two", "Two " + n)));
    } else {
      files.push_back(dir_ / ("p" + n + ".headline"));
      WriteFile(files.back(), "Single " + n + "\nBody " + n + "\n");
    }
  }
  ImportOptions options;
  options.jobs = 2;
  Import(files, options);
  std::vector<std::string> titles;
  for (const Article& article : AllArticles(*archive_)) titles.push_back(article.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Bundled 0 one", "Bundled 0 two", "Single 1",
                                              "Bundled 2 one", "Bundled 2 two", "Single 3",
                                              "Bundled 4 one", "Bundled 4 two", "Single 5"}));
}

TEST_F(ContainerImportTest, AContainerOverTheSizeLimitIsStreamedAndTheLimitHoldsPerDocument) {
  std::string content;
  for (int i = 0; i < 400; ++i) {
    content += Record(std::to_string(i) + "|doc|ext=.headline", "Story " + std::to_string(i),
                      std::string(200, 'a' + i % 26) + " " + std::to_string(i));
  }
  content += Record("huge|doc|ext=.headline", "Huge", std::string(20000, 'z'));
  const auto path = Bundle("big.bundle", content);
  ImportOptions options;
  options.max_input_bytes = 8 << 10;  // the container is ~100 KiB; each story ~250 bytes
  options.part_bytes = 4 << 10;
  const std::vector<InputReport> reports = Import({path}, options);
  EXPECT_EQ(totals_.imported, 400);
  EXPECT_EQ(totals_.failed, 1);
  ASSERT_GE(reports.size(), 2u);
  const InputReport& huge = reports[reports.size() - 2];
  EXPECT_EQ(huge.input, path.string() + "#huge");
  EXPECT_EQ(huge.status.message(),
            "is 19.5 KiB (20006 bytes), larger than the input size limit of 8 KiB; raise the "
            "limit with --max-input-size");
}

TEST_F(ContainerImportTest, DraftsAreSkippedUnlessAskedFor) {
  const auto path = Bundle("drafts.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                                Record("b|draft|ext=.headline", "Draft", "D."));
  std::vector<InputReport> reports = Import({path});
  EXPECT_EQ(totals_.imported, 1);
  ASSERT_TRUE(reports.back().container.has_value());
  EXPECT_EQ(reports.back().container->skipped, (std::map<std::string, int64_t>{{"drafts", 1}}));
  ImportOptions options;
  options.parameters["drafts"] = "true";
  reports = Import({path}, options);
  EXPECT_EQ(totals_.imported, 1);  // the draft; the other is a duplicate now
  EXPECT_EQ(totals_.duplicates, 1);
  EXPECT_EQ(AllArticles(*archive_).back().title, "Draft");
}

TEST_F(ContainerImportTest, ARecordWithoutIdIsNamedByItsOffset) {
  const std::string first = Record("a|doc|ext=.headline", "Alpha", "A.");
  const auto path = Bundle("offsets.bundle", first + Record("-|doc|ext=.headline", "Beta", "B."));
  const std::vector<InputReport> reports = Import({path});
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[1].input, path.string() + "#" + std::to_string(first.size()));
  EXPECT_EQ(reports[1].container_offset, first.size());
}

TEST_F(ContainerImportTest, ADocumentNoImporterClaimsFailsEvenInAFolderWalk) {
  std::filesystem::create_directory(dir_ / "walk");
  WriteFile(dir_ / "walk" / "w.bundle", Record("a|doc|ext=.unknown", "Alpha", "A."));
  std::vector<InputReport> problems;
  const std::vector<InputFile> files = CollectInputs({dir_ / "walk"}, {}, &problems);
  ASSERT_EQ(files.size(), 1u);
  ImportOptions options;
  options.time_limit = std::chrono::milliseconds(0);
  auto run = ImportRun::Start(*archive_, registry_, options);
  ASSERT_TRUE(run.ok());
  std::vector<InputReport> reports;
  (*run)->ImportFiles(files, [&](const InputReport& report) { reports.push_back(report); });
  ASSERT_TRUE((*run)->Finish().ok());
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_FALSE(reports[0].skipped);
  EXPECT_EQ(reports[0].status.code(), StatusCode::kNotFound);
  EXPECT_EQ((*run)->totals().failed, 1);
}

TEST_F(ContainerImportTest, ADryRunReportsTheDocumentsAndStoresNothing) {
  const auto path = Bundle("dry.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                             Record("b|doc|ext=.headline", "Beta", "B."));
  ImportOptions options;
  options.dry_run = true;
  const std::vector<InputReport> reports = Import({path}, options);
  ASSERT_EQ(reports.size(), 3u);
  EXPECT_EQ(reports[0].new_ids, std::vector<int64_t>{1});
  EXPECT_EQ(reports[1].new_ids, std::vector<int64_t>{2});
  EXPECT_EQ(AllArticles(*archive_).size(), 0u);
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM documents"), "0");
}

TEST_F(ContainerImportTest, ADryRunGivesTheInputAfterABrokenContainerAnIdOfItsOwn) {
  const auto path =
      Bundle("cut.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                               Record("b|doc|ext=.headline", "Beta", "B.") + "@@ BROKEN\n");
  const auto next = dir_ / "next.headline";
  WriteFile(next, "Gamma\nC.\n");
  ImportOptions options;
  options.dry_run = true;
  const std::vector<InputReport> reports = Import({path, next}, options);
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[1].new_ids, std::vector<int64_t>{2});
  EXPECT_FALSE(reports[2].status.ok());
  EXPECT_EQ(reports[3].input, next.string());
  EXPECT_EQ(reports[3].new_ids, std::vector<int64_t>{3});
}

TEST_F(ContainerImportTest, BytesGivenAsAContainerAreReadToo) {
  ImportOptions options;
  options.format = "bundle";
  options.time_limit = std::chrono::milliseconds(0);
  auto run = ImportRun::Start(*archive_, registry_, options);
  ASSERT_TRUE(run.ok());
  std::vector<InputReport> documents;
  const InputReport report = (*run)->ImportBytes(
      "<stdin>",
      Record("a|doc|ext=.headline", "Alpha", "A.") + Record("b|doc|ext=.headline", "Beta", "B."),
      [&](const InputReport& document) { documents.push_back(document); });
  ASSERT_TRUE((*run)->Finish().ok());
  ASSERT_EQ(documents.size(), 2u);
  EXPECT_EQ(documents[0].input, "<stdin>#a");
  ASSERT_TRUE(report.container.has_value());
  EXPECT_EQ(report.container->documents, 2);
  EXPECT_EQ(AllArticles(*archive_).size(), 2u);
}

TEST_F(ContainerImportTest, NotAContainerOfItsFormatFailsAsAnInput) {
  const auto path = Bundle("plain.bundle", "@@ a|doc|ext=.headline\nAlpha\nA.\n");
  WriteFile(path, "no records here\n");
  ImportOptions options;
  options.format = "bundle";
  const std::vector<InputReport> reports = Import({path}, options);
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].status.message(), "at byte 0: not a bundle record");
  EXPECT_EQ(totals_.failed, 1);
}

}  // namespace
}  // namespace morgue
