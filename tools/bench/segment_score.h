// SegmentScore: the trafilatura-eval metric of the corpus's score.py, in C++.
//
// The corpus (../shared/corpora/trafilatura-eval) holds truth.json, keyed by URL, with the
// page's `file`, its `with` (main-text) and `without` (boilerplate) segments, and for some
// pages `title`, `author` and `date`. Add() scores one page's extraction exactly as
// score.py does: the body segment counts (found after whitespace collapsing), then title,
// date and author accuracy over the pages whose truth has the field, with score.py's
// normalisations. Not thread-safe: one SegmentScore per thread, or add under a lock.

#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace morgue::bench {

// What an extractor made of one page: the fields of a score.py RESULTS.jsonl line.
struct Extraction {
  std::string body;
  std::string title;
  std::vector<std::string> authors;
  std::string published;
};

struct MetadataScore {
  int right = 0;
  int pages = 0;
  double Accuracy() const { return pages == 0 ? 0.0 : static_cast<double>(right) / pages; }
};

class SegmentScore {
 public:
  // `truth` is one entry of truth.json.
  void Add(const nlohmann::json& truth, const Extraction& extraction);

  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  int true_negatives = 0;
  MetadataScore title;
  MetadataScore date;
  MetadataScore author;

  double Precision() const;
  double Recall() const;
  double Accuracy() const;
  double F1() const;
};

// score.py's norm(): runs of whitespace (Python's str.isspace set) to one space, trimmed.
std::string CollapseWhitespace(const std::string& text);
// score.py's plain(): dashes, quotes and the ellipsis spelled one way, then collapsed.
std::string PlainText(const std::string& text);
// score.py's names() of a truth string ("Von A und B", "A; B"): lower-cased names.
std::vector<std::string> TruthAuthorNames(const std::string& truth);
// score.py's names() of a result's list of names.
std::vector<std::string> ResultAuthorNames(const std::vector<std::string>& authors);

}  // namespace morgue::bench
