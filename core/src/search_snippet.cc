// Snippets cut from an article's own text for queries with CJK words (search_snippet.h).

#include "search_snippet.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/search_query.h"
#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {
namespace {

using internal::ForEachCodePoint;
using internal::IsCjkCharacter;

struct Needle {
  std::string text;  // lower-cased ASCII for a word
  bool cjk = false;
};

bool IsWordCharacter(char32_t cp) {
  return cp < 0x80 ? internal::IsAsciiAlpha(cp) || internal::IsAsciiDigit(cp)
                   : internal::IsLetterish(cp) && !IsCjkCharacter(cp);
}

// The CJK runs and the other words of `query`, less its operators and column names.
std::vector<Needle> Needles(std::string_view query) {
  std::vector<Needle> needles;
  std::string run;
  std::string word;
  const auto end_run = [&] {
    if (!run.empty()) needles.push_back({run, true});
    run.clear();
  };
  const auto end_word = [&](char32_t next) {
    const bool operator_word = word == "AND" || word == "OR" || word == "NOT" || word == "NEAR";
    const std::string lower = LowerAscii(word);
    const bool column = next == ':' && SearchColumnNames().find(lower) != std::string::npos;
    if (!word.empty() && !operator_word && !column) needles.push_back({lower, false});
    word.clear();
  };
  // Column names in braces and NEAR's distance are not searched for.
  bool in_braces = false;
  bool after_comma = false;
  ForEachCodePoint(query, [&](char32_t cp, size_t pos, size_t length) {
    if (in_braces || after_comma) {
      if (cp == '}') in_braces = false;
      if (after_comma && !IsWordCharacter(cp) && cp != ' ') after_comma = false;
      return;
    }
    if (IsCjkCharacter(cp)) {
      end_word(cp);
      run.append(query.substr(pos, length));
    } else if (IsWordCharacter(cp)) {
      end_run();
      word.append(query.substr(pos, length));
    } else {
      end_run();
      end_word(cp);
      in_braces = cp == '{';
      after_comma = cp == ',';
    }
  });
  end_run();
  end_word(0);
  return needles;
}

// The byte ranges of `text` the needles match, in order, overlaps joined.
std::vector<std::pair<size_t, size_t>> Hits(std::string_view text,
                                            const std::vector<Needle>& needles) {
  const std::string lower = LowerAscii(text);
  std::vector<std::pair<size_t, size_t>> hits;
  for (const Needle& needle : needles) {
    const std::string_view haystack = needle.cjk ? text : std::string_view(lower);
    for (size_t at = haystack.find(needle.text); at != std::string_view::npos;
         at = haystack.find(needle.text, at + needle.text.size())) {
      const bool word_start = needle.cjk || at == 0 ||
                              !internal::IsAsciiAlpha(static_cast<unsigned char>(lower[at - 1]));
      if (word_start) hits.emplace_back(at, at + needle.text.size());
    }
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::pair<size_t, size_t>> joined;
  for (const auto& hit : hits) {
    if (!joined.empty() && hit.first <= joined.back().second) {
      joined.back().second = std::max(joined.back().second, hit.second);
    } else {
      joined.push_back(hit);
    }
  }
  return joined;
}

}  // namespace

bool SnippetShowsText(std::string_view snippet, const Article& article,
                      const SearchOptions& options) {
  std::string text(snippet);
  for (const std::string& mark : {options.open_mark, options.close_mark}) {
    if (mark.empty()) continue;
    for (size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
      text.erase(at, mark.size());
    }
  }
  constexpr std::string_view kEllipsis = "…";
  std::string_view piece = text;
  if (piece.starts_with(kEllipsis)) piece.remove_prefix(kEllipsis.size());
  if (piece.ends_with(kEllipsis)) piece.remove_suffix(kEllipsis.size());
  for (const std::string* column : {&article.body, &article.title, &article.subtitle}) {
    if (column->find(piece) != std::string::npos) return true;
  }
  return false;
}

std::string CjkSnippet(const Article& article, std::string_view query,
                       const SearchOptions& options) {
  const std::vector<Needle> needles = Needles(query);
  std::string_view text;
  std::vector<std::pair<size_t, size_t>> hits;
  for (const std::string* column : {&article.body, &article.title, &article.subtitle}) {
    auto column_hits = Hits(*column, needles);
    if (column_hits.size() > hits.size()) {
      text = *column;
      hits = std::move(column_hits);
    }
  }
  if (text.empty()) {
    text = !article.body.empty()    ? article.body
           : !article.title.empty() ? article.title
                                    : article.subtitle;
  }

  // The byte offset of each character, and one past the last.
  std::vector<size_t> starts;
  ForEachCodePoint(text, [&](char32_t, size_t pos, size_t) { starts.push_back(pos); });
  starts.push_back(text.size());
  const size_t characters = starts.size() - 1;
  const size_t window = static_cast<size_t>(std::clamp(options.snippet_tokens, 1, 64)) * 4;
  const size_t first_hit =
      hits.empty()
          ? 0
          : static_cast<size_t>(std::lower_bound(starts.begin(), starts.end(), hits.front().first) -
                                starts.begin());
  size_t begin = first_hit > window / 4 ? first_hit - window / 4 : 0;
  const size_t end = std::min(characters, begin + window);
  if (end - begin < window) begin = end > window ? end - window : 0;

  std::string snippet = begin > 0 ? "…" : "";
  const size_t from = starts[begin];
  const size_t to = starts[end];
  size_t at = from;
  const auto append_text = [&snippet](std::string_view piece) {
    for (char c : piece) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (space && (snippet.empty() || snippet.back() == ' ')) continue;
      snippet.push_back(space ? ' ' : c);
    }
  };
  for (const auto& [hit_begin, hit_end] : hits) {
    if (hit_end <= from || hit_begin >= to) continue;
    const size_t mark_begin = std::max(hit_begin, from);
    const size_t mark_end = std::min(hit_end, to);
    append_text(text.substr(at, mark_begin - at));
    snippet += options.open_mark;
    append_text(text.substr(mark_begin, mark_end - mark_begin));
    snippet += options.close_mark;
    at = mark_end;
  }
  append_text(text.substr(at, to - at));
  while (!snippet.empty() && snippet.back() == ' ') snippet.pop_back();
  if (end < characters) snippet += "…";
  return snippet;
}

}  // namespace morgue
