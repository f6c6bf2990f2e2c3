// Labels lines ("Tags:", "Labels:", "Filed under:") and other page furniture in the text
// plugin: a footer is at the end of the text; a labels line with the article after it is
// part of the head, and never costs the article its body.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "plugins/text/text_article.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using Json = nlohmann::json;
using ::morgue::testing::CommandResult;
using ::morgue::testing::QuerySql;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::morgue::text_plugin::ParseTextArticle;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFirst =
    "The first paragraph of the article is long enough to count as article text.";
constexpr const char* kSecond =
    "The second paragraph, also long enough, ends the article as it was published.";

struct LabelsCase {
  const char* what;
  std::string text;
  std::string title;
  std::string body;
  std::vector<std::string> tags;
};

TEST(TextLabelsTest, ALabelsLineIsAFooterOnlyAtTheEnd) {
  const std::string first = kFirst;
  const std::string second = kSecond;
  const std::vector<LabelsCase> cases = {
      {"labels line under the title, the article after it",
       "Harbour dredging begins\nFiled under: port, city\n\n" + first + "\n\n" + second + "\n",
       "Harbour dredging begins",
       first + "\n\n" + second,
       {"port", "city"}},
      {"labels line under the title, then a short article",
       "Harbour dredging begins\nFiled under: port, city\n\nDredging started.\n",
       "Harbour dredging begins",
       "Dredging started.",
       {"port", "city"}},
      {"labels line under the title, then one short line",
       "Harbour dredging begins\nFiled under: port, city\n\nDredging started…\n",
       "Harbour dredging begins",
       "Dredging started…",
       {"port", "city"}},
      {"labels line above the title",
       "Tags: port\nHarbour dredging begins\n\n" + first + "\n",
       "Harbour dredging begins",
       first,
       {"port"}},
      {"labels line after the byline",
       "Harbour dredging begins\n\nBy Jane Doe\n\nLabels: port\n\n" + first + "\n",
       "Harbour dredging begins",
       first,
       {"port"}},
      {"labels line at the end",
       "Harbour dredging begins\n\n" + first + "\n\n" + second + "\n\nLabels: port, city\n",
       "Harbour dredging begins",
       first + "\n\n" + second,
       {"port", "city"}},
      {"labels line at the end, the blog's furniture after it",
       "Harbour dredging begins\n\n" + first +
           "\n\nCategories: port\nBlog Archive\nAbout Me\n"
           "Newer Post Older Post Home\n",
       "Harbour dredging begins",
       first,
       {"port"}},
      {"labels lines at the top and at the end: the first gives the tags",
       "Harbour dredging begins\nFiled under: port\n\n" + first + "\n\n" + second +
           "\n\nTags: harbour, dredging\n\nNo comments:\n",
       "Harbour dredging begins",
       first + "\n\n" + second,
       {"port"}},
      {"labels line between paragraphs: the article goes on after it",
       "Harbour dredging begins\n\n" + first + "\n\nTags: port\n\n" + second + "\n",
       "Harbour dredging begins",
       first + "\n\n" + second,
       {"port"}},
      {"labels line at the end, readers' comments after it",
       "Harbour dredging begins\n\n" + first +
           "\n\nLabels: port\n\n2 comments:\n\nAnonymous said...\n"
           "Thanks for posting the whole story, it was hard to find anywhere else.\n",
       "Harbour dredging begins",
       first,
       {"port"}},
      {"share buttons above the article",
       "Harbour dredging begins\n\nShare\nTweet\nPrint\n\n" + first + "\n\n" + second + "\n",
       "Harbour dredging begins",
       first + "\n\n" + second,
       {}},
  };
  for (const LabelsCase& c : cases) {
    const Article article = ParseTextArticle(c.text);
    EXPECT_EQ(article.title, c.title) << c.what;
    EXPECT_EQ(article.body, c.body) << c.what;
    EXPECT_EQ(article.tags, c.tags) << c.what;
    if (!c.tags.empty()) {
      EXPECT_EQ(article.provenance.count("tags") ? article.provenance.at("tags") : "",
                "text-labels-line")
          << c.what;
    }
  }
}

// The example of the report: the body was lost to a "Filed under:" under the headline,
// from a file and from standard input alike.
constexpr const char* kFiledUnder =
    "Harbour dredging begins\nFiled under: port, city\n\nDredging started…\n";

void ExpectDredgingArticle(const std::string& archive) {
  const CommandResult show = RunMorgue({"--archive", archive, "show", "1", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const Json article = Json::parse(show.out);
  EXPECT_EQ(article["title"], "Harbour dredging begins");
  EXPECT_EQ(article["body"], "Dredging started…");
  EXPECT_EQ(article["word_count"], 2);
  EXPECT_EQ(article["tags"], Json::parse(R"(["city", "port"])"));
}

TEST(TextLabelsCliTest, KeepsTheBodyUnderAFiledUnderLineFromAFile) {
  TempDir dir;
  const std::string archive = (dir / "a.db").string();
  WriteFile(dir / "filed.txt", kFiledUnder);
  const CommandResult import =
      RunMorgue({"--archive", archive, "import", "--create", (dir / "filed.txt").string()});
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_THAT(import.err,
              HasSubstr("1 file: 1 article imported, 0 duplicates; 0 files failed, 0 skipped"));
  EXPECT_THAT(import.err, Not(HasSubstr("warning")));
  ExpectDredgingArticle(archive);
}

TEST(TextLabelsCliTest, KeepsTheBodyUnderAFiledUnderLineFromStandardInput) {
  TempDir dir;
  const std::string archive = (dir / "a.db").string();
  const CommandResult import =
      RunMorgue({"--archive", archive, "import", "--create", "-"}, kFiledUnder);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_THAT(import.err,
              HasSubstr("1 input: 1 article imported, 0 duplicates; 0 inputs failed, 0 skipped"));
  EXPECT_EQ(QuerySql(archive, "SELECT plugin FROM documents WHERE original_path = '<stdin>'"),
            "text");
  ExpectDredgingArticle(archive);
}

}  // namespace
}  // namespace morgue
