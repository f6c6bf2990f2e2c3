// The body differences `morgue diff` prints (tools/morgue/text_diff.h): paragraphs the
// same, only in one side, moved, or changed with their words marked.

#include "text_diff.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace morgue::cli {
namespace {

std::string Kinds(const std::vector<ParagraphChange>& changes) {
  std::string kinds;
  for (const ParagraphChange& change : changes) {
    kinds += "=~-+>"[change.kind];
    kinds += std::to_string(change.a + 1) + ":" + std::to_string(change.b + 1) + " ";
  }
  return kinds;
}

TEST(TextDiff, WordsRemovedAndAddedAreMarkedWhereTheyChange) {
  EXPECT_EQ(MarkedWords(DiffWords("Dockers left the quay on Monday.",
                                  "Dockers leave the quay on  Monday, the union said.")),
            "Dockers [-left-] {+leave+} the quay on [-Monday.-] {+Monday, the union said.+}");
  EXPECT_EQ(MarkedWords(DiffWords("same words here", "same words here")), "same words here");
  EXPECT_EQ(MarkedWords(DiffWords("", "all new")), "{+all new+}");
}

TEST(TextDiff, ParagraphsCutAddedChangedAndMoved) {
  const std::string a =
      "The ferry returned on Monday.\n\n"
      "Crews worked through the night to repair the quay wall.\n\n"
      "The harbour master thanked the crews.\n\n"
      "Fishing boats will use the inner basin.\n\n"
      "A second ferry is due in March.";
  const std::string b =
      "HARBOURTOWN (Wire) --\n\n"
      "The ferry returned on Monday.\n\n"
      "Crews worked all night long to repair the quay wall.\n\n"
      "Fishing boats will use the inner basin.\n\n"
      "The harbour master thanked the crews.";
  const std::vector<ParagraphChange> changes = DiffParagraphs(a, b);
  // Added dateline; same; changed; the boats moved before the thanks; the March line cut.
  EXPECT_EQ(Kinds(changes), "+0:1 =1:2 ~2:3 >4:4 =3:5 -5:0 ");
  EXPECT_EQ(MarkedWords(changes[2].words),
            "Crews worked [-through the-] {+all+} night {+long+} to repair the quay wall.");
  EXPECT_EQ(changes[5].text, "A second ferry is due in March.");
}

TEST(TextDiff, UnrelatedParagraphsAreNotChangesOfEachOther) {
  const std::vector<ParagraphChange> changes =
      DiffParagraphs("The council met on Tuesday.", "Snow closed the mountain pass.");
  EXPECT_EQ(Kinds(changes), "-1:0 +0:1 ");
}

TEST(TextDiff, TheSameBodyIsAllTheSame) {
  const std::vector<ParagraphChange> changes = DiffParagraphs("One.\n\nTwo.", "One.\n\n\nTwo.  ");
  EXPECT_EQ(Kinds(changes), "=1:1 =2:2 ");
}

}  // namespace
}  // namespace morgue::cli
