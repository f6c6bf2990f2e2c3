#include "suggest.h"

#include <algorithm>
#include <limits>

namespace morgue::cli {
namespace {

constexpr std::size_t kMaxSuggestions = 3;

std::string_view WithoutDashes(std::string_view name) {
  while (name.starts_with('-')) name.remove_prefix(1);
  return name;
}

// How many edits still count as a slip of the fingers for a name this long.
std::size_t MaxEdits(std::string_view typed) { return WithoutDashes(typed).size() <= 3 ? 1 : 2; }

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // d[i][j]: edits between the first i characters of a and the first j of b.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t replace = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + replace});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> Suggest(std::string_view typed, const std::vector<std::string>& known) {
  const bool long_enough_for_prefix = WithoutDashes(typed).size() >= 2;
  std::size_t best = std::numeric_limits<std::size_t>::max();
  std::vector<std::string> closest;
  for (const std::string& name : known) {
    if (name == typed) continue;
    std::size_t edits = EditDistance(typed, name);
    if (long_enough_for_prefix && name.starts_with(typed)) edits = std::min<std::size_t>(edits, 1);
    if (edits > MaxEdits(typed) || edits > best) continue;
    if (edits < best) {
      best = edits;
      closest.clear();
    }
    if (closest.size() < kMaxSuggestions &&
        std::find(closest.begin(), closest.end(), name) == closest.end()) {
      closest.push_back(name);
    }
  }
  return closest;
}

std::string DidYouMean(const std::vector<std::string>& suggestions, std::string_view quote) {
  if (suggestions.empty()) return "";
  std::string text = "; did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) text += i + 1 == suggestions.size() ? " or " : ", ";
    text += std::string(quote) + suggestions[i] + std::string(quote);
  }
  return text + "?";
}

}  // namespace morgue::cli
