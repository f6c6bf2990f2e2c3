// Authors through the real binary: a French news page whose metadata names the site and a
// CMS account, and whose visible byline names two journalists; `morgue show` lists the
// journalists, as written, and `--provenance` says they came from the byline.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

using Json = nlohmann::json;

constexpr int kOk = 0;

constexpr char kFrenchPage[] = R"(<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>La ville inaugure trois nouvelles pistes cyclables - Le Courrier du Lac</title>
<meta property="og:site_name" content="Le Courrier du Lac">
<meta name="author" content="redac_web2">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"La ville inaugure trois nouvelles pistes cyclables",
"author":{"@type":"Person","name":"Le Courrier du Lac"}}</script>
</head><body>
<nav><a href="/">Accueil</a> <a href="/region">Région</a></nav>
<article>
<h1>La ville inaugure trois nouvelles pistes cyclables</h1>
<p class="signature">Par <a href="/auteur/helene-lefevre">Hélène LEFÈVRE</a> et
<a href="/auteur/jean-francois-mercier">Jean-François Mercier</a></p>
<figure><img src="piste.jpg"><figcaption>La nouvelle piste le long du quai. Photo : Luc Besson-Garnier</figcaption></figure>
<p>La municipalité a inauguré samedi matin trois nouvelles pistes cyclables qui relient le
centre-ville aux quartiers nord. Les travaux, commencés au printemps, ont duré six mois.</p>
<p>« Nous voulons que chacun puisse venir travailler à vélo en toute sécurité », a déclaré
l'adjointe chargée des mobilités devant une centaine d'habitants venus à vélo.</p>
<p>Les associations de cyclistes saluent un progrès mais regrettent que le pont principal
reste dépourvu d'aménagement. La ville promet une étude pour l'an prochain.</p>
</article>
<section class="comments"><div class="comment-author">Marc Dubois</div><p>Enfin !</p></section>
</body></html>
)";

TEST(AuthorsCliTest, ShowListsTheJournalistsOfTheVisibleByline) {
  TempDir dir;
  WriteFile(dir / "pistes-cyclables.html", kFrenchPage);
  const std::string archive = (dir / "archive.db").string();
  const std::map<std::string, std::string> env = {{"MORGUE_ARCHIVE", ""},
                                                  {"MORGUE_PLUGIN_PATH", ""}};
  CommandResult imported = RunMorgue(
      {"--archive", archive, "import", "--create", (dir / "pistes-cyclables.html").string()}, "",
      env, dir.path());
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;

  CommandResult shown = RunMorgue({"--archive", archive, "show", "1", "--json"}, "", env);
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  std::vector<std::string> names;
  const Json article = Json::parse(shown.out);
  for (const Json& author : article.at("authors")) {
    names.push_back(author.at("name").get<std::string>());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Hélène LEFÈVRE", "Jean-François Mercier"}));

  CommandResult provenance =
      RunMorgue({"--archive", archive, "show", "1", "--provenance"}, "", env);
  ASSERT_EQ(provenance.exit_code, kOk) << provenance.err;
  EXPECT_NE(provenance.out.find("Hélène LEFÈVRE"), std::string::npos) << provenance.out;
  EXPECT_NE(provenance.out.find("authors ← dom-byline"), std::string::npos) << provenance.out;
  EXPECT_EQ(provenance.out.find("redac_web2"), std::string::npos) << provenance.out;
  EXPECT_EQ(provenance.out.find("Marc Dubois"), std::string::npos) << provenance.out;
}

}  // namespace
}  // namespace morgue::testing
