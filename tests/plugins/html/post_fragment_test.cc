// A post's HTML alone, as a feed or a blog's export gives it to the html plugin: no
// <title>, no page around it. The seed post's body from the saved Blogger page opens
// with the headline repeated in bold, then the photo, the deck and the byline: the deck
// must still be the deck, and the headline must leave the text.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;

// The post body of the saved Blogger page, as Blogger stores the post.
std::string SeedPostHtml() {
  const std::string page =
      ReadFile(FixturesDir() / "articles" / "korea-times-2011-01-04.blogger.html");
  const std::string open =
      "<div class='post-body entry-content' id='post-body-4825937157034785536'>\n";
  const size_t start = page.find(open);
  const size_t end = page.find("\n<div style='clear: both;'></div>", start);
  EXPECT_NE(start, std::string::npos);
  EXPECT_NE(end, std::string::npos);
  return page.substr(start + open.size(), end - start - open.size());
}

std::string SampleBody() {
  const std::string text = ReadFile(FixturesDir() / "sample-articles.jsonl");
  return nlohmann::json::parse(text.substr(0, text.find('\n')))["body"].get<std::string>();
}

class PostFragmentTest : public testing::BuiltinPluginTest {
 protected:
  PostFragmentTest() : BuiltinPluginTest("html") {}
};

TEST_F(PostFragmentTest, TheHeadlineRepeatedAboveTheDeckIsNotTheDeck) {
  const std::string post = SeedPostHtml();
  ASSERT_EQ(post.find("<title"), std::string::npos);
  Article article = ImportPageAlone(post, "post.html");
  EXPECT_EQ(article.subtitle, "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  EXPECT_EQ(article.provenance["subtitle"], "in-body-deck");
  EXPECT_EQ(article.body, SampleBody());
  ASSERT_FALSE(article.authors.empty());
  EXPECT_EQ(article.authors[0], (Author{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"}));
  EXPECT_EQ(article.source, "Korea Times");
  ASSERT_EQ(article.media.size(), 1u);
  EXPECT_EQ(article.media[0].credit, "Xinhua-Yonhap");
}

}  // namespace
}  // namespace morgue
