// Pages saved as one file by Chrome (MHTML) through the real binary
// (tests/fixtures/mhtml/): the page is an article with its address, its original is the
// decoded HTML, its stylesheet and image are counted; nothing imported twice; a file cut
// short; a file that is not MHTML; --isolate.

#include <gmock/gmock.h>
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
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr int kOk = 0;
constexpr char kContainerLine[] =
    "morgue: page.mhtml: mhtml: 3 records: 1 document, 2 skipped: 1 images, 1 stylesheets\n";

class MhtmlImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = ReadFile(FixturesDir() / "mhtml" / "korea-times-2011-01-04.newspage.mhtml");
    WriteFile(dir_ / "page.mhtml", saved_);
    archive_ = dir_ / "a.db";
  }

  CommandResult Morgue(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  Json List() {
    CommandResult listed = Morgue({"list", "--json"});
    EXPECT_EQ(listed.exit_code, kOk) << listed.err;
    return listed.exit_code == kOk ? Json::parse(listed.out) : Json::array();
  }

  void ExpectThePage() {
    const Json listed = List();
    ASSERT_EQ(listed.size(), 1u);
    CommandResult shown = Morgue({"show", std::to_string(listed[0]["id"].get<int>()), "--json"});
    ASSERT_EQ(shown.exit_code, kOk) << shown.err;
    const Json article = Json::parse(shown.out);
    EXPECT_EQ(article["title"], "Seoul, Tokyo seek 1st military pact");
    EXPECT_EQ(article["authors"][0]["name"], "Lee Tae-hoon");
    EXPECT_EQ(article["published"], "2011-01-04T17:26");  // the page's, not when it was saved
    EXPECT_EQ(article["source"], "Korea Times");
    EXPECT_EQ(article["url"], "https://www.koreatimes.co.kr/www/nation/2011/01/205_79083.html");
    EXPECT_EQ(article["provenance"]["url"], "mhtml page");
    ASSERT_EQ(article["documents"].size(), 1u);
    EXPECT_EQ(article["documents"][0]["original_path"], "page.mhtml#html");
    EXPECT_EQ(article["documents"][0]["media_type"], "text/html");
  }

  TempDir dir_;
  fs::path archive_;
  std::string saved_;
};

TEST_F(MhtmlImportTest, ThePageIsAnArticleAndItsOriginalIsItsHtml) {
  CommandResult imported = Morgue({"import", "--create", "page.mhtml"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr(kContainerLine));
  EXPECT_THAT(imported.err, HasSubstr("1 file (1 container with 1 document, 2 records skipped): "
                                      "1 article imported, 0 duplicates"));
  ExpectThePage();
  CommandResult original = Morgue({"original", std::to_string(List()[0]["id"].get<int>())});
  ASSERT_EQ(original.exit_code, kOk) << original.err;
  // Decoded from quoted-printable: no "=3D" left, the page's own bytes.
  EXPECT_THAT(original.out, StartsWith("<!DOCTYPE html>\r\n<html lang=\"en\">\r\n<head><meta "
                                       "http-equiv=\"Content-Type\""));
  EXPECT_THAT(original.out, Not(HasSubstr("=3D")));
  CommandResult exported = Morgue({"export", "--format", "json"});
  ASSERT_EQ(exported.exit_code, kOk) << exported.err;
  EXPECT_EQ(Json::parse(exported.out).size(), 1u);
}

TEST_F(MhtmlImportTest, NothingIsImportedTwice) {
  CommandResult twice = Morgue({"import", "--create", "page.mhtml", "page.mhtml"});
  ASSERT_EQ(twice.exit_code, kOk) << twice.err;
  EXPECT_THAT(twice.err, HasSubstr("1 article imported, 1 duplicate"));
  CommandResult again = Morgue({"import", "page.mhtml"});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_THAT(again.err, HasSubstr("0 articles imported, 1 duplicate"));
  EXPECT_EQ(List().size(), 1u);
}

TEST_F(MhtmlImportTest, IsolatedImportGivesTheSame) {
  CommandResult imported = Morgue({"import", "--create", "--isolate", "page.mhtml"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr(kContainerLine));
  ExpectThePage();
}

TEST_F(MhtmlImportTest, AFileCutShortKeepsThePageBeforeTheCut) {
  const std::string cut = saved_.substr(0, saved_.find("Content-Type: image/jpeg") + 30);
  WriteFile(dir_ / "cut.mht", cut);
  CommandResult imported = Morgue({"import", "--create", "cut.mht"});
  EXPECT_EQ(imported.exit_code, 1) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr("cut.mht: mhtml: at byte " + std::to_string(cut.size()) +
                                      ": the file ends inside a part's headers\n"));
  EXPECT_THAT(imported.err, HasSubstr("morgue: cut.mht: mhtml: 2 records: 1 document, 1 skipped: 1 "
                                      "stylesheets\n"));
  EXPECT_EQ(List().size(), 1u);
}

TEST_F(MhtmlImportTest, AFileThatIsNotMhtml) {
  WriteFile(dir_ / "note.mht", "just a note\n\nnothing else\n");
  CommandResult imported = Morgue({"import", "--create", "--format", "mhtml", "note.mht"});
  EXPECT_EQ(imported.exit_code, 1) << imported.err;
  EXPECT_THAT(imported.err,
              HasSubstr("note.mht: mhtml: at byte 0: not an MHTML file: its Content-Type is not "
                        "multipart/related with a boundary\n"));
  EXPECT_EQ(List().size(), 0u);
}

}  // namespace
}  // namespace morgue::testing
