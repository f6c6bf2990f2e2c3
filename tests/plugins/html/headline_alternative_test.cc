// The whole headline when the page shows it cut: JSON-LD's alternativeHeadline that goes
// on with words where the chosen headline stops ("Ten tips" of "Ten tips for a light
// feast") is the headline, both when the h1 agrees with the metadata and when the page's
// address spells the h1. An alternative that says something else, or that goes on after a
// separator (" | Site"), is not. One invented page per row, in the languages pages use;
// then the same through the html plugin, loaded as the host loads it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"
#include "plugins/html/title.h"
#include "support/test_support.h"

namespace morgue::html_plugin {
namespace {

struct AlternativeCase {
  const char* name;
  const char* headline;     // JSON-LD headline
  const char* alternative;  // JSON-LD alternativeHeadline
  const char* canonical;    // the page's address
  const char* h1;
  const char* title;
  const char* rule;
};

std::string Page(const AlternativeCase& c) {
  return std::string("<!DOCTYPE html><html><head><meta charset='utf-8'>") +
         "<link rel='canonical' href='" + c.canonical + "'>" +
         "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"" +
         c.headline + "\",\"alternativeHeadline\":\"" + c.alternative +
         "\"}</script></head><body><article><h1>" + c.h1 +
         "</h1><p>Text of the article.</p></article></body></html>";
}

constexpr AlternativeCase kCases[] = {
    // The h1 agrees with the JSON-LD headline; the alternative is the whole of it.
    {"agreed_de", "Zehn Tipps gegen den Winterspeck",
     "Zehn Tipps gegen den Winterspeck an den Feiertagen", "https://example.org/gesund/winter",
     "Zehn Tipps gegen den Winterspeck", "Zehn Tipps gegen den Winterspeck an den Feiertagen",
     "json-ld-alternative"},
    {"agreed_en", "Five ways to keep your garden green",
     "Five ways to keep your garden green through a dry summer", "https://example.org/garden/dry",
     "Five ways to keep your garden green",
     "Five ways to keep your garden green through a dry summer", "json-ld-alternative"},
    {"agreed_fr", "Trois idées pour un week-end à Lyon",
     "Trois idées pour un week-end à Lyon sans voiture", "https://example.org/voyage/lyon",
     "Trois idées pour un week-end à Lyon", "Trois idées pour un week-end à Lyon sans voiture",
     "json-ld-alternative"},
    {"agreed_es", "Cinco rutas para caminar en otoño",
     "Cinco rutas para caminar en otoño cerca de la ciudad", "https://example.org/rutas/otono",
     "Cinco rutas para caminar en otoño", "Cinco rutas para caminar en otoño cerca de la ciudad",
     "json-ld-alternative"},
    // The JSON-LD headline is another one; the address spells the h1.
    {"spelled_de", "Abnehmen im Advent", "Gesund durch die Festtage: acht Tipps für den Dezember",
     "https://example.org/ratgeber/gesund-durch-die-festtage-acht-tipps",
     "Gesund durch die Festtage: acht Tipps",
     "Gesund durch die Festtage: acht Tipps für den Dezember", "json-ld-alternative"},
    // An alternative that says something else is a deck: the h1 stays.
    {"other_sentence_en", "Five ways to keep your garden green",
     "Our gardening editor on watering, mulch and shade", "https://example.org/garden/dry",
     "Five ways to keep your garden green", "Five ways to keep your garden green", "h1+json-ld"},
    // One that goes on after a separator names a section or the site: the h1 stays.
    {"after_a_separator_de", "Zehn Tipps gegen den Winterspeck",
     "Zehn Tipps gegen den Winterspeck | Ratgeber Gesundheit", "https://example.org/gesund/winter",
     "Zehn Tipps gegen den Winterspeck", "Zehn Tipps gegen den Winterspeck", "h1+json-ld"},
    // One that only repeats the headline changes nothing.
    {"the_same_fr", "Trois idées pour un week-end à Lyon", "Trois idées pour un week-end à Lyon",
     "https://example.org/voyage/lyon", "Trois idées pour un week-end à Lyon",
     "Trois idées pour un week-end à Lyon", "h1+json-ld"},
};

class HeadlineAlternativeTest : public ::testing::TestWithParam<AlternativeCase> {};

TEST_P(HeadlineAlternativeTest, ChoosesTheWholeHeadline) {
  const AlternativeCase& c = GetParam();
  Result<Document> document = Document::Parse(Page(c));
  ASSERT_TRUE(document.ok());
  const TitleChoice choice = ChooseTitle(ExtractMetadata(document->root()));
  EXPECT_EQ(choice.value, c.title);
  EXPECT_EQ(choice.rule, c.rule);
}

INSTANTIATE_TEST_SUITE_P(Rows, HeadlineAlternativeTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace morgue::html_plugin

namespace morgue {
namespace {

class HeadlineAlternativePluginTest : public testing::BuiltinPluginTest {
 protected:
  HeadlineAlternativePluginTest() : BuiltinPluginTest("html") {}
};

TEST_F(HeadlineAlternativePluginTest, TheWholeHeadlineAndNoDeckRepeatingIt) {
  const std::string page =
      "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
      "<title>Zehn Tipps gegen den Winterspeck | Der Lokalbote</title>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Zehn Tipps gegen den Winterspeck\","
      "\"alternativeHeadline\":\"Zehn Tipps gegen den Winterspeck an den Feiertagen\"}"
      "</script></head><body><article><h1>Zehn Tipps gegen den Winterspeck</h1>"
      "<p>Plätzchen, Braten und Glühwein: Zwischen den Jahren kommt schnell ein Kilo dazu. "
      "Mit ein paar einfachen Regeln lässt sich das vermeiden, ohne auf etwas zu verzichten.</p>"
      "<p>Wer zwischen den Festessen spazieren geht und genug Wasser trinkt, hat schon viel "
      "gewonnen, sagt die Ernährungsberaterin der Verbraucherzentrale.</p></article>"
      "</body></html>";
  const Article article = ImportPageAlone(page);
  EXPECT_EQ(article.title, "Zehn Tipps gegen den Winterspeck an den Feiertagen");
  EXPECT_EQ(article.provenance.at("title"), "json-ld-alternative");
  // The alternative became the headline: it is not repeated as the subtitle.
  EXPECT_EQ(article.subtitle, "");
}

}  // namespace
}  // namespace morgue
