// Titles through the binary: a saved page's headline, without the site's name its
// metadata titles carry and in the page's own typography, with the sources that agreed
// on it in `show --provenance`.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;

constexpr char kBody[] =
    "<p>Die Stadt baut bis zum Herbst neue Radwege entlang der Hauptstraße und am Ufer. "
    "Der Bauausschuss hat den Plänen am Dienstag mit großer Mehrheit zugestimmt.</p>"
    "<p>Nach Angaben der Verwaltung sollen die Arbeiten im April beginnen. Während der "
    "Bauzeit wird der Verkehr einspurig an den Baustellen vorbeigeführt.</p>"
    "<p>Die Kosten von rund zwei Millionen Euro trägt zum großen Teil das Land.</p>";

class TitlesTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  // Imports `page` as the only article of a new archive; returns its `show --json`.
  Json ImportAndShow(const std::string& page) {
    WriteFile(dir_ / "page.html", page);
    CommandResult imported = OnArchive({"import", "--create", (dir_ / "page.html").string()});
    EXPECT_EQ(imported.exit_code, kOk) << imported.err;
    CommandResult shown = OnArchive({"show", "1", "--json"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return Json::parse(shown.out);
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
};

TEST_F(TitlesTest, HeadlineThePageShowsWithoutTheSiteName) {
  const Json article = ImportAndShow(
      std::string("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
                  "<title>Neue Radwege für die Innenstadt - Stadtkurier</title>"
                  "<meta property='og:title' content='Neue Radwege für die Innenstadt - "
                  "Stadtkurier'><meta property='og:site_name' content='Stadtkurier'>"
                  "</head><body><header><h1><a href='/'>Stadtkurier</a></h1></header>"
                  "<article><h1>Neue Radwege für die Innenstadt</h1>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(article.at("title"), "Neue Radwege für die Innenstadt");
  EXPECT_EQ(article.at("provenance").at("title"), "h1+og:title");

  CommandResult provenance = OnArchive({"show", "1", "--provenance"});
  ASSERT_EQ(provenance.exit_code, kOk) << provenance.err;
  EXPECT_NE(provenance.out.find("title \xE2\x86\x90 h1+og:title"), std::string::npos)
      << provenance.out;
}

TEST_F(TitlesTest, EntitiesLeftEncodedInMetadataAreDecoded) {
  // The page escaped its og:title twice: after parsing it still reads "&#8222;".
  const Json article = ImportAndShow(
      std::string("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
                  "<meta property='og:title' content='Bürgermeisterin: &amp;#8222;Die Radwege "
                  "kommen&amp;#8220; | Stadtkurier'>"
                  "<meta property='og:site_name' content='Stadtkurier'></head><body><article>") +
      kBody + "</article></body></html>");
  EXPECT_EQ(article.at("title"),
            "Bürgermeisterin: \xE2\x80\x9E"
            "Die Radwege kommen\xE2\x80\x9C");
  EXPECT_EQ(article.at("provenance").at("title"), "og:title");
}

}  // namespace
}  // namespace morgue::testing
