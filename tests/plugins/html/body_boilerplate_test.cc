// The article's body through the real html plugin: all of an article split into wrapped
// blocks is kept with its data tables, and the furniture inside its container (newsletter
// and cookie boxes, "Read more:" lines, headings of removed lists and labels of removed
// link boxes) is not.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

class BodyBoilerplateTest : public testing::BuiltinPluginTest {
 protected:
  BodyBoilerplateTest() : BuiltinPluginTest("html") {}

  // The body of the one article imported from `page`.
  std::string BodyOf(const std::string& page) { return ImportPageAlone(page).body; }
};

std::string Page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Neue Brücke soll im Frühjahr öffnen</title>"
         "</head><body><nav><a href=\"/\">Startseite</a></nav>" +
         body + "</body></html>";
}

// A German paragraph long enough to be scored as article text, led by `lead`.
std::string Paragraph(const std::string& lead) {
  return "<p>" + lead +
         " sagte am Dienstag, die neue Brücke, die seit zehn Jahren geplant ist, werde im "
         "Frühjahr eröffnet, und der Verkehr auf der alten Brücke werde spürbar abnehmen.</p>";
}

TEST_F(BodyBoilerplateTest, ParagraphsEachInTheirOwnWrapperAreAllKept) {
  // Each paragraph sits four wrappers deep: no one wrapper scores enough to take the
  // others in, but several score alike, and their common ancestor is the article.
  std::string article = "<article class=\"node\">";
  for (const char* lead : {"Der Bürgermeister", "Die Stadträtin", "Der Ingenieur", "Die Planerin",
                           "Der Sprecher der Stadt"}) {
    article += "<div class=\"paragraph\"><div><div class=\"paragraph-text\"><div>" +
               Paragraph(lead) + "</div></div></div></div>";
  }
  const std::string body = BodyOf(Page(article + "</article>"));
  for (const char* lead : {"Der Bürgermeister", "Die Stadträtin", "Der Ingenieur", "Die Planerin",
                           "Der Sprecher der Stadt"}) {
    EXPECT_THAT(body, HasSubstr(lead)) << body;
  }
}

// A layout row, its text deep inside wrappers: no one ancestor scores for both.
std::string Section(const std::string& paragraphs) {
  return "<div class=\"layout-row\"><div class=\"wrap\"><div class=\"inner\">"
         "<div class=\"container\"><div class=\"row\"><div class=\"col-side\">"
         "<img src=\"bridge.jpg\"></div><div class=\"col\">" +
         paragraphs + "</div></div></div></div></div></div>";
}

TEST_F(BodyBoilerplateTest, AnArticleSplitIntoSectionsByAnAdIsKeptWhole) {
  const std::string body =
      BodyOf(Page("<div class=\"page\">" +
                  Section(Paragraph("Der Bürgermeister") + Paragraph("Die Stadträtin")) +
                  "<div class=\"banner-row\"><div><a href=\"/ad\">Jetzt Strom vergleichen</a></div>"
                  "</div>" +
                  Section(Paragraph("Der Ingenieur") + Paragraph("Die Planerin") +
                          Paragraph("Der Architekt") + Paragraph("Der Sprecher")) +
                  "</div>"));
  EXPECT_THAT(body, HasSubstr("Der Bürgermeister")) << body;
  EXPECT_THAT(body, HasSubstr("Die Stadträtin"));
  EXPECT_THAT(body, HasSubstr("Der Sprecher"));
  EXPECT_THAT(body, Not(HasSubstr("Strom vergleichen")));
  EXPECT_LT(body.find("Der Bürgermeister"), body.find("Der Ingenieur"));
}

TEST_F(BodyBoilerplateTest, TheLeadSetApartAboveTheTextStarts) {
  const std::string body =
      BodyOf(Page("<article><header><h1>Neue Brücke soll im Frühjahr öffnen</h1>"
                  "<div class=\"article-vorspann\"><p>Nach zehn Jahren Planung ist es so weit: Die "
                  "Stadt gibt den Termin für die Eröffnung bekannt.</p></div></header>"
                  "<div class=\"article-text\">" +
                  Paragraph("Der Bürgermeister") + Paragraph("Die Stadträtin") +
                  Paragraph("Der Ingenieur") + "</div></article>"));
  EXPECT_TRUE(body.starts_with("Nach zehn Jahren Planung")) << body;
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  EXPECT_THAT(body, Not(HasSubstr("Neue Brücke soll")));
}

TEST_F(BodyBoilerplateTest, ALongAuthorBiographyIsNotTheArticle) {
  std::string bio =
      "<div class=\"author-bio\"><p>Jessica Brandt, geboren in Kiel, lebt mit ihrer Familie "
      "in Hamburg, schreibt seit 2009 über Städtebau, Verkehr, Architektur und Wohnen, "
      "war zuvor Redakteurin in Bremen, Hannover und Berlin, liebt alte Brücken, lange "
      "Spaziergänge am Hafen, schwedische Krimis, gutes Essen und Reisen in den Norden, "
      "und sie fährt, wann immer es geht, mit dem Fahrrad zur Arbeit, bei jedem Wetter, "
      "im Sommer wie im Winter, durch die ganze Stadt.</p></div>";
  const std::string body = BodyOf(
      Page("<div class=\"post\"><div class=\"entry\">" + Paragraph("Der Bürgermeister") +
           Paragraph("Die Stadträtin") + Paragraph("Der Ingenieur") + "</div>" + bio + "</div>"));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  EXPECT_THAT(body, Not(HasSubstr("Jessica Brandt"))) << body;
}

TEST_F(BodyBoilerplateTest, NewsletterAndCookieBoxesInsideTheArticleAreDropped) {
  const std::string body =
      BodyOf(Page("<div class=\"article-body\">" + Paragraph("Der Bürgermeister") +
                  "<div class=\"newsletter-teaser\"><p>Bleiben Sie auf dem Laufenden: Unser "
                  "Newsletter bringt Ihnen jeden Freitag die wichtigsten Nachrichten.</p></div>" +
                  Paragraph("Die Stadträtin") +
                  "<div id=\"cookie-hinweis\"><p>Diese Website verwendet Cookies, um Ihnen das "
                  "beste Erlebnis zu bieten, und speichert Ihre Einstellungen.</p></div>" +
                  Paragraph("Der Ingenieur") + "</div>"));
  EXPECT_THAT(body, HasSubstr("Die Stadträtin"));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  EXPECT_THAT(body, Not(HasSubstr("Newsletter")));
  EXPECT_THAT(body, Not(HasSubstr("Cookies")));
}

TEST_F(BodyBoilerplateTest, BoxesNamedForWhatTheyHaveOrForManyEntriesStay) {
  // "has-sharing" says the header has share buttons; a live ticker's many small
  // "comment" entries are the article itself.
  std::string ticker = "<div class=\"article-body\"><div class=\"intro has-sharing\">" +
                       Paragraph("Der Trainer") + "</div>";
  for (const char* minute : {"12.", "27.", "45.", "63.", "88."}) {
    ticker += std::string("<div class=\"live-comment\"><p>") + minute +
              " Minute: Freistoß für die Gäste, der Ball geht knapp am Tor vorbei.</p></div>";
  }
  const std::string body = BodyOf(Page(ticker + Paragraph("Der Kapitän") + "</div>"));
  EXPECT_THAT(body, HasSubstr("Der Trainer"));
  EXPECT_THAT(body, HasSubstr("27. Minute"));
  EXPECT_THAT(body, HasSubstr("88. Minute"));
}

TEST_F(BodyBoilerplateTest, ReadMoreLinesAreDropped) {
  const std::string body = BodyOf(
      Page("<div class=\"entry-content\">" + Paragraph("Der Bürgermeister") +
           "<p><strong>Lea también:</strong> <a href=\"/nacional/plan-vivienda\">El Gobierno "
           "aprueba el nuevo plan de vivienda para las familias jóvenes</a></p>" +
           Paragraph("Die Stadträtin") +
           "<p><em>Read more</em>: <a href=\"/en/old-bridge/a-1234\">Why the old bridge had to "
           "close</a></p>" +
           Paragraph("Der Ingenieur") +
           "<p><a href=\"/panorama/zoo\">Im Zoo kommen drei kleine Eisbären zur Welt</a></p>" +
           "<p>21) Star Wars: <a href=\"/films/21\">Die letzten Jedi</a></p>"
           "<p>Quelle: <a href=\"https://example.org/bericht\">Bericht des Bauamts</a> und "
           "eigene Recherchen der Redaktion in den Akten der Stadt seit dem Jahr 2012</p></div>"));
  EXPECT_THAT(body, Not(HasSubstr("Lea también")));
  EXPECT_THAT(body, Not(HasSubstr("plan de vivienda")));
  EXPECT_THAT(body, Not(HasSubstr("Read more")));
  EXPECT_THAT(body, Not(HasSubstr("Eisbären")));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  // A numbered entry is no label; a line that is mostly its own words is no pointer.
  EXPECT_THAT(body, HasSubstr("21) Star Wars"));
  EXPECT_THAT(body, HasSubstr("Quelle: Bericht des Bauamts"));
}

TEST_F(BodyBoilerplateTest, HeadingsOfRemovedListsAtTheEndAreDropped) {
  const std::string body =
      BodyOf(Page("<div class=\"article-body\"><h2>Der Plan</h2>" + Paragraph("Der Bürgermeister") +
                  Paragraph("Die Stadträtin") + Paragraph("Der Ingenieur") +
                  "<p><strong>Lesen Sie auch die folgenden Beiträge:</strong></p>"
                  "<ul><li><a href=\"/a\">Alte Brücke gesperrt</a></li>"
                  "<li><a href=\"/b\">Stadtrat streitet über Kosten</a></li></ul>"
                  "<h2>Mehr zum Thema</h2><ul><li><a href=\"/c\">Verkehr in der Innenstadt</a></li>"
                  "<li><a href=\"/d\">Neue Buslinien ab Mai</a></li></ul></div>"));
  EXPECT_THAT(body, HasSubstr("Der Plan"));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  EXPECT_THAT(body, Not(HasSubstr("Lesen Sie auch")));
  EXPECT_THAT(body, Not(HasSubstr("Mehr zum Thema")));
}

TEST_F(BodyBoilerplateTest, ClosingCallsToActionAreDropped) {
  const std::string body =
      BodyOf(Page("<div class=\"article-body\">" + Paragraph("Der Bürgermeister") +
                  "<p>Wer die Zeitung abonnieren will, zahlt ab Mai mehr, sagte der Verlag.</p>" +
                  Paragraph("Die Stadträtin") + Paragraph("Der Ingenieur") +
                  "<p>Folgen Sie uns auf Twitter und Instagram, um nichts zu verpassen.</p>"
                  "<p><strong>¡Suscríbete a nuestro canal de Telegram!</strong></p>"
                  "<p>© 2024 Stadtanzeiger Verlag GmbH</p></div>"));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  // Before the end, the same words are the article's.
  EXPECT_THAT(body, HasSubstr("Zeitung abonnieren"));
  EXPECT_THAT(body, Not(HasSubstr("Folgen Sie uns")));
  EXPECT_THAT(body, Not(HasSubstr("Telegram")));
  EXPECT_THAT(body, Not(HasSubstr("Verlag GmbH")));
}

TEST_F(BodyBoilerplateTest, OpeningAdvertisingNoticesAreDropped) {
  const std::string body =
      BodyOf(Page("<div class=\"entry-content\"><p><em>*Werbung. Dieser Beitrag enthält Affiliate "
                  "Links.</em></p>" +
                  Paragraph("Der Bürgermeister") +
                  "<p>Die Anzeige der Stadt erschien am Montag in allen Zeitungen der Region.</p>" +
                  Paragraph("Die Stadträtin") + Paragraph("Der Ingenieur") + "</div>"));
  EXPECT_TRUE(body.starts_with("Der Bürgermeister")) << body;
  // After the start, the same words are the article's.
  EXPECT_THAT(body, HasSubstr("Die Anzeige der Stadt"));
}

TEST_F(BodyBoilerplateTest, LinesOfThePagesOwnLabelsAreDropped) {
  const std::string body =
      BodyOf(Page("<div class=\"entry-content\">" + Paragraph("Der Bürgermeister") +
                  "<p>Tagsüber bleibt die alte Brücke für Radfahrer offen.</p>" +
                  Paragraph("Die Stadträtin") + Paragraph("Der Ingenieur") +
                  "<p>Kategorie: Verkehr</p><p>Schlagwörter: <a href=\"/t/bruecke\">Brücke</a>, "
                  "<a href=\"/t/verkehr\">Verkehr</a></p><p>Aufrufe: 1.204</p></div>"));
  EXPECT_TRUE(body.starts_with("Der Bürgermeister")) << body;
  EXPECT_THAT(body, HasSubstr("Tagsüber bleibt"));
  EXPECT_THAT(body, HasSubstr("Der Ingenieur"));
  EXPECT_THAT(body, Not(HasSubstr("Kategorie")));
  EXPECT_THAT(body, Not(HasSubstr("Schlagwörter")));
  EXPECT_THAT(body, Not(HasSubstr("Aufrufe")));
}

TEST_F(BodyBoilerplateTest, LabelsOfRemovedLinkBoxesInsideTheTextAreDropped) {
  const std::string body = BodyOf(
      Page("<div class=\"article-body\">" + Paragraph("Der Bürgermeister") +
           "<div class=\"box\"><h4>Lesen Sie auch</h4><div class=\"stack\">"
           "<a href=\"/a\">Alte Brücke gesperrt</a> <a href=\"/b\">Stadtrat streitet über "
           "Kosten</a></div></div>" +
           Paragraph("Die Stadträtin") +
           "<div class=\"box\"><div class=\"box-title\">Mehr zum Thema:</div>"
           "<div class=\"box-inner\"><div class=\"box-links\"><a href=\"/c\">Verkehr in der "
           "Innenstadt</a> <a href=\"/d\">Neue Buslinien ab Mai</a></div></div></div>" +
           Paragraph("Der Ingenieur") +
           "<div class=\"box\"><h4>Die Kosten</h4><p>Die Stadt zahlt zwölf Millionen Euro, das "
           "Land den Rest.</p></div>" +
           Paragraph("Die Planerin") + "</div>"));
  EXPECT_THAT(body, HasSubstr("Die Stadträtin"));
  EXPECT_THAT(body, HasSubstr("Die Planerin"));
  EXPECT_THAT(body, Not(HasSubstr("Alte Brücke gesperrt")));
  EXPECT_THAT(body, Not(HasSubstr("Lesen Sie auch")));
  EXPECT_THAT(body, Not(HasSubstr("Mehr zum Thema")));
  // A box that keeps its text keeps its heading.
  EXPECT_THAT(body, HasSubstr("Die Kosten"));
  EXPECT_THAT(body, HasSubstr("zwölf Millionen"));
}

TEST_F(BodyBoilerplateTest, ADataTableWithLinksInsideTheTextIsKept) {
  const std::string body = BodyOf(Page(
      "<div class=\"article-body\">" + Paragraph("Der Bürgermeister") +
      Paragraph("Die Stadträtin") +
      "<table><tr><th>Unterlage</th><th>Stand</th></tr>"
      "<tr><td><a href=\"/plan.pdf\">Bebauungsplan Brücke</a></td><td>März</td></tr>"
      "<tr><td><a href=\"/gutachten.pdf\">Verkehrsgutachten</a></td><td>Mai</td></tr></table>" +
      "<table class=\"layout\"><tr><td><a href=\"/a\">Alte Brücke gesperrt</a></td>"
      "<td><a href=\"/b\">Neue Buslinien ab Mai</a></td></tr></table>" +
      Paragraph("Der Ingenieur") + Paragraph("Die Planerin") + "</div>"));
  EXPECT_THAT(body, HasSubstr("Die Planerin"));
  EXPECT_THAT(body, HasSubstr("Bebauungsplan Brücke"));
  EXPECT_THAT(body, HasSubstr("Verkehrsgutachten"));
  // A table without header cells that is mostly links is still cleaned.
  EXPECT_THAT(body, Not(HasSubstr("Alte Brücke gesperrt")));
}

}  // namespace
}  // namespace morgue
