// Korean, Japanese and Chinese search through the binary: a word inside longer runs of
// text, with the article's own text in the snippet, and an archive from before indexed
// again once, with a notice, the first time morgue opens it to write.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

using Json = nlohmann::json;

constexpr int kOk = 0;

constexpr char kArticles[] =
    R"({"title": "한일 군사협정 체결 추진", "source": "Yonhap", "published": "2011-01-04", )"
    R"("body": "정부가 일본과 군사협정을 체결하는 방안을 검토하고 있다고 밝혔다."})"
    "\n"
    R"({"title": "日韓、軍事協定の締結を検討", "source": "Kyodo", "published": "2011-01-05", )"
    R"("body": "日本と韓国は軍事協定の締結に向けて協議を始めた。"})"
    "\n";

class CjkSearchCliTest : public ::testing::Test {
 protected:
  void SetUp() override { WriteFile(dir_ / "articles.jsonl", kArticles); }

  CommandResult On(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  // The ids and snippets `search --json` gives for `query`.
  std::vector<std::pair<int64_t, std::string>> Search(const std::string& query) {
    CommandResult found = On({"search", "--json", query});
    EXPECT_EQ(found.exit_code, kOk) << found.err;
    std::vector<std::pair<int64_t, std::string>> hits;
    for (const Json& hit : Json::parse(found.out)) {
      hits.emplace_back(hit["id"].get<int64_t>(), hit["snippet"].get<std::string>());
    }
    return hits;
  }

  TempDir dir_;
};

TEST_F(CjkSearchCliTest, AWordIsFoundInsideALongerRunWithTheTextAroundIt) {
  ASSERT_EQ(On({"import", "--create", "articles.jsonl"}).exit_code, kOk);
  auto hits = Search("협정을");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].first, 1);
  EXPECT_EQ(hits[0].second, "정부가 일본과 군사[협정을] 체결하는 방안을 검토하고 있다고 밝혔다.");
  hits = Search("締結");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].first, 2);
  // The table on a terminal-less stdout shows the title and the snippet too.
  CommandResult table = On({"search", "군사협정"});
  ASSERT_EQ(table.exit_code, kOk) << table.err;
  EXPECT_NE(table.out.find("한일 군사협정 체결 추진"), std::string::npos) << table.out;
  EXPECT_EQ(table.out.find("日韓"), std::string::npos) << table.out;
}

TEST_F(CjkSearchCliTest, AnArchiveFromBeforeIsIndexedAgainOnceWithANotice) {
  ASSERT_EQ(On({"import", "--create", "articles.jsonl"}).exit_code, kOk);
  DowngradeSearchToSchema10(dir_ / "a.db");
  CommandResult first = On({"search", "--json", "군사협정"});
  ASSERT_EQ(first.exit_code, kOk) << first.err;
  EXPECT_NE(first.err.find("morgue: upgrading the archive (once): re-indexing search to read "
                           "Korean, Japanese and Chinese, 2 articles"),
            std::string::npos)
      << first.err;
  EXPECT_EQ(Json::parse(first.out).size(), 1u) << first.out;
  size_t notices = 0;
  for (size_t at = first.err.find("upgrading"); at != std::string::npos;
       at = first.err.find("upgrading", at + 1)) {
    ++notices;
  }
  EXPECT_EQ(notices, 1u) << first.err;
  CommandResult second = On({"search", "--json", "締結"});
  ASSERT_EQ(second.exit_code, kOk) << second.err;
  EXPECT_EQ(second.err.find("upgrading"), std::string::npos) << second.err;
  EXPECT_EQ(Json::parse(second.out).size(), 1u) << second.out;
}

}  // namespace
}  // namespace morgue::testing
