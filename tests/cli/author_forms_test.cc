// Authors through the real binary on a small association's page: its metadata names the
// association (a name ending in "e.V."), its template shows the headline in a <div>, and
// the article's own byline ("von X") stands under the intro. `morgue show` lists the
// writer, and `--provenance` says the byline came from the article's first blocks.

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

using Json = nlohmann::json;

constexpr int kOk = 0;

constexpr char kAssociationPage[] = R"(<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Energiepreise: Was Haushalte jetzt wissen müssen</title>
<meta name="author" content="Verband der Stromkunden Beispielland e.V.">
</head><body>
<nav><a href="/">Startseite</a> <a href="/themen">Themen</a></nav>
<div class="inhalt">
<div class="ueberschrift">Energiepreise: Was Haushalte jetzt wissen müssen</div>
<p>Die Preise für Strom und Gas steigen weiter. Was Verbraucher tun können, wenn der
Versorger die nächste Erhöhung ankündigt, und welche Rechte sie haben.</p>
<p><em>von Hannelore Steinbach</em></p>
<p>Viele Haushalte haben in den vergangenen Wochen Post von ihrem Versorger bekommen. Die
Abschläge steigen, oft um mehr als die Hälfte, und die Begründungen sind knapp gehalten.</p>
<p>Wer eine Preiserhöhung erhält, kann in der Regel außerordentlich kündigen. Die Frist
beginnt mit dem Zugang des Schreibens, nicht mit dem Tag, an dem der neue Preis gilt.</p>
<p>Vor einem Wechsel lohnt der Vergleich: Manche Grundversorger verlangen von Neukunden
deutlich mehr als von Bestandskunden, was Gerichte inzwischen mehrfach beanstandet haben.</p>
<p>Die Beratungsstellen des Verbands helfen bei Fragen zur Abrechnung und zum Wechsel.</p>
</div>
<footer>© Verband der Stromkunden Beispielland e.V.</footer>
</body></html>
)";

TEST(AuthorFormsCliTest, TheArticlesOwnBylineBeatsTheAssociationInTheMetadata) {
  TempDir dir;
  WriteFile(dir / "energiepreise.html", kAssociationPage);
  const std::string archive = (dir / "archive.db").string();
  const std::map<std::string, std::string> env = {{"MORGUE_ARCHIVE", ""},
                                                  {"MORGUE_PLUGIN_PATH", ""}};
  CommandResult imported =
      RunMorgue({"--archive", archive, "import", "--create", (dir / "energiepreise.html").string()},
                "", env, dir.path());
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;

  CommandResult shown = RunMorgue({"--archive", archive, "show", "1", "--json"}, "", env);
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  std::vector<std::string> names;
  const Json article = Json::parse(shown.out);
  for (const Json& author : article.at("authors")) {
    names.push_back(author.at("name").get<std::string>());
  }
  EXPECT_EQ(names, std::vector<std::string>{"Hannelore Steinbach"}) << shown.out;

  CommandResult provenance =
      RunMorgue({"--archive", archive, "show", "1", "--provenance"}, "", env);
  ASSERT_EQ(provenance.exit_code, kOk) << provenance.err;
  EXPECT_NE(provenance.out.find("authors ← body-lead-byline"), std::string::npos) << provenance.out;
  EXPECT_EQ(provenance.out.find("Beispielland e.V."), std::string::npos) << provenance.out;
}

}  // namespace
}  // namespace morgue::testing
