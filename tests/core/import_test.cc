// ImportRun with the real json plugin built by this tree: documents, dedup, per-input
// atomicity, batching, and the run's record in the archive.

#include "morgue/import.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zstd.h>

#include <utility>

#include "support/test_support.h"

namespace morgue {
namespace {

using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(testing::BuildPluginDir());
    ASSERT_FALSE(plugins_.plugins().empty()) << "no plugins in " << testing::BuildPluginDir();
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  std::unique_ptr<ImportRun> Start(ImportOptions options = {}) {
    auto run = ImportRun::Start(*archive_, plugins_, std::move(options));
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    return run.ok() ? std::move(run).value() : nullptr;
  }

  int64_t Articles() { return archive_->Stats()->articles; }

  std::string Query(const std::string& sql) { return testing::QuerySql(dir_ / "a.db", sql); }

  static std::filesystem::path Sample() { return testing::FixturesDir() / "sample-articles.jsonl"; }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ImportTest, ImportsEveryArticleAndKeepsTheOriginalBytes) {
  auto run = Start();
  InputReport report = run->ImportFile(Sample());
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.plugin, "json");
  EXPECT_EQ(report.imported, 4);
  EXPECT_EQ(report.article_ids.size(), 4u);
  auto totals = run->Finish();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->imported, 4);
  EXPECT_EQ(Articles(), 4);

  const std::string original = ReadFile(Sample());
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(Query("SELECT size FROM documents"), std::to_string(original.size()));
  EXPECT_EQ(Query("SELECT plugin FROM documents"), "json");
  EXPECT_EQ(Query("SELECT original_path FROM documents"), Sample().string());
  EXPECT_EQ(Query("SELECT media_type FROM documents"), "application/x-ndjson");
  EXPECT_EQ(Query("SELECT count(*) FROM article_documents"), "4");
  ASSERT_EQ(Query("SELECT compression FROM documents"), "zstd");
  std::string stored = Query("SELECT content FROM documents");
  // One zstd frame with the original's size in its header, as the zstd tool reads it.
  ASSERT_EQ(ZSTD_getFrameContentSize(stored.data(), stored.size()), original.size());
  std::string restored(original.size(), '\0');
  ASSERT_EQ(ZSTD_decompress(restored.data(), restored.size(), stored.data(), stored.size()),
            original.size());
  EXPECT_EQ(restored, original);

  auto seed = archive_->Get(report.article_ids[0]);
  ASSERT_TRUE(seed.ok());
  EXPECT_EQ(seed->title, "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(seed->authors.at(0).email, "leeth@koreatimes.co.kr");
}

TEST_F(ImportTest, ReimportingReportsDuplicatesAndStoresNothingTwice) {
  {
    auto run = Start();
    ASSERT_TRUE(run->ImportFile(Sample()).status.ok());
  }
  auto run = Start();
  InputReport again = run->ImportFile(Sample());
  ASSERT_TRUE(again.status.ok()) << again.status.ToString();
  EXPECT_EQ(again.imported, 0);
  EXPECT_EQ(again.duplicates, 4);
  ASSERT_TRUE(run->Finish().ok());
  EXPECT_EQ(Articles(), 4);
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(Query("SELECT count(*) FROM imports"), "2");
  EXPECT_EQ(Query("SELECT duplicates FROM imports WHERE id = 2"), "4");
  EXPECT_EQ(Query("SELECT imported FROM imports WHERE id = 1"), "4");
}

TEST_F(ImportTest, ABadRecordFailsItsWholeInputAndTheBatchGoesOn) {
  WriteFile(dir_ / "good1.jsonl", "{\"title\": \"First good\"}\n");
  WriteFile(dir_ / "bad.jsonl",
            "{\"title\": \"Would be fine\"}\n{\"title\": \"Bad date\", \"published\": \"soon\"}\n");
  WriteFile(dir_ / "good2.jsonl", "{\"title\": \"Second good\"}\n");
  ImportOptions options;
  options.inputs_per_transaction = 2;
  auto run = Start(options);
  EXPECT_TRUE(run->ImportFile(dir_ / "good1.jsonl").status.ok());
  InputReport bad = run->ImportFile(dir_ / "bad.jsonl");
  EXPECT_FALSE(bad.status.ok());
  EXPECT_NE(bad.status.message().find("line 2"), std::string::npos) << bad.status.message();
  EXPECT_NE(bad.status.message().find("published"), std::string::npos) << bad.status.message();
  EXPECT_EQ(bad.imported, 0);
  EXPECT_TRUE(run->ImportFile(dir_ / "good2.jsonl").status.ok());
  auto totals = run->Finish();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->imported, 2);
  EXPECT_EQ(totals->failed, 1);
  EXPECT_EQ(Articles(), 2);
  Filter f;
  f.query = "\"would be fine\"";
  EXPECT_TRUE(archive_->Search(f)->empty());
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "2");  // the bad input's is rolled back
  EXPECT_EQ(Query("SELECT input FROM import_failures"), (dir_ / "bad.jsonl").string());
  EXPECT_EQ(Query("SELECT failed FROM imports"), "1");
}

TEST_F(ImportTest, TagsFromTheCommandLineGoOnEveryArticle) {
  ImportOptions options;
  options.tags = {"batch-2011", "japan"};
  auto run = Start(options);
  InputReport report = run->ImportFile(Sample());
  ASSERT_TRUE(report.status.ok());
  for (int64_t id : report.article_ids) {
    auto article = archive_->Get(id);
    ASSERT_TRUE(article.ok());
    EXPECT_NE(std::find(article->tags.begin(), article->tags.end(), "batch-2011"),
              article->tags.end());
  }
}

TEST_F(ImportTest, InputsWithNoArticleOrThatCannotBeReadFail) {
  WriteFile(dir_ / "empty.json", "[]");
  auto run = Start();
  InputReport empty = run->ImportFile(dir_ / "empty.json");
  EXPECT_FALSE(empty.status.ok());
  EXPECT_NE(empty.status.message().find("no article"), std::string::npos);
  InputReport missing = run->ImportFile(dir_ / "missing.json");
  EXPECT_EQ(missing.status.code(), StatusCode::kIOError);
  EXPECT_NE(missing.status.message().find("No such file"), std::string::npos);
  InputReport folder = run->ImportFile(dir_.path());
  EXPECT_FALSE(folder.status.ok());
  auto totals = run->Finish();
  EXPECT_EQ(totals->failed, 3);
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "0");
}

TEST_F(ImportTest, PathsThatCouldNotBeReadCountAsFailedInputsOfTheRun) {
  std::vector<InputReport> problems;
  auto files = CollectInputFiles({dir_ / "nowhere"}, &problems);
  ASSERT_EQ(problems.size(), 1u);
  auto run = Start();
  run->RecordProblem(problems[0]);
  ASSERT_TRUE(run->ImportFile(Sample()).status.ok());
  auto totals = run->Finish();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->inputs, 2);
  EXPECT_EQ(totals->failed, 1);
  EXPECT_EQ(Query("SELECT reason FROM import_failures"), "no such file or folder");
  EXPECT_EQ(Query("SELECT failed FROM imports"), "1");
}

TEST_F(ImportTest, UnknownFormatIsRefused) {
  ImportOptions options;
  options.format = "no-such-format";
  auto run = Start(options);
  InputReport report = run->ImportFile(Sample());
  EXPECT_EQ(report.status.code(), StatusCode::kNotFound);
  EXPECT_NE(report.status.message().find("jsonl"), std::string::npos) << report.status.message();
  EXPECT_EQ(Articles(), 0);
}

TEST_F(ImportTest, StandardInputIsImportedUnderItsName) {
  auto run = Start();
  InputReport report =
      run->ImportBytes("<stdin>", "{\"title\": \"Piped in\", \"body\": \"From a pipe.\"}\n");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  ASSERT_TRUE(run->Finish().ok());
  EXPECT_EQ(Query("SELECT original_path FROM documents"), "<stdin>");
  EXPECT_EQ(Articles(), 1);
}

TEST_F(ImportTest, AnUnfinishedRunKeepsItsCompleteInputs) {
  {
    ImportOptions options;
    options.inputs_per_transaction = 100;
    auto run = Start(options);
    ASSERT_TRUE(run->ImportFile(Sample()).status.ok());
    // No Finish: the run is dropped, as when the caller returns early.
  }
  EXPECT_EQ(Articles(), 4);
  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
}

TEST_F(ImportTest, ImportFilesReportsAndStoresInTheOrderGivenWhateverTheJobs) {
  // Inputs that take the importers different times (a long file, short ones, ones that
  // fail), so that with several jobs they finish out of order.
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 40; ++i) {
    const auto file = dir_ / ("in" + std::to_string(i) + ".jsonl");
    std::string records;
    const int count = i % 5 == 0 ? 400 : 1;
    for (int r = 0; r < count; ++r) {
      records += "{\"title\": \"Input " + std::to_string(i) + " record " + std::to_string(r) +
                 "\", \"body\": \"Text of input " + std::to_string(i) + " record " +
                 std::to_string(r) + ".\"}\n";
    }
    WriteFile(file, i % 7 == 3 ? "{ broken" : records);
    files.push_back(file);
  }
  files.push_back(dir_ / "missing.jsonl");

  std::vector<std::vector<InputReport>> runs;
  // The third run lets one byte of extracted inputs wait: its jobs take a new input only
  // when the writer has stored all they extracted.
  for (auto [jobs, held_bytes] :
       {std::pair{1, 16 << 20}, std::pair{4, 16 << 20}, std::pair{4, 1}}) {
    TempDir other;
    auto opened = Archive::Open(other / "b.db");
    ASSERT_TRUE(opened.ok());
    ImportOptions options;
    options.jobs = jobs;
    options.held_bytes = static_cast<uint64_t>(held_bytes);
    auto run = ImportRun::Start(**opened, plugins_, options);
    ASSERT_TRUE(run.ok());
    std::vector<InputReport> reports;
    (*run)->ImportFiles(files, [&](const InputReport& report) { reports.push_back(report); });
    auto totals = (*run)->Finish();
    ASSERT_TRUE(totals.ok());
    EXPECT_EQ(totals->inputs, 41);
    EXPECT_EQ(totals->failed, 7);  // the six broken files and the missing one
    runs.push_back(std::move(reports));
  }
  for (const auto& reports : runs) ASSERT_EQ(reports.size(), files.size());
  for (size_t run = 1; run < runs.size(); ++run) {
    for (size_t i = 0; i < files.size(); ++i) {
      EXPECT_EQ(runs[0][i].input, files[i].string());
      EXPECT_EQ(runs[run][i].input, files[i].string());
      EXPECT_EQ(runs[run][i].status.ToString(), runs[0][i].status.ToString()) << run << " " << i;
      EXPECT_EQ(runs[run][i].article_ids, runs[0][i].article_ids) << run << " " << i;
    }
  }
  EXPECT_EQ(runs[2][5].article_ids.size(), 400u);
  // Inputs 0 and 5 hold 400 articles, 1, 2 and 4 one each, 3 is broken: 803 before it.
  EXPECT_EQ(runs[2][6].article_ids, std::vector<int64_t>{804});
}

// A JSON Lines file of `records` articles, with a byte order mark, a blank line, CRLF
// line ends on some lines and no line break after the last line; `bad_line` (from 1),
// when given, is malformed.
std::string JsonLines(int records, int bad_line = 0) {
  std::string text = "\xEF\xBB\xBF";
  for (int i = 1; i <= records; ++i) {
    if (i == bad_line) {
      text += "{\"title\": \"broken\n";
      continue;
    }
    text += "{\"title\": \"Record " + std::to_string(i) + "\", \"body\": \"The body of record " +
            std::to_string(i) + ", long enough to matter: " + std::string(200, 'x') +
            "\", \"tags\": [\"t" + std::to_string(i % 7) + "\"], \"url\": \"https://example.org/" +
            std::to_string(i) + "\"}";
    if (i != records) text += i % 10 == 0 ? "\r\n" : "\n";
    if (i == 5) text += "\n";  // a blank line
  }
  return text;
}

// The one document of the archive at `db`: its compression, a space, its bytes.
std::string StoredOriginal(const std::filesystem::path& db_path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) return "cannot open";
  sqlite3_stmt* stmt = nullptr;
  std::string result = "no document";
  if (sqlite3_prepare_v2(db, "SELECT compression, content, size FROM documents", -1, &stmt,
                         nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    const std::string compression = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    const auto* content = static_cast<const char*>(sqlite3_column_blob(stmt, 1));
    const std::string stored(content, static_cast<size_t>(sqlite3_column_bytes(stmt, 1)));
    std::string original = stored;
    if (compression == "zstd") {
      original.assign(static_cast<size_t>(sqlite3_column_int64(stmt, 2)), '\0');
      const size_t length =
          ZSTD_decompress(original.data(), original.size(), stored.data(), stored.size());
      original = ZSTD_isError(length) != 0 ? "corrupt" : original.substr(0, length);
    }
    result = compression + " " + original;
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

TEST_F(ImportTest, ALargeJsonLinesFileReadInPartsIsStoredAsIfWhole) {
  const auto file = dir_ / "big.jsonl";
  WriteFile(file, JsonLines(400));
  ASSERT_GT(std::filesystem::file_size(file), 100000u);
  std::vector<InputReport> reports;
  std::vector<std::string> contents;
  for (uint64_t part_bytes : {uint64_t{0}, uint64_t{4096}}) {
    TempDir other;
    auto opened = Archive::Open(other / "b.db");
    ASSERT_TRUE(opened.ok());
    ImportOptions options;
    options.part_bytes = part_bytes;
    auto run = ImportRun::Start(**opened, plugins_, options);
    ASSERT_TRUE(run.ok());
    reports.push_back((*run)->ImportFile(file));
    ASSERT_TRUE((*run)->Finish().ok());
    ASSERT_TRUE(reports.back().status.ok()) << reports.back().status.ToString();
    contents.push_back(testing::QuerySql(
        other / "b.db",
        "SELECT group_concat(id || '|' || title || '|' || body || '|' || url || '|' || "
        "coalesce(tags_text, ''), '\n') FROM (SELECT * FROM articles ORDER BY id)"));
    EXPECT_EQ(testing::QuerySql(other / "b.db",
                                "SELECT count(*) || ' ' || size || ' ' || sha256 || ' ' || "
                                "original_path FROM documents"),
              "1 " + std::to_string(std::filesystem::file_size(file)) + " " +
                  testing::QuerySql(other / "b.db", "SELECT sha256 FROM documents") + " " +
                  file.string());
    // The original is kept byte for byte, however it was read.
    EXPECT_EQ(StoredOriginal(other / "b.db"), "zstd " + ReadFile(file));
  }
  EXPECT_EQ(reports[1].imported, 400);
  EXPECT_EQ(reports[1].article_ids, reports[0].article_ids);
  EXPECT_EQ(contents[1], contents[0]);
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT 1"), "1");
}

TEST_F(ImportTest, ALargeFileItsImporterReadsWholeIsStoredOnceAndWhole) {
  // Larger than a part, but a JSON array is not read line by line: its first part is
  // probed, then the file is read whole. Its original must be the file, stored once.
  const auto file = dir_ / "big.json";
  std::string text = "[\n";
  for (int i = 1; i <= 100; ++i) {
    text += std::string(i > 1 ? ",\n" : "") + "{\"title\": \"Record " + std::to_string(i) +
            "\", \"body\": \"The body of record " + std::to_string(i) + ": " +
            std::string(200, 'x') + "\"}";
  }
  WriteFile(file, text + "\n]\n");
  ASSERT_GT(std::filesystem::file_size(file), 4u * 4096);
  std::vector<std::string> originals;
  for (uint64_t part_bytes : {uint64_t{0}, uint64_t{4096}}) {
    TempDir other;
    auto opened = Archive::Open(other / "b.db");
    ASSERT_TRUE(opened.ok());
    ImportOptions options;
    options.part_bytes = part_bytes;
    auto run = ImportRun::Start(**opened, plugins_, options);
    ASSERT_TRUE(run.ok());
    const InputReport report = (*run)->ImportFile(file);
    ASSERT_TRUE((*run)->Finish().ok());
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.imported, 100) << part_bytes;
    EXPECT_EQ(testing::QuerySql(other / "b.db", "SELECT count(*) || ' ' || size FROM documents"),
              "1 " + std::to_string(std::filesystem::file_size(file)));
    originals.push_back(StoredOriginal(other / "b.db"));
  }
  EXPECT_EQ(originals[0], "zstd " + ReadFile(file));
  EXPECT_EQ(originals[1], originals[0]);
}

TEST_F(ImportTest, AMalformedLineInALaterPartFailsTheWholeFileNamingTheLine) {
  const auto file = dir_ / "big.jsonl";
  WriteFile(file, JsonLines(400, 351));
  for (uint64_t part_bytes : {uint64_t{0}, uint64_t{4096}}) {
    ImportOptions options;
    options.part_bytes = part_bytes;
    auto run = Start(options);
    InputReport report = run->ImportFile(file);
    ASSERT_TRUE(run->Finish().ok());
    // Line 352: the blank line after record 5 counts.
    EXPECT_EQ(report.status.message(),
              "line 352: malformed JSON at column 18: invalid string: missing closing quote near "
              "'\"broken'")
        << part_bytes;
    EXPECT_EQ(report.plugin, "json");
    EXPECT_EQ(Articles(), 0);
    EXPECT_EQ(Query("SELECT count(*) FROM documents"), "0");
  }
}

TEST_F(ImportTest, TheSizeLimitBoundsALineOfAFileReadInPartsNotTheFile) {
  const auto file = dir_ / "big.jsonl";
  WriteFile(file, JsonLines(400));
  ImportOptions options;
  options.part_bytes = 4096;
  options.max_input_bytes = 16384;  // a sixth of the file
  auto run = Start(options);
  InputReport report = run->ImportFile(file);
  EXPECT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 400);

  // One line longer than the limit is refused, naming the limit, and nothing is stored.
  const auto long_line = dir_ / "long.jsonl";
  WriteFile(long_line, JsonLines(100) + "\n{\"title\": \"Long\", \"body\": \"" +
                           std::string(20000, 'y') + "\"}\n" + JsonLines(100));
  InputReport refused = run->ImportFile(long_line);
  EXPECT_EQ(refused.status.message(),
            "has a line longer than the input size limit of 16 KiB; raise the limit with "
            "--max-input-size");
  // A file that is not read line by line is still refused from its size.
  const auto page = dir_ / "page.json";
  WriteFile(page, "[" + std::string(30000, ' ') + "]");
  EXPECT_EQ(run->ImportFile(page).status.message(),
            "is 29.3 KiB (30002 bytes), larger than the input size limit of 16 KiB; raise the "
            "limit with --max-input-size");
  ASSERT_TRUE(run->Finish().ok());
  EXPECT_EQ(Articles(), 400);
}

TEST_F(ImportTest, ALargeFileThatFailsEarlyAmongOthersOnSeveralJobs) {
  // The bad file fails at a later part while the parts after it may already be read: they
  // are dropped, and the inputs after it are stored as usual, in order.
  WriteFile(dir_ / "a.jsonl", "{\"title\": \"First\", \"body\": \"One.\"}\n");
  WriteFile(dir_ / "b.jsonl", JsonLines(400, 60));
  WriteFile(dir_ / "c.jsonl", "{\"title\": \"Third\", \"body\": \"Three.\"}\n");
  WriteFile(dir_ / "d.jsonl", JsonLines(400));
  ImportOptions options;
  options.part_bytes = 4096;
  options.jobs = 2;
  auto run = Start(options);
  std::vector<InputReport> reports;
  run->ImportFiles({dir_ / "a.jsonl", dir_ / "b.jsonl", dir_ / "c.jsonl", dir_ / "d.jsonl"},
                   [&](const InputReport& report) { reports.push_back(report); });
  auto totals = run->Finish();
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_TRUE(reports[0].status.ok());
  EXPECT_EQ(reports[1].input, (dir_ / "b.jsonl").string());
  EXPECT_EQ(reports[1].status.message().substr(0, 24), "line 61: malformed JSON ");
  EXPECT_TRUE(reports[2].status.ok());
  EXPECT_EQ(reports[3].imported, 400);
  EXPECT_EQ(reports[3].article_ids.front(), 3);
  EXPECT_EQ(totals->inputs, 4);
  EXPECT_EQ(totals->failed, 1);
  EXPECT_EQ(Articles(), 402);
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "3");
}

TEST_F(ImportTest, ALargeFileImportedTwiceKeepsOneDocument) {
  const auto file = dir_ / "big.jsonl";
  WriteFile(file, JsonLines(300));
  ImportOptions options;
  options.part_bytes = 8192;
  for (int round = 0; round < 2; ++round) {
    auto run = Start(options);
    InputReport report = run->ImportFile(file);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(round == 0 ? report.imported : report.duplicates, 300);
    ASSERT_TRUE(run->Finish().ok());
  }
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(Query("SELECT count(*) FROM article_documents"), "300");
  EXPECT_EQ(Query("SELECT count(*) FROM documents WHERE sha256 LIKE 'pending%'"), "0");
  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
}

TEST_F(ImportTest, TheSearchIndexMatchesTheArticlesAfterEveryBatch) {
  // New articles are indexed when their batch commits; merges into articles of earlier
  // batches re-index at once. Either way the index must match the articles exactly.
  ImportOptions options;
  options.inputs_per_transaction = 2;
  auto run = Start(options);
  for (int i = 0; i < 7; ++i) {
    const auto file = dir_ / ("in" + std::to_string(i) + ".jsonl");
    // Every input repeats the first one's article with a new tag (a merge), and adds one.
    WriteFile(file,
              "{\"title\": \"Harbour reopens\", \"body\": \"The harbour reopened.\", "
              "\"tags\": [\"round" +
                  std::to_string(i) +
                  "\"]}\n"
                  "{\"title\": \"Story " +
                  std::to_string(i) + "\", \"body\": \"Quayside " + std::to_string(i) + ".\"}\n");
    ASSERT_TRUE(run->ImportFile(file).status.ok());
  }
  ASSERT_TRUE(run->Finish().ok());
  EXPECT_EQ(Articles(), 8);
  EXPECT_EQ(Query("SELECT count(*) FROM morgue_settings WHERE key = 'fts_deferred_after'"), "0");
  // 'integrity-check' with rank 1 also compares the index with the articles' text.
  testing::ExecSql(dir_ / "a.db",
                   "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)");
  EXPECT_EQ(Query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'round6'"), "1");
  EXPECT_EQ(Query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'quayside'"), "7");
  // Outside an import, any writer is indexed by the triggers as before.
  testing::ExecSql(
      dir_ / "a.db",
      "INSERT INTO articles(title, body, added_at) VALUES ('By hand', 'Lighthouse', 'x')");
  EXPECT_EQ(Query("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lighthouse'"), "1");
}

TEST(CollectInputFilesTest, WalksFoldersInOrderSkippingHiddenAndLoops) {
  TempDir dir;
  WriteFile(dir / "b/2.json", "x");
  WriteFile(dir / "b/1.json", "x");
  WriteFile(dir / "a.json", "x");
  WriteFile(dir / ".hidden/secret.json", "x");
  WriteFile(dir / "b/.dotfile", "x");
  std::filesystem::create_directory_symlink(dir.path(), dir / "b/loop");
  std::filesystem::create_symlink(dir / "gone", dir / "b/dangling.json");
  std::vector<InputReport> problems;
  auto files = CollectInputFiles({dir.path(), dir / "missing.json"}, &problems);
  EXPECT_EQ(files, (std::vector<std::filesystem::path>{dir / "a.json", dir / "b/1.json",
                                                       dir / "b/2.json"}));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].input, (dir / "b/dangling.json").string());
  EXPECT_EQ(problems[1].input, (dir / "missing.json").string());
  EXPECT_EQ(problems[1].status.message(), "no such file or folder");
}

}  // namespace
}  // namespace morgue
