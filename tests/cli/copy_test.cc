// `morgue copy` end to end: the real binary copying real archives between SQLite files and
// a real PostgreSQL server (the throwaway one ctest starts), checked by what a user sees
// — the exports, the originals, the search, the next article's id — and a copy cut short
// (a fault in the destination, a file-size limit) finished by running it again.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "postgres_cli_test.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

class CopyTest : public PostgresCliTest {
 protected:
  // Makes the test's database fail the insert of article `id` ("test fault at article
  // ID"): a trigger added as soon as a copy creates the table (an event trigger).
  void AddFaultAtArticle(int id) {
    Sql(R"sql(
      CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'test fault at article %', NEW.id; END $$;
      CREATE FUNCTION test_add_fault() RETURNS event_trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands()
                   WHERE command_tag = 'CREATE TABLE' AND object_identity = 'public.articles') THEN
          EXECUTE 'CREATE TRIGGER fault BEFORE INSERT ON articles FOR EACH ROW '
                  'WHEN (NEW.id = )sql" +
        std::to_string(id) + R"sql() EXECUTE FUNCTION test_fault()';
        END IF;
      END $$;
      CREATE EVENT TRIGGER test_add_fault ON ddl_command_end EXECUTE FUNCTION test_add_fault();
    )sql");
  }
  void RemoveFault() { Sql("DROP EVENT TRIGGER test_add_fault; DROP TRIGGER fault ON articles;"); }

  // Every row of every table a copy carries, read with SQLite alone, in a fixed order.
  static std::string Dump(const fs::path& archive) {
    std::string dump;
    const std::string tables =
        QuerySql(archive,
                 "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema WHERE type = "
                 "'table' AND name NOT LIKE 'articles_fts%' ORDER BY name)");
    std::stringstream names(tables);
    for (std::string table; names >> table;) {
      const std::string row =
          QuerySql(archive,
                   "SELECT group_concat('quote(' || name || ')', ' || ''|'' || ') FROM "
                   "pragma_table_info('" +
                       table + "')");
      dump += table + "\n" +
              QuerySql(archive, "SELECT group_concat(r, char(10)) FROM (SELECT " + row +
                                    " AS r FROM " + table + " ORDER BY r)") +
              "\n";
    }
    return dump;
  }

  // What a user can get out of an archive: both exports, every original, a search.
  std::string Everything(const fs::path& archive) {
    std::string all;
    for (const char* format : {"jsonl", "csv"}) {
      CommandResult exported = On(archive, {"export", "--format", format});
      EXPECT_EQ(exported.exit_code, kOk) << exported.err;
      all += exported.out;
    }
    CommandResult found = On(archive, {"search", "harbour"});
    EXPECT_EQ(found.exit_code, kOk) << found.err;
    all += found.out;
    // Each original once, through an article read from it.
    const std::string documents =
        QuerySql(archive,
                 "SELECT group_concat(pair, ' ') FROM (SELECT min(article_id) || ':' || "
                 "document_id AS pair FROM article_documents GROUP BY document_id "
                 "ORDER BY document_id)");
    std::stringstream pairs(documents);
    for (std::string pair; pairs >> pair;) {
      const std::string article = pair.substr(0, pair.find(':'));
      const std::string document = pair.substr(pair.find(':') + 1);
      CommandResult original = On(archive, {"original", article, "--document", document});
      EXPECT_EQ(original.exit_code, kOk) << original.err;
      all += original.out;
    }
    return all;
  }
};

TEST_F(CopyTest, AnArchiveCopiedToPostgresAndBackGivesTheSameBytes) {
  const fs::path original = MakeArchive("news.db");
  CommandResult to_postgres = Morgue({"copy", original.string(), location()});
  Ok(to_postgres);
  EXPECT_TRUE(Contains(to_postgres.err, "copied " + original.string() + " to postgresql://"))
      << to_postgres.err;
  EXPECT_EQ(Sql("SELECT count(*) FROM articles"),
            QuerySql(original, "SELECT count(*) FROM articles"));
  EXPECT_EQ(Sql("SELECT count(*) FROM documents"),
            QuerySql(original, "SELECT count(*) FROM documents"));
  EXPECT_EQ(Sql("SELECT count(*) FROM morgue_settings WHERE key = 'copy_from'"), "0");

  const fs::path back = dir_ / "back.db";
  Ok(Morgue({"copy", location(), back.string()}));
  EXPECT_EQ(Everything(back), Everything(original));
  EXPECT_EQ(Dump(back), Dump(original));
  EXPECT_EQ(QuerySql(back, "PRAGMA integrity_check"), "ok");

  // Ids are never reused: the next article gets the same id in both.
  const std::string next = R"({"title": "Ferry timetable", "body": "Ferries run hourly."})"
                           "\n";
  Ok(On(original, {"import", "--format", "jsonl", "-"}, next));
  Ok(On(back, {"import", "--format", "jsonl", "-"}, next));
  EXPECT_EQ(MaxId(back), MaxId(original));
  EXPECT_EQ(Everything(back), Everything(original));
}

TEST_F(CopyTest, AFileCopiedToAnotherFileGivesTheSameBytes) {
  const fs::path original = MakeArchive("news.db");
  const fs::path copy = dir_ / "copy.db";
  Ok(Morgue({"copy", original.string(), copy.string()}));
  EXPECT_EQ(Everything(copy), Everything(original));
  EXPECT_EQ(Dump(copy), Dump(original));
}

TEST_F(CopyTest, ACopyCutShortByTheDestinationIsFinishedByRunningItAgain) {
  const fs::path original = MakeArchive("news.db", 1200);
  // The destination fails on the 700th article, after the first batch of articles is
  // committed: a trigger added as soon as the copy creates the table.
  AddFaultAtArticle(700);
  CommandResult failed = Morgue({"copy", original.string(), location()});
  EXPECT_EQ(failed.exit_code, kArchiveError) << failed.err;
  EXPECT_TRUE(Contains(failed.err, "test fault at article 700")) << failed.err;
  const int64_t copied = std::stoll(Sql("SELECT count(*) FROM articles"));
  EXPECT_GT(copied, 0);
  EXPECT_LT(copied, 700);
  EXPECT_EQ(Sql("SELECT count(*) FROM morgue_settings WHERE key = 'copy_from'"), "1");

  // Another source is refused: the destination holds part of this one.
  const fs::path other = dir_ / "other.db";
  Ok(Morgue({"init", "--archive", other.string()}));
  CommandResult mixed = Morgue({"copy", other.string(), location()});
  EXPECT_EQ(mixed.exit_code, kUsage) << mixed.err;
  EXPECT_TRUE(Contains(mixed.err, "is being copied into from")) << mixed.err;

  RemoveFault();
  CommandResult again = Morgue({"copy", original.string(), location()});
  Ok(again);
  EXPECT_TRUE(Contains(again.err, "finished the copy of")) << again.err;
  EXPECT_EQ(Sql("SELECT count(*) FROM morgue_settings WHERE key = 'copy_from'"), "0");
  const fs::path back = dir_ / "back.db";
  Ok(Morgue({"copy", location(), back.string()}));
  EXPECT_EQ(Everything(back), Everything(original));
}

TEST_F(CopyTest, ACopyCutShortIsNotFinishedFromASourceThatChangedMeanwhile) {
  const fs::path original = MakeArchive("news.db");
  const fs::path copy = dir_ / "copy.db";
  CommandResult failed = RunCommand({"/usr/bin/prlimit", "--fsize=400000", MorgueBinary().string(),
                                     "copy", original.string(), copy.string()},
                                    "", {}, dir_.path());
  ASSERT_EQ(failed.exit_code, kArchiveError) << failed.err;
  // A tag on an article the copy may have passed already.
  Ok(On(original, {"tag", "1", "added later"}));
  CommandResult refused = Morgue({"copy", original.string(), copy.string()});
  EXPECT_EQ(refused.exit_code, kUsage) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "which has changed since that copy began")) << refused.err;
  // Started anew, the copy has the tag.
  fs::remove(copy);
  Ok(Morgue({"copy", original.string(), copy.string()}));
  EXPECT_EQ(Dump(copy), Dump(original));
}

TEST_F(CopyTest, ADatabaseWithAnotherApplicationsTablesIsRefusedUntouched) {
  const fs::path original = MakeArchive("news.db");
  Sql("CREATE TABLE customers (id integer)");
  CommandResult refused = Morgue({"copy", original.string(), location()});
  EXPECT_EQ(refused.exit_code, kUsage) << refused.err;
  EXPECT_TRUE(Contains(refused.err, "already holds tables of another application (customers)"))
      << refused.err;
  EXPECT_EQ(Sql("SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'"),
            "customers");
}

TEST_F(CopyTest, AFileCutShortIsRefusedByEveryCommandUntilTheCopyIsRunAgain) {
  const fs::path original = MakeArchive("news.db", 1200);
  const fs::path copy = dir_ / "copy.db";
  // A file-size limit stops the copy part-way, as a full disk would. (Named relative to
  // the test's folder here, and by absolute paths below: the same copy either way.)
  CommandResult failed = RunCommand({"/usr/bin/prlimit", "--fsize=900000", MorgueBinary().string(),
                                     "copy", "news.db", "./copy.db"},
                                    "", {}, dir_.path());
  EXPECT_EQ(failed.exit_code, kArchiveError) << failed.err;
  EXPECT_TRUE(Contains(failed.err, "file-size limit")) << failed.err;
  ASSERT_TRUE(fs::exists(copy));
  CommandResult listed = On(copy, {"list"});
  EXPECT_EQ(listed.exit_code, kArchiveError) << listed.err;
  EXPECT_TRUE(Contains(listed.err, "is being copied into from '" +
                                       fs::weakly_canonical(original).string() +
                                       "' and that copy did not finish"))
      << listed.err;
  CommandResult imported = On(copy, {"import", "--format", "jsonl", "-"}, "{\"title\": \"x\"}\n");
  EXPECT_EQ(imported.exit_code, kArchiveError) << imported.err;

  // Run again, it stops once more in the middle of the articles (a fault put into the
  // file with sqlite3), after a batch of them is committed...
  ExecSql(copy,
          "CREATE TRIGGER fault BEFORE INSERT ON articles WHEN NEW.id = 700 "
          "BEGIN SELECT RAISE(ABORT, 'test fault at article 700'); END;");
  CommandResult cut = Morgue({"copy", original.string(), copy.string()});
  EXPECT_EQ(cut.exit_code, kArchiveError) << cut.err;
  EXPECT_TRUE(Contains(cut.err, "test fault at article 700")) << cut.err;
  const int64_t copied = std::stoll(QuerySql(copy, "SELECT count(*) FROM articles"));
  EXPECT_GT(copied, 0);
  EXPECT_LT(copied, 700);

  // ...and the third run goes on from there and finishes.
  ExecSql(copy, "DROP TRIGGER fault");
  CommandResult again = Morgue({"copy", original.string(), copy.string()});
  Ok(again);
  EXPECT_TRUE(Contains(again.err, "finished the copy of")) << again.err;
  EXPECT_EQ(Everything(copy), Everything(original));
}

TEST_F(CopyTest, ADestinationThatHoldsAnythingIsRefusedUntouched) {
  const fs::path original = MakeArchive("news.db");
  // An existing file, archive or not.
  const fs::path existing = dir_ / "existing.db";
  Ok(Morgue({"init", "--archive", existing.string()}));
  const std::string before = ReadFile(existing);
  CommandResult onto_file = Morgue({"copy", original.string(), existing.string()});
  EXPECT_EQ(onto_file.exit_code, kUsage) << onto_file.err;
  EXPECT_TRUE(Contains(onto_file.err, "already exists")) << onto_file.err;
  EXPECT_EQ(ReadFile(existing), before);
  // Itself.
  CommandResult onto_itself = Morgue({"copy", original.string(), "./news.db"});
  EXPECT_EQ(onto_itself.exit_code, kUsage) << onto_itself.err;
  EXPECT_TRUE(Contains(onto_itself.err, "onto itself")) << onto_itself.err;
  // A database that holds an archive already.
  Ok(Morgue({"copy", original.string(), location()}));
  CommandResult onto_archive = Morgue({"copy", original.string(), location()});
  EXPECT_EQ(onto_archive.exit_code, kUsage) << onto_archive.err;
  EXPECT_TRUE(Contains(onto_archive.err, "already exists")) << onto_archive.err;
  // A source that is not there.
  CommandResult missing =
      Morgue({"copy", (dir_ / "missing.db").string(), (dir_ / "x.db").string()});
  EXPECT_EQ(missing.exit_code, kArchiveError) << missing.err;
  EXPECT_TRUE(Contains(missing.err, "no archive at")) << missing.err;
  EXPECT_FALSE(fs::exists(dir_ / "x.db"));
}

TEST_F(CopyTest, PasswordsAreNeverPrintedNorStored) {
  const fs::path original = MakeArchive("news.db", 600);
  // The server trusts local connections: it ignores a password, which must still appear
  // in nothing morgue prints or writes.
  std::string with_password = location();
  with_password.replace(with_password.find("morgue@"), 7, "morgue:s3cret@");
  // Into the database, cut short by a fault: the mark left there names the source only.
  AddFaultAtArticle(550);
  CommandResult cut = Morgue({"copy", original.string(), with_password});
  EXPECT_EQ(cut.exit_code, kArchiveError) << cut.err;
  EXPECT_FALSE(Contains(cut.err, "s3cret")) << cut.err;
  RemoveFault();
  CommandResult copied = Morgue({"copy", original.string(), with_password});
  Ok(copied);
  EXPECT_FALSE(Contains(copied.err, "s3cret")) << copied.err;
  CommandResult refused = Morgue({"copy", original.string(), with_password});
  EXPECT_EQ(refused.exit_code, kUsage) << refused.err;
  EXPECT_FALSE(Contains(refused.err, "s3cret")) << refused.err;

  // Out of it into a file, cut short: the file's mark names the database without it.
  const fs::path copy = dir_ / "copy.db";
  CommandResult cut_file =
      RunCommand({"/usr/bin/prlimit", "--fsize=400000", MorgueBinary().string(), "copy",
                  with_password, copy.string()},
                 "", {}, dir_.path());
  EXPECT_EQ(cut_file.exit_code, kArchiveError) << cut_file.err;
  EXPECT_FALSE(Contains(cut_file.err, "s3cret")) << cut_file.err;
  const std::string mark =
      QuerySql(copy, "SELECT value FROM morgue_settings WHERE key = 'copy_from'");
  EXPECT_TRUE(Contains(mark, "postgresql://morgue@")) << mark;
  EXPECT_FALSE(Contains(mark, "s3cret")) << mark;
  CommandResult listed = On(copy, {"list"});
  EXPECT_FALSE(Contains(listed.err, "s3cret")) << listed.err;
}

}  // namespace
}  // namespace morgue::testing
