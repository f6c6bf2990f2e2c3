// A PostgreSQL archive read with the commands a user reads a file with: every one gives
// the same output from an archive copied to the server as from the file it was copied
// from, also as a role that may only read; searching, which this morgue cannot do there
// yet, is refused with the reason. (Editing: postgres_edit_test.cc.)

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "postgres_cli_test.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

class PostgresReadTest : public PostgresCliTest {
 protected:
  // An archive file with 30 generated articles besides the fixtures, copied to the test's
  // database.
  fs::path CopiedArchive() {
    const fs::path file = MakeArchive("file.db", 30);
    // Tags whose order ignoring case is not their bytes' order (NOCASE on the file).
    Ok(On(file, {"tag", "1", "Zebra crossing", "apple"}));
    // An article revised: its canonical URL again with another title and body.
    for (const char* title : {"Ferry resumes", "Ferry resumes after storm"}) {
      Ok(On(file, {"import", "--format", "jsonl", "-"},
            std::string(R"({"title": ")") + title +
                R"(", "canonical_url": "https://gazette.example/ferry", "authors": ["Ha Na"], )"
                R"("body": "The ferry to the island runs again )" +
                title + R"(."})" + "\n"));
    }
    // An untitled article: sorted by title, it comes first in both stores.
    Ok(On(file, {"import", "--format", "jsonl", "-"},
          R"({"body": "A note without a title about the harbour master's retirement."})"
          "\n"));
    revised_ = QuerySql(file, "SELECT article_id FROM article_revisions LIMIT 1");
    EXPECT_FALSE(revised_.empty());
    Ok(Morgue({"copy", file.string(), location()}));
    return file;
  }

  // The read commands, each with options that go through its own query.
  std::vector<std::vector<std::string>> ReadCommands() const {
    return {
        {"list"},
        {"list", "--json"},
        {"list", "--tag", "for the dataset"},
        {"list", "--tag", "ZEBRA CROSSING"},  // tags, sources and domains ignore case
        {"list", "--source", "KOREATIMES.CO.KR"},
        {"list", "--tag-origin", "user"},
        {"list", "--author", "LEE"},  // case is ignored, as on the file
        {"list", "--source", "korea"},
        {"list", "--since", "2011-01-01", "--until", "2011-01-04"},
        {"list", "--order", "title"},
        {"list", "--order", "published", "--limit", "5", "--offset", "3"},
        {"list", "--ids", "1,3,5"},
        {"list", "--collapse"},
        {"show", "1"},
        {"show", "2"},
        {"similar", "1"},
        {"diff", "1", "2"},
        {"show", revised_},  // with its revisions
        {"diff", revised_},  // its last two revisions
        {"original", "1", "--document", "2"},
        {"export", "--format", "jsonl"},
        {"export", "--format", "csv", "--order", "title"},
        {"export", "--format", "json", "--tag", "for the dataset"},
        {"tags"},
        {"sources", "korea"},
    };
  }

  std::string revised_;  // the id of an article with two revisions
};

TEST_F(PostgresReadTest, EveryReadCommandGivesWhatItGivesOnTheFileItWasCopiedFrom) {
  const fs::path file = CopiedArchive();
  for (const auto& command : ReadCommands()) {
    SCOPED_TRACE(::testing::PrintToString(command));
    const CommandResult from_file = On(file, command);
    const CommandResult from_server = On(location(), command);
    ASSERT_EQ(from_file.exit_code, kOk) << from_file.err;
    EXPECT_EQ(from_server.exit_code, kOk) << from_server.err;
    EXPECT_EQ(from_server.out, from_file.out);
  }
  // stats names where the archive is and its size there; the counts are the same.
  const CommandResult stats = On(location(), {"stats"});
  ASSERT_EQ(stats.exit_code, kOk) << stats.err;
  const CommandResult file_stats = On(file, {"stats"});
  for (const std::string line :
       {"articles", "authors", "sources", "tags", "documents", "imports", "published"}) {
    const size_t at = file_stats.out.find(line);
    ASSERT_NE(at, std::string::npos) << file_stats.out;
    const std::string row = file_stats.out.substr(at, file_stats.out.find('\n', at) - at);
    EXPECT_TRUE(Contains(stats.out, row)) << row << "\n" << stats.out;
  }
}

TEST_F(PostgresReadTest, ARoleThatMayOnlyReadReadsEverything) {
  const fs::path file = CopiedArchive();
  Sql("CREATE ROLE morgue_reader LOGIN; GRANT USAGE ON SCHEMA public TO morgue_reader; "
      "GRANT SELECT ON ALL TABLES IN SCHEMA public TO morgue_reader;");
  const std::string reader = As("morgue_reader");
  for (const auto& command : ReadCommands()) {
    SCOPED_TRACE(::testing::PrintToString(command));
    const CommandResult read = On(reader, command);
    EXPECT_EQ(read.exit_code, kOk) << read.err;
    EXPECT_EQ(read.out, On(file, command).out);
  }
  Sql("DROP OWNED BY morgue_reader; DROP ROLE morgue_reader;");
}

TEST_F(PostgresReadTest, SearchingIsRefusedWithTheReason) {
  CopiedArchive();
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"search", "harbour"}, {"list", "--query", "harbour"}}) {
    SCOPED_TRACE(::testing::PrintToString(command));
    const CommandResult refused = On(location(), command);
    EXPECT_NE(refused.exit_code, kOk);
    EXPECT_TRUE(Contains(refused.err, "cannot search a PostgreSQL archive yet")) << refused.err;
  }
}

TEST_F(PostgresReadTest, ADatabaseWithoutAnArchiveIsNamedWithoutItsPassword) {
  std::string with_password = location();
  with_password.insert(with_password.find('@'), ":s3cret");
  const CommandResult missing = On(with_password, {"list"});
  EXPECT_EQ(missing.exit_code, kArchiveError);
  EXPECT_TRUE(Contains(missing.err, "no archive")) << missing.err;
  EXPECT_FALSE(Contains(missing.err, "s3cret")) << missing.err;
}

}  // namespace
}  // namespace morgue::testing
