// Hostile input at the command line, run through the real binary on real archives:
// malformed full-text queries, filter values that would break string-built SQL, and
// export or archive paths that are symbolic links.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kArchiveError = 3;

// Every file and folder under `root`, relative to it.
std::set<std::string> Tree(const fs::path& root) {
  std::set<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    names.insert(fs::relative(entry.path(), root).string());
  }
  return names;
}

class SecurityCliTest : public ::testing::Test {
 protected:
  CommandResult Morgue(std::vector<std::string> args, const fs::path& cwd = {}) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, cwd);
  }

  // Imports JSON Lines `records` into this test's archive.
  void Import(const std::string& records) {
    WriteFile(dir_ / "in.jsonl", records);
    CommandResult result = Morgue({"import", "--create", (dir_ / "in.jsonl").string()});
    ASSERT_EQ(result.exit_code, kOk) << result.err;
  }

  // The ids `list --json` prints with these extra arguments, in id order.
  std::vector<int64_t> Ids(std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--json", "--order", "id"});
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    std::vector<int64_t> ids;
    Json list = Json::parse(result.out, nullptr, /*allow_exceptions=*/false);
    if (!list.is_array()) {
      ADD_FAILURE() << "no JSON array: " << result.out << result.err;
      return ids;
    }
    for (const Json& item : list) ids.push_back(item.at("id").get<int64_t>());
    return ids;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "test.db";
};

// --- Full-text queries ----------------------------------------------------------------

class SearchQueryTest : public SecurityCliTest {
 protected:
  void SetUp() override {
    Import(
        R"({"title": "Learning C++ at the U.S. Navy", "body": "Sailors and coders meet near the harbour."})"
        "\n"
        R"({"title": "Harbour reopens", "body": "The harbour reopened; \"quoted\" words and stars * too."})"
        "\n");
  }

  // Asserts exit code 2, nothing on stdout and one error line naming the query, saying
  // `reason` and then, after "; ", what to write instead.
  void ExpectInvalid(const std::vector<std::string>& args, const std::string& shown,
                     const std::string& reason) {
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kUsage) << args.back() << ": " << result.err;
    EXPECT_EQ(result.out, "");
    const std::string prefix = "morgue: cannot read the search query '" + shown + "': ";
    EXPECT_EQ(result.err.rfind(prefix + reason + "; ", 0), 0u) << result.err;
    EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
    const std::string advice = result.err.substr(std::min(result.err.size(), prefix.size()));
    EXPECT_TRUE(advice.find("--literal") != std::string::npos ||
                advice.find("double quotes") != std::string::npos ||
                advice.find("columns are") != std::string::npos)
        << "no advice on what to write instead: " << result.err;
  }
};

TEST_F(SearchQueryTest, MalformedQueriesAreOneClearUsageError) {
  const std::vector<std::pair<std::string, std::string>> queries = {
      {"\"unbalanced", "a double quote (\") is not closed"},
      {"AND", "'AND' needs words on both sides"},
      {"harbour AND", "'AND' needs words on both sides"},
      {"NEAR(", "'NEAR(' is not closed"},
      {"NEAR(harbour", "'NEAR(' is not closed"},
      {"harbour AND (", "'(' is not closed"},
      {")", "')' closes no '('"},
      {"*", "'*' needs a word right before it"},
      {"NEAR(harbour ship, x)", "expected integer, got \"x\""},  // FTS5's own words
      {"{title body", "'{' is not closed"},
      {"{title note}: harbour", "'note' is not a column of the index"},
      {"title:", "'title:' needs a word, a \"phrase\" or (words) after it"},
      {"\"", "a double quote (\") is not closed"},
      {"^", "'^' needs a word right after it"}};
  for (const auto& [query, reason] : queries) {
    ExpectInvalid({"search", query}, query, reason);
  }
}

TEST_F(SearchQueryTest, TheSameErrorFromListAndExportWhichWriteNothing) {
  ExpectInvalid({"list", "--query", "NEAR("}, "NEAR(", "'NEAR(' is not closed");
  const fs::path out = dir_ / "out.jsonl";
  ExpectInvalid({"export", "--format", "jsonl", "--query", "\"open", "-o", out.string()}, "\"open",
                "a double quote (\") is not closed");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_EQ(Tree(dir_.path()).count("out.jsonl"), 0u);
}

TEST_F(SearchQueryTest, ControlCharactersAndLongQueriesStayOnOneShortLine) {
  ExpectInvalid({"search", "harbour\nAND"}, "harbour\\x0aAND", "'AND' needs words on both sides");
  // A query starting with '-' goes after "--", or it would be read as an option.
  ExpectInvalid({"search", "--", "-harbour"}, "-harbour",
                "a '-' before 'harbour' does not leave it out");
  // Ten thousand open brackets: deeper than the FTS5 parser goes.
  const std::string deep(10000, '(');
  CommandResult result = Morgue({"search", deep});
  EXPECT_EQ(result.exit_code, kUsage) << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
  EXPECT_LT(result.err.size(), 400u) << "the error repeats the whole query";
  EXPECT_NE(result.err.find("… (10000 bytes)"), std::string::npos) << result.err;
}

TEST_F(SearchQueryTest, AVeryLongValidQueryWorks) {
  std::string query;
  for (int i = 0; i < 1000; ++i) query += "harbour ";
  CommandResult result = Morgue({"search", query, "--json"});
  EXPECT_EQ(result.exit_code, kOk) << result.err.substr(0, 300);
  EXPECT_EQ(Json::parse(result.out).size(), 2u);
}

TEST_F(SearchQueryTest, LiteralSearchesForWordsAsWritten) {
  auto ids = [&](const std::vector<std::string>& args) {
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    std::vector<int64_t> found;
    for (const Json& hit : Json::parse(result.out)) found.push_back(hit.at("id").get<int64_t>());
    std::sort(found.begin(), found.end());
    return found;
  };
  EXPECT_EQ(ids({"search", "--literal", "C++", "--json"}), std::vector<int64_t>{1});
  EXPECT_EQ(ids({"search", "--literal", "U.S. navy", "--json"}), std::vector<int64_t>{1});
  EXPECT_EQ(ids({"search", "--literal", "AND", "--json"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(ids({"search", "--literal", "NEAR(", "--json"}), std::vector<int64_t>{1});
  // A word of several tokens is a phrase: "near(harbour" is not "near the harbour".
  EXPECT_EQ(ids({"search", "--literal", "NEAR(harbour", "--json"}), std::vector<int64_t>{});
  EXPECT_EQ(ids({"search", "--literal", "\"quoted\"", "--json"}), std::vector<int64_t>{2});
  EXPECT_EQ(ids({"search", "--literal", "title: harbour", "--json"}), std::vector<int64_t>{});
  EXPECT_EQ(ids({"list", "--literal", "--query", "harbour AND", "--json"}),
            (std::vector<int64_t>{1, 2}));

  CommandResult blank = Morgue({"search", "--literal", "   "});
  EXPECT_EQ(blank.exit_code, kUsage);
  EXPECT_EQ(blank.err, "morgue: search query '   ' has no words to search for\n");
}

// --- SQL: hostile filter and tag values -------------------------------------------------

TEST_F(SecurityCliTest, HostileFilterValuesMatchLiterally) {
  Import(
      R"({"title": "One", "authors": [{"name": "Sean O'Brien"}], "source": "Bob's \"Gazette\"", "tags": ["it's", "100%"]})"
      "\n"
      R"({"title": "Two", "authors": [{"name": "Robert'); DROP TABLE articles;--"}], "tags": ["'; DROP TABLE articles; --", "a_b"]})"
      "\n"
      R"({"title": "Three", "authors": [{"name": "Ann Smith"}], "source": "Plain News", "tags": ["axb", "1000"]})"
      "\n");
  ASSERT_EQ(Ids({}), (std::vector<int64_t>{1, 2, 3}));

  EXPECT_EQ(Ids({"--author", "O'Brien"}), std::vector<int64_t>{1});
  EXPECT_EQ(Ids({"--author", "'); DROP TABLE articles;--"}), std::vector<int64_t>{2});
  EXPECT_EQ(Ids({"--author", "' OR '1'='1"}), std::vector<int64_t>{});
  // LIKE wildcards in a value are plain characters.
  EXPECT_EQ(Ids({"--author", "%"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--author", "_"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--author", "Sm_th"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--source", "bob's \"gazette\""}), std::vector<int64_t>{1});
  EXPECT_EQ(Ids({"--source", "%"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--source", "_"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--tag", "it's"}), std::vector<int64_t>{1});
  EXPECT_EQ(Ids({"--tag", "100%"}), std::vector<int64_t>{1});
  EXPECT_EQ(Ids({"--tag", "10%"}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({"--tag", "a_b"}), std::vector<int64_t>{2});
  EXPECT_EQ(Ids({"--tag", "'; DROP TABLE articles; --"}), std::vector<int64_t>{2});
  EXPECT_EQ(Ids({"--tag", "' OR 1=1 --"}), std::vector<int64_t>{});

  // Tagging and untagging with such values stores them as they are.
  const std::string evil = "x'); DROP TABLE tags; --";
  ASSERT_EQ(Morgue({"tag", "3", evil, "50%"}).exit_code, kOk);
  EXPECT_EQ(Ids({"--tag", evil}), std::vector<int64_t>{3});
  EXPECT_EQ(Ids({"--tag", "50%"}), std::vector<int64_t>{3});
  ASSERT_EQ(Morgue({"untag", "3", evil}).exit_code, kOk);
  EXPECT_EQ(Ids({"--tag", evil}), std::vector<int64_t>{});
  CommandResult tags = Morgue({"tags", "--json"});
  EXPECT_NE(tags.out.find("50%"), std::string::npos) << tags.out;

  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM articles"), "3");
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM sqlite_schema WHERE name = 'tags'"), "1");
  EXPECT_EQ(QuerySql(archive_, "PRAGMA integrity_check"), "ok");
}

// --- Export paths -----------------------------------------------------------------------

class ExportPathTest : public SecurityCliTest {
 protected:
  void SetUp() override {
    Import(R"({"title": "One", "body": "First."})"
           "\n");
    fs::create_directories(dir_ / "out");
    fs::create_directories(dir_ / "elsewhere");
  }

  CommandResult Export(const fs::path& to, bool force) {
    std::vector<std::string> args = {"export", "--format", "jsonl", "-o", to.string()};
    if (force) args.push_back("--force");
    return Morgue(args);
  }
};

TEST_F(ExportPathTest, ALinkOutOfTheFolderIsRefusedAndNothingIsCreated) {
  const fs::path outside = dir_ / "elsewhere" / "stolen.jsonl";
  const fs::path link = dir_ / "out" / "export.jsonl";
  fs::create_symlink(outside, link);
  CommandResult result = Export(link, /*force=*/false);
  EXPECT_EQ(result.exit_code, kUsage);
  EXPECT_EQ(result.err, "morgue: " + link.string() + " is a symbolic link (to " + outside.string() +
                            "); not writing through it: name the file itself, or use --force "
                            "to replace the link with the export\n");
  EXPECT_FALSE(fs::exists(outside));
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(Tree(dir_ / "out"), std::set<std::string>{"export.jsonl"});
}

TEST_F(ExportPathTest, ALinkToAnExistingFileLeavesThatFileUnchanged) {
  const fs::path victim = dir_ / "elsewhere" / "precious.txt";
  WriteFile(victim, "precious\n");
  const fs::path link = dir_ / "out" / "export.jsonl";
  fs::create_symlink(victim, link);

  EXPECT_EQ(Export(link, /*force=*/false).exit_code, kUsage);
  EXPECT_EQ(ReadFile(victim), "precious\n");

  // --force replaces the link itself with the export.
  CommandResult forced = Export(link, /*force=*/true);
  EXPECT_EQ(forced.exit_code, kOk) << forced.err;
  EXPECT_EQ(ReadFile(victim), "precious\n");
  EXPECT_FALSE(fs::is_symlink(link));
  EXPECT_NE(ReadFile(link).find("\"title\":\"One\""), std::string::npos) << ReadFile(link);
  EXPECT_EQ(Tree(dir_ / "out"), std::set<std::string>{"export.jsonl"});
}

TEST_F(ExportPathTest, ADanglingLinkIsRefusedAndWithForceReplaced) {
  const fs::path missing = dir_ / "elsewhere" / "missing" / "new.jsonl";
  const fs::path link = dir_ / "out" / "export.jsonl";
  fs::create_symlink(missing, link);
  CommandResult refused = Export(link, /*force=*/false);
  EXPECT_EQ(refused.exit_code, kUsage);
  EXPECT_NE(refused.err.find("is a symbolic link"), std::string::npos) << refused.err;

  CommandResult forced = Export(link, /*force=*/true);
  EXPECT_EQ(forced.exit_code, kOk) << forced.err;
  EXPECT_FALSE(fs::is_symlink(link));
  EXPECT_FALSE(fs::exists(missing.parent_path()));
  EXPECT_EQ(Tree(dir_ / "elsewhere"), std::set<std::string>{});
}

TEST_F(ExportPathTest, ArticleDataNeverDecidesWhereAnythingIsWritten) {
  // An input whose name, url and fields look like paths; exports in every format, run
  // from a folder of their own, create the named file and nothing else.
  const fs::path input = dir_ / "in" / "..%2f..%2fescape.jsonl";
  WriteFile(input,
            R"({"title": "../../../escape", "url": "file:///etc/passwd", "source": "../..", )"
            R"("tags": ["../x", "/tmp/y"], "authors": [{"name": "/etc/shadow"}], "body": "."})"
            "\n");
  ASSERT_EQ(Morgue({"import", "--create", input.string()}).exit_code, kOk);
  fs::create_directories(dir_ / "work");
  const std::set<std::string> before = Tree(dir_.path());
  for (const std::string format : {"json", "jsonl", "csv", "tsv"}) {
    const fs::path out = dir_ / "out" / ("export." + format);
    CommandResult result =
        Morgue({"export", "--format", format, "-o", out.string()}, dir_ / "work");
    ASSERT_EQ(result.exit_code, kOk) << format << ": " << result.err;
  }
  std::set<std::string> added;
  for (const std::string& name : Tree(dir_.path())) {
    if (before.count(name) == 0) added.insert(name);
  }
  // Only the four exports (the archive's -wal and -shm may come and go; they are not new).
  std::erase_if(added, [](const std::string& name) { return name.starts_with("test.db"); });
  EXPECT_EQ(added, (std::set<std::string>{"out/export.csv", "out/export.json", "out/export.jsonl",
                                          "out/export.tsv"}));
}

// --- Archive paths ----------------------------------------------------------------------

TEST_F(SecurityCliTest, AnArchiveBehindALinkIsUsedWhereItIs) {
  ASSERT_EQ(Morgue({"init"}).exit_code, kOk);
  const fs::path link = dir_ / "link.db";
  fs::create_symlink(archive_, link);
  WriteFile(dir_ / "in.jsonl", R"({"title": "Through the link", "body": "."})"
                               "\n");
  CommandResult imported =
      RunMorgue({"--archive", link.string(), "import", "--create", (dir_ / "in.jsonl").string()});
  EXPECT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(QuerySql(archive_, "SELECT title FROM articles"), "Through the link");
  // The archive's journal files sit beside the archive itself, not beside the link.
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("link.db-")) << entry.path();
  }
}

TEST_F(SecurityCliTest, NoArchiveIsCreatedThroughADanglingLink) {
  const fs::path target = dir_ / "elsewhere" / "new.db";
  fs::create_directories(target.parent_path());
  fs::create_symlink(target, archive_);
  CommandResult result = Morgue({"init"});
  EXPECT_EQ(result.exit_code, kArchiveError);
  EXPECT_EQ(result.err, "morgue: '" + archive_.string() + "' is a symbolic link to '" +
                            target.string() +
                            "', which does not exist; morgue creates no archive through a link: "
                            "name the file itself with --archive, or remove the link\n");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(fs::is_symlink(archive_));
}

}  // namespace
}  // namespace morgue::testing
