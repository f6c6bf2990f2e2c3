// What closes an article but is the site's, through the real html plugin: the contact
// details under a press release, a request to subscribe among the last lines, the
// readers' comments, the labels of links to other pages, and the page's own controls.

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

class BodyClosingTest : public testing::BuiltinPluginTest {
 protected:
  BodyClosingTest() : BuiltinPluginTest("html") {}

  // The body of the one article imported from `page`.
  std::string BodyOf(const std::string& page) { return ImportPageAlone(page).body; }
};

std::string Page(const std::string& article) {
  return "<!DOCTYPE html><html><head><title>Neues Förderprogramm für Solardächer</title>"
         "</head><body><nav><a href=\"/\">Startseite</a></nav><article>" +
         article + "</article></body></html>";
}

// Paragraphs of a press release long enough to be scored as article text.
const char kRelease[] =
    "<p>Der Verband für Energie im Handwerk startet am ersten März ein Förderprogramm, das "
    "Betrieben den Einstieg in Solardächer erleichtert, und stellt dafür in diesem Jahr "
    "zwei Millionen Euro bereit.</p><p>Gefördert werden Planung, Montage und die "
    "Schulung der Mitarbeiter, sagte die Geschäftsführerin am Montag, und die Anträge "
    "können ab sofort online gestellt werden.</p><p>Im vergangenen Jahr hatten sich, "
    "so der Verband, mehr als dreihundert Betriebe für ein ähnliches Programm beworben, "
    "das nach wenigen Wochen ausgeschöpft war.</p>";

TEST_F(BodyClosingTest, ContactDetailsUnderAPressReleaseAreDropped) {
  const std::string body = BodyOf(
      Page(std::string(kRelease) +
           "<p><strong>Kontakt:</strong></p><p>Jana Beispiel<br>Telefon +49 (0)30 / 12 34 56 "
           "78<br>presse@example.org</p><p>Ansprechpartner zum Thema:</p><p>Max Muster</p>"));
  EXPECT_THAT(body, HasSubstr("nach wenigen Wochen ausgeschöpft")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Kontakt"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("presse@example.org"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Max Muster"))) << body;
}

TEST_F(BodyClosingTest, ASectionOnContactThatTellsTheStoryStays) {
  // A heading "Kontakt" over prose, without an address, is part of the article.
  const std::string body = BodyOf(
      Page(std::string(kRelease) +
           "<h2>Kontakt</h2><p>Der erste Kontakt mit den Betrieben lief über die Innungen, die "
           "ihre Mitglieder im Herbst zu Informationsabenden in zwölf Städten eingeladen hatten, "
           "wie der Verband mitteilte.</p>"));
  EXPECT_THAT(body, HasSubstr("Der erste Kontakt mit den Betrieben")) << body;
}

TEST_F(BodyClosingTest, ARequestToSubscribeBeforeTheLastLineIsDropped) {
  const std::string body =
      BodyOf(Page(std::string(kRelease) +
                  "<p>Abonnieren Sie unseren Newsletter und verpassen Sie keine Meldung mehr!</p>"
                  "<p>Nichts mehr verpassen: die Meldungen des Verbands jeden Morgen.</p>"
                  "<p>Foto: Verband für Energie im Handwerk</p>"));
  EXPECT_THAT(body, HasSubstr("nach wenigen Wochen ausgeschöpft")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Abonnieren Sie"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Nichts mehr verpassen"))) << body;
}

TEST_F(BodyClosingTest, WordsThatOnlyContainARequestAreNone) {
  // "your application" holds "our app" but asks for nothing.
  const std::string page =
      "<!DOCTYPE html><html><head><title>Profiling in production</title></head><body>"
      "<article><p>Profiling a running server tells you where its time goes, and with a few "
      "precautions, it is safe to do so on a production system under real load.</p>"
      "<p>Start the profiler for a short window only, write the profile to disk, and "
      "read it later on a machine that serves no traffic at all.</p><p>Never expose the "
      "inspector on a public route, and never send the collected data to a system you "
      "do not trust, as it tells a lot about the code.</p>"
      "<p>The module offers more features than you need to debug your application.</p>"
      "<p>Sources: the runtime's documentation.</p></article></body></html>";
  const std::string body = BodyOf(page);
  EXPECT_THAT(body, HasSubstr("debug your application")) << body;
}

TEST_F(BodyClosingTest, ReadersCommentsUnderTheArticleAreDropped) {
  // The comments sit in plain boxes: only their heading tells them from the article.
  const std::string body =
      BodyOf(Page(std::string(kRelease) +
                  "<h3>2 Kommentare</h3><div><p><b>Hans Beispiel</b> 3. März, 19:49</p><p>Endlich "
                  "tut sich etwas, danke für den Bericht!</p></div><div><p><b>Erika Muster</b></p>"
                  "<p>Gilt das auch für Betriebe in Brandenburg?</p></div>"));
  EXPECT_THAT(body, HasSubstr("nach wenigen Wochen ausgeschöpft")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Kommentare"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Endlich tut sich etwas"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Brandenburg"))) << body;
}

TEST_F(BodyClosingTest, ACommentLineThatIsNoHeadingStays) {
  // "Comment" as a table's or a list's line is the article's.
  const std::string body = BodyOf(
      Page(std::string(kRelease) +
           "<p>Die Felder des Antrags:</p><ul><li>Name</li><li>Betrieb</li><li>Kommentar</li>"
           "</ul><p>Alle Felder außer dem letzten müssen ausgefüllt werden, sonst wird der "
           "Antrag nicht bearbeitet, teilte der Verband mit.</p>"));
  EXPECT_THAT(body, HasSubstr("Alle Felder außer dem letzten")) << body;
}

TEST_F(BodyClosingTest, LabelsOfLinksToOtherPagesAreDroppedWhereverTheyStand) {
  const std::string body =
      BodyOf(Page(std::string(kRelease) +
                  "<h3>Zum Weiterlesen:</h3><p>Die Innungen wollen im Herbst nachlegen und eigene "
                  "Schulungen anbieten, wie ihr Sprecher am Rande der Vorstellung ankündigte.</p>"
                  "<p><strong>Auch interessant</strong></p><p>Weiterlesen lohnt sich, sagte die "
                  "Geschäftsführerin: Die Richtlinie hat nur vier Seiten.</p>"));
  EXPECT_THAT(body, HasSubstr("Die Innungen wollen im Herbst nachlegen")) << body;
  EXPECT_THAT(body, HasSubstr("Weiterlesen lohnt sich")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Zum Weiterlesen"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Auch interessant"))) << body;
}

TEST_F(BodyClosingTest, ThePagesOwnControlsAreDropped) {
  const std::string body =
      BodyOf(Page("<p>« Zurück zur Übersicht</p>" + std::string(kRelease) +
                  "<p>Kommentare geschlossen</p><p>Zurück zu den Wurzeln will der Verband trotzdem "
                  "nicht: Das Programm soll jedes Jahr wachsen und neue Betriebe erreichen.</p>"
                  "<p>Lade weitere Inhalte ...</p>"));
  EXPECT_THAT(body, HasSubstr("nach wenigen Wochen ausgeschöpft")) << body;
  // A sentence that starts with the same words is the article's.
  EXPECT_THAT(body, HasSubstr("Zurück zu den Wurzeln will der Verband")) << body;
  EXPECT_THAT(body, Not(HasSubstr("Übersicht"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Kommentare geschlossen"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Lade weitere"))) << body;
}

TEST_F(BodyClosingTest, WordListsMatchLinesThatOpenWithAnAccentedCapital) {
  const std::string page =
      "<!DOCTYPE html><html><head><title>Nuevo programa para techos solares</title></head>"
      "<body><article><p>La asociación de energía del sector artesanal lanza el primero de "
      "marzo un programa que facilita a las empresas la instalación de techos solares, con "
      "dos millones de euros este año.</p><p>Se financian la planificación, el montaje y "
      "la formación de los empleados, dijo la directora el lunes, y las solicitudes ya "
      "pueden presentarse en línea.</p><p>El año pasado, más de trescientas empresas se "
      "habían presentado a un programa similar, que se agotó en pocas semanas.</p>"
      "<p>Únete a nuestro canal y recibe las noticias en tu celular.</p>"
      "<p>Ähnliche Artikel</p><p>Foto: Asociación de energía</p></article></body></html>";
  const std::string body = BodyOf(page);
  EXPECT_THAT(body, HasSubstr("se agotó en pocas semanas")) << body;
  EXPECT_THAT(body, Not(HasSubstr("nuestro canal"))) << body;
  EXPECT_THAT(body, Not(HasSubstr("Ähnliche Artikel"))) << body;
}

}  // namespace
}  // namespace morgue
