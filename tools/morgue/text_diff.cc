// Paragraph and word differences between two bodies (text_diff.h).

#include "text_diff.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <utility>

namespace morgue::cli {
namespace {

// Above this many cells the alignment table would take too much memory: equal items are
// then matched in order instead of by a longest common subsequence.
constexpr size_t kMaxCells = size_t{16} << 20;

// A paragraph shares at least this share of its words with the one it was changed into.
constexpr double kChangedShare = 0.5;

std::vector<std::string> Split(std::string_view text, bool words) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = words ? text.find_first_of(" \t\r\n", start) : text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    const size_t first = part.find_first_not_of(" \t\r\n");
    const size_t last = part.find_last_not_of(" \t\r\n");
    if (first != std::string_view::npos) parts.emplace_back(part.substr(first, last - first + 1));
    start = end + (words ? 1 : 2);
  }
  return parts;
}

// One step of an alignment: both sides' items equal, or an item of one side only.
struct Step {
  int a = -1;
  int b = -1;
};

// The longest common subsequence of equal items, as steps in order.
std::vector<Step> Align(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const size_t n = a.size();
  const size_t m = b.size();
  std::vector<Step> steps;
  if ((n + 1) * (m + 1) > kMaxCells) {
    size_t j = 0;
    for (size_t i = 0; i < n; ++i) {
      const auto found = std::find(b.begin() + static_cast<std::ptrdiff_t>(j), b.end(), a[i]);
      if (found == b.end()) {
        steps.push_back({static_cast<int>(i), -1});
        continue;
      }
      const auto at = static_cast<size_t>(found - b.begin());
      for (; j < at; ++j) steps.push_back({-1, static_cast<int>(j)});
      steps.push_back({static_cast<int>(i), static_cast<int>(j++)});
    }
    for (; j < m; ++j) steps.push_back({-1, static_cast<int>(j)});
    return steps;
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  std::vector<int> lengths((n + 1) * (m + 1), 0);
  const auto at = [m](size_t i, size_t j) { return i * (m + 1) + j; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lengths[at(i, j)] = a[i] == b[j] ? lengths[at(i + 1, j + 1)] + 1
                                       : std::max(lengths[at(i + 1, j)], lengths[at(i, j + 1)]);
    }
  }
  size_t i = 0;
  size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      steps.push_back({static_cast<int>(i++), static_cast<int>(j++)});
    } else if (j < m && (i == n || lengths[at(i, j + 1)] >= lengths[at(i + 1, j)])) {
      steps.push_back({-1, static_cast<int>(j++)});
    } else {
      steps.push_back({static_cast<int>(i++), -1});
    }
  }
  return steps;
}

// The share of the longer paragraph's words that the two have in common.
double SharedWords(const std::string& a, const std::string& b) {
  const std::vector<std::string> wa = Split(a, true);
  const std::vector<std::string> wb = Split(b, true);
  if (wa.empty() || wb.empty()) return 0;
  std::map<std::string_view, int> counts;
  for (const std::string& word : wa) ++counts[word];
  size_t shared = 0;
  for (const std::string& word : wb) {
    if (auto it = counts.find(word); it != counts.end() && it->second > 0) {
      --it->second;
      ++shared;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::max(wa.size(), wb.size()));
}

void AppendRun(std::vector<WordRun>& runs, WordRun::Op op, const std::string& word) {
  if (!runs.empty() && runs.back().op == op) {
    runs.back().text += ' ' + word;
  } else {
    runs.push_back({op, word});
  }
}

}  // namespace

std::vector<WordRun> DiffWords(std::string_view a, std::string_view b) {
  const std::vector<std::string> wa = Split(a, true);
  const std::vector<std::string> wb = Split(b, true);
  std::vector<WordRun> runs;
  // Removed words before the added ones that replace them, as a reader compares them.
  std::vector<std::string> removed;
  std::vector<std::string> added;
  const auto flush = [&] {
    for (const std::string& word : removed) AppendRun(runs, WordRun::kRemoved, word);
    for (const std::string& word : added) AppendRun(runs, WordRun::kAdded, word);
    removed.clear();
    added.clear();
  };
  for (const Step& step : Align(wa, wb)) {
    if (step.a >= 0 && step.b >= 0) {
      flush();
      AppendRun(runs, WordRun::kKept, wa[static_cast<size_t>(step.a)]);
    } else if (step.a >= 0) {
      removed.push_back(wa[static_cast<size_t>(step.a)]);
    } else {
      added.push_back(wb[static_cast<size_t>(step.b)]);
    }
  }
  flush();
  return runs;
}

std::vector<ParagraphChange> DiffParagraphs(std::string_view a_text, std::string_view b_text) {
  const std::vector<std::string> a = Split(a_text, false);
  const std::vector<std::string> b = Split(b_text, false);
  std::vector<ParagraphChange> changes;
  // Between two equal paragraphs: A's and B's paragraphs of the gap, paired where one was
  // changed into the other, in order.
  std::vector<int> gap_a;
  std::vector<int> gap_b;
  const auto close_gap = [&] {
    size_t next_b = 0;
    std::vector<std::pair<int, int>> pairs;  // (a, b)
    for (int ia : gap_a) {
      for (size_t k = next_b; k < gap_b.size(); ++k) {
        if (SharedWords(a[static_cast<size_t>(ia)], b[static_cast<size_t>(gap_b[k])]) >=
            kChangedShare) {
          pairs.emplace_back(ia, gap_b[k]);
          next_b = k + 1;
          break;
        }
      }
    }
    for (int ia : gap_a) {
      const bool paired =
          std::any_of(pairs.begin(), pairs.end(), [ia](const auto& p) { return p.first == ia; });
      if (!paired) {
        changes.push_back({ParagraphChange::kOnlyA, ia, -1, a[static_cast<size_t>(ia)], {}});
      }
    }
    for (int ib : gap_b) {
      const auto pair =
          std::find_if(pairs.begin(), pairs.end(), [ib](const auto& p) { return p.second == ib; });
      if (pair == pairs.end()) {
        changes.push_back({ParagraphChange::kOnlyB, -1, ib, b[static_cast<size_t>(ib)], {}});
      } else {
        changes.push_back(
            {ParagraphChange::kChanged, pair->first, ib, a[static_cast<size_t>(pair->first)],
             DiffWords(a[static_cast<size_t>(pair->first)], b[static_cast<size_t>(ib)])});
      }
    }
    gap_a.clear();
    gap_b.clear();
  };
  for (const Step& step : Align(a, b)) {
    if (step.a >= 0 && step.b >= 0) {
      close_gap();
      changes.push_back(
          {ParagraphChange::kSame, step.a, step.b, a[static_cast<size_t>(step.a)], {}});
    } else if (step.a >= 0) {
      gap_a.push_back(step.a);
    } else {
      gap_b.push_back(step.b);
    }
  }
  close_gap();
  // A paragraph only in A whose very text is only in B was moved: one entry, where B has it.
  std::vector<bool> moved_away(changes.size(), false);
  for (ParagraphChange& added : changes) {
    if (added.kind != ParagraphChange::kOnlyB) continue;
    for (size_t i = 0; i < changes.size(); ++i) {
      if (changes[i].kind == ParagraphChange::kOnlyA && !moved_away[i] &&
          changes[i].text == added.text) {
        added.kind = ParagraphChange::kMoved;
        added.a = changes[i].a;
        moved_away[i] = true;
        break;
      }
    }
  }
  std::vector<ParagraphChange> kept;
  kept.reserve(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    if (!moved_away[i]) kept.push_back(std::move(changes[i]));
  }
  return kept;
}

std::string MarkedWords(const std::vector<WordRun>& runs) {
  std::string text;
  for (const WordRun& run : runs) {
    if (!text.empty()) text += ' ';
    switch (run.op) {
      case WordRun::kKept:
        text += run.text;
        break;
      case WordRun::kRemoved:
        text += "[-" + run.text + "-]";
        break;
      case WordRun::kAdded:
        text += "{+" + run.text + "+}";
        break;
    }
  }
  return text;
}

}  // namespace morgue::cli
