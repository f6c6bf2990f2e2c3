// A PostgreSQL archive edited with the commands a user edits a file with (tag, untag, rm,
// sources add): each says and does on the server what it says and does on the file the
// archive was copied from, down to the search columns of every article; a role that may
// only read is refused an edit with one message and nothing changes; what this morgue
// cannot store there yet (new articles and revisions) is refused with the reason.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "postgres_cli_test.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

class PostgresEditTest : public PostgresCliTest {
 protected:
  // An archive file with two copies of one story (a cluster) and a page's tags, copied to
  // the test's database.
  fs::path CopiedArchive() {
    const fs::path file = MakeArchive("file.db", 5);
    // One story from two outlets: two articles, linked as copies.
    for (const auto& [title, source] :
         {std::pair{"River floods the lower town", "Harbour Gazette"},
          std::pair{"Lower town flooded as river rises", "Valley Courier"}}) {
      Ok(On(file, {"import", "--format", "jsonl", "-"},
            std::string(R"({"title": ")") + title + R"(", "source": ")" + source +
                R"(", "authors": ["Ha Na", "Jo Min"], "tags": ["Weather", "rivers"], )"
                R"("body": "The river rose two metres overnight and flooded the lower town. )"
                R"(Shops on the quay stayed closed and the ferry did not run. The council )"
                R"(opened the school hall for families who left their homes."})" +
                "\n"));
    }
    flood_ = QuerySql(file, "SELECT max(id) FROM articles");
    EXPECT_EQ(QuerySql(file, "SELECT count(*) FROM story_clusters"), "2");
    Ok(Morgue({"copy", file.string(), location()}));
    return file;
  }

  // What the edits may change beyond what the commands show: every article's search
  // columns, the tags removed from pages, the story clusters and the tags there are, as
  // the file holds them and as the server does (each spelled in its own SQL).
  static constexpr const char* kStateQueries[][2] = {
      {"SELECT group_concat(id || '|' || authors_text || '|' || tags_text, char(10)) FROM "
       "(SELECT * FROM articles ORDER BY id)",
       "SELECT string_agg(id || '|' || authors_text || '|' || tags_text, E'\\n' ORDER BY id) "
       "FROM articles"},
      {"SELECT group_concat(article_id || ' ' || name, ', ') FROM (SELECT * FROM "
       "article_tags_removed ORDER BY article_id, name COLLATE BINARY)",
       "SELECT string_agg(article_id || ' ' || name, ', ' ORDER BY article_id, name) FROM "
       "article_tags_removed"},
      {"SELECT group_concat(article_id || ' ' || cluster_id, ', ') FROM (SELECT * FROM "
       "story_clusters ORDER BY article_id)",
       "SELECT string_agg(article_id || ' ' || cluster_id, ', ' ORDER BY article_id) FROM "
       "story_clusters"},
      {"SELECT group_concat(name, ', ') FROM (SELECT name FROM tags ORDER BY name COLLATE "
       "BINARY)",
       "SELECT string_agg(name, ', ' ORDER BY name) FROM tags"},
  };
  static std::string FileState(const fs::path& file) {
    std::string state;
    for (const auto& query : kStateQueries) state += QuerySql(file, query[0]) + "\n";
    return state;
  }
  std::string ServerState() const {
    std::string state;
    for (const auto& query : kStateQueries) state += Sql(query[1]) + "\n";
    return state;
  }

  std::string flood_;  // the id of the second copy of the flood story
};

TEST_F(PostgresEditTest, EachEditDoesOnTheServerWhatItDoesOnTheFile) {
  const fs::path file = CopiedArchive();
  const std::vector<std::vector<std::string>> edits = {
      {"tag", "1", "Harbour", "zebra", "apple"},
      {"tag", "2", "FOR THE DATASET"},  // the stored spelling, whatever the case given
      {"tag", "1", "harbour"},          // already there
      {"untag", flood_, "WEATHER"},     // a page's tag: remembered as removed
      {"untag", flood_, "weather"},     // already gone
      {"untag", "1", "apple", "never given"},
      {"tag", flood_, "Weather"},  // given back by the user: no longer removed
      {"untag", flood_, "rivers"},
      {"rm", "2"},
      {"rm", flood_},  // its story's cluster falls apart
      {"rm", "2"},     // already gone
      {"sources", "add", "Harbour Gazette", "--domain", "gazette.example", "--alias", "The Gazette",
       "--country", "NZ"},
      {"sources", "add", "HARBOUR GAZETTE", "--domain", "news.gazette.example"},
      {"sources", "add", "Other", "--domain", "GAZETTE.EXAMPLE"},  // another's domain
  };
  for (const auto& edit : edits) {
    SCOPED_TRACE(::testing::PrintToString(edit));
    const CommandResult on_file = On(file, edit);
    const CommandResult on_server = On(location(), edit);
    EXPECT_EQ(on_server.exit_code, on_file.exit_code) << on_server.err;
    EXPECT_EQ(on_server.out, on_file.out);
    EXPECT_EQ(on_server.err, on_file.err);
  }
  for (const auto& read : std::vector<std::vector<std::string>>{{"list"},
                                                                {"list", "--tag-origin", "user"},
                                                                {"list", "--tag", "harbour"},
                                                                {"show", "1"},
                                                                {"tags"},
                                                                {"sources", "gazette"},
                                                                {"export", "--format", "jsonl"}}) {
    SCOPED_TRACE(::testing::PrintToString(read));
    const CommandResult on_server = On(location(), read);
    EXPECT_EQ(on_server.exit_code, kOk) << on_server.err;
    EXPECT_EQ(on_server.out, On(file, read).out);
  }
  // The search columns (authors_text, tags_text), the removed tags, the clusters and the
  // tags themselves are what the file's triggers and statements made of the same edits.
  EXPECT_EQ(ServerState(), FileState(file));
  // And a copy back searches them: the tag the user gave is found.
  const fs::path back = dir_ / "back.db";
  Ok(Morgue({"copy", location(), back.string()}));
  const CommandResult found = On(back, {"search", "tags:harbour", "--json"});
  EXPECT_EQ(found.exit_code, kOk) << found.err;
  EXPECT_EQ(found.out, On(file, {"search", "tags:harbour", "--json"}).out);
}

TEST_F(PostgresEditTest, AnEditorMayEditAndAReaderIsRefusedWithOneMessage) {
  CopiedArchive();
  Sql("CREATE ROLE morgue_reader LOGIN; GRANT USAGE ON SCHEMA public TO morgue_reader; "
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO morgue_reader; "
      "CREATE ROLE morgue_editor LOGIN; GRANT USAGE ON SCHEMA public TO morgue_editor; "
      "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO morgue_editor;");

  const std::string before =
      Sql("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM article_tags) || "
          "'/' || (SELECT count(*) FROM tags) || '/' || (SELECT count(*) FROM sources)");
  for (const auto& edit : std::vector<std::vector<std::string>>{
           {"tag", "1", "late"},
           {"untag", "1", "for the dataset"},
           {"rm", "1"},
           {"sources", "add", "Harbour Gazette", "--domain", "gazette.example"}}) {
    SCOPED_TRACE(::testing::PrintToString(edit));
    const CommandResult refused = On(As("morgue_reader"), edit);
    EXPECT_EQ(refused.exit_code, kArchiveError);
    EXPECT_TRUE(Contains(refused.err, "the database refused this user")) << refused.err;
    EXPECT_TRUE(Contains(refused.err, "INSERT, UPDATE and DELETE")) << refused.err;
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  }
  EXPECT_EQ(Sql("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM "
                "article_tags) || '/' || (SELECT count(*) FROM tags) || '/' || (SELECT count(*) "
                "FROM sources)"),
            before);
  Ok(On(As("morgue_editor"), {"tag", "1", "late"}));
  Ok(On(As("morgue_editor"), {"sources", "add", "Harbour Gazette", "--domain", "gazette.example"}));
  Ok(On(As("morgue_editor"), {"rm", "1"}));
  const CommandResult tags = On(As("morgue_reader"), {"list", "--tag", "late"});
  EXPECT_EQ(tags.exit_code, kOk) << tags.err;
  EXPECT_EQ(tags.out, "");  // tagged, then removed
  EXPECT_EQ(Sql("SELECT count(*) FROM sources WHERE name = 'Harbour Gazette'"), "1");
  Sql("DROP OWNED BY morgue_reader; DROP ROLE morgue_reader; "
      "DROP OWNED BY morgue_editor; DROP ROLE morgue_editor;");
}

TEST_F(PostgresEditTest, StoringArticlesAndMakingAnArchiveAreRefusedWithTheReason) {
  CopiedArchive();
  const std::string before =
      Sql("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM "
          "article_revisions) || '/' || (SELECT count(*) FROM imports)");
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"import", (FixturesDir() / "sample-articles.jsonl").string()},
           {"import", "--dry-run", (FixturesDir() / "sample-articles.jsonl").string()},
           {"revert", flood_},
           {"reextract", "--apply"}}) {
    SCOPED_TRACE(::testing::PrintToString(command));
    const CommandResult refused = On(location(), command);
    EXPECT_NE(refused.exit_code, kOk);
    EXPECT_TRUE(Contains(refused.err, "does not store new articles or revisions in them yet"))
        << refused.err;
    EXPECT_TRUE(Contains(refused.err, "morgue copy")) << refused.err;
  }
  EXPECT_EQ(Sql("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM "
                "article_revisions) || '/' || (SELECT count(*) FROM imports)"),
            before);
  // An empty database is no archive to edit, nor made into one but by a copy.
  const std::string empty = CreateDatabase("empty");
  const CommandResult init = On(empty, {"init"});
  EXPECT_EQ(init.exit_code, kArchiveError);
  EXPECT_TRUE(Contains(init.err, "by copying one there")) << init.err;
  const CommandResult tag = On(empty, {"tag", "1", "late"});
  EXPECT_EQ(tag.exit_code, kArchiveError);
  EXPECT_TRUE(Contains(tag.err, "no archive")) << tag.err;
}

}  // namespace
}  // namespace morgue::testing
