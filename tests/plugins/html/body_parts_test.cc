// Parts of an article that its scoring passes over, through the real html plugin: a
// recipe's ingredient list and steps set in blocks of their own, the introduction set
// between the headline and the article's block; and the article an endless-scroll page
// opens with, not the longer one appended below it.

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

class BodyPartsTest : public testing::BuiltinPluginTest {
 protected:
  BodyPartsTest() : BuiltinPluginTest("html") {}

  // The body of the one article imported from `page`.
  std::string BodyOf(const std::string& page) { return ImportPageAlone(page).body; }
};

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html><html><head><title>" + title +
         "</title></head><body><nav><a href=\"/\">Startseite</a> <a href=\"/rezepte\">Rezepte"
         "</a></nav>" +
         body + "<footer><p>So erreichen Sie uns am Telefon</p></footer></body></html>";
}

// The introduction of a recipe: prose that wins the scoring.
const char kRecipeIntro[] =
    "<div class=\"recipe-intro\"><p>Dieser Apfelkuchen vom Blech ist schnell gemacht, "
    "saftig, und er schmeckt am besten noch lauwarm mit einem Klecks Sahne, wie bei "
    "Oma am Sonntag.</p><p>Wer mag, streut vor dem Backen noch ein paar gehobelte "
    "Mandeln über die Äpfel, dann wird die Oberfläche schön knusprig und goldbraun, "
    "und der Duft zieht durch das ganze Haus.</p><p>Der Teig lässt sich gut am Vortag "
    "vorbereiten, im Kühlschrank hält er sich, gut in Folie gewickelt, bis zu zwei "
    "Tage, ohne an Geschmack zu verlieren.</p></div>";

TEST_F(BodyPartsTest, ARecipesIngredientsAndStepsInTheirOwnBlocksAreKept) {
  const std::string recipe =
      "<main><h1>Apfelkuchen vom Blech</h1><div class=\"grid\"><div class=\"col-a\">" +
      std::string(kRecipeIntro) +
      "</div><div class=\"col-b\"><h3>Zutaten</h3><ul class=\"ingredient-list\">"
      "<li>250 g Weizenmehl</li><li>125 g Butter</li><li>1 kg säuerliche Äpfel</li>"
      "<li>1 Pck. Vanillezucker</li></ul></div></div>"
      "<div class=\"recipe-steps\"><div class=\"step\"><span>1</span><p>Mehl und Butter "
      "verkneten.</p></div><div class=\"step\"><span>2</span><p>Äpfel schälen und in "
      "Spalten schneiden.</p></div><div class=\"step\"><span>3</span><p>Bei 180 °C etwa "
      "40 Minuten backen.</p></div></div></main>";
  const std::string body = BodyOf(Page("Apfelkuchen vom Blech", recipe));
  EXPECT_THAT(body, HasSubstr("Dieser Apfelkuchen vom Blech")) << body;
  EXPECT_THAT(body, HasSubstr("1 kg säuerliche Äpfel")) << body;
  EXPECT_THAT(body, HasSubstr("Äpfel schälen und in Spalten schneiden.")) << body;
  EXPECT_THAT(body, HasSubstr("Bei 180 °C etwa 40 Minuten backen.")) << body;
  EXPECT_THAT(body, Not(HasSubstr("So erreichen Sie"))) << body;
}

TEST_F(BodyPartsTest, StepsWithoutIngredientsAreNoRecipe) {
  // "Instructions" beside an article that lists no ingredients are a form's help.
  const std::string page =
      "<main><h1>Apfelkuchen vom Blech</h1><div class=\"grid\"><div class=\"col-a\">" +
      std::string(kRecipeIntro) +
      "</div></div><div class=\"comment-form\"><div class=\"instructions\"><p>Bitte "
      "bleiben Sie sachlich und freundlich.</p><p>Kommentare werden vor der "
      "Veröffentlichung geprüft.</p></div></div></main>";
  const std::string body = BodyOf(Page("Apfelkuchen vom Blech", page));
  EXPECT_THAT(body, HasSubstr("Dieser Apfelkuchen vom Blech")) << body;
  EXPECT_THAT(body, Not(HasSubstr("sachlich und freundlich"))) << body;
}

// A paragraph of a report on a new bridge, long enough to score as article text.
std::string Paragraph(const std::string& lead) {
  return "<p>" + lead +
         " sagte am Dienstag, die neue Brücke, die seit zehn Jahren geplant ist, werde im "
         "Frühjahr eröffnet, und der Verkehr auf der alten Brücke werde spürbar abnehmen.</p>";
}

TEST_F(BodyPartsTest, TheIntroductionBetweenTheHeadlineAndTheArticleStartsIt) {
  // Each content element of the page is an <article> of its own: the headline and the
  // introduction in one, the text in the next.
  std::string text;
  for (const char* lead :
       {"Der Bürgermeister", "Die Stadträtin", "Der Ingenieur", "Die Planerin"}) {
    text += Paragraph(lead);
  }
  const std::string page =
      "<div class=\"content-col\"><article class=\"ce\"><h1>Neue Brücke soll im Frühjahr "
      "öffnen</h1><div class=\"ce-text\"><p>Zehn Jahre wurde geplant, nun steht der "
      "Termin: Im Frühjahr rollt der erste Verkehr über die neue Brücke.</p></div>"
      "</article><article class=\"ce\"><div class=\"ce-textpic\"><div class=\"ce-text\">" +
      text +
      "</div></div></article></div><div class=\"col-side\"><p><a href=\"/a\">Wetter</a> "
      "<a href=\"/b\">Verkehr</a></p></div>";
  const std::string body = BodyOf(Page("Neue Brücke soll im Frühjahr öffnen", page));
  EXPECT_THAT(body, HasSubstr("Zehn Jahre wurde geplant")) << body;
  EXPECT_LT(body.find("Zehn Jahre wurde geplant"), body.find("Der Bürgermeister")) << body;
  EXPECT_THAT(body, HasSubstr("Die Planerin")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Neue Brücke soll im Frühjahr öffnen"))) << body;
}

TEST_F(BodyPartsTest, ABylineBetweenTheHeadlineAndTheArticleIsNoIntroduction) {
  std::string text;
  for (const char* lead :
       {"Der Bürgermeister", "Die Stadträtin", "Der Ingenieur", "Die Planerin"}) {
    text += Paragraph(lead);
  }
  const std::string page =
      "<div class=\"content-col\"><article class=\"ce\"><h1>Neue Brücke soll im Frühjahr "
      "öffnen</h1><div class=\"author-line\"><p>Von Jana Beispiel, Redakteurin für "
      "Stadtentwicklung im Lokalboten</p></div><p class=\"share\"><a href=\"/teilen\">"
      "Teilen Sie diesen Artikel mit Ihren Freunden und Bekannten</a></p></article>"
      "<article class=\"ce\"><div class=\"ce-textpic\"><div class=\"ce-text\">" +
      text + "</div></div></article></div>";
  const std::string body = BodyOf(Page("Neue Brücke soll im Frühjahr öffnen", page));
  EXPECT_THAT(body, HasSubstr("Der Bürgermeister")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Redakteurin"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Teilen Sie"))) << body;
}

TEST_F(BodyPartsTest, TheArticleUnderThePagesHeadlineWinsOverTheNextOneAppended) {
  std::string next;
  for (const char* lead : {"Der Kämmerer", "Die Fraktionschefin", "Der Landrat", "Die Sprecherin",
                           "Der Bauamtsleiter", "Die Gutachterin"}) {
    next += Paragraph(lead);
  }
  const std::string page =
      "<div class=\"stream\"><article><h1 class=\"headline\">Stadtfest lockt am Wochenende "
      "in die Altstadt</h1><div class=\"entry-text\"><p>Am Samstag und Sonntag feiert die "
      "Altstadt ihr Stadtfest, mit Musik auf drei Bühnen und einem Markt am Rathaus.</p>"
      "<p>Die Veranstalter rechnen mit mehreren tausend Gästen, die Straßen rund um den "
      "Marktplatz bleiben deshalb bis Sonntagabend gesperrt.</p></div></article>"
      "<article><h1 class=\"headline\">Neue Brücke soll im Frühjahr öffnen</h1>"
      "<div class=\"entry-text\">" +
      next + "</div></article></div>";
  const std::string body =
      BodyOf(Page("Der Lokalbote | Stadtfest lockt am Wochenende in die Altstadt", page));
  EXPECT_THAT(body, HasSubstr("feiert die Altstadt ihr Stadtfest")) << body;
  EXPECT_THAT(body, HasSubstr("bis Sonntagabend gesperrt")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Der Kämmerer"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Neue Brücke"))) << body;
}

TEST_F(BodyPartsTest, AShortHeadingSetApartIsNoNextArticle) {
  // An <h1> of the page's furniture after the headline is not an article appended.
  std::string text;
  for (const char* lead :
       {"Der Bürgermeister", "Die Stadträtin", "Der Ingenieur", "Die Planerin"}) {
    text += Paragraph(lead);
  }
  const std::string page =
      "<header><h1 class=\"headline\">Neue Brücke soll im Frühjahr öffnen</h1></header>"
      "<div class=\"box\"><h1>Mehr lesen</h1></div><div class=\"entry-text\">" +
      text + "</div>";
  const std::string body = BodyOf(Page("Neue Brücke soll im Frühjahr öffnen", page));
  EXPECT_THAT(body, HasSubstr("Der Bürgermeister")) << body;
  EXPECT_THAT(body, HasSubstr("Die Planerin")) << body;
}

TEST_F(BodyPartsTest, AShortSentenceEndingInAPublicationsNameStaysInTheBody) {
  // "Dawn" is a newspaper's name; "queued from dawn" is not its credit.
  const Article article = ImportPageAlone(
      "<html><head><title>Ferry strike ends</title></head><body><h1>Ferry strike ends</h1>"
      "<p>The ferries to Jeju run again after a two-day strike, the operator said on "
      "Saturday.</p><p>Passengers queued from dawn.</p></body></html>");
  EXPECT_EQ(article.source, "");
  EXPECT_NE(article.body.find("Passengers queued from dawn."), std::string::npos) << article.body;
}

}  // namespace
}  // namespace morgue
