// Plugin libraries that other users could have written are refused before they are
// opened, the way ssh treats a key file; --allow-unsafe-plugins overrides. Every case
// copies a real plugin built by CMake into a temporary folder and sets the modes itself,
// so the umask of whoever runs the tests does not matter.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using ::morgue::testing::CommandResult;
using ::morgue::testing::IsRoot;
using ::morgue::testing::RunCommand;
using ::morgue::testing::RunMorgueAsUser;
using ::morgue::testing::TempDir;
using ::morgue::testing::TestPluginDir;
using ::morgue::testing::WriteFile;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr uid_t kNobody = ::morgue::testing::kNobodyId;
constexpr const char* kOverride =
    ", or pass --allow-unsafe-plugins (or set MORGUE_ALLOW_UNSAFE_PLUGINS=1) if you trust ";

void Chmod(const fs::path& path, mode_t mode) { ASSERT_EQ(chmod(path.c_str(), mode), 0) << path; }

// A folder `dir` (created, mode `dir_mode`) holding a copy of the headline test plugin
// (mode `file_mode`); returns the copy's path.
fs::path PlacePlugin(const fs::path& dir, mode_t dir_mode = 0755, mode_t file_mode = 0755) {
  fs::create_directories(dir);
  fs::path file = dir / "morgue_test_headline.so";
  fs::copy_file(TestPluginDir() / "morgue_test_headline.so", file);
  Chmod(file, file_mode);
  Chmod(dir, dir_mode);
  return file;
}

// Whether the library at `file` is mapped into this process.
bool IsMapped(const fs::path& file) {
  const std::string maps = morgue::testing::ReadFile("/proc/self/maps");
  return maps.find(fs::canonical(file).string()) != std::string::npos;
}

std::string RefusalOf(const PluginRegistry& registry, const fs::path& file) {
  for (const RefusedPlugin& refused : registry.refused()) {
    if (refused.path == file) {
      EXPECT_TRUE(refused.unsafe_permissions) << refused.reason.message();
      return refused.reason.message();
    }
  }
  return "";
}

TEST(PluginPermissionsTest, LoadsFromAPrivateFolderBelowTheStickyTemporaryFolder) {
  // The temporary folder is normally /tmp (1777): a sticky ancestor must not matter.
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins");
  PluginRegistry registry;
  Status status = registry.LoadFile(file);
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_TRUE(registry.refused().empty());
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->path, file);
}

TEST(PluginPermissionsTest, RefusesAWorldWritableFolderSayingWhyAndHowToFixIt) {
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins", 0777);
  const std::string folder = fs::canonical(dir / "plugins").string();
  PluginRegistry registry;
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(), "refusing plugin " + file.string() + ": folder " + folder +
                                  " is writable by other users (mode 0777); run `chmod go-w " +
                                  folder + "`" + kOverride + "everyone who can write there");
  EXPECT_EQ(RefusalOf(registry, file), status.message());
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_FALSE(IsMapped(file)) << "the library was opened before it was checked";
}

TEST(PluginPermissionsTest, RefusesAGroupWritableFolder) {
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins", 0775);
  PluginRegistry registry;
  Status status = registry.LoadFile(file);
  EXPECT_THAT(status.message(), HasSubstr("plugins is writable by the members of group "));
  EXPECT_THAT(status.message(), HasSubstr("(mode 0775); run `chmod go-w "));
}

TEST(PluginPermissionsTest, RefusesAStickyWorldWritablePluginFolder) {
  // The sticky bit shields an ancestor's entries, not the folder plugins are loaded from:
  // others could still drop libraries into it.
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins", 01777);
  PluginRegistry registry;
  EXPECT_THAT(registry.LoadFile(file).message(),
              HasSubstr("is writable by other users (mode 1777)"));
}

TEST(PluginPermissionsTest, RefusesAWorldOrGroupWritableFile) {
  TempDir dir;
  const fs::path world = PlacePlugin(dir / "world", 0755, 0666);
  const fs::path group = PlacePlugin(dir / "group", 0755, 0664);
  PluginRegistry registry;
  const std::string real = fs::canonical(world).string();
  EXPECT_EQ(registry.LoadFile(world).message(),
            "refusing plugin " + world.string() + ": file " + real +
                " is writable by other users (mode 0666); run `chmod go-w " + real + "`" +
                kOverride + "everyone who can write there");
  EXPECT_THAT(registry.LoadFile(group).message(),
              HasSubstr("is writable by the members of group "));
  EXPECT_EQ(registry.refused().size(), 2u);
  EXPECT_TRUE(registry.plugins().empty());
}

TEST(PluginPermissionsTest, TheOverrideLoadsWhatWouldBeRefused) {
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins", 0777, 0666);
  PluginRegistry registry(PluginRegistryOptions{.allow_unsafe_permissions = true});
  Status status = registry.LoadFile(file);
  EXPECT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->name, "headline");
}

TEST(PluginPermissionsTest, LoadDirectoryRecordsEveryRefusal) {
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "plugins", 0777);
  PluginRegistry registry;
  registry.LoadDirectory(dir / "plugins");
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_THAT(RefusalOf(registry, file), HasSubstr("refusing plugin " + file.string() + ": "));
}

TEST(PluginPermissionsTest, RefusesALibraryOrFolderOwnedByAnotherUser) {
  if (!IsRoot()) {
    GTEST_SKIP() << "giving a file to another user (chown) needs root; run the tests as root "
                    "(as CI does) to cover this case";
  }
  TempDir dir;
  const fs::path file = PlacePlugin(dir / "file");
  ASSERT_EQ(lchown(file.c_str(), kNobody, kNobody), 0);
  const fs::path in_folder = PlacePlugin(dir / "folder");
  ASSERT_EQ(lchown((dir / "folder").c_str(), kNobody, kNobody), 0);

  PluginRegistry registry;
  const std::string real = fs::canonical(file).string();
  EXPECT_EQ(registry.LoadFile(file).message(),
            "refusing plugin " + file.string() + ": file " + real +
                " is owned by nobody (uid 65534), not by root; run `chown root " + real +
                "` as root" + kOverride + "user nobody");
  EXPECT_THAT(registry.LoadFile(in_folder).message(),
              HasSubstr(": folder " + fs::canonical(dir / "folder").string() +
                        " is owned by nobody (uid 65534), not by root"));
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_FALSE(IsMapped(file));
}

TEST(PluginPermissionsTest, ASymlinkedFolderLoadsWhenItsTargetIsSafe) {
  TempDir dir;
  PlacePlugin(dir / "real");
  fs::create_directory_symlink(dir / "real", dir / "link");
  PluginRegistry registry;
  registry.LoadDirectory(dir / "link");
  EXPECT_TRUE(registry.refused().empty());
  ASSERT_EQ(registry.plugins().size(), 1u);
  EXPECT_EQ(registry.plugins()[0]->path, dir / "link" / "morgue_test_headline.so");
}

TEST(PluginPermissionsTest, ASymlinkedFolderIsRefusedWhenItsTargetIsUnsafe) {
  TempDir dir;
  PlacePlugin(dir / "real", 0777);
  fs::create_directory_symlink(dir / "real", dir / "link");
  PluginRegistry registry;
  registry.LoadDirectory(dir / "link");
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_THAT(
      RefusalOf(registry, dir / "link" / "morgue_test_headline.so"),
      HasSubstr("folder " + fs::canonical(dir / "real").string() + " is writable by other users"));
}

TEST(PluginPermissionsTest, ALinkToASafeLibraryIsRefusedInAWritableFolder) {
  // Whoever can write the link's folder can point the link elsewhere.
  TempDir dir;
  const fs::path target = PlacePlugin(dir / "safe");
  fs::create_directory(dir / "open");
  const fs::path link = dir / "open" / "morgue_test_headline.so";
  fs::create_symlink(target, link);
  Chmod(dir / "open", 0777);
  PluginRegistry registry;
  EXPECT_THAT(registry.LoadFile(link).message(),
              HasSubstr("folder " + fs::canonical(dir / "open").string() +
                        " is writable by other users (mode 0777)"));
  // The same link in a private folder is fine.
  Chmod(dir / "open", 0755);
  PluginRegistry again;
  Status status = again.LoadFile(link);
  EXPECT_TRUE(status.ok()) << status.ToString();
}

// --- The real binary, run as an ordinary user: as root these tests give the folders to
// nobody and run morgue as nobody, so that the checks meet another user's files.

class PluginPermissionsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = dir_ / "morgue.db";
    WriteFile(dir_ / "story.headline", "Harbour reopens\nThe harbour reopened today.\n");
  }

  // Runs morgue as an ordinary user: as nobody when the tests run as root, after giving
  // nobody everything in the test folder.
  CommandResult RunAsUser(std::vector<std::string> args,
                          const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {"--archive", archive_.string()});
    if (IsRoot()) {
      for (const auto& entry : fs::recursive_directory_iterator(dir_.path())) {
        EXPECT_EQ(lchown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
      }
      EXPECT_EQ(lchown(dir_.path().c_str(), kNobody, kNobody), 0);
    }
    return RunMorgueAsUser(args, "", env);
  }

  TempDir dir_;
  fs::path archive_;
};

TEST_F(PluginPermissionsCliTest, PluginsListsTheRefusalWithItsReason) {
  const fs::path file = PlacePlugin(dir_ / "plugins", 0777);
  CommandResult result = RunAsUser({"plugins", "--plugin-dir", (dir_ / "plugins").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("refused:\n  refusing plugin " + file.string() + ": folder " +
                                    fs::canonical(dir_ / "plugins").string() +
                                    " is writable by other users (mode 0777); run `chmod go-w "));
  // Listed once, on standard output, not repeated as an error.
  EXPECT_THAT(result.err, Not(HasSubstr("refusing")));
}

TEST_F(PluginPermissionsCliTest, ImportSaysWhyAPluginIsMissingAndTheOverrideLoadsIt) {
  PlacePlugin(dir_ / "plugins", 0777);
  const std::string plugins = (dir_ / "plugins").string();
  const std::string input = (dir_ / "story.headline").string();
  ASSERT_EQ(RunAsUser({"init"}).exit_code, 0);

  CommandResult refused = RunAsUser({"import", "--create", "--plugin-dir", plugins, input});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_THAT(refused.err, HasSubstr("morgue: refusing plugin " + plugins +
                                     "/morgue_test_headline.so: folder "));
  EXPECT_THAT(refused.err, HasSubstr(" if you trust everyone who can write there\n"));

  CommandResult flag =
      RunAsUser({"import", "--create", "--allow-unsafe-plugins", "--plugin-dir", plugins, input});
  EXPECT_EQ(flag.exit_code, 0) << flag.err;
  EXPECT_THAT(flag.err, Not(HasSubstr("refusing")));

  CommandResult list = RunAsUser({"list", "--json"});
  EXPECT_THAT(list.out, HasSubstr("Harbour reopens"));
  CommandResult by_env =
      RunAsUser({"plugins", "--plugin-dir", plugins}, {{"MORGUE_ALLOW_UNSAFE_PLUGINS", "1"}});
  EXPECT_THAT(by_env.out, HasSubstr("headline 1.2.3"));
  EXPECT_THAT(by_env.out, Not(HasSubstr("refused")));
}

TEST_F(PluginPermissionsCliTest, AWritableAncestorIsRefusedUnlessItIsSticky) {
  const fs::path open = PlacePlugin(dir_ / "open" / "plugins");
  Chmod(dir_ / "open", 0777);
  const fs::path sticky = PlacePlugin(dir_ / "sticky" / "plugins");
  Chmod(dir_ / "sticky", 01777);

  CommandResult refused = RunAsUser({"plugins", "--plugin-dir", open.parent_path().string()});
  EXPECT_THAT(refused.out, HasSubstr(": folder " + fs::canonical(dir_ / "open").string() +
                                     " is writable by other users (mode 0777)"));
  EXPECT_THAT(refused.out, Not(HasSubstr("headline 1.2.3")));

  // Others cannot rename or remove what the user owns in a sticky folder, like /tmp.
  CommandResult loaded = RunAsUser({"plugins", "--plugin-dir", sticky.parent_path().string()});
  EXPECT_THAT(loaded.out, HasSubstr("headline 1.2.3"));
  EXPECT_THAT(loaded.out, Not(HasSubstr("refused")));
}

}  // namespace
}  // namespace morgue
