// The json plugin reading what other extractors produce — trafilatura's JSON output,
// Readability's article object, newspaper article objects — from fixtures in each tool's
// documented shape (tests/fixtures/foreign/), through the library as the host loads the
// plugin and through the real `morgue` binary.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using Provenance = std::map<std::string, std::string>;

std::filesystem::path Foreign(const std::string& name) { return FixturesDir() / "foreign" / name; }

std::vector<std::string> Names(const Article& article) {
  std::vector<std::string> names;
  for (const Author& author : article.authors) {
    names.push_back(author.name);
  }
  return names;
}

class ForeignJsonTest : public testing::BuiltinPluginTest {
 protected:
  ForeignJsonTest() : BuiltinPluginTest("json") {}

  // Imports a file the way `morgue import` does: probed unless `format` is given.
  InputReport Import(const std::filesystem::path& file, const std::string& format = "") {
    std::vector<InputReport> reports = ImportFiles(*archive_, {file}, format);
    return reports.empty() ? InputReport() : reports[0];
  }

  // Imports `file`, expecting `count` articles, and returns the archive's articles.
  std::vector<Article> ImportAll(const std::filesystem::path& file, int64_t count,
                                 const std::string& format = "") {
    InputReport report = Import(file, format);
    EXPECT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.plugin, "json");
    EXPECT_EQ(report.imported, count);
    return testing::AllArticles(*archive_);
  }

  // The failure message of importing `content` from a file called `name`.
  std::string ImportError(const std::string& name, const std::string& content) {
    WriteFile(dir_ / name, content);
    InputReport report = Import(dir_ / name);
    return report.status.ok() ? "" : report.status.message();
  }

  int64_t Count() {
    auto count = archive_->Count(Filter());
    return count.ok() ? *count : -1;
  }
};

TEST_F(ForeignJsonTest, TrafilaturaObject) {
  std::vector<Article> articles = ImportAll(Foreign("trafilatura-koreatimes.json"), 1);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.title, "Seoul, Tokyo seek first military pact");
  EXPECT_THAT(Names(a), ElementsAre("Lee Tae-hoon", "Kim Se-jeong"));
  EXPECT_EQ(a.authors[0].role, "author");
  EXPECT_EQ(a.published, "2011-01-04");
  EXPECT_EQ(a.source, "Korea Times");  // "The Korea Times", canonical
  EXPECT_EQ(a.url, "https://www.koreatimes.co.kr/www/news/nation/2011/01/113_79110.html");
  EXPECT_EQ(a.canonical_url, "");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.summary, "Seoul and Tokyo are expected to sign their first military pact.");
  // "Defense" from categories and "defense" from tags: one tag, the archive folds case.
  EXPECT_THAT(a.tags, UnorderedElementsAre("Politics", "Defense", "japan", "south korea"));
  ASSERT_EQ(a.media.size(), 1u);
  EXPECT_EQ(a.media[0].url, "https://img.koreatimes.co.kr/upload/news/110104_p01_kan.jpg");
  EXPECT_EQ(a.body,
            "South Korea is considering signing its first military agreement with Japan.\n\n"
            "Defense Minister Kim Kwan-jin will meet his Japanese counterpart in Seoul next "
            "week.\n\n"
            "The pact would allow the two militaries to share supplies during peacekeeping "
            "missions.");
  EXPECT_EQ(a.provenance, (Provenance{{"title", "trafilatura:title"},
                                      {"authors", "trafilatura:author"},
                                      {"published", "trafilatura:date"},
                                      {"source", "trafilatura:source-hostname"},
                                      {"url", "trafilatura:source"},
                                      {"body", "trafilatura:text"},
                                      {"tags", "trafilatura:categories+tags"},
                                      {"language", "trafilatura:language"},
                                      {"summary", "trafilatura:excerpt"},
                                      {"media", "trafilatura:image"}}));
}

TEST_F(ForeignJsonTest, TrafilaturaJsonLines) {
  std::vector<Article> articles = ImportAll(Foreign("trafilatura-several.jsonl"), 3);
  ASSERT_EQ(articles.size(), 3u);

  const Article& korean = articles[0];
  EXPECT_EQ(korean.title, "북한, 김정일 생일 앞두고 대규모 불꽃놀이");
  EXPECT_THAT(Names(korean), ElementsAre("김지훈", "박수진"));
  EXPECT_EQ(korean.published, "2011-02-15");
  EXPECT_EQ(korean.source, "Hankyoreh");  // "한겨레", an alias
  EXPECT_EQ(korean.url, "https://www.hani.co.kr/arti/politics/defense/464118.html");
  EXPECT_EQ(korean.language, "ko");
  EXPECT_EQ(korean.summary, "평양에서 대규모 불꽃놀이가 열렸다.");
  EXPECT_THAT(korean.tags, UnorderedElementsAre("정치", "북한", "김정일"));
  EXPECT_EQ(korean.body,
            "북한이 김정일 국방위원장의 생일을 하루 앞두고 평양에서 대규모 불꽃놀이를 열었다."
            "\n\n조선중앙통신은 수만 명의 주민이 행사를 지켜봤다고 전했다.");
  EXPECT_TRUE(korean.media.empty());

  const Article& yonhap = articles[1];
  EXPECT_TRUE(yonhap.authors.empty());
  EXPECT_EQ(yonhap.published, "2011-01-20T09:30:00+09:00");
  EXPECT_EQ(yonhap.source, "Yonhap");  // from the host name alone
  EXPECT_EQ(yonhap.provenance.at("source"), "trafilatura:hostname");
  EXPECT_THAT(yonhap.tags, UnorderedElementsAre("North Korea", "Diplomacy"));
  EXPECT_EQ(yonhap.summary, "");

  const Article& blog = articles[2];
  EXPECT_EQ(blog.source, "Kimchi Notes");  // not in the directory: as given
  EXPECT_THAT(Names(blog), ElementsAre("Jane Doe"));
  EXPECT_EQ(blog.body, "Kimchi is fermented.\n\nIt keeps for months.");
  EXPECT_EQ(blog.language, "");
}

TEST_F(ForeignJsonTest, ReadabilityArticle) {
  std::vector<Article> articles = ImportAll(Foreign("readability-article.json"), 1);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.title, "North and South Korea exchange fire near disputed border");
  EXPECT_THAT(Names(a), ElementsAre("Kim Tong-hyung", "Hyung-jin Kim"));
  EXPECT_EQ(a.published, "2024-03-05T08:12:00Z");
  EXPECT_EQ(a.source, "Associated Press");  // "AP News", an alias
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.summary, "North and South Korea exchanged fire on Tuesday.");
  EXPECT_EQ(a.body,
            "North and South Korea exchanged fire on Tuesday.\n\n"
            "No casualties were reported, officials in Seoul said.");
  EXPECT_EQ(a.url, "");
  EXPECT_TRUE(a.tags.empty());
  EXPECT_EQ(a.provenance, (Provenance{{"title", "readability:title"},
                                      {"authors", "readability:byline"},
                                      {"published", "readability:publishedTime"},
                                      {"source", "readability:siteName"},
                                      {"body", "readability:textContent"},
                                      {"language", "readability:lang"},
                                      {"summary", "readability:excerpt"}}));
}

TEST_F(ForeignJsonTest, NewspaperArticle) {
  std::vector<Article> articles = ImportAll(Foreign("newspaper-article.json"), 1);
  ASSERT_EQ(articles.size(), 1u);
  const Article& a = articles[0];
  EXPECT_EQ(a.title, "Trump and Kim's Summit Ends Abruptly Without a Deal");
  EXPECT_THAT(Names(a), ElementsAre("Choe Sang-Hun", "Motoko Rich", "David E. Sanger"));
  EXPECT_EQ(a.published, "2019-02-28T10:42:00+09:00");
  EXPECT_EQ(a.source, "New York Times");  // from source_url: meta_site_name is empty
  EXPECT_EQ(a.url,
            "https://www.nytimes.com/2019/02/28/world/asia/trump-kim-summit.html?smid=tw-share");
  EXPECT_EQ(a.canonical_url, "https://www.nytimes.com/2019/02/28/world/asia/trump-kim-summit.html");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.summary, "The second summit between the two leaders ended without an agreement.");
  EXPECT_THAT(a.tags,
              UnorderedElementsAre("North Korea", "Nuclear Weapons", "summit", "kim", "trump"));
  ASSERT_EQ(a.media.size(), 1u);
  EXPECT_EQ(a.media[0].url,
            "https://static01.nyt.com/images/2019/02/28/world/28summit/"
            "28summit-facebookJumbo.jpg");
  EXPECT_EQ(a.body,
            "HANOI, Vietnam — President Trump's second summit meeting with Kim Jong-un ended "
            "abruptly on Thursday.\n\nThe White House said no agreement had been reached.");
  EXPECT_EQ(a.provenance, (Provenance{{"title", "newspaper:title"},
                                      {"authors", "newspaper:authors"},
                                      {"published", "newspaper:publish_date"},
                                      {"source", "newspaper:source_url"},
                                      {"url", "newspaper:url"},
                                      {"canonical_url", "newspaper:canonical_link"},
                                      {"body", "newspaper:text"},
                                      {"tags", "newspaper:tags+keywords"},
                                      {"language", "newspaper:meta_lang"},
                                      {"summary", "newspaper:summary"},
                                      {"media", "newspaper:top_image"}}));
}

TEST_F(ForeignJsonTest, FormatNamesTheToolWhenTheRecordsDoNotSayIt) {
  // No byline or textContent: detection alone takes it for morgue JSON and refuses it.
  WriteFile(
      dir_ / "sparse.json",
      R"({"title": "Harbour reopens", "siteName": "The Korea Times", "excerpt": "Boats return."})");
  InputReport detected = Import(dir_ / "sparse.json");
  EXPECT_FALSE(detected.status.ok());
  EXPECT_THAT(detected.status.message(), HasSubstr("unknown field 'siteName'"));

  InputReport forced = Import(dir_ / "sparse.json", "readability");
  ASSERT_TRUE(forced.status.ok()) << forced.status.ToString();
  auto article = archive_->Get(forced.article_ids.at(0));
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Harbour reopens");
  EXPECT_EQ(article->source, "Korea Times");
  EXPECT_EQ(article->summary, "Boats return.");

  // A morgue record read as newspaper's is refused in newspaper's terms.
  WriteFile(dir_ / "morgue.json", R"({"title": "T", "subtitle": "S"})");
  InputReport wrong = Import(dir_ / "morgue.json", "newspaper");
  EXPECT_THAT(wrong.status.message(), HasSubstr("newspaper record"));
}

TEST_F(ForeignJsonTest, MixedShapesInOneJsonLinesFile) {
  std::vector<Article> articles = ImportAll(Foreign("mixed-shapes.jsonl"), 4);
  ASSERT_EQ(articles.size(), 4u);
  EXPECT_EQ(articles[0].title, "Seoul, Tokyo seek 1st military pact");  // morgue JSON
  EXPECT_TRUE(articles[0].provenance.empty());
  EXPECT_EQ(articles[1].source, "Hankyoreh");
  EXPECT_EQ(articles[1].provenance.at("title"), "trafilatura:title");
  EXPECT_EQ(articles[2].source, "Associated Press");
  EXPECT_EQ(articles[2].provenance.at("title"), "readability:title");
  EXPECT_EQ(articles[3].source, "New York Times");
  EXPECT_EQ(articles[3].provenance.at("title"), "newspaper:title");
}

TEST_F(ForeignJsonTest, NamedFormatReadsEveryShape) {
  // `--format json` whatever the file is called; a JSON array of several shapes too.
  WriteFile(dir_ / "dump.txt", ReadFile(Foreign("mixed-shapes.jsonl")));
  EXPECT_EQ(ImportAll(dir_ / "dump.txt", 4, "json").size(), 4u);

  std::string array = "[" + ReadFile(Foreign("readability-article.json")) + "," +
                      ReadFile(Foreign("newspaper-article.json")) + "]";
  WriteFile(dir_ / "array.json", array);
  InputReport report = Import(dir_ / "array.json", "json");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  // The two articles are in the archive already (from dump.txt): duplicates.
  EXPECT_EQ(report.imported + report.duplicates, 2);
}

TEST_F(ForeignJsonTest, WrongTypesInToolRecordsNameTheLineAndField) {
  const std::string trafilatura = R"({"title": "T", "text": "Body.", "hostname": "a.org", )";
  EXPECT_EQ(ImportError("t.jsonl", "\n" + trafilatura + R"("author": ["Lee"]})"),
            "line 2: field 'author' must be a string, found array");
  EXPECT_EQ(ImportError("c.jsonl", trafilatura + R"("categories": 5})"),
            "line 1: field 'categories' must be a string or an array of strings, found number");
  EXPECT_EQ(ImportError("r.json", R"({"title": "T", "byline": null, "textContent": 12})"),
            "record 1: field 'textContent' must be a string, found number");
  EXPECT_EQ(ImportError("n.jsonl", R"({"title": "T", "authors": "Lee", "publish_date": null})"),
            "line 1: field 'authors' must be an array of strings, found string");
  EXPECT_EQ(
      ImportError("k.jsonl", R"({"title": "T", "authors": [], "text": "B", "keywords": ["a", 1]})"),
      "line 1: field 'keywords' item 2 must be a string, found number");
  EXPECT_EQ(ImportError("d.jsonl", R"({"title": "T", "authors": [], "publish_date": "soon"})"),
            "line 1: field 'publish_date' is not a date morgue can read: 'soon'");
  std::string unknown =
      ImportError("u.jsonl", R"({"title": "T", "textContent": "B", "colour": "red"})");
  EXPECT_TRUE(
      unknown.starts_with("line 1: unknown field 'colour' in a readability record; "
                          "its fields: title, byline, publishedTime"))
      << unknown;
  EXPECT_EQ(Count(), 0);
}

TEST_F(ForeignJsonTest, MorgueRecordsKeepTheirStrictUnknownKeyError) {
  std::string message = ImportError("m.jsonl", R"({"title": "a", "autor": "Lee"})");
  EXPECT_TRUE(message.starts_with("line 1: unknown field 'autor'; valid fields: id, title"))
      << message;
  // "text" alone says no tool: still morgue JSON, and "text" is not one of its keys.
  message = ImportError("t.jsonl", R"({"title": "a", "text": "b"})");
  EXPECT_TRUE(message.starts_with("line 1: unknown field 'text'; valid fields: id, title"))
      << message;
  EXPECT_EQ(Count(), 0);
}

// --- through the morgue binary ------------------------------------------------------

class ForeignJsonCliTest : public ::testing::Test {
 protected:
  testing::CommandResult Morgue(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args);
  }

  nlohmann::json Show(int id) {
    auto show = Morgue({"show", std::to_string(id), "--json"});
    EXPECT_EQ(show.exit_code, 0) << show.err;
    return nlohmann::json::parse(show.out, nullptr, /*allow_exceptions=*/false);
  }

  TempDir dir_;
};

TEST_F(ForeignJsonCliTest, ImportAndShowEveryShape) {
  for (const char* name : {"trafilatura-koreatimes.json", "trafilatura-several.jsonl",
                           "readability-article.json", "newspaper-article.json"}) {
    auto run = Morgue({"import", "--create", Foreign(name).string()});
    ASSERT_EQ(run.exit_code, 0) << name << ": " << run.err;
  }

  nlohmann::json trafilatura = Show(1);
  EXPECT_EQ(trafilatura["title"], "Seoul, Tokyo seek first military pact");
  EXPECT_EQ(trafilatura["authors"][0]["name"], "Lee Tae-hoon");
  EXPECT_EQ(trafilatura["authors"][1]["name"], "Kim Se-jeong");
  EXPECT_EQ(trafilatura["published"], "2011-01-04");
  EXPECT_EQ(trafilatura["source"], "Korea Times");
  EXPECT_EQ(trafilatura["language"], "en");
  EXPECT_EQ(trafilatura["provenance"]["source"], "trafilatura:source-hostname");

  nlohmann::json korean = Show(2);
  EXPECT_EQ(korean["title"], "북한, 김정일 생일 앞두고 대규모 불꽃놀이");
  EXPECT_EQ(korean["authors"][0]["name"], "김지훈");
  EXPECT_EQ(korean["authors"][1]["name"], "박수진");
  EXPECT_EQ(korean["source"], "Hankyoreh");
  EXPECT_EQ(korean["language"], "ko");

  nlohmann::json readability = Show(5);
  EXPECT_EQ(readability["authors"][1]["name"], "Hyung-jin Kim");
  EXPECT_EQ(readability["published"], "2024-03-05T08:12:00Z");
  EXPECT_EQ(readability["source"], "Associated Press");
  EXPECT_EQ(readability["body"],
            "North and South Korea exchanged fire on Tuesday.\n\n"
            "No casualties were reported, officials in Seoul said.");

  nlohmann::json newspaper = Show(6);
  EXPECT_EQ(newspaper["authors"].size(), 3u);
  EXPECT_EQ(newspaper["published"], "2019-02-28T10:42:00+09:00");
  EXPECT_EQ(newspaper["source"], "New York Times");
  EXPECT_EQ(newspaper["canonical_url"],
            "https://www.nytimes.com/2019/02/28/world/asia/trump-kim-summit.html");
  EXPECT_EQ(newspaper["provenance"]["canonical_url"], "newspaper:canonical_link");
}

TEST_F(ForeignJsonCliTest, ExplicitFormatAndToolRecordErrors) {
  auto run =
      Morgue({"import", "--create", "--format", "json", Foreign("mixed-shapes.jsonl").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(Show(4)["source"], "New York Times");

  std::string bad = (dir_ / "bad.jsonl").string();
  WriteFile(bad, R"({"title": "T", "byline": 7, "textContent": "B"})"
                 "\n");
  auto failed = Morgue({"import", "--create", bad});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_THAT(failed.err,
              HasSubstr(bad + ": json: line 1: field 'byline' must be a string, found number"));
}

}  // namespace
}  // namespace morgue
