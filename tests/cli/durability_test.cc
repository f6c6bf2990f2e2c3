// Durability of the `morgue` binary under faults: a corpus of bad inputs, SIGKILL in the
// middle of an import, a full disk (a file-size limit), a read-only archive, and several
// processes writing and reading one archive at once. Each runs the real binary with the
// plugins this tree built, on real archive files, and checks the archive afterwards with
// SQLite itself: integrity_check, and rows compared before and after.
//
// The file-permission faults need an unprivileged process: when the tests run as root
// (as CI does), the morgue child runs as `nobody` through setpriv.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
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
constexpr uid_t kNobody = kNobodyId;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Hands `root` and everything under it to `nobody` when this process is root, so the
// unprivileged child can use it; the folder itself is opened to everyone's traversal.
void GiveToUnprivileged(const fs::path& root) {
  ASSERT_EQ(chmod(root.c_str(), 0755), 0);
  if (!IsRoot()) return;
  ASSERT_EQ(lchown(root.c_str(), kNobody, kNobody), 0);
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    ASSERT_EQ(lchown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
  }
}

// Every row of `sql`'s result, one line per row, columns separated by '|' (blobs and
// text as their bytes), read as any SQLite tool would.
std::string DumpQuery(const fs::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  // Read-write, as the last connection to close then removes the -wal and -shm files.
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db) << " in " << sql;
  std::string out;
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const void* data = sqlite3_column_blob(stmt, i);
      if (i > 0) out += '|';
      if (data == nullptr) {
        out += "NULL";
      } else {
        out.append(static_cast<const char*>(data),
                   static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
      }
    }
    out += '\n';
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// Every row of every table of the archive: equal dumps mean a logically identical archive.
std::string DumpArchive(const fs::path& db) {
  std::string dump;
  for (const std::string& table :
       Lines(DumpQuery(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"))) {
    dump += "== " + table + "\n" + DumpQuery(db, "SELECT * FROM \"" + table + "\"");
  }
  return dump;
}

// The articles with ids up to `max_id` and everything linked to them.
std::string DumpArticles(const fs::path& db, int64_t max_id) {
  const std::string upto = std::to_string(max_id);
  std::string dump;
  for (const std::string& sql : {
           "SELECT * FROM articles WHERE id <= " + upto + " ORDER BY id",
           "SELECT * FROM article_authors WHERE article_id <= " + upto + " ORDER BY 1, 2, 3",
           "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
           "WHERE at.article_id <= " +
               upto + " ORDER BY 1, 2",
           "SELECT * FROM media WHERE article_id <= " + upto + " ORDER BY article_id, position",
           "SELECT * FROM article_fields WHERE article_id <= " + upto + " ORDER BY 1, 2",
           "SELECT * FROM article_documents WHERE article_id <= " + upto + " ORDER BY 1, 2",
       }) {
    dump += DumpQuery(db, sql) + "--\n";
  }
  return dump;
}

std::string IntegrityCheck(const fs::path& db) { return QuerySql(db, "PRAGMA integrity_check"); }

int64_t CountOf(const fs::path& db, const std::string& sql) {
  return std::stoll("0" + QuerySql(db, sql));
}

// A child process started with its output in files, for runs that must overlap.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const fs::path& out, const fs::path& err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> args = argv;
    std::vector<char*> c_args;
    c_args.reserve(args.size() + 1);
    for (std::string& arg : args) c_args.push_back(arg.data());
    c_args.push_back(nullptr);
    int rc = posix_spawn(&pid_, c_args[0], &actions, nullptr, c_args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    EXPECT_EQ(rc, 0) << "cannot start " << argv[0];
    if (rc != 0) pid_ = -1;
  }
  ~Child() {
    if (pid_ > 0 && !done_) {
      kill(pid_, SIGKILL);
      Wait();
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Whether it has ended; reaps it when it has.
  bool Done() {
    if (done_ || pid_ <= 0) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) Record(status);
    return done_;
  }
  // The exit code, or 128 + the signal that ended it.
  int Wait() {
    if (!done_ && pid_ > 0) {
      int status = 0;
      if (waitpid(pid_, &status, 0) == pid_) Record(status);
    }
    return exit_code_;
  }
  void Kill() {
    if (pid_ > 0 && !done_) kill(pid_, SIGKILL);
  }

 private:
  void Record(int status) {
    done_ = true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  pid_t pid_ = -1;
  bool done_ = false;
  int exit_code_ = -1;
};

// A short distinct article as plain text.
std::string TextArticle(int n) {
  return "Harbour notes number " + std::to_string(n) +
         "\n\nBy Jane Doe\n\nThe harbour log for day " + std::to_string(n) + " records " +
         std::to_string(n * 7 % 101) +
         " boats, calm water and the pilots' report, filed before noon.\n";
}

class DurabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(archive_.parent_path());
    ASSERT_EQ(RunMorgue({"--archive", archive_.string(), "import", "--create", "-q",
                         (FixturesDir() / "sample-articles.jsonl").string()})
                  .exit_code,
              kOk);
    ASSERT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), 4);
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive" / "morgue.db";
};

// --- Bad inputs ------------------------------------------------------------------------

// A page of about 40 MB: an article, a 22 MB inline image, and thousands of comments.
std::string FortyMegabytePage() {
  std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbour storm: the full "
      "record</title></head><body><article><h1>Harbour storm: the full record</h1>"
      "<p class=\"byline\">By Jane Doe</p>";
  for (int i = 0; i < 5; ++i) {
    page += "<p>The harbour reopened on Monday after three days of closures (part " +
            std::to_string(i) + "), with boats, cranes, pilots and officials back at work.</p>";
  }
  page += "<img src=\"data:image/png;base64,";
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  uint32_t state = 12345;
  for (size_t i = 0; i < size_t{22} << 20; ++i) {
    state = state * 1103515245u + 12345u;
    page += alphabet[(state >> 16) & 63];
  }
  page += "\"></article><section class=\"comments\">";
  for (int i = 0; page.size() < size_t{40} << 20; ++i) {
    page += "<div class=\"comment\"><p>Comment " + std::to_string(i) +
            ": I was there when the cranes stopped; it was a long three days.</p></div>\n";
  }
  return page + "</section></body></html>\n";
}

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  out.reserve(piece.size() * static_cast<size_t>(times));
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_F(DurabilityTest, EveryBadInputGetsOneClearLineAndTheRestIsImported) {
  const fs::path inputs = dir_ / "inputs";
  const fs::path bad = inputs / "bad";
  fs::create_directories(bad);
  for (const auto& entry : fs::directory_iterator(FixturesDir() / "bad")) {
    if (entry.path().filename() != "README.md") {
      fs::copy_file(entry.path(), bad / entry.path().filename());
    }
  }
  // The large and deep ones are made here rather than committed.
  WriteFile(bad / "huge-page.html", FortyMegabytePage());
  constexpr int kDeep = 200'000;
  WriteFile(bad / "deep.html", "<html><head><title>Deep</title></head><body><p>Before.</p>" +
                                   Repeat("<div>", kDeep) + "deep" + Repeat("</div>", kDeep) +
                                   "</body></html>");
  WriteFile(bad / "deep.json", Repeat("[", kDeep) + Repeat("]", kDeep));
  WriteFile(bad / "deep-jsonld.html",
            "<html><head><title>Quay wall repaired</title><script type=\"application/ld+json\">" +
                Repeat("[", kDeep) + Repeat("]", kDeep) +
                "</script></head><body><article><h1>Quay wall repaired</h1><p>Workers finished "
                "repairing the old quay wall on Friday, two weeks ahead of the schedule the "
                "council set in the spring, and the harbour master reopened the berth.</p>"
                "</article></body></html>");
  WriteFile(bad / "unreadable.txt", TextArticle(9001));
  fs::create_directories(bad / "loop");
  fs::create_symlink("loop-b", bad / "loop" / "loop-a");
  fs::create_symlink("loop-a", bad / "loop" / "loop-b");
  fs::create_symlink("..", bad / "loop" / "up");  // a folder loop: never followed

  const fs::path good = inputs / "good";
  WriteFile(good / "harbour.txt", TextArticle(1));
  WriteFile(good / "bridge.txt", TextArticle(2));
  WriteFile(good / "ferry.jsonl",
            "{\"title\": \"Ferry timetable changes\", \"body\": \"The winter timetable starts "
            "on Monday with two fewer crossings a day.\"}\n");

  GiveToUnprivileged(dir_.path());
  ASSERT_EQ(chmod((bad / "unreadable.txt").c_str(), 0), 0);

  const std::string before = DumpArticles(archive_, 4);
  CommandResult result =
      RunMorgueAsUser({"--archive", archive_.string(), "import", "--create", inputs.string()});

  // Each failing input: exactly one line, naming it, with its reason.
  const std::map<std::string, std::string> failures = {
      {"empty.html", "the page is empty"},
      {"random-binary.html", "binary data"},
      {"invalid-utf8.json", "ill-formed UTF-8"},
      {"malformed.json", "malformed JSON"},
      {"wrong-types.json", "field 'title' must be a string, found number"},
      {"no-article.html", "no article found"},
      {"deep.html", "more than 256 levels deep"},
      {"deep.json", "expected an article object, found array"},
      {"unreadable.txt", "cannot read: Permission denied"},
      {"loop/loop-a", "a symbolic link that loops back on itself"},
      {"loop/loop-b", "a symbolic link that loops back on itself"},
  };
  const std::vector<std::string> lines = Lines(result.err);
  for (const auto& [name, reason] : failures) {
    const std::string prefix = (bad / name).string() + ": ";
    int count = 0;
    for (const std::string& line : lines) {
      if (line.starts_with(prefix)) {
        ++count;
        EXPECT_TRUE(Contains(line, reason)) << line;
      }
    }
    EXPECT_EQ(count, 1) << name << "\n" << result.err;
  }
  // Binary bytes no importer claims, found in a folder, are skipped rather than failed.
  for (const std::string name : {"nul-bytes.txt", "unknown-extension.xyz"}) {
    EXPECT_FALSE(Contains(result.err, (bad / name).string())) << result.err;
  }
  // Nothing else: the failure lines, the skipped files and the summary.
  ASSERT_EQ(lines.size(), failures.size() + 2) << result.err;
  EXPECT_EQ(lines[lines.size() - 2], "morgue: skipped 2 files no importer reads: 1 .txt, 1 .xyz");
  // truncated.html, the seed's repost cut short, is a near-duplicate of the seed archived
  // from sample-articles.jsonl: its own article, linked.
  EXPECT_EQ(lines.back(), std::to_string(failures.size() + 8) +
                              " files: 6 articles imported (1 near-duplicate, linked), "
                              "0 duplicates; " +
                              std::to_string(failures.size()) + " files failed, 2 skipped");
  EXPECT_EQ(result.exit_code, kPartial);

  // The good inputs and the merely odd ones (a truncated page, a huge one, a page with
  // absurd JSON-LD) are imported.
  const std::string titles =
      DumpQuery(archive_, "SELECT title FROM articles WHERE id > 4 ORDER BY title");
  EXPECT_EQ(titles,
            "Ferry timetable changes\nHarbour notes number 1\nHarbour notes number 2\n"
            "Harbour storm: the full record\nQuay wall repaired\n"
            "Seoul, Tokyo seek 1st military pact\n");
  EXPECT_EQ(IntegrityCheck(archive_), "ok");
  EXPECT_EQ(DumpArticles(archive_, 4), before) << "articles stored before were changed";
}

// --- Crashes ---------------------------------------------------------------------------

TEST_F(DurabilityTest, AnImportKilledMidwayAndRunAgainHoldsEveryArticleOnce) {
  constexpr int kFiles = 2000;
  const fs::path inputs = dir_ / "inputs";
  for (int i = 0; i < kFiles; ++i) {
    WriteFile(inputs / ("note-" + std::to_string(10000 + i) + ".txt"), TextArticle(i));
  }
  const std::vector<std::string> import = {
      MorgueBinary().string(), "--archive", archive_.string(), "import", "--create", "-q",
      inputs.string()};
  const std::string count_sql = "SELECT count(*) FROM articles";

  // Killed twice: once after its first commit, once after more progress.
  int64_t seen = CountOf(archive_, count_sql);
  for (int kill = 0; kill < 2; ++kill) {
    Child child(import, dir_ / "out", dir_ / "err");
    int64_t now = seen;
    while (now <= seen && !child.Done()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));  // a poll, not a wait
      now = CountOf(archive_, count_sql);
    }
    child.Kill();
    EXPECT_EQ(child.Wait(), 128 + SIGKILL) << "the import ended before it could be killed";
    EXPECT_LT(CountOf(archive_, count_sql), kFiles + 4);
    EXPECT_EQ(IntegrityCheck(archive_), "ok");
    seen = CountOf(archive_, count_sql);
  }

  CommandResult rerun = RunCommand(import);
  EXPECT_EQ(rerun.exit_code, kOk) << rerun.err;
  EXPECT_EQ(IntegrityCheck(archive_), "ok");
  EXPECT_EQ(CountOf(archive_, count_sql), kFiles + 4);
  EXPECT_EQ(CountOf(archive_, "SELECT count(DISTINCT title) FROM articles"), kFiles + 4);
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM documents"), kFiles + 1);
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM article_documents"), kFiles + 4);
  EXPECT_EQ(QuerySql(archive_,
                     "SELECT min(n) || ' ' || max(n) FROM (SELECT count(*) AS n FROM "
                     "article_documents GROUP BY document_id)"),
            "1 4");
}

// --- Disk full, read-only --------------------------------------------------------------

TEST_F(DurabilityTest, AFullDiskLeavesTheArchiveAsItWasWithOneClearError) {
  const fs::path inputs = dir_ / "inputs";
  for (int i = 0; i < 300; ++i) {
    WriteFile(inputs / ("note-" + std::to_string(1000 + i) + ".txt"),
              TextArticle(i) + Repeat("More notes from the quay, tide tables and weather. ", 40));
  }
  const std::string before = DumpArchive(archive_);
  // Room for SQLite's 32 KiB shared-memory file, not for the inputs' pages.
  const auto limit = fs::file_size(archive_) + uintmax_t{64} * 1024;
  CommandResult result =
      RunCommand({"/usr/bin/prlimit", "--fsize=" + std::to_string(limit), MorgueBinary().string(),
                  "--archive", archive_.string(), "import", "--create", inputs.string()});
  EXPECT_EQ(result.exit_code, kArchiveError) << result.err;
  ASSERT_EQ(Lines(result.err).size(), 1u) << "one message, not one per input:\n" << result.err;
  EXPECT_TRUE(result.err.starts_with("morgue: ")) << result.err;
  EXPECT_TRUE(Contains(result.err, "file-size limit")) << result.err;
  EXPECT_TRUE(Contains(result.err, "run the command again")) << result.err;
  EXPECT_EQ(IntegrityCheck(archive_), "ok");
  EXPECT_EQ(DumpArchive(archive_), before);

  // With room again, the same command imports everything.
  CommandResult again =
      RunMorgue({"--archive", archive_.string(), "import", "--create", inputs.string()});
  EXPECT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_EQ(CountOf(archive_, "SELECT count(*) FROM articles"), 304);
}

TEST_F(DurabilityTest, AReadOnlyArchiveRefusesImportsClearlyAndStillServesReads) {
  const fs::path folder = archive_.parent_path();
  const std::string before = DumpArchive(archive_);
  WriteFile(dir_ / "new.txt", TextArticle(77));
  // The archive readable by all, writable by none; the folder too, so SQLite can create
  // no -shm or -wal file beside it.
  ASSERT_EQ(chmod(dir_.path().c_str(), 0755), 0);
  ASSERT_EQ(chmod((dir_ / "new.txt").c_str(), 0644), 0);
  ASSERT_EQ(chmod(archive_.c_str(), 0444), 0);
  ASSERT_EQ(chmod(folder.c_str(), 0555), 0);
  ASSERT_FALSE(fs::exists(archive_.string() + "-shm")) << "the reads below must do without it";

  CommandResult import = RunMorgueAsUser(
      {"--archive", archive_.string(), "import", "--create", (dir_ / "new.txt").string()});
  EXPECT_EQ(import.exit_code, kArchiveError) << import.err;
  ASSERT_EQ(Lines(import.err).size(), 1u) << import.err;
  EXPECT_TRUE(Contains(import.err, "is read-only: morgue cannot write it")) << import.err;
  CommandResult tag = RunMorgueAsUser({"--archive", archive_.string(), "tag", "1", "x"});
  EXPECT_EQ(tag.exit_code, kArchiveError) << tag.err;
  EXPECT_TRUE(Contains(tag.err, "is read-only")) << tag.err;

  const std::vector<std::pair<std::vector<std::string>, std::string>> reads = {
      {{"list"}, "Seoul, Tokyo seek 1st military pact"},
      {{"search", "pact"}, "[pact]"},
      {{"show", "2"}, "North Korea marks leader's birthday"},
      {{"export", "--format", "jsonl"}, "\"title\":\"Japan, China agree to resume fisheries"},
      {{"stats"}, "articles:"},
      {{"tags"}, "japan"},
      {{"sources", "yonhap"}, "Yonhap"},
  };
  for (const auto& [args, expected] : reads) {
    std::vector<std::string> full = {"--archive", archive_.string()};
    full.insert(full.end(), args.begin(), args.end());
    CommandResult read = RunMorgueAsUser(full);
    EXPECT_EQ(read.exit_code, kOk) << args[0] << ": " << read.err;
    EXPECT_EQ(read.err, "") << args[0];
    EXPECT_TRUE(Contains(read.out, expected)) << args[0] << ": " << read.out;
  }
  EXPECT_FALSE(fs::exists(archive_.string() + "-wal"));

  ASSERT_EQ(chmod(folder.c_str(), 0755), 0);
  ASSERT_EQ(chmod(archive_.c_str(), 0644), 0);
  EXPECT_EQ(IntegrityCheck(archive_), "ok");
  EXPECT_EQ(DumpArchive(archive_), before);
}

// --- Concurrency -----------------------------------------------------------------------

// Writers import overlapping sets of one-record JSON files; the copies of an article
// differ in their bytes (each writer tags its own) but share the canonical URL, so only
// dedup on that URL keeps one article. Readers search and export all the while.
void RunWritersAndReaders(const fs::path& dir, const fs::path& archive, int writers, int articles) {
  const int per_writer = articles / writers * 2;  // each article goes to two writers
  std::vector<fs::path> folders;
  for (int w = 0; w < writers; ++w) {
    folders.push_back(dir / ("writer-" + std::to_string(w)));
    for (int k = 0; k < per_writer; ++k) {
      const int n = (w * articles / writers + k) % articles;
      WriteFile(folders.back() / ("story-" + std::to_string(n) + ".json"),
                "{\"title\": \"Quay story " + std::to_string(n) +
                    "\", \"canonical_url\": \"https://harbour.example/story/" + std::to_string(n) +
                    "\", \"tags\": [\"writer " + std::to_string(w) +
                    "\"], \"body\": \"The quay story number " + std::to_string(n) +
                    " as told by writer " + std::to_string(w) + ".\"}\n");
    }
  }
  std::vector<std::unique_ptr<Child>> children;
  for (int w = 0; w < writers; ++w) {
    const std::string name = "writer-" + std::to_string(w);
    children.push_back(std::make_unique<Child>(
        std::vector<std::string>{MorgueBinary().string(), "--archive", archive.string(), "import",
                                 "-q", folders[w].string()},
        dir / (name + ".out"), dir / (name + ".err")));
  }
  auto writing = [&children] {
    bool any = false;
    for (auto& child : children) any = !child->Done() || any;
    return any;
  };
  std::atomic<int> reads{0};
  std::vector<std::string> reader_errors;
  auto read_loop = [&](const std::vector<std::string>& args) {
    std::vector<std::string> errors;
    std::vector<std::string> full = {"--archive", archive.string()};
    full.insert(full.end(), args.begin(), args.end());
    do {
      CommandResult read = RunMorgue(full);
      ++reads;
      // An archive with no article yet is not an error.
      if (read.exit_code != kOk || (!read.err.empty() && read.err != "no articles match\n")) {
        errors.push_back(args[0] + " exit " + std::to_string(read.exit_code) + ": " + read.err);
      }
    } while (writing());
    return errors;
  };
  std::vector<std::string> search_errors;
  // --quiet: once more than 5 match, search says so on standard error ("showing 5 of ...").
  std::thread searcher([&] {
    search_errors = read_loop({"search", "--quiet", "quay", "--limit", "5"});
  });
  std::vector<std::string> export_errors = read_loop({"export", "--format", "jsonl"});
  searcher.join();
  for (auto& child : children) EXPECT_EQ(child->Wait(), kOk);
  for (int w = 0; w < writers; ++w) {
    const std::string name = "writer-" + std::to_string(w);
    // With --quiet, only the summary line: no "database is locked", no failure.
    const std::string err = ReadFile(dir / (name + ".err"));
    EXPECT_TRUE(err.starts_with(std::to_string(per_writer) + " files: ") &&
                err.ends_with("; 0 files failed, 0 skipped\n") &&
                std::count(err.begin(), err.end(), '\n') == 1)
        << name << ": " << err;
  }
  EXPECT_EQ(search_errors, std::vector<std::string>{});
  EXPECT_EQ(export_errors, std::vector<std::string>{});
  EXPECT_GE(reads.load(), 2);

  EXPECT_EQ(IntegrityCheck(archive), "ok");
  EXPECT_EQ(CountOf(archive, "SELECT count(*) FROM articles WHERE title LIKE 'Quay story %'"),
            articles);
  EXPECT_EQ(CountOf(archive,
                    "SELECT count(DISTINCT url_key) FROM articles WHERE url_key IS NOT "
                    "NULL"),
            articles);
  // Each article got both writers' tags and both documents.
  EXPECT_EQ(QuerySql(archive,
                     "SELECT min(n) || ' ' || max(n) FROM (SELECT count(*) AS n FROM "
                     "article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name LIKE "
                     "'writer %' GROUP BY at.article_id)"),
            "2 2");
  EXPECT_EQ(CountOf(archive,
                    "SELECT count(*) FROM article_documents ad JOIN articles a ON a.id = "
                    "ad.article_id WHERE a.title LIKE 'Quay story %'"),
            2 * articles);
}

TEST_F(DurabilityTest, TwoWritersAndReadersAtOnce) {
  RunWritersAndReaders(dir_.path(), archive_, 2, 300);
}

TEST_F(DurabilityTest, FourWritersAndReadersAtOnce) {
  RunWritersAndReaders(dir_.path(), archive_, 4, 400);
}

}  // namespace
}  // namespace morgue::testing
