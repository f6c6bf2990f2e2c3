// Nothing lost, nothing doubled, through the morgue binary: records without a body are
// stored once however often they are imported; an input of much text that gives an
// article without a body is named in a warning; standard input that no importer is sure
// of is refused with one line.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::CommandResult;
using ::morgue::testing::QuerySql;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kOk = 0;
constexpr int kPartial = 1;

constexpr const char* kTitleOnly =
    R"({"title": "Harbour dredging begins", "published": "2011-01-04"})"
    "\n"
    R"({"title": "Port strike ends", "source": "Korea Times"})"
    "\n";

class NothingLostTest : public ::testing::Test {
 protected:
  CommandResult Import(const std::string& path) {
    return RunMorgue({"--archive", archive_, "import", "--create", path});
  }
  std::string Query(const std::string& sql) { return QuerySql(archive_, sql); }

  TempDir dir_;
  std::string archive_ = (dir_ / "a.db").string();
};

TEST_F(NothingLostTest, TitleOnlyRecordsImportedTwiceAreStoredOnce) {
  const std::string file = (dir_ / "titles.jsonl").string();
  WriteFile(file, kTitleOnly);
  const CommandResult first = Import(file);
  ASSERT_EQ(first.exit_code, kOk) << first.err;
  EXPECT_THAT(first.err,
              HasSubstr("1 file: 2 articles imported, 0 duplicates; 0 files failed, 0 skipped"));
  const CommandResult second = Import(file);
  ASSERT_EQ(second.exit_code, kOk) << second.err;
  EXPECT_THAT(second.err,
              HasSubstr("1 file: 0 articles imported, 2 duplicates; 0 files failed, 0 skipped"));
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "2");
  EXPECT_EQ(Query("SELECT group_concat(title, '|') FROM (SELECT title FROM articles ORDER BY id)"),
            "Harbour dredging begins|Port strike ends");
  EXPECT_EQ(Query("SELECT count(*) FROM article_documents"), "2");
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "1");
  EXPECT_THAT(first.err + second.err, Not(HasSubstr("warning")));
}

TEST_F(NothingLostTest, TheSameRecordsInAnotherFileAndOrderAreTheSameArticles) {
  WriteFile(dir_ / "titles.jsonl", kTitleOnly);
  WriteFile(dir_ / "again.jsonl",
            R"({"title": "Port strike ends", "source": "The Korea Times"})"
            "\n"
            R"({"title": "Harbour dredging begins", "published": "2011-01-04"})"
            "\n"
            R"({"title": "Harbour dredging begins", "published": "2011-01-05"})"
            "\n");
  ASSERT_EQ(Import((dir_ / "titles.jsonl").string()).exit_code, kOk);
  const CommandResult again = Import((dir_ / "again.jsonl").string());
  ASSERT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_THAT(again.err,
              HasSubstr("1 file: 1 article imported, 2 duplicates; 0 files failed, 0 skipped"));
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "3");
  EXPECT_EQ(Query("SELECT count(*) FROM documents"), "2");
  // Each of the first two articles is linked to both files.
  EXPECT_EQ(Query("SELECT count(*) FROM article_documents WHERE article_id IN (1, 2)"), "4");
}

// Readability's output for a page where it found no text: the HTML is there, the text not.
std::string ReadabilityWithoutText() {
  std::string html;
  for (int i = 0; i < 12; ++i) html += "Dredging started in the harbour on Monday. ";
  return R"({"title": "Harbour dredging begins", "byline": "Jane Doe", "textContent": "", )"
         R"("content": "<div><p>)" +
         html + "</p></div>\"}\n";
}

TEST_F(NothingLostTest, WarnsOfAnArticleWithoutABodyFromMuchTextInAFile) {
  const std::string file = (dir_ / "readability.json").string();
  WriteFile(file, ReadabilityWithoutText());
  const CommandResult result = Import(file);
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_THAT(result.err,
              HasSubstr(file + ": json: warning: the article has no body (0 words) though "
                               "the input holds "));
  EXPECT_THAT(result.err, HasSubstr(" of text that no field took: the importer may have missed "
                                    "the article's text (check the input, or name another "
                                    "importer with --format)\n"));
  EXPECT_THAT(result.err,
              HasSubstr("1 file: 1 article imported, 0 duplicates; 0 files failed, 0 skipped"));
  EXPECT_EQ(Query("SELECT title FROM articles"), "Harbour dredging begins");
}

TEST_F(NothingLostTest, WarnsOfAnArticleWithoutABodyFromMuchTextOnStandardInput) {
  const CommandResult result = RunMorgue(
      {"--archive", archive_, "import", "--create", "--quiet", "-"}, ReadabilityWithoutText());
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_THAT(result.err, HasSubstr("<stdin>: json: warning: the article has no body (0 words)"));
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "1");
}

TEST_F(NothingLostTest, StandardInputNoImporterRecognisesIsRefusedWithOneLine) {
  const CommandResult result =
      RunMorgue({"--archive", archive_, "import", "--create", "-"}, "hello\n");
  EXPECT_EQ(result.exit_code, kPartial);
  // Every built-in importer scores 0 (whichever others are built in).
  EXPECT_THAT(result.err, HasSubstr("<stdin>: morgue: no importer recognises '<stdin>' (scores: "));
  for (const char* score : {"html 0", "json 0", "text 0", "); name one with --format "}) {
    EXPECT_THAT(result.err, HasSubstr(score));
  }
  EXPECT_THAT(result.err,
              HasSubstr("1 input: 0 articles imported, 0 duplicates; 1 input failed, 0 skipped"));
  EXPECT_EQ(Query("SELECT count(*) FROM import_failures"), "1");
  // Named, it is read.
  const CommandResult named =
      RunMorgue({"--archive", archive_, "import", "--create", "--format", "text", "-"}, "hello\n");
  EXPECT_EQ(named.exit_code, kOk) << named.err;
  EXPECT_EQ(Query("SELECT title FROM articles"), "hello");
}

TEST_F(NothingLostTest, StandardInputAnImporterFindsPlausibleIsReadByIt) {
  // Prose without a file name: only plausible for the text importer (50), and no other
  // importer scores as much, so the text importer reads it.
  const CommandResult result = RunMorgue({"--archive", archive_, "import", "--create", "-"},
                                         "Harbour dredging begins\n\nDredging started.\n");
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(Query("SELECT plugin FROM documents"), "text");
  EXPECT_EQ(Query("SELECT body FROM articles"), "Dredging started.");
}

}  // namespace
}  // namespace morgue
