// Reposts and news pages through the html plugin (loaded as the host loads it): a credit
// line naming the original, a "Posted : … | Updated : …" line, a deck and a caption in the
// text, a closing "기자" byline, blog interface strings in Korean and Japanese, and
// paragraphs separated by single <br>.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;
using ::morgue::testing::WriteFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTitle[] = "Seoul, Tokyo seek 1st military pact";
constexpr char kDeck[] = "Defense chiefs to hold meeting in Seoul Jan. 10-11";
constexpr char kCaption[] =
    "Japanese Prime Minister Naoto Kan speaks during his New Year news conference at his "
    "official residence in Tokyo, Tuesday.";

std::filesystem::path ArticleFixture(const std::string& name) {
  return FixturesDir() / "articles" / name;
}

// The body of the Korea Times record in sample-articles.jsonl (its first line).
std::string SampleBody() {
  const std::string text = ReadFile(FixturesDir() / "sample-articles.jsonl");
  return nlohmann::json::parse(text.substr(0, text.find('\n')))["body"].get<std::string>();
}

size_t CountParagraphs(const std::string& body) {
  size_t count = body.empty() ? 0 : 1;
  for (size_t at = body.find("\n\n"); at != std::string::npos; at = body.find("\n\n", at + 2)) {
    ++count;
  }
  return count;
}

class HtmlRepostTest : public testing::BuiltinPluginTest {
 protected:
  HtmlRepostTest() : BuiltinPluginTest("html") {}

  Article ImportOne(const std::filesystem::path& file) { return ImportOneArticle(*archive_, file); }

  Article ImportPage(const std::string& name, const std::string& page) {
    WriteFile(dir_ / name, page);
    return ImportOne(dir_ / name);
  }
};

// What every rendering of the seed article must give, whatever the page adds.
void ExpectSeedArticle(const Article& article) {
  EXPECT_EQ(article.title, kTitle);
  EXPECT_EQ(article.subtitle, kDeck);
  ASSERT_FALSE(article.authors.empty());
  EXPECT_EQ(article.authors[0], (Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"}));
  for (size_t i = 1; i < article.authors.size(); ++i) {
    EXPECT_EQ(article.authors[i].role, "poster") << article.authors[i].name;
  }
  EXPECT_TRUE(article.published.starts_with("2011-01-04")) << article.published;
  EXPECT_EQ(article.source, "Korea Times");
  ASSERT_EQ(article.media.size(), 1u);
  EXPECT_EQ(article.media[0].caption, kCaption);
  EXPECT_EQ(article.media[0].credit, "Xinhua-Yonhap");
  EXPECT_EQ(article.body, SampleBody());
  EXPECT_EQ(CountParagraphs(article.body), 14u);
}

TEST_F(HtmlRepostTest, CreditLineMakesTheOriginalsDateAndPublicationWin) {
  Article article = ImportOne(ArticleFixture("korea-times-2011-01-04.wordpress-credit.html"));
  ExpectSeedArticle(article);
  // The blog posted its copy on 6 January; the credit says the article is of the 4th.
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.provenance["published"], "repost-credit");
  EXPECT_EQ(article.source, "Korea Times");
  EXPECT_EQ(article.provenance["source"], "repost-credit");
  EXPECT_THAT(article.authors,
              ElementsAre(Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"},
                          Author{"kimchi-watcher", "", "poster"}));
  EXPECT_EQ(article.canonical_url, "");
  EXPECT_THAT(article.body, Not(HasSubstr("Original:")));
  EXPECT_THAT(article.subtitle, Not(HasSubstr("From The Korea Times")));
}

TEST_F(HtmlRepostTest, NewsPageLosesItsDeckDateLineAndCaptionFromTheBody) {
  Article article = ImportOne(ArticleFixture("korea-times-2011-01-04.newspage.html"));
  ExpectSeedArticle(article);
  EXPECT_THAT(article.authors,
              ElementsAre(Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"}));
  EXPECT_EQ(article.published, "2011-01-04T17:26");
  EXPECT_EQ(article.updated, "2011-01-04T18:02");
  // The page's own date line under the headline, read before the text is.
  EXPECT_EQ(article.provenance["published"], "visible-date-line");
  EXPECT_EQ(article.provenance["updated"], "visible-date-line");
  EXPECT_EQ(article.provenance["subtitle"], "in-body-deck");
  EXPECT_EQ(article.provenance["media"], "in-body-caption");
  EXPECT_EQ(article.media[0].url, "https://www.koreatimes.co.kr/upload/news/110104_p02_kan.jpg");
  for (const char* leftover : {"Posted :", "Updated", "Xinhua", "Defense chiefs", "By Lee"}) {
    EXPECT_THAT(article.body, Not(HasSubstr(leftover)));
  }
}

TEST_F(HtmlRepostTest, SingleBrParagraphsAreParagraphs) {
  Article article = ImportOne(ArticleFixture("korea-times-2011-01-04.blogger-br.html"));
  ExpectSeedArticle(article);
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_THAT(article.authors,
              ElementsAre(Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"},
                          Author{"kimchi-watcher", "", "poster"}));
}

TEST_F(HtmlRepostTest, KoreanBloggerRepostNamesTheReporterNotTheAccount) {
  Article article = ImportOne(ArticleFixture("gangwon-snow-2011-01-05.blogger-ko.html"));
  EXPECT_EQ(article.title, "강원 영동 30㎝ 폭설…출근길 곳곳 정체");
  EXPECT_THAT(article.authors,
              ElementsAre(Author{"박민수", "", "author"}, Author{"눈사람", "", "poster"}));
  EXPECT_EQ(article.provenance["authors"], "in-body-byline");
  EXPECT_EQ(article.published, "2011-01-05");
  EXPECT_EQ(article.canonical_url, "");  // the blog post's address, not the article's
  EXPECT_EQ(CountParagraphs(article.body), 5u);
  EXPECT_TRUE(article.body.starts_with("5일 강원 영동 지역에 밤사이 많은 눈이 내려"));
  EXPECT_TRUE(article.body.ends_with("출근길 안전에 각별한 주의가 필요하다."));
  for (const char* leftover : {"기자", "게시자", "댓글", "라벨", "눈사람", "이전 게시물"}) {
    EXPECT_THAT(article.body, Not(HasSubstr(leftover)));
  }
}

// Platforms that put their buttons inside the post's own box: the strings leave the body.
TEST_F(HtmlRepostTest, BlogInterfaceStringsInsideThePostLeaveTheBody) {
  const std::string korean =
      "<html lang='ko'><head><title>겨울 바다 산책</title></head><body>"
      "<div class='article_view'><h2>겨울 바다 산책</h2>"
      "<p>주말에 가족과 함께 동해 바닷가를 걸었다. 바람은 차가웠지만 하늘은 맑았고 파도 소리가 "
      "시원하게 들렸다.</p>"
      "<p>바닷가 근처 식당에서 따뜻한 국수를 먹고 해가 질 무렵 집으로 돌아왔다. 다음에는 "
      "부모님도 모시고 다시 오고 싶다.</p>"
      "<p>공감</p><p>구독하기</p><p>댓글 0</p></div></body></html>";
  Article article = ImportPage("tistory.html", korean);
  EXPECT_EQ(CountParagraphs(article.body), 2u) << article.body;
  EXPECT_TRUE(article.body.ends_with("다시 오고 싶다.")) << article.body;

  const std::string japanese =
      "<html lang='ja'><head><title>冬の海</title></head><body>"
      "<div class='article-body'>"
      "<p>週末に家族と海辺を歩いた。風は冷たかったが、空は晴れて波の音が心地よかった。</p>"
      "<p>近くの食堂で温かいうどんを食べ、日が暮れる頃に家へ帰った。また来たいと思う。</p>"
      "<p>カテゴリ：日記</p><p>コメント(0) トラックバック(0)</p><p>いいね！</p>"
      "</div></body></html>";
  article = ImportPage("livedoor.html", japanese);
  EXPECT_EQ(CountParagraphs(article.body), 2u) << article.body;
  EXPECT_TRUE(article.body.ends_with("また来たいと思う。")) << article.body;
}

// Short lines separated by single <br> stay the lines of one block.
TEST_F(HtmlRepostTest, AddressesAndPoemsKeepTheirLines) {
  const std::string page =
      "<html><head><title>Visiting the centre</title></head><body><div class='content'>"
      "<p>The centre is open to visitors every weekday from nine in the morning until six in "
      "the evening, and on Saturdays until noon.</p>"
      "<p>Seoul Global Center<br>38 Jong-ro, Jongno-gu<br>Seoul 03188</p>"
      "<p>The rain fell.<br>The river rose.<br>And we were gone.</p>"
      "<p>Visitors are asked to bring an identity card and to register at the front desk on "
      "arrival, as the building is shared with other offices.</p>"
      "</div></body></html>";
  Article article = ImportPage("address.html", page);
  EXPECT_THAT(article.body, HasSubstr("Seoul Global Center\n38 Jong-ro, Jongno-gu\nSeoul 03188"));
  EXPECT_THAT(article.body, HasSubstr("The rain fell.\nThe river rose.\nAnd we were gone."));
}

// A credit line makes any page a repost, not only a blog's.
TEST_F(HtmlRepostTest, KoreanCreditLineOnAForumPageNamesTheOriginal) {
  const std::string page =
      "<html lang='ko'><head><title>서울·도쿄 첫 군사협정 추진</title></head><body>"
      "<div class='view_content'>"
      "<p>출처: 연합뉴스 2011.01.04 원문: http://www.yonhapnews.co.kr/politics/1.html</p>"
      "<p>정부가 일본과 첫 군사협정 체결을 검토하고 있는 것으로 4일 알려졌다. 국방부 고위 "
      "관계자는 이르면 올해 말 협정을 맺을 수 있다고 말했다.</p>"
      "<p>양국 국방장관은 다음 주 서울에서 열리는 회담에서 이 문제를 논의할 예정이다. 다만 "
      "여론의 반발이 크면 추진을 미룰 수도 있다고 이 관계자는 덧붙였다.</p>"
      "</div></body></html>";
  Article article = ImportPage("forum.html", page);
  EXPECT_EQ(article.source, "Yonhap");
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.provenance["published"], "repost-credit");
  EXPECT_EQ(CountParagraphs(article.body), 2u) << article.body;
  EXPECT_THAT(article.body, Not(HasSubstr("출처")));
}

}  // namespace
}  // namespace morgue
