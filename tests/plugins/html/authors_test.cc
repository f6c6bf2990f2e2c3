// Which people the html plugin (loaded as the host loads it) names as an article's
// authors, and the rule it names for them: the byline a reader sees beats a CMS account,
// a domain or the site's own name in the metadata; photo, comment and related-article
// credits never count. One small hand-written page per row.

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

struct AuthorRow {
  const char* what;
  const char* head;    // inside <head>, after the <title>
  const char* byline;  // inside <article>, between the headline and the text
  const char* after;   // after </article>: comments, related articles
  std::vector<std::string> names;
  const char* rule;  // provenance of "authors"; "" when there are none
};

// A page in the shape of a regional news site's article, in German.
std::string Page(const AuthorRow& row) {
  return std::string("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">") +
         "<title>Neue Radwege für die Innenstadt | Der Tagesbote</title>" +
         "<meta property=\"og:site_name\" content=\"Der Tagesbote\">" +
         "<link rel=\"canonical\" href=\"https://www.tagesbote-beispiel.de/lokales/radwege\">" +
         row.head + "</head><body><header><nav><a href=\"/\">Startseite</a></nav></header>" +
         "<main><article><h1>Neue Radwege für die Innenstadt</h1>" + row.byline +
         "<p>Die Stadt will bis zum Sommer drei neue Radwege durch die Innenstadt bauen. Der "
         "Gemeinderat hat am Dienstagabend mit großer Mehrheit zugestimmt, nachdem die "
         "Verwaltung die Pläne noch einmal überarbeitet hatte.</p>"
         "<p>Besonders umstritten war die Strecke entlang der Hauptstraße, wo künftig eine "
         "Fahrspur für Autos wegfallen soll. Händler hatten befürchtet, dass weniger Kunden "
         "in die Geschäfte kommen, wenn Parkplätze verschwinden.</p>"
         "<p>Die Bauarbeiten sollen im März beginnen und abschnittsweise erfolgen, damit der "
         "Verkehr in der Innenstadt nicht vollständig zum Erliegen kommt. Die Kosten schätzt "
         "die Stadt auf rund 2,4 Millionen Euro.</p></article>" +
         row.after + "</main><footer>© Der Tagesbote</footer></body></html>";
}

class HtmlAuthorsTest : public testing::BuiltinPluginTest {
 protected:
  HtmlAuthorsTest() : BuiltinPluginTest("html") {}

  // The article imported from `html` into an archive of its own (the rows share a body,
  // which one archive would keep once).
  Article ImportPage(const std::string& name, const std::string& html) {
    return ImportPageAlone(html, name + ".html");
  }
};

using testing::AuthorNames;

TEST_F(HtmlAuthorsTest, NamesThePeopleThePageShowsAndSaysWhereTheyCameFrom) {
  const std::vector<AuthorRow> rows = {
      {"German visible byline; the meta author is a CMS login",
       "<meta name=\"author\" content=\"jkern_redaktion\">",
       "<p class=\"byline\">Von Lena Vogt</p>",
       "",
       {"Lena Vogt"},
       "dom-byline"},
      {"JSON-LD names the admin account; the page shows the writer in a German class",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
          "author":{"@type":"Person","name":"admin"}}</script>)",
       "<div class=\"artikel-autor\">Autor: Ute Berger</div>",
       "",
       {"Ute Berger"},
       "dom-byline"},
      {"JSON-LD gives the site's own name as a person; the page shows two writers",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
          "author":{"@type":"Person","name":"Der Tagesbote"}}</script>)",
       "<div class=\"author\">Von Fiona Brandt und Mariam Hofer</div>",
       "",
       {"Fiona Brandt", "Mariam Hofer"},
       "dom-byline"},
      {"a domain is no one",
       "<meta name=\"author\" content=\"tagesbote-beispiel.de\">",
       "",
       "",
       {},
       ""},
      {"a login-like slug is no one",
       "<meta name=\"author\" content=\"sarah-kern\">",
       "",
       "",
       {},
       ""},
      {"an agency the page names as an organisation stays",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
          "author":{"@type":"Organization","name":"Agentur Südwest"}}</script>)",
       "",
       "",
       {"Agentur Südwest"},
       "json-ld-organization"},
      {"an organisation in JSON-LD yields to the byline the page shows",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
          "author":{"@type":"Organization","name":"Agentur Südwest"}}</script>)",
       "<span class=\"byline\">Von Lena Maier</span>",
       "",
       {"Lena Maier"},
       "dom-byline"},
      {"the engine's 'Verfasst von' preview label",
       "<meta name=\"twitter:label1\" content=\"Verfasst von\">"
       "<meta name=\"twitter:data1\" content=\"Karoline Sommer\">"
       "<meta name=\"twitter:label2\" content=\"Geschätzte Lesezeit\">"
       "<meta name=\"twitter:data2\" content=\"3 Minuten\">",
       "",
       "",
       {"Karoline Sommer"},
       "twitter:data"},
      {"an entity the page escaped twice is decoded",
       "<meta name=\"author\" content=\"Redacci&amp;oacute;n Central\">",
       "",
       "",
       {"Redacción Central"},
       "author"},
      {"a handle next to the name goes",
       R"(<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",
          "author":{"@type":"Person","name":"Williams Pérez @wperez"}}</script>)",
       "",
       "",
       {"Williams Pérez"},
       "json-ld"},
      {"the photographer of an image licence line is not the author",
       "",
       "<figure><img src=\"a.jpg\"><span class=\"license-author\">Nenad Petrović</span>"
       "</figure><p class=\"byline\">Von Jonas Reuter</p>",
       "",
       {"Jonas Reuter"},
       "dom-byline"},
      {"a photo credit in the byline is not an author",
       "",
       "<p class=\"byline\">Text: Swantje Berg, Fotos: Lukas Maier</p>",
       "",
       {"Swantje Berg"},
       "dom-byline"},
      {"a byline line right after the headline that no class names",
       "",
       "<div class=\"intro\"><p><i>von Daniela Ober</i></p></div>",
       "",
       {"Daniela Ober"},
       "header-byline"},
      {"a names field that is the desk named with the domain is no one",
       "<meta itemprop=\"author\" content=\"Tagesbote.de-Redaktion\">",
       "",
       "",
       {},
       ""},
      {"a phrase in lower case is not a name",
       "<meta name=\"author\" content=\"deinen Lokalreportern\">",
       "",
       "",
       {},
       ""},
      {"comment and related-article authors never count",
       "",
       "",
       "<section class=\"comments\"><div class=\"comment-author\">Hans Huber</div><p>Gute "
       "Sache!</p></section><aside class=\"related\"><span class=\"author\">Max Muster</span>"
       "<a href=\"/b\">Mehr Busse für die Vororte</a></aside>",
       {},
       ""},
  };
  int page = 0;
  for (const AuthorRow& row : rows) {
    const Article article = ImportPage("page" + std::to_string(++page), Page(row));
    EXPECT_EQ(AuthorNames(article), row.names) << row.what;
    EXPECT_EQ(testing::RuleOf(article, "authors"), row.rule) << row.what;
  }
}

TEST_F(HtmlAuthorsTest, ABylineClosingTheArticleCounts) {
  AuthorRow row{"", "", "", "", {}, ""};
  std::string page = Page(row);
  const std::string closing = "<p>Autor: Rechtsanwalt Sebastian Ebner</p></article>";
  page.replace(page.find("</article>"), std::string("</article>").size(), closing);
  const Article article = ImportPage("closing", page);
  EXPECT_EQ(AuthorNames(article), std::vector<std::string>{"Sebastian Ebner"});
  EXPECT_EQ(testing::RuleOf(article, "authors"), "body-end-byline");
}

}  // namespace
}  // namespace morgue
