// Help and messages through the real binary: what --help says (formats and fields from
// the loaded plugins, examples), `morgue help`, usage errors in morgue's own words with a
// did-you-mean, --fields with spaces, and tag/untag when nothing changes.

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
constexpr int kUsage = 2;
constexpr int kArchiveError = 3;

const std::vector<std::vector<std::string>> kCommands = {
    {"init"},  {"import"},  {"list"}, {"show"},  {"search"},  {"export"},         {"tag"},
    {"untag"}, {"tags"},    {"rm"},   {"stats"}, {"sources"}, {"sources", "add"}, {"plugins"},
    {"help"},  {"original"}};

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

// The lines of `text` from the one equal to `heading` to the next empty line.
std::vector<std::string> Block(const std::string& text, const std::string& heading) {
  std::vector<std::string> lines;
  bool inside = false;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (inside && line.empty()) break;
    if (inside) lines.push_back(line);
    if (line == heading) inside = true;
  }
  return lines;
}

class HelpMessagesTest : public ::testing::Test {
 protected:
  CommandResult Morgue(const std::vector<std::string>& args, const std::string& input = "") {
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  CommandResult OnArchive(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return Morgue(args);
  }

  void ImportSample() {
    CommandResult result =
        OnArchive({"import", "--create", (FixturesDir() / "sample-articles.jsonl").string()});
    ASSERT_EQ(result.exit_code, kOk) << result.err;
  }

  // What `morgue plugins --json` says every loaded plugin exports and imports.
  std::pair<std::vector<std::string>, std::vector<std::string>> PluginFormats() {
    CommandResult result = Morgue({"plugins", "--json"});
    EXPECT_EQ(result.exit_code, kOk) << result.err;
    std::vector<std::string> exports;
    std::vector<std::string> imports;
    const Json listing = Json::parse(result.out);
    for (const Json& plugin : listing.at("plugins")) {
      for (const Json& format : plugin.at("export_formats")) exports.push_back(format);
      for (const Json& format : plugin.at("import_formats")) imports.push_back(format);
    }
    return {exports, imports};
  }

  // Asserts a usage error in morgue's words: "morgue: <message>", then where to read more.
  static void ExpectUsageError(const CommandResult& result, const std::string& message,
                               const std::string& command) {
    EXPECT_EQ(result.exit_code, kUsage) << result.err;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err,
              "morgue: " + message + "\nRun '" + command + " --help' for more information.\n");
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "test.db";
};

// --- Help ------------------------------------------------------------------------

TEST_F(HelpMessagesTest, ExportHelpListsTheFormatsTheLoadedPluginsWriteWithTheirFields) {
  CommandResult help = Morgue({"export", "--help"});
  ASSERT_EQ(help.exit_code, kOk) << help.err;
  EXPECT_EQ(help.err, "");
  const std::vector<std::string> formats =
      Block(help.out, "Formats and their --fields (`morgue plugins` says more):");
  ASSERT_FALSE(formats.empty()) << help.out;
  std::string listed;
  for (const std::string& line : formats) listed += line + "\n";
  const auto [exports, imports] = PluginFormats();
  ASSERT_FALSE(exports.empty());
  for (const std::string& format : exports) {
    EXPECT_TRUE(Contains(listed, format)) << format << " missing from:\n" << listed;
  }
  // The fields are each exporter's own: csv has media_credits, json has provenance.
  EXPECT_TRUE(Contains(listed, "  csv, tsv: fields: id, title,")) << listed;
  EXPECT_TRUE(Contains(listed, "media_credits")) << listed;
  EXPECT_TRUE(Contains(listed, "  json, jsonl: fields: id, title,")) << listed;
  EXPECT_TRUE(Contains(listed, "provenance")) << listed;
  // The json plugin reads other tools' JSON but writes only its own.
  for (const std::string import_only : {"readability", "trafilatura", "newspaper"}) {
    EXPECT_FALSE(Contains(help.out, import_only)) << help.out;
    EXPECT_TRUE(std::find(imports.begin(), imports.end(), import_only) != imports.end());
    EXPECT_TRUE(std::find(exports.begin(), exports.end(), import_only) == exports.end());
  }
}

TEST_F(HelpMessagesTest, ExportHelpFollowsThePluginsLoadedAtRunTime) {
  const fs::path plugins = dir_ / "plugins";
  fs::create_directory(plugins);
  fs::copy_file(TestPluginDir() / "morgue_test_titles.so", plugins / "morgue_test_titles.so");
  CommandResult help = Morgue({"--plugin-dir", plugins.string(), "export", "--help"});
  ASSERT_EQ(help.exit_code, kOk) << help.err;
  // The titles exporter names no fields when refusing one.
  EXPECT_TRUE(Contains(help.out, "  titles: fields: see the plugin's documentation")) << help.out;
  EXPECT_FALSE(Contains(Morgue({"export", "--help"}).out, "titles"));
}

TEST_F(HelpMessagesTest, ImportHelpListsEveryFormatTheImportersRead) {
  CommandResult help = Morgue({"import", "--help"});
  ASSERT_EQ(help.exit_code, kOk) << help.err;
  const auto [exports, imports] = PluginFormats();
  ASSERT_FALSE(imports.empty());
  for (const std::string& format : imports) {
    EXPECT_TRUE(Contains(help.out, format)) << format << " missing from:\n" << help.out;
  }
  EXPECT_TRUE(Contains(help.out, "json: json, jsonl, trafilatura, readability, newspaper"))
      << help.out;
}

TEST_F(HelpMessagesTest, SearchHelpGivesTheDefaultLimitAndTheQuerySyntax) {
  CommandResult help = Morgue({"search", "--help"});
  ASSERT_EQ(help.exit_code, kOk) << help.err;
  EXPECT_TRUE(Contains(help.out, "Shows the best 20 matches")) << help.out;
  EXPECT_TRUE(Contains(help.out, "Query syntax (SQLite FTS5")) << help.out;
  for (const std::string example : {"\"military pact\"", "japan OR china", "milit*", "title:pact",
                                    "NEAR(japan china, 5)", "軍事協定", "--literal"}) {
    EXPECT_TRUE(Contains(help.out, example)) << example;
  }
}

TEST_F(HelpMessagesTest, EveryCommandsHelpHasExamplesOfItself) {
  for (const std::vector<std::string>& command : kCommands) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    CommandResult help = Morgue(args);
    ASSERT_EQ(help.exit_code, kOk) << args[0];
    const std::vector<std::string> examples = Block(help.out, "Examples:");
    std::string name = "morgue";
    for (const std::string& word : command) name += " " + word;
    EXPECT_GE(examples.size(), 2u) << name << ":\n" << help.out;
    for (const std::string& example : examples) {
      EXPECT_TRUE(Contains(example, name + " ") || example.ends_with(name) ||
                  (Contains(example, "morgue --") && Contains(example, command.front())))
          << name << " example: " << example;
    }
    // The exit codes every command's help ends with are still there, once.
    EXPECT_TRUE(Contains(help.out, "Exit codes:")) << name;
    EXPECT_EQ(help.out.find("Examples:"), help.out.rfind("Examples:")) << name;
  }
}

TEST_F(HelpMessagesTest, HelpCommandShowsTheSameHelpAsTheOption) {
  CommandResult top = Morgue({"help"});
  EXPECT_EQ(top.exit_code, kOk);
  EXPECT_EQ(top.out, Morgue({"--help"}).out);
  EXPECT_TRUE(Contains(top.out, "  help ")) << "help lists itself: " << top.out;
  for (const std::string command : {"export", "import", "search", "tag", "sources"}) {
    CommandResult help = Morgue({"help", command});
    EXPECT_EQ(help.exit_code, kOk) << command;
    EXPECT_EQ(help.err, "");
    EXPECT_EQ(help.out, Morgue({command, "--help"}).out) << command;
  }
  EXPECT_TRUE(fs::is_empty(dir_.path())) << "help created files";
}

TEST_F(HelpMessagesTest, HelpForAnUnknownCommandSuggestsOne) {
  ExpectUsageError(Morgue({"help", "serach"}), "unknown command 'serach'; did you mean 'search'?",
                   "morgue");
  CommandResult nosuch = Morgue({"help", "nosuch"});
  EXPECT_EQ(nosuch.exit_code, kUsage);
  EXPECT_EQ(nosuch.out, "");
  EXPECT_TRUE(FirstLine(nosuch.err).starts_with("morgue: unknown command 'nosuch'; commands: "))
      << nosuch.err;
}

// --- Export formats ----------------------------------------------------------------

TEST_F(HelpMessagesTest, ExportRefusesAFormatThatOnlyImports) {
  ImportSample();
  CommandResult result = OnArchive({"export", "--format", "readability"});
  EXPECT_EQ(result.exit_code, kArchiveError);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "morgue: no exporter for format 'readability' (a plugin has it, but not as an "
            "exporter); available: csv, json, jsonl, tsv\n");
  // The plugin itself still exports, by its name too.
  EXPECT_EQ(OnArchive({"export", "--format", "json", "--ids", "1"}).exit_code, kOk);
}

TEST_F(HelpMessagesTest, PluginsSaysWhichFormatsOnlyImport) {
  CommandResult result = Morgue({"plugins"});
  ASSERT_EQ(result.exit_code, kOk) << result.err;
  EXPECT_TRUE(Contains(result.out,
                       "  exports:    json, jsonl (trafilatura, readability, newspaper: import "
                       "only)\n"))
      << result.out;
}

// --- Usage errors ------------------------------------------------------------------

TEST_F(HelpMessagesTest, AMistypedCommandGetsADidYouMean) {
  ExpectUsageError(Morgue({"serach", "x"}), "unknown command 'serach'; did you mean 'search'?",
                   "morgue");
  ExpectUsageError(Morgue({"ta", "1", "x"}), "unknown command 'ta'; did you mean 'tag' or 'tags'?",
                   "morgue");
}

TEST_F(HelpMessagesTest, AMistypedOptionGetsADidYouMean) {
  ExpectUsageError(Morgue({"list", "--tga", "x"}), "unknown option --tga; did you mean --tag?",
                   "morgue list");
  ExpectUsageError(Morgue({"list", "--tga=x"}), "unknown option --tga; did you mean --tag?",
                   "morgue list");
  ExpectUsageError(Morgue({"export", "--format", "csv", "--feilds", "id"}),
                   "unknown option --feilds; did you mean --fields?", "morgue export");
  ExpectUsageError(Morgue({"--qiet", "list"}), "unknown option --qiet; did you mean --quiet?",
                   "morgue list");
  ExpectUsageError(Morgue({"list", "--zzzz"}), "unknown option --zzzz", "morgue list");
}

TEST_F(HelpMessagesTest, ParseErrorsAreInMorguesOwnWords) {
  ExpectUsageError(Morgue({"show", "1", "2"}), "unexpected argument '2'", "morgue show");
  ExpectUsageError(Morgue({"show", "abc"}), "invalid value 'abc' for ID", "morgue show");
  ExpectUsageError(Morgue({"show"}), "missing ID", "morgue show");
  ExpectUsageError(Morgue({"export"}), "missing --format NAME", "morgue export");
  ExpectUsageError(Morgue({"list", "--limit"}), "--limit needs a value (N)", "morgue list");
  ExpectUsageError(Morgue({"sources", "add"}), "missing NAME", "morgue sources add");
  ExpectUsageError(Morgue({"import", "--jobs", "many", "x"}), "invalid value 'many' for --jobs N",
                   "morgue import");
  // CLI11's own wording never shows, and every first line starts "morgue: ".
  const std::vector<std::vector<std::string>> bad = {{"list", "--tga", "x"},
                                                     {"show", "1", "2"},
                                                     {"rm", "1", "x"},
                                                     {"tag"},
                                                     {"list", "--since", "x"},
                                                     {"list", "-z"},
                                                     {"--bogus"},
                                                     {"export", "-f"},
                                                     {"untag", "1"},
                                                     {"search"},
                                                     {"list", "--order", "x"}};
  for (const std::vector<std::string>& args : bad) {
    CommandResult result = Morgue(args);
    EXPECT_EQ(result.exit_code, kUsage) << args[0];
    EXPECT_TRUE(result.err.starts_with("morgue: ")) << result.err;
    for (const std::string cli11 : {"The following argument", "Could not convert", "is required",
                                    "Run with --help", "required but received"}) {
      EXPECT_FALSE(Contains(result.err, cli11)) << result.err;
    }
  }
}

// --- --fields ----------------------------------------------------------------------

TEST_F(HelpMessagesTest, FieldsMayHaveSpacesAroundTheCommas) {
  ImportSample();
  CommandResult csv =
      OnArchive({"export", "--format", "csv", "--fields", "id, title", "--ids", "1"});
  ASSERT_EQ(csv.exit_code, kOk) << csv.err;
  EXPECT_EQ(FirstLine(csv.out), "id,title\r");
  CommandResult jsonl =
      OnArchive({"export", "--format", "jsonl", "--fields", " id ,title, ", "--ids", "1"});
  ASSERT_EQ(jsonl.exit_code, kOk) << jsonl.err;
  const Json article = Json::parse(FirstLine(jsonl.out));
  EXPECT_EQ(article.size(), 2u) << jsonl.out;
  EXPECT_EQ(article.at("id"), 1);
  EXPECT_TRUE(article.contains("title"));
}

// --- tag and untag when nothing changes --------------------------------------------

TEST_F(HelpMessagesTest, TaggingWithATagTheArticleHasSaysSoAndChangesNothing) {
  ImportSample();
  ASSERT_EQ(OnArchive({"tag", "3", "x"}).exit_code, kOk);
  const std::string before = QuerySql(archive_, "SELECT count(*) FROM article_tags");
  CommandResult again = OnArchive({"tag", "3", "x"});
  EXPECT_EQ(again.exit_code, kOk);
  EXPECT_EQ(again.out, "");
  EXPECT_EQ(again.err, "morgue: article 3 already has tag 'x'\n");
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM article_tags"), before);

  CommandResult mixed = OnArchive({"tag", "3", "x", "y"});
  EXPECT_EQ(mixed.exit_code, kOk);
  EXPECT_EQ(mixed.err, "morgue: article 3 already has tag 'x'\nmorgue: tagged article 3: y\n");
  EXPECT_EQ(OnArchive({"--quiet", "tag", "3", "x"}).err, "");
}

TEST_F(HelpMessagesTest, UntaggingATagTheArticleLacksSaysSoAndIsNotUntagged) {
  ImportSample();
  const std::string before = QuerySql(archive_, "SELECT count(*) FROM article_tags");
  CommandResult result = OnArchive({"untag", "3", "x"});
  EXPECT_EQ(result.exit_code, kOk);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "morgue: article 3 has no tag 'x'; nothing changed\n");
  EXPECT_FALSE(Contains(result.err, "untagged"));
  EXPECT_EQ(QuerySql(archive_, "SELECT count(*) FROM article_tags"), before);

  ASSERT_EQ(OnArchive({"tag", "3", "y"}).exit_code, kOk);
  CommandResult mixed = OnArchive({"untag", "3", "x", "y"});
  EXPECT_EQ(mixed.exit_code, kOk);
  EXPECT_EQ(mixed.err, "morgue: article 3 has no tag 'x'\nmorgue: untagged article 3: y\n");
}

}  // namespace
}  // namespace morgue::testing
