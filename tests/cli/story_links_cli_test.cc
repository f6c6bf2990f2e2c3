// Other outlets' copies through the binary: two records with different addresses, titles
// and sources but one body are two articles, linked; the summary says so, each outlet is
// found by its source, `similar` and `show` name the copy, a dry run predicts it, and
// importing again stores nothing twice.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/made_up_text.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kPartial = 1;

constexpr char kBody[] =
    "SEOUL (AP) - South Korea and Japan began talks on Tuesday on their first military pact "
    "since 1945.\\n\\nOfficials said the agreement would cover the exchange of supplies.";

std::string Record(const std::string& title, const std::string& source, const std::string& url) {
  return R"({"title": ")" + title + R"(", "source": ")" + source + R"(", "canonical_url": ")" +
         url + R"(", "published": "2011-01-04", "body": ")" + kBody + "\"}\n";
}

class StoryLinksCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "wire.jsonl",
              Record("Seoul, Tokyo open pact talks", "Washington Post",
                     "https://www.washingtonpost.com/world/asia/pact-talks.html") +
                  Record("Korea, Japan discuss military pact", "Korea Times",
                         "https://www.koreatimes.co.kr/www/news/nation/2011/01/pact.html"));
  }

  CommandResult On(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  TempDir dir_;
};

TEST_F(StoryLinksCliTest, EachOutletKeepsItsArticleAndTheCopyIsLinked) {
  CommandResult imported = On({"import", "--create", "wire.jsonl"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_NE(imported.err.find("1 file: 2 articles imported (1 copy of another article, linked), "
                              "0 duplicates"),
            std::string::npos)
      << imported.err;

  CommandResult post = On({"list", "--source", "washington post", "--json"});
  ASSERT_EQ(post.exit_code, kOk) << post.err;
  const Json posts = Json::parse(post.out);
  ASSERT_EQ(posts.size(), 1u) << post.out;
  EXPECT_EQ(posts[0].at("title"), "Seoul, Tokyo open pact talks");
  CommandResult times = On({"list", "--source", "korea times", "--json"});
  ASSERT_EQ(Json::parse(times.out).size(), 1u) << times.out;

  CommandResult similar = On({"similar", "1"});
  ASSERT_EQ(similar.exit_code, kOk) << similar.err;
  EXPECT_NE(similar.out.find("SIMILARITY"), std::string::npos) << similar.out;
  EXPECT_NE(similar.out.find("\n 2        1.00  copy  2011-01-04  Korea Times  Korea, Japan"),
            std::string::npos)
      << similar.out;
  const Json similar_json = Json::parse(On({"similar", "2", "--json"}).out);
  ASSERT_EQ(similar_json.size(), 1u);
  EXPECT_EQ(similar_json[0].at("id"), 1);
  EXPECT_EQ(similar_json[0].at("source"), "Washington Post");
  EXPECT_EQ(similar_json[0].at("link"), "copy");
  EXPECT_EQ(similar_json[0].at("similarity"), 1.0);

  const Json shown = Json::parse(On({"show", "2", "--json"}).out);
  ASSERT_EQ(shown.at("same_story").size(), 1u);
  EXPECT_EQ(shown.at("same_story")[0].at("id"), 1);
  // What `show --json` prints reads back in.
  WriteFile(dir_ / "shown.json", shown.dump());
  CommandResult back = RunMorgue({"--archive", (dir_ / "b.db").string(), "import", "--create",
                                  (dir_ / "shown.json").string()});
  EXPECT_EQ(back.exit_code, kOk) << back.err;
  CommandResult text = On({"show", "1"});
  EXPECT_NE(text.out.find("\nsame story:\n  2  copy  Korea Times, 2011-01-04\n"), std::string::npos)
      << text.out;

  // Again: both are duplicates of their own outlet's article, nothing is linked twice.
  CommandResult again = On({"import", "wire.jsonl"});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_NE(again.err.find("1 file: 0 articles imported, 2 duplicates"), std::string::npos)
      << again.err;
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles"), "2");
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM article_links"), "1");
}

TEST_F(StoryLinksCliTest, ADryRunSaysWhichArticleTheCopyIsOf) {
  ASSERT_EQ(On({"import", "--create", "wire.jsonl"}).exit_code, kOk);
  WriteFile(dir_ / "yonhap.jsonl",
            Record("S. Korea, Japan in pact talks", "Yonhap", "https://en.yna.co.kr/pact") +
                Record("S. Korea, Japan in pact talks", "Yonhap", "https://en.yna.co.kr/pact"));
  CommandResult dry = On({"import", "--dry-run", "yonhap.jsonl"});
  ASSERT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_NE(dry.out.find("yonhap.jsonl: json: 2 articles: 1 new (article 3), 1 duplicate of "
                         "article 3; 1 copy of article 1 by another address or source"),
            std::string::npos)
      << dry.out;
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles"), "2");
}

TEST_F(StoryLinksCliTest, AWireCopyWithChangesIsANearDuplicateOfTheSeed) {
  ASSERT_EQ(
      On({"import", "--create", (FixturesDir() / "korea-times-2011-01-04.txt").string()}).exit_code,
      kOk);
  // Yonhap's run of the story: its own headline and credit, two paragraphs cut.
  std::vector<std::string> paragraphs = SeedParagraphs();
  paragraphs.erase(paragraphs.begin() + 9, paragraphs.begin() + 11);
  Json record = {{"title", "S. Korea mulls first military pact with Japan"},
                 {"source", "Yonhap"},
                 {"canonical_url", "https://en.yna.co.kr/view/AEN20110104"},
                 {"published", "2011-01-04"}};
  std::string body = "SEOUL, Jan. 4 (Yonhap) --";
  for (const std::string& paragraph : paragraphs) body += "\n\n" + paragraph;
  record["body"] = body;
  WriteFile(dir_ / "yonhap.json", record.dump());

  // A dry run finds it among the archived articles, and among the run's own when both
  // are new.
  CommandResult dry_both =
      RunMorgue({"--archive", (dir_ / "empty.db").string(), "import", "--create", "--dry-run",
                 (FixturesDir() / "korea-times-2011-01-04.txt").string(), "yonhap.json"},
                "", {}, dir_.path());
  EXPECT_NE(dry_both.out.find("yonhap.json: json: 1 article: new, would be article 2 (a "
                              "near-duplicate of article 1)"),
            std::string::npos)
      << dry_both.out << dry_both.err;
  CommandResult dry = On({"import", "--dry-run", "yonhap.json"});
  EXPECT_NE(dry.out.find("yonhap.json: json: 1 article: new, would be article 2 (a "
                         "near-duplicate of article 1)"),
            std::string::npos)
      << dry.out;
  CommandResult imported = On({"import", "yonhap.json"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_NE(
      imported.err.find("1 file: 1 article imported (1 near-duplicate, linked), 0 duplicates"),
      std::string::npos)
      << imported.err;
  const Json similar = Json::parse(On({"similar", "1", "--json"}).out);
  ASSERT_EQ(similar.size(), 1u);
  EXPECT_EQ(similar[0].at("id"), 2);
  EXPECT_EQ(similar[0].at("source"), "Yonhap");
  EXPECT_EQ(similar[0].at("link"), "near");
  EXPECT_GT(similar[0].at("similarity").get<double>(), 0.7);
  EXPECT_LT(similar[0].at("similarity").get<double>(), 1.0);
  CommandResult text = On({"similar", "2"});
  EXPECT_NE(text.out.find("  near  2011-01-04  Korea Times  Seoul, Tokyo seek 1st military pact"),
            std::string::npos)
      << text.out;
}

TEST_F(StoryLinksCliTest, DiffExplainsWhatTheWireCopyChanged) {
  ASSERT_EQ(
      On({"import", "--create", (FixturesDir() / "korea-times-2011-01-04.txt").string()}).exit_code,
      kOk);
  std::vector<std::string> paragraphs = SeedParagraphs();
  paragraphs.erase(paragraphs.begin() + 9);  // "The ministry also denied ..."
  paragraphs[1] =
      "The official said Defense Minister Kim Kwan-jin and his Japanese counterpart "
      "Toshimi Kitazawa will discuss the matter in Seoul next week.";
  std::string body = "SEOUL, Jan. 4 (Yonhap) --";
  for (const std::string& paragraph : paragraphs) body += "\n\n" + paragraph;
  const Json record = {{"title", "S. Korea mulls first military pact with Japan"},
                       {"source", "Yonhap"},
                       {"published", "2011-01-04"},
                       {"body", body}};
  WriteFile(dir_ / "yonhap.json", record.dump());
  ASSERT_EQ(On({"import", "yonhap.json"}).exit_code, kOk);

  CommandResult diff = On({"diff", "1", "2"});
  ASSERT_EQ(diff.exit_code, kOk) << diff.err;
  for (const std::string expected : {
           "A  article 1: Seoul, Tokyo seek 1st military pact\n   Korea Times, 2011-01-04\n",
           "B  article 2: S. Korea mulls first military pact with Japan\n   Yonhap, 2011-01-04\n",
           "   linked as near-duplicates, similarity 0.",
           "\n  source     A  Korea Times\n             B  Yonhap\n",
           "\n  authors    A  Lee Tae-hoon\n             B  (none)\n",
           "\nbody: 12 paragraphs the same, 1 changed, 1 only in A, 1 only in B\n",
           "\n+ only in B: ¶1\n  SEOUL, Jan. 4 (Yonhap) --\n",
           "\n- only in A: ¶10\n  The ministry also denied",
           "\n~ changed: A ¶2 → B ¶3\n  The official said [-that-] Defense Minister",
       }) {
    EXPECT_NE(diff.out.find(expected), std::string::npos) << expected << "\n---\n" << diff.out;
  }
  const Json json = Json::parse(On({"diff", "1", "2", "--json"}).out);
  EXPECT_EQ(json.at("link").at("kind"), "near");
  EXPECT_EQ(json.at("same_paragraphs"), 12);
  ASSERT_EQ(json.at("paragraphs").size(), 3u);
  EXPECT_EQ(json.at("paragraphs")[1].at("change"), "changed");
  EXPECT_EQ(json.at("paragraphs")[1].at("a"), 2);
  CommandResult missing = On({"diff", "1", "9"});
  EXPECT_EQ(missing.exit_code, kPartial);
  EXPECT_NE(missing.err.find("no article with id 9"), std::string::npos) << missing.err;
}

// What a dry run predicts is what the import then does, where the run's own articles decide.
TEST_F(StoryLinksCliTest, ADryRunPredictsTheImport) {
  ASSERT_EQ(On({"import", "--create", "wire.jsonl"}).exit_code, kOk);
  // A publication not archived yet, named with and without "The": one article.
  WriteFile(dir_ / "gazette.jsonl", Record("Pact talks", "Harbour Gazette", "") +
                                        Record("Pact talks again", "The Harbour Gazette", ""));
  // The Post's address with another title and body (the Post's article's next revision),
  // then that body alone: the revised article's body, so a duplicate of it.
  WriteFile(dir_ / "post.jsonl",
            R"({"title": "x", "canonical_url": "https://www.washingtonpost.com/world/asia/)"
            R"(pact-talks.html", "body": "A different body entirely, about ferries."})"
            "\n"
            R"({"title": "y", "body": "A different body entirely, about ferries."})"
            "\n");
  for (const char* file : {"gazette.jsonl", "post.jsonl"}) {
    CommandResult dry = On({"import", "--dry-run", file});
    ASSERT_EQ(dry.exit_code, kOk) << dry.err;
    CommandResult real = On({"import", file});
    ASSERT_EQ(real.exit_code, kOk) << real.err;
    // "N articles imported" against "N new articles", and the duplicates.
    const auto counts = [](const std::string& summary) {
      const size_t colon = summary.find(": ");
      std::string counts = summary.substr(colon + 2, summary.find(';') - colon - 2);
      for (const char* word :
           {" new articles", " new article", " articles imported", " article imported"}) {
        if (size_t at = counts.find(word); at != std::string::npos) {
          counts.replace(at, std::string(word).size(), "");
        }
      }
      return counts;
    };
    EXPECT_EQ(counts(dry.err), counts(real.err)) << file << "\n" << dry.err << real.err;
  }
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles"), "3");
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles WHERE revision = 2"), "1");
}

TEST_F(StoryLinksCliTest, SimilarSaysWhenThereIsNothingAndNamesAMissingArticle) {
  ASSERT_EQ(On({"import", "--create", "wire.jsonl"}).exit_code, kOk);
  // An article linked to nothing says so, and its JSON is an empty list.
  WriteFile(dir_ / "alone.json",
            R"({"title": "Ferries return", "body": "The ferries are back after three weeks."})");
  ASSERT_EQ(On({"import", "alone.json"}).exit_code, kOk);
  CommandResult alone = On({"similar", "3"});
  EXPECT_EQ(alone.exit_code, kOk) << alone.err;
  EXPECT_EQ(alone.out, "");
  EXPECT_NE(alone.err.find("article 3 has no copies or near-duplicates in the archive"),
            std::string::npos)
      << alone.err;
  EXPECT_EQ(On({"similar", "3", "--json"}).out, "[]\n");
  CommandResult missing = On({"similar", "9"});
  EXPECT_EQ(missing.exit_code, kPartial);
  EXPECT_NE(missing.err.find("no article with id 9"), std::string::npos) << missing.err;
}

// One row per story: the two outlets' copies are one story of two articles, an unrelated
// article one of its own; exports name each article's cluster and links on request.
TEST_F(StoryLinksCliTest, CollapseShowsOneRowPerStoryAndExportsNameTheCluster) {
  ASSERT_EQ(On({"import", "--create", "wire.jsonl"}).exit_code, kOk);
  WriteFile(dir_ / "alone.json", R"({"title": "Ferries return", "published": "2011-01-03",
      "body": "The ferries are back after three weeks of military pact talks."})");
  ASSERT_EQ(On({"import", "alone.json"}).exit_code, kOk);

  CommandResult table = On({"list", "--collapse"});
  ASSERT_EQ(table.exit_code, kOk) << table.err;
  EXPECT_NE(table.out.find("STORY  TITLE"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("\n 1  2011-01-04  Washington Post               2  Seoul, Tokyo"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("\n 3  2011-01-03                                1  Ferries return"),
            std::string::npos)
      << table.out;
  EXPECT_EQ(table.out.find("Korea Times"), std::string::npos) << table.out;
  EXPECT_EQ(On({"list"}).out.find("STORY"), std::string::npos);

  const Json rows = Json::parse(On({"list", "--collapse", "--json", "--order", "id"}).out);
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0].at("id"), 1);
  EXPECT_EQ(rows[0].at("cluster"), 1);
  EXPECT_EQ(rows[0].at("cluster_size"), 2);
  EXPECT_EQ(rows[1].at("cluster_size"), 1);
  // Filtered to one outlet: that outlet's copy stands for the story.
  const Json times = Json::parse(On({"list", "--collapse", "--json", "--source", "times"}).out);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(times[0].at("id"), 2);
  EXPECT_EQ(times[0].at("cluster_size"), 2);

  CommandResult hits = On({"search", "military", "--collapse"});
  ASSERT_EQ(hits.exit_code, kOk) << hits.err;
  EXPECT_NE(hits.out.find("STORY  TITLE"), std::string::npos) << hits.out;
  EXPECT_EQ(hits.out.find("Korea Times"), std::string::npos) << hits.out;
  const Json hit_rows = Json::parse(On({"search", "military", "--collapse", "--json"}).out);
  ASSERT_EQ(hit_rows.size(), 2u) << hit_rows.dump();
  EXPECT_EQ(hit_rows[0].at("total"), 2);

  CommandResult csv = On({"export", "--format", "csv", "--collapse", "--fields",
                          "id,cluster,cluster_size,similar,similar_kinds,similar_scores"});
  ASSERT_EQ(csv.exit_code, kOk) << csv.err;
  EXPECT_EQ(csv.out,
            "id,cluster,cluster_size,similar,similar_kinds,similar_scores\r\n"
            "1,1,2,2,copy,1\r\n"
            "3,3,1,,,\r\n");
  CommandResult jsonl = On({"export", "--format", "jsonl", "--fields", "id,cluster,similar"});
  ASSERT_EQ(jsonl.exit_code, kOk) << jsonl.err;
  EXPECT_EQ(jsonl.out, R"({"id":1,"cluster":1,"similar":[{"id":2,"kind":"copy","similarity":1.0}]})"
                       "\n"
                       R"({"id":2,"cluster":1,"similar":[{"id":1,"kind":"copy","similarity":1.0}]})"
                       "\n"
                       R"({"id":3,"cluster":3,"similar":[]})"
                       "\n");
  // An export with the story's fields reads back in: the archive makes its own links.
  const std::string fields = "id,title,source,canonical_url,body,cluster,cluster_size,similar";
  WriteFile(dir_ / "all.jsonl", On({"export", "--format", "jsonl", "--fields", fields}).out);
  CommandResult back = RunMorgue(
      {"--archive", (dir_ / "b.db").string(), "import", "--create", (dir_ / "all.jsonl").string()});
  EXPECT_EQ(back.exit_code, kOk) << back.err;
  EXPECT_EQ(QuerySql(dir_ / "b.db", "SELECT count(*) FROM article_links"), "1");
}

// An article that shares half its text with each of two stories joins them: `show` of one
// of them counts the whole story, though only one article is linked to it directly.
TEST_F(StoryLinksCliTest, ShowCountsTheArticlesOfTheWholeStory) {
  auto record = [](const std::string& source, int first, int last) {
    return R"({"title": "From )" + source + R"(", "source": ")" + source + R"(", "body": ")" +
           MadeUpBody(first, last, "\\n\\n") + "\"}\n";
  };
  WriteFile(dir_ / "story.jsonl",
            record("Korea Times", 0, 3) + record("Yonhap", 4, 7) + record("JoongAng Daily", 0, 7));
  CommandResult imported = On({"import", "--create", "story.jsonl"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  CommandResult shown = On({"show", "1"});
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  EXPECT_NE(shown.out.find("\nsame story (3 articles in all):\n  3  near  Korea JoongAng Daily\n"),
            std::string::npos)
      << shown.out;
  // The bridge is linked to both: no count beside the two it lists.
  EXPECT_NE(On({"show", "3"}).out.find("\nsame story:\n"), std::string::npos);
  const Json rows = Json::parse(On({"list", "--collapse", "--json"}).out);
  ASSERT_EQ(rows.size(), 1u) << rows.dump();
  EXPECT_EQ(rows[0].at("cluster_size"), 3);
}

}  // namespace
}  // namespace morgue::testing
