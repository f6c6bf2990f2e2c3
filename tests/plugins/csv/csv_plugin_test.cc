// The csv plugin through the real `morgue` binary: archives built by importing JSON Lines
// written here, exported as CSV or TSV, and read back by an independent reader (Python's
// csv module), whose rows are compared with the archive's own JSON export.

#include "plugins/csv/csv_plugin.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::CommandResult;
using ::morgue::testing::ReadFile;
using ::morgue::testing::RunCommand;
using ::morgue::testing::RunMorgue;
using ::morgue::testing::TempDir;
using ::morgue::testing::WriteFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;
using Rows = std::vector<std::vector<std::string>>;

const std::vector<std::string> kDefaultHeader = {
    "id",  "title",         "subtitle", "authors", "published",  "updated", "source",
    "url", "canonical_url", "language", "tags",    "word_count", "summary", "body"};

// Reads a CSV file with Python's csv module (strict: a malformed file is an error) and
// prints its rows as a JSON array of arrays; with "count", prints only how many rows.
constexpr char kReader[] = R"py(
import csv, json, sys
path, delimiter, encoding, mode = sys.argv[1:5]
with open(path, newline='', encoding=encoding) as f:
    rows = list(csv.reader(f, delimiter=delimiter, strict=True))
print(len(rows) if mode == 'count' else json.dumps(rows))
)py";

// The articles every test starts from: commas, quotes, line breaks, Korean and Japanese
// text, empty fields and cells a spreadsheet would run as formulas.
std::string FixtureJsonl() {
  const std::vector<Json> articles = {
      {{"title", "Seoul, Tokyo \"agree\" on pact"},
       {"subtitle", "line one\nline two"},
       {"authors", {{{"name", "Kim, Min-ji"}, {"email", "kim@example.com"}}, "O;Brien \\ Jr"}},
       {"published", "2011-01-04"},
       {"source", "Korea Times"},
       {"url", "https://example.com/a?x=1,2"},
       {"language", "en"},
       {"tags", {"politics", "east asia", "a;b"}},
       {"media",
        {{{"url", "https://example.com/1.jpg"},
          {"caption", "Leaders meet, smiling"},
          {"credit", "Xinhua-Yonhap"}}}},
       {"body", "First paragraph, with a comma.\n\nSecond \"quoted\" paragraph."}},
      {{"title", "서울 첫 한파 특보 발령"},
       {"authors", {"김민지", {{"name", "blog_kr"}, {"role", "poster"}}}},
       {"published", "2011-01-08T20:15:00+09:00"},
       {"source", "연합뉴스"},
       {"language", "ko"},
       {"tags", {"날씨", "politics"}},
       {"body", "서울에 올겨울 첫 한파 특보가 내려졌다.\n\n기온은 영하 10도."}},
      {{"title", "東京、初雪を観測"},
       {"published", "2012-02-01"},
       {"language", "ja"},
       {"summary", "「東京」で初雪"},
       {"body", "東京で初雪を観測した。\n\n平年より遅い。"}},
      {{"title", "=SUM(A1)"},
       {"subtitle", "+1"},
       {"summary", "-2"},
       {"source", "@x"},
       {"published", "2012-05-01"},
       {"tags", {"=cmd"}},
       {"body", "\tleading tab, then text"}},
      {{"title", "Only a title"}},
  };
  std::string jsonl;
  for (const Json& article : articles) jsonl += article.dump() + "\n";
  return jsonl;
}

// Undoes the csv plugin's joining of several values: "; " separates, "\;" and "\\" are
// a literal ';' and '\'.
std::vector<std::string> SplitValues(const std::string& cell) {
  std::vector<std::string> values;
  if (cell.empty()) return values;
  std::string value;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size()) {
      value += cell[++i];
    } else if (cell[i] == ';' && i + 1 < cell.size() && cell[i + 1] == ' ') {
      values.push_back(value);
      value.clear();
      ++i;
    } else {
      value += cell[i];
    }
  }
  values.push_back(value);
  return values;
}

std::string Guarded(const std::string& value) {
  if (!value.empty() && std::string("=+-@\t\r").find(value.front()) != std::string::npos) {
    return "'" + value;
  }
  return value;
}

std::string Text(const Json& value) { return value.is_string() ? value.get<std::string>() : ""; }

class CsvCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_ / "fixture.jsonl", FixtureJsonl());
    CommandResult imported = Morgue({"import", "--create", (dir_ / "fixture.jsonl").string()});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    CommandResult json = Morgue({"export", "--format", "jsonl"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    for (size_t start = 0; start < json.out.size();) {
      const size_t end = json.out.find('\n', start);
      articles_.push_back(Json::parse(json.out.substr(start, end - start)));
      start = end + 1;
    }
    ASSERT_EQ(articles_.size(), 5u);
  }

  CommandResult Morgue(std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", (dir_ / "a.db").string()});
    return RunMorgue(args);
  }

  // Exports to a new file with `args` added and returns the file's path.
  std::filesystem::path Export(const std::vector<std::string>& args) {
    std::filesystem::path file = dir_ / ("out" + std::to_string(++exports_) + ".csv");
    std::vector<std::string> all = {"export", "-o", file.string()};
    all.insert(all.end(), args.begin(), args.end());
    CommandResult run = Morgue(all);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return file;
  }

  Rows Read(const std::filesystem::path& file, const std::string& delimiter = ",",
            const std::string& encoding = "utf-8") {
    CommandResult run = RunCommand(
        {"/usr/bin/env", "python3", "-c", kReader, file.string(), delimiter, encoding, "rows"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    if (run.exit_code != 0) return {};
    return Json::parse(run.out).get<Rows>();
  }

  // Checks the default columns of every row against the archive's JSON export.
  void ExpectDefaultRows(const Rows& rows, bool guarded) {
    ASSERT_EQ(rows.size(), articles_.size() + 1);
    EXPECT_EQ(rows[0], kDefaultHeader);
    auto g = [guarded](const std::string& value) { return guarded ? Guarded(value) : value; };
    for (size_t i = 0; i < articles_.size(); ++i) {
      SCOPED_TRACE("article " + std::to_string(i + 1));
      const Json& a = articles_[i];
      const std::vector<std::string>& row = rows[i + 1];
      ASSERT_EQ(row.size(), kDefaultHeader.size());
      EXPECT_EQ(row[0], std::to_string(a["id"].get<int64_t>()));
      for (size_t column : {1, 2, 4, 5, 6, 7, 8, 9, 12, 13}) {
        EXPECT_EQ(row[column], g(Text(a[kDefaultHeader[column]]))) << kDefaultHeader[column];
      }
      std::vector<std::string> authors;
      for (const Json& author : a["authors"]) {
        if (Text(author["role"]) != "poster") authors.push_back(Text(author["name"]));
      }
      EXPECT_EQ(SplitValues(row[3]), authors);
      std::vector<std::string> tags = a["tags"].get<std::vector<std::string>>();
      std::string tags_cell = row[10];
      if (guarded && !tags.empty() && Guarded(tags[0]) != tags[0]) {
        ASSERT_EQ(tags_cell.front(), '\'');
        tags_cell.erase(0, 1);
      }
      EXPECT_EQ(SplitValues(tags_cell), tags);
      EXPECT_EQ(row[11], std::to_string(a["word_count"].get<int64_t>()));
    }
  }

  TempDir dir_;
  std::vector<Json> articles_;
  int exports_ = 0;
};

TEST_F(CsvCliTest, DefaultColumnsRoundTripThroughPythonsCsvModule) {
  const std::filesystem::path file = Export({"--format", "csv"});
  const Rows rows = Read(file);
  ExpectDefaultRows(rows, /*guarded=*/true);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[1][1], "Seoul, Tokyo \"agree\" on pact");
  EXPECT_EQ(rows[1][2], "line one line two");  // the archive folds a deck onto one line
  EXPECT_EQ(rows[1][3], "Kim, Min-ji; O\\;Brien \\\\ Jr");
  EXPECT_EQ(rows[1][10], "a\\;b; east asia; politics");  // the archive sorts tags
  EXPECT_EQ(rows[2][1], "서울 첫 한파 특보 발령");
  EXPECT_EQ(rows[2][3], "김민지");
  EXPECT_EQ(rows[2][6], "Yonhap");  // the archive names a known publication
  EXPECT_EQ(rows[3][1], "東京、初雪を観測");
  EXPECT_EQ(rows[3][12], "「東京」で初雪");
  // The formula guard.
  EXPECT_EQ(rows[4][1], "'=SUM(A1)");
  EXPECT_EQ(rows[4][2], "'+1");
  EXPECT_EQ(rows[4][12], "'-2");
  EXPECT_EQ(rows[4][6], "'@x");
  EXPECT_EQ(rows[4][10], "'=cmd");
  EXPECT_EQ(rows[4][13].substr(0, 2), "'\t");
  // Empty fields stay empty.
  EXPECT_EQ(rows[5][2], "");
  EXPECT_EQ(rows[5][3], "");
  EXPECT_EQ(rows[5][10], "");
}

TEST_F(CsvCliTest, RecordsEndWithCrlfAndQuotingFollowsRfc4180) {
  const std::string out = ReadFile(Export({"--format", "csv"}));
  const std::string header =
      "id,title,subtitle,authors,published,updated,source,url,canonical_url,language,tags,"
      "word_count,summary,body\r\n";
  ASSERT_EQ(out.substr(0, header.size()), header);
  EXPECT_EQ(out.substr(out.size() - 2), "\r\n");
  EXPECT_THAT(out, HasSubstr("\r\n1,\"Seoul, Tokyo \"\"agree\"\" on pact\",line one line two,"));
  EXPECT_THAT(
      out,
      HasSubstr(",\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" paragraph.\"\r\n"));
  EXPECT_THAT(out, HasSubstr(",'=SUM(A1),'+1,"));
  EXPECT_THAT(out, HasSubstr("\r\n5,Only a title,,,,,,,,,,0,,\r\n"));
  EXPECT_EQ(out.find("\xEF\xBB\xBF"), std::string::npos);
}

TEST_F(CsvCliTest, AllowFormulasWritesExactValues) {
  const Rows rows = Read(Export({"--format", "csv", "--allow-formulas"}));
  ExpectDefaultRows(rows, /*guarded=*/false);
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[4][1], "=SUM(A1)");
  EXPECT_EQ(rows[4][2], "+1");
  EXPECT_EQ(rows[4][12], "-2");
  EXPECT_EQ(rows[4][6], "@x");
  EXPECT_EQ(rows[4][13].substr(0, 1), "\t");
}

TEST_F(CsvCliTest, BomStartsTheFileOnlyWhenAsked) {
  const std::filesystem::path file = Export({"--format", "csv", "--bom"});
  const std::string out = ReadFile(file);
  ASSERT_GE(out.size(), 6u);
  EXPECT_EQ(out.substr(0, 6), "\xEF\xBB\xBFid,");
  ExpectDefaultRows(Read(file, ",", "utf-8-sig"), /*guarded=*/true);
}

TEST_F(CsvCliTest, TsvAndOtherDelimiters) {
  const std::filesystem::path tsv = Export({"--format", "tsv"});
  EXPECT_EQ(ReadFile(tsv).substr(0, 9), "id\ttitle\t");
  ExpectDefaultRows(Read(tsv, "\t"), /*guarded=*/true);

  const std::filesystem::path semicolon = Export({"--format", "csv", "--delimiter", ";"});
  EXPECT_EQ(ReadFile(semicolon).substr(0, 9), "id;title;");
  ExpectDefaultRows(Read(semicolon, ";"), /*guarded=*/true);

  const std::filesystem::path tab = Export({"--format", "csv", "--delimiter", "\\t"});
  EXPECT_EQ(ReadFile(tab), ReadFile(tsv));
}

TEST_F(CsvCliTest, FieldsChooseAndOrderColumns) {
  const Rows rows = Read(Export(
      {"--format", "csv", "--fields", "body,id,author_emails,media_captions,media_credits,title"}));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows[0], ElementsAre("body", "id", "author_emails", "media_captions", "media_credits",
                                   "title"));
  EXPECT_THAT(rows[1], ElementsAre(Text(articles_[0]["body"]), "1", "kim@example.com; ",
                                   "Leaders meet, smiling", "Xinhua-Yonhap",
                                   "Seoul, Tokyo \"agree\" on pact"));
  EXPECT_THAT(rows[2],
              ElementsAre(Text(articles_[1]["body"]), "2", "", "", "", "서울 첫 한파 특보 발령"));
}

TEST_F(CsvCliTest, PostersAndMediaUrlsOnlyWhenAsked) {
  const Rows rows = Read(Export({"--format", "csv", "--fields", "id,authors,posters,media_urls"}));
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_THAT(rows[1],
              ElementsAre("1", "Kim, Min-ji; O\\;Brien \\\\ Jr", "", "https://example.com/1.jpg"));
  EXPECT_THAT(rows[2], ElementsAre("2", "김민지", "blog_kr", ""));
}

// The exporter reads only the tables its columns need: every column exported alone (with
// id) holds what it holds in an export of all columns.
TEST_F(CsvCliTest, EachColumnAloneHasTheValuesOfTheFullExport) {
  const std::vector<std::string> all = {
      "id",           "title", "subtitle",      "authors",  "published",  "updated",
      "source",       "url",   "canonical_url", "language", "tags",       "word_count",
      "summary",      "body",  "author_emails", "posters",  "media_urls", "media_captions",
      "media_credits"};
  std::string joined;
  for (const std::string& name : all) joined += (joined.empty() ? "" : ",") + name;
  const Rows full = Read(Export({"--format", "csv", "--fields", joined}));
  ASSERT_EQ(full.size(), 6u);
  ASSERT_EQ(full[0], all);
  for (size_t column = 1; column < all.size(); ++column) {
    SCOPED_TRACE(all[column]);
    const Rows alone = Read(Export({"--format", "csv", "--fields", all[column] + ",id"}));
    ASSERT_EQ(alone.size(), full.size());
    for (size_t row = 1; row < full.size(); ++row) {
      EXPECT_THAT(alone[row], ElementsAre(full[row][column], full[row][0]));
    }
  }
}

TEST_F(CsvCliTest, UnknownFieldIsAUsageErrorAndWritesNothing) {
  const std::filesystem::path file = dir_ / "never.csv";
  CommandResult run =
      Morgue({"export", "--format", "csv", "--fields", "id,nope", "-o", file.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("unknown field 'nope'; valid fields: id, title, subtitle,"));
  EXPECT_THAT(run.err, HasSubstr("media_credits"));
  EXPECT_FALSE(std::filesystem::exists(file));

  CommandResult stdout_run = Morgue({"export", "--format", "csv", "--fields", "nope"});
  EXPECT_EQ(stdout_run.exit_code, 2);
  EXPECT_EQ(stdout_run.out, "");
}

TEST_F(CsvCliTest, CsvOptionsNeedACsvFormatAndOneCharacter) {
  for (const std::string option : {"--bom", "--allow-formulas"}) {
    CommandResult run = Morgue({"export", "--format", "jsonl", option});
    EXPECT_EQ(run.exit_code, 2) << option;
    EXPECT_THAT(run.err, HasSubstr("only apply to --format csv or tsv"));
    EXPECT_EQ(run.out, "");
  }
  CommandResult json = Morgue({"export", "--format", "json", "--delimiter", ";"});
  EXPECT_EQ(json.exit_code, 2);
  CommandResult wide = Morgue({"export", "--format", "csv", "--delimiter", ";;"});
  EXPECT_EQ(wide.exit_code, 2);
  EXPECT_THAT(wide.err, HasSubstr("--delimiter takes one character"));
  CommandResult quote = Morgue({"export", "--format", "csv", "--delimiter", "\""});
  EXPECT_EQ(quote.exit_code, 2);
  EXPECT_THAT(quote.err, HasSubstr("the delimiter must be one ASCII character"));
  EXPECT_EQ(quote.out, "");
}

TEST_F(CsvCliTest, FiltersSelectTheRows) {
  const Rows tagged =
      Read(Export({"--format", "csv", "--fields", "id,title", "--tag", "politics"}));
  EXPECT_THAT(tagged, ElementsAre(ElementsAre("id", "title"),
                                  ElementsAre("1", "Seoul, Tokyo \"agree\" on pact"),
                                  ElementsAre("2", "서울 첫 한파 특보 발령")));
  const Rows since = Read(Export({"--format", "csv", "--fields", "id", "--since", "2012-01-01"}));
  EXPECT_THAT(since, ElementsAre(ElementsAre("id"), ElementsAre("3"), ElementsAre("4")));
}

TEST(CsvLargeExportTest, FiveThousandArticlesGiveFiveThousandAndOneRecords) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 5000; ++i) {
    jsonl += Json{{"title", "Article " + std::to_string(i) + ", \"quoted\""},
                  {"body", "Body " + std::to_string(i) + "\nline two, 한국어 日本語"}}
                 .dump() +
             "\n";
  }
  WriteFile(dir / "many.jsonl", jsonl);
  const std::string db = (dir / "a.db").string();
  CommandResult imported =
      RunMorgue({"--archive", db, "import", "--create", (dir / "many.jsonl").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const std::string file = (dir / "many.csv").string();
  CommandResult exported = RunMorgue({"--archive", db, "export", "--format", "csv", "-o", file});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  CommandResult count =
      RunCommand({"/usr/bin/env", "python3", "-c", kReader, file, ",", "utf-8", "count"});
  ASSERT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(count.out, "5001\n");
}

// The cell rules, without a process in between.
TEST(CsvCellTest, QuotesGuardsAndJoins) {
  using csv_plugin::Cell;
  EXPECT_EQ(Cell("plain", ',', true), "plain");
  EXPECT_EQ(Cell("", ',', true), "");
  EXPECT_EQ(Cell("a,b", ',', true), "\"a,b\"");
  EXPECT_EQ(Cell("a,b", '\t', true), "a,b");
  EXPECT_EQ(Cell("a\tb", '\t', true), "\"a\tb\"");
  EXPECT_EQ(Cell("say \"hi\"", ',', true), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(Cell("a\r\nb", ',', true), "\"a\r\nb\"");
  EXPECT_EQ(Cell(" x", ',', true), "\" x\"");
  EXPECT_EQ(Cell("=1+1", ',', true), "'=1+1");
  EXPECT_EQ(Cell("=1+1", ',', false), "=1+1");
  // Guarded and quoted at once: the ' goes inside the quotes.
  EXPECT_EQ(Cell("=a,b", ',', true), "\"'=a,b\"");
  EXPECT_EQ(Cell("=x ", ',', true), "\"'=x \"");
  EXPECT_EQ(Cell("\"\"", ',', true), "\"\"\"\"\"\"");
  EXPECT_EQ(Cell("-2", ',', true), "'-2");
  EXPECT_EQ(Cell("\rx", ',', true), "\"'\rx\"");
  EXPECT_EQ(csv_plugin::JoinValues({"a;b", "c\\d", ""}), "a\\;b; c\\\\d; ");
  EXPECT_EQ(SplitValues(csv_plugin::JoinValues({"a;b", "c\\d", "e"})),
            (std::vector<std::string>{"a;b", "c\\d", "e"}));
}

TEST(CsvOptionsTest, ParametersAreReadAndUnknownOnesRefused) {
  csv_plugin::CsvOptions csv;
  ExportOptions options;
  options.format = "csv";
  options.parameters = {{"bom", "true"}, {"delimiter", ";"}, {"formulas", "true"}};
  ASSERT_TRUE(csv_plugin::ParseOptions(options, &csv).ok());
  EXPECT_TRUE(csv.bom);
  EXPECT_EQ(csv.delimiter, ';');
  EXPECT_FALSE(csv.formula_guard);
  EXPECT_EQ(csv.columns.front(), "id");  // the default columns
  options.parameters = {{"colour", "red"}};
  Status refused = csv_plugin::ParseOptions(options, &csv);
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.message(),
            "unknown csv option 'colour'; valid options: bom, delimiter, formulas");
}

}  // namespace
}  // namespace morgue
