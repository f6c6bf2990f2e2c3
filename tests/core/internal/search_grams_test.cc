// The grams the index holds for Korean, Japanese and Chinese text, and the query terms
// that find them (search_grams.h). That FTS5 reads every term and finds what it should in
// a real index is tested in tests/core/cjk_search_test.cc.

#include "search_grams.h"

#include <gtest/gtest.h>

namespace morgue {
namespace {

TEST(IndexGramsTest, TextWithoutCjkHasNone) {
  EXPECT_EQ(IndexGrams(""), "");
  EXPECT_EQ(IndexGrams("Seoul and Tokyo seek a military pact, 2011."), "");
}

TEST(IndexGramsTest, OneCjkCharacterAmongOtherMultiByteTextIsFound) {
  // Typographic quotes and dashes (U+2000), Cyrillic and accented letters are three- and
  // two-byte characters too, but not CJK; the first CJK one anywhere makes grams.
  const std::string other =
      "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 Сеул, Séoul, \xEF\xBF\xBD ";
  EXPECT_EQ(IndexGrams(other), "");
  EXPECT_FALSE(HasCjkText(other));
  EXPECT_EQ(IndexGrams(other + "서울"), "서울 울");  // words without CJK are indexed as they are
  EXPECT_TRUE(HasCjkText(other + "서울"));
  EXPECT_TRUE(HasCjkText("\xE1\x84\x80"));      // U+1100, the first Hangul jamo
  EXPECT_FALSE(HasCjkText("\xE1\x84"));         // cut short: not a character
  EXPECT_TRUE(HasCjkText("\xF0\xA0\x80\x80"));  // U+20000, Han extension B
}

TEST(IndexGramsTest, EachRunIsItsPairsThenItsLastCharacter) {
  EXPECT_EQ(IndexGrams("군사협정을 체결"), "군사 사협 협정 정을 을 체결 결");
  EXPECT_EQ(IndexGrams("軍事協定"), "軍事 事協 協定 定");
  // A run of one character is that character.
  EXPECT_EQ(IndexGrams("및"), "및");
}

TEST(IndexGramsTest, OtherScriptsAndPunctuationSplitRunsAndAreLeftOut) {
  EXPECT_EQ(IndexGrams("한·일 협정 (Samsung)"), "한 일 협정 정");
}

TEST(IndexGramsTest, LettersAndDigitsWrittenAgainstCjkInOneWordAreKept) {
  EXPECT_EQ(IndexGrams("Galaxy폰을 샀다"), "Galaxy 폰을 을 샀다 다");
  EXPECT_EQ(IndexGrams("2011年1月4日"), "2011 年 1 月 4 日");
}

TEST(IndexGramsTest, KanaAndTheIterationMarkAreCjk) {
  EXPECT_EQ(IndexGrams("ニュース"), "ニュ ュー ース ス");
  EXPECT_EQ(IndexGrams("人々"), "人々 々");
}

TEST(CjkQueryTermTest, OtherScriptsAreLeftAsWritten) {
  EXPECT_EQ(CjkQueryTerm("harbour", "harbour", false, TermPlace::kFree), "harbour");
  EXPECT_EQ(CjkQueryTerm("harbo", "harbo", true, TermPlace::kFree), "harbo *");
  EXPECT_EQ(CjkQueryTerm("covid-19", "\"covid-19\"", false, TermPlace::kPhrase), "\"covid-19\"");
}

TEST(CjkQueryTermTest, AWordIsTheTokenOrThePhraseOfItsPairs) {
  // Two characters are their one pair, which is the word too.
  EXPECT_EQ(CjkQueryTerm("협정", "협정", false, TermPlace::kFree), "\"협정\"");
  EXPECT_EQ(CjkQueryTerm("협정", "협정", true, TermPlace::kFree), "\"협정\" *");
  EXPECT_EQ(CjkQueryTerm("군사협정", "군사협정", false, TermPlace::kFree),
            "(군사협정 OR \"군사 사협 협정\")");
  // The last run may go on in the text; the ones before it end where the query's end.
  EXPECT_EQ(CjkQueryTerm("협정 체결", "\"협정 체결\"", false, TermPlace::kFree),
            "(\"협정 체결\" OR \"협정 정 체결\")");
}

TEST(CjkQueryTermTest, OneCharacterIsEveryPairThatStartsWithIt) {
  EXPECT_EQ(CjkQueryTerm("협", "협", false, TermPlace::kFree), "\"협\" *");
  EXPECT_EQ(CjkQueryTerm("협", "협", true, TermPlace::kFree), "\"협\" *");
}

TEST(CjkQueryTermTest, AWordMixingScriptsIsOnePhrase) {
  EXPECT_EQ(CjkQueryTerm("Galaxy폰", "Galaxy폰", false, TermPlace::kFree),
            "(Galaxy폰 OR \"Galaxy 폰\" *)");
}

TEST(CjkQueryTermTest, OtherWordsBesideCjkWordsMustAppearToo) {
  EXPECT_EQ(CjkQueryTerm("Samsung 갤럭시", "\"Samsung 갤럭시\"", false, TermPlace::kFree),
            "(\"Samsung 갤럭시\" OR (\"갤럭 럭시\" AND \"Samsung\"))");
}

TEST(CjkQueryTermTest, WithinNearOnlyAPhraseMayStand) {
  EXPECT_EQ(CjkQueryTerm("군사협정", "군사협정", false, TermPlace::kPhrase), "\"군사 사협 협정\"");
  EXPECT_EQ(CjkQueryTerm("Galaxy폰", "Galaxy폰", false, TermPlace::kPhrase), "\"Galaxy 폰\" *");
  // Words of other scripts are not in the pairs: such a phrase stays as written.
  EXPECT_EQ(CjkQueryTerm("Samsung 갤럭시", "\"Samsung 갤럭시\"", false, TermPlace::kPhrase),
            "\"Samsung 갤럭시\"");
}

}  // namespace
}  // namespace morgue
