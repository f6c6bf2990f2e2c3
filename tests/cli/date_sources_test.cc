// A page's date through the binary when its metadata and what it shows disagree:
// `morgue import` of a saved Spanish article whose JSON-LD gives an evening's time without
// a zone, the day before the date in its <title>, and of one republished on the day its
// metadata says it was modified, and of a page without an <h1> whose text opens with its
// dateline; `morgue show --provenance` gives the day the page states and the rule that
// found it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

constexpr int kOk = 0;

class DateSourcesTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  std::string ImportAndShow(const std::string& name, const std::string& html) {
    const std::filesystem::path page = dir_ / name;
    WriteFile(page, html);
    CommandResult imported = OnArchive({"import", "--create", page.string()});
    EXPECT_EQ(imported.exit_code, kOk) << imported.err;
    CommandResult shown = OnArchive({"show", std::to_string(++articles_), "--provenance"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return shown.out;
  }

  TempDir dir_;
  std::filesystem::path archive_ = dir_ / "archive.db";
  int articles_ = 0;
};

constexpr char kTitleDatedPage[] = R"(<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>El puerto amplía su muelle norte - Economía - 09/04/2021 - El Diario del Sur</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"El puerto amplía su muelle norte","datePublished":"2021-04-08T23:41:07"}</script>
</head>
<body>
<main>
<article>
<h1>El puerto amplía su muelle norte</h1>
<p>La administración del puerto anunció el martes que ampliará el muelle norte para recibir
buques de mayor calado, una obra que se espera comience antes de fin de año.</p>
<p>Según el directorio, la ampliación permitirá duplicar la carga de contenedores y creará
unos trescientos puestos de trabajo durante los dos años que durarán las obras.</p>
</article>
</main>
</body>
</html>
)";

constexpr char kRepublishedPage[] = R"(<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Zehn Hütten für den Winterurlaub | Das Reisemagazin</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article",
"headline":"Zehn Hütten für den Winterurlaub","datePublished":"2020-09-14T08:15:40+02:00",
"dateModified":"2022-02-03T10:00:00+01:00"}</script>
</head>
<body>
<main>
<article>
<header>
<h1>Zehn Hütten für den Winterurlaub</h1>
<p>Von Jana Beispiel</p>
<time class="publish-date">3. Februar 2022</time>
</header>
<p>Ob im Allgäu, in Tirol oder in Südtirol: Diese Hütten bieten Ruhe, gutes Essen und
Wanderwege direkt vor der Tür, und manche sind auch im Winter ohne Auto zu erreichen.</p>
<p>Wer früh bucht, bekommt die schönsten Zimmer; viele Häuser nehmen Reservierungen schon
im Herbst an und bieten für längere Aufenthalte günstigere Preise an.</p>
</article>
</main>
</body>
</html>
)";

constexpr char kPageWithoutH1[] = R"(<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Verein der Mieter | Aktuelles</title>
</head>
<body>
<div class="menu-box"><h4><a href="/forum/">Unser Forum</a></h4></div>
<div class="content">
<h6>Mieter erhalten mehr Zeit für die Abrechnung</h6>
<h5><em>Von Jana Beispiel</em></h5>
<p>(17. Oktober 2021) Die Nebenkostenabrechnung kommt in vielen Haushalten später als
sonst, und wer jetzt rechnet, kann Nachzahlungen vermeiden, rät der Verein seinen
Mitgliedern, die sich über die gestiegenen Abschläge für Gas und Fernwärme beschweren.</p>
<p>Wer Fragen hat, erreicht die Beratung dienstags und donnerstags am Telefon.</p>
</div>
</body>
</html>
)";

TEST_F(DateSourcesTest, ShowGivesTheDatelineUnderTheHeadingOfAPageWithoutAnH1) {
  const std::string shown = ImportAndShow("mieter.html", kPageWithoutH1);
  EXPECT_TRUE(Contains(shown, "2021-10-17")) << shown;
  EXPECT_TRUE(Contains(shown, "published ← visible-date")) << shown;
}

TEST_F(DateSourcesTest, ShowGivesTheDayTheTitleStatesForAMachineDateADayOff) {
  const std::string shown = ImportAndShow("muelle.html", kTitleDatedPage);
  EXPECT_TRUE(Contains(shown, "2021-04-09")) << shown;
  EXPECT_TRUE(Contains(shown, "published ← title-date")) << shown;
  EXPECT_FALSE(Contains(shown, "2021-04-08")) << shown;
}

TEST_F(DateSourcesTest, ShowGivesTheDayARepublishedPageShows) {
  const std::string shown = ImportAndShow("huetten.html", kRepublishedPage);
  EXPECT_TRUE(Contains(shown, "2022-02-03")) << shown;
  EXPECT_TRUE(Contains(shown, "published ← visible-date")) << shown;
  EXPECT_FALSE(Contains(shown, "2020-09-14")) << shown;
}

}  // namespace
}  // namespace morgue::testing
