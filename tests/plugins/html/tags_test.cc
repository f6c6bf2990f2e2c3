// Tags from pages through the html plugin, loaded as the host loads it: what the page
// declares as its keywords and labels, decoded and split, without the machine tokens that
// content systems leave in the same fields; each tag stored as the page's.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using Tags = std::vector<std::string>;

struct PageCase {
  const char* what;
  const char* head;  // inside <head>
  const char* body;  // inside <body>, after the article
  Tags tags;
  const char* rule;
};

// A story long enough to be an article; the cases vary what carries its tags.
constexpr char kStory[] =
    "<article><h1>Harbour reopens after the storm</h1>"
    "<p>The harbour reopened on Monday morning after three days in which the storm kept "
    "every boat tied up, and the first ferries left for the islands shortly after seven.</p>"
    "<p>Fishermen said the damage to the piers was lighter than they had feared, though two "
    "of the older jetties will stay closed until engineers have inspected them.</p>"
    "<p>The port authority expects traffic to be back to normal by the end of the week, "
    "when the repair crews are due to finish work on the main breakwater.</p></article>";

class HtmlTagsTest : public testing::BuiltinPluginTest,
                     public ::testing::WithParamInterface<PageCase> {
 protected:
  HtmlTagsTest() : BuiltinPluginTest("html") {}
};

TEST_P(HtmlTagsTest, PageTagsAreCleaned) {
  const PageCase& page = GetParam();
  const auto file = dir_ / "page.html";
  testing::WriteFile(file, std::string("<!DOCTYPE html><html lang=\"en\"><head><meta "
                                       "charset=\"utf-8\"><title>Harbour reopens</title>") +
                               page.head + "</head><body>" + kStory + page.body + "</body></html>");
  std::vector<InputReport> reports = ImportFiles(*archive_, {file});
  ASSERT_EQ(reports.size(), 1u);
  ASSERT_TRUE(reports[0].status.ok()) << reports[0].status.ToString();
  ASSERT_EQ(reports[0].article_ids.size(), 1u);
  auto article = archive_->Get(reports[0].article_ids[0]);
  ASSERT_TRUE(article.ok());
  // The archive lists tags by name.
  Tags expected = page.tags;
  std::sort(expected.begin(), expected.end(), [](const std::string& a, const std::string& b) {
    std::string x = a, y = b;
    for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : y) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return x < y;
  });
  EXPECT_EQ(article->tags, expected) << page.what;
  for (const std::string& tag : article->tags) {
    EXPECT_EQ(article->tag_origins[tag], "page") << tag;
  }
  if (page.tags.empty()) {
    EXPECT_EQ(article->provenance.count("tags"), 0u) << page.what;
  } else {
    EXPECT_EQ(article->provenance["tags"], page.rule) << page.what;
  }
}

const PageCase kPages[] = {
    {"keywords with an encoded entity",
     R"(<meta name="keywords" content="Ports, Weather &amp;amp; Climate, Ferries">)",
     "",
     {"Ports", "Weather & Climate", "Ferries"},
     "keywords"},
    {"one article:tag holding a whole list",
     R"(<meta property="article:tag" content="Ports,Weather,Ferries">)",
     "",
     {"Ports", "Weather", "Ferries"},
     "article:tag"},
    {"repeated article:tag keeps names with commas",
     R"(<meta property="article:tag" content="Smith, Anna"><meta property="article:tag" content="Ports">)",
     "",
     {"Smith, Anna", "Ports"},
     "article:tag"},
    {"a lone article:tag with a comma and a space is one tag",
     R"(<meta property="article:tag" content="Washington, D.C.">)",
     "",
     {"Washington, D.C."},
     "article:tag"},
    {"JSON-LD keywords as an array of one keeps it whole",
     R"(<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Harbour reopens", "keywords": ["Smith, Anna"]}</script>)",
     "",
     {"Smith, Anna"},
     "json-ld"},
    {"JSON-LD keywords of CMS flags give way to meta keywords",
     R"(<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Harbour reopens", "keywords": ["Lite:true", "Elevated:false",
        "LockedPostSource:LOCKED_POST_SOURCE_NONE"]}</script>
        <meta name="news_keywords" content="harbour, storm">)",
     "",
     {"harbour", "storm"},
     "news_keywords"},
    {"JSON-LD keywords: the tag key's value is kept",
     R"(<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Harbour reopens", "keywords": ["Tag:Shipping", "Tag:Weather", "Lite:true"]}</script>)",
     "",
     {"Shipping", "Weather"},
     "json-ld"},
    {"JSON-LD keywords as one text",
     R"(<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Harbour reopens", "keywords": "Häfen; Unwetter; 2016"}</script>)",
     "",
     {"Häfen", "Unwetter"},
     "json-ld"},
    {"nothing but machine tokens: no tags",
     R"(<meta name="keywords" content="section=news, 2016, d41d8cd98f00b204">)",
     "",
     {},
     ""},
};

INSTANTIATE_TEST_SUITE_P(Pages, HtmlTagsTest, ::testing::ValuesIn(kPages));

}  // namespace
}  // namespace morgue
