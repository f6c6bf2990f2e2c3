// Feeds and Blogger exports through the binary: the seed article as one post of a Blogger
// export (classic and Google Takeout) gives what the saved Blogger page gives and merges
// with the text import into one article; comments, drafts and the blog's own entries
// never become articles; re-importing, naming the export twice and --isolate import
// nothing twice; a broken feed keeps what came before and says where it broke.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kPartial = 1;

constexpr char kSeedTitle[] = "Seoul, Tokyo seek 1st military pact";

fs::path FeedFixture(const std::string& name) { return FixturesDir() / "feed" / name; }

class FeedImportTest : public ::testing::Test {
 protected:
  CommandResult On(const fs::path& archive, std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  CommandResult Import(const fs::path& archive, std::vector<std::string> args) {
    args.insert(args.begin(), {"import", "--create"});
    return On(archive, args);
  }

  std::string Count(const fs::path& archive) {
    return QuerySql(archive, "SELECT count(*) FROM articles");
  }

  // `morgue show` of the article titled `title`.
  Json Shown(const fs::path& archive, const std::string& title) {
    const std::string id =
        QuerySql(archive, "SELECT id FROM articles WHERE title = '" + title + "'");
    EXPECT_FALSE(id.empty()) << title;
    CommandResult shown = On(archive, {"show", id, "--json"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return Json::parse(shown.out);
  }

  // The metadata fields the seed's renderings must agree on.
  static Json Metadata(const Json& article) {
    Json fields;
    for (const char* field : {"title", "subtitle", "authors", "published", "updated", "source",
                              "canonical_url", "summary", "tags", "media", "body", "body_hash"}) {
      fields[field] = article.at(field);
    }
    return fields;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "a.db";
};

class BloggerExportImportTest : public FeedImportTest,
                                public ::testing::WithParamInterface<const char*> {
 protected:
  std::string Export() const { return FeedFixture(GetParam()).string(); }
};

INSTANTIATE_TEST_SUITE_P(Forms, BloggerExportImportTest,
                         ::testing::Values("peninsula-watch.blogger-export.xml",
                                           "peninsula-watch.takeout.atom"));

TEST_P(BloggerExportImportTest, TheSeedPostIsTheSavedPagesArticleAndMergesWithTheText) {
  // The single saved page, in an archive of its own.
  const fs::path page_archive = dir_ / "page.db";
  CommandResult page =
      Import(page_archive,
             {(FixturesDir() / "articles" / "korea-times-2011-01-04.blogger.html").string()});
  ASSERT_EQ(page.exit_code, kOk) << page.err;

  CommandResult imported = Import(archive_, {Export()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  EXPECT_EQ(Count(archive_), "2");
  const Json post = Shown(archive_, kSeedTitle);
  EXPECT_EQ(Metadata(post), Metadata(Shown(page_archive, kSeedTitle)));
  EXPECT_EQ(post.at("subtitle"), "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  EXPECT_EQ(post.at("published"), "2011-01-04");
  EXPECT_EQ(post.at("source"), "Korea Times");
  EXPECT_EQ(post.at("authors"),
            Json::parse(R"([{"name": "Lee Tae-hoon", "email": "leeth@koreatimes.co.kr",
                             "role": "author"},
                            {"name": "kimchi-watcher", "email": null, "role": "poster"}])"));
  EXPECT_EQ(post.at("tags"), Json::parse(R"(["defense", "Japan", "South Korea"])"));
  EXPECT_EQ(post.at("provenance").at("tags"), "blogger post");

  // The text import of the article is the same article.
  CommandResult text = Import(archive_, {(FixturesDir() / "korea-times-2011-01-04.txt").string()});
  ASSERT_EQ(text.exit_code, kOk) << text.err;
  EXPECT_NE(text.err.find("1 file: 0 articles imported, 1 duplicate"), std::string::npos)
      << text.err;
  EXPECT_EQ(Count(archive_), "2");
}

TEST_P(BloggerExportImportTest, CommentsDraftsAndTheBlogsEntriesNeverBecomeArticles) {
  CommandResult imported = Import(archive_, {Export()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  const bool takeout = std::string_view(GetParam()).ends_with(".atom");
  const std::string held =
      takeout ? ": feed: 5 records: 2 documents, 3 skipped: 1 comments, 1 drafts, 1 pages\n"
              : ": feed: 7 records: 2 documents, 5 skipped: 1 comments, 1 drafts, 2 settings, "
                "1 template\n";
  EXPECT_NE(imported.err.find("morgue: " + Export() + held), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("1 file (1 container with 2 documents, " +
                              std::string(takeout ? "3" : "5") +
                              " records skipped): 2 articles imported, 0 duplicates; 0 inputs "
                              "failed, 0 skipped"),
            std::string::npos)
      << imported.err;
  CommandResult listed = On(archive_, {"list"});
  EXPECT_NE(listed.out.find(kSeedTitle), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("N. Korea proposes 'unconditional' talks with Seoul"),
            std::string::npos);
  EXPECT_EQ(listed.out.find("Foot-and-mouth"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("About this blog"), std::string::npos) << listed.out;
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM articles WHERE body LIKE '%GSOMIA part%'"),
            "0");
}

TEST_P(BloggerExportImportTest, DraftsAndPagesWhenAsked) {
  CommandResult imported = Import(archive_, {"--include-drafts", "--include-pages", Export()});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  const bool takeout = std::string_view(GetParam()).ends_with(".atom");
  EXPECT_EQ(Count(archive_), takeout ? "4" : "3");
  EXPECT_NE(On(archive_, {"list"}).out.find("Foot-and-mouth: notes"), std::string::npos);
}

TEST_P(BloggerExportImportTest, NothingIsImportedTwice) {
  ASSERT_EQ(Import(archive_, {Export()}).exit_code, kOk);
  CommandResult again = Import(archive_, {Export()});
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_NE(again.err.find("0 articles imported, 2 duplicates"), std::string::npos) << again.err;
  EXPECT_EQ(Count(archive_), "2");

  const fs::path twice = dir_ / "twice.db";
  CommandResult both = Import(twice, {Export(), Export()});
  ASSERT_EQ(both.exit_code, kOk) << both.err;
  EXPECT_NE(both.err.find("2 articles imported, 2 duplicates"), std::string::npos) << both.err;
  EXPECT_EQ(Count(twice), "2");
}

TEST_P(BloggerExportImportTest, IsolatedImportGivesTheSameArticles) {
  ASSERT_EQ(Import(archive_, {Export()}).exit_code, kOk);
  const fs::path isolated = dir_ / "isolated.db";
  CommandResult result = Import(isolated, {"--isolate", Export()});
  ASSERT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(Metadata(Shown(isolated, kSeedTitle)), Metadata(Shown(archive_, kSeedTitle)));
  EXPECT_EQ(On(isolated, {"list"}).out, On(archive_, {"list"}).out);
}

TEST_P(BloggerExportImportTest, ThePostIsKeptAsItsOriginalAndExported) {
  ASSERT_EQ(Import(archive_, {Export()}).exit_code, kOk);
  const Json post = Shown(archive_, kSeedTitle);
  const std::string id = std::to_string(post.at("id").get<int64_t>());
  const Json documents = post.at("documents");
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].at("original_path"), Export() + "#post-4825937157034785536");
  CommandResult original = On(archive_, {"original", id});
  ASSERT_EQ(original.exit_code, kOk) << original.err;
  EXPECT_EQ(original.out.rfind("<span class=\"Apple-style-span\"", 0), 0u) << original.out;
  EXPECT_NE(original.out.find("By Lee Tae-hoon<br />"), std::string::npos);

  CommandResult exported = On(archive_, {"export", "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, kOk) << exported.err;
  EXPECT_NE(exported.out.find("\"poster\""), std::string::npos);
  EXPECT_NE(exported.out.find(kSeedTitle), std::string::npos);
}

// A feed's media:content pictures stand in for a post that shows none; a post's own
// figure wins over them.
TEST_F(FeedImportTest, FeedPicturesFillOnlyWhereThePostShowsNone) {
  WriteFile(dir_ / "courier.rss", R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Daily Courier</title><link>https://courier.example/</link>
 <item><title>Port strike ends after nine days</title><link>https://courier.example/strike</link>
  <guid>strike</guid>
  <content:encoded><![CDATA[<p>Dockers went back to work on Monday after nine days on strike, the union said, and the first ships were unloaded by noon.</p><p>The port authority said the backlog of containers would take two weeks to clear.</p>]]></content:encoded>
  <media:content url="https://img.example/quay.jpg" medium="image">
   <media:description>Dockers leave the quay on Monday.</media:description>
   <media:credit>Ana Ruiz/Reuters</media:credit>
  </media:content>
 </item>
 <item><title>Storm closes the pier</title><link>https://courier.example/storm</link>
  <guid>storm</guid>
  <content:encoded><![CDATA[<p>The council closed the pier on Tuesday as waves broke over the railings for a second night.</p><figure><img src="https://img.example/pier.jpg"><figcaption>Waves at the pier on Tuesday night.</figcaption></figure><p>It will reopen when engineers have inspected the deck.</p>]]></content:encoded>
  <media:content url="https://img.example/other.jpg" medium="image">
   <media:description>A picture the post does not show.</media:description>
  </media:content>
 </item>
</channel></rss>)");
  CommandResult result = Import(archive_, {"courier.rss"});
  ASSERT_EQ(result.exit_code, kOk) << result.err;

  const Json strike = Shown(archive_, "Port strike ends after nine days");
  ASSERT_EQ(strike.at("media").size(), 1u) << strike.dump(1);
  EXPECT_EQ(strike.at("media")[0].at("url"), "https://img.example/quay.jpg");
  EXPECT_EQ(strike.at("media")[0].at("caption"), "Dockers leave the quay on Monday.");
  EXPECT_EQ(strike.at("media")[0].at("credit"), "Ana Ruiz/Reuters");
  EXPECT_EQ(strike.at("provenance").at("media"), "rss item");

  const Json storm = Shown(archive_, "Storm closes the pier");
  ASSERT_EQ(storm.at("media").size(), 1u) << storm.dump(1);
  EXPECT_EQ(storm.at("media")[0].at("url"), "https://img.example/pier.jpg");
  EXPECT_EQ(storm.at("media")[0].at("caption"), "Waves at the pier on Tuesday night.");
  EXPECT_NE(storm.at("provenance").at("media"), "rss item");
}

TEST_F(FeedImportTest, ABrokenFeedKeepsItsFirstItemsAndSaysWhere) {
  const std::string feed =
      "<rss><channel><title>x</title>\n"
      "<item><guid>1</guid><title>First</title><description>One fine item.</description></item>\n"
      "<item><guid>2</guid><description>Two.</item>\n"
      "</channel></rss>";
  WriteFile(dir_ / "news.rss", feed);
  WriteFile(dir_ / "page.xml", "<html><body><p>Not a feed.</p></body></html>");
  CommandResult result = Import(archive_, {"news.rss"});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  // Where the parser stood when it found the fault: just past the stray </item>.
  const size_t at = feed.find("</item>\n</channel>") + std::string("</item>").size();
  EXPECT_NE(result.err.find("news.rss: feed: at byte " + std::to_string(at) +
                            " (line 3): Opening and ending tag mismatch: description line 3 "
                            "and item\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("morgue: news.rss: feed: 1 record: 1 document\n"), std::string::npos)
      << result.err;
  EXPECT_EQ(Count(archive_), "1");

  CommandResult page = Import(archive_, {"--format", "rss", "page.xml"});
  EXPECT_NE(page.exit_code, kOk);
  EXPECT_NE(page.err.find("page.xml: feed: not an RSS or Atom feed: its root element is <html>"),
            std::string::npos)
      << page.err;
}

// Bytes libxml2 refuses while it makes its parser (an encoding it cannot read, guessed
// from the first four bytes): one clear error naming the file, not a crash.
TEST_F(FeedImportTest, BytesTheParserCannotStartOnAreOneClearError) {
  WriteFile(dir_ / "odd.xml", std::string("\0<\0\0\0\0\0\0\0\0 \0\0r\n", 15));
  CommandResult result = Import(archive_, {"--format", "rss", "odd.xml"});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_NE(result.err.find("odd.xml: feed: not an RSS or Atom feed: at byte 0 (line 1): "
                            "encoding not supported"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(Count(archive_), "0");
}

}  // namespace
}  // namespace morgue::testing
