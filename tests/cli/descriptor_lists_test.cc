// A plugin whose descriptor's extension list has empty items (",," or ", ,"): through the
// real binary, each extension is listed and stored with its own media type, the empty
// items' media types dropped with them.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kOk = 0;

class DescriptorListsTest : public ::testing::Test {
 protected:
  CommandResult OnArchive(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }

  TempDir dir_;
  fs::path archive_ = dir_ / "archive.db";
};

TEST_F(DescriptorListsTest, EachExtensionIsStoredWithItsOwnMediaType) {
  for (const std::string extension : {"spa", "spb", "spc"}) {
    const fs::path file = dir_ / ("story." + extension);
    WriteFile(file, "a story read as ." + extension + "\n");
    CommandResult result =
        OnArchive({"import", "--create", "--plugin-dir", MORGUE_SPARSE_PLUGIN_DIR, file.string()});
    ASSERT_EQ(result.exit_code, kOk) << result.err;
    EXPECT_EQ(QuerySql(archive_, "SELECT media_type FROM documents WHERE original_path = '" +
                                     file.string() + "'"),
              "text/x-" + extension);
  }
}

TEST_F(DescriptorListsTest, PluginsListsEachExtensionBesideItsMediaType) {
  CommandResult listed = OnArchive({"plugins", "--plugin-dir", MORGUE_SPARSE_PLUGIN_DIR});
  ASSERT_EQ(listed.exit_code, kOk) << listed.err;
  EXPECT_NE(listed.out.find("  extensions: .spa, .spb, .spc\n"
                            "  media:      .spa text/x-spa, .spb text/x-spb, .spc text/x-spc\n"),
            std::string::npos)
      << listed.out;
}

}  // namespace
}  // namespace morgue::testing
