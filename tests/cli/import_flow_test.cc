// The flow of `morgue import` through the real binary: an import interrupted by SIGINT or
// SIGTERM keeps what is whole, records its true counts and says how to go on; files in
// folders that no importer reads are skipped, not failed; --include, --exclude and
// --dry-run; the summary; and an archive that does not exist is not created by a typo.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "support/test_support.h"

extern char** environ;

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kOk = 0;
constexpr int kPartial = 1;
constexpr int kArchiveError = 3;

int64_t CountOf(const fs::path& db, const std::string& sql) {
  return std::stoll("0" + QuerySql(db, sql));
}

// The articles in `db` while an import writes it: as a reader that waits its turn, unlike
// QuerySql, which fails at once when the writer holds a lock (opening, checkpointing).
int64_t ArticlesWhileWriting(const fs::path& db) {
  sqlite3* connection = nullptr;
  int64_t count = -1;
  if (sqlite3_open_v2(db.c_str(), &connection, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(connection, 10000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(connection, "SELECT count(*) FROM articles", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      count = sqlite3_column_int64(statement, 0);
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(connection);
  return count;
}

// A short distinct article as plain text, for the text importer.
std::string TextArticle(int n) {
  return "Harbour notes number " + std::to_string(n) +
         "\n\nBy Jane Doe\n\nThe harbour log for day " + std::to_string(n) + " records " +
         std::to_string(n * 7 % 101) +
         " boats, calm water and the pilots' report, filed before noon.\n";
}

// Bytes no importer claims.
std::string Jpeg() {
  return std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20) +
         std::string(200, '\x93');
}

// A morgue process that runs while the test acts on it: output in files, standard input
// from a pipe the test may keep open, optionally in a process group of its own (as a
// shell runs a foreground job), so that a signal can reach it and its children at once.
class Running {
 public:
  Running(const std::vector<std::string>& args, const fs::path& dir, bool own_group = false) {
    int in[2];
    EXPECT_EQ(pipe(in), 0);
    stdin_ = in[1];
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (dir / "out").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (dir / "err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    // SIGINT and SIGTERM as a terminal's foreground job has them, however the tests were
    // started (a background job of a script ignores SIGINT, and morgue then keeps to it).
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    short flags = POSIX_SPAWN_SETSIGDEF;
    if (own_group) {
      flags |= POSIX_SPAWN_SETPGROUP;
      posix_spawnattr_setpgroup(&attributes, 0);
    }
    posix_spawnattr_setflags(&attributes, flags);
    std::vector<std::string> argv = {MorgueBinary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> c_args;
    for (std::string& arg : argv) c_args.push_back(arg.data());
    c_args.push_back(nullptr);
    const int rc = posix_spawn(&pid_, c_args[0], &actions, &attributes, c_args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(in[0]);
    EXPECT_EQ(rc, 0);
    if (rc != 0) pid_ = -1;
    err_path_ = dir / "err";
  }
  ~Running() {
    if (stdin_ >= 0) close(stdin_);
    if (pid_ > 0 && exit_code_ < 0) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }
  Running(const Running&) = delete;
  Running& operator=(const Running&) = delete;

  bool Done() {
    if (exit_code_ >= 0 || pid_ <= 0) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) Record(status);
    return exit_code_ >= 0;
  }
  // The exit code, or 128 + the signal that ended it.
  int Wait() {
    int status = 0;
    if (exit_code_ < 0 && pid_ > 0 && waitpid(pid_, &status, 0) == pid_) Record(status);
    return exit_code_;
  }
  void Signal(int signal, bool whole_group = false) { kill(whole_group ? -pid_ : pid_, signal); }
  std::string err() const { return ReadFile(err_path_); }

 private:
  void Record(int status) {
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid_ = -1;
  int stdin_ = -1;
  int exit_code_ = -1;
  fs::path err_path_;
};

class ImportFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CommandResult init = RunMorgue({"--archive", archive_.string(), "init"});
    ASSERT_EQ(init.exit_code, kOk) << init.err;
  }

  CommandResult Import(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string(), "import"});
    return RunMorgue(args, input);
  }

  // `count` text files, one article each, in `folder`.
  fs::path Notes(const std::string& folder, int count) {
    const fs::path notes = dir_ / folder;
    for (int i = 0; i < count; ++i) {
      WriteFile(notes / ("note-" + std::to_string(10000 + i) + ".txt"), TextArticle(i));
    }
    return notes;
  }

  // Waits until the running import has committed some articles (or ended).
  void AwaitFirstCommit(Running& import) {
    while (ArticlesWhileWriting(archive_) <= 0 && !import.Done()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

  // An interrupted run, then the same command: every file archived exactly once.
  void InterruptAndResume(int signal, const std::vector<std::string>& options, bool group) {
    constexpr int kFiles = 3000;
    const fs::path notes = Notes("notes", kFiles);
    std::vector<std::string> args = {"--archive", archive_.string(), "import"};
    args.insert(args.end(), options.begin(), options.end());
    args.push_back(notes.string());
    {
      Running import(args, dir_.path(), group);
      AwaitFirstCommit(import);
      import.Signal(signal, group);
      EXPECT_EQ(import.Wait(), 128 + signal) << import.err();
      const std::string err = import.err();
      const int64_t stored = CountOf(archive_, "SELECT count(*) FROM articles");
      ASSERT_GT(stored, 0);
      ASSERT_LT(stored, kFiles) << "the import ended before it was interrupted";
      // The summary with the true counts, and how to go on.
      EXPECT_TRUE(
          Contains(err, std::to_string(stored) + " files: " + std::to_string(stored) +
                            " articles imported, 0 duplicates; 0 files failed, 0 skipped\n"))
          << err;
      EXPECT_TRUE(Contains(err, std::string("morgue: interrupted by ") +
                                    (signal == SIGINT ? "SIGINT" : "SIGTERM") + " after " +
                                    std::to_string(stored) +
                                    " of 3000 files; run the same "
                                    "command again to import the rest"))
          << err;
      EXPECT_FALSE(Contains(err, "crashed")) << err;
      EXPECT_EQ(QuerySql(archive_,
                         "SELECT inputs || ' ' || imported || ' ' || duplicates || ' ' || failed "
                         "|| ' ' || interrupted || ' ' || (finished_at IS NOT NULL) FROM imports"),
                std::to_string(stored) + " " + std::to_string(stored) + " 0 0 1 1");
      EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM import_failures"), 0);
      EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM documents"), stored);
      EXPECT_EQ(QuerySql(archive_, "PRAGMA integrity_check"), "ok");
    }
    const int64_t first = CountOf(archive_, "SELECT count(*) FROM articles");
    CommandResult again = RunMorgue(args);
    EXPECT_EQ(again.exit_code, kOk) << again.err;
    EXPECT_TRUE(Contains(again.err, "3000 files: " + std::to_string(kFiles - first) +
                                        " articles imported, " + std::to_string(first) +
                                        " duplicates; 0 files failed, 0 skipped"))
        << again.err;
    EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), kFiles);
    EXPECT_EQ(CountOf(archive_, "SELECT count(DISTINCT title) FROM articles"), kFiles);
    EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM documents"), kFiles);
    EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM article_documents"), kFiles);
    EXPECT_EQ(QuerySql(archive_, "SELECT interrupted FROM imports ORDER BY id DESC LIMIT 1"), "0");
    EXPECT_EQ(QuerySql(archive_, "PRAGMA integrity_check"), "ok");
  }

  TempDir dir_;
  const fs::path archive_ = dir_ / "archive.db";
};

// --- Interrupts ------------------------------------------------------------------------

TEST_F(ImportFlowTest, CtrlCKeepsWhatIsWholeRecordsTheRunAndTheSameCommandImportsTheRest) {
  InterruptAndResume(SIGINT, {"--jobs", "2"}, /*group=*/false);
}

TEST_F(ImportFlowTest, SigtermDoesTheSameAndExits143) {
  InterruptAndResume(SIGTERM, {"--jobs", "1"}, /*group=*/false);
}

// A Ctrl-C at a terminal goes to the whole foreground process group, the --isolate
// workers too: one killed by it has not crashed, and no input is failed for it.
TEST_F(ImportFlowTest, IsolatedWorkersKilledByTheSameCtrlCAreNotCountedAsCrashes) {
  InterruptAndResume(SIGINT, {"--isolate", "--jobs", "2"}, /*group=*/true);
}

// An importer stuck in a loop does not hold up the interrupt until --time-limit: its
// thread is left to it (in process) or its worker killed (--isolate).
TEST_F(ImportFlowTest, AnInterruptDoesNotWaitForAStuckImporter) {
  const fs::path batch = dir_ / "batch";
  WriteFile(batch / "a.loopy", "Alpha headline\nThe first good input.\n");
  WriteFile(batch / "b.loopy", "Bravo headline\nThis one says MISBEHAVE.\n");
  WriteFile(batch / "c.loopy", "Charlie headline\nThe second good input.\n");
  for (const bool isolate : {false, true}) {
    const fs::path db = dir_ / (isolate ? "isolated.db" : "in-process.db");
    ASSERT_EQ(RunMorgue({"--archive", db.string(), "init"}).exit_code, kOk);
    std::vector<std::string> args = {"--archive",
                                     db.string(),
                                     "import",
                                     "--plugin-dir",
                                     MORGUE_HOSTILE_PLUGIN_DIR,
                                     "--time-limit",
                                     "120",
                                     "--jobs",
                                     "1"};
    if (isolate) args.push_back("--isolate");
    args.push_back(batch.string());
    Running import(args, dir_.path());
    // The first input is committed while the second loops.
    while (ArticlesWhileWriting(db) <= 0 && !import.Done()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const auto signalled = std::chrono::steady_clock::now();
    import.Signal(SIGTERM);
    EXPECT_EQ(import.Wait(), 143) << import.err();
    EXPECT_LT(std::chrono::steady_clock::now() - signalled, std::chrono::seconds(30));
    EXPECT_TRUE(Contains(import.err(),
                         "1 file: 1 article imported, 0 duplicates; 0 files "
                         "failed, 0 skipped\nmorgue: interrupted by SIGTERM "
                         "after 1 of 3 files"))
        << import.err();
    EXPECT_EQ(QuerySql(db, "SELECT inputs || ' ' || interrupted FROM imports"), "1 1");
  }
}

TEST_F(ImportFlowTest, CtrlCWhileReadingStandardInputStoresNothingOfIt) {
  Running import({"--archive", archive_.string(), "import", "-"}, dir_.path());
  // Standard input stays open and empty: morgue waits on it. Give it time to get there.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  import.Signal(SIGINT);
  EXPECT_EQ(import.Wait(), 130);
  const std::string err = import.err();
  EXPECT_TRUE(Contains(err,
                       "0 inputs: 0 articles imported, 0 duplicates; 0 inputs failed, "
                       "0 skipped\n"))
      << err;
  EXPECT_TRUE(Contains(err, "morgue: interrupted by SIGINT after 0 of 1 inputs")) << err;
  EXPECT_EQ(QuerySql(archive_, "SELECT inputs || ' ' || interrupted FROM imports"), "0 1");
}

// --- Folders: skipped files, --include, --exclude ----------------------------------------

TEST_F(ImportFlowTest, FilesInAFolderThatNoImporterReadsAreSkippedNotFailed) {
  const fs::path folder = dir_ / "clippings";
  WriteFile(folder / "a.txt", TextArticle(1));
  WriteFile(folder / "b.txt", TextArticle(2));
  WriteFile(folder / "photo.jpg", Jpeg());
  WriteFile(folder / "scan.JPG", Jpeg());
  WriteFile(folder / "figures" / "chart.png", "\x89PNG\r\n\x1a\n" + std::string(100, '\0'));
  CommandResult result = Import({folder.string()});
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.err,
            "morgue: skipped 3 files no importer reads: 2 .jpg, 1 .png\n"
            "5 files: 2 articles imported, 0 duplicates; 0 files failed, 3 skipped\n");
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT inputs || ' ' || imported || ' ' || failed || ' ' || "
                     "skipped FROM imports"),
            "5 2 0 3");
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM import_failures"), 0);

  // Named explicitly, the same file is an error.
  CommandResult named = Import({(folder / "photo.jpg").string()});
  EXPECT_EQ(named.exit_code, kPartial);
  EXPECT_TRUE(
      named.err.starts_with((folder / "photo.jpg").string() + ": morgue: no importer recognises"))
      << named.err;
  EXPECT_TRUE(Contains(named.err,
                       "1 file: 0 articles imported, 0 duplicates; 1 file failed, "
                       "0 skipped"))
      << named.err;
}

TEST_F(ImportFlowTest, IncludeAndExcludeChooseTheFilesOfAFolder) {
  // The layout of Mozilla Readability's test pages.
  const fs::path pages = dir_ / "test-pages";
  for (const std::string page : {"first", "second"}) {
    WriteFile(pages / page / "source.txt", TextArticle(page == "first" ? 1 : 2));
    WriteFile(pages / page / "expected.txt", TextArticle(page == "first" ? 11 : 12));
    WriteFile(pages / page / "expected-metadata.json", "{\"title\": 5}");
  }
  CommandResult included = Import({"--include", "source.txt", pages.string()});
  EXPECT_EQ(included.exit_code, kOk) << included.err;
  EXPECT_TRUE(Contains(included.err, "2 files: 2 articles imported")) << included.err;
  EXPECT_EQ(
      QuerySql(archive_, "SELECT group_concat(original_path, ' ') FROM documents"),
      (pages / "first" / "source.txt").string() + " " + (pages / "second" / "source.txt").string());

  // Excluded by name (repeatable), and a folder by its name: nothing below it is read.
  CommandResult excluded = Import(
      {"--exclude", "expected*", "--exclude", "*.json", "--exclude", "second", pages.string()});
  EXPECT_EQ(excluded.exit_code, kOk) << excluded.err;
  EXPECT_TRUE(Contains(excluded.err, "1 file: 0 articles imported, 1 duplicate")) << excluded.err;

  // A pattern with '/' matches the path within the folder given.
  CommandResult by_path = Import({"--include", "second/exp*", pages.string()});
  EXPECT_EQ(by_path.exit_code, kPartial) << by_path.err;
  EXPECT_TRUE(Contains(by_path.err, "2 files: 1 article imported, 0 duplicates; 1 file failed"))
      << by_path.err;
  EXPECT_TRUE(Contains(by_path.err, (pages / "second" / "expected-metadata.json").string()))
      << by_path.err;

  // Files named explicitly are always taken.
  CommandResult named = Import({"--exclude", "*.txt", (pages / "first" / "expected.txt").string()});
  EXPECT_TRUE(Contains(named.err, "1 file: 1 article imported")) << named.err;
}

// --- Dry run ---------------------------------------------------------------------------

TEST_F(ImportFlowTest, DryRunSaysWhatEachInputWouldBecomeAndStoresNothing) {
  const fs::path first = dir_ / "first.txt";
  WriteFile(first, TextArticle(1));
  ASSERT_EQ(Import({first.string()}).exit_code, kOk);

  const fs::path folder = dir_ / "inbox";
  WriteFile(folder / "again.txt", TextArticle(1));  // archived already, as article 1
  WriteFile(folder / "bad.json", "{\"title\": 5}");
  WriteFile(folder / "feed.jsonl",
            "{\"title\": \"Ferry timetable\", \"body\": \"Two fewer crossings a day.\"}\n"
            "{\"title\": \"Ferry timetable\", \"body\": \"Two fewer crossings a day.\"}\n");
  WriteFile(folder / "new.txt", TextArticle(2));
  WriteFile(folder / "photo.jpg", Jpeg());

  const std::string before = ReadFile(archive_);
  const std::string imports_before = QuerySql(archive_, "SELECT count(*) FROM imports");
  CommandResult dry = Import({"--dry-run", folder.string()});
  EXPECT_EQ(dry.exit_code, kPartial) << dry.err;
  const std::string in = folder.string() + "/";
  EXPECT_EQ(dry.out, in + "again.txt: text: 1 article: duplicate of article 1\n" + in +
                         "feed.jsonl: json: 2 articles: 1 new (article 2), 1 duplicate of "
                         "article 2\n" +
                         in + "new.txt: text: 1 article: new, would be article 3\n" + in +
                         "photo.jpg: skipped: no importer reads it\n");
  EXPECT_TRUE(dry.err.starts_with(in + "bad.json: json: ")) << dry.err;
  EXPECT_TRUE(Contains(dry.err,
                       "5 files: 2 new articles, 2 duplicates; 1 file failed, 1 "
                       "skipped; dry run, nothing was stored\n"))
      << dry.err;
  EXPECT_EQ(ReadFile(archive_), before);
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM imports"), imports_before);
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), 1);

  // The real run gives what the dry run said.
  CommandResult real = Import({folder.string()});
  EXPECT_TRUE(Contains(real.err,
                       "5 files: 2 articles imported, 2 duplicates; 1 file failed, 1 "
                       "skipped\n"))
      << real.err;
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT group_concat(line, '; ') FROM "
                     "(SELECT id || ' ' || title AS line FROM articles ORDER BY id)"),
            "1 Harbour notes number 1; 2 Ferry timetable; 3 Harbour notes number 2");
}

TEST_F(ImportFlowTest, DryRunIntoAMissingArchiveCreatesNothing) {
  const fs::path missing = dir_ / "missing.db";
  const fs::path note = dir_ / "note.txt";
  WriteFile(note, TextArticle(1));
  CommandResult dry =
      RunMorgue({"--archive", missing.string(), "import", "--dry-run", note.string()});
  EXPECT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_EQ(dry.out, note.string() + ": text: 1 article: new, would be article 1\n");
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(dir_ / "missing.db-wal"));
}

// --- The archive must exist --------------------------------------------------------------

TEST_F(ImportFlowTest, AnArchiveThatDoesNotExistIsNotCreatedWithoutCreate) {
  const fs::path typo = dir_ / "archvie.db";
  const fs::path note = dir_ / "note.txt";
  WriteFile(note, TextArticle(1));
  CommandResult refused = RunMorgue({"--archive", typo.string(), "import", note.string()});
  EXPECT_EQ(refused.exit_code, kArchiveError);
  EXPECT_EQ(refused.err, "morgue: no archive at " + typo.string() +
                             "; create it with 'morgue init --archive " + typo.string() +
                             "' or add --create\n");
  EXPECT_FALSE(fs::exists(typo));

  CommandResult created =
      RunMorgue({"--archive", typo.string(), "import", "--create", note.string()});
  EXPECT_EQ(created.exit_code, kOk) << created.err;
  EXPECT_EQ(CountOf(typo, "SELECT count(*) FROM articles"), 1);
}

TEST_F(ImportFlowTest, TheSummaryCountsStandardInputAsAnInput) {
  CommandResult result = Import({"-"}, TextArticle(7));
  EXPECT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_EQ(result.err, "1 input: 1 article imported, 0 duplicates; 0 inputs failed, 0 skipped\n");
}

// Standard input is read after the files, on the calling thread, whose isolated worker
// must be its own: the files' workers ended with the threads that started them.
TEST_F(ImportFlowTest, IsolatedFilesThenStandardInputImportsBoth) {
  const fs::path note = dir_ / "note.txt";
  WriteFile(note, TextArticle(1));
  for (const std::string jobs : {"1", "2"}) {
    SCOPED_TRACE("--jobs " + jobs);
    ExecSql(archive_, "DELETE FROM articles");
    CommandResult result =
        Import({"--isolate", "--jobs", jobs, note.string(), "-"}, TextArticle(2));
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    EXPECT_EQ(result.err,
              "2 inputs: 2 articles imported, 0 duplicates; 0 inputs failed, 0 skipped\n");
    EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), 2);
  }
}

// Records with neither body nor address are known by their title, date and source, in a
// dry run as in the real one.
TEST_F(ImportFlowTest, DryRunKnowsArticlesWithoutABodyByTheirMetadata) {
  const fs::path first = dir_ / "first.jsonl";
  WriteFile(first, "{\"title\": \"Ferry timetable\", \"published\": \"2011-01-04\"}\n");
  ASSERT_EQ(Import({first.string()}).exit_code, kOk);
  const fs::path more = dir_ / "more.jsonl";
  WriteFile(more,
            "{\"title\": \"Ferry timetable\", \"published\": \"2011-01-04\"}\n"
            "{\"title\": \"Harbour closed\", \"source\": \"Harbour Gazette\"}\n"
            "{\"title\": \"Harbour closed\", \"source\": \"Harbour Gazette\"}\n");
  CommandResult dry = Import({"--dry-run", more.string()});
  EXPECT_EQ(dry.exit_code, kOk) << dry.err;
  EXPECT_EQ(dry.out, more.string() +
                         ": json: 3 articles: 1 new (article 2), 2 duplicates of articles 1, 2\n");
  CommandResult real = Import({more.string()});
  EXPECT_TRUE(Contains(real.err, "1 file: 1 article imported, 2 duplicates;")) << real.err;
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), 2);
}

}  // namespace
}  // namespace morgue::testing
