// The text plugin: its parser on saved articles and blog reposts, the plugin loaded as
// the host loads it on real archives, and the `morgue` binary importing the fixtures.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "morgue/text.h"
#include "plugins/text/text_article.h"
#include "support/test_support.h"

namespace morgue {

// Readable failure output for whole-article comparisons.
static void PrintTo(const Article& a, std::ostream* os) {
  *os << "\n  title: " << a.title << "\n  subtitle: " << a.subtitle
      << "\n  published: " << a.published << "\n  source: " << a.source
      << "\n  language: " << a.language << "\n  url: " << a.url;
  for (const Author& author : a.authors) {
    *os << "\n  author: " << author.name << " <" << author.email << "> " << author.role;
  }
  for (const Media& media : a.media) {
    *os << "\n  media: [" << media.url << "] [" << media.caption << "] [" << media.credit << "]";
  }
  for (const auto& [field, rule] : a.provenance) {
    *os << "\n  provenance: " << field << " <- " << rule;
  }
  *os << "\n  body:\n" << a.body << "\n";
}

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::morgue::text_plugin::GuessLanguage;
using ::morgue::text_plugin::ParseTextArticle;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSeoulTitle = "Seoul, Tokyo seek 1st military pact";

fs::path Canonical() { return FixturesDir() / "korea-times-2011-01-04.txt"; }
fs::path Variant(const std::string& suffix) {
  return FixturesDir() / "articles" / ("korea-times-2011-01-04." + suffix);
}
std::vector<fs::path> KoreaTimesTextFiles() {
  return {Canonical(), Variant("crlf.txt"), Variant("bom.txt"), Variant("cp1252.txt")};
}
fs::path Hankyoreh() { return FixturesDir() / "articles" / "hankyoreh-2011-01-15.euckr.txt"; }
fs::path Sample() { return FixturesDir() / "sample-articles.jsonl"; }

// The Korea Times record of sample-articles.jsonl, whose body is the expected body.
std::string SampleBody() {
  const std::string text = ReadFile(Sample());
  return Json::parse(text.substr(0, text.find('\n')))["body"].get<std::string>();
}

Author MakeAuthor(const std::string& name, const std::string& email = "",
                  const std::string& role = "author") {
  Author author;
  author.name = name;
  author.email = email;
  author.role = role;
  return author;
}

// Everything a user should get from the Korea Times repost saved as text.
Article ExpectedKoreaTimes() {
  Article a;
  a.title = kSeoulTitle;
  a.subtitle = "Defense chiefs to hold meeting in Seoul Jan. 10-11";
  a.authors = {MakeAuthor("Lee Tae-hoon", "leeth@koreatimes.co.kr")};
  a.published = "2011-01-04";
  a.source = "Korea Times";
  a.language = "en";
  Media media;
  media.caption =
      "Japanese Prime Minister Naoto Kan speaks during his New Year news conference at his "
      "official residence in Tokyo, Tuesday.";
  media.credit = "Xinhua-Yonhap";
  a.media = {media};
  a.body = SampleBody();
  a.provenance = {{"title", "text-first-line"},
                  {"subtitle", "text-deck"},
                  {"published", "text-date-line"},
                  {"authors", "text-byline"},
                  {"authors.email", "text-trailing-email"},
                  {"media", "text-caption-credit"},
                  {"source", "text-email-domain"},
                  {"language", "text-script"}};
  return a;
}

// An article as read back from an archive, without what the archive adds.
Article WithoutArchiveFields(Article a) {
  a.id = 0;
  a.word_count = 0;
  a.body_hash.clear();
  a.added_at.clear();
  a.cluster = 0;
  a.cluster_size = 0;
  a.similar.clear();
  a.revision = 0;
  return a;
}

std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> paragraphs;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) {
      end = body.size();
    }
    paragraphs.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return paragraphs;
}

// ---- The parser ---------------------------------------------------------------------------

TEST(TextArticleTest, ReadsTheKoreaTimesRepost) {
  const Article article = ParseTextArticle(ReadFile(Canonical()));
  EXPECT_EQ(article, ExpectedKoreaTimes());
  const std::vector<std::string> paragraphs = Paragraphs(article.body);
  ASSERT_EQ(paragraphs.size(), 14u);
  EXPECT_TRUE(paragraphs.front().starts_with(
      "South Korea is considering signing its first military agreement with Japan"));
  EXPECT_TRUE(
      paragraphs.back().ends_with("bilateral cooperation on military supplies and services."));
  for (const char* leftover : {"Tuesday, January 4, 2011", "Xinhua-Yonhap", "Defense chiefs",
                               "By Lee Tae-hoon", "leeth@", "No comments", "Post a Comment"}) {
    EXPECT_THAT(article.body, Not(HasSubstr(leftover)));
  }
}

TEST(TextArticleTest, DropsBloggerBoilerplateAndKeepsThePosterApart) {
  const Article article = ParseTextArticle(
      "Tuesday, January 4, 2011\n\n"
      "Talks on military pact stall\n\n"
      "By Jane Doe\n\n"
      "The first paragraph of the article is long enough to count as article text.\n\n"
      "The second paragraph, also long enough, ends the article as it was published.\n\n"
      "Posted by kimchi-watcher at 7:42 PM\n"
      "Email This BlogThis! Share to Twitter Share to Facebook Share to Pinterest\n"
      "Labels: defense, Japan\n\n"
      "2 comments:\n\n"
      "Anonymous said...\n"
      "Thanks for posting the whole story. (Yonhap)\n\n"
      "Post a Comment\n\n"
      "Newer Post Older Post Home\n"
      "Subscribe to: Post Comments (Atom)\n");
  EXPECT_EQ(article.title, "Talks on military pact stall");
  EXPECT_EQ(article.published, "2011-01-04");
  EXPECT_EQ(article.body,
            "The first paragraph of the article is long enough to count as article text.\n\n"
            "The second paragraph, also long enough, ends the article as it was published.");
  EXPECT_EQ(article.authors, (std::vector<Author>{MakeAuthor("Jane Doe"),
                                                  MakeAuthor("kimchi-watcher", "", "poster")}));
  EXPECT_EQ(article.source, "") << "a reader's comment is no credit";
  EXPECT_EQ(article.tags, (std::vector<std::string>{"defense", "Japan"}));
  EXPECT_EQ(article.provenance.at("tags"), "text-labels-line");
}

TEST(TextArticleTest, TakesOnlyThePostsOwnLabelsAsTags) {
  const std::string article_text =
      "Talks on military pact stall\n\nBy Jane Doe\n\n"
      "The first paragraph of the article is long enough to count as article text.\n\n";
  // A post's labels, then the sidebar's label widget: only the first line counts.
  EXPECT_EQ(ParseTextArticle(article_text + "Labels: North Korea, , defense, defense\n" +
                             "Labels: Chonan, economy, foot-and-mouth\n")
                .tags,
            (std::vector<std::string>{"North Korea", "defense"}));
  // A cloud of forty labels is no post's label line, though still no article text.
  std::string cloud = "Tags:";
  for (int i = 0; i < 40; ++i) cloud += " t" + std::to_string(i) + ",";
  const Article clouded = ParseTextArticle(article_text + cloud + "\n");
  EXPECT_TRUE(clouded.tags.empty());
  EXPECT_EQ(clouded.body,
            "The first paragraph of the article is long enough to count as article text.");
}

TEST(TextArticleTest, DropsWordPressBoilerplate) {
  const Article article = ParseTextArticle(
      "Talks on military pact stall\n\n"
      "By Jane Doe\n\n"
      "The first paragraph of the article is long enough to count as article text.\n\n"
      "Share this:\nTwitter\nFacebook\n\nLike this:\n\nRelated\n\n"
      "Leave a Reply\n\nYour email address will not be published.\n\n"
      "© 2011 Peninsula Watch\n");
  EXPECT_EQ(article.body,
            "The first paragraph of the article is long enough to count as article text.");
  EXPECT_EQ(article.source, "");
}

TEST(TextArticleTest, TakesTheSourceFromACreditThenTheEmailDomainThenTheByline) {
  const std::string title_and_byline = "Talks on military pact stall\n\nBy Kim Soo-jin\n\n";
  const std::string paragraph =
      "The first paragraph of the article is long enough to count as article text.";
  struct Case {
    std::string text;
    std::string source;
    std::string rule;
  };
  const std::vector<Case> cases = {
      {title_and_byline + paragraph + "\nkim@koreatimes.co.kr\n\nFrom Yonhap News Agency\n",
       "Yonhap", "text-credit-line"},
      {title_and_byline + paragraph + " (Yonhap)\n", "Yonhap", "text-credit-line"},
      {title_and_byline + "SEOUL, Jan. 8 (Yonhap) -- " + paragraph + "\n", "Yonhap",
       "text-credit-line"},
      {title_and_byline + paragraph + "\n\nCopyright The Korea Times. All rights reserved.\n",
       "Korea Times", "text-credit-line"},
      {title_and_byline + paragraph + "\n\nkim@koreatimes.co.kr\n", "Korea Times",
       "text-email-domain"},
      {"Talks stall\n\nBy Kim Soo-jin | Yonhap News Agency\n\n" + paragraph + "\n\n" +
           "kim@koreatimes.co.kr\n",
       "Korea Times", "text-email-domain"},
      {"Talks stall\n\nKim Tong-hyung | Yonhap News Agency\n\n" + paragraph + "\n", "Yonhap",
       "text-byline-source"},
      {"Talks stall\n\nJane Doe | Peninsula Watch\n\n" + paragraph + "\n", "Peninsula Watch",
       "text-byline-source"},
      {title_and_byline + paragraph +
           " The report cited the Korean Central News Agency (KCNA)"
           " and others.\n",
       "", ""},
  };
  for (const Case& c : cases) {
    const Article article = ParseTextArticle(c.text);
    EXPECT_EQ(article.source, c.source) << c.text;
    EXPECT_EQ(article.provenance.count("source") ? article.provenance.at("source") : "", c.rule)
        << c.text;
    EXPECT_THAT(article.body, Not(HasSubstr("From Yonhap"))) << c.text;
    EXPECT_THAT(article.body, Not(HasSubstr("@koreatimes"))) << c.text;
  }
}

TEST(TextArticleTest, JoinsHardWrappedLinesAndKeepsLongLinesApart) {
  const std::string long_line_1 =
      "This paragraph was saved as one long line, the way a browser saves the text of a page, "
      "and it goes on well beyond any width that an e-mail client would wrap at.";
  const std::string long_line_2 =
      "So does this one: a second long line that follows the first without a blank line in "
      "between, which makes it a paragraph of its own rather than part of the first.";
  const Article article = ParseTextArticle(
      "Wrapped text\n\n"
      "This is a paragraph that was wrapped\n"
      "at a fixed width by an e-mail client,\n"
      "as old saved text often is.\n\n" +
      long_line_1 + "\n" + long_line_2 + "\n");
  EXPECT_EQ(article.subtitle, "") << "the first line of a wrapped paragraph is not a deck";
  EXPECT_EQ(Paragraphs(article.body),
            (std::vector<std::string>{"This is a paragraph that was wrapped at a fixed width by "
                                      "an e-mail client, as old saved text often is.",
                                      long_line_1, long_line_2}));
}

TEST(TextArticleTest, AWrappedLineNamingAPublicationIsNoCreditLine) {
  const Article article = ParseTextArticle(
      "Talks to resume\n\n"
      "The two sides will meet again in Seoul next week, according to\n"
      "Yonhap\n");
  EXPECT_EQ(article.body, "The two sides will meet again in Seoul next week, according to Yonhap");
  EXPECT_EQ(article.source, "");
}

TEST(TextArticleTest, ReadsAHeaderWrittenWithoutBlankLines) {
  const std::string first =
      "South Korea is considering signing its first military agreement with Japan by the end "
      "of this year at the earliest, officials said on Tuesday.";
  const std::string second =
      "The talks, which begin next week in Seoul, are expected to focus on intelligence "
      "sharing and the exchange of military supplies.";
  const Article article = ParseTextArticle(
      "Seoul and Tokyo in talks over military pact\n"
      "South Korea is considering its first military agreement with Japan since 1945\n"
      "By Justin McCurry in Tokyo\n"
      "Tue 4 Jan 2011 19.42 GMT\n" +
      first + "\n" + second + "\n");
  EXPECT_EQ(article.title, "Seoul and Tokyo in talks over military pact");
  EXPECT_EQ(article.subtitle,
            "South Korea is considering its first military agreement with Japan since 1945");
  EXPECT_EQ(article.authors, std::vector<Author>{MakeAuthor("Justin McCurry")});
  EXPECT_EQ(article.published, "2011-01-04T19:42Z");
  EXPECT_EQ(Paragraphs(article.body), (std::vector<std::string>{first, second}));
}

TEST(TextArticleTest, ReadsAWireStoryWithItsDatelineCreditAndEndMark) {
  const Article article = ParseTextArticle(
      "N. Korea marks leader's birthday with fireworks\n"
      "2011/01/08 20:15 KST\n\n"
      "SEOUL, Jan. 8 (Yonhap) -- North Korea celebrated the birthday of its heir apparent with "
      "fireworks in Pyongyang on Saturday, state media said.\n\n"
      "The celebrations were low-key compared with those for his father.\n\n"
      "(END)\n");
  EXPECT_EQ(article.title, "N. Korea marks leader's birthday with fireworks");
  EXPECT_EQ(article.published, "2011-01-08T20:15+09:00");
  EXPECT_EQ(article.source, "Yonhap");
  EXPECT_EQ(Paragraphs(article.body).size(), 2u);
  EXPECT_THAT(article.body, Not(HasSubstr("(END)")));
}

TEST(TextArticleTest, ReadsAKoreanBylineAtTheEndOfTheBody) {
  const Article article = ParseTextArticle(
      "서울 첫 한파 특보 발령\n\n"
      "기상청은 15일 서울과 경기 일부 지역에 올겨울 첫 한파특보를 내렸다고 밝혔다.\n\n"
      "시 관계자는 외출할 때 체온을 유지해 달라고 당부했다.\n\n"
      "박지민 기자 jimin@hani.co.kr\n");
  EXPECT_EQ(article.title, "서울 첫 한파 특보 발령");
  EXPECT_EQ(article.authors, std::vector<Author>{MakeAuthor("박지민", "jimin@hani.co.kr")});
  EXPECT_EQ(Paragraphs(article.body).size(), 2u);
  EXPECT_THAT(article.body, Not(HasSubstr("박지민")));
  EXPECT_EQ(article.source, "Hankyoreh");
  EXPECT_EQ(article.language, "ko");
}

TEST(TextArticleTest, WithoutHeaderPartsTheFirstLineIsTheTitle) {
  const std::string paragraph =
      "The first paragraph of the article is long enough to count as article text.";
  const Article plain = ParseTextArticle("Just a title\n\n" + paragraph + "\n");
  EXPECT_EQ(plain.title, "Just a title");
  EXPECT_EQ(plain.body, paragraph);
  EXPECT_EQ(plain.published, "");
  EXPECT_EQ(plain.subtitle, "");
  EXPECT_TRUE(plain.authors.empty());

  // A date inside a headline does not make the headline a date line.
  const Article dated = ParseTextArticle(
      "Korea and Japan to sign a military pact on January 4, 2011 in Seoul\n\n" + paragraph);
  EXPECT_EQ(dated.title, "Korea and Japan to sign a military pact on January 4, 2011 in Seoul");
  EXPECT_EQ(dated.published, "");

  // A text that starts with a long paragraph has no title.
  const std::string long_paragraph =
      "South Korea is considering signing its first military agreement with Japan by the end "
      "of this year at the earliest as part of efforts to boost bilateral military ties, a "
      "senior official at the Ministry of National Defense said Tuesday on condition of "
      "anonymity.";
  const Article untitled = ParseTextArticle(long_paragraph + "\n\n" + paragraph + "\n");
  EXPECT_EQ(untitled.title, "");
  EXPECT_EQ(untitled.body, long_paragraph + "\n\n" + paragraph);
}

TEST(TextArticleTest, ReadsHugeLinesWithoutTrouble) {
  const std::string huge(1 << 20, 'x');
  const Article article =
      ParseTextArticle("Title\n\n" + huge + " " + huge + "@example.com\n\n" + huge + "\n");
  EXPECT_EQ(article.title, "Title");
  EXPECT_EQ(Paragraphs(article.body).size(), 2u);
}

TEST(GuessLanguageTest, NamesOnlyObviousLanguages) {
  EXPECT_EQ(GuessLanguage(SampleBody()), "en");
  EXPECT_EQ(GuessLanguage("서울 아침 영하 17도…올겨울 최강 한파. 기상청은 15일 밝혔다."), "ko");
  EXPECT_EQ(GuessLanguage("菅直人首相は４日、首相官邸で年頭の記者会見を行った。"), "ja");
  EXPECT_EQ(GuessLanguage("中国外交部发言人表示，中日双方同意恢复东海问题谈判。"), "zh");
  EXPECT_EQ(GuessLanguage("Le ministre de la Défense a déclaré mardi que les deux pays "
                          "pourraient signer un accord militaire."),
            "");
  EXPECT_EQ(GuessLanguage("12345 -- 678"), "");
}

// ---- The plugin, loaded by the host -------------------------------------------------------

class TextPluginTest : public testing::BuiltinPluginTest {
 protected:
  TextPluginTest() : BuiltinPluginTest("text") {}

  // Imports files the way `morgue import` does: probed unless `format` is given.
  std::vector<InputReport> Import(Archive& archive, const std::vector<fs::path>& files,
                                  const std::string& format = "") {
    return ImportFiles(archive, files, format);
  }

  std::vector<Article> Articles(Archive& archive) {
    return ::morgue::testing::AllArticles(archive);
  }

  ArchiveStats Stats(Archive& archive) {
    auto stats = archive.Stats();
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? *stats : ArchiveStats();
  }

  int Score(const std::string& plugin, const fs::path& path, std::string_view head) {
    for (const ProbeScore& score : registry_.ProbeAll(ProbeInput{path, head})) {
      if (score.plugin == plugin) {
        return score.score;
      }
    }
    return -1;
  }
};

TEST_F(TextPluginTest, ProbesTextFilesAndLeavesJsonAndHtmlToTheirPlugins) {
  const std::string article = ReadFile(Canonical());
  EXPECT_EQ(Score("text", "a.txt", article), 100);
  EXPECT_EQ(Score("text", "A.TEXT", article), 100);
  EXPECT_EQ(Score("text", "a.txt", ""), 100) << "an empty .txt gets the text plugin's message";
  EXPECT_EQ(Score("text", "a.txt", ReadFile(Variant("cp1252.txt"))), 100);
  EXPECT_EQ(Score("text", "a.txt",
                  std::string("\xFF\xFE"
                              "S\0e\0o\0u\0l\0",
                              12)),
            100);
  EXPECT_EQ(Score("text", "", article), 50);
  EXPECT_EQ(Score("text", "article", article), 50);
  EXPECT_EQ(Score("text", "a.txt", std::string("PK\x03\x04\0\0\x14\0", 8)), 0);
  EXPECT_EQ(Score("text", "a.json", article), 0);
  EXPECT_EQ(Score("text", "a.html", article), 0);

  const std::string json = ReadFile(Sample());
  const std::string html = "<!DOCTYPE html>\n<html><head><title>Seoul</title></head></html>";
  EXPECT_EQ(Score("text", "", json), 0);
  EXPECT_EQ(Score("text", "", html), 0);
  std::string format;
  auto chosen = registry_.ChooseImporter(ProbeInput{"", json}, &format);
  ASSERT_TRUE(chosen.ok()) << chosen.status().ToString();
  EXPECT_EQ(chosen->info().name, "json");
  chosen = registry_.ChooseImporter(ProbeInput{"", article}, &format);
  ASSERT_TRUE(chosen.ok()) << chosen.status().ToString();
  EXPECT_EQ(chosen->info().name, "text");
}

TEST_F(TextPluginTest, ImportsEveryKoreaTimesTextVariantToTheExpectedArticle) {
  for (const fs::path& file : KoreaTimesTextFiles()) {
    SCOPED_TRACE(file.filename().string());
    std::unique_ptr<Archive> archive = NewArchive(file.filename().string() + ".db");
    ASSERT_NE(archive, nullptr);
    const std::vector<InputReport> reports = Import(*archive, {file});
    ASSERT_EQ(reports.size(), 1u);
    ASSERT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
    EXPECT_EQ(reports[0].plugin, "text");
    EXPECT_EQ(reports[0].imported, 1);
    const std::vector<Article> articles = Articles(*archive);
    ASSERT_EQ(articles.size(), 1u);
    EXPECT_EQ(WithoutArchiveFields(articles[0]), ExpectedKoreaTimes());
    EXPECT_THAT(articles[0].body, Not(HasSubstr("\r")));
  }
}

TEST_F(TextPluginTest, AllVariantsAndTheJsonSampleMakeOneArticle) {
  const std::vector<InputReport> reports = Import(*archive_, KoreaTimesTextFiles());
  ASSERT_EQ(reports.size(), 4u);
  EXPECT_EQ(reports[0].imported, 1);
  for (size_t i = 1; i < reports.size(); ++i) {
    EXPECT_TRUE(reports[i].status.ok()) << reports[i].status.ToString();
    EXPECT_EQ(reports[i].duplicates, 1) << reports[i].input;
    EXPECT_EQ(reports[i].article_ids, reports[0].article_ids) << reports[i].input;
  }
  EXPECT_EQ(Articles(*archive_).size(), 1u);
  EXPECT_EQ(Stats(*archive_).documents, 4);

  const std::vector<InputReport> json = Import(*archive_, {Sample()});
  ASSERT_EQ(json.size(), 1u);
  ASSERT_TRUE(json[0].status.ok()) << json[0].status.ToString();
  EXPECT_EQ(json[0].duplicates, 1);
  int korea_times = 0;
  for (const Article& article : Articles(*archive_)) {
    korea_times += article.title == kSeoulTitle ? 1 : 0;
  }
  EXPECT_EQ(korea_times, 1);
}

TEST_F(TextPluginTest, ImportsTheEucKrArticle) {
  const std::vector<InputReport> reports = Import(*archive_, {Hankyoreh()});
  ASSERT_EQ(reports.size(), 1u);
  ASSERT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
  const std::vector<Article> articles = Articles(*archive_);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.title, "서울 아침 영하 17도…올겨울 최강 한파");
  EXPECT_EQ(a.subtitle, "16일 중부지방 한파경보…수도관 동파·빙판길 주의");
  EXPECT_EQ(a.authors, std::vector<Author>{MakeAuthor("박지민", "jimin@hani.co.kr")});
  EXPECT_EQ(a.published, "2011-01-15T10:30");
  EXPECT_EQ(a.language, "ko");
  EXPECT_EQ(a.source, "Hankyoreh");  // the directory's name for 한겨레, from hani.co.kr
  EXPECT_TRUE(a.media.empty());
  const std::vector<std::string> paragraphs = Paragraphs(a.body);
  ASSERT_EQ(paragraphs.size(), 7u);
  EXPECT_TRUE(paragraphs[0].starts_with("주말인 16일 서울의 아침 최저기온이 영하 17도까지"));
  EXPECT_TRUE(paragraphs[0].ends_with("2001년 1월 이후 10년 만이다."));
  EXPECT_TRUE(paragraphs[6].starts_with("이번 추위는 다음주 초반까지 이어지다가"));
  EXPECT_TRUE(paragraphs[6].ends_with("각별히 유의해야 한다”고 말했다."));
  EXPECT_THAT(paragraphs[3], HasSubstr("5~10도가량"));
  for (const char* leftover : {"등록", "박지민", "jimin@", "올겨울 최강 한파"}) {
    EXPECT_THAT(a.body, Not(HasSubstr(leftover)));
  }
}

TEST_F(TextPluginTest, EmptyAndBinaryInputsFailClearlyAndStoreNothing) {
  WriteFile(dir_ / "empty.txt", "");
  WriteFile(dir_ / "blank.txt", "\xEF\xBB\xBF \r\n\t\r\n");
  std::string garbage;
  for (int i = 0; i < 2048; ++i) {
    garbage += static_cast<char>((i * 7919) % 256);
  }
  WriteFile(dir_ / "garbage.txt", garbage);
  std::string controls;
  for (int i = 0; i < 512; ++i) {
    controls += static_cast<char>(1 + i % 31);
    controls += 'a';
  }
  WriteFile(dir_ / "controls.txt", controls);

  std::vector<InputReport> reports = Import(*archive_, {dir_ / "empty.txt", dir_ / "blank.txt"});
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_THAT(reports[0].status.message(), HasSubstr("empty")) << reports[0].status.ToString();
  EXPECT_THAT(reports[1].status.message(), HasSubstr("white space"))
      << reports[1].status.ToString();

  // Probed: no plugin claims binary data.
  reports = Import(*archive_, {dir_ / "garbage.txt", dir_ / "controls.txt"});
  ASSERT_EQ(reports.size(), 2u);
  for (const InputReport& report : reports) {
    EXPECT_FALSE(report.status.ok()) << report.input;
    EXPECT_EQ(report.plugin, "") << report.input;
  }
  // Named: the plugin says why it is not text.
  reports = Import(*archive_, {dir_ / "garbage.txt", dir_ / "controls.txt"}, "text");
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_THAT(reports[0].status.message(), HasSubstr("not a text file: it holds NUL bytes"));
  EXPECT_THAT(reports[1].status.message(), HasSubstr("not a text file: it is full of control"));

  EXPECT_TRUE(Articles(*archive_).empty());
  EXPECT_EQ(Stats(*archive_).documents, 0);
}

// ---- The morgue binary --------------------------------------------------------------------

TEST(TextPluginCliTest, ImportsTheVariantsAsOneArticleWithFourDocuments) {
  TempDir dir;
  const std::string archive = (dir / "a.db").string();
  std::vector<std::string> args = {"--archive", archive, "import", "--create"};
  for (const fs::path& file : KoreaTimesTextFiles()) {
    args.push_back(file.string());
  }
  const testing::CommandResult import = RunMorgue(args);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_THAT(import.err,
              HasSubstr("4 files: 1 article imported, 3 duplicates; 0 files failed, 0 skipped"));

  const testing::CommandResult show = RunMorgue({"--archive", archive, "show", "1", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const Json article = Json::parse(show.out);
  EXPECT_EQ(article["title"], kSeoulTitle);
  EXPECT_EQ(article["subtitle"], "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  EXPECT_EQ(article["authors"], Json::parse(R"([{"name": "Lee Tae-hoon", "email":
                                   "leeth@koreatimes.co.kr", "role": "author"}])"));
  EXPECT_EQ(article["published"], "2011-01-04");
  EXPECT_EQ(article["source"], "Korea Times");
  ASSERT_EQ(article["media"].size(), 1u);
  EXPECT_EQ(article["media"][0]["caption"], ExpectedKoreaTimes().media[0].caption);
  EXPECT_EQ(article["media"][0]["credit"], "Xinhua-Yonhap");
  EXPECT_EQ(article["body"], SampleBody());
  EXPECT_EQ(article["provenance"].value("published", ""), "text-date-line");
  EXPECT_EQ(article["provenance"].value("source", ""), "text-email-domain");

  const testing::CommandResult stats = RunMorgue({"--archive", archive, "stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const Json numbers = Json::parse(stats.out);
  EXPECT_EQ(numbers["articles"], 1);
  EXPECT_EQ(numbers["documents"], 4);
}

TEST(TextPluginCliTest, NamesTheFileAndTheReasonWhenAnInputIsNotText) {
  TempDir dir;
  const std::string archive = (dir / "a.db").string();
  WriteFile(dir / "empty.txt", "");
  const testing::CommandResult result =
      RunMorgue({"--archive", archive, "import", "--create", (dir / "empty.txt").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr((dir / "empty.txt").string() + ": text: "));
  EXPECT_THAT(result.err, HasSubstr("empty"));
  EXPECT_THAT(result.err,
              HasSubstr("1 file: 0 articles imported, 0 duplicates; 1 file failed, 0 skipped"));
}

}  // namespace
}  // namespace morgue
