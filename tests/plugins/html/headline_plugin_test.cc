// The headline rules through the html plugin, loaded as the host loads it: a saved page
// whose <title> was written for search results and whose h1 is set in capitals.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::WriteFile;

constexpr char kText[] =
    "<p>Der Gesangverein wurde vor hundert Jahren von zwölf Sängern gegründet, die sich "
    "jeden Donnerstag im Gasthaus am Markt zur Probe trafen.</p>"
    "<p>Nach dem Krieg kamen die ersten Sängerinnen dazu, und der Chor gab seine Konzerte "
    "bald in der Stadtkirche und auf den Festen der Nachbarorte.</p>";

class HeadlinePluginTest : public testing::BuiltinPluginTest {
 protected:
  HeadlinePluginTest() : BuiltinPluginTest("html") {}

  Article ImportPage(const std::string& head, const std::string& body) {
    return ImportPageAlone("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>" + head +
                           "</head><body>" + body + "</body></html>");
  }
};

TEST_F(HeadlinePluginTest, OneH1OverASearchResultTitle) {
  const Article article =
      ImportPage("<title>Geschichte - Gesangverein Lindenau</title>",
                 std::string("<article><h1>Vereinsgeschichte</h1>") + kText + "</article>");
  EXPECT_EQ(article.title, "Vereinsgeschichte");
  EXPECT_EQ(article.provenance.at("title"), "h1");
}

TEST_F(HeadlinePluginTest, H1InCapitalsKeepsItsLetters) {
  const Article article = ImportPage(
      "<meta property='og:title' content='Hundert Jahre Männerchor am Mühlbach'>",
      std::string("<article><h1>HUNDERT JAHRE MÄNNERCHOR AM MÜHLBACH</h1>") + kText + "</article>");
  EXPECT_EQ(article.title, "HUNDERT JAHRE MÄNNERCHOR AM MÜHLBACH");
  EXPECT_EQ(article.provenance.at("title"), "h1+og:title");
}

TEST_F(HeadlinePluginTest, FirstHeadingWhenTheTitleOnlyNamesTheSite) {
  const Article article =
      ImportPage("<title>Gesangverein Lindenau -</title>",
                 std::string("<article><h2>Konzerte im Sommer</h2>") + kText + "</article>");
  EXPECT_EQ(article.title, "Konzerte im Sommer");
  EXPECT_EQ(article.provenance.at("title"), "heading");
}

}  // namespace
}  // namespace morgue
