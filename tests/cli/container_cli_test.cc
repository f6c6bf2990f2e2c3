// `morgue import` of containers through the real binary, with the test container plugin
// "bundle" (tests/plugins/test_plugins/bundle_plugin.cc) beside the built-in plugins: what
// a user sees of a container's documents, skipped and failed records and a break; the
// import options for blog exports; isolation; standard input; `show` of a document's
// origin.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kOk = 0;
constexpr int kPartial = 1;

std::string Record(const std::string& header, const std::string& title, const std::string& body) {
  return "@@ " + header + "\n" + title + "\n" + body + "\n";
}

class ContainerCliTest : public ::testing::Test {
 protected:
  CommandResult Morgue(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(),
                {"--archive", archive_.string(), "--plugin-dir", TestPluginDir().string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  fs::path Bundle(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    WriteFile(path, content);
    return path;
  }

  // A bundle of two stories, a draft, two skipped records and one that cannot be read.
  fs::path Mixed() {
    return Bundle("mixed.bundle",
                  Record("a|doc|ext=.headline|url=https://example.org/ferry|captured=2024-05-01",
                         "Ferry strike ends", "The ferries run again.") +
                      "@@ r1|skip|request records\nGET /\n" + "@@ r2|skip|redirects\n301\n" +
                      "@@ bad|fail|chunked encoding cut short\n" +
                      Record("b|draft|ext=.headline", "A draft", "Not yet.") +
                      Record("c|doc|ext=.headline", "Port reopens", "Ships dock at dawn."));
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
};

TEST_F(ContainerCliTest, AContainerReportsEachFailureAndWhatItHeld) {
  const fs::path path = Mixed();
  const CommandResult result = Morgue({"import", "--create", path.string()});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_NE(result.err.find(path.string() + "#bad: bundle: chunked encoding cut short\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find(path.string() +
                            ": bundle: 6 records: 3 documents (1 could not be read), 3 skipped: "
                            "1 drafts, 1 redirects, 1 request records\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("1 file (1 container with 3 documents, 3 records skipped): 2 "
                            "articles imported, 0 duplicates; 1 input failed, 0 skipped\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT group_concat(title, '|') FROM (SELECT title FROM articles "
                     "ORDER BY id)"),
            "Ferry strike ends|Port reopens");
}

TEST_F(ContainerCliTest, RunningTheSameImportAgainAddsNothing) {
  const fs::path path = Mixed();
  ASSERT_EQ(Morgue({"import", "--create", path.string()}).exit_code, kPartial);
  const CommandResult again = Morgue({"import", path.string()});
  EXPECT_NE(again.err.find("0 articles imported, 2 duplicates"), std::string::npos) << again.err;
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM articles"), "2");
}

TEST_F(ContainerCliTest, IncludeDraftsImportsTheDraftsToo) {
  const CommandResult result = Morgue({"import", "--create", "--include-drafts", Mixed().string()});
  EXPECT_NE(result.err.find("3 articles imported"), std::string::npos) << result.err;
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM articles WHERE title = 'A draft'"), "1");
}

TEST_F(ContainerCliTest, IsolatedImportGivesTheSameArchive) {
  const fs::path path = Mixed();
  const CommandResult isolated = Morgue({"import", "--create", "--isolate", path.string()});
  EXPECT_EQ(isolated.exit_code, kPartial) << isolated.err;
  EXPECT_NE(isolated.err.find("2 articles imported, 0 duplicates; 1 input failed"),
            std::string::npos)
      << isolated.err;
  EXPECT_EQ(QuerySql(archive_, "SELECT group_concat(url, ' ') FROM articles"),
            "https://example.org/ferry");
}

TEST_F(ContainerCliTest, ABrokenContainerKeepsWhatCameBeforeTheBreak) {
  const std::string before = Record("a|doc|ext=.headline", "Alpha", "A.");
  const fs::path path =
      Bundle("broken.bundle", before + "@@ BROKEN\n" + Record("b|doc|ext=.headline", "B", "B."));
  const CommandResult result = Morgue({"import", "--create", path.string()});
  EXPECT_EQ(result.exit_code, kPartial);
  EXPECT_NE(result.err.find(path.string() + ": bundle: at byte " + std::to_string(before.size()) +
                            ": the bundle breaks here\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(QuerySql(archive_, "SELECT title FROM articles"), "Alpha");
}

TEST_F(ContainerCliTest, AContainerReaderThatCrashesCostsOnlyTheRestOfItsContainer) {
  const fs::path crashing =
      Bundle("crash.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") + "@@ CRASH\n" +
                                 Record("b|doc|ext=.headline", "B", "B."));
  const fs::path after = Bundle("after.bundle", Record("c|doc|ext=.headline", "Gamma", "C."));
  const CommandResult result =
      Morgue({"import", "--create", "--isolate", crashing.string(), after.string()});
  EXPECT_EQ(result.exit_code, kPartial) << result.err;
  EXPECT_NE(result.err.find(crashing.string() +
                            ": bundle: importer 'bundle' crashed (SIGABRT) while reading this "
                            "input; the documents before this record are kept\n"),
            std::string::npos)
      << result.err;
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT group_concat(title, '|') FROM (SELECT title FROM articles "
                     "ORDER BY id)"),
            "Alpha|Gamma");
}

TEST_F(ContainerCliTest, AContainerReaderThatHangsIsGivenUpAtTheTimeLimit) {
  const fs::path hanging =
      Bundle("hang.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") + "@@ HANG\n");
  const fs::path after = Bundle("after.bundle", Record("c|doc|ext=.headline", "Gamma", "C."));
  for (const bool isolate : {false, true}) {
    SCOPED_TRACE(isolate ? "isolated" : "in process");
    fs::remove(archive_);
    std::vector<std::string> args = {"import", "--create", "--time-limit", "0.5"};
    if (isolate) args.push_back("--isolate");
    args.push_back(hanging.string());
    args.push_back(after.string());
    const CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kPartial) << result.err;
    EXPECT_NE(result.err.find(hanging.string() +
                              ": bundle: importer 'bundle' took longer than 0.5 s "
                              "(--time-limit); the documents before this record are kept\n"),
              std::string::npos)
        << result.err;
    EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM articles"), "2");
  }
}

TEST_F(ContainerCliTest, ADocumentWhoseImporterCrashesOrHangsFailsAloneInItsContainer) {
  const fs::path path = Bundle("docs.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                                  Record("c|doc|ext=.headline", "(crash)", "x") +
                                                  Record("h|doc|ext=.headline", "(hang)", "x") +
                                                  Record("z|doc|ext=.headline", "Omega", "Z."));
  for (const bool isolate : {false, true}) {
    SCOPED_TRACE(isolate ? "isolated" : "in process");
    fs::remove(archive_);
    std::vector<std::string> args = {"import", "--create", "--time-limit", "0.5"};
    if (isolate) args.push_back("--isolate");
    args.push_back(path.string());
    // In process a crash ends the run (the documents before it are kept); isolated, it
    // costs only its document.
    if (!isolate) {
      const fs::path hang_only =
          Bundle("hang.bundle", Record("a|doc|ext=.headline", "Alpha", "A.") +
                                    Record("h|doc|ext=.headline", "(hang)", "x") +
                                    Record("z|doc|ext=.headline", "Omega", "Z."));
      args.back() = hang_only.string();
    }
    const CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kPartial) << result.err;
    EXPECT_NE(result.err.find("#h: headline: importer 'headline' took longer than 0.5 s"),
              std::string::npos)
        << result.err;
    if (isolate) {
      EXPECT_NE(result.err.find("#c: headline: importer 'headline' crashed (SIGABRT)"),
                std::string::npos)
          << result.err;
    }
    EXPECT_EQ(QuerySql(archive_,
                       "SELECT group_concat(title, '|') FROM (SELECT title FROM "
                       "articles ORDER BY id)"),
              "Alpha|Omega");
  }
}

TEST_F(ContainerCliTest, AnIsolatedImportStreamsALargeContainerFromItsFile) {
  std::string content;
  for (int i = 0; i < 3000; ++i) {  // over 2 MiB: opened by the worker from its path
    content += Record(std::to_string(i) + "|doc|ext=.headline", "Story " + std::to_string(i),
                      std::string(1000, static_cast<char>('a' + i % 26)) + std::to_string(i));
  }
  const fs::path path = Bundle("large.bundle", content);
  ASSERT_GT(fs::file_size(path), 2u << 20);
  const CommandResult result = Morgue({"import", "--create", "--isolate", path.string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_NE(result.err.find("1 file (1 container with 3000 documents, 0 records skipped): "
                            "3000 articles imported"),
            std::string::npos)
      << result.err;
}

TEST_F(ContainerCliTest, StandardInputCanBeAContainer) {
  const CommandResult result = Morgue(
      {"import", "--create", "--format", "bundle", "-"},
      Record("a|doc|ext=.headline", "Alpha", "A.") + Record("b|doc|ext=.headline", "B", "B."));
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_NE(result.err.find("<stdin>: bundle: 2 records: 2 documents\n"), std::string::npos)
      << result.err;
  EXPECT_EQ(QuerySql(archive_, "SELECT group_concat(original_path, ' ') FROM documents"),
            "<stdin>#a <stdin>#b");
}

TEST_F(ContainerCliTest, ShowNamesWhereADocumentCameFrom) {
  const fs::path path = Mixed();
  Morgue({"import", "--create", path.string()});
  const CommandResult shown = Morgue({"show", "1"});
  EXPECT_NE(shown.out.find(path.string() + "#a ("), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("     from " + path.string() +
                           " at byte 0: https://example.org/ferry, captured 2024-05-01\n"),
            std::string::npos)
      << shown.out;
  const CommandResult json = Morgue({"show", "--json", "1"});
  EXPECT_NE(json.out.find("\"target_uri\": \"https://example.org/ferry\""), std::string::npos)
      << json.out;
}

TEST_F(ContainerCliTest, ADryRunListsTheDocuments) {
  const CommandResult result = Morgue({"import", "--create", "--dry-run", Mixed().string()});
  EXPECT_NE(result.out.find("mixed.bundle#a: headline: 1 article: new, would be article 1\n"),
            std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("mixed.bundle#c: headline: 1 article: new, would be article 2\n"),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace morgue::testing
