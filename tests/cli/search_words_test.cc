// `morgue search` as people type it, through the real binary: words with hyphens,
// apostrophes, dots and plus signs find the articles that have them and not those that
// only have their parts apart; FTS5 syntax keeps working around them; each hit shows its
// date and source; and a search that shows fewer hits than it found says how many.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Ids = std::vector<int64_t>;

constexpr int kOk = 0;
constexpr int kUsage = 2;

// Each word the issue names, and beside it an article with the word's parts, apart.
constexpr const char* kArticles[] = {
    R"({"title": "Covid-19 cases rise", "body": "Hospitals report more patients.", "published": "2020-03-01T23:30:00-05:00", "source": "Harbour Gazette"})",  // 1
    R"({"title": "Covid news", "body": "Covid spread to 19 towns.", "published": "2020-04-02", "source": "Plain News"})",  // 2
    R"({"title": "E-mail scams", "body": "An e-mail asks for your bank details."})",  // 3
    R"({"title": "Mail day", "body": "The mail came late; e is a vowel."})",          // 4
    R"({"title": "Don't panic", "body": "Advice for the calm."})",                    // 5
    R"({"title": "Donations", "body": "Don gave a t-shirt."})",                       // 6
    R"({"title": "Learning C++", "body": "Templates and classes."})",                 // 7
    R"({"title": "Coding in C", "body": "Pointers and memory."})",                    // 8
    R"({"title": "U.S. Navy drills", "body": "Ships of the fleet."})",                // 9
    R"({"title": "Us and them", "body": "About us."})",                               // 10
    R"({"title": "Growth of 3.5 percent", "body": "A good year."})",                  // 11
    R"({"title": "3 or 5", "body": "Three or five percent."})",                       // 12
    R"({"title": "AT&T merger", "body": "Two companies."})",                          // 13
    R"({"title": "At noon", "body": "We met at the T junction."})",                   // 14
    R"({"title": "The co-op's harvest", "body": "Apples."})",                         // 15
    R"({"title": "Cooperative farming", "body": "A co operative plan."})",            // 16
    R"({"title": "Harbour notes", "body": "Read http://harbour.example/news for more. Note: boats."})",  // 17
    R"({"title": "Hospital update", "body": "The covid-19 ward is full."})",  // 18
};

class SearchWordsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string records;
    for (const char* article : kArticles) records += std::string(article) + "\n";
    CommandResult result = Morgue({"import", "--create", "--format", "jsonl", "-"}, records);
    ASSERT_EQ(result.exit_code, kOk) << result.err;
  }

  CommandResult Morgue(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}});
  }

  // The ids `search QUERY --json` finds, in id order.
  Ids Found(const std::string& query) {
    CommandResult result = Morgue({"search", "--json", "--limit", "100", "--", query});
    EXPECT_EQ(result.exit_code, kOk) << query << ": " << result.err;
    Ids ids;
    Json hits = Json::parse(result.out, nullptr, /*allow_exceptions=*/false);
    if (!hits.is_array()) {
      ADD_FAILURE() << query << ": no JSON array: " << result.out << result.err;
      return ids;
    }
    for (const Json& hit : hits) ids.push_back(hit.at("id").get<int64_t>());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "test.db";
};

TEST_F(SearchWordsTest, WordsWithPunctuationFindThatWordOnly) {
  EXPECT_EQ(Found("covid-19"), (Ids{1, 18}));
  EXPECT_EQ(Found("e-mail"), (Ids{3}));
  EXPECT_EQ(Found("don't"), (Ids{5}));
  EXPECT_EQ(Found("don’t"), (Ids{5}));  // a typographic apostrophe
  EXPECT_EQ(Found("U.S."), (Ids{9}));
  EXPECT_EQ(Found("3.5"), (Ids{11}));
  EXPECT_EQ(Found("AT&T"), (Ids{13}));
  EXPECT_EQ(Found("co-op's"), (Ids{15}));
  // Punctuation is not indexed: C++ is the word C, as the README says.
  EXPECT_EQ(Found("C++"), (Ids{7, 8}));
  EXPECT_EQ(Found("covid-20"), (Ids{}));
}

TEST_F(SearchWordsTest, ColumnFiltersAndOperatorsWorkAroundThem) {
  EXPECT_EQ(Found("title:covid-19"), (Ids{1}));
  EXPECT_EQ(Found("body:covid-19"), (Ids{18}));
  EXPECT_EQ(Found("-title:covid-19"), (Ids{18}));
  EXPECT_EQ(Found("{title subtitle}:covid-19"), (Ids{1}));
  EXPECT_EQ(Found("^covid-19"), (Ids{1}));
  EXPECT_EQ(Found("covid-19 OR e-mail"), (Ids{1, 3, 18}));
  EXPECT_EQ(Found("covid-19 AND hospital*"), (Ids{1, 18}));
  EXPECT_EQ(Found("covid-19 NOT title:covid-19"), (Ids{18}));
  EXPECT_EQ(Found("(covid-19 OR U.S.) NOT ward"), (Ids{1, 9}));
  EXPECT_EQ(Found("covid-19 (e-mail OR ward)"), (Ids{18}));  // FTS5 alone refuses this
  EXPECT_EQ(Found("covid-1*"), (Ids{1, 18}));
  EXPECT_EQ(Found("NEAR(covid-19 full, 3)"), (Ids{18}));
  EXPECT_EQ(Found("\"covid 19\""), (Ids{1, 18}));
  EXPECT_EQ(Found("covid"), (Ids{1, 2, 18}));
  EXPECT_EQ(Found("e + mail"), (Ids{3}));
}

TEST_F(SearchWordsTest, OnlyRealColumnsAreColumnFilters) {
  EXPECT_EQ(Found("note: boats"), (Ids{17}));
  EXPECT_EQ(Found("http://harbour.example/news"), (Ids{17}));
  EXPECT_EQ(Found("nosuchcolumn: harbour"), (Ids{}));
}

TEST_F(SearchWordsTest, ListAndExportReadQueriesTheSameWay) {
  CommandResult list = Morgue({"list", "--json", "--query", "title:covid-19"});
  ASSERT_EQ(list.exit_code, kOk) << list.err;
  Json listed = Json::parse(list.out);
  ASSERT_EQ(listed.size(), 1u) << list.out;
  EXPECT_EQ(listed[0]["id"], 1);
  const fs::path out = dir_ / "out.jsonl";
  CommandResult exported =
      Morgue({"export", "--format", "jsonl", "--query", "e-mail", "-o", out.string()});
  ASSERT_EQ(exported.exit_code, kOk) << exported.err;
  EXPECT_NE(ReadFile(out).find("E-mail scams"), std::string::npos);
  EXPECT_EQ(ReadFile(out).find("Mail day"), std::string::npos);
}

TEST_F(SearchWordsTest, AQueryStartingWithMinusSaysWhatToWrite) {
  CommandResult minus = Morgue({"search", "--", "-harbour"});
  EXPECT_EQ(minus.exit_code, kUsage);
  EXPECT_EQ(minus.out, "");
  EXPECT_EQ(minus.err,
            "morgue: cannot read the search query '-harbour': a '-' before 'harbour' does not "
            "leave it out; to leave a word out write NOT before it, after the words to find "
            "(ship NOT harbour); to search for it as written put it in double quotes "
            "(\"-harbour\")\n");
  // Without "--" the option parser would take -harbour for -h and print the help: refused.
  CommandResult glued = Morgue({"search", "-harbour"});
  EXPECT_EQ(glued.exit_code, kUsage);
  EXPECT_EQ(glued.out, "");
  EXPECT_EQ(glued.err,
            "morgue: '-harbour' is not an option (it would be read as -h and more); to give a "
            "word that starts with '-', put it after --: morgue search -- -harbour\n"
            "Run 'morgue search --help' for more information.\n");
  CommandResult quiet = Morgue({"search", "ship", "-quake"});
  EXPECT_EQ(quiet.exit_code, kUsage);
  EXPECT_NE(quiet.err.find("'-quake' is not an option"), std::string::npos) << quiet.err;
  CommandResult help = Morgue({"search", "--help"});
  EXPECT_NE(help.out.find("goes after --: morgue search -- -title:harbour"), std::string::npos)
      << help.out;
}

TEST_F(SearchWordsTest, EachHitShowsItsDateAsStoredAndItsSource) {
  CommandResult result = Morgue({"search", "title:covid-19"});
  ASSERT_EQ(result.exit_code, kOk) << result.err;
  // The date as stored: the evening of March 1st in New York, not March 2nd in UTC.
  EXPECT_TRUE(std::regex_search(
      result.out, std::regex("\n +1  2020-03-01  Harbour Gazette  Covid-19 cases rise\n")))
      << result.out;
  EXPECT_TRUE(std::regex_search(result.out, std::regex("^ID +PUBLISHED +SOURCE +TITLE\n")))
      << result.out;
  EXPECT_EQ(result.err, "") << "every match is shown, so nothing to say";

  CommandResult json = Morgue({"search", "--json", "title:covid-19"});
  ASSERT_EQ(json.exit_code, kOk) << json.err;
  Json hits = Json::parse(json.out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["published"], "2020-03-01T23:30:00-05:00");
  EXPECT_EQ(hits[0]["source"], "Harbour Gazette");
  EXPECT_EQ(hits[0]["total"], 1);
}

class SearchCountTest : public SearchWordsTest {
 protected:
  void SetUp() override {
    SearchWordsTest::SetUp();
    // 25 more harbour articles, 5 of them tagged; article 17 makes 26 with "harbour".
    std::string records;
    for (int i = 0; i < 25; ++i) {
      records += R"({"title": "Harbour report )" + std::to_string(i) + R"(", "tags": [")" +
                 (i < 5 ? "port" : "sea") + "\"]}\n";
    }
    CommandResult result = Morgue({"import", "--create", "--format", "jsonl", "-"}, records);
    ASSERT_EQ(result.exit_code, kOk) << result.err;
  }
};

TEST_F(SearchCountTest, SaysHowManyOfHowManyWhenNotAllAreShown) {
  CommandResult best = Morgue({"search", "harbour"});
  ASSERT_EQ(best.exit_code, kOk) << best.err;
  EXPECT_EQ(best.err, "morgue: showing 20 of 26 (--limit to see more)\n");
  EXPECT_EQ(best.out.find("showing"), std::string::npos) << "the count is a message, not data";

  CommandResult limited = Morgue({"search", "harbour", "--limit", "3"});
  EXPECT_EQ(limited.err, "morgue: showing 3 of 26 (--limit to see more)\n");
  CommandResult all = Morgue({"search", "harbour", "--limit", "26"});
  EXPECT_EQ(all.err, "");
  CommandResult page = Morgue({"search", "harbour", "--limit", "10", "--offset", "20"});
  EXPECT_EQ(page.err, "morgue: showing 21-26 of 26 (--offset and --limit to see the others)\n");
  CommandResult past = Morgue({"search", "harbour", "--offset", "30"});
  EXPECT_EQ(past.err, "morgue: showing none of 26 (--offset and --limit to see the others)\n");
  CommandResult nothing = Morgue({"search", "zeppelin", "--offset", "30"});
  EXPECT_EQ(nothing.err, "morgue: no articles match\n");
  CommandResult none = Morgue({"search", "harbour", "--limit", "0"});
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "morgue: showing none of 26 (--limit to see more)\n");

  // The count takes the filters too.
  CommandResult tagged = Morgue({"search", "harbour", "--tag", "port", "--limit", "2"});
  EXPECT_EQ(tagged.err, "morgue: showing 2 of 5 (--limit to see more)\n");
  CommandResult quiet = Morgue({"search", "harbour", "--quiet"});
  EXPECT_EQ(quiet.err, "");

  CommandResult json = Morgue({"search", "harbour", "--json", "--limit", "4"});
  ASSERT_EQ(json.exit_code, kOk) << json.err;
  Json hits = Json::parse(json.out);
  ASSERT_EQ(hits.size(), 4u);
  for (const Json& hit : hits) EXPECT_EQ(hit["total"], 26) << hit;
  EXPECT_EQ(json.err, "morgue: showing 4 of 26 (--limit to see more)\n");
}

}  // namespace
}  // namespace morgue::testing
