// The json plugin, loaded as the host loads it, working on real archives; and through
// the real `morgue` binary where what a user sees on the command line matters.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "morgue/plugin_registry.h"
#include "support/odd_article.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::OddArticle;
using ::morgue::testing::ReadFile;
using ::morgue::testing::RunCommand;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::testing::HasSubstr;

class StringSink : public ByteSink {
 public:
  Status Write(std::string_view bytes) override {
    bytes_.append(bytes);
    return Status::OK();
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

std::string FixturePath() { return (FixturesDir() / "sample-articles.jsonl").string(); }

// The fixture's four lines, without their "\n".
std::vector<std::string> FixtureLines() {
  std::vector<std::string> lines;
  std::string text = ReadFile(FixturePath());
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    if (end > start) {
      lines.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return lines;
}

size_t CountParagraphs(const std::string& body) {
  size_t count = body.empty() ? 0 : 1;
  for (size_t at = body.find("\n\n"); at != std::string::npos; at = body.find("\n\n", at + 2)) {
    ++count;
  }
  return count;
}

class JsonPluginTest : public testing::BuiltinPluginTest {
 protected:
  JsonPluginTest() : BuiltinPluginTest("json") {}

  // Imports one file the way `morgue import` does: probed unless `format` is given.
  InputReport ImportFile(Archive& archive, const std::filesystem::path& file,
                         const std::string& format = "") {
    std::vector<InputReport> reports = ImportFiles(archive, {file}, format);
    return reports.empty() ? InputReport() : reports[0];
  }

  // Writes `content` to a file called `name` and imports it into the default archive.
  InputReport ImportText(const std::string& name, const std::string& content,
                         const std::string& format = "") {
    WriteFile(dir_ / name, content);
    return ImportFile(*archive_, dir_ / name, format);
  }

  // The failure message of importing `content`, or "" when it was imported.
  std::string ImportError(const std::string& name, const std::string& content,
                          const std::string& format = "") {
    InputReport report = ImportText(name, content, format);
    return report.status.ok() ? "" : report.status.message();
  }

  Status ExportTo(Archive& archive, const std::string& format, std::string* out,
                  const std::vector<std::string>& fields = {}) {
    Filter filter;
    filter.order = SortOrder::kIdAsc;
    auto cursor = archive.Select(filter);
    if (!cursor.ok()) {
      return cursor.status();
    }
    auto exporter = registry_.ExporterFor(format);
    if (!exporter.ok()) {
      return exporter.status();
    }
    ExportOptions options;
    options.format = format;
    options.fields = fields;
    StringSink sink;
    Status status = exporter->Export(**cursor, options, sink);
    *out = sink.bytes();
    return status;
  }

  std::string Export(Archive& archive, const std::string& format,
                     const std::vector<std::string>& fields = {}) {
    std::string out;
    Status status = ExportTo(archive, format, &out, fields);
    EXPECT_TRUE(status.ok()) << status.ToString();
    return out;
  }

  std::vector<Article> Articles(Archive& archive) {
    return ::morgue::testing::AllArticles(archive);
  }

  int64_t Count(Archive& archive) {
    auto count = archive.Count(Filter());
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }
};

// --- probing ------------------------------------------------------------------------

int JsonScore(const PluginRegistry& registry, const std::string& path, std::string_view head) {
  for (const ProbeScore& score : registry.ProbeAll(ProbeInput{path, head})) {
    if (score.plugin == "json") {
      return score.score;
    }
  }
  return -1;
}

TEST_F(JsonPluginTest, ProbeScoresByExtensionAndFirstCharacter) {
  EXPECT_EQ(JsonScore(registry_, "a.jsonl", "{\"title\": 1}"), 100);
  EXPECT_EQ(JsonScore(registry_, "a.NDJSON", "  \n{\"title\": 1}"), 100);
  EXPECT_EQ(JsonScore(registry_, "a.jsonl", "[{\"title\": 1}]"), 0);
  EXPECT_EQ(JsonScore(registry_, "a.json", "[{\"title\": 1}]"), 100);
  EXPECT_EQ(JsonScore(registry_, "a.json", "\xEF\xBB\xBF\n {\"title\": 1}"), 100);
  EXPECT_EQ(JsonScore(registry_, "a.json", "title: 1"), 0);
  EXPECT_EQ(JsonScore(registry_, "", "[{\"title\": 1}]"), 50);
  EXPECT_EQ(JsonScore(registry_, "articles", "{\"title\": 1}"), 50);
  EXPECT_EQ(JsonScore(registry_, "", "Seoul, Tokyo seek 1st military pact"), 0);
  EXPECT_EQ(JsonScore(registry_, "a.txt", "{\"title\": 1}"), 0);
}

// --- importing ----------------------------------------------------------------------

TEST_F(JsonPluginTest, ImportsTheFixture) {
  InputReport report = ImportFile(*archive_, FixturePath());
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.plugin, "json");
  EXPECT_EQ(report.imported, 4);

  std::vector<Article> articles = Articles(*archive_);
  ASSERT_EQ(articles.size(), 4u);
  const Article& seed = articles[0];
  EXPECT_EQ(seed.title, "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(seed.subtitle, "Defense chiefs to hold meeting in Seoul Jan. 10-11");
  ASSERT_EQ(seed.authors.size(), 1u);
  EXPECT_EQ(seed.authors[0].name, "Lee Tae-hoon");
  EXPECT_EQ(seed.authors[0].email, "leeth@koreatimes.co.kr");
  EXPECT_EQ(seed.authors[0].role, "author");
  EXPECT_EQ(seed.published, "2011-01-04");
  EXPECT_EQ(seed.source, "Korea Times");
  EXPECT_EQ(seed.language, "en");
  EXPECT_EQ(seed.tags, (std::vector<std::string>{"defense", "japan", "south korea"}));
  ASSERT_EQ(seed.media.size(), 1u);
  EXPECT_EQ(seed.media[0].credit, "Xinhua-Yonhap");
  EXPECT_EQ(seed.media[0].url, "");
  EXPECT_TRUE(seed.media[0].caption.starts_with("Japanese Prime Minister Naoto Kan"));
  EXPECT_EQ(CountParagraphs(seed.body), 14u);
  EXPECT_TRUE(seed.body.starts_with("South Korea is considering signing"));

  EXPECT_EQ(articles[3].title, "서울 첫 한파 특보 발령");
  EXPECT_EQ(articles[3].authors.at(0).name, "박지민");
  EXPECT_EQ(articles[3].language, "ko");
}

TEST_F(JsonPluginTest, AuthorsMayBePlainNames) {
  ASSERT_EQ(ImportError("a.json", R"({"title": "Talks", "authors": ["Hiroshi Tanaka", "Li Wei"]})"),
            "");
  std::vector<Article> articles = Articles(*archive_);
  ASSERT_EQ(articles.size(), 1u);
  ASSERT_EQ(articles[0].authors.size(), 2u);
  EXPECT_EQ(articles[0].authors[0], (Author{"Hiroshi Tanaka", "", "author"}));
  EXPECT_EQ(articles[0].authors[1], (Author{"Li Wei", "", "author"}));
}

TEST_F(JsonPluginTest, JsonArrayAndJsonLinesHoldTheSameArticles) {
  std::string array = "[\n";
  for (const std::string& line : FixtureLines()) {
    array += (array.size() > 2 ? ",\n" : "") + line;
  }
  array += "\n]\n";
  InputReport from_array = ImportText("articles.json", array);
  ASSERT_TRUE(from_array.status.ok()) << from_array.status.ToString();
  EXPECT_EQ(from_array.imported, 4);

  auto lines_archive = NewArchive("lines.db");
  InputReport from_lines = ImportFile(*lines_archive, FixturePath());
  ASSERT_TRUE(from_lines.status.ok()) << from_lines.status.ToString();

  EXPECT_EQ(Export(*archive_, "jsonl"), Export(*lines_archive, "jsonl"));
}

TEST_F(JsonPluginTest, AcceptsOneTopLevelObject) {
  InputReport report =
      ImportText("one.json", "{\n  \"title\": \"Alone\",\n  \"body\": \"Text.\"\n}\n");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 1);
  EXPECT_EQ(Articles(*archive_).at(0).title, "Alone");
}

TEST_F(JsonPluginTest, JsonLinesInAJsonFileAreReadLineByLine) {
  // Probing hands the plugin "json"; the content decides.
  std::string text = FixtureLines()[0] + "\n" + FixtureLines()[1] + "\n";
  InputReport report = ImportText("lines.json", text);
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 2);

  EXPECT_EQ(ImportError("bad-lines.json", text + "{\"title\": 3}\n"),
            "line 3: field 'title' must be a string, found number");
}

TEST_F(JsonPluginTest, SkipsAByteOrderMark) {
  const std::string bom = "\xEF\xBB\xBF";
  InputReport lines = ImportText("bom.jsonl", bom + FixtureLines()[1] + "\n");
  ASSERT_TRUE(lines.status.ok()) << lines.status.ToString();
  EXPECT_EQ(lines.plugin, "json");
  InputReport array = ImportText("bom.json", bom + "[" + FixtureLines()[2] + "]");
  ASSERT_TRUE(array.status.ok()) << array.status.ToString();
  EXPECT_EQ(Count(*archive_), 2);
}

TEST_F(JsonPluginTest, SkipsBlankLinesButCountsThem) {
  std::vector<std::string> lines = FixtureLines();
  InputReport report =
      ImportText("blank.jsonl", "\n" + lines[1] + "\r\n   \n\t\n" + lines[2] + "\r\n\n");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 2);

  EXPECT_EQ(ImportError("blank-bad.jsonl", "\n" + lines[0] + "\n\n{\"tags\": \"x\"}\n"),
            "line 4: field 'tags' must be an array, found string");
}

TEST_F(JsonPluginTest, MalformedJsonNamesLineAndColumn) {
  std::string message =
      ImportError("bad.jsonl", "{\"title\": \"fine\"}\n{\"title\": \"broken\", \"body\": tru}\n");
  // Column 32 is the '}' where "tru" turned out not to be a literal.
  EXPECT_TRUE(message.starts_with("line 2: malformed JSON at column 32: ")) << message;
  EXPECT_THAT(message, HasSubstr("invalid literal"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr("json.exception")));
  EXPECT_EQ(Count(*archive_), 0);
}

TEST_F(JsonPluginTest, MalformedJsonColumnsCountCharactersNotBytes) {
  // "서울" is 6 bytes but 2 characters: the comma that should follow "x" is at column 16.
  std::string message = ImportError("korean.jsonl", "{\"title\": \"서울\" x}\n");
  EXPECT_TRUE(message.starts_with("line 1: malformed JSON at column 16: ")) << message;
}

TEST_F(JsonPluginTest, NumberTooLargeNamesTheLine) {
  EXPECT_EQ(
      ImportError("huge.jsonl", "{\"title\": \"a\"}\n{\"title\": \"b\", \"word_count\": 1e999}\n"),
      "line 2: malformed JSON: number overflow parsing '1e999'");
}

TEST_F(JsonPluginTest, MalformedJsonArrayNamesTheLineInTheFile) {
  std::string message =
      ImportError("bad.json", "[\n  {\"title\": \"one\"},\n  {\"title\": \"two\",}\n]\n");
  EXPECT_TRUE(message.starts_with("line 3: malformed JSON at column 19: ")) << message;
  EXPECT_EQ(ImportError("unfinished.json", "[\n  {\"title\": \"one\"}\n"),
            "line 3: malformed JSON at column 1: unexpected end of input; expected ']'");
}

TEST_F(JsonPluginTest, WrongTypesNameTheFieldWhatWasExpectedAndFound) {
  std::vector<std::string> lines = FixtureLines();
  EXPECT_EQ(ImportError("type.jsonl",
                        lines[0] + "\n" + lines[1] + "\n{\"title\": \"x\", \"authors\": 7}\n"),
            "line 3: field 'authors' must be an array, found number");
  EXPECT_EQ(ImportError("type.json", "[{\"title\": \"a\"}, {\"title\": [\"b\"]}]"),
            "record 2: field 'title' must be a string, found array");
  EXPECT_EQ(ImportError("author.jsonl", "{\"title\": \"a\", \"authors\": [\"A\", 5]}"),
            "line 1: field 'authors' item 2 must be a string or an object, found number");
  EXPECT_EQ(ImportError("email.jsonl",
                        "{\"title\": \"a\", \"authors\": [{\"name\": \"A\", \"email\": true}]}"),
            "line 1: field 'authors' item 1: key 'email' must be a string, found boolean");
  EXPECT_EQ(ImportError("media.jsonl", "{\"title\": \"a\", \"media\": [\"x.jpg\"]}"),
            "line 1: field 'media' item 1 must be an object, found string");
  EXPECT_EQ(ImportError("record.jsonl", "{\"title\": \"a\"}\n[1, 2]\n"),
            "line 2: expected an article object, found array");
  EXPECT_EQ(ImportError("scalar.json", "\"just a string\"", "json"),
            "expected a JSON array of article objects or one article object, found string");
  EXPECT_EQ(Count(*archive_), 0);
}

TEST_F(JsonPluginTest, UnknownKeysAreErrorsListingTheValidOnes) {
  std::string message = ImportError("unknown.jsonl", "{\"title\": \"a\", \"autor\": \"Lee\"}");
  EXPECT_TRUE(
      message.starts_with("line 1: unknown field 'autor'; valid fields: id, title, "
                          "subtitle, authors, published, updated, source, url, "
                          "canonical_url, language, summary, tags, tag_origins, media, "
                          "word_count, provenance, body"))
      << message;
  EXPECT_EQ(ImportError("author-key.jsonl",
                        "{\"title\": \"a\", \"authors\": [{\"name\": \"A\", \"mail\": \"x\"}]}"),
            "line 1: field 'authors' item 1 has unknown key 'mail'; valid keys: name, email, role");
  EXPECT_EQ(Count(*archive_), 0);
}

TEST_F(JsonPluginTest, DerivedKeysAreAcceptedAndIgnored) {
  InputReport report = ImportText(
      "derived.jsonl",
      R"({"id": 999, "title": "Kept", "word_count": 12345, "body_hash": "abc", )"
      R"("added_at": "2020-01-01T00:00:00Z", "documents": [1, 2], "body": "One two three."})");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  Article article = Articles(*archive_).at(0);
  EXPECT_EQ(article.title, "Kept");
  EXPECT_NE(article.id, 999);
  EXPECT_EQ(article.word_count, 3);
}

TEST_F(JsonPluginTest, ArticleWithoutTitleOrBodyFailsNamingTheLine) {
  std::string message =
      ImportError("empty.jsonl", FixtureLines()[1] + "\n{\"subtitle\": \"only a deck\"}\n");
  EXPECT_TRUE(message.starts_with("line 2: ")) << message;
  EXPECT_THAT(message, HasSubstr("title"));
  EXPECT_EQ(Count(*archive_), 0);
}

TEST_F(JsonPluginTest, NullMeansEmpty) {
  InputReport report = ImportText(
      "nulls.jsonl",
      R"({"id": null, "title": "Nulls", "subtitle": null, "authors": [{"name": "A", )"
      R"("email": null, "role": null}], "published": null, "updated": null, "source": null, )"
      R"("url": null, "canonical_url": null, "language": null, "summary": null, "tags": null, )"
      R"("media": [{"url": null, "caption": "C", "credit": null}], "word_count": null, )"
      R"("provenance": null, "body": null})");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  Article article = Articles(*archive_).at(0);
  EXPECT_EQ(article.title, "Nulls");
  EXPECT_EQ(article.subtitle, "");
  EXPECT_EQ(article.body, "");
  EXPECT_EQ(article.published, "");
  EXPECT_EQ(article.authors, (std::vector<Author>{{"A", "", "author"}}));
  EXPECT_EQ(article.media, (std::vector<Media>{{"", "C", ""}}));
  EXPECT_TRUE(article.tags.empty());
  EXPECT_TRUE(article.provenance.empty());
}

TEST_F(JsonPluginTest, ABadRecordFailsTheWholeInput) {
  ASSERT_TRUE(ImportText("first.jsonl", FixtureLines()[0] + "\n").status.ok());
  std::vector<std::string> lines = FixtureLines();
  InputReport report = ImportText(
      "bad.jsonl", lines[1] + "\n" + lines[2] + "\n" + lines[3] + "\n{\"title\": false}\n");
  EXPECT_FALSE(report.status.ok());
  EXPECT_EQ(Count(*archive_), 1);  // none of the three good lines before it
}

TEST_F(JsonPluginTest, ExplicitJsonLinesFormatReadsAnyFileName) {
  InputReport report = ImportText("articles.txt", FixtureLines()[1] + "\n", "jsonl");
  ASSERT_TRUE(report.status.ok()) << report.status.ToString();
  EXPECT_EQ(report.imported, 1);
}

// --- exporting ----------------------------------------------------------------------

TEST_F(JsonPluginTest, ExportsJsonLinesWithEveryKeyInOrderAndEmptyAsNull) {
  ASSERT_EQ(ImportError("one.jsonl", FixtureLines()[1] + "\n"), "");
  std::string out = Export(*archive_, "jsonl");
  EXPECT_EQ(out,
            "{\"id\":1,\"title\":\"North Korea marks leader's birthday with fireworks\","
            "\"subtitle\":null,\"authors\":[{\"name\":\"Kim Soo-jin\",\"email\":null,"
            "\"role\":\"author\"}],\"published\":\"2011-01-08T20:15:00+09:00\",\"updated\":null,"
            "\"source\":\"Yonhap\",\"url\":\"https://en.yna.co.kr/view/AEN20110108000100315\","
            "\"canonical_url\":null,\"language\":\"en\",\"summary\":null,"
            "\"tags\":[\"north korea\"],\"tag_origins\":{\"north korea\":\"page\"},"
            "\"media\":[],\"word_count\":59,\"provenance\":{},"
            "\"body\":\"Pyongyang held a fireworks display on Saturday to mark the birthday of "
            "its leader's heir apparent, state media said.\\n\\nThe display drew tens of "
            "thousands of residents to the banks of the Taedong River, according to the Korean "
            "Central News Agency.\\n\\nAnalysts in Seoul said the event was a further sign of "
            "the succession being put on public view.\"}\n");
}

TEST_F(JsonPluginTest, ExportsAJsonArrayOfIndentedObjects) {
  ASSERT_EQ(ImportError("two.jsonl", FixtureLines()[1] + "\n" + FixtureLines()[2] + "\n"), "");
  std::string out = Export(*archive_, "json", {"id", "title", "tags"});
  EXPECT_EQ(out,
            "[\n"
            "{\n"
            "  \"id\": 1,\n"
            "  \"title\": \"North Korea marks leader's birthday with fireworks\",\n"
            "  \"tags\": [\n"
            "    \"north korea\"\n"
            "  ]\n"
            "},\n"
            "{\n"
            "  \"id\": 2,\n"
            "  \"title\": \"Japan, China agree to resume fisheries talks\",\n"
            "  \"tags\": [\n"
            "    \"china\",\n"
            "    \"fisheries\",\n"
            "    \"japan\"\n"
            "  ]\n"
            "}\n"
            "]\n");
}

TEST_F(JsonPluginTest, EmptyExport) {
  EXPECT_EQ(Export(*archive_, "json"), "[]\n");
  EXPECT_EQ(Export(*archive_, "jsonl"), "");
}

TEST_F(JsonPluginTest, FieldsPickKeysInTheGivenOrder) {
  ASSERT_EQ(ImportError("one.jsonl", FixtureLines()[3] + "\n"), "");
  EXPECT_EQ(Export(*archive_, "jsonl", {"title", "id", "source"}),
            "{\"title\":\"서울 첫 한파 특보 발령\",\"id\":1,\"source\":\"Hankyoreh\"}\n");
}

TEST_F(JsonPluginTest, UnknownFieldIsAnErrorListingTheValidOnes) {
  ASSERT_EQ(ImportError("one.jsonl", FixtureLines()[3] + "\n"), "");
  std::string out;
  Status status = ExportTo(*archive_, "jsonl", &out, {"title", "headline"});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(
      status.message(),
      "unknown field 'headline'; valid fields: id, title, subtitle, authors, published, "
      "updated, source, url, canonical_url, language, summary, tags, tag_origins, media, "
      "word_count, provenance, body, published_sort, cluster, cluster_size, similar, revision");
  EXPECT_EQ(out, "");
}

TEST_F(JsonPluginTest, KoreanTextIsWrittenAsUtf8AndReadBack) {
  ASSERT_EQ(ImportError("ko.jsonl", FixtureLines()[3] + "\n"), "");
  std::string out = Export(*archive_, "json");
  EXPECT_THAT(out, HasSubstr("\"title\": \"서울 첫 한파 특보 발령\""));
  EXPECT_THAT(out, HasSubstr("\"tags\": [\n    \"seoul\",\n    \"날씨\"\n  ]"));
  EXPECT_THAT(out, ::testing::Not(HasSubstr("\\u")));

  auto copy = NewArchive("copy.db");
  WriteFile(dir_ / "ko-export.json", out);
  ASSERT_TRUE(ImportFile(*copy, dir_ / "ko-export.json").status.ok());
  Article article = Articles(*copy).at(0);
  EXPECT_EQ(article.title, "서울 첫 한파 특보 발령");
  EXPECT_EQ(article.body, Articles(*archive_).at(0).body);
}

// Export, import into a fresh archive, export again: the same bytes.
TEST_F(JsonPluginTest, RoundTripIsByteIdentical) {
  ASSERT_TRUE(ImportFile(*archive_, FixturePath()).status.ok());
  for (const std::string format : {"jsonl", "json"}) {
    SCOPED_TRACE(format);
    std::string first = Export(*archive_, format);
    ASSERT_FALSE(first.empty());
    WriteFile(dir_ / ("export." + format), first);
    auto copy = NewArchive("copy-" + format + ".db");
    InputReport report = ImportFile(*copy, dir_ / ("export." + format));
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    EXPECT_EQ(report.imported, 4);
    EXPECT_EQ(Export(*copy, format), first);
  }
}

// Hard characters in every kind of string go through the real binary and back through
// an independent parser (Python's json module, strict about raw control characters), and
// through morgue's own importer.
TEST_F(JsonPluginTest, HardCharactersSurviveAnIndependentParserAndAReimport) {
  Article hard;
  hard.title = "A \"quoted\" title with \\ and \x01\x02 and tab\there";
  hard.subtitle = "é ü 서울 東京 😀 \x7f";
  hard.body = "First \"para\" \\n not a newline.\n\nSecond\x1f para\x0b with\x0c controls.";
  hard.summary = "</script> & 'single'";
  hard.authors = {{"O\"Brien \\ Jr", "o@example.com", "author"}, {"김민지", "", "poster"}};
  hard.tags = {"tab\ttag", "quote\"tag", "back\\tag"};
  hard.media = {{"https://example.com/1.jpg?a=1&b=2", "cap\ntion",
                 "\x01"
                 "credit"}};
  hard.provenance = {{"title", "rule \"x\""}};
  ASSERT_TRUE(archive_->Add(hard).ok());
  ASSERT_TRUE(archive_->Add(OddArticle(1)).ok());
  const std::vector<Article> stored = Articles(*archive_);
  ASSERT_EQ(stored.size(), 2u);
  ASSERT_NE(stored[0].body.find('\x1f'), std::string::npos);  // the case is still hard

  // Every string of an article, hex-encoded, one per line: the same from Python and C++.
  auto hex = [](const std::string& text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : text) {
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
    return out + "\n";
  };
  std::string expected;
  for (const Article& a : stored) {
    expected += std::to_string(a.id) + "\n";
    for (const std::string* text : {&a.title, &a.subtitle, &a.body, &a.summary, &a.url}) {
      expected += hex(*text);
    }
    for (const Author& au : a.authors) expected += hex(au.name) + hex(au.email) + hex(au.role);
    for (const std::string& tag : a.tags) expected += hex(tag);
    for (const Media& m : a.media) expected += hex(m.url) + hex(m.caption) + hex(m.credit);
    for (const auto& [field, rule] : a.provenance) expected += hex(field) + hex(rule);
  }
  const char* kReader = R"py(
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
records = json.loads(text) if sys.argv[2] == "json" else [json.loads(l) for l in text.splitlines()]
h = lambda s: (s or "").encode("utf-8").hex()
for r in records:
    print(r["id"])
    for k in ("title", "subtitle", "body", "summary", "url"):
        print(h(r[k]))
    for a in r["authors"]:
        print(h(a["name"])); print(h(a["email"])); print(h(a["role"]))
    for t in r["tags"]:
        print(h(t))
    for m in r["media"]:
        print(h(m["url"])); print(h(m["caption"])); print(h(m["credit"]))
    for k, v in sorted(r["provenance"].items()):
        print(h(k)); print(h(v))
)py";
  for (const std::string format : {"jsonl", "json"}) {
    SCOPED_TRACE(format);
    const std::string file = (dir_ / ("hard." + format)).string();
    testing::CommandResult exported = RunMorgue({"--archive", (dir_ / "a.db").string(), "export",
                                                 "--format", format, "--force", "-o", file});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    EXPECT_EQ(ReadFile(file), Export(*archive_, format));
    testing::CommandResult parsed =
        RunCommand({"/usr/bin/env", "python3", "-c", kReader, file, format});
    ASSERT_EQ(parsed.exit_code, 0) << parsed.err;
    EXPECT_EQ(parsed.out, expected);

    auto copy = NewArchive("copy-" + format + ".db");
    InputReport report = ImportFile(*copy, file);
    ASSERT_TRUE(report.status.ok()) << report.status.ToString();
    std::vector<Article> again = Articles(*copy);
    ASSERT_EQ(again.size(), stored.size());
    for (size_t i = 0; i < again.size(); ++i) {
      Article expected_article = stored[i];
      expected_article.added_at = again[i].added_at;
      EXPECT_EQ(again[i], expected_article);
    }
  }
}

// --- through the morgue binary ------------------------------------------------------

class JsonCliTest : public ::testing::Test {
 protected:
  testing::CommandResult Morgue(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args, input);
  }

  TempDir dir_;
};

TEST_F(JsonCliTest, ImportReportsFileAndPluginAndStoresNothingOnError) {
  auto ok = Morgue({"import", "--create", FixturePath()});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;

  std::string bad_path = (dir_ / "bad.jsonl").string();
  WriteFile(bad_path,
            FixtureLines()[0] + "\n{\"title\": \"x\"}\n{\"title\": \"y\", \"authors\": 1}\n");
  auto bad = Morgue({"import", "--create", "--format", "jsonl", bad_path});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr(bad_path +
                                 ": json: line 3: field 'authors' must be an array, found number"));

  auto list = Morgue({"list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("Seoul, Tokyo seek 1st military pact"));
  EXPECT_THAT(list.out, ::testing::Not(HasSubstr("\"x\"")));
}

TEST_F(JsonCliTest, ImportsFromStandardInput) {
  auto run = Morgue({"import", "--create", "-"}, FixtureLines()[3] + "\n");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  auto show = Morgue({"show", "1", "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("서울 첫 한파 특보 발령"));
}

TEST_F(JsonCliTest, ExportRoundTripAndFields) {
  ASSERT_EQ(Morgue({"import", "--create", FixturePath()}).exit_code, 0);
  for (const std::string format : {"jsonl", "json"}) {
    SCOPED_TRACE(format);
    std::string file = (dir_ / ("out." + format)).string();
    auto exported = Morgue({"export", "--format", format, "--order", "id", "-o", file});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    std::string copy_db = (dir_ / ("copy-" + format + ".db")).string();
    auto imported = RunMorgue({"--archive", copy_db, "import", "--create", file});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    auto again = RunMorgue({"--archive", copy_db, "export", "--format", format, "--order", "id"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(again.out, ReadFile(file));
  }

  auto fields =
      Morgue({"export", "--format", "jsonl", "--fields", "id,published", "--order", "id"});
  ASSERT_EQ(fields.exit_code, 0) << fields.err;
  EXPECT_EQ(fields.out,
            "{\"id\":1,\"published\":\"2011-01-04\"}\n"
            "{\"id\":2,\"published\":\"2011-01-08T20:15:00+09:00\"}\n"
            "{\"id\":3,\"published\":\"2011-01-12\"}\n"
            "{\"id\":4,\"published\":\"2011-01-15\"}\n");

  auto unknown = Morgue({"export", "--format", "json", "--fields", "id,nope"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_THAT(unknown.err, HasSubstr("unknown field 'nope'; valid fields: id, title"));
  EXPECT_EQ(unknown.out, "");
}

}  // namespace
}  // namespace morgue
