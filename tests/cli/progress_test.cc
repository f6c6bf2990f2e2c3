// The progress line of long commands: drawn on a terminal, never in pipes or with
// --quiet, and never mixed into the messages and the summary.

#include "progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::cli {
namespace {

namespace fs = std::filesystem;
using ::morgue::testing::MorgueBinary;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kEraseLine[] = "\x1b[K";

// Runs morgue with its standard error (and output) on a pseudo-terminal, as in a shell.
struct TerminalRun {
  int exit_code = -1;
  std::string screen;  // everything written to the terminal
};

TerminalRun RunOnTerminal(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {MorgueBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (std::string& arg : argv) raw.push_back(arg.data());
  raw.push_back(nullptr);
  int terminal = -1;
  const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
  if (pid == 0) {
    execv(raw[0], raw.data());
    _exit(127);
  }
  TerminalRun run;
  if (pid < 0) return run;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(terminal, buffer, sizeof(buffer));
    if (n > 0) {
      run.screen.append(buffer, static_cast<size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO: the child closed the terminal
    }
  }
  close(terminal);
  int status = 0;
  waitpid(pid, &status, 0);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// Twenty articles and one input that fails.
fs::path MakeInputs(const TempDir& dir) {
  const fs::path inputs = dir.path() / "inputs";
  for (int i = 1; i <= 20; ++i) {
    WriteFile(inputs / ("article-" + std::to_string(i) + ".txt"),
              "Title number " + std::to_string(i) + "\n\nBy Jane Doe\n\nThe body of article " +
                  std::to_string(i) +
                  " is long enough to be read as "
                  "one paragraph of an article.\n");
  }
  WriteFile(inputs / "broken.json", "{\"title\": \n");
  return inputs;
}

TEST(ProgressTest, FormatsDoneTotalRateAndTimeLeft) {
  EXPECT_EQ(Progress::Format("inputs", 50, 200, 10.0),
            "[######..................] 50/200 inputs, 5.0/s, 0m30s left");
  EXPECT_EQ(Progress::Format("articles", 200, 200, 4.0),
            "[########################] 200/200 articles, 50.0/s");
  EXPECT_EQ(Progress::Format("articles", 7200, 100000, 60.0),
            "[#.......................] 7200/100000 articles, 120.0/s, 12m53s left");
  EXPECT_EQ(Progress::Format("articles", 7200, 1000000, 60.0),
            "[........................] 7200/1000000 articles, 120.0/s, 2h17m left");
  // Without a total: no bar and no estimate.
  EXPECT_EQ(Progress::Format("articles", 12, 0, 2.0), "12 articles, 6.0/s");
}

TEST(ProgressTest, ADetailFollowsTheFiguresAndTheLineNeverWraps) {
  EXPECT_EQ(Progress::Line("inputs", 0, 1, 10.0, "a.warc.gz: 12 documents, 4% read"),
            "[........................] 0/1 inputs, 0.0/s; a.warc.gz: 12 documents, 4% read");
  EXPECT_EQ(Progress::Line("inputs", 3, 0, 1.0, ""), Progress::Format("inputs", 3, 0, 1.0));
  // 79 characters at most, and a cut never splits a character ("é" is two bytes): the
  // figures take 44, "; archives/" 11, the x's 23, and one "é" is the 79th.
  EXPECT_EQ(Progress::Line("inputs", 0, 1, 10.0, "archives/" + std::string(23, 'x') + "ééé.warc"),
            Progress::Format("inputs", 0, 1, 10.0) + "; archives/" + std::string(23, 'x') + "é");
}

TEST(ProgressTest, ImportDrawsTheLineOnATerminalAndKeepsMessagesWhole) {
  TempDir dir;
  const fs::path inputs = MakeInputs(dir);
  const TerminalRun run = RunOnTerminal(
      {"--archive", (dir.path() / "a.db").string(), "import", "--create", inputs.string()});
  EXPECT_EQ(run.exit_code, 1) << run.screen;
  EXPECT_THAT(run.screen, HasSubstr("/21 inputs"));
  EXPECT_THAT(run.screen, HasSubstr(kEraseLine));
  // The error and the summary each start on a cleared line and end it.
  EXPECT_THAT(run.screen,
              HasSubstr(std::string("\r") + kEraseLine + (inputs / "broken.json").string()));
  EXPECT_THAT(run.screen,
              HasSubstr(std::string("\r") + kEraseLine +
                        "21 files: 20 articles imported, 0 duplicates; 1 file failed, 0 skipped"));
}

TEST(ProgressTest, ExportDrawsTheLineOnATerminal) {
  TempDir dir;
  const std::string archive = (dir.path() / "a.db").string();
  ASSERT_EQ(
      RunMorgue({"--archive", archive, "import", "--create", MakeInputs(dir).string()}).exit_code,
      1);
  const TerminalRun run = RunOnTerminal({"--archive", archive, "export", "--format", "jsonl", "-o",
                                         (dir.path() / "out.jsonl").string()});
  EXPECT_EQ(run.exit_code, 0) << run.screen;
  EXPECT_THAT(run.screen, HasSubstr("/20 articles"));
  EXPECT_EQ(testing::ReadFile(dir.path() / "out.jsonl").find(kEraseLine), std::string::npos);
}

TEST(ProgressTest, NoLineInPipesOrWithQuiet) {
  TempDir dir;
  const fs::path inputs = MakeInputs(dir);
  const testing::CommandResult piped = RunMorgue(
      {"--archive", (dir.path() / "a.db").string(), "import", "--create", inputs.string()});
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_THAT(piped.err, Not(HasSubstr(kEraseLine)));
  EXPECT_THAT(piped.err, Not(HasSubstr("/21 inputs,")));
  EXPECT_THAT(piped.err,
              HasSubstr("21 files: 20 articles imported, 0 duplicates; 1 file failed, 0 skipped"));

  const TerminalRun quiet = RunOnTerminal({"--archive", (dir.path() / "b.db").string(), "--quiet",
                                           "import", "--create", inputs.string()});
  EXPECT_EQ(quiet.exit_code, 1);
  EXPECT_THAT(quiet.screen, Not(HasSubstr(kEraseLine)));
  EXPECT_THAT(quiet.screen,
              HasSubstr("21 files: 20 articles imported, 0 duplicates; 1 file failed, 0 skipped"))
      << "the summary always prints";
  EXPECT_THAT(quiet.screen, HasSubstr("broken.json")) << "errors show even with --quiet";
}

}  // namespace
}  // namespace morgue::cli
