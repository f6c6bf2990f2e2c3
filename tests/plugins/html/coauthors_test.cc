// Co-authors the metadata leaves out: when the most trusted source names only the first
// of several writers, and two other sources of different kinds (the author tag and the
// visible byline) both name them all, the html plugin (loaded as the host loads it) takes
// the whole list. One source alone listing more names is not enough: a byline element
// may have taken in the company or a person the article is about. One invented page per
// row, in the languages pages use.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::WriteFile;

struct CoauthorRow {
  const char* what;
  const char* lang;
  const char* first;      // the one writer JSON-LD names
  const char* meta;       // <meta name="author">, or ""
  const char* byline;     // the visible byline element's text, or ""
  const char* paragraph;  // the article's text
  std::vector<std::string> names;
  const char* rule;  // provenance of "authors"
};

std::string Page(const CoauthorRow& row) {
  std::string head = std::string("<!DOCTYPE html><html lang=\"") + row.lang +
                     "\"><head><meta charset=\"utf-8\"><title>Headline | Example Courier</title>"
                     "<meta property=\"og:site_name\" content=\"Example Courier\">"
                     "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                     "\"headline\":\"Headline\",\"author\":{\"@type\":\"Person\",\"name\":\"" +
                     row.first + "\"}}</script>";
  if (*row.meta != '\0') head += std::string("<meta name=\"author\" content=\"") + row.meta + "\">";
  std::string body = "<main><article><h1>Headline</h1>";
  if (*row.byline != '\0') body += std::string("<p class=\"byline\">") + row.byline + "</p>";
  for (int i = 0; i < 3; ++i) body += std::string("<p>") + row.paragraph + "</p>";
  return head + "</head><body>" + body + "</article></main></body></html>";
}

class HtmlCoauthorsTest : public testing::BuiltinPluginTest {
 protected:
  HtmlCoauthorsTest() : BuiltinPluginTest("html") {}

  Article ImportPage(const std::string& name, const std::string& html) {
    return ImportPageAlone(html, name + ".html");
  }
};

constexpr const char* kGerman =
    "Die Gemeinde will bis zum Herbst einen neuen Spielplatz am Ufer des Sees bauen. Der "
    "Rat hat am Montag zugestimmt, nachdem die Pläne noch einmal überarbeitet worden waren.";
constexpr const char* kEnglish =
    "The council voted on Monday to rebuild the old footbridge over the river before the "
    "winter, after a year of closures that forced walkers onto the busy main road.";
constexpr const char* kFrench =
    "La commune a voté lundi la rénovation de la vieille passerelle au-dessus de la rivière "
    "avant l'hiver, après une année de fermetures qui obligeait les piétons à faire un détour.";
constexpr const char* kSpanish =
    "El ayuntamiento aprobó el lunes la reforma del viejo puente peatonal sobre el río antes "
    "del invierno, tras un año de cierres que obligaban a los vecinos a dar un gran rodeo.";

TEST_F(HtmlCoauthorsTest, TakesTheWholeListWhenTwoOtherSourcesAgreeOnIt) {
  const std::vector<CoauthorRow> rows = {
      {"German: the author tag and the byline name both writers",
       "de",
       "Lena Vogt",
       "Lena Vogt, Jonas Reuter",
       "Von Lena Vogt und Jonas Reuter",
       kGerman,
       {"Lena Vogt", "Jonas Reuter"},
       "author"},
      {"English: the author tag and the byline name both writers",
       "en",
       "Mary Example",
       "Mary Example, Tom Sample",
       "By Mary Example and Tom Sample",
       kEnglish,
       {"Mary Example", "Tom Sample"},
       "author"},
      {"French: three writers",
       "fr",
       "Claire Exemple",
       "Claire Exemple, Hugo Modèle, Inès Témoin",
       "Par Claire Exemple, Hugo Modèle et Inès Témoin",
       kFrench,
       {"Claire Exemple", "Hugo Modèle", "Inès Témoin"},
       "author"},
      {"Spanish: the writers in another order",
       "es",
       "Lucía Ejemplo",
       "Mateo Muestra, Lucía Ejemplo",
       "Por Lucía Ejemplo y Mateo Muestra",
       kSpanish,
       {"Mateo Muestra", "Lucía Ejemplo"},
       "author"},
      // One source alone listing more: the JSON-LD writer stays.
      // (The byline element and the line after the headline are one line read twice.)
      {"German: only the byline names a second person",
       "de",
       "Lena Vogt",
       "",
       "Von Lena Vogt und Jonas Reuter",
       kGerman,
       {"Lena Vogt"},
       "json-ld"},
      {"English: only the author tag names a second person",
       "en",
       "Mary Example",
       "Mary Example, Tom Sample",
       "",
       kEnglish,
       {"Mary Example"},
       "json-ld"},
      // They agree with the JSON-LD writer and name no one more: nothing changes.
      {"Spanish: everyone names the one writer",
       "es",
       "Lucía Ejemplo",
       "Lucía Ejemplo",
       "Por Lucía Ejemplo",
       kSpanish,
       {"Lucía Ejemplo"},
       "json-ld"},
  };
  int page = 0;
  for (const CoauthorRow& row : rows) {
    const Article article = ImportPage("page" + std::to_string(++page), Page(row));
    EXPECT_EQ(testing::AuthorNames(article), row.names) << row.what;
    EXPECT_EQ(testing::RuleOf(article, "authors"), row.rule) << row.what;
  }
}

}  // namespace
}  // namespace morgue
