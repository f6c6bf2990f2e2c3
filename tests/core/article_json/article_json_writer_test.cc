// The byte-exact JSON writer of morgue_article_json (core/article_json/), checked against
// nlohmann's serializer: strings byte for byte, and whole articles against the dump of
// what the mapping builds (ArticleToJson).

#include "core/article_json/article_json_writer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/article_json/article_json.h"
#include "morgue/article.h"
#include "morgue/article_cursor.h"
#include "support/odd_article.h"

namespace morgue::article_json {
namespace {

// What the exporter wrote before it had its own writer, and still must write.
std::string NlohmannString(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string Written(std::string_view text) {
  std::string out;
  AppendJsonString(text, &out);
  return out;
}

TEST(JsonWriterTest, EscapesPerRfc8259AndKeepsUtf8) {
  EXPECT_EQ(Written(""), "\"\"");
  EXPECT_EQ(Written("plain / text"), "\"plain / text\"");
  EXPECT_EQ(Written("\"q\" \\b\\"), "\"\\\"q\\\" \\\\b\\\\\"");
  EXPECT_EQ(Written("\b\t\n\f\r"), "\"\\b\\t\\n\\f\\r\"");
  EXPECT_EQ(Written(std::string("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Written("é 서울 😀"), "\"é 서울 😀\"");
}

TEST(JsonWriterTest, InvalidUtf8BecomesOneReplacementPerMaximalBadSequence) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(Written("a\x80z"), "\"a" + fffd + "z\"");
  EXPECT_EQ(Written("\xC0\xAF"), "\"" + fffd + fffd + "\"");             // overlong
  EXPECT_EQ(Written("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // a surrogate
  EXPECT_EQ(Written("\xE2\x82z"), "\"" + fffd + "z\"");                  // cut short
  EXPECT_EQ(Written("end\xF0\x9F\x98"), "\"end" + fffd + "\"");          // cut by the end
  EXPECT_EQ(Written("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");
}

// Byte for byte what nlohmann writes, on named cases and on random bytes weighted toward
// the ones that matter (controls, quotes, UTF-8 leads and continuations).
TEST(JsonWriterTest, WritesStringsExactlyAsNlohmannDoes) {
  std::vector<std::string> cases = {"",
                                    "a",
                                    "\"",
                                    "\\",
                                    "/",
                                    std::string(1, '\0'),
                                    "\x7f",
                                    "\xC2\xA0",
                                    "\xDF\xBF",
                                    "\xE0\xA0\x80",
                                    "\xE0\x9F\x80",
                                    "\xEF\xBF\xBF",
                                    "\xED\x9F\xBF",
                                    "\xF0\x90\x80\x80",
                                    "\xF0\x8F\xBF\xBF",
                                    "\xF4\x8F\xBF\xBF",
                                    "\xF5\x80\x80\x80",
                                    "\xFF",
                                    "\xFE\xFE",
                                    "\xC3",
                                    "\xC3(",
                                    "\xE2\x28\xA1",
                                    "\xF0\x28\x8C\x28",
                                    "a\xF0\x9F\x98\x80"
                                    "b"};
  std::mt19937 random(20240611);
  const unsigned char kBytes[] = {'a',  ' ',  '"',  '\\', '\n', 0x00, 0x01, 0x1f, 0x7f,
                                  0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
                                  0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
  // Short strings, and long ones of mostly plain bytes, which are read 8 at a time.
  for (int i = 0; i < 20000; ++i) {
    std::string text(random() % (i % 2 == 0 ? 12 : 48), ' ');
    for (char& c : text) {
      c = static_cast<char>(i % 2 == 1 && random() % 4 != 0 ? 'a' + random() % 26
                                                            : kBytes[random() % sizeof kBytes]);
    }
    cases.push_back(text);
  }
  for (const std::string& text : cases) {
    ASSERT_EQ(Written(text), NlohmannString(text)) << ::testing::PrintToString(text);
  }
}

// Whole articles, on one line and indented, with every key or some (one asked twice).
TEST(JsonWriterTest, WritesArticlesExactlyAsArticleToJsonDumps) {
  const std::vector<std::vector<std::string>> key_sets = {
      {},
      {"id"},
      {"body", "id", "title"},
      {"tags", "media", "provenance", "authors"},
      {"similar", "cluster_size", "cluster"},
      {"title", "id", "title"}};
  for (int i = 0; i < 6; ++i) {
    const Article article = testing::OddArticle(i);
    for (const auto& keys : key_sets) {
      for (int indent : {-1, 2}) {
        SCOPED_TRACE("article " + std::to_string(i) + " indent " + std::to_string(indent) +
                     " keys " + ::testing::PrintToString(keys));
        std::string out = "before";
        ArticleJsonWriter(keys, indent).Append(article, &out);
        EXPECT_EQ(out, "before" + ArticleToJson(article, keys)
                                      .dump(indent, ' ', false, Json::error_handler_t::replace));
      }
    }
  }
}

TEST(JsonWriterTest, AsksForThePartsItsKeysNeed) {
  // The default keys are every part but the story cluster, which only asked-for keys read.
  ArticleParts all_but_story;
  all_but_story.story = false;
  EXPECT_EQ(ArticleJsonWriter({}, -1).parts(), all_but_story);
  ArticleParts story = ArticleParts::None();
  story.story = true;
  EXPECT_EQ(ArticleJsonWriter({"id", "similar"}, -1).parts(), story);
  EXPECT_EQ(ArticleJsonWriter({"id", "title", "body"}, -1).parts(), ArticleParts::None());
  ArticleParts parts = ArticleParts::None();
  parts.tags = true;
  parts.provenance = true;
  EXPECT_EQ(ArticleJsonWriter({"provenance", "title", "tags"}, 2).parts(), parts);
}

}  // namespace
}  // namespace morgue::article_json
