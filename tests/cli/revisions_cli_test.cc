// Revisions through the binary: a page imported again with a corrected headline and body
// is the same article at its next revision. The summary and a dry run say so; `show
// --revisions` lists when each revision came, from which original, and what it changed;
// `diff ID` compares the last two (`--revision N M` any two); `export --revisions` writes
// every revision; the seed's renderings, which name no address of their own, stay one
// article at its first revision.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kPartial = 1;
constexpr int kUsage = 2;

std::string Record(const std::string& title, const std::string& first_paragraph) {
  return R"({"title": ")" + title +
         R"(", "source": "Korea Times", "canonical_url": "https://www.koreatimes.co.kr/www/nation/2011/01/pact.html", "published": "2011-01-04", "authors": ["Lee Tae-hoon"], "body": ")" +
         first_paragraph + R"(\n\nThe talks follow months of preparation by both governments."})" +
         "\n";
}

class RevisionsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "first.jsonl",
              Record("Seoul, Tokyo seek first military pact",
                     "Defense ministers of the two countries will meet in Seoul next week."));
    WriteFile(dir_ / "corrected.jsonl",
              Record("Seoul, Tokyo seek 1st military pact",
                     "Defense ministers of the two countries will meet in Seoul on Jan. 10."));
  }

  CommandResult On(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  void ImportBoth() {
    ASSERT_EQ(On({"import", "--create", "first.jsonl"}).exit_code, kOk);
    CommandResult corrected = On({"import", "corrected.jsonl"});
    ASSERT_EQ(corrected.exit_code, kOk) << corrected.err;
    EXPECT_NE(corrected.err.find("1 file: 0 articles imported, 1 revised, 0 duplicates"),
              std::string::npos)
        << corrected.err;
    // The run's record counts it apart from the duplicates.
    EXPECT_EQ(QuerySql(dir_ / "a.db",
                       "SELECT imported || ' ' || duplicates || ' ' || revised FROM imports "
                       "ORDER BY id DESC LIMIT 1"),
              "0 0 1");
  }

  TempDir dir_;
};

TEST_F(RevisionsCliTest, ADryRunSaysWhichRevisionAnInputWouldBe) {
  ASSERT_EQ(On({"import", "--create", "first.jsonl"}).exit_code, kOk);
  CommandResult dry = On({"import", "--dry-run", "corrected.jsonl"});
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.out.find("corrected.jsonl: json: 1 article: a new revision 2 of article 1"),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.err.find("0 new articles, 1 revised, 0 duplicates"), std::string::npos) << dry.err;
  // Nothing was stored.
  EXPECT_EQ(Json::parse(On({"show", "1", "--json"}).out).at("revision"), 1);
}

TEST_F(RevisionsCliTest, ADryRunOfSeveralVersionsInOneRunCountsAsTheRealRun) {
  // The first version, its correction, then the first again (an older capture).
  WriteFile(dir_ / "again.jsonl", ReadFile(dir_ / "first.jsonl"));
  const std::vector<std::string> files = {"first.jsonl", "corrected.jsonl", "again.jsonl"};
  std::vector<std::string> dry_args = {"import", "--create", "--dry-run"};
  dry_args.insert(dry_args.end(), files.begin(), files.end());
  CommandResult dry = On(dry_args);
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.err.find("3 files: 1 new article, 1 revised, 1 duplicate;"), std::string::npos)
      << dry.err;
  EXPECT_NE(dry.out.find("corrected.jsonl: json: 1 article: a new revision 2 of article 1"),
            std::string::npos)
      << dry.out;
  std::vector<std::string> real_args = {"import", "--create"};
  real_args.insert(real_args.end(), files.begin(), files.end());
  CommandResult real = On(real_args);
  ASSERT_EQ(real.exit_code, kOk) << real.err;
  EXPECT_NE(real.err.find("3 files: 1 article imported, 1 revised, 1 duplicate;"),
            std::string::npos)
      << real.err;
}

TEST_F(RevisionsCliTest, ADryRunRevisingAnArchivedArticleKnowsItsArchivedVersion) {
  ASSERT_EQ(On({"import", "--create", "first.jsonl"}).exit_code, kOk);
  // The correction, then the archived version again (an older capture).
  WriteFile(dir_ / "again.jsonl", ReadFile(dir_ / "first.jsonl"));
  CommandResult dry = On({"import", "--dry-run", "corrected.jsonl", "again.jsonl"});
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.err.find("2 files: 0 new articles, 1 revised, 1 duplicate;"), std::string::npos)
      << dry.err;
  CommandResult real = On({"import", "corrected.jsonl", "again.jsonl"});
  ASSERT_EQ(real.exit_code, kOk) << real.err;
  EXPECT_NE(real.err.find("2 files: 0 articles imported, 1 revised, 1 duplicate;"),
            std::string::npos)
      << real.err;
}

TEST_F(RevisionsCliTest, ADryRunNamesTheRevisionsAmongAnInputsArticles) {
  ASSERT_EQ(On({"import", "--create", "first.jsonl"}).exit_code, kOk);
  WriteFile(dir_ / "both.jsonl",
            ReadFile(dir_ / "corrected.jsonl") +
                R"({"title": "Ferries return", "body": "The ferries are back after three weeks."})"
                "\n");
  CommandResult dry = On({"import", "--dry-run", "both.jsonl"});
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.out.find("both.jsonl: json: 2 articles: 1 new (article 2), 1 new revision "
                         "(revision 2 of article 1), 0 duplicates"),
            std::string::npos)
      << dry.out;
}

TEST_F(RevisionsCliTest, ShowListsTheRevisionsWithTheirOriginals) {
  ImportBoth();
  CommandResult show = On({"show", "1", "--revisions"});
  ASSERT_EQ(show.exit_code, kOk) << show.err;
  EXPECT_EQ(show.out.rfind("Seoul, Tokyo seek 1st military pact\n", 0), 0u) << show.out;
  EXPECT_NE(show.out.find("revision:   2 (its address was imported again with changes"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("document 1 (first.jsonl)  first archived\n"
                          "     Seoul, Tokyo seek first military pact\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("document 2 (corrected.jsonl)  changed title, body  (current)"),
            std::string::npos)
      << show.out;

  const Json json = Json::parse(On({"show", "1", "--revisions", "--json"}).out);
  EXPECT_EQ(json.at("revision"), 2);
  ASSERT_EQ(json.at("revisions").size(), 2u);
  EXPECT_EQ(json.at("revisions")[0].at("document"), 1);
  EXPECT_EQ(json.at("revisions")[1].at("changed"), Json({"title", "body"}));
  EXPECT_TRUE(json.at("revisions")[1].at("superseded_at").is_null());
  // Both originals stay, each one's bytes as imported.
  ASSERT_EQ(json.at("documents").size(), 2u);
  CommandResult original = On({"original", "1", "--document", "1"});
  ASSERT_EQ(original.exit_code, kOk) << original.err;
  EXPECT_EQ(original.out, ReadFile(dir_ / "first.jsonl"));
}

TEST_F(RevisionsCliTest, DiffComparesTheLastTwoRevisionsOrAnyTwo) {
  ImportBoth();
  CommandResult diff = On({"diff", "1"});
  ASSERT_EQ(diff.exit_code, kOk) << diff.err;
  EXPECT_NE(diff.out.find("A  article 1 revision 1: Seoul, Tokyo seek first military pact"),
            std::string::npos)
      << diff.out;
  EXPECT_NE(diff.out.find("B  article 1 revision 2: Seoul, Tokyo seek 1st military pact"),
            std::string::npos)
      << diff.out;
  EXPECT_NE(diff.out.find("in Seoul [-next week.-] {+on Jan. 10.+}"), std::string::npos)
      << diff.out;

  const Json backwards = Json::parse(On({"diff", "1", "--revision", "2", "1", "--json"}).out);
  EXPECT_EQ(backwards.at("a").at("revision"), 2);
  EXPECT_EQ(backwards.at("b").at("title"), "Seoul, Tokyo seek first military pact");

  CommandResult missing = On({"diff", "1", "--revision", "1", "3"});
  EXPECT_EQ(missing.exit_code, kPartial);
  EXPECT_NE(missing.err.find("article 1 has no revision 3 (it has revisions 1 to 2"),
            std::string::npos)
      << missing.err;
  CommandResult both = On({"diff", "1", "2", "--revision", "1", "2"});
  EXPECT_EQ(both.exit_code, kUsage);
  EXPECT_NE(both.err.find("--revision compares two revisions of one article"), std::string::npos)
      << both.err;
}

TEST_F(RevisionsCliTest, AnArticleNeverRevisedHasNothingToDiff) {
  ASSERT_EQ(On({"import", "--create", "first.jsonl"}).exit_code, kOk);
  CommandResult diff = On({"diff", "1"});
  EXPECT_EQ(diff.exit_code, kPartial);
  EXPECT_NE(diff.err.find("article 1 has one revision: nothing to compare it with"),
            std::string::npos)
      << diff.err;
}

TEST_F(RevisionsCliTest, ExportWritesEveryRevisionOnRequest) {
  ImportBoth();
  CommandResult current = On({"export", "--format", "jsonl"});
  ASSERT_EQ(current.exit_code, kOk) << current.err;
  EXPECT_EQ(std::count(current.out.begin(), current.out.end(), '\n'), 1) << current.out;

  CommandResult every = On({"export", "--format", "jsonl", "--revisions"});
  ASSERT_EQ(every.exit_code, kOk) << every.err;
  std::istringstream lines(every.out);
  std::vector<Json> rows;
  for (std::string line; std::getline(lines, line);) rows.push_back(Json::parse(line));
  ASSERT_EQ(rows.size(), 2u) << every.out;
  EXPECT_EQ(rows[0].at("id"), 1);
  EXPECT_EQ(rows[0].at("revision"), 1);
  EXPECT_EQ(rows[0].at("title"), "Seoul, Tokyo seek first military pact");
  EXPECT_EQ(rows[1].at("revision"), 2);
  EXPECT_EQ(rows[1].at("title"), "Seoul, Tokyo seek 1st military pact");

  // Imported into an empty archive, the export makes the same revisions.
  WriteFile(dir_ / "every.jsonl", every.out);
  CommandResult again =
      RunMorgue({"--archive", (dir_ / "b.db").string(), "import", "--create", "every.jsonl"}, "",
                {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_NE(again.err.find("1 article imported, 1 revised"), std::string::npos) << again.err;

  CommandResult csv = On({"export", "--format", "csv", "--revisions"});
  ASSERT_EQ(csv.exit_code, kOk) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find("\r\n")),
            "id,title,subtitle,authors,published,updated,source,url,canonical_url,language,tags,"
            "word_count,summary,body,revision");
}

TEST_F(RevisionsCliTest, TheSeedsRenderingsStayOneArticleAtItsFirstRevision) {
  const std::filesystem::path articles = FixturesDir() / "articles";
  CommandResult imported =
      On({"import", "--create", (FixturesDir() / "korea-times-2011-01-04.txt").string(),
          (articles / "korea-times-2011-01-04.blogger.html").string(),
          (articles / "korea-times-2011-01-04.wordpress.html").string(),
          (articles / "korea-times-2011-01-04.newspage.html").string()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_NE(imported.err.find("1 article imported, 3 duplicates"), std::string::npos)
      << imported.err;
  const Json json = Json::parse(On({"show", "1", "--revisions", "--json"}).out);
  EXPECT_EQ(json.at("revision"), 1);
  EXPECT_EQ(json.at("revisions").size(), 1u);
  EXPECT_EQ(json.at("title"), "Seoul, Tokyo seek 1st military pact");
}

}  // namespace
}  // namespace morgue::testing
