// Parallel import (`morgue import --jobs N`): inputs are read and extracted on N threads
// and stored in the order given, so the archive, the ids and every message must be the
// same as with one job. The inputs mix every built-in format, duplicates, and inputs
// that fail, so that an out-of-order store would show in the ids or the messages.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kPartial = 1;

// Everything an import leaves in the archive that a user could see, as text.
std::string ArchiveContents(const fs::path& db) {
  const char* queries[] = {
      "SELECT group_concat(id || '|' || title || '|' || coalesce(subtitle, '') || '|' || body || "
      "'|' || coalesce(published, '') || '|' || coalesce(source_id, '') || '|' || "
      "coalesce(authors_text, '') || '|' || coalesce(tags_text, ''), '\n') FROM "
      "(SELECT * FROM articles ORDER BY id)",
      "SELECT group_concat(article_id || '|' || document_id, '\n') FROM "
      "(SELECT * FROM article_documents ORDER BY article_id, document_id)",
      "SELECT group_concat(id || '|' || sha256 || '|' || plugin || '|' || original_path, '\n') "
      "FROM (SELECT * FROM documents ORDER BY id)",
      "SELECT group_concat(input || '|' || coalesce(plugin, '') || '|' || reason, '\n') FROM "
      "(SELECT * FROM import_failures ORDER BY rowid)",
      "SELECT inputs || '|' || imported || '|' || duplicates || '|' || failed FROM imports",
  };
  std::string contents;
  for (const char* query : queries) contents += QuerySql(db, query) + "\n--\n";
  return contents;
}

// A folder of many small inputs in every built-in format, in a fixed order: text
// articles, the same bytes again (one document, a duplicate), HTML pages, JSON Lines whose
// records repeat a URL with different bytes (a merge), the real fixture pages, and inputs
// that fail (malformed JSON, a page with no article, an extension no importer reads).
fs::path MakeInputs(const fs::path& dir) {
  const fs::path in = dir / "in";
  const std::vector<fs::path> real_pages = {
      FixturesDir() / "articles" / "korea-times-2011-01-04.blogger.html",
      FixturesDir() / "articles" / "korea-times-2011-01-04.wordpress.html",
      FixturesDir() / "articles" / "hankyoreh-2011-01-15.euckr.html",
      FixturesDir() / "korea-times-2011-01-04.txt"};
  std::string previous_text;
  for (int i = 0; i < 90; ++i) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%03d", i);
    const fs::path stem = in / prefix;
    const std::string n = std::to_string(i);
    switch (i % 9) {
      case 0:
        previous_text = "Harbour report " + n + "\n\nBy Jane Doe\n\nThe ferry ran again on day " +
                        n + ", the harbour master said.\n";
        WriteFile(stem.string() + ".txt", previous_text);
        break;
      case 1:
        WriteFile(stem.string() + ".txt", previous_text);
        break;
      case 2:
        WriteFile(
            stem.string() + ".html",
            "<html><head><title>Market day " + n +
                "</title><meta name=\"author\" content=\"John Roe\"></head><body><article>"
                "<h1>Market day " +
                n + "</h1><p>Stalls opened early on market day " + n +
                " and the square was full by nine, traders said.</p></article></body></html>");
        break;
      case 3:
        WriteFile(stem.string() + ".jsonl",
                  "{\"title\": \"Council vote " + n + "\", \"body\": \"The council voted " + n +
                      " to 2.\", \"url\": \"https://example.org/council/" + n +
                      "\"}\n"
                      "{\"title\": \"Bridge reopens\", \"body\": \"Seen from file " +
                      n + ".\", \"url\": \"https://example.org/bridge\", \"tags\": [\"t" + n +
                      "\"]}\n");
        break;
      case 4:
        WriteFile(stem.string() + ".json", "{\"title\": \"unfinished " + n + "\"\n");
        break;
      case 5:
        fs::create_directories(in);
        fs::copy_file(real_pages[(i / 9) % real_pages.size()],
                      stem.string() + real_pages[(i / 9) % real_pages.size()].extension().string());
        break;
      case 6:
        WriteFile(stem.string() + ".html", "<html><body><nav>menu</nav></body></html>");
        break;
      case 7:
        WriteFile(stem.string() + ".xyz", "nothing reads this " + n);
        break;
      default:
        WriteFile(stem.string() + ".txt", "Weather note " + n +
                                              "\n\nRain is expected on the islands tonight.\n\n"
                                              "Labels: weather, islands\n");
        break;
    }
  }
  return in;
}

class ParallelImportTest : public ::testing::Test {
 protected:
  // Imports the inputs into a fresh archive made with `init` first, so that the messages
  // of every run are the same.
  CommandResult Import(const std::string& name, const std::vector<std::string>& options) {
    const fs::path db = dir_ / name;
    EXPECT_EQ(RunMorgue({"init", "--archive", db.string()}).exit_code, 0);
    std::vector<std::string> args = {"import", "--create", "--archive", db.string()};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(inputs_.string());
    return RunMorgue(args);
  }

  TempDir dir_;
  fs::path inputs_ = MakeInputs(dir_.path());
};

TEST_F(ParallelImportTest, AnyNumberOfJobsGivesTheSameArchiveAndMessages) {
  const CommandResult one = Import("one.db", {"--jobs", "1"});
  EXPECT_EQ(one.exit_code, kPartial) << one.err;
  // The batch is not trivial: it imports, merges and fails (per ten inputs: 4 new
  // articles, 2 from the JSON Lines file, 1 text, 1 page; 3 duplicates; 2 failures; 1
  // file no importer reads, skipped).
  EXPECT_NE(
      one.err.find("90 files: 43 articles imported, 27 duplicates; 20 files failed, 10 skipped"),
      std::string::npos)
      << one.err;
  const std::string expected = ArchiveContents(dir_ / "one.db");

  for (const std::vector<std::string>& options :
       {std::vector<std::string>{"--jobs", "4"}, std::vector<std::string>{"--jobs", "2"},
        std::vector<std::string>{"--jobs", "3", "--isolate"}, std::vector<std::string>{}}) {
    std::string label;
    for (const auto& option : options) label += option + " ";
    const fs::path db = dir_ / ("run-" + std::to_string(std::hash<std::string>{}(label)) + ".db");
    const CommandResult run = Import(db.filename().string(), options);
    EXPECT_EQ(run.exit_code, one.exit_code) << label;
    EXPECT_EQ(run.out, one.out) << label;
    EXPECT_EQ(run.err, one.err) << label;
    EXPECT_EQ(ArchiveContents(db), expected) << label;
    EXPECT_EQ(QuerySql(db, "PRAGMA integrity_check"), "ok") << label;
  }
}

// A JSON Lines file of about 5 MB: larger than the 2 MiB parts morgue reads such files
// in. `bad_line`, when given, is malformed.
void WriteLargeJsonLines(const fs::path& file, int bad_line = 0) {
  std::string text;
  for (int i = 1; i <= 16000; ++i) {
    if (i == bad_line) {
      text += "{\"title\": \"cut short\n";
      continue;
    }
    text += "{\"title\": \"Dispatch " + std::to_string(i) + "\", \"body\": \"Dispatch number " +
            std::to_string(i) + " from the harbour. " + std::string(260, 'w') +
            "\", \"authors\": [{\"name\": \"Reporter " + std::to_string(i % 40) +
            "\"}], \"tags\": [\"port\", \"d" + std::to_string(i % 9) + "\"]}\n";
  }
  WriteFile(file, text);
}

TEST_F(ParallelImportTest, ALargeJsonLinesFileIsReadInPartsInProcessOrIsolated) {
  const fs::path big = dir_ / "big" / "dispatches.jsonl";
  WriteLargeJsonLines(big);
  ASSERT_GT(fs::file_size(big), 4u << 20);
  std::vector<std::string> contents;
  for (const std::vector<std::string>& options :
       {std::vector<std::string>{}, std::vector<std::string>{"--isolate"}}) {
    const fs::path db = dir_ / (options.empty() ? "in-process.db" : "isolated.db");
    std::vector<std::string> args = {"import", "--create", "--archive", db.string()};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(big.string());
    const CommandResult run = RunMorgue(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(
        run.err.find("1 file: 16000 articles imported, 0 duplicates; 0 files failed, 0 skipped"),
        std::string::npos)
        << run.err;
    contents.push_back(ArchiveContents(db));
    EXPECT_EQ(QuerySql(db, "SELECT size FROM documents"), std::to_string(fs::file_size(big)));
  }
  EXPECT_EQ(contents[1], contents[0]);

  // A bad line near the end fails the whole file, named by its line, and stores nothing.
  const fs::path bad = dir_ / "bad" / "dispatches.jsonl";
  WriteLargeJsonLines(bad, 15990);
  const fs::path db = dir_ / "bad.db";
  const CommandResult run =
      RunMorgue({"import", "--create", "--archive", db.string(), bad.string()});
  EXPECT_EQ(run.exit_code, kPartial);
  EXPECT_EQ(run.err, "morgue: created archive " + db.string() + "\n" + bad.string() +
                         ": json: line 15990: malformed JSON at column 21: invalid string: "
                         "missing closing quote near '\"cut short'\n"
                         "1 file: 0 articles imported, 0 duplicates; 1 file failed, 0 skipped\n");
  EXPECT_EQ(QuerySql(db, "SELECT count(*) FROM articles"), "0");
  EXPECT_EQ(QuerySql(db, "SELECT count(*) FROM documents"), "0");
}

TEST_F(ParallelImportTest, JobsMustBeANumberOfThreads) {
  for (const std::string& bad : {"-1", "257", "many"}) {
    const CommandResult run = Import("bad.db", {"--jobs", bad});
    EXPECT_NE(run.exit_code, 0) << bad;
    EXPECT_NE(run.err.find("--jobs"), std::string::npos) << run.err;
    EXPECT_EQ(QuerySql(dir_ / "bad.db", "SELECT count(*) FROM articles"), "0");
  }
}

}  // namespace
}  // namespace morgue::testing
