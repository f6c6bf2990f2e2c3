#include "support/test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace morgue::testing {
namespace {
// How long a test's own look at an archive waits for a writer's lock.
constexpr int kBusyTimeoutMs = 10000;
}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "morgue-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  // Tests may have made files read-only; make them removable first.
  for (auto it = std::filesystem::recursive_directory_iterator(path_, ignored);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ignored)) {
    std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
  }
  std::filesystem::remove_all(path_, ignored);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> SeedParagraphs() {
  const std::string text = ReadFile(FixturesDir() / "korea-times-2011-01-04.txt");
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (lines.size() < 20) throw std::runtime_error("the seed's text has fewer than 20 lines");
  return std::vector<std::string>(lines.begin() + 6, lines.begin() + 20);
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string QuerySql(const std::filesystem::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  // A test may look while morgue writes: wait for its lock as morgue's own readers do.
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db) << " in " << sql;
  std::string result;
  if (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    const void* data = sqlite3_column_blob(stmt, 0);
    if (data != nullptr) {
      result.assign(static_cast<const char*>(data),
                    static_cast<size_t>(sqlite3_column_bytes(stmt, 0)));
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return result;
}

std::vector<Article> AllArticles(Archive& archive) {
  std::vector<Article> articles;
  Filter filter;
  filter.order = SortOrder::kIdAsc;
  Status status = archive.Find(filter, [&articles](const Article& article) {
    articles.push_back(article);
    return Status::OK();
  });
  EXPECT_TRUE(status.ok()) << status.ToString();
  return articles;
}

void ExecSql(const std::filesystem::path& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_path.c_str(), &db), SQLITE_OK);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << message << " in " << sql;
}

void DowngradeToSchema13(const std::filesystem::path& db) {
  ExecSql(db, R"sql(
  DELETE FROM articles_fts_config WHERE k = 'hashsize';
  DROP TABLE story_bands_pending;
  PRAGMA user_version = 13;)sql");
}

void DowngradeToSchema12(const std::filesystem::path& db) {
  DowngradeToSchema13(db);
  ExecSql(db, R"sql(
  DROP TABLE article_revisions;
  ALTER TABLE articles DROP COLUMN revision;
  ALTER TABLE imports DROP COLUMN revised;
  PRAGMA user_version = 12;)sql");
}

void DowngradeSearchToSchema10(const std::filesystem::path& db) {
  DowngradeToSchema12(db);
  // The index, view and triggers of migration 2 (without migration 4's deferral), no grams,
  // no story clusters.
  ExecSql(db, R"sql(
  DROP TABLE story_clusters; DROP TABLE story_cluster_sizes;
  DROP TRIGGER articles_fts_ai; DROP TRIGGER articles_fts_ad; DROP TRIGGER articles_fts_au;
  DROP VIEW article_search_source;
  ALTER TABLE articles DROP COLUMN title_grams;
  ALTER TABLE articles DROP COLUMN subtitle_grams;
  ALTER TABLE articles DROP COLUMN body_grams;
  CREATE VIEW article_search_source AS
    SELECT id, title, subtitle, body, authors_text AS authors, tags_text AS tags FROM articles;
  CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
    VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
  END;
  CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
    VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text,
            OLD.tags_text);
  END;
  CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body, authors_text,
    tags_text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body, authors, tags)
    VALUES ('delete', OLD.id, OLD.title, OLD.subtitle, OLD.body, OLD.authors_text,
            OLD.tags_text);
    INSERT INTO articles_fts(rowid, title, subtitle, body, authors, tags)
    VALUES (NEW.id, NEW.title, NEW.subtitle, NEW.body, NEW.authors_text, NEW.tags_text);
  END;
  DROP TABLE articles_fts;
  CREATE VIRTUAL TABLE articles_fts USING fts5(title, subtitle, body, authors, tags,
    content = 'article_search_source', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0, 3.0, 3.0)');
  INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
  PRAGMA user_version = 10;
)sql");
}

namespace {

std::vector<std::string> MergedEnvironment(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string item(*entry);
    auto eq = item.find('=');
    if (eq != std::string::npos) merged[item.substr(0, eq)] = item.substr(eq + 1);
  }
  for (const auto& [key, value] : extra) merged[key] = value;
  std::vector<std::string> result;
  result.reserve(merged.size());
  for (const auto& [key, value] : merged) result.push_back(key + "=" + value);
  return result;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input,
                         const std::map<std::string, std::string>& env,
                         const std::filesystem::path& cwd) {
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 ||
      pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);

  std::vector<std::string> args = argv;
  std::vector<std::string> envs = MergedEnvironment(env);
  std::vector<char*> c_args = CStrings(args);
  std::vector<char*> c_env = CStrings(envs);

  // posix_spawn has no portable chdir action in glibc 2.36's headers for C++; run through
  // /bin/sh only when a working directory is asked for.
  std::vector<std::string> wrapped;
  if (!cwd.empty()) {
    wrapped = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", cwd.string()};
    wrapped.insert(wrapped.end(), argv.begin(), argv.end());
    c_args = CStrings(wrapped);
  }

  // A child that exits without reading all of `input` closes the pipe: writing the rest
  // must fail with EPIPE here, not kill the test with SIGPIPE. The child gets SIGPIPE's
  // default back, as a shell would give it.
  static const bool kPipeSignalIgnored = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
  }();
  (void)kPipeSignalIgnored;
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t default_signals;
  sigemptyset(&default_signals);
  sigaddset(&default_signals, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &default_signals);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

  pid_t pid = 0;
  int rc = posix_spawn(&pid, c_args[0], &actions, &attributes, c_args.data(), c_env.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot run " + argv[0] + ": " + std::strerror(rc));
  }

  CommandResult result;
  size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  int out_fd = out_pipe[0];
  int err_fd = err_pipe[0];
  char buffer[65536];
  while (out_fd >= 0 || err_fd >= 0 || in_fd >= 0) {
    pollfd fds[3];
    int n = 0;
    if (out_fd >= 0) fds[n++] = {out_fd, POLLIN, 0};
    if (err_fd >= 0) fds[n++] = {err_fd, POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 || written == input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t r = read(fds[i].fd, buffer, sizeof buffer);
      std::string& target = fds[i].fd == out_fd ? result.out : result.err;
      if (r > 0) {
        target.append(buffer, static_cast<size_t>(r));
      } else {
        close(fds[i].fd);
        (fds[i].fd == out_fd ? out_fd : err_fd) = -1;
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

CommandResult RunMorgue(const std::vector<std::string>& args, const std::string& input,
                        const std::map<std::string, std::string>& env,
                        const std::filesystem::path& cwd) {
  std::vector<std::string> argv = {MorgueBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, input, env, cwd);
}

void BuiltinPluginTest::SetUp() {
  registry_.LoadDirectory(BuildPluginDir());
  ASSERT_TRUE(registry_.ImporterFor(format_).ok() || registry_.ExporterFor(format_).ok())
      << format_ << " plugin not loaded from " << BuildPluginDir();
  archive_ = NewArchive("a.db");
  ASSERT_NE(archive_, nullptr);
}

std::unique_ptr<Archive> BuiltinPluginTest::NewArchive(const std::string& name) {
  auto archive = Archive::Open(dir_ / name);
  EXPECT_TRUE(archive.ok()) << archive.status().ToString();
  return archive.ok() ? std::move(archive).value() : nullptr;
}

std::vector<InputReport> BuiltinPluginTest::ImportFiles(
    Archive& archive, const std::vector<std::filesystem::path>& files, const std::string& format) {
  ImportOptions options;
  options.format = format;
  auto run = ImportRun::Start(archive, registry_, options);
  EXPECT_TRUE(run.ok()) << run.status().ToString();
  if (!run.ok()) return {};
  std::vector<InputReport> reports;
  reports.reserve(files.size());
  for (const std::filesystem::path& file : files) reports.push_back((*run)->ImportFile(file));
  EXPECT_TRUE((*run)->Finish().ok());
  return reports;
}

Article BuiltinPluginTest::ImportOneArticle(Archive& archive, const std::filesystem::path& file) {
  std::vector<InputReport> reports = ImportFiles(archive, {file});
  if (reports.size() != 1) {
    ADD_FAILURE() << file << ": " << reports.size() << " reports for one input";
    return {};
  }
  const InputReport& report = reports[0];
  if (!report.status.ok()) {
    ADD_FAILURE() << file << ": " << report.status.ToString();
    return {};
  }
  EXPECT_EQ(report.plugin, format_) << file;
  if (report.article_ids.size() != 1) {
    ADD_FAILURE() << file << ": " << report.article_ids.size() << " articles, one expected";
    return {};
  }
  auto article = archive.Get(report.article_ids[0]);
  EXPECT_TRUE(article.ok()) << file << ": " << article.status().ToString();
  return article.ok() ? std::move(article).value() : Article();
}

Article BuiltinPluginTest::ImportPageAlone(const std::string& content, std::string name) {
  ++pages_;
  if (name.empty()) name = "page" + std::to_string(pages_) + ".html";
  WriteFile(dir_ / name, content);
  std::unique_ptr<Archive> archive = NewArchive("page" + std::to_string(pages_) + ".db");
  if (archive == nullptr) return {};
  return ImportOneArticle(*archive, dir_ / name);
}

std::vector<std::string> AuthorNames(const Article& article) {
  std::vector<std::string> names;
  for (const Author& author : article.authors) names.push_back(author.name);
  return names;
}

std::string RuleOf(const Article& article, const std::string& field) {
  auto it = article.provenance.find(field);
  return it == article.provenance.end() ? "" : it->second;
}

std::filesystem::path SourceDir() { return MORGUE_SOURCE_DIR; }
std::filesystem::path FixturesDir() { return MORGUE_FIXTURES_DIR; }
std::filesystem::path SharedDir() { return MORGUE_SHARED_DIR; }
std::filesystem::path MorgueBinary() { return MORGUE_BINARY; }

bool IsRoot() { return geteuid() == 0; }

namespace {

// The installed-layout copy of this build that `nobody` runs; made on first use.
std::filesystem::path UnprivilegedPrefix() {
  namespace fs = std::filesystem;
  static const fs::path prefix = [] {
    char pattern[] = "/tmp/morgue-runtime-XXXXXX";
    const char* made = mkdtemp(pattern);
    if (made == nullptr) throw std::runtime_error("cannot create a folder in /tmp");
    const fs::path root = made;
    const fs::path bin = root / MORGUE_INSTALL_BINDIR;
    const fs::path lib = root / MORGUE_INSTALL_LIBDIR;
    const fs::path plugins = root / MORGUE_INSTALL_PLUGIN_DIR;
    for (const fs::path& dir : {bin, lib, plugins}) fs::create_directories(dir);
    fs::copy_file(MORGUE_BINARY, bin / "morgue");
    fs::copy_file(MORGUE_LIBRARY, lib / MORGUE_LIBRARY_SONAME);
    for (const fs::directory_entry& entry : fs::directory_iterator(BuildPluginDir())) {
      if (entry.path().extension() == ".so") {
        fs::copy_file(entry.path(), plugins / entry.path().filename());
      }
    }
    // Readable by everyone, writable by root only: the plugin check accepts it.
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      fs::permissions(entry.path(), entry.is_directory() || entry.path().parent_path() == bin
                                        ? fs::perms(0755)
                                        : fs::perms(0644));
    }
    fs::permissions(root, fs::perms(0755));
    // Removed when the test process ends (a copy of the path that outlives the statics).
    static const char* cleanup_root = strdup(root.c_str());
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(cleanup_root, ignored);
    });
    return root;
  }();
  return prefix;
}

}  // namespace

UserCommand MorgueAsUser(const std::vector<std::string>& args) {
  UserCommand command;
  if (IsRoot()) {
    const std::filesystem::path prefix = UnprivilegedPrefix();
    const std::string id = std::to_string(kNobodyId);
    command.argv = {"/usr/bin/setpriv", "--reuid=" + id, "--regid=" + id, "--clear-groups",
                    (prefix / MORGUE_INSTALL_BINDIR / "morgue").string()};
    command.env["LD_LIBRARY_PATH"] = (prefix / MORGUE_INSTALL_LIBDIR).string();
  } else {
    command.argv = {MorgueBinary().string()};
  }
  command.argv.insert(command.argv.end(), args.begin(), args.end());
  return command;
}

CommandResult RunMorgueAsUser(const std::vector<std::string>& args, const std::string& input,
                              const std::map<std::string, std::string>& env) {
  UserCommand command = MorgueAsUser(args);
  for (const auto& [name, value] : env) command.env[name] = value;
  return RunCommand(command.argv, input, command.env);
}
std::filesystem::path BuildPluginDir() { return MORGUE_BUILD_PLUGIN_DIR; }
std::filesystem::path TestPluginDir() { return MORGUE_TEST_PLUGIN_DIR; }

Result<size_t> StringByteSource::Read(char* buffer, size_t size) {
  const size_t n = std::min({size, chunk_, bytes_.size() - position_});
  std::memcpy(buffer, bytes_.data() + position_, n);
  position_ += n;
  return n;
}

ContainerReading ReadContainer(const PluginRegistry& registry, const std::string& format,
                               std::string bytes, const std::string& name, size_t chunk,
                               std::map<std::string, std::string> parameters) {
  ContainerReading reading;
  Result<ImporterHandle> importer = registry.ImporterFor(format);
  if (!importer.ok()) {
    reading.opened = importer.status();
    return reading;
  }
  StringByteSource source(std::move(bytes), chunk);
  ImportInput input;
  input.name = name;
  input.format = format;
  input.parameters = std::move(parameters);
  Result<ContainerHandle> container = importer->OpenContainer(input, source);
  if (!container.ok()) {
    reading.opened = container.status();
    return reading;
  }
  for (;;) {
    ContainerItem item;
    Result<bool> next = container->Next(item);
    if (!next.ok()) {
      reading.ended = next.status();
      break;
    }
    if (!*next) break;
    reading.items.push_back(std::move(item));
  }
  return reading;
}

}  // namespace morgue::testing
