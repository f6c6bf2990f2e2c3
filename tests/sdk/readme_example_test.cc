// plugins/README.md shows the example plugin project (plugins/example/) file by file. This
// test keeps the page and the project from drifting apart. A code block that shows a file
// is preceded by a marker line naming it, relative to the source root:
//
//   <!-- file: plugins/example/headline_importer.cc -->
//   ```cpp
//   ...the whole file...
//   ```
//
// The rules: every marked block is exactly its file (each shown whole, so the page is
// never a stale excerpt); every marker names a file that exists and is followed at once
// by a code block; and every file of plugins/example/ is shown by at least one marker, so
// that a file added to the example, or a marker lost from the page, is noticed.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarkerStart = "<!-- file:";
constexpr std::string_view kMarkerEnd = "-->";
constexpr std::string_view kFence = "```";

// One code block the page says is a file.
struct ShownFile {
  std::string path;    // as the marker names it, relative to the source root
  size_t marker_line;  // 1-based line of the marker in the page
  std::string text;    // the block's lines, each ended by '\n'
};

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    lines.push_back(text.substr(0, eol));
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return lines;
}

std::string Where(std::string_view page_name, size_t line) {
  return std::string(page_name) + ":" + std::to_string(line) + ": ";
}

// The marked blocks of `page`; what is wrong with a marker goes to *problems.
std::vector<ShownFile> FindShownFiles(std::string_view page, std::string_view page_name,
                                      std::vector<std::string>* problems) {
  const std::vector<std::string_view> lines = SplitLines(page);
  std::vector<ShownFile> shown;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (!line.starts_with(kMarkerStart)) continue;
    const std::string where = Where(page_name, i + 1);
    if (!line.ends_with(kMarkerEnd)) {
      problems->push_back(where +
                          "a file marker must be one line ending in '-->': " + std::string(line));
      continue;
    }
    std::string_view path = line.substr(kMarkerStart.size());
    path.remove_suffix(kMarkerEnd.size());
    while (path.starts_with(' ')) path.remove_prefix(1);
    while (path.ends_with(' ')) path.remove_suffix(1);
    if (path.empty() || path.find(' ') != std::string_view::npos) {
      problems->push_back(where + "a file marker must name one file: " + std::string(line));
      continue;
    }
    if (i + 1 == lines.size() || !lines[i + 1].starts_with(kFence)) {
      problems->push_back(where + "the marker for " + std::string(path) +
                          " is not followed at once by a code block");
      continue;
    }
    ShownFile file{std::string(path), i + 1, ""};
    size_t end = i + 2;
    while (end < lines.size() && lines[end] != kFence) {
      file.text += lines[end];
      file.text += '\n';
      ++end;
    }
    if (end == lines.size()) {
      problems->push_back(where + "the code block for " + file.path + " is never closed");
      break;
    }
    shown.push_back(std::move(file));
    i = end;
  }
  return shown;
}

// Where `shown` and `actual` first differ, as "line N: the page has '...', the file '...'".
std::string FirstDifference(std::string_view shown, std::string_view actual) {
  const std::vector<std::string_view> a = SplitLines(shown);
  const std::vector<std::string_view> b = SplitLines(actual);
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string_view left = i < a.size() ? a[i] : "<end of block>";
    const std::string_view right = i < b.size() ? b[i] : "<end of file>";
    if (i >= a.size() || i >= b.size() || a[i] != b[i]) {
      return "at its line " + std::to_string(i + 1) + " the page has '" + std::string(left) +
             "', the file '" + std::string(right) + "'";
    }
  }
  return "in the line ends";
}

// Every problem with how `page` shows the files of `example_dir` (relative to `root`):
// empty when each marked block is its file and each file of example_dir is shown.
std::vector<std::string> CheckShownFiles(const fs::path& root, const fs::path& page_path,
                                         const fs::path& example_dir) {
  std::vector<std::string> problems;
  const std::string page_name = page_path.generic_string();
  const std::vector<ShownFile> shown =
      FindShownFiles(testing::ReadFile(root / page_path), page_name, &problems);
  std::set<std::string> shown_paths;
  for (const ShownFile& file : shown) {
    shown_paths.insert(file.path);
    const std::string where = Where(page_name, file.marker_line);
    if (!fs::is_regular_file(root / file.path)) {
      problems.push_back(where + "the marker names " + file.path + ", which does not exist");
      continue;
    }
    const std::string actual = testing::ReadFile(root / file.path);
    if (file.text != actual) {
      problems.push_back(where + "the block shown as " + file.path +
                         " is not that file: " + FirstDifference(file.text, actual));
    }
  }
  for (const auto& entry : fs::recursive_directory_iterator(root / example_dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = fs::relative(entry.path(), root).generic_string();
    if (shown_paths.count(path) == 0) {
      problems.push_back(page_name + ": shows no block marked '<!-- file: " + path + " -->'");
    }
  }
  std::sort(problems.begin(), problems.end());
  return problems;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

TEST(ReadmeExampleTest, PluginsReadmeShowsEveryExampleFileExactly) {
  const fs::path root = testing::SourceDir();
  const std::vector<std::string> problems =
      CheckShownFiles(root, "plugins/README.md", "plugins/example");
  EXPECT_TRUE(problems.empty()) << Joined(problems);

  // Not vacuous: the page shows the whole project, and the project is there.
  std::vector<std::string> marker_problems;  // reported above
  const std::vector<ShownFile> shown = FindShownFiles(testing::ReadFile(root / "plugins/README.md"),
                                                      "plugins/README.md", &marker_problems);
  std::set<std::string> paths;
  for (const ShownFile& file : shown) paths.insert(file.path);
  EXPECT_TRUE(paths.count("plugins/example/CMakeLists.txt"));
  EXPECT_TRUE(paths.count("plugins/example/headline_importer.cc"));
  EXPECT_TRUE(paths.count("plugins/example/titles_exporter.cc"));
}

// The checker itself, on a page and project made up for the purpose: each rule fails.
class ReadmeCheckerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::WriteFile(dir_.path() / "ex/a.cc", "int a;\n");
    testing::WriteFile(dir_.path() / "ex/b.h", "// b\n#pragma once\n");
  }
  std::vector<std::string> Check(const std::string& page) {
    testing::WriteFile(dir_.path() / "page.md", page);
    return CheckShownFiles(dir_.path(), "page.md", "ex");
  }

  testing::TempDir dir_;
};

constexpr std::string_view kGoodPage =
    "# Example\n"
    "<!-- file: ex/a.cc -->\n"
    "```cpp\n"
    "int a;\n"
    "```\n"
    "Text between.\n"
    "<!-- file: ex/b.h -->\n"
    "```cpp\n"
    "// b\n"
    "#pragma once\n"
    "```\n";

std::string Replaced(std::string_view text, std::string_view from, std::string_view to) {
  std::string result(text);
  const size_t at = result.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return result.replace(at, from.size(), to);
}

TEST_F(ReadmeCheckerTest, AcceptsAPageShowingEachFileExactly) {
  EXPECT_EQ(Check(std::string(kGoodPage)), std::vector<std::string>());
}

TEST_F(ReadmeCheckerTest, RefusesABlockOneCharacterOff) {
  EXPECT_EQ(Check(Replaced(kGoodPage, "#pragma once", "#pragma onse")),
            std::vector<std::string>({"page.md:7: the block shown as ex/b.h is not that file: at "
                                      "its line 2 the page has '#pragma onse', the file "
                                      "'#pragma once'"}));
}

TEST_F(ReadmeCheckerTest, RefusesABlockThatIsOnlyPartOfTheFile) {
  EXPECT_EQ(Check(Replaced(kGoodPage, "// b\n#pragma once\n", "// b\n")),
            std::vector<std::string>({"page.md:7: the block shown as ex/b.h is not that file: at "
                                      "its line 2 the page has '<end of block>', the file "
                                      "'#pragma once'"}));
}

TEST_F(ReadmeCheckerTest, RefusesAMarkerNamingAMissingFile) {
  EXPECT_EQ(
      Check(std::string(kGoodPage) + "<!-- file: ex/gone.cc -->\n```\nint gone;\n```\n"),
      std::vector<std::string>({"page.md:12: the marker names ex/gone.cc, which does not exist"}));
}

TEST_F(ReadmeCheckerTest, RefusesAFileTheProjectHasButThePageDoesNotShow) {
  testing::WriteFile(dir_.path() / "ex/sub/c.cc", "int c;\n");
  EXPECT_EQ(
      Check(std::string(kGoodPage)),
      std::vector<std::string>({"page.md: shows no block marked '<!-- file: ex/sub/c.cc -->'"}));
}

TEST_F(ReadmeCheckerTest, RefusesABlockWhoseMarkerWasLost) {
  EXPECT_EQ(Check(Replaced(kGoodPage, "<!-- file: ex/a.cc -->\n", "")),
            std::vector<std::string>({"page.md: shows no block marked '<!-- file: ex/a.cc -->'"}));
}

TEST_F(ReadmeCheckerTest, RefusesAMarkerNotFollowedByACodeBlock) {
  EXPECT_EQ(Check(Replaced(kGoodPage, "<!-- file: ex/a.cc -->\n", "<!-- file: ex/a.cc -->\n\n")),
            std::vector<std::string>(
                {"page.md: shows no block marked '<!-- file: ex/a.cc -->'",
                 "page.md:2: the marker for ex/a.cc is not followed at once by a code block"}));
}

TEST_F(ReadmeCheckerTest, RefusesAnUnclosedBlockAndAMalformedMarker) {
  EXPECT_EQ(Check(std::string(kGoodPage) + "<!-- file: ex/a.cc\n<!-- file: ex/a.cc -->\n```\n"),
            std::vector<std::string>(
                {"page.md:12: a file marker must be one line ending in '-->': <!-- file: ex/a.cc",
                 "page.md:13: the code block for ex/a.cc is never closed"}));
}

}  // namespace
}  // namespace morgue
