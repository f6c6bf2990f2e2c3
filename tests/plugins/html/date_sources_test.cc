// The html plugin's dates where the page and its metadata tell two stories, loaded as the
// host loads it: a page republished on the day its metadata says it was modified, the date
// a page gives in its <title>, a kicker's short dotted date, and a Spanish date line's
// "12:00 A. M.", the dateline under the heading of a page without an <h1>. Pages are small and
// hand-written in the style of real ones.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::WriteFile;

// Two paragraphs of article text, enough for the page to have an article.
constexpr char kProse[] =
    "<p>Der Gemeinderat hat am Dienstag beschlossen, die alte Hafenbrücke neu zu bauen, die "
    "seit dem Sturm im vergangenen Winter für den Verkehr gesperrt ist.</p>\n"
    "<p>Die Arbeiten sollen im Frühjahr beginnen und etwa achtzehn Monate dauern; bis dahin "
    "bringt eine Fähre Fußgänger und Radfahrer über den Fluss, sagte die Bürgermeisterin.</p>\n";

struct PageParts {
  std::string title = "Neue Hafenbrücke für die Altstadt";  // the <title>
  std::string head;                                         // inside <head>, after the title
  std::string kicker;  // in the article's header, before the <h1>
  std::string header;  // between the <h1> and the article text
};

std::string Page(const PageParts& parts) {
  return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>" + parts.title +
         "</title>" + parts.head + "</head><body><main><article><header>" + parts.kicker +
         "<h1>Neue Hafenbrücke für die Altstadt</h1>" + parts.header + "</header>" + kProse +
         "</article></main></body></html>";
}

std::string JsonLd(const std::string& published, const std::string& modified) {
  std::string json = R"({"@context":"https://schema.org","@type":"NewsArticle",)"
                     R"("headline":"Neue Hafenbrücke für die Altstadt","datePublished":")" +
                     published + "\"";
  if (!modified.empty()) json += R"(,"dateModified":")" + modified + "\"";
  return "<script type=\"application/ld+json\">" + json + "}</script>";
}

class DateSourcesTest : public testing::BuiltinPluginTest {
 protected:
  DateSourcesTest() : BuiltinPluginTest("html") {}

  Article ImportPage(const std::string& html) { return ImportPageAlone(html); }
};

// The page shows, as its date, the day its metadata says it was modified, long after the
// metadata's publication: the article was republished that day.
TEST_F(DateSourcesTest, APageShowingItsModificationDayWasRepublishedThatDay) {
  struct Row {
    const char* language;
    const char* header;
  };
  const Row rows[] = {
      {"de", "<p><time class=\"publish-date\">3. Februar 2022</time></p>"},
      {"de", "<p class=\"meta\">Von Jana Beispiel, 03.02.2022</p>"},
      {"es", "<p class=\"fecha\">03 de febrero 2022, 12:00 A. M.</p>"},
      {"en", "<p class=\"dateline\">February 3, 2022</p>"},
  };
  for (const Row& row : rows) {
    const Article article =
        ImportPage(Page({.head = JsonLd("2020-09-14T08:15:40+02:00", "2022-02-03T10:00:00+01:00"),
                         .header = row.header}));
    EXPECT_EQ(article.published.substr(0, 10), "2022-02-03") << row.language << ": " << row.header;
    EXPECT_EQ(testing::RuleOf(article, "published"), "visible-date")
        << row.language << ": " << row.header;
  }
}

TEST_F(DateSourcesTest, AShownDateTheMetadataDoesNotExplainKeepsTheMachineDate) {
  // Modified another day: the shown date (an event's, a teaser's) does not outweigh the
  // metadata.
  const Article other_day =
      ImportPage(Page({.head = JsonLd("2020-09-14T08:15:40+02:00", "2022-03-05T10:00:00+01:00"),
                       .header = "<p class=\"meta\">03.02.2022</p>"}));
  EXPECT_EQ(other_day.published, "2020-09-14T08:15:40+02:00");
  EXPECT_EQ(testing::RuleOf(other_day, "published"), "json-ld");
  // Modified that day, but the page shows it as an update.
  const Article labelled =
      ImportPage(Page({.head = JsonLd("2020-09-14T08:15:40+02:00", "2022-02-03T10:00:00+01:00"),
                       .header = "<p class=\"meta\">Aktualisiert am 03.02.2022</p>"}));
  EXPECT_EQ(labelled.published, "2020-09-14T08:15:40+02:00");
  EXPECT_EQ(labelled.updated.substr(0, 10), "2022-02-03");
}

// "Headline - Section - 09/04/2021 - Site": the day the page gives itself in its window's
// title corrects a machine date a day off (an evening's time written without a zone).
TEST_F(DateSourcesTest, TheTitlesDateCorrectsAMachineDateADayOff) {
  struct Row {
    const char* title;
    const char* published;
    const char* expected;
    const char* rule;
  };
  const Row rows[] = {
      {"Neue Hafenbrücke für die Altstadt - Lokales - 09/04/2021 - Der Lokalbote",
       "2021-04-08T23:41:07", "2021-04-09", "title-date"},
      {"Neue Hafenbrücke für die Altstadt | 09.04.2021 | Der Lokalbote", "2021-04-08T23:41:07",
       "2021-04-09", "title-date"},
      // The title's date is the machine's own day: the machine date, with its time.
      {"Neue Hafenbrücke für die Altstadt - 08/04/2021 - Der Lokalbote", "2021-04-08T23:41:07",
       "2021-04-08T23:41:07", "json-ld"},
      // Far from the machine date: not the article's (a title naming an event's day).
      {"Neue Hafenbrücke für die Altstadt - 20.06.2021 - Der Lokalbote", "2021-04-08T23:41:07",
       "2021-04-08T23:41:07", "json-ld"},
      // A date inside the headline's words is not the page's date.
      {"Bürgerversammlung am 09.04.2021 - Der Lokalbote", "2021-04-08T23:41:07",
       "2021-04-08T23:41:07", "json-ld"},
  };
  for (const Row& row : rows) {
    const Article article =
        ImportPage(Page({.title = row.title, .head = JsonLd(row.published, "")}));
    EXPECT_EQ(article.published, row.expected) << row.title;
    EXPECT_EQ(testing::RuleOf(article, "published"), row.rule) << row.title;
  }
}

// A kicker above the headline with a short dotted date ("Kultur, 7.10.21").
TEST_F(DateSourcesTest, AKickersShortDottedDate) {
  for (const char* kicker :
       {"<p class=\"kicker\">Kultur, 7.10.21</p>", "<p class=\"kicker\">Lokales | 07.10.21</p>"}) {
    const Article article = ImportPage(Page({.kicker = kicker}));
    EXPECT_EQ(article.published, "2021-10-07") << kicker;
    EXPECT_EQ(testing::RuleOf(article, "published"), "visible-date") << kicker;
  }
}

// A page without an <h1> whose heading no metadata names: the first heading that heads
// the article's prose is its headline, and the dateline opening the text is its date. The
// menu's and the teasers' headings (links) are not.
std::string PageWithoutH1(const std::string& heading, const std::string& byline,
                          const std::string& lead) {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Verein der Mieter | "
         "Aktuelles</title></head><body>"
         "<div class=\"menu-box\"><h4><a href=\"/forum/\">Unser Forum</a></h4>"
         "<h4><a href=\"/beitritt/\">Beitritt zum Verein</a></h4></div>"
         "<div class=\"teaser\"><h4><a href=\"/alt/\">Heizkosten steigen weiter an</a></h4>"
         "<p>12.07.2022</p></div>"
         "<div class=\"content\">" +
         heading + byline + "<p>" + lead +
         " Die Nebenkostenabrechnung kommt in vielen Haushalten später als sonst, und wer "
         "jetzt rechnet, kann Nachzahlungen vermeiden, rät der Verein seinen Mitgliedern.</p>"
         "<p>Wer Fragen hat, erreicht die Beratung dienstags und donnerstags am Telefon.</p>"
         "</div></body></html>";
}

TEST_F(DateSourcesTest, TheDatelineUnderTheHeadingOfAPageWithoutAnH1) {
  struct Row {
    const char* language;
    const char* heading;
    const char* byline;
    const char* lead;
    const char* expected;
  };
  const Row rows[] = {
      {"de", "<h6>Mieter erhalten mehr Zeit für die Abrechnung</h6>",
       "<h5><em>Von Jana Beispiel</em></h5>", "(17. Oktober 2021) Mieter erhalten mehr Zeit.",
       "2021-10-17"},
      {"fr", "<h3>Les locataires ont plus de temps</h3>", "<p>Par Jeanne Exemple</p>",
       "(17 octobre 2021) Les locataires ont plus de temps.", "2021-10-17"},
      {"es", "<h2>Los inquilinos tienen más tiempo</h2>", "",
       "Madrid, 17 de octubre de 2021 - Los inquilinos tienen más tiempo.", "2021-10-17"},
      // A heading that is a link heads a teaser, not the article: no date is the page's.
      {"de", "<h6><a href=\"/mieter/\">Mieter erhalten mehr Zeit für die Abrechnung</a></h6>", "",
       "(17. Oktober 2021) Mieter erhalten mehr Zeit.", ""},
  };
  for (const Row& row : rows) {
    const Article article = ImportPage(PageWithoutH1(row.heading, row.byline, row.lead));
    EXPECT_EQ(article.published, row.expected) << row.language << ": " << row.heading;
    if (*row.expected != '\0') {
      EXPECT_EQ(testing::RuleOf(article, "published"), "visible-date")
          << row.language << ": " << row.heading;
    }
  }
}

}  // namespace
}  // namespace morgue
