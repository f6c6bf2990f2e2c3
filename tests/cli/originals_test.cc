// Getting originals back out through the binary: `morgue show` lists the documents an
// article came from, and `morgue original` writes their bytes back, byte for byte, for
// every way an input is stored (whole and compressed, streamed in parts, from stdin).

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
constexpr int kUsage = 2;
constexpr int kArchiveError = 3;

class OriginalsTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  // Imports `args` and returns the id of the article stored last.
  std::string Import(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"import", "--create"});
    CommandResult result = OnArchive(args, input);
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    return QuerySql(archive_, "SELECT max(id) FROM articles");
  }

  // `morgue show ID --json`'s documents.
  Json Documents(const std::string& id) {
    CommandResult shown = OnArchive({"show", id, "--json"});
    EXPECT_EQ(shown.exit_code, kOk) << shown.err;
    return Json::parse(shown.out).at("documents");
  }

  // Checks that `morgue original ID` on stdout and with -o gives back `original`.
  void ExpectOriginal(const std::string& id, const std::string& original,
                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"original", id};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult out = OnArchive(args);
    ASSERT_EQ(out.exit_code, kOk) << out.err;
    EXPECT_EQ(out.err, "");
    EXPECT_TRUE(out.out == original) << "stdout differs from the original: " << out.out.size()
                                     << " bytes instead of " << original.size();
    const fs::path file = dir_ / ("original-" + id + ".out");
    fs::remove(file);
    args.insert(args.end(), {"-o", file.string()});
    CommandResult written = OnArchive(args);
    ASSERT_EQ(written.exit_code, kOk) << written.err;
    EXPECT_EQ(written.out, "");
    EXPECT_TRUE(ReadFile(file) == original) << "the file differs from the original";
  }

  TempDir dir_;
  // morgue.db, the name the README's recipe uses.
  fs::path archive_ = dir_ / "morgue.db";
};

TEST_F(OriginalsTest, ShowListsEachDocumentWithWhatItWas) {
  const fs::path text = FixturesDir() / "korea-times-2011-01-04.txt";
  const std::string id = Import({text.string()});
  Json documents = Documents(id);
  ASSERT_EQ(documents.size(), 1U);
  const Json& document = documents[0];
  EXPECT_EQ(document.at("original_path"), text.string());
  EXPECT_EQ(document.at("size"), fs::file_size(text));
  EXPECT_EQ(document.at("sha256"), QuerySql(archive_, "SELECT sha256 FROM documents WHERE id = " +
                                                          document.at("id").dump()));
  EXPECT_EQ(document.at("sha256").get<std::string>().size(), 64U);
  EXPECT_EQ(document.at("plugin"), "text");
  EXPECT_FALSE(document.at("plugin_version").get<std::string>().empty());
  EXPECT_EQ(document.at("imported_at").get<std::string>().back(), 'Z');

  CommandResult table = OnArchive({"show", id});
  ASSERT_EQ(table.exit_code, kOk) << table.err;
  EXPECT_TRUE(Contains(table.out, "documents:\n  " + document.at("id").dump() + "  " +
                                      text.string() + " (text/plain, " +
                                      std::to_string(fs::file_size(text)) + " bytes)\n"))
      << table.out;
  EXPECT_TRUE(Contains(table.out, "     sha256 " + document.at("sha256").get<std::string>() +
                                      "  read by text " +
                                      document.at("plugin_version").get<std::string>() + " at "))
      << table.out;
}

TEST_F(OriginalsTest, PlainTextComesBackByteForByte) {
  const fs::path text = FixturesDir() / "korea-times-2011-01-04.txt";
  ExpectOriginal(Import({text.string()}), ReadFile(text));
}

TEST_F(OriginalsTest, Windows1252TextComesBackUnconverted) {
  const fs::path legacy = FixturesDir() / "articles" / "korea-times-2011-01-04.cp1252.txt";
  const std::string original = ReadFile(legacy);
  ASSERT_TRUE(original.find('\x92') != std::string::npos ||
              original.find('\x93') != std::string::npos)
      << "the fixture should hold Windows-1252 bytes";
  ExpectOriginal(Import({legacy.string()}), original);
}

TEST_F(OriginalsTest, HtmlComesBackByteForByte) {
  const fs::path page = FixturesDir() / "articles" / "korea-times-2011-01-04.wordpress.html";
  ExpectOriginal(Import({page.string()}), ReadFile(page));
}

TEST_F(OriginalsTest, JsonLinesStoredInPartsComesBackWhole) {
  // Over 2 MiB, so morgue reads it in parts and streams the original into the archive.
  std::string lines;
  for (int i = 0; lines.size() < 3 * 1024 * 1024; ++i) {
    lines += "{\"title\": \"Article " + std::to_string(i) + "\", \"body\": \"" +
             std::string(1000, static_cast<char>('a' + i % 26)) + " number " + std::to_string(i) +
             "\"}\n";
  }
  const fs::path file = dir_ / "big.jsonl";
  WriteFile(file, lines);
  const std::string id = Import({file.string()});
  ExpectOriginal(id, lines);
  EXPECT_EQ(Documents(id)[0].at("size"), lines.size());
}

TEST_F(OriginalsTest, StandardInputComesBackByteForByte) {
  const std::string page =
      ReadFile(FixturesDir() / "articles" / "korea-times-2011-01-04.blogger.html");
  const std::string id = Import({"--format", "html", "-"}, page);
  EXPECT_EQ(Documents(id)[0].at("original_path"), "<stdin>");
  ExpectOriginal(id, page);
}

TEST_F(OriginalsTest, SeveralDocumentsNeedDocumentOption) {
  // The same article in two encodings: one article, two documents.
  const fs::path utf8 = FixturesDir() / "korea-times-2011-01-04.txt";
  const fs::path legacy = FixturesDir() / "articles" / "korea-times-2011-01-04.cp1252.txt";
  Import({utf8.string(), legacy.string()});
  const std::string id = QuerySql(archive_, "SELECT min(id) FROM articles");
  Json documents = Documents(id);
  ASSERT_EQ(documents.size(), 2U) << documents.dump();
  const std::string first = documents[0].at("id").dump();
  const std::string second = documents[1].at("id").dump();

  CommandResult ambiguous = OnArchive({"original", id});
  EXPECT_EQ(ambiguous.exit_code, kUsage);
  EXPECT_EQ(ambiguous.out, "");
  EXPECT_EQ(ambiguous.err, "morgue: article " + id +
                               " was imported from 2 documents; choose one with --document "
                               "ID: " +
                               first + " (" + utf8.string() + "), " + second + " (" +
                               legacy.string() + ")\n");

  ExpectOriginal(id, ReadFile(utf8), {"--document", first});
  ExpectOriginal(id, ReadFile(legacy), {"--document", second});

  CommandResult other = OnArchive({"original", id, "--document", "999"});
  EXPECT_EQ(other.exit_code, kUsage);
  EXPECT_EQ(other.err, "morgue: document 999 is not one of article " + id +
                           "'s documents; they are: " + first + " (" + utf8.string() + "), " +
                           second + " (" + legacy.string() + ")\n");
}

TEST_F(OriginalsTest, UnknownArticleIsNamed) {
  Import({(FixturesDir() / "korea-times-2011-01-04.txt").string()});
  CommandResult missing = OnArchive({"original", "42"});
  EXPECT_EQ(missing.exit_code, kPartial);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err, "morgue: no article with id 42\n");
}

TEST_F(OriginalsTest, OutputFileIsNeverReplacedWithoutForceNorWrittenThroughALink) {
  const fs::path text = FixturesDir() / "korea-times-2011-01-04.txt";
  const std::string id = Import({text.string()});
  const fs::path existing = dir_ / "existing.txt";
  WriteFile(existing, "keep me");
  CommandResult refused = OnArchive({"original", id, "-o", existing.string()});
  EXPECT_EQ(refused.exit_code, kUsage);
  EXPECT_EQ(refused.err,
            "morgue: " + existing.string() + " already exists; use --force to replace it\n");
  EXPECT_EQ(ReadFile(existing), "keep me");

  const fs::path target = dir_ / "target.txt";
  WriteFile(target, "not through the link");
  const fs::path link = dir_ / "link.txt";
  fs::create_symlink(target, link);
  CommandResult through = OnArchive({"original", id, "-o", link.string()});
  EXPECT_EQ(through.exit_code, kUsage);
  EXPECT_EQ(through.err, "morgue: " + link.string() + " is a symbolic link (to " + target.string() +
                             "); not writing through it: name the file itself, or use --force "
                             "to replace the link with the original\n");
  EXPECT_EQ(ReadFile(target), "not through the link");

  CommandResult forced = OnArchive({"original", id, "-o", link.string(), "--force"});
  ASSERT_EQ(forced.exit_code, kOk) << forced.err;
  EXPECT_FALSE(fs::is_symlink(link));
  EXPECT_EQ(ReadFile(link), ReadFile(text));
  EXPECT_EQ(ReadFile(target), "not through the link");
}

TEST_F(OriginalsTest, DamagedOriginalFailsAndLeavesNoFile) {
  const fs::path text = FixturesDir() / "korea-times-2011-01-04.txt";
  const std::string id = Import({text.string()});
  // A valid zstd frame of other bytes ("a", as `zstd` writes it) in place of the
  // original: only the check of size and SHA-256 can catch it.
  ExecSql(archive_, "UPDATE documents SET content = x'28b52ffd0448090000615b6e8ca9'");
  const std::string document = QuerySql(archive_, "SELECT id FROM documents");
  const fs::path file = dir_ / "damaged.txt";
  CommandResult damaged = OnArchive({"original", id, "-o", file.string()});
  EXPECT_EQ(damaged.exit_code, kArchiveError);
  EXPECT_EQ(damaged.err, "morgue: document " + document +
                             ": the stored document is not the original recorded at import (1 "
                             "bytes instead of " +
                             std::to_string(fs::file_size(text)) + ", or another SHA-256)\n");
  EXPECT_FALSE(fs::exists(file));
}

// The README's recipe without morgue, run as written there: the sqlite3 shell and the
// zstd tool give back the same bytes as `morgue original`.
TEST_F(OriginalsTest, ReadmeRecipeWithoutMorgueGivesBackTheOriginal) {
  const fs::path page = FixturesDir() / "articles" / "korea-times-2011-01-04.wordpress.html";
  const std::string id = Import({page.string()});
  const std::string document = Documents(id)[0].at("id").dump();

  const std::string readme = ReadFile(SourceDir() / "README.md");
  const std::string marker = "Without morgue, the `sqlite3` shell and the `zstd` tool";
  size_t start = readme.find(marker);
  ASSERT_NE(start, std::string::npos);
  start = readme.find("```sh\n", start);
  ASSERT_NE(start, std::string::npos);
  start += 6;
  const size_t end = readme.find("  ```", start);
  ASSERT_NE(end, std::string::npos);
  // The block sits in a list item: two spaces of indentation that Markdown drops.
  std::string script;
  for (size_t pos = start; pos < end;) {
    size_t line_end = readme.find('\n', pos);
    std::string line = readme.substr(pos, line_end - pos);
    script += (line.rfind("  ", 0) == 0 ? line.substr(2) : line) + "\n";
    pos = line_end + 1;
  }
  auto replace = [&script](const std::string& from, const std::string& to) {
    size_t at = script.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in the recipe:\n" << script;
    script.replace(at, from.size(), to);
  };
  replace("ad.article_id = 5", "ad.article_id = " + id);
  replace("writefile('page.stored'", "writefile('by-sqlite.stored'");
  replace("WHERE id = 3", "WHERE id = " + document);
  replace("page.stored > page.html", "by-sqlite.stored > by-zstd.html");
  CommandResult ran =
      RunCommand({"/bin/sh", "-c", script}, "", {{"PATH", "/usr/bin:/bin"}}, dir_.path());
  // The recipe's morgue.db is this test's archive.
  ASSERT_EQ(ran.exit_code, 0) << ran.err << "\n" << script;
  EXPECT_EQ(ran.out.substr(0, ran.out.find('\n')), document + "|" + page.string());
  EXPECT_EQ(QuerySql(archive_, "SELECT compression FROM documents WHERE id = " + document), "zstd");
  EXPECT_TRUE(ReadFile(dir_ / "by-zstd.html") == ReadFile(page));
}

}  // namespace
}  // namespace morgue::testing
