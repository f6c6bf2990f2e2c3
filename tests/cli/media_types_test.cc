// The media type stored with each original comes from the descriptor of the plugin that
// read it (PluginInfo::media_types), by the input's extension in any case; the host tells
// each plugin that extension (ProbeInput/ImportInput::extension). Through the real binary,
// with the built-in plugins and the test plugins.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;

class MediaTypesTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, input, {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}},
                     dir_.path());
  }

  // Imports `file` (beside the built-in plugins, the test plugins too) and returns the
  // media type stored for it.
  std::string ImportedAs(const fs::path& file, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"import", "--create", "--plugin-dir",
                                     TestPluginDir().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(file.string());
    CommandResult result = OnArchive(args, file == "-" ? stdin_ : "");
    EXPECT_EQ(result.exit_code, kOk) << file << ": " << result.err;
    const std::string name = file == "-" ? "<stdin>" : file.string();
    return QuerySql(archive_,
                    "SELECT media_type FROM documents WHERE original_path = '" + name + "'");
  }

  // A copy of fixture `from` as `name`, made unlike every other copy so that each is
  // stored as a document of its own.
  fs::path Copy(const std::string& from, const std::string& name, const std::string& tail) {
    const fs::path to = dir_ / name;
    WriteFile(to, ReadFile(FixturesDir() / from) + tail);
    return to;
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
  std::string stdin_;
};

TEST_F(MediaTypesTest, BuiltInPluginsStoreTheMediaTypesOfTheirExtensions) {
  const std::string page = "articles/korea-times-2011-01-04.wordpress.html";
  const std::string text = "korea-times-2011-01-04.txt";
  EXPECT_EQ(ImportedAs(Copy(page, "a.html", "<!-- a -->\n")), "text/html");
  EXPECT_EQ(ImportedAs(Copy(page, "b.HTM", "<!-- b -->\n")), "text/html");
  EXPECT_EQ(ImportedAs(Copy(page, "c.xhtml", "<!-- c -->\n")), "application/xhtml+xml");
  EXPECT_EQ(ImportedAs(Copy("foreign/newspaper-article.json", "d.Json", " ")), "application/json");
  EXPECT_EQ(ImportedAs(Copy("sample-articles.jsonl", "e.jsonl", "")), "application/x-ndjson");
  EXPECT_EQ(ImportedAs(Copy("foreign/mixed-shapes.jsonl", "f.NDJSON", "")), "application/x-ndjson");
  EXPECT_EQ(ImportedAs(Copy(text, "g.txt", "\n")), "text/plain");
  EXPECT_EQ(ImportedAs(Copy(text, "h.TEXT", "\n\n")), "text/plain");
  // No extension or standard input: nothing is known of the bytes.
  EXPECT_EQ(ImportedAs(Copy(text, "i", "\n\n\n")), "application/octet-stream");
  stdin_ = ReadFile(FixturesDir() / "sample-articles.jsonl") + "\n";
  EXPECT_EQ(ImportedAs("-", {"--format", "jsonl"}), "application/octet-stream");
  // Read by a plugin that does not claim the extension: what the plugin that does says.
  EXPECT_EQ(ImportedAs(Copy(text, "j.html", "\n\n\n\n"), {"--format", "text"}), "text/html");
  EXPECT_EQ(ImportedAs(Copy(text, "k.unknownext", "\n\n\n\n\n"), {"--format", "text"}),
            "application/octet-stream");
}

TEST_F(MediaTypesTest, ShowListsTheMediaTypeAPluginDeclares) {
  const fs::path echo = dir_ / "story.ECHO";
  WriteFile(echo, "an echo\n");
  EXPECT_EQ(ImportedAs(echo), "text/x-echo");
  const std::string id = QuerySql(archive_, "SELECT max(id) FROM articles");

  CommandResult shown = OnArchive({"show", id, "--json"});
  ASSERT_EQ(shown.exit_code, kOk) << shown.err;
  const Json document = Json::parse(shown.out).at("documents").at(0);
  EXPECT_EQ(document.at("media_type"), "text/x-echo");
  EXPECT_EQ(document.at("plugin"), "extension_echo");
  // The importer saw the extension lower-cased, with its dot.
  EXPECT_EQ(Json::parse(shown.out).at("title"), "read as '.echo'");

  CommandResult human = OnArchive({"show", id});
  ASSERT_EQ(human.exit_code, kOk) << human.err;
  EXPECT_NE(human.out.find(echo.string() + " (text/x-echo, 8 bytes)"), std::string::npos)
      << human.out;
}

TEST_F(MediaTypesTest, EachExtensionHasItsOwnMediaTypeOrNone) {
  const fs::path echoes = dir_ / "story.echoes";
  WriteFile(echoes, "echoes\n");
  EXPECT_EQ(ImportedAs(echoes), "application/x-echoes");
  // The headline test plugin declares a media type for .headline and none for .hl.
  const fs::path headline = dir_ / "story.headline";
  WriteFile(headline, "A headline\nA body\n");
  EXPECT_EQ(ImportedAs(headline), "text/x-headline");
  const fs::path hl = dir_ / "story.HL";
  WriteFile(hl, "Another headline\nAnother body\n");
  EXPECT_EQ(ImportedAs(hl), "application/octet-stream");
}

TEST_F(MediaTypesTest, PluginsListsEachExtensionsMediaType) {
  CommandResult listed = OnArchive({"plugins", "--plugin-dir", TestPluginDir().string()});
  ASSERT_EQ(listed.exit_code, kOk) << listed.err;
  EXPECT_NE(listed.out.find("  extensions: .json, .jsonl, .ndjson\n"
                            "  media:      .json application/json, .jsonl application/x-ndjson, "
                            ".ndjson application/x-ndjson\n"),
            std::string::npos)
      << listed.out;
  // Only the extensions that have one.
  EXPECT_NE(
      listed.out.find("  extensions: .headline, .hl\n  media:      .headline text/x-headline\n"),
      std::string::npos)
      << listed.out;

  CommandResult json = OnArchive({"plugins", "--json", "--plugin-dir", TestPluginDir().string()});
  ASSERT_EQ(json.exit_code, kOk) << json.err;
  // Kept in a variable: a range-for over a member of a temporary would read freed memory.
  const Json listing = Json::parse(json.out);
  for (const Json& plugin : listing.at("plugins")) {
    if (plugin.at("name") == "html") {
      EXPECT_EQ(plugin.at("media_types"),
                Json::array({"text/html", "text/html", "application/xhtml+xml"}));
    }
    if (plugin.at("name") == "headline") {
      EXPECT_EQ(plugin.at("media_types"), Json::array({"text/x-headline", ""}));
    }
  }
}

}  // namespace
}  // namespace morgue::testing
