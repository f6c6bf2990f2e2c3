// A page's date through the binary: `morgue import` of a saved German article whose
// metadata says nothing of its date, and `morgue show` gives the day its date line shows,
// with the rule that found it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

constexpr int kOk = 0;

class PageDatesTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  TempDir dir_;
  std::filesystem::path archive_ = dir_ / "archive.db";
};

// The date line under the headline is the only date a reader sees; the sidebar's
// "today" and the footer's copyright year are not the article's.
constexpr char kGermanPage[] = R"(<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Stadtwerke bauen neuen Windpark | Lokalzeitung</title>
<meta property="og:title" content="Stadtwerke bauen neuen Windpark">
</head>
<body>
<header class="site-header"><div class="heute">Heute ist Montag, 12. Dezember 2022</div></header>
<main>
<article>
<h1>Stadtwerke bauen neuen Windpark</h1>
<p class="meta">Von Anna Schmidt | Veröffentlicht am 6. Dezember 2022, 14:30 Uhr</p>
<p>Die Stadtwerke haben am Dienstag angekündigt, im Norden der Stadt einen Windpark mit
sechs Anlagen zu errichten. Der Bau soll im kommenden Frühjahr beginnen und etwa ein Jahr
dauern, wie ein Sprecher des Unternehmens mitteilte.</p>
<p>Die Anlagen sollen zusammen Strom für rund zwanzigtausend Haushalte erzeugen. Anwohner
können sich bei einer Informationsveranstaltung im Rathaus über das Vorhaben informieren.</p>
</article>
<aside class="sidebar"><h2>Meistgelesen</h2><p>Weihnachtsmarkt eröffnet – 1. Dezember 2022</p></aside>
</main>
<footer><p>© 2022 Lokalzeitung GmbH</p></footer>
</body>
</html>
)";

TEST_F(PageDatesTest, ShowGivesTheDayTheDateLineShows) {
  const std::filesystem::path page = dir_ / "windpark.html";
  WriteFile(page, kGermanPage);
  CommandResult imported = OnArchive({"import", "--create", page.string()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  CommandResult shown = OnArchive({"show", "1", "--provenance"});
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  EXPECT_TRUE(Contains(shown.out, "2022-12-06T14:30")) << shown.out;
  EXPECT_TRUE(Contains(shown.out, "published ← visible-date-line")) << shown.out;
  EXPECT_FALSE(Contains(shown.out, "2022-12-12")) << shown.out;
}

}  // namespace
}  // namespace morgue::testing
