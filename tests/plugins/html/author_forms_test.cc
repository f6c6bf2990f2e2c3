// Where else a page names its authors, through the html plugin as the host loads it: a
// byline line under the headline that the metadata contradicts, a byline copy hidden for
// search engines, a JSON-LD WebPage's author, a byline among the first blocks of a page
// without an <h1>, a news agency's byline, an organisation in the metadata against the
// text's byline, and the end of the article (a label line with the names after it, a
// plural label, an emphasised signature). One small hand-written page per row.

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

struct FormRow {
  const char* what;
  const char* head;      // inside <head>, after the <title>
  const char* headline;  // the headline element
  const char* lead;      // between the headline and the text
  const char* closing;   // after the text, inside <article>
  std::vector<std::string> names;
  const char* rule;  // provenance of "authors"; "" when there are none
};

constexpr char kH1[] = "<h1>Neue Radwege für die Innenstadt</h1>";
// A page that sets its headline in a styled <div>, as many small sites' templates do.
constexpr char kDivHeadline[] = "<div class=\"titel\">Neue Radwege für die Innenstadt</div>";

std::string Page(const FormRow& row) {
  return std::string("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">") +
         "<title>Neue Radwege für die Innenstadt | Der Tagesbote</title>" +
         "<meta property=\"og:site_name\" content=\"Der Tagesbote\">" + row.head +
         "</head><body><header><nav><a href=\"/\">Startseite</a></nav></header>" +
         "<main><article>" + row.headline + row.lead +
         "<p>Die Stadt will bis zum Sommer drei neue Radwege durch die Innenstadt bauen. Der "
         "Gemeinderat hat am Dienstagabend mit großer Mehrheit zugestimmt, nachdem die "
         "Verwaltung die Pläne noch einmal überarbeitet hatte.</p>"
         "<p>Besonders umstritten war die Strecke entlang der Hauptstraße, wo künftig eine "
         "Fahrspur für Autos wegfallen soll. Händler hatten befürchtet, dass weniger Kunden "
         "in die Geschäfte kommen, wenn Parkplätze verschwinden.</p>"
         "<p>Die Bauarbeiten sollen im März beginnen und abschnittsweise erfolgen, damit der "
         "Verkehr in der Innenstadt nicht vollständig zum Erliegen kommt. Die Kosten schätzt "
         "die Stadt auf rund 2,4 Millionen Euro.</p>" +
         row.closing + "</article></main><footer>© Der Tagesbote</footer></body></html>";
}

class HtmlAuthorFormsTest : public testing::BuiltinPluginTest {
 protected:
  HtmlAuthorFormsTest() : BuiltinPluginTest("html") {}

  Article ImportPage(const std::string& name, const std::string& html) {
    return ImportPageAlone(html, name + ".html");
  }
};

TEST_F(HtmlAuthorFormsTest, FindsTheAuthorsWhereThePageNamesThem) {
  const std::vector<FormRow> rows = {
      {"the byline under the headline beats another person in the metadata",
       "<meta name=\"author\" content=\"Karin Ostwald\">",
       kH1,
       "<p>Von Jonas Reuter</p>",
       "",
       {"Jonas Reuter"},
       "header-byline"},
      {"a byline copy hidden for search engines does not vouch for the metadata",
       "<meta name=\"author\" content=\"Karin Ostwald\">",
       kH1,
       "<span class=\"vcard rich-snippet-hidden\"><span class=\"fn\"><a rel=\"author\" "
       "href=\"/autor/karin-ostwald\">Karin Ostwald</a></span></span><p>Von Jonas Reuter</p>",
       "",
       {"Jonas Reuter"},
       "header-byline"},
      {"a byline element the reader sees, agreeing with the metadata, keeps it",
       "<meta name=\"author\" content=\"Karin Ostwald\">",
       kH1,
       "<div class=\"author\"><a rel=\"author\" href=\"/autor/karin-ostwald\">Karin "
       "Ostwald</a></div><p>Von Jonas Reuter</p>",
       "",
       {"Karin Ostwald"},
       "author"},
      {"dashes before the byline and soft hyphens inside the name",
       "",
       kH1,
       "<div>\u2014 Von Ma&shy;thi&shy;as Kern&shy;berg</div>",
       "",
       {"Mathias Kernberg"},
       "header-byline"},
      {"a JSON-LD WebPage's author when no article object names one",
       R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"x",
          "author":{"@id":"#writer"}},{"@type":"Person","@id":"#writer",
          "name":"Nora Whitfield"}]}</script>)",
       kH1,
       "",
       "",
       {"Nora Whitfield"},
       "json-ld-page"},
      {"a WebPage's author that is a login names no one",
       R"(<script type="application/ld+json">{"@type":"WebPage","name":"x",
          "author":{"@type":"Person","name":"npohl"}}</script>)",
       kH1,
       "",
       "",
       {},
       ""},
      {"a byline among the first blocks of a page without an h1",
       "",
       kDivHeadline,
       "<p>Was die Pläne für Pendler bedeuten, die jeden Tag mit dem Rad zur Arbeit fahren, "
       "und wo es noch hakt.</p><p><i>von Daniela Sommerfeld</i></p>",
       "",
       {"Daniela Sommerfeld"},
       "body-lead-byline"},
      {"an organisation with a legal form in the metadata yields to the text's byline",
       "<meta name=\"author\" content=\"Verein Radfahren Beispielstadt e.V.\">",
       kDivHeadline,
       "<h3>Ein Überblick</h3><p>Von Leonie Hartmann</p>",
       "",
       {"Leonie Hartmann"},
       "in-body-byline"},
      {"a news agency's byline names the agency",
       "",
       kDivHeadline,
       "<p>Par AFP</p>",
       "",
       {"AFP"},
       "body-lead-byline"},
      {"a closing label line with the name on the next line",
       "",
       kDivHeadline,
       "",
       "<p><b>Von:</b></p><p>Ilse Wegner</p>",
       {"Ilse Wegner"},
       "body-end-byline"},
      {"a closing plural label without its colon",
       "",
       kDivHeadline,
       "",
       "<p>Autoren Jana Beispiel und Tom Muster</p>",
       {"Jana Beispiel", "Tom Muster"},
       "body-end-byline"},
      {"an emphasised name closing the article signs it",
       "",
       kDivHeadline,
       "",
       "<p><strong>Marina Feldhaus</strong></p>",
       {"Marina Feldhaus"},
       "body-end-signature"},
      {"an emphasised closing line that is no name signs nothing",
       "",
       kDivHeadline,
       "",
       "<p><strong>Mehr zum Thema</strong></p>",
       {},
       ""},
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    const FormRow& row = rows[i];
    const Article article = ImportPage("row" + std::to_string(i), Page(row));
    EXPECT_EQ(testing::AuthorNames(article), row.names) << row.what;
    EXPECT_EQ(testing::RuleOf(article, "authors"), row.rule) << row.what;
  }
}

}  // namespace
}  // namespace morgue
