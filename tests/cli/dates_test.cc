// Dates through the binary: kept as the source gave them, and ordered, bounded and
// exported by their sortable form (published_sort), across mixed offsets.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;

class DatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // In time order C, D, A, E, B; F has no date. As text, B sorts before A.
    WriteFile(dir_ / "dates.jsonl",
              R"({"title": "A east", "body": "Body A.", "published": "2011-01-05T10:00:00+09:00"}
{"title": "B west", "body": "Body B.", "published": "2011-01-04T23:30:00-05:00"}
{"title": "C utc", "body": "Body C.", "published": "2011-01-04T20:00:00.0000000Z"}
{"title": "D date", "body": "Body D.", "published": "2011-01-05"}
{"title": "E local", "body": "Body E.", "published": "2011-01-05T02:00"}
{"title": "F undated", "body": "Body F."}
)");
    CommandResult imported = OnArchive({"import", "--create", (dir_ / "dates.jsonl").string()});
    ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  }

  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  // The titles' first letters that `list --json` prints with `args`, in order.
  std::string Listed(std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--json"});
    CommandResult listed = OnArchive(args);
    EXPECT_EQ(listed.exit_code, kOk) << listed.err;
    std::string letters;
    for (const Json& row : Json::parse(listed.out)) {
      letters += row.at("title").get<std::string>().front();
    }
    return letters;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
};

TEST_F(DatesTest, DatesAreKeptAsGiven) {
  CommandResult shown = OnArchive({"show", "3", "--json"});
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  EXPECT_EQ(Json::parse(shown.out).at("published"), "2011-01-04T20:00:00.0000000Z");
  EXPECT_EQ(QuerySql(archive_, "SELECT published FROM articles WHERE id = 5"), "2011-01-05T02:00");
  EXPECT_EQ(QuerySql(archive_, "SELECT published_sort FROM articles WHERE id = 2"),
            "2011-01-05T04:30:00Z");
}

TEST_F(DatesTest, OrderPublishedIsTimeOrderAcrossOffsets) {
  EXPECT_EQ(Listed({"--order", "published"}), "CDAEBF");
  EXPECT_EQ(Listed({"--order", "-published"}), "BEADCF");
  EXPECT_EQ(Listed({}), "BEADCF");  // newest first by default
  CommandResult searched = OnArchive({"search", "body", "--order", "published", "--json"});
  ASSERT_EQ(searched.exit_code, kOk) << searched.err;
  std::string letters;
  for (const Json& hit : Json::parse(searched.out)) {
    letters += hit.at("title").get<std::string>().front();
  }
  EXPECT_EQ(letters, "CDAEBF");
}

TEST_F(DatesTest, SinceAndUntilCompareInstants) {
  // From 01:00 UTC on the 5th: A at that instant, E (no offset, read as UTC) and B.
  EXPECT_EQ(Listed({"--order", "published", "--since", "2011-01-05T10:00:00+09:00"}), "AEB");
  EXPECT_EQ(Listed({"--order", "published", "--since", "2011-01-05T01:00Z"}), "AEB");
  // A date bound is a UTC day: B, written on the 4th at -05:00, is the 5th in UTC.
  EXPECT_EQ(Listed({"--order", "published", "--until", "2011-01-04"}), "C");
  EXPECT_EQ(Listed({"--order", "published", "--since", "2011-01-05"}), "DAEB");
  EXPECT_EQ(Listed({"--order", "published", "--since", "2011-01-05", "--until", "2011-01-05"}),
            "DAEB");
  // Up to an instant, that instant included.
  EXPECT_EQ(Listed({"--order", "published", "--until", "2011-01-05T10:00+09:00"}), "CDA");
  EXPECT_EQ(Listed({"--order", "published", "--until", "2011-01-04T23:30:00-05:00"}), "CDAEB");
  EXPECT_EQ(Listed({"--order", "published", "--until", "2011-01-04T23:29:59-05:00"}), "CDAE");
  EXPECT_EQ(Listed({"--order", "published", "--since", "2011"}), "CDAEB");
}

TEST_F(DatesTest, ExportWritesTheSortableFieldWhenAsked) {
  CommandResult csv = OnArchive({"export", "--format", "csv", "--order", "published", "--fields",
                                 "id,published,published_sort"});
  ASSERT_EQ(csv.exit_code, kOk) << csv.err;
  EXPECT_EQ(csv.out,
            "id,published,published_sort\r\n"
            "3,2011-01-04T20:00:00.0000000Z,2011-01-04T20:00:00Z\r\n"
            "4,2011-01-05,2011-01-05\r\n"
            "1,2011-01-05T10:00:00+09:00,2011-01-05T01:00:00Z\r\n"
            "5,2011-01-05T02:00,2011-01-05T02:00:00\r\n"
            "2,2011-01-04T23:30:00-05:00,2011-01-05T04:30:00Z\r\n"
            "6,,\r\n");

  CommandResult jsonl =
      OnArchive({"export", "--format", "jsonl", "--ids", "1,6", "--fields", "id,published_sort"});
  ASSERT_EQ(jsonl.exit_code, kOk) << jsonl.err;
  EXPECT_EQ(jsonl.out,
            "{\"id\":1,\"published_sort\":\"2011-01-05T01:00:00Z\"}\n"
            "{\"id\":6,\"published_sort\":null}\n");

  // Not written unless asked for, and accepted (ignored) on import.
  CommandResult whole = OnArchive({"export", "--format", "jsonl", "--ids", "1"});
  ASSERT_EQ(whole.exit_code, kOk) << whole.err;
  EXPECT_EQ(whole.out.find("published_sort"), std::string::npos) << whole.out;
  CommandResult with_sort = OnArchive({"export", "--format", "jsonl", "--ids", "1", "--fields",
                                       "title,body,published,published_sort"});
  ASSERT_EQ(with_sort.exit_code, kOk) << with_sort.err;
  WriteFile(dir_ / "again.jsonl", with_sort.out);
  const fs::path fresh = dir_ / "fresh.db";
  CommandResult reimported = RunMorgue(
      {"--archive", fresh.string(), "import", "--create", (dir_ / "again.jsonl").string()}, "",
      {{"MORGUE_ARCHIVE", ""}}, dir_.path());
  ASSERT_EQ(reimported.exit_code, kOk) << reimported.err;
  EXPECT_EQ(QuerySql(fresh, "SELECT published_sort FROM articles"), "2011-01-05T01:00:00Z");
}

TEST_F(DatesTest, StatsSpanIsInTimeOrder) {
  CommandResult stats = OnArchive({"stats", "--json"});
  ASSERT_EQ(stats.exit_code, kOk) << stats.err;
  Json s = Json::parse(stats.out);
  EXPECT_EQ(s.at("earliest_published"), "2011-01-04T20:00:00.0000000Z");
  EXPECT_EQ(s.at("latest_published"), "2011-01-04T23:30:00-05:00");
}

TEST_F(DatesTest, ADuplicateThatFillsTheDateFillsItsSortableForm) {
  WriteFile(dir_ / "undated.jsonl", "{\"title\": \"G\", \"body\": \"Body G, once.\"}\n");
  WriteFile(dir_ / "dated.jsonl",
            "{\"title\": \"G\", \"body\": \"Body G, once.\", \"published\": "
            "\"2011-01-04T19:42:00+0900\"}\n");
  ASSERT_EQ(OnArchive({"import", "--create", (dir_ / "undated.jsonl").string()}).exit_code, kOk);
  ASSERT_EQ(OnArchive({"import", "--create", (dir_ / "dated.jsonl").string()}).exit_code, kOk);
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT published || ' ' || published_sort FROM articles "
                     "WHERE title = 'G'"),
            "2011-01-04T19:42:00+0900 2011-01-04T10:42:00Z");
}

}  // namespace
}  // namespace morgue::testing
