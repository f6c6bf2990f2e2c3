// TextDiff: how two bodies differ, in the terms a reader uses: paragraphs the same, only in
// one, moved, or changed (with the words removed and added). For `morgue diff`.
//
// Paragraphs are the body's blank-line-separated blocks. They are aligned by a longest
// common subsequence of equal paragraphs; between two aligned ones, a paragraph of one
// side is "changed" into a paragraph of the other when most of their words are shared,
// and a paragraph only in one side whose exact text is only in the other is "moved".
// Words inside a changed paragraph are aligned the same way.
//
// Thread-safety: pure functions.

#ifndef MORGUE_TOOLS_MORGUE_TEXT_DIFF_H_
#define MORGUE_TOOLS_MORGUE_TEXT_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

namespace morgue::cli {

// A run of words of a changed paragraph: kept, removed (only in A) or added (only in B).
struct WordRun {
  enum Op { kKept, kRemoved, kAdded };
  Op op = kKept;
  std::string text;  // the words, separated by single spaces
};

struct ParagraphChange {
  enum Kind { kSame, kChanged, kOnlyA, kOnlyB, kMoved };
  Kind kind = kSame;
  int a = -1;                  // the paragraph's index in A (0-based), -1 when only in B
  int b = -1;                  // its index in B, -1 when only in A
  std::string text;            // the paragraph (A's, or B's when only in B)
  std::vector<WordRun> words;  // kChanged: A's words into B's
};

// The paragraphs of A and B in reading order (B's order, with A's paragraphs that B does
// not have where A had them).
std::vector<ParagraphChange> DiffParagraphs(std::string_view a, std::string_view b);

// The word runs that turn `a` into `b`.
std::vector<WordRun> DiffWords(std::string_view a, std::string_view b);

// "Dockers [-left-]{+leave+} the quay": removed words in [-…-], added ones in {+…+}, as
// git's word diff writes them.
std::string MarkedWords(const std::vector<WordRun>& runs);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_TEXT_DIFF_H_
