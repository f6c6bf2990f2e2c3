// CleanTags (morgue/text.h): what pages give as tags, one row per form, and what is kept.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/text.h"

namespace morgue {
namespace {

struct TagCase {
  const char* what;
  std::vector<std::string> given;
  std::vector<std::string> kept;
};

class CleanTagsTest : public ::testing::TestWithParam<TagCase> {};

TEST_P(CleanTagsTest, KeepsLabelsAndDropsMachineTokens) {
  EXPECT_EQ(CleanTags(GetParam().given), GetParam().kept) << GetParam().what;
}

const TagCase kCases[] = {
    // Lists written as one text are split.
    {"keywords meta, commas",
     {"Politics, North Korea, Trade"},
     {"Politics", "North Korea", "Trade"}},
    {"commas without spaces", {"Oceans,New Zealand,Whales"}, {"Oceans", "New Zealand", "Whales"}},
    {"semicolons", {"Wirtschaft; Börse; Frankfurt"}, {"Wirtschaft", "Börse", "Frankfurt"}},
    {"full-width commas", {"经济，股市，上海"}, {"经济", "股市", "上海"}},
    {"ideographic commas", {"政治、選挙、東京"}, {"政治", "選挙", "東京"}},
    {"Chinese keywords separated by spaces",
     {"宇航员 太空 国际空间站"},
     {"宇航员", "太空", "国际空间站"}},
    {"Korean phrase keeps its space", {"북한 핵실험"}, {"북한 핵실험"}},
    // Items of a longer list stay whole: a comma there is part of the name.
    {"inverted names in a list",
     {"Mayer, Marissa", "Mergers, Acquisitions and Divestitures"},
     {"Mayer, Marissa", "Mergers, Acquisitions and Divestitures"}},
    {"a list item written as a list",
     {"Sport", "Fußball,Bundesliga"},
     {"Sport", "Fußball", "Bundesliga"}},
    // Character references.
    {"encoded ampersand", {"Privacy &amp; Technology"}, {"Privacy & Technology"}},
    {"double-encoded apostrophe", {"editor&amp;#39;s picks, money"}, {"editor's picks", "money"}},
    {"numeric hex reference", {"caf&#xE9; culture"}, {"café culture"}},
    {"lone ampersand", {"AT&T"}, {"AT&T"}},
    // Marks around a keyword.
    {"hashtag", {"#Brexit"}, {"Brexit"}},
    {"curly quote left over", {"Android", "‘Google Play"}, {"Android", "Google Play"}},
    {"guillemets", {"«Présidentielle»"}, {"Présidentielle"}},
    {"quotes around the tag", {"'Brexit'", "\"Wahlkampf\""}, {"Brexit", "Wahlkampf"}},
    {"an apostrophe is no quote", {"'90s", "Rock 'n' roll"}, {"'90s", "Rock 'n' roll"}},
    {"a semicolon inside an item of a list", {"a;b", "east asia"}, {"a;b", "east asia"}},
    {"single letters joined by an underscore", {"a_b"}, {"a_b"}},
    // Machine tokens.
    {"key:value flags",
     {"Elevated:false", "LayerCake:0", "Lite:true", "LockedPostSource:LOCKED_POST_SOURCE_NONE",
      "Publication:voodoo-engineering"},
     {}},
    {"key=value", {"section=news", "Economy"}, {"Economy"}},
    {"tag key gives its value",
     {"Tag:Nodejs", "Tag:Performance", "Lite:true"},
     {"Nodejs", "Performance"}},
    {"constant and snake case", {"POST_TYPE_ARTICLE", "news_article", "Climate"}, {"Climate"}},
    {"flags", {"true", "null", "Weather"}, {"Weather"}},
    {"numbers", {"2016", "3.5", "poverty"}, {"poverty"}},
    {"ids and hashes",
     {"stream-23453375", "3f2a9c0d7b", "a1b2c3d4-e5f6-7a8b-9c0d-e1f2a3b4c5d6", "apple"},
     {"apple"}},
    {"urls", {"https://example.org/tag/x", "www.example.org", "Elections"}, {"Elections"}},
    {"overlong piece", {"Lorem", std::string(81, 'x') + " words"}, {"Lorem"}},
    // What looks technical but is a label.
    {"labels with digits",
     {"COVID-19", "G20", "9/11", "A380", "1975年", "Windows10"},
     {"COVID-19", "G20", "9/11", "A380", "1975年", "Windows10"}},
    {"a title with a colon",
     {"Star Wars: Episode IV", "ONE: Two"},
     {"Star Wars: Episode IV", "ONE: Two"}},
    {"a time", {"10:30", "Markets"}, {"10:30", "Markets"}},
    {"CamelCase names", {"iPhone", "YouTube", "PlayStation"}, {"iPhone", "YouTube", "PlayStation"}},
    {"underscore in a Chinese label", {"尖石_美樹營地"}, {"尖石_美樹營地"}},
    {"abbreviation with dots", {"U.S."}, {"U.S."}},
    // Duplicates by case or spacing are one tag, the first spelling kept.
    {"duplicates", {"North  Korea", "north korea", " NORTH KOREA "}, {"North Korea"}},
    {"duplicates but for a space", {"Google Play", "GooglePlay"}, {"Google Play"}},
    {"empty pieces", {"a,,b, ,"}, {"a", "b"}},
    {"punctuation alone", {"Sport", "\xE2\x80\x94", "..."}, {"Sport"}},
    {"no-break spaces folded", {"New\xC2\xA0York"}, {"New York"}},
};

INSTANTIATE_TEST_SUITE_P(Forms, CleanTagsTest, ::testing::ValuesIn(kCases));

// CleanEachTag: tags that come one per item. A list of one is that tag, not a list.
TEST(CleanEachTagTest, ALoneTagWithACommaStaysWhole) {
  EXPECT_EQ(CleanEachTag({"Washington, D.C."}), std::vector<std::string>{"Washington, D.C."});
  EXPECT_EQ(CleanTags({"Washington, D.C."}), (std::vector<std::string>{"Washington", "D.C."}));
}

TEST(CleanEachTagTest, CleansAsCleanTagsDoes) {
  EXPECT_EQ(CleanEachTag({"Weather &amp;amp; Climate", "Lite:true", "#Ports", "ports"}),
            (std::vector<std::string>{"Weather & Climate", "Ports"}));
  // An item glued into a list without spaces is still split.
  EXPECT_EQ(CleanEachTag({"Ports,Ferries"}), (std::vector<std::string>{"Ports", "Ferries"}));
}

}  // namespace
}  // namespace morgue
