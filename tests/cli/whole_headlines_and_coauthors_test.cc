// What a user gets from `morgue import` and sees in `show --provenance` for three forms of
// page: a headline shown cut short of its JSON-LD alternativeHeadline, an h1 the comment
// section quotes as the post's title while the share card says something else, and
// co-authors the JSON-LD leaves out that the author tag and the byline both name.

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

constexpr char kText[] =
    "<p>Before the first frost, clear fallen leaves from the water and cut back the marsh "
    "plants to a hand's width above the surface.</p>"
    "<p>Stop feeding the fish once the water is colder than ten degrees: they rest near the "
    "bottom, where the water stays at four degrees all winter.</p>";

// The article `page` becomes, as `show --json` prints it, and `show --provenance`'s text.
std::pair<Json, std::string> Imported(const std::string& page) {
  TempDir dir;
  const fs::path archive = dir / "archive.db";
  const std::map<std::string, std::string> env = {{"MORGUE_ARCHIVE", ""},
                                                  {"MORGUE_PLUGIN_PATH", ""}};
  WriteFile(dir / "page.html", page);
  CommandResult imported =
      RunMorgue({"--archive", archive.string(), "import", "--create", (dir / "page.html").string()},
                "", env, dir.path());
  EXPECT_EQ(imported.exit_code, kOk) << imported.err;
  CommandResult shown =
      RunMorgue({"--archive", archive.string(), "show", "1", "--json"}, "", env, dir.path());
  EXPECT_EQ(shown.exit_code, kOk) << shown.err;
  CommandResult provenance =
      RunMorgue({"--archive", archive.string(), "show", "1", "--provenance"}, "", env, dir.path());
  EXPECT_EQ(provenance.exit_code, kOk) << provenance.err;
  return {Json::parse(shown.out, nullptr, false), provenance.out};
}

TEST(WholeHeadlinesAndCoauthorsTest, TheWholeHeadlineFromTheAlternative) {
  const auto [article, provenance] = Imported(
      "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
      "<title>Five ways to keep your pond clear | Garden Weekly</title>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"headline\":\"Five ways to keep your pond clear\","
      "\"alternativeHeadline\":\"Five ways to keep your pond clear through the winter\"}"
      "</script></head><body><article><h1>Five ways to keep your pond clear</h1>" +
      std::string(kText) + "</article></body></html>");
  ASSERT_TRUE(article.is_object());
  EXPECT_EQ(article.at("title"), "Five ways to keep your pond clear through the winter");
  EXPECT_NE(provenance.find("title \xE2\x86\x90 json-ld-alternative\n"), std::string::npos)
      << provenance;
}

TEST(WholeHeadlinesAndCoauthorsTest, TheH1TheCommentSectionQuotes) {
  const auto [article, provenance] = Imported(
      "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
      "<title>Pond care | Garden Notes | Discover now</title>"
      "<meta property='og:title' content='Pond care | Garden Notes | Discover now'></head>"
      "<body><article><h1>How I keep my little pond clear all winter</h1>" +
      std::string(kText) +
      "</article><div id='comments'><h2 class='comments-title'>One thought on \xE2\x80\x9C"
      "How I keep my little pond clear all winter\xE2\x80\x9D</h2><ol><li><p>Thank you, very "
      "useful!</p></li></ol></div></body></html>");
  ASSERT_TRUE(article.is_object());
  EXPECT_EQ(article.at("title"), "How I keep my little pond clear all winter");
  EXPECT_NE(provenance.find("title \xE2\x86\x90 h1+comments-heading\n"), std::string::npos)
      << provenance;
}

TEST(WholeHeadlinesAndCoauthorsTest, CoauthorsTwoSourcesName) {
  const auto [article, provenance] = Imported(
      "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
      "<title>Keeping a pond clear | Garden Weekly</title>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Keeping "
      "a pond clear\",\"author\":{\"@type\":\"Person\",\"name\":\"Mary Example\"}}</script>"
      "<meta name='author' content='Mary Example, Tom Sample'></head><body><article>"
      "<h1>Keeping a pond clear</h1><p class='byline'>By Mary Example and Tom Sample</p>" +
      std::string(kText) + "</article></body></html>");
  ASSERT_TRUE(article.is_object());
  std::vector<std::string> names;
  for (const Json& author : article.at("authors")) names.push_back(author.at("name"));
  EXPECT_EQ(names, (std::vector<std::string>{"Mary Example", "Tom Sample"}));
  EXPECT_NE(provenance.find("authors \xE2\x86\x90 author\n"), std::string::npos) << provenance;
}

}  // namespace
}  // namespace morgue::testing
