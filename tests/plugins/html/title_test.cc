// The headline the html plugin chooses among a page's titles: pages parsed as the plugin
// parses them, their metadata read by its extractors, one row per form of title.

#include "plugins/html/title.h"

#include <gtest/gtest.h>

#include <string>

#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

struct TitleCase {
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

constexpr TitleCase kCases[] = {
    // The headline the page shows, where a metadata title carries the site's name.
    {"og_title_with_site_after_hyphen",
     "<meta property='og:title' content='Neue Radwege für die Innenstadt - Stadtkurier'>"
     "<meta property='og:site_name' content='Stadtkurier'>",
     "<h1>Neue Radwege für die Innenstadt</h1><p>Text.</p>", "Neue Radwege für die Innenstadt",
     "h1+og:title"},
    {"site_before_pipe", "<title>Stadtkurier | Neue Radwege für die Innenstadt</title>",
     "<h1>Neue Radwege für die Innenstadt</h1>", "Neue Radwege für die Innenstadt",
     "h1+html-title"},
    {"entry_title_with_site_after_pipe",
     "<meta property='og:title' content='Wissensmanagement im Mittelstand | Personal Heute'>",
     "<article class='hentry'><h1 class='entry-title'>Wissensmanagement im Mittelstand</h1>"
     "</article>",
     "Wissensmanagement im Mittelstand", "hentry-title+og:title"},
    {"section_before_colon",
     "<meta property='og:title' content='Wirtschaft: Die Bahn erhöht die Preise'>",
     "<h1>Die Bahn erhöht die Preise</h1>", "Die Bahn erhöht die Preise", "h1+og:title"},
    {"recipe_words_around_headline",
     "<meta property='og:title' content='Receita de Bolo de Cenoura com Chocolate | Cozinha "
     "Fácil'><meta property='og:site_name' content='Cozinha Fácil'>",
     "<h1>Bolo de Cenoura com Chocolate</h1>", "Bolo de Cenoura com Chocolate", "h1+og:title"},
    {"kicker_inside_the_heading",
     "<meta property='og:title' content='Die Preise für Strom sinken im Frühjahr'>",
     "<h1><span>Energie</span> Die Preise für Strom sinken im Frühjahr</h1>",
     "Die Preise für Strom sinken im Frühjahr", "og:title+h1"},
    {"logo_heading_is_not_the_headline",
     "<title>Stadtkurier - Hafenfest lockt tausende Besucher an</title>",
     "<h1><a href='/'>Stadtkurier</a></h1><h1>Hafenfest lockt tausende Besucher an</h1>",
     "Hafenfest lockt tausende Besucher an", "h1+html-title"},
    {"banner_heading_after_the_headline",
     "<title>Was ist virales Marketing? | Marketingwelt</title>",
     "<h1>Marketingwelt</h1><h2>Was ist virales Marketing?</h2>", "Was ist virales Marketing?",
     "heading+html-title"},
    // The site's name cut off a metadata title, by every kind of separator.
    {"en_dash_site_name",
     "<meta property='og:title' content='Le budget 2024 adopté en commission – Le Journal du "
     "Midi'><meta property='og:site_name' content='Le Journal du Midi'>",
     "<p>Texte.</p>", "Le budget 2024 adopté en commission", "og:title"},
    {"em_dash_site_name",
     "<meta property='og:title' content='El puerto amplía su terminal de contenedores — Diario "
     "del Puerto'><meta property='og:site_name' content='Diario del Puerto'>",
     "", "El puerto amplía su terminal de contenedores", "og:title"},
    {"middle_dot_site_name",
     "<meta property='og:title' content='Releasing version 4.2 · Example Engine Blog'>"
     "<meta property='og:site_name' content='Example Engine Blog'>",
     "", "Releasing version 4.2", "og:title"},
    {"double_colon_site_name",
     "<title>Konzertkritik zum Saisonauftakt :: Kulturspiegel</title>"
     "<meta property='og:site_name' content='Kulturspiegel'>",
     "", "Konzertkritik zum Saisonauftakt", "html-title"},
    {"guillemet_site_name",
     "<title>Gartenkalender für den März » Gartenfreunde</title>"
     "<meta property='og:site_name' content='Gartenfreunde'>",
     "", "Gartenkalender für den März", "html-title"},
    {"cyrillic_site_name",
     "<meta property='og:title' content='Новый мост откроют в мае — Городские новости'>"
     "<meta property='og:site_name' content='Городские новости'>",
     "", "Новый мост откроют в мае", "og:title"},
    {"site_named_by_its_domain",
     "<title>Apfelkuchen mit Streuseln - Rezept von Kuchenwelt.de</title>"
     "<link rel='canonical' href='https://www.kuchenwelt.de/rezepte/apfelkuchen'>",
     "", "Apfelkuchen mit Streuseln", "html-title"},
    {"site_name_written_without_spaces",
     "<meta property='og:title' content='Regentonnen im Garten - Garten Freund'>"
     "<link rel='canonical' href='https://garten-freund.de/lexikon/regentonnen'>",
     "", "Regentonnen im Garten", "og:title"},
    {"bare_domain_before_separators", "<title>stadtarchiv.de // » Tom Berger</title>", "",
     "Tom Berger", "html-title"},
    // Entities a page left encoded in its metadata, and its own typography.
    {"double_encoded_quotes",
     "<meta property='og:title' content='Ministerin: &amp;quot;Wir bauen mehr Schulen&amp;quot;'>",
     "", "Ministerin: \"Wir bauen mehr Schulen\"", "og:title"},
    {"numeric_entities_in_json_ld",
     "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Atim: "
     "&#8222;Ein Film über Stärke&#8220;\"}</script>",
     "",
     "Atim: \xE2\x80\x9E"
     "Ein Film über Stärke\xE2\x80\x9C",
     "json-ld"},
    {"page_typography_kept",
     "<meta property='og:title' content='Warum ich lieber \"Bauchgeburt\" sage - Mamablog'>"
     "<meta property='og:site_name' content='Mamablog'>",
     "<h1>Warum ich lieber \xE2\x80\x9E"
     "Bauchgeburt\xE2\x80\x9C sage</h1>",
     "Warum ich lieber \xE2\x80\x9E"
     "Bauchgeburt\xE2\x80\x9C sage",
     "h1+og:title"},
    {"apostrophe_kept",
     "<meta property='og:title' content=\"La Policía dice que todo 'tranqui' en el barrio\">",
     "<h1>La Policía dice que todo \xE2\x80\x98tranqui\xE2\x80\x99 en el barrio</h1>",
     "La Policía dice que todo \xE2\x80\x98tranqui\xE2\x80\x99 en el barrio", "h1+og:title"},
    // Disagreeing candidates.
    {"share_title_cut_short",
     "<title>Alcalde califica al concejo de \"irresponsable\"</title>"
     "<meta property='og:title' content='Alcalde califica al concejo de '>",
     "", "Alcalde califica al concejo de \"irresponsable\"", "html-title"},
    {"most_trusted_metadata_decides",
     "<meta property='og:title' content='The modern ambitions behind neon'>"
     "<meta name='twitter:title' content='Why neon became the sign of a century'>",
     "<h1>Why neon became the sign of a century</h1>", "The modern ambitions behind neon",
     "og:title"},
    {"title_that_is_only_the_site_name",
     "<meta property='og:title' content='Kulturspiegel'>"
     "<meta property='og:site_name' content='Kulturspiegel'>"
     "<title>Premiere im Stadttheater - Kulturspiegel</title>",
     "", "Premiere im Stadttheater", "html-title"},
    {"headline_the_address_spells",
     "<meta property='og:title' content='Balkonkraftwerk für Mieter - Was erlaubt ist'>"
     "<link rel='canonical' href='https://www.wohnwissen.de/ratgeber/"
     "lohnt-sich-ein-balkonkraftwerk-fuer-mieter.html'>",
     "<h1>Lohnt sich ein Balkonkraftwerk für Mieter?</h1>",
     "Lohnt sich ein Balkonkraftwerk für Mieter?", "h1+link-canonical"},
    {"address_that_spells_no_headline",
     "<meta property='og:title' content='Balkonkraftwerk für Mieter - Was erlaubt ist'>"
     "<link rel='canonical' href='https://www.wohnwissen.de/ratgeber/balkonkraftwerk-mieter-123'>",
     "<h1>Ist ein Balkonkraftwerk für Mieter erlaubt?</h1>",
     "Balkonkraftwerk für Mieter - Was erlaubt ist", "og:title"},
    {"address_spells_the_heading_without_kicker",
     "<meta property='og:title' content='Mieten: Senat deckelt Nebenkosten'>"
     "<link rel='canonical' href='https://www.stadtblatt.de/wohnen/"
     "senat-deckelt-nebenkosten-verbaende-protestieren/'>",
     "<h1>Mieten – Senat deckelt Nebenkosten, Verbände protestieren</h1>"
     "<h2>Senat deckelt Nebenkosten, Verbände protestieren</h2>",
     "Senat deckelt Nebenkosten, Verbände protestieren", "heading+link-canonical"},
    {"two_word_address_that_is_the_heading",
     "<title>Ferienhaus Seeblick (40222) - Ferienhäuser am Bodensee</title>"
     "<link rel='canonical' href='https://www.urlaubsdomizil.de/40222/ferienhaus-seeblick.php'>",
     "<h1>Ferienhaus Seeblick</h1>", "Ferienhaus Seeblick", "h1+link-canonical"},
    {"heading_in_the_page_case",
     "<meta property='og:title' content='Vessel Returning To Port With Cargo Of Bananas'>",
     "<h1><a href='/'>Island News</a></h1><h2>Vessel Returning to Port With Cargo of Bananas</h2>",
     "Vessel Returning to Port With Cargo of Bananas", "heading+og:title"},
    {"heading_alone", "", "<h1>Protokoll der Sitzung vom 4. Mai</h1>",
     "Protokoll der Sitzung vom 4. Mai", "h1"},
    {"readability_cut_of_a_bare_title",
     "<title>How to build a terrarium at home | Crafts Corner</title>", "",
     "How to build a terrarium at home", "html-title"},
    // Separators and markers a template leaves before the headline, set off by a space.
    {"marks_before_the_headline", "<meta property='og:title' content='[&gt; Tom Berger'>", "",
     "Tom Berger", "og:title"},
    {"marks_touching_the_words_stay",
     "<meta property='og:title' content='-40 Grad: Kältewelle in Sibirien'>", "",
     "-40 Grad: Kältewelle in Sibirien", "og:title"},
    {"bracket_closed_later_stays",
     "<meta property='og:title' content='[Video] Hafenfest lockt tausende Besucher an'>", "",
     "[Video] Hafenfest lockt tausende Besucher an", "og:title"},
};

class TitleTest : public ::testing::TestWithParam<TitleCase> {};

TEST_P(TitleTest, ChoosesTheHeadline) {
  const TitleCase& row = GetParam();
  const TitleChoice choice = TitleOf(row.head, row.body);
  EXPECT_EQ(choice.value, row.title);
  EXPECT_EQ(choice.rule, row.rule);
}

INSTANTIATE_TEST_SUITE_P(Forms, TitleTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<TitleCase>& info) {
                           return std::string(info.param.name);
                         });

struct EntityCase {
  const char* text;
  const char* decoded;
};

constexpr EntityCase kEntityCases[] = {
    {"&quot;Wir&quot;", "\"Wir\""},
    {"&#8222;Zitat&#8220;", "\xE2\x80\x9EZitat\xE2\x80\x9C"},
    {"n&#x2019;e",
     "n\xE2\x80\x99"
     "e"},
    {"Forschung &amp; Lehre", "Forschung & Lehre"},
    {"Gr&uuml;&szlig;e",
     "Gr\xC3\xBC\xC3\x9F"
     "e"},
    // Not references: left as written.
    {"AT&T", "AT&T"},
    {"Q&A; mehr", "Q&A; mehr"},
    {"&#0;&#xD800;", "&#0;&#xD800;"},
    {"Preis & Leistung", "Preis & Leistung"},
};

TEST(DecodeLeftoverEntitiesTest, DecodesReferencesOnce) {
  for (const EntityCase& row : kEntityCases) {
    EXPECT_EQ(DecodeLeftoverEntities(row.text), row.decoded) << row.text;
  }
  EXPECT_EQ(DecodeLeftoverEntities("&amp;quot;"), "&quot;");
}

}  // namespace
}  // namespace morgue::html_plugin
