// Hostile page shapes through the html plugin, loaded as the host loads it: tens of
// thousands of sibling paragraphs, links, dated or bylined teasers, link lists and
// interface lines, and markup nested as deep as the parser allows. Each page is built
// here and must import with the article's title and text intact. The tests check what
// is extracted, not how long it takes: a rule that turns quadratic again makes the
// import overrun its time limit (a minute by default, then the import fails), or the
// ctest time limit set for these tests (tests/plugins/html/CMakeLists.txt).

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

constexpr int kMany = 50'000;
constexpr char kHeadline[] = "Harbour bridge to be rebuilt";
// Ten words each.
constexpr char kSentence[] = "The council voted to rebuild the old harbour bridge today.";
constexpr size_t kSentenceWords = 10;
// Three paragraphs of article text, each long enough to be prose.
constexpr const char* kProseParagraphs[] = {
    "The city council voted on Tuesday to rebuild the old harbour bridge, which has been "
    "closed to traffic since the storm last winter damaged two of its pillars.",
    "Work is to begin in the spring and take about eighteen months, the mayor said, and a "
    "ferry will carry pedestrians and cyclists across the river in the meantime.",
    "The engineers expect the new bridge to carry twice the traffic of the old one, with a "
    "separate lane for bicycles and a wider path for people on foot."};

size_t Words(const std::string& text) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string Prose() {
  std::string html;
  for (const char* paragraph : kProseParagraphs) html += std::string("<p>") + paragraph + "</p>\n";
  return html;
}

size_t ProseWords() {
  size_t words = 0;
  for (const char* paragraph : kProseParagraphs) words += Words(paragraph);
  return words;
}

std::string Repeat(const std::string& piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

// A page around `body_html`, titled with the headline.
std::string Page(const std::string& body_html) {
  return std::string("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>") +
         kHeadline + "</title></head><body>" + body_html + "</body></html>";
}

std::string Article(const std::string& inside) {
  return std::string("<article><h1>") + kHeadline + "</h1>" + inside + "</article>";
}

class HostilePagesTest : public testing::BuiltinPluginTest {
 protected:
  HostilePagesTest() : BuiltinPluginTest("html") {}

  morgue::Article ImportPage(const std::string& name, const std::string& html) {
    return ImportPageAlone(html, name + ".html");
  }
};

TEST_F(HostilePagesTest, FiftyThousandSiblingParagraphsAreAllTheBody) {
  const morgue::Article article = ImportPage(
      "paragraphs", Page(Article(Repeat(std::string("<p>") + kSentence + "</p>\n", kMany))));
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(Words(article.body), kSentenceWords * kMany);
}

TEST_F(HostilePagesTest, FiftyThousandSiblingLinksInASidebarAreNotTheBody) {
  const morgue::Article article = ImportPage(
      "links", Page(Article(Prose()) + "<div class=\"sidebar\">" +
                    Repeat("<a href=\"/archive/story\">Another story</a>\n", kMany) + "</div>"));
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(Words(article.body), ProseWords());
}

// Teasers with an empty date, byline, deck and heading each: every one of them is
// looked at, and each is inside a box named as the page's furniture.
TEST_F(HostilePagesTest, FiftyThousandEmptyTeasersInAFurnitureBoxAreNotTheArticle) {
  const std::string teaser =
      "<li><a href=\"/archive/story\">Another story</a><span class=\"date\"></span>"
      "<span class=\"author\"></span><span class=\"subtitle\"></span>"
      "<time datetime=\"\"></time><h2></h2></li>\n";
  const morgue::Article article =
      ImportPage("teasers", Page(Article(Prose()) + "<div class=\"sidebar\"><ul>" +
                                 Repeat(teaser, kMany) + "</ul></div>"));
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(Words(article.body), ProseWords());
  EXPECT_TRUE(article.authors.empty());
}

// Headlines of other articles above the article, in a "most read" box, on a page without
// a <title> (so that no metadata names the headline), and the machine-readable dates of
// the comments inside the article: the article's text stays whole and none of the dates
// is its.
TEST_F(HostilePagesTest, FiftyThousandHeadlinesInAMostReadBoxAndDatedComments) {
  const morgue::Article article = ImportPage(
      "headlines",
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body>"
      "<div class=\"most-read\">" +
          Repeat("<h1><a href=\"/archive/story\">Another story</a></h1>\n", kMany) +
          "</div><article><h1>" + kHeadline + "</h1>" + Prose() + "<div class=\"comments\">" +
          Repeat("<p><time datetime=\"2011-01-04\"></time></p>\n", kMany) +
          "</div></article></body></html>");
  // No <title> says which <h1> is the headline: the body may open with it or not.
  for (const char* paragraph : kProseParagraphs) {
    EXPECT_NE(article.body.find(paragraph), std::string::npos) << paragraph;
  }
  EXPECT_EQ(article.body.find("Another story"), std::string::npos);
  EXPECT_TRUE(article.published.empty()) << article.published;
}

// Pairs of a lead-in line and a list of links after the article's text: each list is
// what it looks like, a pointer elsewhere, but the article's text stays.
TEST_F(HostilePagesTest, TwentyThousandLinkListsAfterTheArticle) {
  const std::string list =
      "<p>Read more:</p><ul><li><a href=\"/archive/story\">Another story</a></li></ul>\n";
  const morgue::Article article =
      ImportPage("lists", Page(Article(Prose() + Repeat(list, 20'000))));
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(article.body.find("Another story"), std::string::npos);
  EXPECT_NE(article.body.find("harbour bridge"), std::string::npos);
}

// A blog's interface strings, one a line, closing the post: all of them leave the text.
TEST_F(HostilePagesTest, FiftyThousandInterfaceLinesCloseTheBody) {
  const morgue::Article article = ImportPage(
      "interface",
      Page(Article(Prose() + std::string("<p>") + Repeat("\xEA\xB3\xB5\xEA\xB0\x90<br>", kMany) +
                   "\xEA\xB3\xB5\xEA\xB0\x90</p>")));  // "공감" ("like"), a Korean blog's button
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(Words(article.body), ProseWords());
}

// The article 250 elements deep, the most the parser allows, among 250-deep sidebars.
TEST_F(HostilePagesTest, TwoHundredFiftyLevelsDeepWithManyParagraphs) {
  constexpr int kDepth = 240;
  const std::string open = Repeat("<div class=\"wrap\">", kDepth);
  const std::string close = Repeat("</div>", kDepth);
  const morgue::Article article = ImportPage(
      "deep",
      Page(open + Article(Repeat(std::string("<p>") + kSentence + "</p>\n", 20'000)) + close +
           Repeat("<div class=\"sidebar\">" + open +
                      "<span class=\"date\"></span><time datetime=\"\"></time>" + close + "</div>",
                  200)));
  EXPECT_EQ(article.title, kHeadline);
  EXPECT_EQ(Words(article.body), kSentenceWords * 20'000);
}

// Binary data told from a page, in pages of every script: text of any script with a stray
// control character is a page; the same text with a control character in every few dozen
// characters, or a NUL in every few hundred bytes, is binary data.
TEST_F(HostilePagesTest, BinaryDataIsToldFromPagesInEveryScript) {
  const struct {
    const char* words;  // a short line in one script, repeated to fill the page
  } scripts[] = {
      {"Der Stadtrat hat am Dienstag beschlossen, die alte Hafenbr\xC3\xBC"
       "cke neu zu bauen. "},
      {"\xCE\xA4\xCE\xBF \xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x84\xCE\xB9\xCE\xBA\xCF\x8C "
       "\xCF\x83\xCF\x85\xCE\xBC\xCE\xB2\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xB9\xCE\xBF. "},
      {"\xEC\x8B\x9C\xEC\x9D\x98\xED\x9A\x8C\xEB\x8A\x94 \xED\x99\x94\xEC\x9A\x94\xEC\x9D\xBC "
       "\xEB\x8B\xA4\xEB\xA6\xAC\xEB\xA5\xBC \xEB\x8B\xA4\xEC\x8B\x9C "
       "\xEC\xA7\x93\xEA\xB8\xB0\xEB\xA1\x9C "
       "\xED\x96\x88\xEB\x8B\xA4. "},
  };
  int page = 0;
  for (const auto& script : scripts) {
    const std::string text = Repeat(script.words, 200);
    const auto import = [&](const std::string& body) {
      const std::filesystem::path file = dir_ / ("script" + std::to_string(++page) + ".html");
      WriteFile(file, Page(Article("<p>" + body + "</p>")));
      std::vector<InputReport> reports = ImportFiles(*archive_, {file});
      return reports.size() == 1 ? reports[0].status : Status::Corruption("no report");
    };
    std::string stray = text;
    stray.insert(stray.size() / 2, "\x01");
    EXPECT_TRUE(import(stray).ok()) << script.words;
    std::string controls;
    for (size_t at = 0; at < text.size(); at += 30) controls += text.substr(at, 30) + "\x02";
    const Status control_status = import(controls);
    EXPECT_NE(control_status.ToString().find("full of control characters"), std::string::npos)
        << script.words << ": " << control_status.ToString();
    std::string nuls;
    for (size_t at = 0; at < text.size(); at += 300) nuls += text.substr(at, 300) + '\0';
    const Status nul_status = import(nuls);
    EXPECT_NE(nul_status.ToString().find("NUL bytes"), std::string::npos)
        << script.words << ": " << nul_status.ToString();
  }
}

}  // namespace
}  // namespace morgue
