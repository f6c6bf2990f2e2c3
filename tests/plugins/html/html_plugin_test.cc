// The html plugin, loaded as the host loads it, importing the fixture pages into real
// archives; and through the real `morgue` binary where what a user sees matters.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
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

std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

class HtmlPluginTest : public testing::BuiltinPluginTest {
 protected:
  HtmlPluginTest() : BuiltinPluginTest("html") {}

  // Imports files the way `morgue import` does, each probed.
  std::vector<InputReport> Import(const std::vector<std::filesystem::path>& files) {
    return ImportFiles(*archive_, files);
  }

  // The one article imported from `file`.
  Article ImportOne(const std::filesystem::path& file) { return ImportOneArticle(*archive_, file); }

  // The failure of importing `content` saved as `name`; nothing may have been stored.
  std::string ImportFailure(const std::string& name, const std::string& content) {
    WriteFile(dir_ / name, content);
    std::vector<InputReport> reports = Import({dir_ / name});
    EXPECT_EQ(reports.size(), 1u);
    auto count = archive_->Count(Filter());
    EXPECT_TRUE(count.ok());
    EXPECT_EQ(count.ok() ? count.value() : -1, 0);
    return reports.empty() || reports[0].status.ok() ? "" : reports[0].status.message();
  }

  int Probe(const std::string& path, const std::string& head) {
    auto importer = registry_.ImporterFor("html");
    return importer.ok() ? importer->Probe({path, head}) : -1;
  }
};

void ExpectKoreaTimesArticle(const Article& article, const std::string& image_url) {
  EXPECT_EQ(article.title, kTitle);
  EXPECT_EQ(article.subtitle, kDeck);
  EXPECT_THAT(article.authors,
              ElementsAre(Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"},
                          Author{"kimchi-watcher", "", "poster"}));
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.updated, "");
  EXPECT_EQ(article.summary, "");
  EXPECT_EQ(article.source, "Korea Times");
  EXPECT_EQ(article.canonical_url, "");
  EXPECT_THAT(article.media, ElementsAre(Media{image_url, kCaption, "Xinhua-Yonhap"}));
  EXPECT_EQ(article.body, SampleBody());
  EXPECT_EQ(Paragraphs(article.body).size(), 14u);
  for (const char* leftover : {"By Lee Tae-hoon", "leeth@", "Posted by", "Labels", "Comment",
                               "Xinhua", "Defense chiefs", "kimchi-watcher", "Older Post"}) {
    EXPECT_THAT(article.body, Not(HasSubstr(leftover)));
  }
  // The archive matches tags case-insensitively and may store them folded.
  std::vector<std::string> tags;
  for (std::string tag : article.tags) {
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    tags.push_back(tag);
  }
  EXPECT_THAT(tags, ElementsAre("defense", "japan", "south korea"));
}

TEST_F(HtmlPluginTest, BloggerRepostGivesTheKoreaTimesArticle) {
  Article article = ImportOne(ArticleFixture("korea-times-2011-01-04.blogger.html"));
  ExpectKoreaTimesArticle(
      article,
      "https://blogger.googleusercontent.com/img/b/R29vZ2xl/"
      "AVvXsEhQk3zv0d9yJ2mTq7cXbW1nL5fGhR8sKpU4a"
      "ZoE6iYtN0wVjD3lMxCbFqHeS7gPuOrA2nIyKcT9vBzLm5sWdQfX1hJ0kG8tYpRaE4oU6iNwMzC3lVbS7xHqD2gFjKy/"
      "s400/110104_p02_kan.jpg");
  EXPECT_EQ(article.provenance["published"], "blogger-date-header");
  EXPECT_EQ(article.provenance["authors"], "in-body-byline");
  EXPECT_EQ(article.provenance["source"], "email-domain");
  EXPECT_EQ(article.provenance["tags"], "blogger-labels");
}

TEST_F(HtmlPluginTest, WordPressRepostGivesTheKoreaTimesArticle) {
  Article article = ImportOne(ArticleFixture("korea-times-2011-01-04.wordpress.html"));
  ExpectKoreaTimesArticle(
      article, "https://peninsulawatch.net/wp-content/uploads/2011/01/110104_p02_kan.jpg");
  // The blog's own metadata names the blog and its account: it must not win.
  // The entry title the page shows, as its JSON-LD headline gives it.
  EXPECT_EQ(article.provenance["title"], "wordpress-entry-title+json-ld");
  EXPECT_EQ(article.provenance["published"], "wordpress-entry-date");
  EXPECT_EQ(article.provenance["tags"], "rel-tag");
  EXPECT_THAT(article.body, Not(HasSubstr("Peninsula Watch")));
}

TEST_F(HtmlPluginTest, BothRepostsAndTheJsonRecordAreOneArticle) {
  std::vector<InputReport> reports =
      Import({ArticleFixture("korea-times-2011-01-04.blogger.html"),
              ArticleFixture("korea-times-2011-01-04.wordpress.html"),
              FixturesDir() / "sample-articles.jsonl"});
  ASSERT_EQ(reports.size(), 3u);
  for (const InputReport& report : reports) {
    ASSERT_TRUE(report.status.ok()) << report.input << ": " << report.status.ToString();
  }
  ASSERT_FALSE(reports[0].article_ids.empty());
  const int64_t id = reports[0].article_ids[0];
  EXPECT_THAT(reports[1].article_ids, ElementsAre(id));
  EXPECT_EQ(reports[2].article_ids.front(), id);

  Filter korea_times;
  korea_times.source = "Korea Times";
  auto count = archive_->Count(korea_times);
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(count.value(), 1);
  auto stats = archive_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3);
}

TEST_F(HtmlPluginTest, EucKrPageGivesTheHankyorehArticle) {
  Article article = ImportOne(ArticleFixture("hankyoreh-2011-01-15.euckr.html"));
  EXPECT_EQ(article.title, "서울 아침 영하 17도…올겨울 최강 한파");
  EXPECT_EQ(article.subtitle, "16일 중부지방 한파경보…수도관 동파·빙판길 주의");
  EXPECT_THAT(article.authors, ElementsAre(Author{"박지민", "jimin@hani.co.kr", "author"}));
  EXPECT_EQ(article.published, "2011-01-15T10:30");
  EXPECT_EQ(article.language, "ko");
  EXPECT_TRUE(article.tags.empty());
  EXPECT_TRUE(article.media.empty());
  const std::vector<std::string> paragraphs = Paragraphs(article.body);
  ASSERT_EQ(paragraphs.size(), 7u) << article.body;
  EXPECT_TRUE(paragraphs[0].starts_with("주말인 16일 서울의 아침 최저기온이 영하 17도까지"));
  EXPECT_TRUE(paragraphs[0].ends_with("2001년 1월 이후 10년 만이다."));
  EXPECT_TRUE(paragraphs[6].starts_with("이번 추위는 다음주 초반까지 이어지다가"));
  EXPECT_TRUE(paragraphs[6].ends_with("각별히 유의해야 한다”고 말했다."));
  EXPECT_THAT(paragraphs[3], HasSubstr("5~10도가량"));
  for (const char* leftover : {"등록", "기자", "jimin@", "독자 의견", "관련기사", "한겨레신문사",
                               "많이 본 기사", "트위터"}) {
    EXPECT_THAT(article.body, Not(HasSubstr(leftover)));
  }
}

TEST_F(HtmlPluginTest, ProbeScoresHtmlByExtensionAndMarkup) {
  EXPECT_EQ(Probe("a.html", "<!DOCTYPE html><html>"), kProbeCertain);
  EXPECT_EQ(Probe("a.HTM", "  <HEAD><title>x</title>"), kProbeCertain);
  EXPECT_EQ(Probe("a.xhtml", "<BODY>"), kProbeCertain);
  EXPECT_EQ(Probe("a.html", "just some text"), 80);
  EXPECT_EQ(Probe("a.txt", "<html><body>"), 60);
  EXPECT_EQ(Probe("", "<!doctype HTML>"), 60);
  EXPECT_EQ(Probe("a.txt", "By Lee Tae-hoon"), kProbeNo);
}

TEST_F(HtmlPluginTest, EmptyPageIsNoArticle) {
  EXPECT_THAT(ImportFailure("empty.html", ""), HasSubstr("no article found"));
}

TEST_F(HtmlPluginTest, NavigationOnlyPageIsNoArticle) {
  EXPECT_THAT(ImportFailure("nav.html",
                            "<!DOCTYPE html><html><head><title>Home</title></head><body>"
                            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a>"
                            "</li><li><a href='/about'>About us</a></li></ul></nav>"
                            "<footer>Copyright 2011</footer></body></html>"),
              HasSubstr("no article found"));
}

TEST_F(HtmlPluginTest, TruncatedPageKeepsWhatItHas) {
  std::string page = ReadFile(ArticleFixture("korea-times-2011-01-04.wordpress.html"));
  // Cut in the middle of the ninth paragraph's markup: the parser recovers.
  const size_t cut = page.find("Critics say the move");
  ASSERT_NE(cut, std::string::npos);
  WriteFile(dir_ / "cut.html", page.substr(0, cut + 40));
  Article article = ImportOne(dir_ / "cut.html");
  EXPECT_EQ(article.title, kTitle);
  EXPECT_THAT(article.body, HasSubstr("South Korea is considering signing"));
  EXPECT_THAT(article.body, Not(HasSubstr("Yomiuri")));
}

TEST_F(HtmlPluginTest, GarbageBytesNeverReachTheArchiveAsInvalidUtf8) {
  // Latin-1 bytes with no declaration: decoded, never stored as they are.
  const std::string page =
      "<html><body><article><p>Caf\xE9 owners in Seoul said on Tuesday that the price of "
      "coffee beans had risen sharply, and that customers were noticing the change.</p>"
      "<p>Another paragraph, with commas, and more words to make it an article.</p>"
      "</article></body></html>";
  WriteFile(dir_ / "latin1.html", page);
  Article article = ImportOne(dir_ / "latin1.html");
  EXPECT_THAT(article.body, HasSubstr("Caf\xC3\xA9 owners"));
}

TEST_F(HtmlPluginTest, AStrayNulByteInALongPageIsDroppedNotTheWholePage) {
  // Saved pages sometimes carry a NUL or two from a broken script or a bad copy; the page
  // is still a page. (Binary data, with NULs everywhere, is still refused: see
  // random-binary.html in the bad fixtures.)
  std::string page = "<html><head><title>Harbour reopens</title></head><body><article>";
  for (int i = 0; i < 8; ++i) {
    page +=
        "<p>The harbour reopened on Tuesday after a week of storms, and the first ferries "
        "left for the islands in the morning, the port authority said.</p>";
  }
  page += "<script>var x = '";
  page += '\0';
  page +=
      "';</script><p>Fishermen said the damage to the piers was smaller than feared, and "
      "that repairs would be finished before the summer.</p></article></body></html>";
  WriteFile(dir_ / "stray-nul.html", page);
  Article article = ImportOne(dir_ / "stray-nul.html");
  EXPECT_THAT(article.body, HasSubstr("The harbour reopened on Tuesday"));
  EXPECT_THAT(article.body, HasSubstr("repairs would be finished before the summer."));
  EXPECT_EQ(article.body.find('\0'), std::string::npos);
}

// An article of a few paragraphs around `inside`, in an <article>.
std::string PageWith(const std::string& head, const std::string& inside) {
  std::string page = "<!DOCTYPE html><html><head>" + head + "</head><body><article>" + inside;
  for (int i = 0; i < 4; ++i) {
    page +=
        "<p>The council said on Tuesday that the new bridge, which has been planned for a "
        "decade, would open in the spring, and that traffic on the old one would ease.</p>";
  }
  return page + "</article></body></html>";
}

TEST_F(HtmlPluginTest, JsonLdWrappedInCdataIsRead) {
  WriteFile(dir_ / "cdata.html",
            PageWith("<title>Bridge to open in spring - Example Times</title>"
                     "<script type=\"application/ld+json\">//<![CDATA[\n"
                     "{\"@type\":\"NewsArticle\",\"headline\":\"Bridge to open in spring\","
                     "\"name\":\"Example Times\",\"datePublished\":\"2019-05-20T10:00:00Z\","
                     "\"dateModified\":\"2019-05-21T08:00:00Z\","
                     "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}\n//]]>"
                     "</script>",
                     ""));
  Article article = ImportOne(dir_ / "cdata.html");
  // The name that is the site's does not replace the headline.
  EXPECT_EQ(article.title, "Bridge to open in spring");
  EXPECT_THAT(article.authors, ElementsAre(Author{"Jane Doe", "", "author"}));
  EXPECT_EQ(article.published, "2019-05-20T10:00:00Z");
  EXPECT_EQ(article.updated, "2019-05-21T08:00:00Z");
  EXPECT_EQ(article.provenance["published"], "json-ld");
}

TEST_F(HtmlPluginTest, BylineElementsGiveTheNamesTheyLinkNotTitlesOrCredits) {
  // A layout class naming a sidebar on a wrapper of the whole page is not boilerplate; an
  // image's itemprop author is its photographer; the byline's job title and date go.
  WriteFile(dir_ / "byline.html",
            PageWith("<title>Bridge to open in spring</title>",
                     "<div class=\"layout-with-sidebar\"><h1>Bridge to open in spring</h1>"
                     "<figure itemscope itemtype=\"https://schema.org/ImageObject\">"
                     "<span itemprop=\"author\">Ann Lee/Example Photos</span></figure>"
                     "<div class=\"article-author\">By <a href=\"/authors/jane-doe\">Jane "
                     "Doe</a>, Senior Technologist, Example Union <span>May 20, 2019</span>"
                     "</div></div>"));
  Article article = ImportOne(dir_ / "byline.html");
  EXPECT_THAT(article.authors, ElementsAre(Author{"Jane Doe", "", "author"}));
  EXPECT_EQ(article.provenance["authors"], "dom-byline");
}

TEST_F(HtmlPluginTest, MetaAuthorsThatAreNotPeopleAreKeptAsWritten) {
  WriteFile(dir_ / "meta.html",
            PageWith("<title>Bridge to open in spring</title>"
                     "<meta property=\"og:article:author\" content=\"Example News\">",
                     ""));
  Article article = ImportOne(dir_ / "meta.html");
  EXPECT_THAT(article.authors, ElementsAre(Author{"Example News", "", "author"}));
  EXPECT_EQ(article.provenance["authors"], "og:article:author");
}

TEST_F(HtmlPluginTest, TitleLosesTheSiteNameAfterTheLastSeparator) {
  WriteFile(
      dir_ / "title.html",
      PageWith("<title>Council says the new bridge opens in spring \xE2\x80\x93 My website</title>",
               ""));
  EXPECT_EQ(ImportOne(dir_ / "title.html").title, "Council says the new bridge opens in spring");
}

TEST_F(HtmlPluginTest, ShortPageWithoutParagraphsIsItsBody) {
  WriteFile(dir_ / "short.html",
            "<!DOCTYPE html><html><head><title>Test case</title></head><body>"
            "<nav><a href='/'>Home</a></nav><article><h2>First case</h2><h2>Second case</h2>"
            "</article></body></html>");
  Article article = ImportOne(dir_ / "short.html");
  EXPECT_EQ(article.title, "Test case");
  EXPECT_THAT(article.body, HasSubstr("First case"));
  EXPECT_THAT(article.body, Not(HasSubstr("Home")));
}

TEST_F(HtmlPluginTest, ArticleInAnUnlikelyBoxIsFoundByAFallbackPass) {
  // The strict pass drops the "social" box and finds too little; the next pass reads the
  // page afresh (the first changed its tree) without that heuristic.
  std::string page =
      "<!DOCTYPE html><html><head><title>Bridge to open</title></head><body>"
      "<h1>Bridge to open</h1><div class=\"social-feed\">";
  for (int i = 0; i < 4; ++i) {
    page +=
        "<p>The council said on Tuesday that the new bridge, which has been planned for a "
        "decade, would open in the spring, and that traffic on the old one would ease.</p>";
  }
  WriteFile(dir_ / "fallback.html", page + "</div></body></html>");
  Article article = ImportOne(dir_ / "fallback.html");
  EXPECT_THAT(article.body, HasSubstr("The council said on Tuesday"));
  EXPECT_EQ(Paragraphs(article.body).size(), 4u);
}

// A paragraph long enough to be scored as article text.
std::string LongParagraph(const std::string& lead) {
  return "<p>" + lead +
         " said on Tuesday that the new bridge, which has been planned for a decade, would "
         "open in the spring, and that traffic on the old one would ease, officials said.</p>";
}

TEST_F(HtmlPluginTest, CaptionsSharingAContainerEachGiveACaptionAndTheImageOnce) {
  WriteFile(dir_ / "shared.html",
            "<html><head><title>Bridge to open</title></head><body><div>" +
                LongParagraph("The council") + LongParagraph("The mayor") +
                "<div class=\"wp-caption\"><img src=\"bridge.jpg\">"
                "<p class=\"wp-caption-text\">The new bridge at dusk.</p>"
                "<p class=\"wp-caption-text\">Its architect on site (Reuters)</p></div>" +
                LongParagraph("The engineer") + "</div></body></html>");
  Article article = ImportOne(dir_ / "shared.html");
  EXPECT_THAT(article.media, ElementsAre(Media{"bridge.jpg", "The new bridge at dusk.", ""},
                                         Media{"", "Its architect on site", "Reuters"}));
  EXPECT_EQ(Paragraphs(article.body).size(), 3u);
  EXPECT_THAT(article.body, Not(HasSubstr("dusk")));
  EXPECT_THAT(article.body, Not(HasSubstr("architect")));
}

TEST_F(HtmlPluginTest, ArticleSwallowedByAnUnclosedCaptionIsKept) {
  // An unclosed <figcaption> takes in the rest of the page: the caption is the article
  // (found by the fuzzer: it was freed while still being read).
  WriteFile(dir_ / "unclosed.html",
            "<html><head><title>Bridge to open</title></head><body>" +
                LongParagraph("The council") +
                "<figure><img src=\"bridge.jpg\"><figcaption>The bridge at dusk." +
                LongParagraph("The mayor") + LongParagraph("The engineer") +
                "<figure><img src=\"old.jpg\"><figcaption>The old bridge / Yonhap</figcaption>"
                "</figure>" +
                LongParagraph("The driver") + "</figcaption></figure></body></html>");
  Article article = ImportOne(dir_ / "unclosed.html");
  EXPECT_THAT(article.body, HasSubstr("The mayor said on Tuesday"));
  EXPECT_THAT(article.body, HasSubstr("The driver said on Tuesday"));
  EXPECT_THAT(article.body, Not(HasSubstr("old bridge")));
  EXPECT_THAT(article.media, ElementsAre(Media{"old.jpg", "The old bridge", "Yonhap"}));
}

TEST_F(HtmlPluginTest, NestedFurnitureHeadingsAreDropped) {
  // (The span keeps the parser from closing the <h2> at the <h3>.)
  WriteFile(dir_ / "headings.html",
            "<html><head><title>Bridge to open</title></head><body><div>" +
                LongParagraph("The council") + LongParagraph("The mayor") +
                "<h2 class=\"promo\">Offers <span><h3 class=\"tool\">Print this</h3></span></h2>" +
                LongParagraph("The engineer") + "</div></body></html>");
  Article article = ImportOne(dir_ / "headings.html");
  EXPECT_EQ(Paragraphs(article.body).size(), 3u);
  EXPECT_THAT(article.body, Not(HasSubstr("Offers")));
  EXPECT_THAT(article.body, Not(HasSubstr("Print")));
}

TEST_F(HtmlPluginTest, ByteOrderMarkLeavesTheText) {
  WriteFile(dir_ / "bom.html", "\xEF\xBB\xBF" + PageWith("<title>Bridge to open</title>", ""));
  Article article = ImportOne(dir_ / "bom.html");
  EXPECT_EQ(article.title, "Bridge to open");
  EXPECT_TRUE(article.body.starts_with("The council said")) << article.body;
}

TEST_F(HtmlPluginTest, CommandLineImportsAPageAndShowsItsMetadata) {
  const std::string db = (dir_ / "cli.db").string();
  auto imported = RunMorgue({"--archive", db, "import", "--create",
                             ArticleFixture("korea-times-2011-01-04.blogger.html")});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto exported = RunMorgue({"--archive", db, "export", "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  nlohmann::json record = nlohmann::json::parse(exported.out.substr(0, exported.out.find('\n')));
  EXPECT_EQ(record["title"], kTitle);
  EXPECT_EQ(record["source"], "Korea Times");
  EXPECT_EQ(record["published"], "2011-01-04");
  EXPECT_EQ(record["body"], SampleBody());
}

TEST_F(HtmlPluginTest, CommandLineReportsAPageWithoutArticle) {
  WriteFile(dir_ / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
  auto result = RunMorgue({"--archive", (dir_ / "cli.db").string(), "import", "--create",
                           (dir_ / "nav.html").string()});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.err, HasSubstr("no article found"));
}

// Two blocks that score the same on a page written on one line (as minified pages are):
// the first in the document is the article, whatever order the scores are kept in.
TEST_F(HtmlPluginTest, ATieBetweenCandidatesGoesToTheFirstInTheDocument) {
  const std::string first =
      "Alpha river flooded the lower town, and the council met at night, again and again, "
      "to plan the repairs that the harbour needs.";
  const std::string second =
      "Bravo river flooded the upper town, and the council met at dawn, again and again, "
      "to plan the repairs that the station needs.";
  auto block = [](const std::string& text) {
    return "<span><span><div><p>" + text + "</p><p>" + text + "</p></div></span></span>";
  };
  WriteFile(dir_ / "tie.html", "<html><head><title>Flood</title></head><body>" + block(first) +
                                   block(second) + "</body></html>");
  const Article article = ImportOne(dir_ / "tie.html");
  EXPECT_TRUE(article.body.starts_with(first + "\n\n" + first)) << article.body;
}

}  // namespace
}  // namespace morgue
