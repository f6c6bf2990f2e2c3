// Importers that misbehave on purpose (tests/plugins/test_plugins/hostile_plugin.cc):
// each batch holds good inputs and one that makes the plugin misbehave. The real morgue
// binary must report that one input, import the others, keep what the archive held, and
// leave it consistent; with --isolate even a crashing plugin costs only its input. Also
// the size limit, and ImportRun's time limit and isolation as a library.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kPartial = 1;

// A plain-text article that none of the fixtures holds.
constexpr const char* kTextArticle =
    "Harbour ferry returns after storm\n\nBy Jane Doe\n\nThe morning ferry to the islands ran "
    "again on Tuesday, three days after the storm closed the harbour.\n";
constexpr int kUsage = 2;

fs::path HostilePluginDir() { return MORGUE_HOSTILE_PLUGIN_DIR; }

std::vector<std::string> LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> found;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.starts_with(prefix)) found.push_back(line);
    start = end + 1;
  }
  return found;
}

// Under AddressSanitizer a segmentation fault is caught and the process exits with
// status 1 after its report, rather than dying of the signal.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
#else
constexpr bool kAsan = false;
#endif

// An archive holding the four sample articles, and a batch of three inputs for one
// hostile plugin: a.<plugin> and c.<plugin> are good, b.<plugin> makes it misbehave.
class HostileImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CommandResult seeded =
        Morgue({"import", "--create", (FixturesDir() / "sample-articles.jsonl").string()});
    ASSERT_EQ(seeded.exit_code, 0) << seeded.err;
    before_ = Snapshot();
    ASSERT_EQ(QuerySql(db_, "SELECT count(*) FROM articles"), "4");
  }

  CommandResult Morgue(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin() + 1, {"--archive", db_.string()});
    return RunMorgue(args, input);
  }

  // What the archive held before the batch, as text that changes if any of it does.
  std::string Snapshot() {
    return QuerySql(db_,
                    "SELECT group_concat(id || '|' || title || '|' || body || '|' || "
                    "coalesce(authors_text, '') || '|' || coalesce(tags_text, ''), '\n') "
                    "FROM (SELECT * FROM articles WHERE id <= 4 ORDER BY id)");
  }

  // Writes the batch and imports it with the hostile plugins loaded.
  CommandResult ImportBatch(const std::string& plugin, const std::vector<std::string>& options) {
    batch_ = dir_ / ("batch-" + plugin);
    WriteFile(batch_ / ("a." + plugin), "Alpha headline\nThe first good input.\n");
    WriteFile(batch_ / ("b." + plugin), "Bravo headline\nThis one says MISBEHAVE.\n");
    WriteFile(batch_ / ("c." + plugin), "Charlie headline\nThe second good input.\n");
    std::vector<std::string> args = {"import", "--create", "--plugin-dir",
                                     HostilePluginDir().string()};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(batch_.string());
    return Morgue(args);
  }

  // Checks the outcome every batch must have, and returns the one error line about b.
  std::string ExpectOnlyTheBadInputFailed(const CommandResult& result, const std::string& plugin) {
    EXPECT_EQ(result.exit_code, kPartial) << result.err;
    const std::string bad = (batch_ / ("b." + plugin)).string();
    std::vector<std::string> errors = LinesStartingWith(result.err, bad + ": ");
    EXPECT_EQ(errors.size(), 1u) << result.err;
    EXPECT_TRUE(LinesStartingWith(result.err, (batch_ / ("a." + plugin)).string()).empty());
    EXPECT_TRUE(LinesStartingWith(result.err, (batch_ / ("c." + plugin)).string()).empty());
    EXPECT_TRUE(Contains(result.err,
                         "3 files: 2 articles imported, 0 duplicates; 1 file failed, 0 skipped"))
        << result.err;

    EXPECT_EQ(QuerySql(db_, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(Snapshot(), before_);
    EXPECT_EQ(QuerySql(db_,
                       "SELECT group_concat(title, ', ') FROM "
                       "(SELECT title FROM articles WHERE id > 4 ORDER BY id)"),
              "Alpha headline, Charlie headline");
    // Nothing of b: neither an article nor its document.
    EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM articles WHERE title LIKE 'Bravo%'"), "0");
    EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM documents WHERE original_path = '" + bad + "'"),
              "0");
    EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM import_failures WHERE input = '" + bad + "'"),
              "1");
    return errors.empty() ? std::string() : errors.front();
  }

  TempDir dir_;
  fs::path db_ = dir_ / "a.db";
  fs::path batch_;
  std::string before_;
};

// Runs each hostile batch in process and in an --isolate child.
class HostileImportModeTest : public HostileImportTest, public ::testing::WithParamInterface<bool> {
 protected:
  std::vector<std::string> Mode(std::vector<std::string> options = {}) {
    if (GetParam()) options.push_back("--isolate");
    return options;
  }
};

INSTANTIATE_TEST_SUITE_P(InProcessAndIsolated, HostileImportModeTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "Isolated" : "InProcess"; });

TEST_P(HostileImportModeTest, AnArticleWithNeitherTitleNorBodyFailsItsInput) {
  CommandResult result = ImportBatch("empty_article", Mode());
  const std::string error = ExpectOnlyTheBadInputFailed(result, "empty_article");
  EXPECT_TRUE(Contains(error,
                       ": empty_article: an article needs a title or a body; "
                       "this one has neither"))
      << error;
}

TEST_P(HostileImportModeTest, TextThatIsNotUtf8FailsItsInput) {
  CommandResult result = ImportBatch("bad_utf8", Mode());
  const std::string error = ExpectOnlyTheBadInputFailed(result, "bad_utf8");
  EXPECT_TRUE(Contains(error, ": bad_utf8: field 'title' is not valid UTF-8 text")) << error;
}

TEST_P(HostileImportModeTest, AnImporterThatNeverReturnsIsStoppedByTheTimeLimit) {
  // Generous, so that the good inputs finish in time on a loaded machine under ASan; only
  // the looping input waits it out.
  CommandResult result = ImportBatch("loopy", Mode({"--time-limit", "5"}));
  const std::string error = ExpectOnlyTheBadInputFailed(result, "loopy");
  EXPECT_TRUE(Contains(error,
                       ": loopy: importer 'loopy' took longer than 5 s (--time-limit); "
                       "nothing of this input was stored"))
      << error;
}

TEST_P(HostileImportModeTest, AnImporterThatThrowsFailsItsInput) {
  // The throwing plugin of the shared test folder reads .boom files.
  const fs::path boom = dir_ / "x.boom";
  const fs::path text = dir_ / "y.txt";
  WriteFile(boom, "anything");
  WriteFile(text, kTextArticle);
  CommandResult result =
      Morgue({"import", "--create", "--plugin-dir", TestPluginDir().string(),
              GetParam() ? "--isolate" : "--quiet", boom.string(), text.string()});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_EQ(LinesStartingWith(result.err, boom.string() + ": "),
            std::vector<std::string>{boom.string() + ": throwing: plugin 'throwing' failed on '" +
                                     boom.string() + "': the parser fell over"});
  EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM articles"), "5");
  EXPECT_EQ(Snapshot(), before_);
}

TEST(IsolatedImportTest, StoresExactlyWhatAnInProcessImportStores) {
  TempDir dir;
  const std::vector<std::string> inputs = {(FixturesDir() / "articles").string(),
                                           (FixturesDir() / "foreign").string(),
                                           (FixturesDir() / "sample-articles.jsonl").string()};
  std::vector<std::string> in_process = {"import", "--create", "--archive",
                                         (dir / "a.db").string()};
  std::vector<std::string> isolated = {"import", "--create", "--archive", (dir / "b.db").string(),
                                       "--isolate"};
  in_process.insert(in_process.end(), inputs.begin(), inputs.end());
  isolated.insert(isolated.end(), inputs.begin(), inputs.end());
  // Created first, so that the messages of both imports are the same.
  ASSERT_EQ(RunMorgue({"init", "--archive", (dir / "a.db").string()}).exit_code, 0);
  ASSERT_EQ(RunMorgue({"init", "--archive", (dir / "b.db").string()}).exit_code, 0);
  CommandResult a = RunMorgue(in_process);
  CommandResult b = RunMorgue(isolated);
  EXPECT_EQ(a.exit_code, b.exit_code);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.err, b.err);
  const std::string all_articles =
      "SELECT group_concat(id || '|' || title || '|' || coalesce(subtitle, '') || '|' || body || "
      "'|' || coalesce(published, '') || '|' || coalesce(source_id, '') || '|' || "
      "coalesce(authors_text, '') || '|' || word_count, '\n') FROM (SELECT * FROM articles "
      "ORDER BY id)";
  const std::string expected = QuerySql(dir / "a.db", all_articles);
  EXPECT_FALSE(expected.empty());
  EXPECT_EQ(QuerySql(dir / "b.db", all_articles), expected);
  const std::string all_documents =
      "SELECT group_concat(sha256 || plugin || original_path, '\n') FROM "
      "(SELECT * FROM documents ORDER BY id)";
  EXPECT_EQ(QuerySql(dir / "b.db", all_documents), QuerySql(dir / "a.db", all_documents));
}

TEST_F(HostileImportTest, ParallelJobsStillStopAnImporterThatNeverReturns) {
  CommandResult result = ImportBatch("loopy", {"--jobs", "3", "--time-limit", "5"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "loopy");
  EXPECT_TRUE(Contains(error, ": loopy: importer 'loopy' took longer than 5 s")) << error;
}

TEST_F(HostileImportTest, ASlowImporterDoesNotKeepTheArchiveLockedForOthers) {
  // While the looping input waits out its time limit, what was imported before it is
  // committed (within about a second), so other writers and readers are not held up.
  std::atomic<bool> finished = false;
  CommandResult result;
  std::thread import([&] {
    result = ImportBatch("loopy", {"--time-limit", "20"});
    finished = true;
  });
  bool alpha_seen_while_running = false;
  for (int i = 0; i < 150 && !finished; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (fs::exists(db_) &&
        QuerySql(db_, "SELECT count(*) FROM articles WHERE title = 'Alpha headline'") == "1") {
      alpha_seen_while_running = !finished;
      break;
    }
  }
  // Another writer gets in while the import is still waiting for the plugin (on Alpha,
  // the fifth article, so that what the archive held before stays as it was).
  const CommandResult tagged = Morgue({"tag", "5", "checked"});
  const bool tagged_while_running = !finished;
  import.join();
  EXPECT_TRUE(alpha_seen_while_running);
  EXPECT_EQ(tagged.exit_code, 0) << tagged.err;
  EXPECT_TRUE(tagged_while_running);
  ExpectOnlyTheBadInputFailed(result, "loopy");
}

TEST_F(HostileImportTest, IsolatedSegfaultWithParallelJobsCostsOnlyItsInput) {
  CommandResult result = ImportBatch("crashy", {"--isolate", "--jobs", "3"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "crashy");
  EXPECT_TRUE(Contains(error, ": crashy: importer 'crashy' crashed (")) << error;
}

TEST_F(HostileImportTest, IsolatedSegfaultCostsOnlyItsInput) {
  CommandResult result = ImportBatch("crashy", {"--isolate"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "crashy");
  const std::string signal = kAsan ? "" : "SIGSEGV)";
  EXPECT_TRUE(Contains(error, ": crashy: importer 'crashy' crashed (" + signal)) << error;
  EXPECT_TRUE(Contains(error, " while reading this input; nothing of it was stored")) << error;
}

TEST_F(HostileImportTest, IsolatedAbortCostsOnlyItsInput) {
  CommandResult result = ImportBatch("aborty", {"--isolate"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "aborty");
  EXPECT_TRUE(Contains(error,
                       ": aborty: importer 'aborty' crashed (SIGABRT) while reading this "
                       "input; nothing of it was stored"))
      << error;
}

TEST_F(HostileImportTest, IsolatedExitCostsOnlyItsInput) {
  CommandResult result = ImportBatch("quitter", {"--isolate"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "quitter");
  EXPECT_TRUE(Contains(error,
                       ": quitter: importer 'quitter' crashed (exit status 7) while "
                       "reading this input; nothing of it was stored"))
      << error;
}

TEST_F(HostileImportTest, IsolatedGarbageOnTheChannelCostsOnlyItsInput) {
  CommandResult result = ImportBatch("scribbler", {"--isolate"});
  const std::string error = ExpectOnlyTheBadInputFailed(result, "scribbler");
  EXPECT_TRUE(Contains(error,
                       ": scribbler: the import worker running importer 'scribbler' sent "
                       "a malformed reply ("))
      << error;
  EXPECT_TRUE(Contains(error, "); nothing of this input was stored")) << error;
}

TEST_F(HostileImportTest, InputsAboveTheSizeLimitAreRefusedBeforeReading) {
  const fs::path big = dir_ / "big.txt";
  const fs::path small = dir_ / "small.txt";
  WriteFile(big, ReadFile(FixturesDir() / "korea-times-2011-01-04.txt") + std::string(2048, '\n'));
  WriteFile(small, "Small headline\n\nA short text article about the size limit.\n");
  const uintmax_t size = fs::file_size(big);
  ASSERT_GT(size, 2048u);
  CommandResult result =
      Morgue({"import", "--create", "--max-input-size", "2K", big.string(), small.string()});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  const std::vector<std::string> errors = LinesStartingWith(result.err, big.string() + ": ");
  ASSERT_EQ(errors.size(), 1u) << result.err;
  EXPECT_TRUE(Contains(errors[0], ": morgue: is ")) << errors[0];
  EXPECT_TRUE(Contains(errors[0], " KiB (" + std::to_string(size) +
                                      " bytes), larger than the input size limit of 2 KiB; "
                                      "raise the limit with --max-input-size"))
      << errors[0];
  EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM articles"), "5");
  EXPECT_EQ(
      QuerySql(db_, "SELECT count(*) FROM documents WHERE original_path = '" + big.string() + "'"),
      "0");

  // The same file is fine under a limit in bytes that it fits.
  result = Morgue({"import", "--create", "--max-input-size", std::to_string(size), big.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
}

TEST_F(HostileImportTest, TheDefaultSizeLimitIs64MiB) {
  // A sparse file: 64 MiB and one byte, refused from its size without being read.
  const fs::path huge = dir_ / "huge.txt";
  WriteFile(huge, "");
  fs::resize_file(huge, (uintmax_t{64} << 20) + 1);
  CommandResult result = Morgue({"import", "--create", huge.string()});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_EQ(LinesStartingWith(result.err, huge.string() + ": "),
            std::vector<std::string>{huge.string() +
                                     ": morgue: is 64.0 MiB (67108865 bytes), larger than the "
                                     "input size limit of 64 MiB; raise the limit with "
                                     "--max-input-size"});
  EXPECT_EQ(QuerySql(db_, "PRAGMA integrity_check"), "ok");
}

TEST_F(HostileImportTest, StandardInputAboveTheSizeLimitIsRefused) {
  std::string text = kTextArticle;
  while (text.size() <= 1024) text += "\nAnother paragraph of the same article, to pass 1 KiB.\n";
  CommandResult result =
      Morgue({"import", "--create", "--max-input-size", "1k", "--format", "text", "-"}, text);
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_EQ(LinesStartingWith(result.err, "<stdin>: "),
            std::vector<std::string>{"<stdin>: morgue: is larger than the input size limit of "
                                     "1 KiB; raise the limit with --max-input-size"});
  result = Morgue({"import", "--create", "--format", "text", "-"}, text);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM articles"), "5");
}

TEST_F(HostileImportTest, BadLimitsAreUsageErrors) {
  const std::string sample = (FixturesDir() / "sample-articles.jsonl").string();
  for (const char* size : {"lots", "12Q", "-1", "", "99999999999999999999"}) {
    CommandResult result = Morgue({"import", "--create", "--max-input-size", size, sample});
    EXPECT_EQ(result.exit_code, kUsage) << size;
    EXPECT_TRUE(Contains(result.err, "--max-input-size")) << result.err;
  }
  for (const char* seconds : {"-5", "soon", "1e7", "nan"}) {
    CommandResult result = Morgue({"import", "--create", "--time-limit", seconds, sample});
    EXPECT_EQ(result.exit_code, kUsage) << seconds;
    EXPECT_TRUE(Contains(result.err, "--time-limit")) << result.err;
  }
  EXPECT_EQ(QuerySql(db_, "SELECT count(*) FROM imports"), "1");
}

// ImportRun as a library: the same protections without the CLI.
class ImportRunLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(HostilePluginDir());
    ASSERT_EQ(plugins_.refused().size(), 0u);
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  std::vector<InputReport> ImportAll(ImportOptions options,
                                     const std::vector<std::pair<std::string, std::string>>& inputs,
                                     int* abandoned = nullptr) {
    auto run = ImportRun::Start(*archive_, plugins_, std::move(options));
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (!run.ok()) return {};
    std::vector<InputReport> reports;
    for (const auto& [name, content] : inputs) {
      WriteFile(dir_ / name, content);
      reports.push_back((*run)->ImportFile(dir_ / name));
    }
    auto totals = (*run)->Finish();
    EXPECT_TRUE(totals.ok()) << totals.status().ToString();
    if (abandoned != nullptr) *abandoned = (*run)->abandoned_threads();
    return reports;
  }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ImportRunLimitsTest, TheTimeLimitFailsTheInputAndTheRunGoesOn) {
  ImportOptions options;
  options.time_limit = std::chrono::seconds(3);  // the good inputs finish well within it
  int abandoned = 0;
  std::vector<InputReport> reports = ImportAll(options,
                                               {{"1.loopy", "One\nfirst"},
                                                {"2.loopy", "Two\nMISBEHAVE"},
                                                {"3.loopy", "Three\nthird"},
                                                {"4.crashy", "Four\nfourth"}},
                                               &abandoned);
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
  EXPECT_EQ(reports[1].status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(reports[1].status.message(),
            "importer 'loopy' took longer than 3 s (--time-limit); nothing of this input was "
            "stored");
  EXPECT_EQ(reports[1].plugin, "loopy");
  EXPECT_TRUE(reports[1].article_ids.empty());
  EXPECT_TRUE(reports[2].status.ok()) << reports[2].status.ToString();
  EXPECT_TRUE(reports[3].status.ok()) << reports[3].status.ToString();
  EXPECT_EQ(abandoned, 1);

  // The archive is whole and usable while the abandoned thread is still in the plugin.
  std::vector<Article> articles = AllArticles(*archive_);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].title, "One");
  EXPECT_EQ(articles[1].title, "Three");
  EXPECT_EQ(articles[2].title, "Four");
  Article added;
  added.title = "Added after the run";
  EXPECT_TRUE(archive_->Add(added).ok());
  archive_.reset();
  EXPECT_EQ(QuerySql(dir_ / "a.db", "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QuerySql(dir_ / "a.db",
                     "SELECT inputs || ' ' || imported || ' ' || failed FROM "
                     "imports"),
            "4 3 1");
}

TEST_F(ImportRunLimitsTest, PastEightStuckThreadsNoMoreAreStarted) {
  ImportOptions options;
  options.time_limit = std::chrono::milliseconds(50);
  std::vector<std::pair<std::string, std::string>> inputs;
  inputs.reserve(9);
  for (int i = 0; i < 9; ++i) inputs.emplace_back(std::to_string(i) + ".loopy", "MISBEHAVE");
  int abandoned = 0;
  std::vector<InputReport> reports = ImportAll(options, inputs, &abandoned);
  ASSERT_EQ(reports.size(), 9u);
  for (int i = 0; i < 8; ++i) {
    EXPECT_TRUE(Contains(reports[i].status.message(), "took longer than 0.05 s")) << i;
  }
  EXPECT_EQ(reports[8].status.message(),
            "8 importer calls are still running past --time-limit, so no more are started; use "
            "--isolate, which stops them");
  EXPECT_EQ(abandoned, 8);
}

TEST_F(ImportRunLimitsTest, IsolationRestartsTheWorkerAfterEachCrash) {
  ImportOptions options;
  options.isolate_command = {MorgueBinary().string(), "__import-worker"};
  std::vector<InputReport> reports = ImportAll(options, {{"1.crashy", "One\nfirst"},
                                                         {"2.aborty", "Two\nMISBEHAVE"},
                                                         {"3.crashy", "Three\nMISBEHAVE"},
                                                         {"4.loopy", "Four\nfourth"},
                                                         {"5.quitter", "Five\nMISBEHAVE"},
                                                         {"6.bad_utf8", "Six\nsixth"}});
  ASSERT_EQ(reports.size(), 6u);
  EXPECT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
  EXPECT_EQ(reports[1].status.message(),
            "importer 'aborty' crashed (SIGABRT) while reading this input; nothing of it was "
            "stored");
  EXPECT_TRUE(Contains(reports[2].status.message(), "importer 'crashy' crashed ("));
  EXPECT_TRUE(reports[3].status.ok()) << reports[3].status.ToString();
  EXPECT_EQ(reports[4].status.message(),
            "importer 'quitter' crashed (exit status 7) while reading this input; nothing of it "
            "was stored");
  EXPECT_TRUE(reports[5].status.ok()) << reports[5].status.ToString();
  std::vector<Article> articles = AllArticles(*archive_);
  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].title, "One");
  EXPECT_EQ(articles[1].title, "Four");
  EXPECT_EQ(articles[2].title, "Six");
  EXPECT_EQ(QuerySql(dir_ / "a.db", "PRAGMA integrity_check"), "ok");
}

TEST_F(ImportRunLimitsTest, IsolationStopsAnImporterThatOverrunsTheTimeLimit) {
  ImportOptions options;
  options.isolate_command = {MorgueBinary().string(), "__import-worker"};
  options.time_limit = std::chrono::seconds(3);  // the good input finishes well within it
  int abandoned = 0;
  std::vector<InputReport> reports =
      ImportAll(options, {{"1.loopy", "One\nMISBEHAVE"}, {"2.loopy", "Two\nsecond"}}, &abandoned);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].status.message(),
            "importer 'loopy' took longer than 3 s (--time-limit); nothing of this input was "
            "stored");
  EXPECT_TRUE(reports[1].status.ok()) << reports[1].status.ToString();
  EXPECT_EQ(abandoned, 0);  // the child was killed: no thread is left behind
}

TEST_F(ImportRunLimitsTest, BytesAboveTheLimitAreRefused) {
  ImportOptions options;
  options.max_input_bytes = 10;
  auto run = ImportRun::Start(*archive_, plugins_, options);
  ASSERT_TRUE(run.ok());
  InputReport report = (*run)->ImportBytes("<memory>", "Eleven bytes");
  EXPECT_EQ(report.status.message(),
            "is 12 bytes, larger than the input size limit of 10 bytes; raise the limit with "
            "--max-input-size");
  EXPECT_EQ((*run)->totals().failed, 1);
}

}  // namespace
}  // namespace morgue::testing
