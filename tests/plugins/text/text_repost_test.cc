// Reposts saved as text: a credit line naming the original, a "Posted : … | Updated : …"
// line, a closing "기자" byline and a blog's Korean interface, and paragraphs one line
// each; through the parser, and the Korean Blogger repost through the plugin as the host
// loads it.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/article.h"
#include "morgue/import.h"
#include "plugins/text/text_article.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::text_plugin::ParseTextArticle;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kFirst =
    "South Korea is considering signing its first military agreement with Japan, a senior "
    "official said Tuesday.";
constexpr const char* kSecond =
    "The defense ministry, however, refuted the claim, saying little progress has been made.";

TEST(TextRepostTest, CreditLineGivesTheOriginalsPublicationAndDate) {
  const std::string text = std::string(
                               "Thursday, January 6, 2011\n\n"
                               "Seoul, Tokyo seek 1st military pact\n\n"
                               "From The Korea Times, January 4, 2011. Original: "
                               "koreatimes.co.kr\n\n"
                               "By Lee Tae-hoon\n\n") +
                           kFirst + "\n\n" + kSecond + "\n";
  Article article = ParseTextArticle(text);
  EXPECT_EQ(article.title, "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.provenance["published"], "text-repost-credit");
  EXPECT_EQ(article.source, "Korea Times");
  EXPECT_EQ(article.provenance["source"], "text-repost-credit");
  EXPECT_THAT(article.authors, ElementsAre(Author{"Lee Tae-hoon", "", "author"}));
  EXPECT_EQ(article.body, std::string(kFirst) + "\n\n" + kSecond);
}

TEST(TextRepostTest, ClosingCreditLineIsTakenToo) {
  const std::string text = std::string("Seoul, Tokyo seek 1st military pact\n\n") + kFirst +
                           "\n\n" + kSecond + "\n\n출처: 코리아타임스 2011.01.04\n";
  Article article = ParseTextArticle(text);
  EXPECT_EQ(article.source, "Korea Times");
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.body, std::string(kFirst) + "\n\n" + kSecond);
}

TEST(TextRepostTest, PostedUpdatedLineGivesBothDates) {
  const std::string text = std::string(
                               "Seoul, Tokyo seek 1st military pact\n\n"
                               "Posted : 2011-01-04 17:26 | Updated : 2011-01-04 18:02\n\n") +
                           kFirst + "\n\n" + kSecond + "\n";
  Article article = ParseTextArticle(text);
  EXPECT_EQ(article.published, "2011-01-04T17:26");
  EXPECT_EQ(article.updated, "2011-01-04T18:02");
  EXPECT_EQ(article.provenance["updated"], "text-posted-updated-line");
  EXPECT_EQ(article.body, std::string(kFirst) + "\n\n" + kSecond);
}

TEST(TextRepostTest, SentencesOnLinesOfTheirOwnAreParagraphs) {
  const std::string text = std::string("Seoul, Tokyo seek 1st military pact\n\n") +
                           "The pact would be the first of its kind, officials said.\n"
                           "Critics say the move could be premature for now.\n"
                           "The ministry denied a report of a joint declaration.\n";
  Article article = ParseTextArticle(text);
  EXPECT_EQ(article.body,
            "The pact would be the first of its kind, officials said.\n\n"
            "Critics say the move could be premature for now.\n\n"
            "The ministry denied a report of a joint declaration.");
  // Hard-wrapped prose stays one paragraph.
  article = ParseTextArticle(
      "Harbour dredging begins\n\n"
      "The harbour authority began dredging the main channel on Monday, a job\n"
      "that will take three months and close the western berths in turn while\n"
      "the work goes on.\n");
  EXPECT_EQ(article.body,
            "The harbour authority began dredging the main channel on Monday, a job that will "
            "take three months and close the western berths in turn while the work goes on.");
}

class TextRepostPluginTest : public testing::BuiltinPluginTest {
 protected:
  TextRepostPluginTest() : BuiltinPluginTest("text") {}
};

// The same Korean repost as text and as the Blogger page: one article, the reporter as
// author, the account as poster, no interface strings in the body.
TEST_F(TextRepostPluginTest, KoreanBloggerRepostSavedAsTextIsTheSameArticle) {
  const auto dir = FixturesDir() / "articles";
  std::vector<InputReport> reports =
      ImportFiles(*archive_, {dir / "gangwon-snow-2011-01-05.blogger-ko.txt",
                              dir / "gangwon-snow-2011-01-05.blogger-ko.html"});
  ASSERT_EQ(reports.size(), 2u);
  ASSERT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
  ASSERT_TRUE(reports[1].status.ok()) << reports[1].status.ToString();
  EXPECT_EQ(reports[0].plugin, "text");
  ASSERT_EQ(reports[0].article_ids.size(), 1u);
  EXPECT_THAT(reports[1].article_ids, ElementsAre(reports[0].article_ids[0]));
  auto article = archive_->Get(reports[0].article_ids[0]);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->title, "강원 영동 30㎝ 폭설…출근길 곳곳 정체");
  EXPECT_THAT(article->authors,
              ElementsAre(Author{"박민수", "", "author"}, Author{"눈사람", "", "poster"}));
  EXPECT_EQ(article->published, "2011-01-05");
  for (const char* leftover : {"기자", "게시자", "댓글", "라벨", "피드", "공유"}) {
    EXPECT_THAT(article->body, Not(HasSubstr(leftover)));
  }
  EXPECT_TRUE(article->body.ends_with("출근길 안전에 각별한 주의가 필요하다."));
}

}  // namespace
}  // namespace morgue
