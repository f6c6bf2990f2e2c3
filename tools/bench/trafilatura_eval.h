// The trafilatura-eval mode of morgue_quality: a corpus folder with truth.json and pages/
// (../shared/corpora/trafilatura-eval). Every page goes through the html importer as in
// the Readability mode, one after the other under the same hang watchdog, and is scored
// with the corpus's score.py metric (segment_score.h). Single-threaded.

#pragma once

#include <filesystem>
#include <set>
#include <string>

#include "morgue/plugin_registry.h"

namespace morgue::bench {

struct TrafilaturaOptions {
  // Where to write one score.py RESULTS.jsonl line per page; empty: nowhere.
  std::filesystem::path results;
  // Page file names to score (the others are left out of every figure); empty: all.
  std::set<std::string> only;
};

// Prints the table; returns the exit status (0, kBelowTargetExitCode when a figure is
// under its regression floor, 1 when the corpus or the results file cannot be used or
// --only names a page the corpus does not have).
int RunTrafilaturaEval(morgue::ImporterHandle& importer, const std::filesystem::path& corpus,
                       const TrafilaturaOptions& options, bool verbose);

}  // namespace morgue::bench
