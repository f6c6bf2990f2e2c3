// ImportRun's warning for an input of much text that gave an article without a body,
// with the real json plugin: given when the importer took little of the text, not for
// records that are only titles.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "morgue/import.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;

class ImportWarningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(testing::BuildPluginDir());
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  InputReport Import(const std::string& bytes) {
    auto run = ImportRun::Start(*archive_, plugins_, {});
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (!run.ok()) return {};
    InputReport report = (*run)->ImportBytes("<stdin>", bytes);
    EXPECT_TRUE((*run)->Finish().ok());
    return report;
  }

  TempDir dir_;
  PluginRegistry plugins_;
  std::unique_ptr<Archive> archive_;
};

std::string Repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

// Readability's output when it found the page's HTML but no text in it.
std::string ReadabilityWithoutText(int sentences) {
  return R"({"title": "Harbour dredging begins", "byline": "Jane Doe", "textContent": "", )"
         R"("content": "<div><p>)" +
         Repeat("Dredging started in the harbour on Monday. ", sentences) + R"(</p></div>"})";
}

TEST_F(ImportWarningTest, WarnsWhenMuchTextGaveAnArticleWithoutABody) {
  const InputReport report = Import(ReadabilityWithoutText(12));
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.plugin, "json");
  EXPECT_EQ(report.imported, 1) << "the article is still stored";
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(
      report.warnings[0].rfind("the article has no body (0 words) though the input holds ", 0), 0u)
      << report.warnings[0];
  EXPECT_NE(report.warnings[0].find("of text that no field took"), std::string::npos);
}

TEST_F(ImportWarningTest, SaysNothingOfShortInputsOrArticlesWithABody) {
  EXPECT_TRUE(Import(ReadabilityWithoutText(2)).warnings.empty()) << "under the threshold";
  std::string with_text = ReadabilityWithoutText(12);
  with_text.replace(with_text.find(R"("textContent": "")"), 17,
                    R"("textContent": "Dredging started in the harbour on Monday.")");
  const InputReport report = Import(with_text);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_TRUE(report.warnings.empty());
}

TEST_F(ImportWarningTest, TitleOnlyRecordsAreNoCauseForAWarning) {
  std::string records;
  for (int i = 0; i < 50; ++i) {
    records += R"({"title": "Headline number )" + std::to_string(i) +
               R"( of the index", "published": "2011-01-04", "source": "Korea Times"})" + "\n";
  }
  const InputReport report = Import(records);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 50);
  EXPECT_TRUE(report.warnings.empty());
}

TEST_F(ImportWarningTest, CountsTheArticlesWithoutABodyInAManyArticleInput) {
  std::string records;
  for (int i = 0; i < 3; ++i) {
    std::string record = ReadabilityWithoutText(12);
    if (i == 0) {
      record.replace(record.find(R"("textContent": "")"), 17,
                     R"("textContent": "Dredging started in the harbour on Monday.")");
    }
    records += record + "\n";
  }
  const InputReport report = Import(records);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported + report.duplicates, 3);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].rfind("2 of 3 articles have no body (0 words)", 0), 0u)
      << report.warnings[0];
}

TEST_F(ImportWarningTest, AddsUpTheLinesOfAnInputReadInParts) {
  std::string records;
  for (int i = 0; i < 20; ++i) records += ReadabilityWithoutText(12) + "\n";
  const std::filesystem::path file = dir_ / "readability.jsonl";
  testing::WriteFile(file, records);
  ImportOptions options;
  options.part_bytes = 2048;  // about four records a part
  ASSERT_GT(records.size(), 4 * options.part_bytes);
  auto run = ImportRun::Start(*archive_, plugins_, options);
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  const InputReport report = (*run)->ImportFile(file);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_TRUE((*run)->Finish().ok());
  EXPECT_EQ(report.imported + report.duplicates, 20);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].rfind("20 of 20 articles have no body (0 words)", 0), 0u)
      << report.warnings[0];
}

}  // namespace
}  // namespace morgue
