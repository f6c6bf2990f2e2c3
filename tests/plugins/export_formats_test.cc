// Which of a plugin's formats its exporter writes, and the fields each takes, as the
// registry learns them by asking the exporter: real plugins, no stand-ins.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using Names = std::vector<std::string>;

fs::path BuiltIn(const std::string& name) {
  return testing::BuildPluginDir() / ("morgue_" + name + ".so");
}

fs::path TestPlugin(const std::string& name) {
  return testing::TestPluginDir() / ("morgue_test_" + name + ".so");
}

TEST(ExportFormatsTest, TheJsonPluginWritesOnlyItsOwnFormats) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(BuiltIn("json")).ok());
  EXPECT_EQ(registry.ImportFormats(),
            (Names{"json", "jsonl", "newspaper", "readability", "trafilatura"}));
  EXPECT_EQ(registry.ExportFormats(), (Names{"json", "jsonl"}));
  EXPECT_EQ(registry.ExportFormatsOf("json"), (Names{"json", "jsonl"}));
  EXPECT_EQ(registry.ExportFormatsOf("nosuch"), Names{});

  Result<ExporterHandle> readability = registry.ExporterFor("readability");
  EXPECT_EQ(readability.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(readability.status().message(),
            "no exporter for format 'readability' (a plugin has it, but not as an exporter); "
            "available: json, jsonl");
  EXPECT_TRUE(registry.ExporterFor("jsonl").ok());
  EXPECT_TRUE(registry.ExporterFor("json").ok());
  EXPECT_TRUE(registry.ImporterFor("readability").ok()) << "still read";
}

TEST(ExportFormatsTest, FieldsComeFromEachExporter) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(BuiltIn("json")).ok());
  ASSERT_TRUE(registry.LoadFile(BuiltIn("csv")).ok());
  const Names json = registry.ExportFields("jsonl");
  ASSERT_GE(json.size(), 3u);
  EXPECT_EQ(json.front(), "id");
  EXPECT_NE(std::find(json.begin(), json.end(), "body"), json.end());
  EXPECT_NE(std::find(json.begin(), json.end(), "provenance"), json.end());
  EXPECT_NE(std::find(json.begin(), json.end(), "published_sort"), json.end());
  EXPECT_EQ(registry.ExportFields("json"), json);

  const Names csv = registry.ExportFields("tsv");
  EXPECT_EQ(csv.front(), "id");
  EXPECT_NE(std::find(csv.begin(), csv.end(), "media_credits"), csv.end());
  EXPECT_EQ(std::find(csv.begin(), csv.end(), "provenance"), csv.end());
  EXPECT_NE(std::find(csv.begin(), csv.end(), "published_sort"), csv.end());
  EXPECT_EQ(registry.ExportFields("csv"), csv);

  EXPECT_EQ(registry.ExportFields("readability"), Names{}) << "not exported at all";
  EXPECT_EQ(registry.ExportFields("nosuch"), Names{});
}

TEST(ExportFormatsTest, AnExporterThatNamesNoFieldsOrChecksNoFormatKeepsItsFormats) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("titles")).ok());    // refuses any --fields
  ASSERT_TRUE(registry.LoadFile(TestPlugin("lines")).ok());     // ignores format and fields
  ASSERT_TRUE(registry.LoadFile(TestPlugin("throwing")).ok());  // throws from Export
  EXPECT_EQ(registry.ExportFormats(), (Names{"boom", "lines", "title-list", "titles"}));
  EXPECT_EQ(registry.ExportFields("titles"), Names{});
  EXPECT_EQ(registry.ExportFields("lines"), Names{});
  EXPECT_EQ(registry.ExportFields("boom"), Names{});
  EXPECT_TRUE(registry.ExporterFor("throwing").ok()) << "by plugin name";
}

}  // namespace
}  // namespace morgue
