// Tags through the binary: a page's tags arrive cleaned and as the page's; tags a user adds
// (`morgue tag`, `import --tag`) are the user's; `tags` counts both, `list --tag-origin`
// filters by them, exports carry them, and an untagged page tag stays removed on re-import.

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
constexpr int kUsage = 2;

// A news page whose keywords field has an entity encoded twice and a CMS flag.
constexpr char kPage[] =
    R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after the storm</title>
<meta name="keywords" content="Ports, Weather &amp;amp; Climate, Ferries, Lite:true">
</head><body><article><h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Monday morning after three days in which the storm kept every
boat tied up, and the first ferries left for the islands shortly after seven.</p>
<p>Fishermen said the damage to the piers was lighter than they had feared, though two of
the older jetties will stay closed until engineers have inspected them.</p>
<p>The port authority expects traffic to be back to normal by the end of the week, when
the repair crews are due to finish work on the main breakwater.</p></article></body></html>
)";

class TagOriginCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "harbour.html", kPage);
    WriteFile(dir_ / "budget.jsonl",
              R"({"title": "Budget passes", "body": "Parliament passed the budget at dawn."})"
              "\n");
    CommandResult page = OnArchive({"import", "--create", (dir_ / "harbour.html").string()});
    ASSERT_EQ(page.exit_code, kOk) << page.err;
    CommandResult mine =
        OnArchive({"import", "--tag", "to-read", (dir_ / "budget.jsonl").string()});
    ASSERT_EQ(mine.exit_code, kOk) << mine.err;
  }

  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  // The ids `list --json` prints with `args`.
  std::vector<int64_t> Listed(std::vector<std::string> args) {
    args.insert(args.begin(), {"list", "--json", "--order", "id"});
    CommandResult listed = OnArchive(args);
    EXPECT_EQ(listed.exit_code, kOk) << listed.err;
    std::vector<int64_t> ids;
    for (const Json& row : Json::parse(listed.out)) ids.push_back(row.at("id").get<int64_t>());
    return ids;
  }

  Json Exported() {
    CommandResult exported = OnArchive({"export", "--format", "jsonl", "--order", "id"});
    EXPECT_EQ(exported.exit_code, kOk) << exported.err;
    Json lines = Json::array();
    size_t start = 0;
    while (start < exported.out.size()) {
      size_t end = exported.out.find('\n', start);
      lines.push_back(Json::parse(exported.out.substr(start, end - start)));
      start = end + 1;
    }
    return lines;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
};

TEST_F(TagOriginCliTest, ImportedTagsAreCleanAndThePages) {
  Json articles = Exported();
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[0].at("tags"), Json({"Ferries", "Ports", "Weather & Climate"}));
  EXPECT_EQ(articles[0].at("tag_origins"),
            Json({{"Ferries", "page"}, {"Ports", "page"}, {"Weather & Climate", "page"}}));
  EXPECT_EQ(articles[1].at("tags"), Json({"to-read"}));
  EXPECT_EQ(articles[1].at("tag_origins"), Json({{"to-read", "user"}}));
}

TEST_F(TagOriginCliTest, TaggingAPagesTagMakesItYoursToo) {
  CommandResult tagged = OnArchive({"tag", "1", "Ports", "flagged"});
  ASSERT_EQ(tagged.exit_code, kOk) << tagged.err;
  EXPECT_EQ(tagged.out, "");
  EXPECT_EQ(tagged.err,
            "morgue: article 1 already has tag 'Ports'; now marked as yours too\n"
            "morgue: tagged article 1: flagged\n");
  CommandResult shown = OnArchive({"show", "1", "--provenance"});
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  EXPECT_NE(shown.out.find("  tags ← keywords\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("  tag 'Ports' ← both\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("  tag 'flagged' ← user\n"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("  tag 'Ferries' ← page\n"), std::string::npos) << shown.out;
}

TEST_F(TagOriginCliTest, TaggingATagOfUnknownOriginMakesItYours) {
  // As a tag archived before origins were kept reads.
  QuerySql(archive_, "UPDATE article_tags SET origin = 'unknown' WHERE article_id = 1");
  CommandResult tagged = OnArchive({"tag", "1", "ports"});
  ASSERT_EQ(tagged.exit_code, kOk) << tagged.err;
  EXPECT_EQ(tagged.err,
            "morgue: article 1 already has tag 'ports', archived without a record of where it "
            "came from; now marked as yours\n");
  EXPECT_EQ(Exported()[0].at("tag_origins").at("Ports"), "user");
}

TEST_F(TagOriginCliTest, AnUntaggedTagOfYourOwnIsTakenWhenAPageGivesItLater) {
  ASSERT_EQ(OnArchive({"tag", "1", "Lighthouses"}).exit_code, kOk);
  ASSERT_EQ(OnArchive({"untag", "1", "Lighthouses"}).exit_code, kOk);
  // The same article, its page now listing the tag.
  std::string page = kPage;
  const std::string keywords = "content=\"Ports,";
  page.replace(page.find(keywords), keywords.size(), "content=\"Lighthouses, Ports,");
  WriteFile(dir_ / "harbour-v2.html", page);
  CommandResult again = OnArchive({"import", (dir_ / "harbour-v2.html").string()});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_EQ(Exported()[0].at("tag_origins").value("Lighthouses", ""), "page");
}

TEST_F(TagOriginCliTest, TagsCountsByOrigin) {
  ASSERT_EQ(OnArchive({"tag", "2", "ports"}).exit_code, kOk);
  CommandResult tags = OnArchive({"tags"});
  ASSERT_EQ(tags.exit_code, kOk) << tags.err;
  EXPECT_EQ(tags.out,
            "TAG                ARTICLES    PAGE    USER\n"
            "Ports                     2       1       1\n"
            "Ferries                   1       1       0\n"
            "to-read                   1       0       1\n"
            "Weather & Climate         1       1       0\n");
  CommandResult json = OnArchive({"tags", "--json"});
  ASSERT_EQ(json.exit_code, kOk) << json.err;
  EXPECT_EQ(Json::parse(json.out)[0],
            Json({{"tag", "Ports"}, {"count", 2}, {"page", 1}, {"user", 1}}));
}

TEST_F(TagOriginCliTest, ListFiltersByOrigin) {
  ASSERT_EQ(OnArchive({"tag", "2", "ports"}).exit_code, kOk);
  EXPECT_EQ(Listed({"--tag", "ports"}), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(Listed({"--tag", "ports", "--tag-origin", "page"}), (std::vector<int64_t>{1}));
  EXPECT_EQ(Listed({"--tag", "ports", "--tag-origin", "user"}), (std::vector<int64_t>{2}));
  EXPECT_EQ(Listed({"--tag-origin", "user"}), (std::vector<int64_t>{2}));
  EXPECT_EQ(Listed({"--tag-origin", "page"}), (std::vector<int64_t>{1}));
  CommandResult counted = OnArchive({"export", "--format", "jsonl", "--tag-origin", "user"});
  ASSERT_EQ(counted.exit_code, kOk) << counted.err;
  EXPECT_EQ(std::count(counted.out.begin(), counted.out.end(), '\n'), 1);

  CommandResult bad = OnArchive({"list", "--tag-origin", "robot"});
  EXPECT_EQ(bad.exit_code, kUsage);
  EXPECT_NE(bad.err.find("'robot' is not a tag origin; use page (tags imported pages gave) or "
                         "user (tags you added)"),
            std::string::npos)
      << bad.err;
}

TEST_F(TagOriginCliTest, CsvHasPageAndUserTagColumnsOnRequest) {
  ASSERT_EQ(OnArchive({"tag", "1", "Ports", "flagged"}).exit_code, kOk);
  CommandResult csv = OnArchive(
      {"export", "--format", "csv", "--order", "id", "--fields", "id,tags,page_tags,user_tags"});
  ASSERT_EQ(csv.exit_code, kOk) << csv.err;
  EXPECT_EQ(csv.out,
            "id,tags,page_tags,user_tags\r\n"
            "1,Ferries; flagged; Ports; Weather & Climate,Ferries; Ports; Weather & Climate,"
            "flagged; Ports\r\n"
            "2,to-read,,to-read\r\n");
}

TEST_F(TagOriginCliTest, AnUntaggedPageTagIsNotBroughtBackByAReimport) {
  CommandResult untagged = OnArchive({"untag", "1", "ferries"});
  ASSERT_EQ(untagged.exit_code, kOk) << untagged.err;
  EXPECT_EQ(untagged.err,
            "morgue: untagged article 1: ferries\n"
            "morgue: importing article 1 again will not bring back tag 'ferries'; 'morgue tag 1 "
            "ferries' does\n");
  // A tag of the user's own needs no such note: no page gives it back.
  ASSERT_EQ(OnArchive({"tag", "1", "mine"}).exit_code, kOk);
  CommandResult own = OnArchive({"untag", "1", "mine"});
  ASSERT_EQ(own.exit_code, kOk) << own.err;
  EXPECT_EQ(own.err, "morgue: untagged article 1: mine\n");
  CommandResult again = OnArchive({"import", (dir_ / "harbour.html").string()});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_EQ(Exported()[0].at("tags"), Json({"Ports", "Weather & Climate"}));
  // Tagging it by hand brings it back, as the user's.
  ASSERT_EQ(OnArchive({"tag", "1", "Ferries"}).exit_code, kOk);
  EXPECT_EQ(Exported()[0].at("tag_origins").at("Ferries"), "user");
}

TEST_F(TagOriginCliTest, AnExportReadBackKeepsItsOrigins) {
  ASSERT_EQ(OnArchive({"tag", "1", "Ports"}).exit_code, kOk);
  CommandResult exported =
      OnArchive({"export", "--format", "jsonl", "-o", (dir_ / "out.jsonl").string()});
  ASSERT_EQ(exported.exit_code, kOk) << exported.err;
  const fs::path copy = dir_ / "copy.db";
  CommandResult imported =
      RunMorgue({"--archive", copy.string(), "import", "--create", (dir_ / "out.jsonl").string()},
                "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_EQ(QuerySql(copy,
                     "SELECT group_concat(x, ' ') FROM (SELECT t.name || '=' || at.origin AS x "
                     "FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                     "ORDER BY at.article_id, t.name)"),
            "Ferries=page Ports=both Weather & Climate=page to-read=user");
}

}  // namespace
}  // namespace morgue::testing
