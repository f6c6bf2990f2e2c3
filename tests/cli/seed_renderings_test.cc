// The seed article from every rendering the tests have, through the real binary: plain
// text (LF, CRLF, BOM, Windows-1252), Blogger (<br><br> and single-<br> paragraphs),
// WordPress (plain and with a credit line naming the original) and the news site's own
// page. Imported together they are ONE article with exactly the seed's metadata; imported
// alone each gives that metadata.

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

const std::vector<std::string>& Renderings() {
  static const std::vector<std::string> files = {
      "korea-times-2011-01-04.txt",
      "articles/korea-times-2011-01-04.crlf.txt",
      "articles/korea-times-2011-01-04.bom.txt",
      "articles/korea-times-2011-01-04.cp1252.txt",
      "articles/korea-times-2011-01-04.blogger.html",
      "articles/korea-times-2011-01-04.wordpress.html",
      "articles/korea-times-2011-01-04.wordpress-credit.html",
      "articles/korea-times-2011-01-04.newspage.html",
      "articles/korea-times-2011-01-04.blogger-br.html",
  };
  return files;
}

// The 14 paragraphs, as a body.
std::string SeedBody() {
  std::string body;
  for (const std::string& paragraph : SeedParagraphs()) {
    body += (body.empty() ? "" : "\n\n") + paragraph;
  }
  return body;
}

class SeedRenderingsTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(const fs::path& archive, std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  Json Show(const fs::path& archive, const std::string& id) {
    CommandResult shown = OnArchive(archive, {"show", id, "--json"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return shown.exit_code == kOk ? Json::parse(shown.out) : Json::object();
  }

  TempDir dir_;
};

// The seed's metadata (/work/shared/fixtures/README.md). `published` is checked by the
// caller: a news page states the time as well.
void ExpectSeedMetadata(const Json& article, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(article.value("title", ""), "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(article.value("subtitle", ""), "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  ASSERT_TRUE(article.contains("authors") && !article["authors"].empty());
  EXPECT_EQ(
      article["authors"][0],
      (Json{{"name", "Lee Tae-hoon"}, {"email", "leeth@koreatimes.co.kr"}, {"role", "author"}}));
  for (size_t i = 1; i < article["authors"].size(); ++i) {
    EXPECT_EQ(article["authors"][i].value("role", ""), "poster") << article["authors"][i];
  }
  EXPECT_EQ(article.value("source", ""), "Korea Times");
  ASSERT_TRUE(article.contains("media"));
  ASSERT_EQ(article["media"].size(), 1u);
  EXPECT_EQ(article["media"][0].value("caption", ""),
            "Japanese Prime Minister Naoto Kan speaks during his New Year news conference at his "
            "official residence in Tokyo, Tuesday.");
  EXPECT_EQ(article["media"][0].value("credit", ""), "Xinhua-Yonhap");
  const std::string body = article.value("body", "");
  EXPECT_EQ(body, SeedBody());
  EXPECT_TRUE(body.starts_with("South Korea is considering signing"));
  EXPECT_TRUE(body.ends_with("military supplies and services."));
}

TEST_F(SeedRenderingsTest, EveryRenderingImportedTogetherIsOneArticle) {
  const fs::path archive = dir_.path() / "seed.db";
  std::vector<std::string> args = {"import", "--create"};
  for (const std::string& file : Renderings()) args.push_back((FixturesDir() / file).string());
  CommandResult imported = OnArchive(archive, args);
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_NE(imported.err.find("9 files: 1 article imported, 8 duplicates; 0 files failed"),
            std::string::npos)
      << imported.err;
  EXPECT_EQ(QuerySql(archive, "SELECT count(*) FROM articles"), "1");
  EXPECT_EQ(QuerySql(archive, "SELECT count(*) FROM documents"), "9");

  const Json article = Show(archive, "1");
  ExpectSeedMetadata(article, "all renderings");
  EXPECT_EQ(article.value("published", ""), "2011-01-04");
}

TEST_F(SeedRenderingsTest, EachRenderingAloneGivesTheSeedMetadata) {
  for (const std::string& file : Renderings()) {
    const fs::path archive = dir_.path() / (fs::path(file).filename().string() + ".db");
    CommandResult imported =
        OnArchive(archive, {"import", "--create", (FixturesDir() / file).string()});
    ASSERT_EQ(imported.exit_code, kOk) << file << ": " << imported.err;
    const Json article = Show(archive, "1");
    ExpectSeedMetadata(article, file);
    // The news site's own page states the time of publication and of the last update.
    const bool news_page = file.ends_with("newspage.html");
    EXPECT_EQ(article.value("published", ""), news_page ? "2011-01-04T17:26" : "2011-01-04")
        << file;
    EXPECT_EQ(article["updated"].is_null() ? "" : article["updated"].get<std::string>(),
              news_page ? "2011-01-04T18:02" : "")
        << file;
  }
}

// The Korean Blogger repost as a page and as text: one article, the reporter its author.
TEST_F(SeedRenderingsTest, KoreanBloggerRepostPageAndTextAreOneArticle) {
  const fs::path archive = dir_.path() / "ko.db";
  CommandResult imported = OnArchive(
      archive, {"import", "--create",
                (FixturesDir() / "articles/gangwon-snow-2011-01-05.blogger-ko.html").string(),
                (FixturesDir() / "articles/gangwon-snow-2011-01-05.blogger-ko.txt").string()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_NE(imported.err.find("2 files: 1 article imported, 1 duplicate"), std::string::npos)
      << imported.err;
  const Json article = Show(archive, "1");
  EXPECT_EQ(article["authors"][0],
            (Json{{"name", "박민수"}, {"email", nullptr}, {"role", "author"}}));
  EXPECT_EQ(article["authors"][1],
            (Json{{"name", "눈사람"}, {"email", nullptr}, {"role", "poster"}}));
  EXPECT_EQ(article.value("published", ""), "2011-01-05");
  const std::string body = article.value("body", "");
  EXPECT_EQ(body.find("기자"), std::string::npos) << body;
  EXPECT_EQ(body.find("댓글"), std::string::npos) << body;
}

}  // namespace
}  // namespace morgue::testing
