// End-to-end tests of the `morgue` command line: the real binary, run on temporary
// archives with the built-in json plugin, checked the way a user would see it: exit
// codes, what lands on standard output (data only) and on standard error (messages only).

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Ids = std::vector<int64_t>;

// The exit codes main.cc documents.
constexpr int kOk = 0;
constexpr int kPartial = 1;
constexpr int kUsage = 2;
constexpr int kArchiveError = 3;

// sample-articles.jsonl holds, in order (so ids 1 to 4 in a fresh archive):
// 1 "Seoul, Tokyo seek 1st military pact"  Korea Times  2011-01-04  Lee Tae-hoon
// 2 "North Korea marks leader's birthday…" Yonhap       2011-01-08  Kim Soo-jin
// 3 "Japan, China agree to resume…"        Japan Times  2011-01-12  Hiroshi Tanaka, Li Wei
// 4 "서울 첫 한파 특보 발령"                Hankyoreh    2011-01-15  박지민
constexpr std::string_view kSeoulTitle = "Seoul, Tokyo seek 1st military pact";
constexpr std::string_view kKoreanTitle = "서울 첫 한파 특보 발령";

const std::vector<std::string> kCommands = {"init", "import", "list", "show", "search", "export",
                                            "tag",  "untag",  "tags", "rm",   "stats",  "plugins"};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool StartsWith(const std::string& text, std::string_view prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// The line of `text` that starts with `prefix`, or "" when none does.
std::string LineStartingWith(const std::string& text, std::string_view prefix) {
  for (const std::string& line : Lines(text)) {
    if (StartsWith(line, prefix)) {
      return line;
    }
  }
  return "";
}

// Number of code points, or -1 when `text` is not valid UTF-8.
int CodePoints(std::string_view text) {
  int count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
    if (length == 0 || i + length > text.size()) {
      return -1;
    }
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return -1;
      }
    }
    i += length;
  }
  return count;
}

std::vector<std::string> DirEntries(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class CliTest : public ::testing::Test {
 protected:
  // Runs morgue in this test's folder. The variables morgue reads are cleared so the
  // caller's environment cannot leak in.
  CommandResult Morgue(const std::vector<std::string>& args, const std::string& input = "",
                       std::map<std::string, std::string> env = {}) {
    env.try_emplace("MORGUE_ARCHIVE", "");
    env.try_emplace("MORGUE_PLUGIN_PATH", "");
    return RunMorgue(args, input, env, dir_.path());
  }

  // Runs morgue on this test's archive.
  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return Morgue(args, input);
  }

  static fs::path Sample() { return FixturesDir() / "sample-articles.jsonl"; }

  void ImportSample() {
    CommandResult result = OnArchive({"import", "--create", Sample().string()});
    ASSERT_EQ(result.exit_code, kOk) << result.err;
  }

  // The ids `list --json` prints with these extra arguments, in order.
  Ids ListIds(std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--json"});
    CommandResult result = OnArchive(args);
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    EXPECT_EQ(result.err, "");
    Ids ids;
    Json list = Json::parse(result.out, nullptr, /*allow_exceptions=*/false);
    if (!list.is_array()) {
      ADD_FAILURE() << "list --json printed no JSON array: " << result.out;
      return ids;
    }
    for (const Json& item : list) {
      ids.push_back(item.at("id").get<int64_t>());
    }
    return ids;
  }

  // Asserts the run failed with `code`, said so on stderr and printed no data.
  static void ExpectError(const CommandResult& result, int code, std::string_view message) {
    EXPECT_EQ(result.exit_code, code) << result.err;
    EXPECT_EQ(result.out, "") << "errors must not go to standard output";
    EXPECT_TRUE(Contains(result.err, message)) << "stderr: " << result.err;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "test.db";
};

// --- Options every level accepts ---------------------------------------------------

TEST_F(CliTest, VersionPrintsNameAndVersionAtEveryLevel) {
  const std::regex version("morgue [0-9]+\\.[0-9]+\\.[0-9]+\n");
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--version"}, {"list", "--version"}, {"show", "--version"}}) {
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kOk) << args[0];
    EXPECT_TRUE(std::regex_match(result.out, version)) << result.out;
    EXPECT_EQ(result.err, "");
  }
}

TEST_F(CliTest, HelpAtEveryLevelGoesToStdoutAndTouchesNothing) {
  CommandResult top = Morgue({"--help"});
  EXPECT_EQ(top.exit_code, kOk);
  EXPECT_TRUE(Contains(top.out, "Usage: morgue")) << top.out;
  EXPECT_TRUE(Contains(top.out, "Exit codes")) << top.out;
  for (const std::string& command : kCommands) {
    EXPECT_TRUE(Contains(top.out, "  " + command + " ")) << "main help lacks " << command;
    CommandResult help = Morgue({command, "--help"});
    EXPECT_EQ(help.exit_code, kOk) << command;
    EXPECT_TRUE(Contains(help.out, "Usage: morgue " + command)) << help.out;
    EXPECT_TRUE(Contains(help.out, "--archive")) << command << " help lacks the global options";
    EXPECT_TRUE(Contains(help.out, "--quiet")) << command;
    EXPECT_EQ(help.err, "");
  }
  EXPECT_TRUE(Contains(Morgue({"list", "--help"}).out, "--since"));
  EXPECT_TRUE(Contains(Morgue({"export", "--help"}).out, "--force"));
  EXPECT_EQ(DirEntries(dir_.path()), std::vector<std::string>{}) << "help created files";
}

TEST_F(CliTest, UsageErrorsExitTwo) {
  CommandResult none = Morgue({});
  ExpectError(none, kUsage, "name a command");
  EXPECT_TRUE(Contains(none.err, "import")) << "the commands are listed: " << none.err;
  ExpectError(Morgue({"frobnicate"}), kUsage, "unknown command 'frobnicate'");
  ExpectError(Morgue({"--bogus"}), kUsage, "--bogus");
  ExpectError(Morgue({"list", "--bogus"}), kUsage, "--bogus");
  ExpectError(Morgue({"show"}), kUsage, "missing ID");
  ExpectError(Morgue({"show", "abc"}), kUsage, "abc");
  ExpectError(Morgue({"export"}), kUsage, "--format");
}

TEST_F(CliTest, ArchiveOptionWorksBeforeAndAfterTheCommand) {
  ASSERT_EQ(Morgue({"--archive", "a.db", "init"}).exit_code, kOk);
  ASSERT_EQ(Morgue({"init", "--archive", "b.db"}).exit_code, kOk);
  EXPECT_TRUE(fs::exists(dir_ / "a.db"));
  EXPECT_TRUE(fs::exists(dir_ / "b.db"));
  EXPECT_FALSE(fs::exists(dir_ / "morgue.db"));
}

TEST_F(CliTest, ArchiveDefaultsToEnvironmentThenMorgueDb) {
  const fs::path env_archive = dir_ / "from-env.db";
  CommandResult init = Morgue({"init"}, "", {{"MORGUE_ARCHIVE", env_archive.string()}});
  ASSERT_EQ(init.exit_code, kOk) << init.err;
  EXPECT_TRUE(fs::exists(env_archive));
  CommandResult import = Morgue({"import", "--create", Sample().string()}, "",
                                {{"MORGUE_ARCHIVE", env_archive.string()}});
  ASSERT_EQ(import.exit_code, kOk) << import.err;
  CommandResult list = Morgue({"list"}, "", {{"MORGUE_ARCHIVE", env_archive.string()}});
  EXPECT_TRUE(Contains(list.out, kSeoulTitle)) << list.out;

  // --archive wins over the environment.
  CommandResult other =
      Morgue({"--archive", "other.db", "init"}, "", {{"MORGUE_ARCHIVE", env_archive.string()}});
  EXPECT_EQ(other.exit_code, kOk);
  EXPECT_TRUE(fs::exists(dir_ / "other.db"));

  // Neither: ./morgue.db in the working folder.
  EXPECT_EQ(Morgue({"init"}).exit_code, kOk);
  EXPECT_TRUE(fs::exists(dir_ / "morgue.db"));
}

// --- init and missing archives -----------------------------------------------------

TEST_F(CliTest, InitCreatesOnceAndIsSafeToRepeat) {
  CommandResult first = OnArchive({"init"});
  EXPECT_EQ(first.exit_code, kOk);
  EXPECT_EQ(first.out, "");
  EXPECT_TRUE(Contains(first.err, "created archive " + archive_.string())) << first.err;
  EXPECT_TRUE(Contains(first.err, "schema version")) << first.err;
  EXPECT_TRUE(fs::exists(archive_));

  CommandResult second = OnArchive({"init"});
  EXPECT_EQ(second.exit_code, kOk);
  EXPECT_TRUE(Contains(second.err, "already exists")) << second.err;

  EXPECT_EQ(OnArchive({"--quiet", "init"}).err, "");
}

TEST_F(CliTest, InitRefusesAFileThatIsNotAnArchive) {
  WriteFile(archive_, "just some notes, not a database\n");
  CommandResult result = OnArchive({"init"});
  EXPECT_EQ(result.exit_code, kArchiveError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(ReadFile(archive_), "just some notes, not a database\n");
}

TEST_F(CliTest, APostgresLocationIsNamedWithoutItsPasswordAndNothingIsCreated) {
  // A server that is not there (its socket folder does not exist): refused at once.
  const std::string location = "postgresql://lee:s3cret@%2Fnonexistent-morgue%2Fsocket:5433/news";
  const std::string shown = "archive 'postgresql://lee@%2Fnonexistent-morgue%2Fsocket:5433/news': ";
  const std::vector<std::vector<std::string>> commands = {
      {"init"},
      {"list"},
      {"search", "military"},
      {"export", "--format", "jsonl"},
      {"import", "--create", Sample().string()},
      {"import", "--dry-run", Sample().string()}};
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0] + (args.size() > 1 ? " " + args[1] : ""));
    for (const bool by_environment : {false, true}) {
      std::vector<std::string> argv = args;
      std::map<std::string, std::string> env;
      if (by_environment) {
        env["MORGUE_ARCHIVE"] = location;
      } else {
        argv.insert(argv.begin(), {"--archive", location});
      }
      CommandResult result = Morgue(argv, "", env);
      ExpectError(result, kArchiveError, shown + "cannot connect");
      EXPECT_EQ(result.err.find("s3cret"), std::string::npos) << result.err;
    }
  }
  EXPECT_TRUE(fs::is_empty(dir_.path()));
  // Another scheme names no archive either, and loses its password in the message too.
  CommandResult other = Morgue({"--archive", "mysql://lee:s3cret@db.example.org/news", "list"});
  ExpectError(other, kArchiveError,
              "archive 'mysql://lee@db.example.org/news': a morgue archive is a SQLite file, named "
              "by its path; 'mysql://' names none");
  EXPECT_EQ(other.err.find("s3cret"), std::string::npos) << other.err;
}

TEST_F(CliTest, ReadCommandsOnAMissingArchiveExitThreeAndCreateNothing) {
  const std::vector<std::vector<std::string>> commands = {{"list"},
                                                          {"show", "1"},
                                                          {"search", "military"},
                                                          {"export", "--format", "jsonl"},
                                                          {"tag", "1", "x"},
                                                          {"untag", "1", "x"},
                                                          {"tags"},
                                                          {"rm", "1"},
                                                          {"stats"}};
  for (const auto& args : commands) {
    SCOPED_TRACE(args[0]);
    ExpectError(OnArchive(args), kArchiveError, "no archive at " + archive_.string());
    EXPECT_TRUE(Contains(OnArchive(args).err, "morgue init"));
    EXPECT_FALSE(fs::exists(archive_));
  }
}

// --- import --------------------------------------------------------------------------

TEST_F(CliTest, ImportCreatesTheArchiveAndSummarises) {
  CommandResult result = OnArchive({"import", "--create", Sample().string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(
      Contains(result.err, "1 file: 4 articles imported, 0 duplicates; 0 files failed, 0 skipped"))
      << result.err;
  EXPECT_TRUE(fs::exists(archive_));
  EXPECT_EQ(ListIds({}).size(), 4u);
}

TEST_F(CliTest, ImportingTheSameFileTwiceReportsDuplicates) {
  ImportSample();
  CommandResult again = OnArchive({"import", "--create", Sample().string()});
  EXPECT_EQ(again.exit_code, kOk);
  EXPECT_TRUE(
      Contains(again.err, "1 file: 0 articles imported, 4 duplicates; 0 files failed, 0 skipped"))
      << again.err;
  EXPECT_EQ(ListIds({}).size(), 4u) << "duplicates must not be stored twice";
}

TEST_F(CliTest, ImportReadsStandardInput) {
  CommandResult result = OnArchive({"import", "--create", "-"}, ReadFile(Sample()));
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_TRUE(Contains(result.err,
                       "1 input: 4 articles imported, 0 duplicates; 0 inputs failed, 0 skipped"))
      << result.err;

  CommandResult bad = OnArchive({"import", "--create", "-"}, "{\"title\": \n");
  EXPECT_EQ(bad.exit_code, kPartial);
  EXPECT_TRUE(StartsWith(bad.err, "<stdin>: ")) << bad.err;
}

TEST_F(CliTest, ImportOfBadAndMissingFilesNamesEachAndKeepsTheGoodOnes) {
  const fs::path good = dir_ / "good.jsonl";
  const fs::path bad = dir_ / "bad.json";
  const fs::path missing = dir_ / "missing.json";
  WriteFile(good, ReadFile(Sample()));
  WriteFile(bad, "{\"title\": \"unfinished\"\n");

  CommandResult result =
      OnArchive({"import", "--create", bad.string(), good.string(), missing.string()});
  EXPECT_EQ(result.exit_code, kPartial);
  EXPECT_EQ(result.out, "");
  EXPECT_NE(LineStartingWith(result.err, bad.string() + ": json: "), "") << result.err;
  EXPECT_NE(LineStartingWith(result.err, missing.string() + ": morgue: "), "") << result.err;
  EXPECT_FALSE(Contains(result.err, good.string())) << "the good file did not fail";
  EXPECT_TRUE(
      Contains(result.err, "3 files: 4 articles imported, 0 duplicates; 2 files failed, 0 skipped"))
      << result.err;
  EXPECT_EQ(ListIds({}).size(), 4u);

  // --quiet drops the chatter, never the failures nor the one-line summary.
  CommandResult quiet = OnArchive({"--quiet", "import", "--create", bad.string()});
  EXPECT_EQ(quiet.exit_code, kPartial);
  EXPECT_EQ(quiet.err,
            LineStartingWith(result.err, bad.string() + ": json: ") +
                "\n1 file: 0 articles imported, 0 duplicates; 1 file failed, 0 skipped\n");
}

TEST_F(CliTest, ImportWalksFoldersAndAddsTags) {
  WriteFile(dir_ / "in" / "sample.jsonl", ReadFile(Sample()));
  WriteFile(
      dir_ / "in" / "more" / "extra.json",
      R"({"title": "Extra story", "body": "Nothing much happened.", "published": "2011-02-01"})");
  CommandResult result = OnArchive(
      {"import", "--create", "--tag", "batch-1", "--tag", "review", (dir_ / "in").string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_TRUE(
      Contains(result.err, "2 files: 5 articles imported, 0 duplicates; 0 files failed, 0 skipped"))
      << result.err;
  EXPECT_EQ(ListIds({"--tag", "batch-1", "--tag", "review"}).size(), 5u);
}

TEST_F(CliTest, UnknownFormatExitsThreeListingFormats) {
  CommandResult import = OnArchive({"import", "--create", "--format", "nope", Sample().string()});
  ExpectError(import, kArchiveError, "nope");
  EXPECT_TRUE(Contains(import.err, "jsonl")) << import.err;
  EXPECT_FALSE(fs::exists(archive_)) << "a typo must not create an archive";

  ImportSample();
  CommandResult exported = OnArchive({"export", "--format", "nope"});
  ExpectError(exported, kArchiveError, "nope");
  EXPECT_TRUE(Contains(exported.err, "jsonl")) << exported.err;
}

TEST_F(CliTest, ImportWithAnExplicitFormat) {
  WriteFile(dir_ / "articles.txt", ReadFile(Sample()));
  CommandResult result =
      OnArchive({"import", "--create", "--format", "jsonl", (dir_ / "articles.txt").string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(ListIds({}).size(), 4u);
}

// --- list ----------------------------------------------------------------------------

TEST_F(CliTest, ListPrintsATableAndNothingElse) {
  ImportSample();
  CommandResult result = OnArchive({"list"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.err, "");
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 5u) << result.out;  // header and four articles
  EXPECT_TRUE(StartsWith(lines[0], "ID")) << lines[0];
  EXPECT_TRUE(Contains(lines[0], "TITLE"));
  // Newest first: the Korean article of 15 January, the Seoul one of 4 January last.
  EXPECT_TRUE(Contains(lines[1], "2011-01-15"));
  EXPECT_TRUE(Contains(lines[1], kKoreanTitle)) << lines[1];
  EXPECT_TRUE(Contains(lines[1], "박지민"));
  EXPECT_TRUE(Contains(lines[4], kSeoulTitle)) << lines[4];
  EXPECT_TRUE(Contains(lines[4], "Korea Times"));
  EXPECT_TRUE(Contains(lines[4], "Lee Tae-hoon"));
  // Only the date part of a date-time.
  EXPECT_TRUE(Contains(result.out, "2011-01-08 "));
  EXPECT_FALSE(Contains(result.out, "20:15"));
}

TEST_F(CliTest, ListCutsLongTitlesBetweenCharacters) {
  std::string title;
  for (int i = 0; i < 8; ++i) {
    title += "한국어 제목이 아주 길어서 ";
  }
  title += "끝";
  CommandResult import =
      OnArchive({"import", "--create", "--format", "jsonl", "-"},
                R"({"title": ")" + title +
                    R"(", "body": "본문.", "source": "Hankyoreh", "published": "2011-03-01"})"
                    "\n");
  ASSERT_EQ(import.exit_code, kOk) << import.err;
  CommandResult result = OnArchive({"list"});
  ASSERT_EQ(result.exit_code, kOk);
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 2u) << result.out;
  EXPECT_GE(CodePoints(lines[1]), 0) << "a character was cut in half: " << lines[1];
  EXPECT_LE(CodePoints(lines[1]), 100) << lines[1];
  EXPECT_TRUE(Contains(lines[1], "…")) << lines[1];
  EXPECT_FALSE(Contains(lines[1], "끝")) << "the title should have been shortened";
  EXPECT_TRUE(Contains(lines[1], "한국어 제목이")) << lines[1];
}

TEST_F(CliTest, ListJsonHasTheDocumentedFields) {
  ImportSample();
  CommandResult result = OnArchive({"list", "--json"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.err, "");
  Json list = Json::parse(result.out);
  ASSERT_TRUE(list.is_array());
  ASSERT_EQ(list.size(), 4u);
  const Json& seoul = list.back();
  for (const char* key :
       {"id", "title", "subtitle", "authors", "published", "source", "url", "tags", "word_count"}) {
    EXPECT_TRUE(seoul.contains(key)) << key;
  }
  EXPECT_EQ(seoul["id"], 1);
  EXPECT_EQ(seoul["title"], kSeoulTitle);
  EXPECT_EQ(seoul["subtitle"], "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  EXPECT_EQ(seoul["authors"], Json::array({"Lee Tae-hoon"}));
  EXPECT_EQ(seoul["published"], "2011-01-04");
  EXPECT_EQ(seoul["source"], "Korea Times");
  EXPECT_GT(seoul["word_count"].get<int>(), 100);
  EXPECT_NE(std::find(seoul["tags"].begin(), seoul["tags"].end(), "defense"), seoul["tags"].end());
  EXPECT_EQ(list[2]["url"], "https://en.yna.co.kr/view/AEN20110108000100315");

  ASSERT_EQ(OnArchive({"rm", "1", "2", "3", "4"}).exit_code, kOk);
  EXPECT_EQ(Json::parse(OnArchive({"list", "--json"}).out), Json::array());
}

TEST_F(CliTest, ListOfAnEmptyArchivePrintsNoData) {
  ASSERT_EQ(OnArchive({"init"}).exit_code, kOk);
  CommandResult result = OnArchive({"list"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(Contains(result.err, "no articles")) << result.err;
}

// --- filters -------------------------------------------------------------------------

TEST_F(CliTest, FiltersNarrowTheList) {
  ImportSample();
  EXPECT_EQ(ListIds({"--tag", "japan", "--order", "id"}), (Ids{1, 3}));
  EXPECT_EQ(ListIds({"--tag", "japan", "--tag", "china"}), (Ids{3}));
  EXPECT_EQ(ListIds({"--tag", "날씨"}), (Ids{4}));
  EXPECT_EQ(ListIds({"--author", "lee"}), (Ids{1}));
  EXPECT_EQ(ListIds({"--source", "korea times"}), (Ids{1}));
  EXPECT_EQ(ListIds({"--since", "2011-01-08", "--until", "2011-01-12", "--order", "id"}),
            (Ids{2, 3}));
  EXPECT_EQ(ListIds({"--until", "2011-01-08"}), (Ids{2, 1})) << "until includes the whole day";
  EXPECT_EQ(ListIds({"--ids", "1,3", "--order", "id"}), (Ids{1, 3}));
  EXPECT_EQ(ListIds({"--ids", "1, 3", "--order", "id"}), (Ids{1, 3}));
  EXPECT_EQ(ListIds({"--query", "fireworks"}), (Ids{2}));
  EXPECT_EQ(ListIds({"--tag", "japan", "--author", "lee"}), (Ids{1})) << "filters combine";
}

TEST_F(CliTest, OrderLimitAndOffsetPage) {
  ImportSample();
  EXPECT_EQ(ListIds({}), (Ids{4, 3, 2, 1})) << "newest first by default";
  EXPECT_EQ(ListIds({"--order", "published"}), (Ids{1, 2, 3, 4}));
  EXPECT_EQ(ListIds({"--order", "-id"}), (Ids{4, 3, 2, 1}));
  EXPECT_EQ(ListIds({"--order", "id", "--limit", "2"}), (Ids{1, 2}));
  EXPECT_EQ(ListIds({"--order", "id", "--limit", "2", "--offset", "2"}), (Ids{3, 4}));
  EXPECT_EQ(ListIds({"--order", "title", "--limit", "1"}), (Ids{3}));  // "Japan, China…"
}

TEST_F(CliTest, BadFilterValuesAreUsageErrors) {
  ImportSample();
  CommandResult since = OnArchive({"list", "--since", "2011-13-45"});
  ExpectError(since, kUsage, "2011-13-45");
  EXPECT_TRUE(Contains(since.err, "ISO 8601")) << since.err;
  ExpectError(OnArchive({"list", "--until", "yesterday"}), kUsage, "yesterday");
  CommandResult order = OnArchive({"list", "--order", "bogus"});
  ExpectError(order, kUsage, "bogus");
  EXPECT_TRUE(Contains(order.err, "published")) << "valid orders are listed: " << order.err;
  EXPECT_TRUE(Contains(order.err, "relevance")) << order.err;
  ExpectError(OnArchive({"list", "--limit", "-1"}), kUsage, "--limit");
  ExpectError(OnArchive({"list", "--ids", "1,x"}), kUsage, "--ids");
  ExpectError(OnArchive({"export", "--format", "jsonl", "--since", "soon"}), kUsage, "soon");
}

// --- show ----------------------------------------------------------------------------

TEST_F(CliTest, ShowPrintsEveryFieldThenTheBody) {
  ImportSample();
  CommandResult result = OnArchive({"show", "1"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.err, "");
  const std::string& out = result.out;
  EXPECT_TRUE(StartsWith(out, std::string(kSeoulTitle) + "\n")) << out;
  for (const char* expected :
       {"Defense chiefs to hold meeting in Seoul Jan. 10-11",
        "Lee Tae-hoon <leeth@koreatimes.co.kr>", "2011-01-04", "Korea Times",
        "defense, japan, south korea",
        "Japanese Prime Minister Naoto Kan speaks during his New Year news conference",
        "Xinhua-Yonhap", "en"}) {
    EXPECT_TRUE(Contains(out, expected)) << expected;
  }
  size_t body = out.find("South Korea is considering signing its first military agreement");
  ASSERT_NE(body, std::string::npos);
  EXPECT_GT(body, out.find("Xinhua-Yonhap")) << "the body comes after the fields";
  EXPECT_TRUE(Contains(out, "military supplies and services.\n"));
  EXPECT_FALSE(Contains(out, "provenance"));

  CommandResult with_url = OnArchive({"show", "2"});
  EXPECT_TRUE(Contains(with_url.out, "https://en.yna.co.kr/view/AEN20110108000100315"));
  EXPECT_TRUE(Contains(with_url.out, "2011-01-08T20:15:00+09:00"));
}

TEST_F(CliTest, ShowProvenanceAddsItsSection) {
  ImportSample();
  CommandResult result = OnArchive({"show", "1", "--provenance"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_TRUE(Contains(result.out, "provenance")) << result.out;
}

TEST_F(CliTest, ShowJsonIsTheWholeArticle) {
  ImportSample();
  CommandResult result = OnArchive({"show", "1", "--json"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.err, "");
  Json article = Json::parse(result.out);
  EXPECT_EQ(article["id"], 1);
  EXPECT_EQ(article["title"], kSeoulTitle);
  EXPECT_EQ(article["authors"][0]["name"], "Lee Tae-hoon");
  EXPECT_EQ(article["authors"][0]["email"], "leeth@koreatimes.co.kr");
  EXPECT_EQ(article["media"][0]["credit"], "Xinhua-Yonhap");
  EXPECT_TRUE(StartsWith(article["media"][0]["caption"].get<std::string>(), "Japanese Prime"));
  EXPECT_TRUE(article["provenance"].is_object());
  EXPECT_EQ(article["language"], "en");
  EXPECT_TRUE(StartsWith(article["body"].get<std::string>(), "South Korea is considering"));
}

TEST_F(CliTest, ShowOfAMissingIdExitsOne) {
  ImportSample();
  ExpectError(OnArchive({"show", "999"}), kPartial, "999");
}

// --- search --------------------------------------------------------------------------

TEST_F(CliTest, SearchFindsTheSeedArticleWithASnippet) {
  ImportSample();
  CommandResult result = OnArchive({"search", "military"});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(Contains(result.out, kSeoulTitle)) << result.out;
  EXPECT_TRUE(Contains(result.out, "[military]")) << result.out;
  EXPECT_FALSE(Contains(result.out, "\033[")) << "no terminal escapes into a pipe";
  EXPECT_FALSE(Contains(result.out, "fisheries"));
}

TEST_F(CliTest, SearchShowsTheBestTwentyUnlessToldOtherwise) {
  std::string many;
  for (int i = 0; i < 25; ++i) {
    many += "{\"title\": \"Harbour note " + std::to_string(i) + "\"}\n";
  }
  ASSERT_EQ(OnArchive({"import", "--create", "--format", "jsonl", "-"}, many).exit_code, kOk);
  EXPECT_EQ(Json::parse(OnArchive({"search", "harbour", "--json"}).out).size(), 20u);
  EXPECT_EQ(Json::parse(OnArchive({"search", "harbour", "--json", "--limit", "30"}).out).size(),
            25u);
}

TEST_F(CliTest, SearchAppliesFiltersAndPrintsJson) {
  ImportSample();
  CommandResult filtered = OnArchive({"search", "japan", "--source", "japan times"});
  EXPECT_EQ(filtered.exit_code, kOk);
  EXPECT_TRUE(Contains(filtered.out, "Japan, China agree")) << filtered.out;
  EXPECT_FALSE(Contains(filtered.out, kSeoulTitle)) << filtered.out;

  CommandResult json = OnArchive({"search", "fireworks", "--json"});
  EXPECT_EQ(json.exit_code, kOk);
  Json hits = Json::parse(json.out);
  ASSERT_EQ(hits.size(), 1u) << json.out;
  EXPECT_EQ(hits[0]["id"], 2);
  EXPECT_TRUE(Contains(hits[0]["snippet"].get<std::string>(), "[fireworks]")) << hits[0];

  CommandResult none = OnArchive({"search", "zeppelin"});
  EXPECT_EQ(none.exit_code, kOk);
  EXPECT_EQ(none.out, "");
}

TEST_F(CliTest, MalformedSearchQueryIsAUsageError) {
  ImportSample();
  CommandResult result = OnArchive({"search", "military AND ("});
  ExpectError(result, kUsage, "quer");
}

// --- tag, untag, tags ----------------------------------------------------------------

TEST_F(CliTest, TagUntagAndTags) {
  ImportSample();
  CommandResult tag = OnArchive({"tag", "2", "urgent", "review"});
  EXPECT_EQ(tag.exit_code, kOk) << tag.err;
  EXPECT_EQ(tag.out, "");
  EXPECT_EQ(ListIds({"--tag", "urgent"}), (Ids{2}));

  CommandResult tags = OnArchive({"tags", "--json"});
  EXPECT_EQ(tags.exit_code, kOk);
  Json counts = Json::parse(tags.out);
  // With how many articles have it from the page and from the user.
  EXPECT_NE(std::find(counts.begin(), counts.end(),
                      Json{{"tag", "urgent"}, {"count", 1}, {"page", 0}, {"user", 1}}),
            counts.end())
      << counts;
  EXPECT_NE(std::find(counts.begin(), counts.end(),
                      Json{{"tag", "japan"}, {"count", 2}, {"page", 2}, {"user", 0}}),
            counts.end())
      << counts;

  CommandResult table = OnArchive({"tags"});
  EXPECT_EQ(table.err, "");
  std::string japan = LineStartingWith(table.out, "japan ");
  EXPECT_TRUE(std::regex_match(japan, std::regex("japan +2 +2 +0"))) << table.out;

  EXPECT_EQ(OnArchive({"untag", "2", "urgent"}).exit_code, kOk);
  EXPECT_EQ(ListIds({"--tag", "urgent"}), Ids{});
  EXPECT_EQ(ListIds({"--tag", "review"}), (Ids{2}));

  ExpectError(OnArchive({"tag", "999", "x"}), kPartial, "999");
  ExpectError(OnArchive({"untag", "999", "x"}), kPartial, "999");
  ExpectError(OnArchive({"tag", "1"}), kUsage, "missing TAG");
}

// --- rm ------------------------------------------------------------------------------

TEST_F(CliTest, RmRemovesWhatExistsAndReportsTheRest) {
  ImportSample();
  CommandResult result = OnArchive({"rm", "2", "999", "3"});
  EXPECT_EQ(result.exit_code, kPartial);
  EXPECT_EQ(result.out, "");
  EXPECT_TRUE(Contains(result.err, "999")) << result.err;
  EXPECT_EQ(ListIds({"--order", "id"}), (Ids{1, 4}));
  EXPECT_EQ(OnArchive({"rm", "1"}).exit_code, kOk);
  EXPECT_EQ(ListIds({}), (Ids{4}));
}

// --- stats ---------------------------------------------------------------------------

TEST_F(CliTest, SourcesListsTheDirectoryAndTakesTheUsersOwn) {
  ImportSample();
  CommandResult korea = OnArchive({"sources", "koreatimes"});
  EXPECT_EQ(korea.exit_code, kOk) << korea.err;
  std::string row = LineStartingWith(korea.out, "Korea Times");
  EXPECT_TRUE(Contains(row, "directory")) << korea.out;
  EXPECT_TRUE(Contains(row, "koreatimes.co.kr")) << korea.out;
  EXPECT_TRUE(Contains(row, " 1 ")) << "one article from it: " << korea.out;

  CommandResult added =
      OnArchive({"sources", "add", "Harbour Gazette", "--domain", "harbourgazette.example",
                 "--alias", "The Gazette", "--country", "NZ"});
  EXPECT_EQ(added.exit_code, kOk) << added.err;
  // An import naming it by alias or by its domain now lands on it.
  CommandResult imported =
      OnArchive({"import", "--create", "--format", "jsonl", "-"},
                "{\"title\": \"Tides\", \"source\": \"The Gazette\"}\n"
                "{\"title\": \"Boats\", \"url\": \"https://news.harbourgazette.example/boats\"}\n");
  EXPECT_EQ(imported.exit_code, kOk) << imported.err;
  Json mine = Json::parse(OnArchive({"sources", "Harbour", "--json"}).out);
  ASSERT_EQ(mine.size(), 1u) << mine;
  EXPECT_EQ(mine[0]["origin"], "user");
  EXPECT_EQ(mine[0]["articles"], 2);
  EXPECT_EQ(mine[0]["domains"], Json::array({"harbourgazette.example"}));

  ExpectError(OnArchive({"sources", "add", "Thief", "--domain", "koreatimes.co.kr"}), kUsage,
              "domain 'koreatimes.co.kr' already belongs to 'Korea Times'");
  ExpectError(Morgue({"sources"}), kArchiveError, "no archive at");
}

TEST_F(CliTest, StatsInReadableUnitsAndJson) {
  ImportSample();
  CommandResult text = OnArchive({"stats"});
  EXPECT_EQ(text.exit_code, kOk);
  EXPECT_EQ(text.err, "");
  EXPECT_TRUE(std::regex_search(text.out, std::regex("articles: +4\n"))) << text.out;
  EXPECT_TRUE(std::regex_search(text.out, std::regex("[0-9.]+ (B|KiB|MiB)"))) << text.out;
  EXPECT_TRUE(Contains(text.out, "2011-01-04")) << text.out;

  CommandResult json = OnArchive({"stats", "--json"});
  EXPECT_EQ(json.exit_code, kOk);
  Json stats = Json::parse(json.out);
  EXPECT_EQ(stats["articles"], 4);
  EXPECT_GE(stats["schema_version"].get<int>(), 1);
  EXPECT_GT(stats["file_bytes"].get<int64_t>(), 0);
  EXPECT_EQ(stats["documents"], 1);
  EXPECT_EQ(stats["earliest_published"], "2011-01-04");
  EXPECT_EQ(stats["latest_published"], "2011-01-15");
}

// --- export --------------------------------------------------------------------------

TEST_F(CliTest, ExportJsonLinesToStdout) {
  ImportSample();
  CommandResult result = OnArchive({"export", "--format", "jsonl"});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.err, "");
  std::vector<std::string> lines = Lines(result.out);
  ASSERT_EQ(lines.size(), 4u) << result.out;
  std::vector<std::string> titles;
  titles.reserve(lines.size());
  for (const std::string& line : lines) {
    titles.push_back(Json::parse(line)["title"]);
  }
  EXPECT_NE(std::find(titles.begin(), titles.end(), kKoreanTitle), titles.end());

  CommandResult filtered =
      OnArchive({"export", "--format", "jsonl", "--tag", "japan", "--fields", "id,title"});
  EXPECT_EQ(filtered.exit_code, kOk) << filtered.err;
  lines = Lines(filtered.out);
  ASSERT_EQ(lines.size(), 2u) << filtered.out;
  Json first = Json::parse(lines[0]);
  EXPECT_TRUE(first.contains("title"));
  EXPECT_FALSE(first.contains("body")) << "--fields limits the fields";
}

TEST_F(CliTest, ExportToAFileRefusesToOverwriteWithoutForce) {
  ImportSample();
  const fs::path out_dir = dir_ / "out";
  fs::create_directories(out_dir);
  const fs::path out = out_dir / "articles.jsonl";

  CommandResult first =
      OnArchive({"export", "--format", "jsonl", "--limit", "1", "-o", out.string()});
  EXPECT_EQ(first.exit_code, kOk) << first.err;
  EXPECT_EQ(first.out, "") << "with -o nothing goes to standard output";
  EXPECT_EQ(Lines(ReadFile(out)).size(), 1u);

  CommandResult refused = OnArchive({"export", "--format", "jsonl", "-o", out.string()});
  ExpectError(refused, kUsage, "--force");
  EXPECT_EQ(Lines(ReadFile(out)).size(), 1u) << "the existing file was changed";

  CommandResult forced = OnArchive({"export", "--format", "jsonl", "-o", out.string(), "--force"});
  EXPECT_EQ(forced.exit_code, kOk) << forced.err;
  EXPECT_EQ(Lines(ReadFile(out)).size(), 4u);
  EXPECT_EQ(DirEntries(out_dir), std::vector<std::string>{"articles.jsonl"})
      << "temporary files were left behind";
}

TEST_F(CliTest, FailedExportLeavesNoFile) {
  ImportSample();
  const fs::path out_dir = dir_ / "out";
  fs::create_directories(out_dir);
  // The exporter rejects the field after the temporary file exists.
  CommandResult bad_field = OnArchive({"export", "--format", "jsonl", "--fields",
                                       "title,nosuchfield", "-o", (out_dir / "a.jsonl").string()});
  ExpectError(bad_field, kUsage, "nosuchfield");
  EXPECT_EQ(DirEntries(out_dir), std::vector<std::string>{});

  // A folder that is a file.
  WriteFile(dir_ / "plain-file", "x");
  CommandResult not_a_dir =
      OnArchive({"export", "--format", "jsonl", "-o", (dir_ / "plain-file" / "a.jsonl").string()});
  ExpectError(not_a_dir, kArchiveError, "a.jsonl");
}

TEST_F(CliTest, FailedExportToAFolderThatRefusesFilesLeavesNoFile) {
  ImportSample();
  // /proc refuses new files to every user, root included, as a read-only or locked
  // folder would.
  const fs::path target = "/proc/morgue-export-test.jsonl";
  CommandResult result = OnArchive({"export", "--format", "jsonl", "-o", target.string()});
  ExpectError(result, kArchiveError, "morgue-export-test.jsonl");
  EXPECT_FALSE(fs::exists(target));
}

// --- plugins -------------------------------------------------------------------------

TEST_F(CliTest, PluginsListsJsonWithItsPath) {
  CommandResult result = Morgue({"plugins"});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.err, "");
  const fs::path json_plugin = BuildPluginDir() / "morgue_json.so";
  EXPECT_TRUE(Contains(result.out, "json ")) << result.out;
  EXPECT_TRUE(Contains(result.out, json_plugin.string())) << result.out;
  EXPECT_TRUE(Contains(result.out, "jsonl")) << result.out;

  Json listing = Json::parse(Morgue({"plugins", "--json"}).out);
  ASSERT_TRUE(listing["plugins"].is_array());
  auto json_entry = std::find_if(listing["plugins"].begin(), listing["plugins"].end(),
                                 [](const Json& p) { return p["name"] == "json"; });
  ASSERT_NE(json_entry, listing["plugins"].end()) << listing;
  EXPECT_EQ((*json_entry)["path"], json_plugin.string());
  EXPECT_EQ((*json_entry)["kind"], "import, export");
  EXPECT_TRUE((*json_entry)["formats"].is_array());
  EXPECT_FALSE(Morgue({"--archive", "x.db", "plugins"}).out.empty());
  EXPECT_FALSE(fs::exists(dir_ / "x.db")) << "plugins needs no archive";
}

TEST_F(CliTest, PluginsListsRefusedLibrariesWithTheirReason) {
  WriteFile(dir_ / "bad-plugins" / "morgue_fake.so", "not a shared library");
  CommandResult result = Morgue({"plugins", "--plugin-dir", (dir_ / "bad-plugins").string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  std::string refused =
      LineStartingWith(result.out, "  '" + (dir_ / "bad-plugins" / "morgue_fake.so").string());
  EXPECT_TRUE(Contains(refused, "morgue_fake.so' is not a loadable shared library")) << result.out;
  EXPECT_TRUE(Contains(result.out, "json ")) << "the built-in plugins still load";

  // The same through MORGUE_PLUGIN_PATH.
  CommandResult from_env =
      Morgue({"plugins"}, "", {{"MORGUE_PLUGIN_PATH", (dir_ / "bad-plugins").string()}});
  EXPECT_TRUE(Contains(from_env.out, "morgue_fake.so")) << from_env.out;
}

TEST_F(CliTest, EmptyPluginDirStillFindsTheBuiltInPlugins) {
  fs::create_directories(dir_ / "empty");
  CommandResult result =
      Morgue({"--archive", archive_.string(), "--plugin-dir", (dir_ / "empty").string(), "import",
              "--create", Sample().string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_TRUE(Contains(result.err, "4 articles imported")) << result.err;
  CommandResult missing_dir = Morgue({"plugins", "--plugin-dir", (dir_ / "nowhere").string()});
  EXPECT_EQ(missing_dir.exit_code, kOk);
  EXPECT_TRUE(Contains(missing_dir.out, "json ")) << missing_dir.out;
  EXPECT_TRUE(Contains(missing_dir.err,
                       "plugin folder '" + (dir_ / "nowhere").string() + "' does not exist"))
      << missing_dir.err;
}

TEST_F(CliTest, ExportImportExportGivesTheSameBytesWithTheDefaultOrder) {
  ImportSample();
  ASSERT_EQ(OnArchive({"rm", "2"}).exit_code, kOk);  // ids with a gap, as real archives have
  CommandResult first = OnArchive({"export", "--format", "jsonl"});
  ASSERT_EQ(first.exit_code, kOk) << first.err;
  const fs::path fresh = dir_ / "fresh.db";
  CommandResult imported = Morgue(
      {"--archive", fresh.string(), "import", "--create", "--format", "jsonl", "-"}, first.out);
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  CommandResult second = Morgue({"--archive", fresh.string(), "export", "--format", "jsonl"});
  ASSERT_EQ(second.exit_code, kOk) << second.err;
  // Ids are the archive's own, so they differ; everything else must not.
  auto without_ids = [](std::string text) {
    return std::regex_replace(text, std::regex("\\{\"id\":[0-9]+,"), "{");
  };
  EXPECT_EQ(without_ids(first.out), without_ids(second.out));
  EXPECT_NE(without_ids(first.out), first.out) << "the export carries ids";
}

// The ids an export holds, read back per format; also checks that each record has exactly
// the fields id and title, in that order.
Ids ExportedIds(const std::string& format, const std::string& out) {
  Ids ids;
  if (format == "csv" || format == "tsv") {
    const std::string separator = format == "csv" ? "," : "\t";
    std::vector<std::string> lines;
    for (size_t start = 0; start < out.size();) {
      size_t end = out.find("\r\n", start);
      if (end == std::string::npos) end = out.size();
      lines.push_back(out.substr(start, end - start));
      start = end + 2;
    }
    EXPECT_FALSE(lines.empty());
    if (lines.empty()) return ids;
    EXPECT_EQ(lines[0], "id" + separator + "title");
    for (size_t i = 1; i < lines.size(); ++i) {
      ids.push_back(std::stoll(lines[i].substr(0, lines[i].find(separator))));
    }
    return ids;
  }
  Json records = Json::array();
  if (format == "json") {
    records = Json::parse(out);
  } else {
    for (size_t start = 0; start < out.size();) {
      size_t end = out.find('\n', start);
      records.push_back(Json::parse(out.substr(start, end - start)));
      start = end + 1;
    }
  }
  for (const Json& record : records) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : record.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"id", "title"}));
    ids.push_back(record["id"].get<int64_t>());
  }
  return ids;
}

TEST_F(CliTest, EveryExportFormatHonoursEveryFilterAndFieldSelection) {
  ImportSample();
  const std::vector<std::vector<std::string>> filters = {
      {},
      {"--tag", "japan"},
      {"--tag", "japan", "--tag", "defense"},
      {"--author", "lee"},
      {"--source", "korea times"},
      {"--since", "2011-01-08"},
      {"--until", "2011-01-08"},
      {"--query", "military OR fisheries"},
      {"--ids", "2,4"},
      {"--limit", "2", "--offset", "1"},
      {"--order", "-published"},
      {"--order", "title", "--since", "2011-01-05"},
  };
  for (const auto& filter : filters) {
    std::vector<std::string> listed = filter;
    // `list` shows newest first by default, `export` archive order: compare like with like.
    if (std::find(filter.begin(), filter.end(), "--order") == filter.end()) {
      listed.insert(listed.end(), {"--order", "id"});
    }
    const Ids expected = ListIds(listed);
    for (const std::string format : {"json", "jsonl", "csv", "tsv"}) {
      std::vector<std::string> args = {"export", "--format", format, "--fields", "id,title"};
      args.insert(args.end(), filter.begin(), filter.end());
      CommandResult result = OnArchive(args);
      ASSERT_EQ(result.exit_code, kOk) << format << ": " << result.err;
      EXPECT_EQ(ExportedIds(format, result.out), expected)
          << format << " with " << ::testing::PrintToString(filter);
    }
  }
}

TEST_F(CliTest, AnExporterFailingHalfWayLeavesNoFile) {
  ImportSample();
  const fs::path out = dir_ / "out" / "export.csv";
  fs::create_directories(out.parent_path());
  CommandResult result = OnArchive(
      {"export", "--plugin-dir", TestPluginDir().string(), "--format", "boom", "-o", out.string()});
  ExpectError(result, kArchiveError, "the writer fell over");
  EXPECT_EQ(DirEntries(out.parent_path()), std::vector<std::string>{});
}

TEST_F(CliTest, AnExportPastTheFileSizeLimitFailsCleanly) {
  // A full disk, as a file-size limit: the write fails half-way through the export.
  std::string many;
  for (int i = 0; i < 600; ++i) {
    many += "{\"title\": \"Article " + std::to_string(i) + "\", \"body\": \"" +
            std::string(400, 'x') + std::to_string(i) + "\"}\n";
  }
  ASSERT_EQ(OnArchive({"import", "--create", "--format", "jsonl", "-"}, many).exit_code, kOk);
  const fs::path out = dir_ / "out" / "export.jsonl";
  fs::create_directories(out.parent_path());
  CommandResult result =
      // Above SQLite's 32 KiB shared-memory file, far below the export's size.
      RunCommand({"/usr/bin/prlimit", "--fsize=40000", MorgueBinary().string(), "--archive",
                  archive_.string(), "export", "--format", "jsonl", "-o", out.string()});
  EXPECT_EQ(result.exit_code, kArchiveError) << result.err;
  EXPECT_TRUE(Contains(result.err, "File too large")) << result.err;
  EXPECT_EQ(DirEntries(out.parent_path()), std::vector<std::string>{});
}

TEST_F(CliTest, IdsMustBeArticleIds) {
  ImportSample();
  ExpectError(OnArchive({"list", "--ids", "-3"}), kUsage, "'-3' is not an article id");
  ExpectError(OnArchive({"list", "--ids", "99999999999999999999"}), kUsage, "not an article id");
}

TEST_F(CliTest, ImportingAPipeIsRefusedWithoutWaitingOnIt) {
  const fs::path fifo = dir_ / "articles.json";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  CommandResult result = OnArchive({"import", "--create", fifo.string()});
  EXPECT_EQ(result.exit_code, kPartial);
  EXPECT_TRUE(Contains(result.err, fifo.string() + ": morgue: is not a regular file"))
      << result.err;
}

TEST_F(CliTest, ReadCommandsLeaveOtherSqliteFilesAlone) {
  const fs::path foreign = dir_ / "bookmarks.db";
  ASSERT_EQ(RunCommand({"/usr/bin/sqlite3", foreign.string(),
                        "CREATE TABLE bookmarks(url TEXT); INSERT INTO bookmarks VALUES('x');"})
                .exit_code,
            0);
  const std::string before = ReadFile(foreign);
  for (const char* command : {"list", "stats", "import"}) {
    std::vector<std::string> args = {"--archive", foreign.string(), command};
    if (std::string(command) == "import") args.push_back(Sample().string());
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kArchiveError) << command;
    EXPECT_TRUE(Contains(result.err, "is a SQLite database but not a morgue archive"))
        << result.err;
  }
  EXPECT_EQ(ReadFile(foreign), before);
}

}  // namespace
}  // namespace morgue::testing
