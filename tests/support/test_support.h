// Helpers shared by the test suite: temporary folders, files, and running the real
// `morgue` binary with its output captured.
//
// Thread-safety: none needed; each test uses its own objects.

#ifndef MORGUE_TESTS_SUPPORT_TEST_SUPPORT_H_
#define MORGUE_TESTS_SUPPORT_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"

namespace morgue::testing {

// A fresh folder under the system's temporary folder, removed with everything in it
// when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& content);

// Whether `part` occurs in `text` (a command's output, a message).
inline bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// Opens the SQLite file at `db` as any other tool would and returns the first column of
// the first row of `sql` ("" when there is none); fails the test on an SQL error.
std::string QuerySql(const std::filesystem::path& db, const std::string& sql);
// Runs `sql` (several statements allowed) on the SQLite file at `db`; fails the test on
// an error.
void ExecSql(const std::filesystem::path& db, const std::string& sql);

// Turns an archive's search back into what it was at schema 10, before Korean, Japanese
// and Chinese grams (migration 11), story clusters (12), revisions (13) and merged band
// keys (14): an archive as an older morgue left it.
void DowngradeSearchToSchema10(const std::filesystem::path& db);
// Makes a closed archive of the latest schema one of schema 13, as morgue left it before
// band keys were merged many at once (14) and the search index's larger hash (15): no
// story_bands_pending, FTS5's default hashsize.
void DowngradeToSchema13(const std::filesystem::path& db);
// The same, to schema 12, before revisions: no article_revisions, no articles.revision.
void DowngradeToSchema12(const std::filesystem::path& db);

// Every article of `archive` in id order; fails the test if the archive cannot be read.
std::vector<Article> AllArticles(Archive& archive);

// The names of an article's authors, in order.
std::vector<std::string> AuthorNames(const Article& article);

// The rule that set `field` (Article::provenance), or "" when none is recorded.
std::string RuleOf(const Article& article, const std::string& field);

struct CommandResult {
  int exit_code = -1;  // the exit status, or 128 + signal number when killed
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is a path, not looked up in PATH), feeding `input` to its standard
// input, with `env` added to (or replacing entries of) this process's environment.
// The working directory is `cwd` when given.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input = "",
                         const std::map<std::string, std::string>& env = {},
                         const std::filesystem::path& cwd = {});

// Runs the morgue binary built by this tree with `args`.
CommandResult RunMorgue(const std::vector<std::string>& args, const std::string& input = "",
                        const std::map<std::string, std::string>& env = {},
                        const std::filesystem::path& cwd = {});

// Whether this process runs as root, for whom file permissions do not apply.
bool IsRoot();
inline constexpr int kNobodyId = 65534;  // uid and gid of `nobody` on Debian

// The command line that runs morgue with `args` as an ordinary user, and the environment
// it needs: as `nobody` (through setpriv) when this process is root, else as this user.
// A checkout under /root is closed to nobody, so for root the binary, libmorgue and the
// built-in plugins are first copied, once per test process, into a folder everyone may
// read, laid out as an installation (the copy finds its plugins as an installed morgue
// does, and its library through LD_LIBRARY_PATH).
struct UserCommand {
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
};
UserCommand MorgueAsUser(const std::vector<std::string>& args);
// Runs MorgueAsUser(args), with `env` added to its environment.
CommandResult RunMorgueAsUser(const std::vector<std::string>& args, const std::string& input = "",
                              const std::map<std::string, std::string>& env = {});

// The seed article's 14 body paragraphs, as the canonical text has them (its non-blank
// lines 7 to 20: after the date, headline, caption, deck and byline).
std::vector<std::string> SeedParagraphs();

// Paths of this build, from compile definitions.
std::filesystem::path SourceDir();
std::filesystem::path FixturesDir();
std::filesystem::path SharedDir();  // ../shared beside the source tree
std::filesystem::path MorgueBinary();
std::filesystem::path BuildPluginDir();  // the built-in plugins of this build
std::filesystem::path TestPluginDir();   // the plugins built only for tests

// A test of a built-in plugin on real archives: the plugins this tree built are loaded
// into `registry_` (the one under test must be among them), and `archive_` is a fresh
// archive in `dir_`.
class BuiltinPluginTest : public ::testing::Test {
 protected:
  explicit BuiltinPluginTest(std::string format) : format_(std::move(format)) {}
  void SetUp() override;

  // Another fresh archive in `dir_`, or null (and a failed test).
  std::unique_ptr<Archive> NewArchive(const std::string& name);

  // Imports `files` into `archive` the way `morgue import` does: probed unless `format`
  // is given.
  std::vector<InputReport> ImportFiles(Archive& archive,
                                       const std::vector<std::filesystem::path>& files,
                                       const std::string& format = "");

  // The one article that importing `file` into `archive` gave, read by the plugin under
  // test; an empty Article and a failed test otherwise.
  Article ImportOneArticle(Archive& archive, const std::filesystem::path& file);

  // Writes `content` to `dir_` as `name` (page<N>.html when empty) and imports it into an
  // archive of its own, so that pages alike in body are each kept: ImportOneArticle's
  // article.
  Article ImportPageAlone(const std::string& content, std::string name = "");

  TempDir dir_;
  PluginRegistry registry_;
  std::unique_ptr<Archive> archive_;

 private:
  std::string format_;
  int pages_ = 0;  // ImportPageAlone's files and archives so far
};

// Bytes held in memory as a container's ByteSource, handed out at most `chunk` bytes per
// Read, so that a reader's handling of records split across reads is exercised.
class StringByteSource : public ByteSource {
 public:
  explicit StringByteSource(std::string bytes, size_t chunk = 4096)
      : bytes_(std::move(bytes)), chunk_(chunk) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::string bytes_;
  size_t chunk_;
  size_t position_ = 0;
};

// Everything a container reader gives, read through the registry's importer for `format`
// (the real plugin library) from `bytes`: the items in order, and the Status that ended
// the reading (OK at the end of the container). `name` is the container's input name.
struct ContainerReading {
  Status opened;  // OpenContainer's refusal, or OK
  std::vector<ContainerItem> items;
  Status ended;  // Next's failure, or OK at the end
};
ContainerReading ReadContainer(const PluginRegistry& registry, const std::string& format,
                               std::string bytes, const std::string& name = "container",
                               size_t chunk = 4096,
                               std::map<std::string, std::string> parameters = {});

}  // namespace morgue::testing

#endif  // MORGUE_TESTS_SUPPORT_TEST_SUPPORT_H_
