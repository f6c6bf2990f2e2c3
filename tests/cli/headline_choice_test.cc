// The headline a user gets from `morgue import` when a page's titles disagree: the page's
// one h1 over a <title> written for search results, shown with its rule by
// `show --provenance`.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;

TEST(HeadlineChoiceTest, OneH1OverASearchResultTitle) {
  TempDir dir;
  const fs::path archive = dir / "archive.db";
  const std::map<std::string, std::string> env = {{"MORGUE_ARCHIVE", ""},
                                                  {"MORGUE_PLUGIN_PATH", ""}};
  WriteFile(dir / "page.html",
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<title>Garden pond in winter \xC2\xBB When do the fish sleep?</title></head><body>"
            "<article><h1>How do I look after my garden pond in winter?</h1>"
            "<p>Before the first frost, clear fallen leaves from the water and cut back the "
            "marsh plants to a hand's width above the surface.</p>"
            "<p>Stop feeding the fish once the water is colder than ten degrees: they rest "
            "near the bottom, where the water stays at four degrees all winter.</p>"
            "</article></body></html>");
  CommandResult imported =
      RunMorgue({"--archive", archive.string(), "import", "--create", (dir / "page.html").string()},
                "", env, dir.path());
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;

  CommandResult shown =
      RunMorgue({"--archive", archive.string(), "show", "1", "--json"}, "", env, dir.path());
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  const Json article = Json::parse(shown.out);
  EXPECT_EQ(article.at("title"), "How do I look after my garden pond in winter?");

  CommandResult provenance =
      RunMorgue({"--archive", archive.string(), "show", "1", "--provenance"}, "", env, dir.path());
  ASSERT_EQ(provenance.exit_code, kOk) << provenance.err;
  EXPECT_NE(provenance.out.find("title \xE2\x86\x90 h1\n"), std::string::npos) << provenance.out;
}

}  // namespace
}  // namespace morgue::testing
