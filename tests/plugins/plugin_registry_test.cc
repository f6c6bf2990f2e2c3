#include "morgue/plugin_registry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

namespace fs = std::filesystem;
using ::morgue::testing::TempDir;
using ::morgue::testing::TestPluginDir;
using ::testing::HasSubstr;

fs::path TestPlugin(const std::string& name) {
  return TestPluginDir() / ("morgue_test_" + name + ".so");
}

class VectorSink : public ArticleSink {
 public:
  Status Add(Article article) override {
    if (article.title.empty() && article.body.empty()) {
      return Status::InvalidArgument("an article needs a title or a body");
    }
    articles.push_back(std::move(article));
    return Status::OK();
  }
  std::vector<Article> articles;
};

class VectorCursor : public ArticleCursor {
 public:
  explicit VectorCursor(std::vector<Article> articles) : articles_(std::move(articles)) {}
  bool Next(Article* article) override {
    if (next_ >= articles_.size()) {
      return false;
    }
    *article = articles_[next_++];
    return true;
  }
  Status status() const override { return Status::OK(); }

 private:
  std::vector<Article> articles_;
  size_t next_ = 0;
};

class StringSink : public ByteSink {
 public:
  Status Write(std::string_view bytes) override {
    out.append(bytes);
    return Status::OK();
  }
  std::string out;
};

Article Titled(const std::string& title) {
  Article article;
  article.title = title;
  return article;
}

ExportOptions Options(const std::string& format) {
  ExportOptions options;
  options.format = format;
  return options;
}

ImportInput Input(const std::string& name, std::string_view bytes) {
  ImportInput input;
  input.name = name;
  input.path = name;
  input.bytes = bytes;
  return input;
}

// Whether the library at `file` is mapped into this process.
bool IsMapped(const fs::path& file) {
  const std::string maps = morgue::testing::ReadFile("/proc/self/maps");
  return maps.find(fs::canonical(file).string()) != std::string::npos;
}

std::vector<std::string> LoadedNames(const PluginRegistry& registry) {
  std::vector<std::string> names;
  for (const auto& info : registry.plugins()) {
    names.push_back(info->name);
  }
  return names;
}

std::optional<Status> RefusalOf(const PluginRegistry& registry, const fs::path& file) {
  for (const RefusedPlugin& refused : registry.refused()) {
    if (refused.path == file) {
      return refused.reason;
    }
  }
  return std::nullopt;
}

// Sets MORGUE_PLUGIN_PATH for one test and restores it after.
class ScopedPluginPath {
 public:
  explicit ScopedPluginPath(const std::string& value) {
    if (const char* old = getenv("MORGUE_PLUGIN_PATH"); old != nullptr) {
      old_ = old;
    }
    setenv("MORGUE_PLUGIN_PATH", value.c_str(), 1);
  }
  ~ScopedPluginPath() {
    if (old_) {
      setenv("MORGUE_PLUGIN_PATH", old_->c_str(), 1);
    } else {
      unsetenv("MORGUE_PLUGIN_PATH");
    }
  }
  ScopedPluginPath(const ScopedPluginPath&) = delete;
  ScopedPluginPath& operator=(const ScopedPluginPath&) = delete;

 private:
  std::optional<std::string> old_;
};

TEST(PluginRegistryTest, LoadsAnImporterAndCopiesItsDescriptor) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("headline")).ok());

  ASSERT_EQ(registry.plugins().size(), 1u);
  const LoadedPluginInfo& info = *registry.plugins()[0];
  EXPECT_EQ(info.name, "headline");
  EXPECT_EQ(info.version, "1.2.3");
  EXPECT_EQ(info.formats, std::vector<std::string>{"headline"});
  // The descriptor says " .headline , .HL": trimmed and lower-cased.
  EXPECT_EQ(info.extensions, (std::vector<std::string>{".headline", ".hl"}));
  EXPECT_EQ(info.description, "first line title, the rest body");
  EXPECT_EQ(info.path, TestPlugin("headline"));
  EXPECT_TRUE(info.imports());
  EXPECT_FALSE(info.exports());
  EXPECT_EQ(info.KindName(), "import");
  EXPECT_TRUE(registry.refused().empty());
  EXPECT_EQ(registry.ImportFormats(), std::vector<std::string>{"headline"});
  EXPECT_TRUE(registry.ExportFormats().empty());
}

TEST(PluginRegistryTest, KindNameSaysWhatAPluginDoes) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("titles")).ok());
  ASSERT_TRUE(registry.LoadFile(TestPlugin("lines")).ok());
  EXPECT_EQ(registry.plugins()[0]->KindName(), "export");
  EXPECT_EQ(registry.plugins()[1]->KindName(), "import, export");
  EXPECT_EQ(registry.ImportFormats(), std::vector<std::string>{"lines"});
  EXPECT_EQ(registry.ExportFormats(), (std::vector<std::string>{"lines", "title-list", "titles"}));
}

TEST(PluginRegistryTest, ImportsThroughAHandle) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("headline")).ok());
  Result<ImporterHandle> importer = registry.ImporterFor("headline");
  ASSERT_TRUE(importer.ok()) << importer.status().ToString();
  EXPECT_EQ(importer->info().name, "headline");

  VectorSink sink;
  const std::string bytes = "Snow closes Seoul schools\n\nClasses resume Monday.\n";
  ASSERT_TRUE(importer->Import(Input("snow.headline", bytes), sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Snow closes Seoul schools");
  EXPECT_EQ(sink.articles[0].body, "Classes resume Monday.");
}

TEST(PluginRegistryTest, ExportsThroughAHandleByFormatAliasOrPluginName) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("titles")).ok());
  for (const char* name : {"titles", "title-list"}) {
    Result<ExporterHandle> exporter = registry.ExporterFor(name);
    ASSERT_TRUE(exporter.ok()) << name << ": " << exporter.status().ToString();
    VectorCursor cursor({Titled("First"), Titled("Second")});
    StringSink out;
    ASSERT_TRUE(exporter->Export(cursor, Options(name), out).ok());
    EXPECT_EQ(out.out, "First\nSecond\n");
  }
}

TEST(PluginRegistryTest, EachHandleIsAFreshObject) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("lines")).ok());
  Result<ImporterHandle> first = registry.ImporterFor("lines");
  Result<ImporterHandle> second = registry.ImporterFor("lines");
  ASSERT_TRUE(first.ok() && second.ok());
  VectorSink a;
  VectorSink b;
  ASSERT_TRUE(first->Import(Input("a.lines", "one\ntwo\n"), a).ok());
  ASSERT_TRUE(second->Import(Input("b.lines", "three\n"), b).ok());
  EXPECT_EQ(a.articles.size(), 2u);
  EXPECT_EQ(b.articles.size(), 1u);
}

TEST(PluginRegistryTest, HandlesKeepTheirLibraryLoadedAfterTheRegistryIsGone) {
  const fs::path file = TestPlugin("lines");
  std::optional<ImporterHandle> importer;
  std::optional<ExporterHandle> exporter;
  {
    PluginRegistry registry;
    ASSERT_TRUE(registry.LoadFile(file).ok());
    importer.emplace(registry.ImporterFor("lines").value());
    exporter.emplace(registry.ExporterFor("lines").value());
  }
  ASSERT_TRUE(IsMapped(file));

  // Calling into the plugin's code would crash if the library had been unloaded.
  EXPECT_EQ(importer->Probe({.path = "x.lines", .head = "a\n"}), kProbeCertain);
  VectorSink sink;
  ASSERT_TRUE(importer->Import(Input("x.lines", "kept\nalive\n"), sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  importer.reset();
  EXPECT_TRUE(IsMapped(file));

  VectorCursor cursor({Titled("still here")});
  StringSink out;
  ASSERT_TRUE(exporter->Export(cursor, Options("lines"), out).ok());
  EXPECT_EQ(out.out, "still here\n");
  exporter.reset();
  // The last holder let go: the library is unloaded, not leaked.
  EXPECT_FALSE(IsMapped(file));
}

TEST(PluginRegistryTest, RefusesAPluginBuiltForAnotherAbiAndSaysWhatToDo) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("wrong_abi");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(), "'" + file.string() +
                                  "' was built for plugin ABI 999, this morgue expects ABI " +
                                  std::to_string(kPluginAbiVersion) +
                                  ": rebuild the plugin against this morgue's SDK");
  EXPECT_TRUE(registry.plugins().empty());
  ASSERT_EQ(registry.refused().size(), 1u);
  EXPECT_EQ(registry.refused()[0].path, file);
  EXPECT_EQ(registry.refused()[0].reason.message(), status.message());
  EXPECT_FALSE(registry.ImporterFor("wrong_abi").ok());
}

TEST(PluginRegistryTest, RefusesAPluginWhoseLayoutDiffersThoughItsAbiIsTheSame) {
  // Built with MORGUE_PLUGIN against headers whose Article has one more member: the
  // constructor of its importer aborts, so only a refusal from the descriptor passes.
  PluginRegistry registry;
  const fs::path file = TestPlugin("other_layout");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  const std::regex expected(
      "'" + file.string() +
      "' was built against a morgue SDK whose classes are laid out differently from this "
      "morgue's, though both say plugin ABI " +
      std::to_string(kPluginAbiVersion) + " \\(layout fingerprint ([0-9a-f]{16}) in SDK " +
      MORGUE_SDK_VERSION + ", this morgue's ([0-9a-f]{16}) in SDK " + MORGUE_SDK_VERSION +
      "\\): rebuild the plugin against this morgue's SDK");
  std::smatch match;
  const std::string message = status.message();
  ASSERT_TRUE(std::regex_match(message, match, expected)) << message;
  EXPECT_NE(match[1].str(), match[2].str());
  char host[17];
  std::snprintf(host, sizeof host, "%016llx",
                static_cast<unsigned long long>(kPluginLayoutFingerprint));
  EXPECT_EQ(match[2].str(), host);
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_FALSE(registry.ImporterFor("other_layout").ok());
}

TEST(PluginRegistryTest, RefusesADescriptorShorterThanItsAbiSays) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("short_descriptor");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(),
            "'" + file.string() + "' declares a descriptor of 72 bytes, fewer than plugin ABI " +
                std::to_string(kPluginAbiVersion) + " has (" +
                // ABI 5's required fields end at sdk_version.
                std::to_string(offsetof(PluginDescriptor, sdk_version) + sizeof(const char*)) +
                "): rebuild the plugin against this morgue's SDK");
}

TEST(PluginRegistryTest, RefusesAPluginBuiltForAnotherCompiler) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("wrong_compiler");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(),
            "'" + file.string() +
                "' was built for the C++ runtime 'msvc-19.29/x64', this morgue expects '" +
                MORGUE_COMPILER_TAG +
                "': rebuild the plugin with the compiler and standard library this morgue was "
                "built with");
  EXPECT_TRUE(registry.plugins().empty());
  EXPECT_EQ(registry.refused().size(), 1u);
}

TEST(PluginRegistryTest, RefusesALibraryWithoutDescriptor) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("no_descriptor");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(), "'" + file.string() +
                                  "' is not a morgue plugin: it exports no "
                                  "morgue_plugin_descriptor (was it built with MORGUE_PLUGIN?)");
}

TEST(PluginRegistryTest, RefusesAFileThatIsNoLibrary) {
  TempDir dir;
  const fs::path file = dir / "notes.so";
  morgue::testing::WriteFile(file, std::string(4, '\n') + std::string(200, 'x'));
  PluginRegistry registry;
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  // The dynamic loader's own reason, without Boost's wrapping.
  EXPECT_EQ(status.message(),
            "'" + file.string() + "' is not a loadable shared library: invalid ELF header");
  ASSERT_EQ(registry.refused().size(), 1u);
  EXPECT_EQ(registry.refused()[0].path, file);

  // Too short to be any library.
  morgue::testing::WriteFile(dir / "tiny.so", "hi\n");
  EXPECT_EQ(
      registry.LoadFile(dir / "tiny.so").message(),
      "'" + (dir / "tiny.so").string() + "' is not a loadable shared library: file too short");
}

TEST(PluginRegistryTest, RefusesAMissingFile) {
  TempDir dir;
  PluginRegistry registry;
  Status status = registry.LoadFile(dir / "gone.so");
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "plugin file '" + (dir / "gone.so").string() + "' does not exist");
}

TEST(PluginRegistryTest, RefusesAPluginWhoseFactoryReturnsNull) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("null_factory");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(status.message(), "'" + file.string() + "': plugin 'null_factory' created no importer");
}

TEST(PluginRegistryTest, RefusesAPluginThatDeclaresAnImporterWithoutFactory) {
  PluginRegistry registry;
  const fs::path file = TestPlugin("no_factory");
  Status status = registry.LoadFile(file);
  EXPECT_EQ(status.code(), StatusCode::kPluginIncompatible);
  EXPECT_EQ(status.message(),
            "'" + file.string() + "' declares an importer but exports no morgue_create_importer");
}

TEST(PluginRegistryTest, AnExceptionInImportBecomesPluginFailedNamingPluginAndInput) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("throwing")).ok());
  Result<ImporterHandle> importer = registry.ImporterFor("boom");
  ASSERT_TRUE(importer.ok());
  VectorSink sink;

  Status status = importer->Import(Input("story.boom", "text"), sink);
  EXPECT_EQ(status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(status.message(), "plugin 'throwing' failed on 'story.boom': the parser fell over");

  status = importer->Import(Input("other.boom", "int"), sink);
  EXPECT_EQ(status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(status.message(), "plugin 'throwing' failed on 'other.boom': unknown exception");
}

TEST(PluginRegistryTest, AnExceptionInExportBecomesPluginFailed) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("throwing")).ok());
  Result<ExporterHandle> exporter = registry.ExporterFor("boom");
  ASSERT_TRUE(exporter.ok());
  VectorCursor cursor({Titled("x")});
  StringSink out;
  Status status = exporter->Export(cursor, Options("boom"), out);
  EXPECT_EQ(status.code(), StatusCode::kPluginFailed);
  EXPECT_EQ(status.message(),
            "plugin 'throwing' failed exporting format 'boom': the writer fell over");
}

TEST(PluginRegistryTest, APluginsOwnFailurePassesThroughUnchanged) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("headline")).ok());
  Result<ImporterHandle> importer = registry.ImporterFor("headline");
  ASSERT_TRUE(importer.ok());
  VectorSink sink;
  Status status = importer->Import(Input("empty.headline", "\n\n"), sink);
  EXPECT_EQ(status.code(), StatusCode::kCorruption);
  EXPECT_EQ(status.message(), "no headline: the input is empty");
}

TEST(PluginRegistryTest, AHandleWithoutObjectFailsInsteadOfCrashing) {
  auto info = std::make_shared<LoadedPluginInfo>();
  info->name = "ghost";
  ImporterHandle importer(nullptr, info);
  VectorSink sink;
  EXPECT_EQ(importer.Probe({.path = "a.txt", .head = ""}), kProbeNo);
  EXPECT_EQ(importer.Import(Input("a.txt", ""), sink).code(), StatusCode::kPluginFailed);
}

TEST(PluginRegistryTest, AProbeThatThrowsScoresZero) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("probe_throws")).ok());
  ASSERT_TRUE(registry.LoadFile(TestPlugin("headline")).ok());
  std::vector<ProbeScore> scores = registry.ProbeAll({.path = "a.headline", .head = "Title\n"});
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].plugin, "headline");
  EXPECT_EQ(scores[0].score, kProbeCertain);
  EXPECT_EQ(scores[1].plugin, "probe_throws");
  EXPECT_EQ(scores[1].score, kProbeNo);

  Result<ImporterHandle> importer = registry.ImporterFor("probe_throws");
  ASSERT_TRUE(importer.ok());
  std::string error;
  EXPECT_EQ(importer->Probe({.path = "a.headline", .head = "Title\n"}, &error), kProbeNo);
  EXPECT_NE(error.find("plugin 'probe_throws' failed probing 'a.headline'"), std::string::npos)
      << error;

  // When nothing else recognises the input, the user is told that a probe failed.
  Result<ImporterHandle> none =
      registry.ChooseImporter({.path = "a.unknown", .head = "?"}, nullptr);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("plugin 'probe_throws' failed probing 'a.unknown'"),
            std::string::npos)
      << none.status().message();
}

TEST(PluginRegistryTest, ChooseImporterPicksTheBestScoreAndItsFirstFormat) {
  PluginRegistry registry;
  for (const char* name : {"headline", "lines", "probe_throws", "tie_a"}) {
    ASSERT_TRUE(registry.LoadFile(TestPlugin(name)).ok()) << name;
  }
  std::string format;
  Result<ImporterHandle> importer =
      registry.ChooseImporter({.path = "in/Storm.HL", .head = "Storm\n"}, &format);
  ASSERT_TRUE(importer.ok()) << importer.status().ToString();
  EXPECT_EQ(importer->info().name, "headline");
  EXPECT_EQ(format, "headline");

  // The chosen object is a fresh importer that imports.
  VectorSink sink;
  ASSERT_TRUE(importer->Import(Input("in/Storm.HL", "Storm\nWind.\n"), sink).ok());
  EXPECT_EQ(sink.articles.at(0).title, "Storm");

  // A single plausible score is enough.
  importer = registry.ChooseImporter({.path = "x.tie", .head = ""}, &format);
  ASSERT_TRUE(importer.ok());
  EXPECT_EQ(importer->info().name, "tie_a");
  EXPECT_EQ(format, "tie_a");
}

TEST(PluginRegistryTest, ATieAtTheTopAsksForFormat) {
  PluginRegistry registry;
  for (const char* name : {"headline", "tie_a", "tie_b"}) {
    ASSERT_TRUE(registry.LoadFile(TestPlugin(name)).ok()) << name;
  }
  std::string format = "unchanged";
  Result<ImporterHandle> importer =
      registry.ChooseImporter({.path = "votes/count.tie", .head = "x"}, &format);
  EXPECT_EQ(importer.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(importer.status().message(),
            "'votes/count.tie' is ambiguous: importers 'tie_a' and 'tie_b' both score 50; "
            "choose one with --format tie_a or --format tie_b");
  EXPECT_EQ(format, "unchanged");
}

TEST(PluginRegistryTest, NoMatchListsScoresAndFormats) {
  PluginRegistry registry;
  for (const char* name : {"headline", "probe_throws", "titles", "tie_a"}) {
    ASSERT_TRUE(registry.LoadFile(TestPlugin(name)).ok()) << name;
  }
  std::string format;
  Result<ImporterHandle> importer =
      registry.ChooseImporter({.path = "notes.txt", .head = "hello"}, &format);
  // NotFound, so that an import skips such a file when it was found in a folder.
  EXPECT_EQ(importer.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(importer.status().message(),
            "no importer recognises 'notes.txt' (scores: headline 0, probe_throws 0, tie_a 0; "
            "plugin 'probe_throws' failed probing 'notes.txt': probe exploded); "
            "name one with --format headline, probe-throws, tie_a");

  importer = registry.ChooseImporter({.path = "", .head = "hello"}, &format);
  EXPECT_THAT(importer.status().message(), HasSubstr("no importer recognises '<stdin>'"));
}

TEST(PluginRegistryTest, NoImporterLoadedAtAll) {
  PluginRegistry registry;
  std::string format;
  Result<ImporterHandle> importer =
      registry.ChooseImporter({.path = "a.json", .head = "{"}, &format);
  EXPECT_EQ(importer.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(importer.status().message(), HasSubstr("no importer plugins are loaded"));
}

TEST(PluginRegistryTest, UnknownFormatIsNotFoundAndListsTheChoices) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(TestPlugin("headline")).ok());
  ASSERT_TRUE(registry.LoadFile(TestPlugin("titles")).ok());

  Result<ImporterHandle> importer = registry.ImporterFor("csv");
  EXPECT_EQ(importer.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(importer.status().message(), "no importer for format 'csv'; available: headline");

  Result<ExporterHandle> exporter = registry.ExporterFor("headline");
  EXPECT_EQ(exporter.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(exporter.status().message(),
            "no exporter for format 'headline' (a plugin has it, but not as an exporter); "
            "available: title-list, titles");
}

TEST(PluginRegistryTest, SearchPathOrderAndDuplicates) {
  TempDir tmp;
  const fs::path a = tmp / "a";
  const fs::path b = tmp / "b";
  const fs::path c = tmp / "c";
  const fs::path d = tmp / "d";
  fs::create_directories(a);
  fs::create_directories(c);
  // b and d do not exist: they are still listed, and simply hold no plugins.
  // Duplicates are dropped, however spelled; the first spelling and position win.
  ScopedPluginPath env((b / ".." / "b").string() + "::" + (a / ".").string() + ":" + c.string() +
                       ":");
  std::vector<fs::path> dirs =
      PluginRegistry::SearchPath({a, b}, {c / "sub" / "..", d, a.string() + "/"});
  EXPECT_EQ(dirs, (std::vector<fs::path>{a, b, c, d}));
}

TEST(PluginRegistryTest, SearchPathWithoutEnvironment) {
  ScopedPluginPath env("");
  EXPECT_EQ(PluginRegistry::SearchPath({"/x"}, {"/y"}), (std::vector<fs::path>{"/x", "/y"}));
}

TEST(PluginRegistryTest, LoadDirectoryLoadsGoodPluginsAndRecordsRefusals) {
  PluginRegistry registry;
  registry.LoadDirectory(TestPluginDir());

  // Sorted by file name: morgue_test_bundle.so, morgue_test_extension_echo.so, ...
  EXPECT_EQ(LoadedNames(registry),
            (std::vector<std::string>{"bundle", "extension_echo", "headline", "lines",
                                      "probe_throws", "throwing", "tie_a", "tie_b", "titles"}));
  std::vector<std::string> refused;
  for (const RefusedPlugin& r : registry.refused()) {
    refused.push_back(r.path.filename().string());
  }
  EXPECT_EQ(refused,
            (std::vector<std::string>{"morgue_test_no_descriptor.so", "morgue_test_no_factory.so",
                                      "morgue_test_null_factory.so", "morgue_test_other_layout.so",
                                      "morgue_test_short_descriptor.so", "morgue_test_wrong_abi.so",
                                      "morgue_test_wrong_compiler.so"}));
  std::optional<Status> wrong_abi = RefusalOf(registry, TestPlugin("wrong_abi"));
  ASSERT_TRUE(wrong_abi.has_value());
  EXPECT_EQ(wrong_abi->code(), StatusCode::kPluginIncompatible);
}

TEST(PluginRegistryTest, LoadDirectoryTakesOnlyLibrariesDirectlyInside) {
  TempDir dir;
  fs::copy_file(TestPlugin("headline"), dir / "morgue_test_headline.so");
  fs::create_directories(dir / "nested");
  fs::copy_file(TestPlugin("titles"), dir / "nested" / "morgue_test_titles.so");
  fs::copy_file(TestPlugin("lines"), dir / "morgue_test_lines.so.bak");
  morgue::testing::WriteFile(dir / "README.md", "not a plugin");

  PluginRegistry registry;
  registry.LoadDirectory(dir.path());
  EXPECT_EQ(LoadedNames(registry), std::vector<std::string>{"headline"});
  EXPECT_TRUE(registry.refused().empty());

  registry.LoadDirectory(dir / "missing");
  EXPECT_EQ(registry.plugins().size(), 1u);
  EXPECT_TRUE(registry.refused().empty());
}

TEST(PluginRegistryTest, AnEarlierFolderShadowsALaterOne) {
  TempDir first;
  const fs::path copy = first / "morgue_test_headline.so";
  fs::copy_file(TestPlugin("headline"), copy);

  PluginRegistry registry;
  for (const fs::path& dir : PluginRegistry::SearchPath({first.path(), TestPluginDir()}, {})) {
    registry.LoadDirectory(dir);
  }
  std::optional<Status> shadowed = RefusalOf(registry, TestPlugin("headline"));
  ASSERT_TRUE(shadowed.has_value());
  EXPECT_EQ(shadowed->code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(shadowed->message(), "plugin 'headline' in '" + TestPlugin("headline").string() +
                                     "' is shadowed by '" + copy.string() + "', loaded first");

  Result<ImporterHandle> importer = registry.ImporterFor("headline");
  ASSERT_TRUE(importer.ok());
  EXPECT_EQ(importer->info().path, copy);
}

TEST(PluginRegistryTest, TestPluginsDoNotDisturbTheBuiltInJsonImporter) {
  PluginRegistry registry;
  registry.LoadDirectory(morgue::testing::BuildPluginDir());
  registry.LoadDirectory(TestPluginDir());
  const fs::path file = morgue::testing::FixturesDir() / "sample-articles.jsonl";
  const std::string head = morgue::testing::ReadFile(file).substr(0, kProbeBytes);
  std::string format;
  Result<ImporterHandle> importer = registry.ChooseImporter({.path = file, .head = head}, &format);
  ASSERT_TRUE(importer.ok()) << importer.status().ToString();
  EXPECT_EQ(importer->info().name, "json");
}

}  // namespace
}  // namespace morgue
