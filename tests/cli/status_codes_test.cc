// The code of a failure where a plugin author or a user meets it (morgue/status.h says
// what each code means). Each built-in importer refuses an input that is not in its
// format, or holds no article, with Corruption, in process and across the --isolate
// worker's channel alike; an article the archive refuses stays InvalidArgument. Through
// the real binary those inputs fail with one line each and exit 1, the same with and
// without --isolate, and an exporter's refusal of the request exits 2 (usage).

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"
#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kPartial = 1;
constexpr int kUsage = 2;

struct BadInput {
  std::string name;
  std::string bytes;
  std::string plugin;  // the importer that refuses it
  std::string reason;  // part of its message
  StatusCode code;
};

// Inputs of every built-in importer that it refuses, and the code it refuses them with.
std::vector<BadInput> BadInputs() {
  std::string deep = "<html><body>";
  for (int i = 0; i < 300; ++i) deep += "<div>";
  deep += "<p>Too deep to read.</p></body></html>";
  return {
      {"malformed.json", "{\"title\": \"Harbour\", \"body\": }", "json", "malformed JSON",
       StatusCode::kCorruption},
      {"not-an-object.json", "[42]", "json", "expected an article object, found number",
       StatusCode::kCorruption},
      {"wrong-type.json", "{\"title\": 7, \"body\": \"Text.\"}", "json",
       "field 'title' must be a string, found number", StatusCode::kCorruption},
      {"unknown-field.json", "{\"title\": \"A\", \"body\": \"B\", \"headline\": \"C\"}", "json",
       "unknown field 'headline'", StatusCode::kCorruption},
      {"second-line.jsonl",
       "{\"title\": \"Quay wall repaired\", \"body\": \"Work ended.\"}\n{\"title\": \n", "json",
       "line 2: malformed JSON", StatusCode::kCorruption},
      {"empty.html", "   \n", "html", "no article found: the page is empty",
       StatusCode::kCorruption},
      {"binary.html", std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f", 10) + "<p>", "html",
       "not HTML", StatusCode::kCorruption},
      {"no-article.html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>", "html",
       "no article found", StatusCode::kCorruption},
      {"deep.html", deep, "html", "more than 256 levels deep", StatusCode::kCorruption},
      {"blank.txt", " \n\t\n", "text", "only white space", StatusCode::kCorruption},
      // The importer read the input and found no article in it: the host says so.
      {"empty-list.json", "[]", "json", "no article found in it", StatusCode::kCorruption},
      // The article handed to the archive is what is wrong: the archive's refusal.
      {"neither.json", "{\"title\": \"\", \"body\": \"\"}", "json",
       "an article needs a title or a body", StatusCode::kInvalidArgument},
  };
}

constexpr const char* kGoodJson =
    "{\"title\": \"Ferry timetable changes\", \"body\": \"The winter timetable starts on "
    "Monday with two fewer crossings a day.\"}";

class StatusCodesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    plugins_.LoadDirectory(BuildPluginDir());
    ASSERT_EQ(plugins_.refused().size(), 0u);
    for (const BadInput& input : BadInputs()) WriteFile(inputs_ / input.name, input.bytes);
    WriteFile(inputs_ / "good.json", kGoodJson);
  }

  // Imports every input, the bad ones and then the good one, into a fresh archive.
  std::vector<InputReport> ImportAll(const std::string& archive, bool isolated) {
    auto opened = Archive::Open(dir_.path() / archive);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    if (!opened.ok()) return {};
    ImportOptions options;
    if (isolated) options.isolate_command = {MorgueBinary().string(), "__import-worker"};
    auto run = ImportRun::Start(**opened, plugins_, std::move(options));
    EXPECT_TRUE(run.ok()) << run.status().ToString();
    if (!run.ok()) return {};
    std::vector<InputReport> reports;
    for (const BadInput& input : BadInputs()) {
      reports.push_back((*run)->ImportFile(inputs_ / input.name));
    }
    reports.push_back((*run)->ImportFile(inputs_ / "good.json"));
    auto totals = (*run)->Finish();
    EXPECT_TRUE(totals.ok()) << totals.status().ToString();
    return reports;
  }

  // Each bad input failed with its plugin, reason and code; the good one was imported.
  void ExpectCodes(const std::vector<InputReport>& reports) {
    const std::vector<BadInput> inputs = BadInputs();
    ASSERT_EQ(reports.size(), inputs.size() + 1);
    for (size_t i = 0; i < inputs.size(); ++i) {
      const InputReport& report = reports[i];
      EXPECT_EQ(report.plugin, inputs[i].plugin) << inputs[i].name;
      EXPECT_EQ(report.status.code(), inputs[i].code)
          << inputs[i].name << ": " << StatusCodeName(report.status.code()) << ": "
          << report.status.ToString();
      EXPECT_NE(report.status.message().find(inputs[i].reason), std::string::npos)
          << inputs[i].name << ": " << report.status.ToString();
    }
    EXPECT_TRUE(reports.back().status.ok()) << reports.back().status.ToString();
    EXPECT_EQ(reports.back().imported, 1);
  }

  TempDir dir_;
  fs::path inputs_ = dir_.path() / "inputs";
  PluginRegistry plugins_;
};

TEST_F(StatusCodesTest, AnImporterRefusesAnInputNotInItsFormatAsCorruption) {
  ExpectCodes(ImportAll("in-process.db", false));
}

TEST_F(StatusCodesTest, TheCodeCrossesTheIsolatedWorkersChannelUnchanged) {
  const std::vector<InputReport> isolated = ImportAll("isolated.db", true);
  ExpectCodes(isolated);
  const std::vector<InputReport> in_process = ImportAll("in-process.db", false);
  ASSERT_EQ(isolated.size(), in_process.size());
  for (size_t i = 0; i < isolated.size(); ++i) {
    EXPECT_EQ(isolated[i].status.message(), in_process[i].status.message());
  }
}

// Inputs no importer claims by their bytes, read in the format the user names.
TEST_F(StatusCodesTest, AnInputReadInTheFormatTheUserNamesIsRefusedAsCorruptionToo) {
  struct Named {
    std::string name;
    std::string bytes;
    std::string format;
    std::string reason;
  };
  const std::vector<Named> inputs = {
      {"blank.json", "  \n", "json", "the input is empty; expected a JSON array"},
      {"number.json", "42", "json",
       "expected a JSON array of article objects or one article object, found number"},
      {"tool.json", "{\"title\": \"A\", \"text\": \"B\", \"colour\": \"red\"}", "trafilatura",
       "unknown field 'colour' in a trafilatura record"},
  };
  auto opened = Archive::Open(dir_.path() / "named.db");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  for (const Named& input : inputs) {
    WriteFile(inputs_ / input.name, input.bytes);
    ImportOptions options;
    options.format = input.format;
    auto run = ImportRun::Start(**opened, plugins_, std::move(options));
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    const InputReport report = (*run)->ImportFile(inputs_ / input.name);
    EXPECT_EQ(report.plugin, "json") << input.name;
    EXPECT_EQ(report.status.code(), StatusCode::kCorruption)
        << input.name << ": " << report.status.ToString();
    EXPECT_NE(report.status.message().find(input.reason), std::string::npos)
        << input.name << ": " << report.status.ToString();
    ASSERT_TRUE((*run)->Finish().ok());
  }
}

// ---- Through the real binary ---------------------------------------------------------

CommandResult Morgue(const fs::path& dir, std::vector<std::string> args) {
  return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir);
}

TEST_F(StatusCodesTest, EachRefusedInputIsOneLineAndTheRunExitsPartialWithOrWithoutIsolation) {
  const std::vector<InputReport> reports = ImportAll("api.db", false);
  const std::vector<BadInput> inputs = BadInputs();
  ASSERT_EQ(reports.size(), inputs.size() + 1);
  ExpectCodes(reports);  // the messages the lines are built from are the right refusals
  std::string lines;
  for (size_t i = 0; i < inputs.size(); ++i) {
    // What the user reads is the plugin's message, whatever its code.
    lines += (inputs_ / inputs[i].name).string() + ": " + inputs[i].plugin + ": " +
             reports[i].status.message() + "\n";
  }
  lines += std::to_string(inputs.size() + 1) + " files: 1 article imported, 0 duplicates; " +
           std::to_string(inputs.size()) + " files failed, 0 skipped\n";
  for (const bool isolated : {false, true}) {
    const fs::path archive = dir_.path() / (isolated ? "isolated.db" : "in-process.db");
    std::vector<std::string> args = {"--archive", archive.string(), "import", "--create"};
    if (isolated) args.push_back("--isolate");
    for (const BadInput& input : inputs) args.push_back((inputs_ / input.name).string());
    args.push_back((inputs_ / "good.json").string());
    const CommandResult result = Morgue(dir_.path(), args);
    EXPECT_EQ(result.exit_code, kPartial) << result.err;
    EXPECT_EQ(result.err, "morgue: created archive " + archive.string() + "\n" + lines)
        << (isolated ? "--isolate" : "in process");
    EXPECT_EQ(result.out, "");
  }
}

TEST_F(StatusCodesTest, AnExportersRefusalOfTheRequestExitsAsAUsageError) {
  const fs::path archive = dir_.path() / "export.db";
  ASSERT_EQ(Morgue(dir_.path(), {"--archive", archive.string(), "import", "--create",
                                 (inputs_ / "good.json").string()})
                .exit_code,
            0);
  const CommandResult delimiter = Morgue(dir_.path(), {"--archive", archive.string(), "export",
                                                       "--format", "csv", "--delimiter", "\""});
  EXPECT_EQ(delimiter.exit_code, kUsage) << delimiter.err;
  EXPECT_EQ(delimiter.err,
            "morgue: the delimiter must be one ASCII character other than '\"', CR or LF, found "
            "'\"'\n");
  EXPECT_EQ(delimiter.out, "");
  const CommandResult field = Morgue(dir_.path(), {"--archive", archive.string(), "export",
                                                   "--format", "csv", "--fields", "title,colour"});
  EXPECT_EQ(field.exit_code, kUsage) << field.err;
  EXPECT_TRUE(field.err.starts_with("morgue: unknown field 'colour'; valid fields: id, title"))
      << field.err;
  EXPECT_EQ(field.out, "");
}

}  // namespace
}  // namespace morgue::testing
