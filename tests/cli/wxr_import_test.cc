// WordPress exports (WXR) through the real binary: a WordPress 6.1.1 export holding the
// seed article as one post among others (tests/fixtures/wordpress/), with comments, a
// draft, a page, an attachment and a revision that are not articles; --include-drafts and
// --include-pages; nothing imported twice; a truncated export; a post that fails alone;
// --isolate; the seed merging with its text import.

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
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr int kOk = 0;
constexpr char kExport[] = "peninsulawatch.WordPress.2023-02-10.xml";
constexpr char kContainerLine[] =
    "morgue: peninsulawatch.WordPress.2023-02-10.xml: wordpress: 6 records: 2 documents, 4 "
    "skipped: 1 attachments, 1 drafts, 1 pages, 1 revisions\n";

class WxrImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / kExport, ReadFile(FixturesDir() / "wordpress" / kExport));
    archive_ = dir_ / "a.db";
  }

  CommandResult Morgue(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  Json List() {
    CommandResult listed = Morgue({"list", "--json"});
    EXPECT_EQ(listed.exit_code, kOk) << listed.err;
    return listed.exit_code == kOk ? Json::parse(listed.out) : Json::array();
  }

  std::vector<std::string> Titles() {
    std::vector<std::string> titles;
    for (const Json& article : List()) titles.push_back(article["title"].get<std::string>());
    std::sort(titles.begin(), titles.end());
    return titles;
  }

  // The id of the article titled `title`, or -1.
  int IdOf(const std::string& title) {
    for (const Json& article : List()) {
      if (article["title"] == title) return article["id"].get<int>();
    }
    return -1;
  }

  Json Show(int id) {
    CommandResult shown = Morgue({"show", std::to_string(id), "--json"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return shown.exit_code == kOk ? Json::parse(shown.out) : Json::object();
  }

  TempDir dir_;
  fs::path archive_;
};

constexpr char kSeedTitle[] = "Seoul, Tokyo seek 1st military pact";
constexpr char kOtherTitle[] = "Lee offers olive branch, but vows strong defense";

// What the single Blogger page of the seed gives (tests/fixtures/articles/README.md).
void ExpectSeedMetadata(const Json& article) {
  EXPECT_EQ(article["title"], kSeedTitle);
  EXPECT_EQ(article["subtitle"], "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  ASSERT_EQ(article["authors"].size(), 2u) << article["authors"].dump();
  EXPECT_EQ(article["authors"][0]["name"], "Lee Tae-hoon");
  EXPECT_EQ(article["authors"][0]["email"], "leeth@koreatimes.co.kr");
  EXPECT_EQ(article["authors"][0]["role"], "author");
  EXPECT_EQ(article["authors"][1]["name"], "kimchi-watcher");
  EXPECT_EQ(article["authors"][1]["role"], "poster");
  EXPECT_EQ(article["published"], "2011-01-04");
  EXPECT_EQ(article["source"], "Korea Times");
  EXPECT_EQ(article["tags"], Json::array({"defense", "Japan", "South Korea"}));
  ASSERT_EQ(article["media"].size(), 1u);
  EXPECT_EQ(article["media"][0]["credit"], "Xinhua-Yonhap");
}

TEST_F(WxrImportTest, PublishedPostsBecomeArticlesAndTheRestIsCounted) {
  CommandResult imported = Morgue({"import", "--create", kExport});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr(kContainerLine));
  EXPECT_THAT(imported.err,
              HasSubstr("1 file (1 container with 2 documents, 4 records skipped): 2 articles "
                        "imported, 0 duplicates; 0 inputs failed, 0 skipped\n"));
  EXPECT_THAT(Titles(), ElementsAre(kOtherTitle, kSeedTitle));

  const int seed = IdOf(kSeedTitle);
  const Json article = Show(seed);
  ExpectSeedMetadata(article);
  EXPECT_EQ(article["url"],
            "https://peninsulawatch.net/2011/01/04/seoul-tokyo-seek-1st-military-pact/");
  EXPECT_EQ(article["provenance"]["url"], "wxr item");
  EXPECT_EQ(article["provenance"]["tags"], "wxr item");
  ASSERT_EQ(article["documents"].size(), 1u);
  EXPECT_EQ(article["documents"][0]["original_path"], std::string(kExport) + "#post-123");
  EXPECT_EQ(article["documents"][0]["media_type"], "text/html");
  // No comment became an article, nor part of one.
  EXPECT_THAT(article["body"].get<std::string>(), Not(HasSubstr("GSOMIA text")));

  // The original is the post's page, its content as exported.
  CommandResult original = Morgue({"original", std::to_string(seed)});
  ASSERT_EQ(original.exit_code, kOk) << original.err;
  EXPECT_THAT(original.out, StartsWith("<!DOCTYPE html>\n<html lang=\"en-US\">"));
  EXPECT_THAT(original.out, HasSubstr("<!-- wp:paragraph -->\n<p>By Lee Tae-hoon</p>"));

  // A classic post's blank lines are its paragraphs.
  const Json other = Show(IdOf(kOtherTitle));
  EXPECT_THAT(other["body"].get<std::string>(),
              HasSubstr("in his televised address.\n\nWe will never tolerate"));
  EXPECT_EQ(other["published"], "2011-01-03T21:05:00+09:00");
  EXPECT_EQ(other["tags"], Json::array({"North Korea", "South Korea"}));

  CommandResult exported = Morgue({"export", "--format", "json"});
  ASSERT_EQ(exported.exit_code, kOk) << exported.err;
  EXPECT_EQ(Json::parse(exported.out).size(), 2u);
}

TEST_F(WxrImportTest, NothingIsImportedTwice) {
  ASSERT_EQ(Morgue({"import", "--create", kExport}).exit_code, kOk);
  CommandResult again = Morgue({"import", kExport});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_THAT(again.err, HasSubstr("0 articles imported, 2 duplicates"));
  EXPECT_EQ(List().size(), 2u);

  const fs::path other = dir_ / "b.db";
  archive_ = other;
  CommandResult twice = Morgue({"import", "--create", kExport, kExport});
  ASSERT_EQ(twice.exit_code, kOk) << twice.err;
  EXPECT_THAT(twice.err, HasSubstr("2 files (2 containers with 4 documents, 8 records "
                                   "skipped): 2 articles imported, 2 duplicates"));
  EXPECT_EQ(List().size(), 2u);
}

TEST_F(WxrImportTest, DraftsAndPagesWhenAsked) {
  CommandResult imported =
      Morgue({"import", "--create", "--include-drafts", "--include-pages", kExport});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err,
              HasSubstr("wordpress: 6 records: 4 documents, 2 skipped: 1 attachments, 1 "
                        "revisions\n"));
  EXPECT_THAT(Titles(), ElementsAre("About", kOtherTitle, kSeedTitle, "Yeonpyeong, one year on"));
}

TEST_F(WxrImportTest, IsolatedImportGivesTheSame) {
  CommandResult imported = Morgue({"import", "--create", "--isolate", kExport});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr(kContainerLine));
  EXPECT_THAT(Titles(), ElementsAre(kOtherTitle, kSeedTitle));
  ExpectSeedMetadata(Show(IdOf(kSeedTitle)));
}

TEST_F(WxrImportTest, FromStandardInput) {
  CommandResult imported =
      Morgue({"import", "--create", "-"}, ReadFile(FixturesDir() / "wordpress" / kExport));
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr("morgue: <stdin>: wordpress: 6 records: 2 documents"));
  EXPECT_EQ(List().size(), 2u);
}

TEST_F(WxrImportTest, TheSeedPostMergesWithTheTextImport) {
  WriteFile(dir_ / "seed.txt", ReadFile(FixturesDir() / "korea-times-2011-01-04.txt"));
  CommandResult imported = Morgue({"import", "--create", "seed.txt", kExport});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr("2 articles imported, 1 duplicate;"));
  const Json article = Show(IdOf(kSeedTitle));
  EXPECT_EQ(article["documents"].size(), 2u);
  EXPECT_EQ(article["published"], "2011-01-04");
  EXPECT_EQ(article["source"], "Korea Times");
  EXPECT_EQ(article["tags"], Json::array({"defense", "Japan", "South Korea"}));
}

// The seed as a 2011 post of the classic editor would be stored: blank lines between its
// paragraphs, the photo in a [caption] shortcode, the e-mail on the line after the last
// paragraph, as in the .txt.
std::string ClassicSeedContent() {
  const std::string text = ReadFile(FixturesDir() / "korea-times-2011-01-04.txt");
  std::vector<std::string> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string content =
      "<strong>Seoul, Tokyo seek 1st military pact</strong>\n\n"
      "[caption id=\"attachment_124\" align=\"aligncenter\" width=\"400\"]<img "
      "class=\"size-full wp-image-124\" "
      "src=\"https://peninsulawatch.net/wp-content/uploads/2011/01/110104_p02_kan.jpg\" "
      "alt=\"\" width=\"400\" height=\"266\" /> " +
      lines[3] + "[/caption]\n\n<em>" + lines[4] + "</em>\n\n" + lines[5] + "\n\n";
  for (size_t i = 6; i < 20; ++i) content += lines[i] + (i < 19 ? "\n\n" : "\n");
  return content + "<a href=\"mailto:leeth@koreatimes.co.kr\">leeth@koreatimes.co.kr</a>";
}

TEST_F(WxrImportTest, TheSeedAsAClassicPostGivesTheSameArticle) {
  std::string xml = ReadFile(FixturesDir() / "wordpress" / kExport);
  const size_t start = xml.find("<!-- wp:paragraph -->\n<p><strong>Seoul");
  const size_t end = xml.find("]]></content:encoded>", start);
  xml.replace(start, end - start, ClassicSeedContent());
  WriteFile(dir_ / "classic.xml", xml);
  WriteFile(dir_ / "seed.txt", ReadFile(FixturesDir() / "korea-times-2011-01-04.txt"));
  CommandResult imported = Morgue({"import", "--create", "classic.xml"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  const int seed = IdOf(kSeedTitle);
  ExpectSeedMetadata(Show(seed));
  CommandResult original = Morgue({"original", std::to_string(seed)});
  EXPECT_THAT(original.out, HasSubstr("<p>By Lee Tae-hoon</p>\n<p>South Korea is considering"));
  EXPECT_THAT(original.out, HasSubstr("<figcaption class=\"wp-caption-text\">Japanese Prime"));
  // And it is the text's article.
  CommandResult text = Morgue({"import", "seed.txt"});
  ASSERT_EQ(text.exit_code, kOk) << text.err;
  EXPECT_THAT(text.err, HasSubstr("0 articles imported, 1 duplicate;"));
}

TEST_F(WxrImportTest, ATruncatedExportKeepsThePostsBeforeTheCut) {
  const std::string xml = ReadFile(FixturesDir() / "wordpress" / kExport);
  WriteFile(dir_ / "cut.xml", xml.substr(0, 20000));
  CommandResult imported = Morgue({"import", "--create", "cut.xml"});
  EXPECT_EQ(imported.exit_code, 1) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr("cut.xml: wordpress: at byte 20000: "));
  EXPECT_THAT(imported.err,
              HasSubstr("morgue: cut.xml: wordpress: 3 records: 2 documents, 1 skipped: 1 "
                        "attachments\n"));
  EXPECT_THAT(Titles(), ElementsAre(kOtherTitle, kSeedTitle));
}

TEST_F(WxrImportTest, APostThatCannotBeReadFailsAlone) {
  std::string xml = ReadFile(FixturesDir() / "wordpress" / kExport);
  const size_t content = xml.find("<content:encoded>");
  xml.erase(content, xml.find("</content:encoded>", content) + 18 - content);
  WriteFile(dir_ / "bad.xml", xml);
  CommandResult imported = Morgue({"import", "--create", "bad.xml"});
  EXPECT_EQ(imported.exit_code, 1) << imported.err;
  EXPECT_THAT(imported.err, HasSubstr("bad.xml#post-118: "));
  EXPECT_THAT(imported.err, HasSubstr("the post has no content:encoded\n"));
  EXPECT_THAT(imported.err, HasSubstr("1 article imported, 0 duplicates; 1 input failed"));
  EXPECT_THAT(Titles(), ElementsAre(kSeedTitle));
}

}  // namespace
}  // namespace morgue::testing
