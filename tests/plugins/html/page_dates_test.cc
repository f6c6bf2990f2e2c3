// The html plugin's dates, loaded as the host loads it: the date in the page's address,
// the date line under the headline, the article's <time>, and how they are checked
// against the page's metadata (plugins/html/date_choice.h). Pages are small and
// hand-written in the style of real ones.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::WriteFile;

// Two paragraphs of article text, enough for the page to have an article.
constexpr char kProse[] =
    "<p>The city council voted on Tuesday to rebuild the old harbour bridge, which has been "
    "closed to traffic since the storm last winter damaged two of its pillars.</p>\n"
    "<p>Work is to begin in the spring and take about eighteen months, the mayor said, and "
    "a ferry will carry pedestrians and cyclists across the river in the meantime.</p>\n";

struct PageParts {
  std::string head;     // inside <head>, after the title
  std::string header;   // between the <h1> and the article text
  std::string article;  // attributes of <article>, or "" for none
  std::string after;    // after the article: sidebars, footers
};

std::string Page(const PageParts& parts) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbour bridge to be "
         "rebuilt</title>" +
         parts.head + "</head><body><main><article" + parts.article +
         "><h1>Harbour bridge to be rebuilt</h1>" + parts.header + kProse + "</article>" +
         parts.after + "</main></body></html>";
}

class PageDatesTest : public testing::BuiltinPluginTest {
 protected:
  PageDatesTest() : BuiltinPluginTest("html") {}

  Article ImportPage(const std::string& html) { return ImportPageAlone(html); }
};

TEST_F(PageDatesTest, DateInTheCanonicalAddressPath) {
  for (const char* url : {"https://news.example.com/local/2011/01/04/harbour-bridge/",
                          "https://news.example.com/local/20110104/harbour-bridge.html",
                          "https://news.example.com/local/2011-01-04/harbour-bridge"}) {
    const Article article =
        ImportPage(Page({.head = std::string("<link rel=\"canonical\" href=\"") + url + "\">"}));
    EXPECT_EQ(article.published, "2011-01-04") << url;
    EXPECT_EQ(testing::RuleOf(article, "published"), "url-path") << url;
  }
}

TEST_F(PageDatesTest, DateLineUnderTheHeadlineInEachLanguage) {
  const struct {
    const char* line;
    const char* expected;
  } rows[] = {
      {"<p class=\"byline\">Von Anna Schmidt | Veröffentlicht am 4. Januar 2011</p>", "2011-01-04"},
      {"<div class=\"info\">Publié le 4 janvier 2011 à 09h12</div>", "2011-01-04"},
      {"<p>Por Ana García</p><p>Publicado el 4 de enero de 2011</p>", "2011-01-04"},
      {"<span>Pubblicato il 4 gennaio 2011</span>", "2011-01-04"},
      {"<div>Опубликовано: 4 января 2011, 10:15</div>", "2011-01-04T10:15"},
      {"<div class=\"meta\">입력 2011.01.04 10:15</div>", "2011-01-04T10:15"},
      {"<p>发布时间：2011-01-04</p>", "2011-01-04"},
      {"<div class=\"topline\"><span>04.01.2011</span></div>", "2011-01-04"},
      // Datelines opening the article's text.
      {"<p>BERLIN, 4. Januar 2011 – Die Stadtwerke haben am Dienstag angekündigt, im Norden "
       "der Stadt einen Windpark mit sechs Anlagen zu errichten.</p>",
       "2011-01-04"},
      {"<p>(4. Januar 2011) Die Stadtwerke haben am Dienstag angekündigt, im Norden der "
       "Stadt einen Windpark mit sechs Anlagen zu errichten.</p>",
       "2011-01-04"},
  };
  for (const auto& row : rows) {
    const Article article = ImportPage(Page({.header = row.line}));
    EXPECT_EQ(article.published, row.expected) << row.line;
    EXPECT_TRUE(testing::RuleOf(article, "published").starts_with("visible-date")) << row.line;
  }
}

// The metadata's UTC time just after midnight is the evening before where the page is
// read: the day the page shows wins.
TEST_F(PageDatesTest, TheShownDayWinsOverAMachineDateOneDayOff) {
  const Article article = ImportPage(Page({.head = "<meta property=\"article:published_time\" "
                                                   "content=\"2022-05-04T03:37:37+00:00\">",
                                           .header = "<p class=\"fecha\">3 de mayo de 2022</p>"}));
  EXPECT_EQ(article.published, "2022-05-03");
  EXPECT_EQ(testing::RuleOf(article, "published"), "visible-date");
}

TEST_F(PageDatesTest, AgreeingSourcesKeepTheMachineDateWithItsTime) {
  const Article article = ImportPage(Page({.head = "<meta property=\"article:published_time\" "
                                                   "content=\"2011-01-04T09:12:00+01:00\">",
                                           .header = "<p>Veröffentlicht am 4. Januar 2011</p>"}));
  EXPECT_EQ(article.published, "2011-01-04T09:12:00+01:00");
  EXPECT_EQ(testing::RuleOf(article, "published"), "article:published_time");
}

TEST_F(PageDatesTest, SourcesFarApartLeaveTheDateEmptyUnlessTheAddressSettlesIt) {
  const std::string head = "<meta property=\"article:published_time\" content=\"2019-03-01\">";
  const std::string header = "<p>Publié le 4 janvier 2011</p>";
  const Article unsettled = ImportPage(Page({.head = head, .header = header}));
  EXPECT_EQ(unsettled.published, "");

  const Article settled = ImportPage(Page(
      {.head = head + "<meta property=\"og:url\" content=\"https://example.fr/2011/01/04/pont\">",
       .header = header}));
  EXPECT_EQ(settled.published, "2011-01-04");
  EXPECT_EQ(testing::RuleOf(settled, "published"), "visible-date-line");
}

// A CMS that rewrites article:published_time on every save: the "published" date is the
// modification's day, and the page shows the article's own earlier date.
TEST_F(PageDatesTest, APublishedDateThatIsTheLastSaveLosesToTheShownDate) {
  const std::string head =
      "<meta property=\"article:published_time\" content=\"2011-06-20T10:33:13Z\">"
      "<meta property=\"article:modified_time\" content=\"2011-06-20T10:32:18Z\">";
  const Article resaved = ImportPage(
      Page({.head = head, .header = "<p><time datetime=\"2011-01-04\">04.01.2011</time></p>"}));
  EXPECT_EQ(resaved.published, "2011-01-04");

  // Without the modification on that day, an unlabelled shown date does not outweigh the
  // metadata.
  const Article kept = ImportPage(
      Page({.head = "<meta property=\"article:published_time\" content=\"2011-06-20T10:33:13Z\">",
            .header = "<p><time datetime=\"2011-01-04\">04.01.2011</time></p>"}));
  EXPECT_EQ(kept.published, "2011-06-20T10:33:13Z");
}

TEST_F(PageDatesTest, AnAddressOfAnotherMonthRulesOutTheMachineDate) {
  const Article article = ImportPage(
      Page({.head = "<meta property=\"article:published_time\" content=\"2015-06-01\">"
                    "<link rel=\"canonical\" href=\"https://example.com/2011/01/bridge.html\">"}));
  EXPECT_EQ(article.published, "");
}

TEST_F(PageDatesTest, AnUpdateIsNeverThePublicationDate) {
  const Article article =
      ImportPage(Page({.head = "<meta property=\"article:modified_time\" content=\"2011-01-06\">",
                       .header = "<p class=\"date\">Aktualisiert am 5. Januar 2011</p>"}));
  EXPECT_EQ(article.published, "");
  EXPECT_EQ(article.updated, "2011-01-06");

  const Article both = ImportPage(
      Page({.header = "<p>Veröffentlicht am 04.01.2011, aktualisiert am 05.01.2011</p>"}));
  EXPECT_EQ(both.published, "2011-01-04");
  EXPECT_EQ(both.updated, "2011-01-05");
  EXPECT_EQ(testing::RuleOf(both, "updated"), "visible-date-line");
}

TEST_F(PageDatesTest, SidebarsCommentsFootersAndTodayAreNotTheArticlesDate) {
  const Article article = ImportPage(
      Page({.after = "<aside class=\"sidebar\"><h2>Most read</h2><p>January 3, 2011</p></aside>"
                     "<div class=\"comments\"><p>Posted on January 5, 2011 by reader</p></div>"
                     "<footer><p>© 2011 The Harbour Gazette, January 1, 2011</p></footer>"}));
  EXPECT_EQ(article.published, "");
}

// A date under a photo in the text, or in an embedded post, is what the text tells of,
// not the article's date.
TEST_F(PageDatesTest, DatesInsideTheTextAndItsEmbedsAreNotTheArticles) {
  const std::string saved =
      "<meta property=\"article:published_time\" content=\"2011-06-20T10:33:13Z\">"
      "<meta property=\"article:modified_time\" content=\"2011-06-20T12:00:00Z\">";
  const std::string lead =
      "<p>The bridge over the harbour was built more than a hundred years ago, and the "
      "council has argued about what to do with it for most of the last decade, while "
      "the repairs it needed grew more expensive every year.</p>";
  const Article captioned =
      ImportPage(Page({.head = saved, .header = lead + "<p><em>January 4, 2011</em></p>"}));
  EXPECT_EQ(captioned.published, "2011-06-20T10:33:13Z");

  const Article embedded = ImportPage(
      Page({.header = "<blockquote class=\"social-embed\"><p>The old bridge at dusk</p><p>A post "
                      "shared on <time datetime=\"2010-09-01T18:00:00Z\">Sep 1, 2010</time></p>"
                      "</blockquote>"}));
  EXPECT_EQ(embedded.published, "");
}

TEST_F(PageDatesTest, TheArticlesTimeAndAbbrElements) {
  const Article timed = ImportPage(Page(
      {.header = "<p>By Jane Doe, <time datetime=\"2011-01-04T09:12\">two days ago</time></p>"}));
  EXPECT_EQ(timed.published, "2011-01-04T09:12");
  EXPECT_EQ(testing::RuleOf(timed, "published"), "time-element");

  const Article abbr = ImportPage(
      Page({.header = "<p><abbr class=\"published\" title=\"2011-01-04T09:12:00+09:00\">a while "
                      "ago</abbr></p>"}));
  EXPECT_EQ(abbr.published, "2011-01-04T09:12:00+09:00");
}

}  // namespace
}  // namespace morgue
