// The trafilatura-eval metric (tools/bench/segment_score.h) on cases whose expected values
// are what the corpus's score.py gives for the same input.

#include "segment_score.h"

#include <gtest/gtest.h>

namespace morgue::bench {
namespace {

using Names = std::vector<std::string>;

TEST(SegmentScoreTest, CollapsesPythonWhitespaceIncludingUnicodeSpaces) {
  EXPECT_EQ(CollapseWhitespace("  a\xC2\xA0\xE2\x80\x83"
                               "b\n "),
            "a b");
}

TEST(SegmentScoreTest, PlainTextSpellsDashesQuotesAndEllipsisOneWay) {
  EXPECT_EQ(PlainText("\xE2\x80\x9EZitat\xE2\x80\x9C \xE2\x80\x93 Teil\xE2\x80\xA6"),
            "\"Zitat\" - Teil...");
}

TEST(SegmentScoreTest, SplitsTruthAuthorsAsScorePyDoes) {
  EXPECT_EQ(TruthAuthorNames("Von Anna Muster und Bob Beispiel"),
            (Names{"anna muster", "bob beispiel"}));
  EXPECT_EQ(TruthAuthorNames("By Jane Roe and John Doe"), (Names{"jane roe", "john doe"}));
  EXPECT_EQ(TruthAuthorNames("A / B; C & D, Prof."), (Names{"a", "b", "c", "d"}));
  EXPECT_EQ(TruthAuthorNames("Andrea Mandel"), (Names{"andrea mandel"}));
  EXPECT_EQ(TruthAuthorNames("JACOBO BETANCUR PEL\xC3\x81"
                             "EZ"),
            (Names{"jacobo betancur pel\xC3\xA1"
                   "ez"}));
}

TEST(SegmentScoreTest, ResultAuthorsAreLowerCasedWithoutDegreesOrBlanks) {
  EXPECT_EQ(ResultAuthorNames({"Jane ROE", "PhD", " "}), (Names{"jane roe"}));
}

TEST(SegmentScoreTest, CountsSegmentsAndMetadataOverPagesWithTheField) {
  const nlohmann::json truth = {{"file", "a.html"},
                                {"with", {"first  paragraph", "second one"}},
                                {"without", {"Home | News", "Share this"}},
                                {"title", "A \xE2\x80\x93 title"},
                                {"author", "Anna Muster und Bob Beispiel"},
                                {"date", "2024-03-05"}};
  SegmentScore score;
  score.Add(truth, Extraction{"first\nparagraph. Share this",
                              "A - title",
                              {"Bob Beispiel", "ANNA MUSTER"},
                              "2024-03-05T08:00:00Z"});
  score.Add(nlohmann::json{{"file", "b.html"}, {"with", {"x"}}, {"without", {"y"}}}, Extraction{});
  EXPECT_EQ(score.true_positives, 1);
  EXPECT_EQ(score.false_negatives, 2);
  EXPECT_EQ(score.false_positives, 1);
  EXPECT_EQ(score.true_negatives, 2);
  EXPECT_DOUBLE_EQ(score.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(score.Recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(score.Accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(score.F1(), 2.0 / 5);
  EXPECT_EQ(score.title.right, 1);
  EXPECT_EQ(score.title.pages, 1);
  EXPECT_EQ(score.author.right, 1);
  EXPECT_EQ(score.date.right, 1);
  EXPECT_EQ(score.date.pages, 1);
}

TEST(SegmentScoreTest, AnotherDayOrAnotherAuthorSetIsWrong) {
  const nlohmann::json truth = {{"file", "a.html"}, {"with", {"x"}},    {"without", {"y"}},
                                {"title", "T"},     {"author", "A; B"}, {"date", "2024-03-05"}};
  SegmentScore score;
  score.Add(truth, Extraction{"x", "T", {"A"}, "2024-03-06"});
  EXPECT_EQ(score.author.right, 0);
  EXPECT_EQ(score.date.right, 0);
  EXPECT_EQ(score.title.right, 1);
}

}  // namespace
}  // namespace morgue::bench
