// What the command-line tests of the PostgreSQL store share: the real morgue binary run
// against archive files and the test's database on the throwaway server
// (support/postgres_test.h), and an archive file with what a real one holds.
//
// Thread-safety: none needed; each test uses its own objects.

#ifndef MORGUE_TESTS_CLI_POSTGRES_CLI_TEST_H_
#define MORGUE_TESTS_CLI_POSTGRES_CLI_TEST_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/postgres_test.h"
#include "support/test_support.h"

namespace morgue::testing {

class PostgresCliTest : public PostgresTest {
 protected:
  static constexpr int kOk = 0;
  static constexpr int kUsage = 2;
  static constexpr int kArchiveError = 3;

  // The binary with no archive or plugin path from the environment, in the test's folder.
  CommandResult Morgue(const std::vector<std::string>& args, const std::string& input = "") {
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }
  // The same with `--archive archive` first (a path or a postgresql:// location).
  CommandResult On(const std::filesystem::path& archive, std::vector<std::string> args,
                   const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive.string()});
    return Morgue(args, input);
  }
  void Ok(const CommandResult& result) const { ASSERT_EQ(result.exit_code, kOk) << result.err; }

  // An archive file with what a real one has: articles from several formats with their
  // originals, a user's tag, a removed article (its id is not reused), a revision, story
  // links, and `extra` generated articles.
  std::filesystem::path MakeArchive(const std::string& name, int extra = 0) {
    const std::filesystem::path archive = dir_ / name;
    Ok(On(archive, {"import", "--create", (FixturesDir() / "sample-articles.jsonl").string(),
                    (FixturesDir() / "korea-times-2011-01-04.txt").string(),
                    (FixturesDir() / "articles").string()}));
    Ok(On(archive, {"tag", "1", "for the dataset"}));
    Ok(On(archive, {"import", "--format", "jsonl", "-"},
          R"({"title": "Harbour opens", "url": "https://gazette.example/harbour", )"
          R"("body": "The harbour opened on Monday after two years of works."})"
          "\n"));
    Ok(On(archive, {"import", "--format", "jsonl", "-"},
          R"({"title": "Harbour opens again", "url": "https://gazette.example/harbour", )"
          R"("body": "The harbour opened on Tuesday after two years of works and a delay."})"
          "\n"));
    std::string lines;
    for (int i = 0; i < extra; ++i) {
      lines += R"({"title": "Tide table )" + std::to_string(i) +
               R"(", "url": "https://tides.example/)" + std::to_string(i) +
               R"(", "body": "Low water at )" + std::to_string(i % 24) + R"( hours, entry )" +
               std::to_string(i) + R"( of the tide tables for the quay and the river mouth."})" +
               "\n";
    }
    if (!lines.empty()) Ok(On(archive, {"import", "--format", "jsonl", "-"}, lines));
    // The last article removed: the next id is past every id there is.
    Ok(On(archive, {"rm", std::to_string(MaxId(archive))}));
    return archive;
  }

  // The test's database as `role` (a role the test made) connects to it.
  std::string As(const std::string& role) const {
    std::string named = location();
    const size_t user = named.find("://") + 3;
    named.replace(user, named.find('@') - user, role);
    return named;
  }

  static int64_t MaxId(const std::filesystem::path& archive) {
    return std::stoll(QuerySql(archive, "SELECT max(id) FROM articles"));
  }

  TempDir dir_;
};

}  // namespace morgue::testing

#endif  // MORGUE_TESTS_CLI_POSTGRES_CLI_TEST_H_
