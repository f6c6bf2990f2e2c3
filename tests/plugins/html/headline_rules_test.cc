// Which headline wins when a page's titles disagree: the h1 in its own typography, the
// page's one h1 over a <title> written for search results, an h1 its metadata cut short,
// the first heading when every title only names the site, and the heading that titles
// with different kickers share. One invented page per row, in the languages pages use.

#include <gtest/gtest.h>

#include <string>

#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"
#include "plugins/html/title.h"

namespace morgue::html_plugin {
namespace {

struct HeadlineCase {
  const char* name;
  const char* head;  // inside <head>
  const char* body;  // inside <body>
  const char* title;
  const char* rule;
};

TitleChoice TitleOf(const std::string& head, const std::string& body) {
  const std::string page = "<!DOCTYPE html><html><head><meta charset='utf-8'>" + head +
                           "</head><body>" + body + "</body></html>";
  Result<Document> document = Document::Parse(page);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  return ChooseTitle(ExtractMetadata(document->root()));
}

constexpr HeadlineCase kCases[] = {
    // The h1 set in capitals is the metadata's headline as the page writes it.
    {"capitals_de", "<meta property='og:title' content='Neue Spielplätze für den Stadtpark'>",
     "<h1>NEUE SPIELPLÄTZE FÜR DEN STADTPARK</h1><p>Text.</p>",
     "NEUE SPIELPLÄTZE FÜR DEN STADTPARK", "h1+og:title"},
    {"capitals_fr", "<meta property='og:title' content='Le café du port rouvre ses portes'>",
     "<h1>LE CAFÉ DU PORT ROUVRE SES PORTES</h1>", "LE CAFÉ DU PORT ROUVRE SES PORTES",
     "h1+og:title"},
    {"capitals_ru", "<meta property='og:title' content='Новый мост откроют весной'>",
     "<h1>НОВЫЙ МОСТ ОТКРОЮТ ВЕСНОЙ</h1>", "НОВЫЙ МОСТ ОТКРОЮТ ВЕСНОЙ", "h1+og:title"},
    {"capitals_pl", "<meta property='og:title' content='Łódź otwiera nową bibliotekę'>",
     "<h1>ŁÓDŹ OTWIERA NOWĄ BIBLIOTEKĘ</h1>", "ŁÓDŹ OTWIERA NOWĄ BIBLIOTEKĘ", "h1+og:title"},

    // The page's one h1 over a <title>, its only title, written for search results.
    {"h1_over_search_title_de", "<title>Geschichte - Gesangverein Lindenau</title>",
     "<h1>Vereinsgeschichte</h1><p>Text.</p>", "Vereinsgeschichte", "h1"},
    {"h1_over_search_title_en",
     "<title>Garden pond in winter \xC2\xBB When do the fish sleep?</title>",
     "<h1>How do I look after my garden pond in winter?</h1>",
     "How do I look after my garden pond in winter?", "h1"},
    {"h1_over_search_title_es", "<title>Préstamo para coche – ¿leasing o crédito?</title>",
     "<h1>Cómo financiar tu coche nuevo</h1>", "Cómo financiar tu coche nuevo", "h1"},
    // ...but not an h1 that starts as the title does: one headline edited in one place.
    {"h1_with_the_titles_opening", "<title>Sommerfest im Hafen: Programm und Anfahrt</title>",
     "<h1>Sommerfest im Hafen beginnt am Freitag</h1>", "Sommerfest im Hafen: Programm und Anfahrt",
     "html-title"},
    // ...nor an h1 on another subject.
    {"h1_on_another_subject", "<title>Ausflugsziele am Niederrhein</title>",
     "<h1>Kontakt und Anfahrt</h1>", "Ausflugsziele am Niederrhein", "html-title"},
    // No h1, and a <title> in parts: the first heading on the same subject.
    {"first_heading_over_search_title_de", "<title>Jugendfeuerwehr Lindenau - Ausbildung</title>",
     "<h2>Grundlehrgang Ausbildung</h2><p>Text.</p>", "Grundlehrgang Ausbildung", "heading"},
    {"first_heading_over_search_title_en", "<title>Submissions | Northern Poetry Review</title>",
     "<h3>Checklist for submissions</h3><p>Text.</p>", "Checklist for submissions", "heading"},
    // ...but a <title> in one piece may be the headline itself.
    {"title_in_one_piece_over_first_heading", "<title>A Reading Guide to the Whaling Novel</title>",
     "<h2>Reading Notes</h2><p>Text.</p>", "A Reading Guide to the Whaling Novel", "html-title"},
    // The one h1 over share-card and tab titles it shares a long word with and says more than.
    {"h1_over_share_card_title",
     "<meta property='og:title' content='Balkonkraftwerk-Kosten: So rechnen Sie richtig | "
     "Solarblatt'><title>Balkonkraftwerk-Kosten: So rechnen Sie richtig | Solarblatt</title>",
     "<h1>Wie teuer ist ein Balkonkraftwerk wirklich?</h1>",
     "Wie teuer ist ein Balkonkraftwerk wirklich?", "h1"},
    // The first of several h1s: later ones head the page's sections.
    {"first_of_several_h1s_over_share_card_title",
     "<meta property='og:title' content='Produkttester gesucht: gratis testen \xE2\x94\x82 "
     "Testlabor Nord'>",
     "<h1>Jetzt Produkttester werden und mitreden</h1><p>Text.</p>"
     "<h1>Aktuelle Tests</h1><h1>So funktioniert es</h1>",
     "Jetzt Produkttester werden und mitreden", "h1"},
    // ...but not an h1 made of the title's own words: a display variant.
    {"h1_of_the_titles_words",
     "<meta property='og:title' content='Gartenbahn \xE2\x80\x94 Bauen und fahren Sie Ihre "
     "eigene Strecke'>",
     "<h1>Ihre eigene Gartenbahn bauen</h1>",
     "Gartenbahn \xE2\x80\x94 Bauen und fahren Sie Ihre eigene Strecke", "og:title"},
    // ...nor one that shares only a short word with it.
    {"h1_sharing_a_short_word",
     "<meta property='og:title' content='Der große Test aller Lastenräder'>",
     "<h1>Welche Räder taugen im Test?</h1>", "Der große Test aller Lastenräder", "og:title"},
    // ...nor an h1 that a less trusted title repeats: a display variant the metadata knows.
    {"h1_a_less_trusted_title_repeats",
     "<meta property='og:title' content='Das große Stadtfest'>"
     "<meta name='twitter:title' content='Stadtfest: alle Termine im Überblick'>"
     "<title>Das große Stadtfest</title>",
     "<h1>Stadtfest: alle Termine im Überblick</h1>", "Das große Stadtfest", "og:title"},

    // "Kicker - Headline | Site" and an h1 that runs the kicker in: the h1 after it.
    {"kicker_the_h1_runs_in",
     "<title>Aktion Sauberes Dorf - kostenlose Müllsäcke | Gemeindebrief</title>",
     "<h1>Aktion Sauberes Dorf Kostenlose Müllsäcke für alle Haushalte</h1>",
     "Kostenlose Müllsäcke für alle Haushalte", "h1-html-title"},
    {"kicker_the_h1_runs_in_en",
     "<meta property='og:title' content='Energy Week: free home checks for tenants'>",
     "<h1>Energy Week Free home checks for tenants in every district</h1>",
     "Free home checks for tenants in every district", "h1-og:title"},
    // A title cut short of the page's h1, though the entry title agrees with it.
    {"h1_that_metadata_cut_short",
     "<meta property='og:title' content='Neues Werk erhöht die Produktion - Industriebote'>"
     "<meta property='og:site_name' content='Industriebote'>",
     "<h1>Neues Werk erhöht die Produktion in Sachsen</h1>"
     "<div class='hentry'><h2 class='entry-title'>Neues Werk erhöht die Produktion</h2></div>",
     "Neues Werk erhöht die Produktion in Sachsen", "h1"},

    // Titles that only name the site, and no h1: the first heading that is more.
    {"site_name_cut_to_its_first_word",
     "<meta property='og:title' content='Kulturblatt Magazin'>"
     "<meta property='og:site_name' content='Kulturblatt Magazin'>"
     "<title>Kulturblatt \xE2\x80\xA2 Kulturblatt Magazin</title>",
     "<h2>Kulturblatt</h2><h2>Zwischen zwei Welten</h2><p>Text.</p>", "Zwischen zwei Welten",
     "heading"},
    {"title_with_an_empty_part", "<title>Stadtwerke Beispielstadt -</title>",
     "<h2>Baustellen und Umleitungen im Mai</h2><p>Text.</p>", "Baustellen und Umleitungen im Mai",
     "heading"},
    // A closing "::" is decoration, not an empty part.
    {"closing_decoration_is_no_empty_part", "<title>Reisen :: Mein Tagebuch ::</title>",
     "<h2>Freunde</h2>", "Reisen :: Mein Tagebuch ::", "html-title"},
    // A page about the site itself keeps its title.
    {"page_about_the_site_itself",
     "<title>example.org // \xC2\xBB Jana Beispiel</title>"
     "<meta name='DC.publisher' content='Jana Beispiel'>"
     "<link rel='canonical' href='https://example.org/jana-beispiel/'>",
     "<h2>[&gt; Jana Beispiel</h2>", "Jana Beispiel", "heading+link-canonical"},

    // Titles ending alike after different kickers: their common end, a heading.
    {"heading_two_titles_end_with",
     "<meta property='og:title' content='Großer Test: Das neue Faltrad im Alltag'>"
     "<title>Radwelt | Tests: Das neue Faltrad im Alltag</title>",
     "<h2>Das neue Faltrad im Alltag</h2><p>Text.</p>", "Das neue Faltrad im Alltag",
     "heading+titles"},
    // Titles with the same kicker: the kicker is part of the headline.
    {"titles_with_the_same_kicker",
     "<meta property='og:title' content='Das Schulprojekt: Bessere Schülerzeitungen'>"
     "<title>Das Schulprojekt: Bessere Schülerzeitungen</title>",
     "<h2>Das Schulprojekt:</h2><h2>Bessere Schülerzeitungen</h2>",
     "Das Schulprojekt: Bessere Schülerzeitungen", "og:title"},
};

class HeadlineRulesTest : public ::testing::TestWithParam<HeadlineCase> {};

TEST_P(HeadlineRulesTest, ChoosesTheHeadline) {
  const HeadlineCase& row = GetParam();
  const TitleChoice choice = TitleOf(row.head, row.body);
  EXPECT_EQ(choice.value, row.title);
  EXPECT_EQ(choice.rule, row.rule);
}

INSTANTIATE_TEST_SUITE_P(Rules, HeadlineRulesTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<HeadlineCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace morgue::html_plugin
