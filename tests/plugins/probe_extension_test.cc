// What the host tells each plugin of an input's extension (ProbeInput::extension and
// own_extension, filled per plugin) and what it keeps of a descriptor's media types,
// with real test plugins.

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using ::morgue::testing::TestPluginDir;

class ProbeExtensionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(registry_.LoadFile(TestPluginDir() / "morgue_test_extension_echo.so").ok());
    ASSERT_TRUE(registry_.LoadFile(TestPluginDir() / "morgue_test_headline.so").ok());
  }

  // The echo plugin's score for `input`: 100 for its own .echo, 90 for its own .echoes.
  int EchoScore(const ProbeInput& input) const {
    for (const ProbeScore& score : registry_.ProbeAll(input)) {
      if (score.plugin == "extension_echo") return score.score;
    }
    ADD_FAILURE() << "extension_echo was not asked";
    return -1;
  }

  const LoadedPluginInfo& Info(const std::string& name) const {
    for (const auto& info : registry_.plugins()) {
      if (info->name == name) return *info;
    }
    throw std::runtime_error("no plugin " + name);
  }

  PluginRegistry registry_;
};

TEST_F(ProbeExtensionTest, ExtensionOfIsLowerCasedWithItsDot) {
  EXPECT_EQ(ExtensionOf("a/story.ECHO"), ".echo");
  EXPECT_EQ(ExtensionOf("story.tar.Gz"), ".gz");
  EXPECT_EQ(ExtensionOf("story"), "");
  EXPECT_EQ(ExtensionOf(""), "");
  EXPECT_EQ(ExtensionOf(".hidden"), "");
}

TEST_F(ProbeExtensionTest, ProbeSeesTheLowerCasedExtensionAndWhetherItIsItsOwn) {
  EXPECT_EQ(EchoScore({"story.echo", "x"}), kProbeCertain);
  EXPECT_EQ(EchoScore({"dir/Story.ECHO", "x"}), kProbeCertain);
  EXPECT_EQ(EchoScore({"story.Echoes", "x"}), 90);
  EXPECT_EQ(EchoScore({"story.txt", "x"}), kProbeNo);
  EXPECT_EQ(EchoScore({"story", "x"}), kProbeNo);
  EXPECT_EQ(EchoScore({"", "x"}), kProbeNo);  // standard input
}

TEST_F(ProbeExtensionTest, TheHostFillsTheExtensionWhateverTheCallerPutThere) {
  EXPECT_EQ(EchoScore({"story.txt", "x", ".echo", true}), kProbeNo);
  EXPECT_EQ(EchoScore({"story.echoes", "x", ".txt", false}), 90);
}

TEST_F(ProbeExtensionTest, OwnExtensionIsPerPlugin) {
  // One input, two plugins: each is told whether the extension is its own.
  for (const ProbeScore& score : registry_.ProbeAll({"story.HL", "Title\nBody\n"})) {
    EXPECT_EQ(score.score, score.plugin == "headline" ? kProbeCertain : kProbeNo) << score.plugin;
  }
}

TEST_F(ProbeExtensionTest, MediaTypesStandBesideTheirExtensions) {
  const LoadedPluginInfo& echo = Info("extension_echo");
  EXPECT_EQ(echo.extensions, (std::vector<std::string>{".echo", ".echoes"}));
  EXPECT_EQ(echo.media_types, (std::vector<std::string>{"text/x-echo", "application/x-echoes"}));
  EXPECT_EQ(echo.MediaTypeOf(".echo"), "text/x-echo");
  EXPECT_EQ(echo.MediaTypeOf(".echoes"), "application/x-echoes");
  EXPECT_EQ(echo.MediaTypeOf(".txt"), "application/octet-stream");
  EXPECT_EQ(echo.MediaTypeOf(""), "application/octet-stream");
  // Fewer media types than extensions: the rest have none.
  const LoadedPluginInfo& headline = Info("headline");
  EXPECT_EQ(headline.media_types, (std::vector<std::string>{"text/x-headline", ""}));
  EXPECT_EQ(headline.MediaTypeOf(".headline"), "text/x-headline");
  EXPECT_EQ(headline.MediaTypeOf(".hl"), "application/octet-stream");
}

}  // namespace
}  // namespace morgue
