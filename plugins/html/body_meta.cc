#include "plugins/html/body_meta.h"

#include <optional>
#include <string>
#include <string_view>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

// How far into the body metadata lines are looked for.
constexpr size_t kLeadingBlocks = 8;
constexpr size_t kTrailingLines = 3;
constexpr size_t kMaxMetaLineChars = 120;
constexpr size_t kMaxDeckChars = 300;

enum class LineKind { kText, kTitle, kByline, kEmail, kCredit, kDate };

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) {
    if (!text.empty()) text += '\n';
    text += line;
  }
  return text;
}

// What one line says; nothing is recorded until the line is taken out of the body.
struct LineInfo {
  LineKind kind = LineKind::kText;
  std::vector<Author> authors;
  std::string email;
  std::string credit;
  std::string date;
};

class Reader {
 public:
  explicit Reader(const std::string& title) : title_(FoldForCompare(title)) {}

  LineInfo Classify(const std::string& line, bool allow_title) const {
    LineInfo info;
    const size_t length = CharCount(line);
    if (allow_title && !title_.empty() && FoldForCompare(line) == title_) {
      info.kind = LineKind::kTitle;
      return info;
    }
    if (length > kMaxMetaLineChars) return info;
    info.email = FindEmail(line);
    if (!info.email.empty() && AsciiLower(CollapseWhitespace(line)) == info.email) {
      info.kind = LineKind::kEmail;
      return info;
    }
    if (std::optional<Byline> byline = ParseByline(line); byline && !byline->authors.empty()) {
      info.kind = LineKind::kByline;
      info.authors = byline->authors;
      info.credit = byline->source;
      return info;
    }
    if (length <= 80 && WordCount(line) <= 6) {
      if (const Publication* credited = PublicationDirectory::Builtin().FindCredited(line)) {
        info.kind = LineKind::kCredit;
        info.credit = credited->name;
      } else if (const DateLine dates = ParseDateLine(line);
                 !dates.published.empty() || !dates.updated.empty() || !dates.unlabelled.empty()) {
        // An update's date line leaves the body too, but is not the publication date.
        info.kind = LineKind::kDate;
        info.date = dates.published.empty() ? dates.unlabelled : dates.published;
      }
    }
    return info;
  }

  void Commit(const LineInfo& info) {
    if (info.kind == LineKind::kTitle) meta_.repeated_title = true;
    if (!info.authors.empty() && meta_.authors.empty()) meta_.authors = info.authors;
    if (!info.email.empty() && meta_.email.empty()) meta_.email = info.email;
    if (!info.credit.empty() && meta_.credit.empty()) meta_.credit = info.credit;
    if (!info.date.empty() && meta_.published.empty()) meta_.published = info.date;
  }

  InBodyMeta& meta() { return meta_; }

 private:
  std::string title_;
  InBodyMeta meta_;
};

bool CouldBeDeck(const Block& block) {
  if (block.heading || CharCount(block.text) > kMaxDeckChars) return false;
  return block.emphasized || !block.text.ends_with('.');
}

// Leading blocks: the repeated title, deck, byline, e-mail, credit and date lines of a
// repost. Stops at the first block that is article text.
void TakeLeading(std::vector<Block>& blocks, Reader& reader) {
  std::vector<std::vector<LineInfo>> found;  // per consumed-or-deck block
  std::vector<size_t> decks;
  size_t consumed = 0;
  bool byline_seen = false;
  for (size_t i = 0; i < blocks.size() && i < kLeadingBlocks; ++i) {
    std::vector<LineInfo> infos;
    bool all_meta = true;
    bool has_byline = false;
    for (const std::string& line : SplitLines(blocks[i].text)) {
      infos.push_back(reader.Classify(line, /*allow_title=*/i < 2));
      all_meta = all_meta && infos.back().kind != LineKind::kText;
      has_byline = has_byline || infos.back().kind == LineKind::kByline;
    }
    if (all_meta) {
      byline_seen = byline_seen || has_byline;
      found.push_back(std::move(infos));
      consumed = i + 1;
      continue;
    }
    // A deck only counts when a byline follows it.
    if (!byline_seen && CouldBeDeck(blocks[i]) && decks.size() < 2) {
      decks.push_back(i);
      found.emplace_back();
      continue;
    }
    break;
  }
  if (!byline_seen) {
    // Without a byline the short lines were the article's own opening.
    consumed = std::min(consumed, decks.empty() ? consumed : decks.front());
  } else if (!decks.empty()) {
    reader.meta().subtitle = blocks[decks.front()].text;
  }
  for (size_t i = 0; i < consumed && i < found.size(); ++i) {
    for (const LineInfo& info : found[i]) reader.Commit(info);
  }
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(consumed));
}

// Trailing lines: the reporter's e-mail, a byline with e-mail ("박지민 기자 jimin@...")
// or a credit line at the very end.
void TakeTrailing(std::vector<Block>& blocks, Reader& reader) {
  for (size_t taken = 0; taken < kTrailingLines && !blocks.empty(); ++taken) {
    std::vector<std::string> lines = SplitLines(blocks.back().text);
    const std::string& line = lines.back();
    const LineInfo info = reader.Classify(line, /*allow_title=*/false);
    const bool take = info.kind == LineKind::kEmail || info.kind == LineKind::kCredit ||
                      (info.kind == LineKind::kByline && !info.email.empty());
    if (!take) return;
    reader.Commit(info);
    lines.pop_back();
    if (lines.empty()) {
      blocks.pop_back();
    } else {
      blocks.back().text = JoinLines(lines);
    }
  }
}

}  // namespace

size_t WordCount(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string FoldForCompare(const std::string& text) { return AsciiLower(CollapseWhitespace(text)); }

InBodyMeta TakeInBodyMetadata(std::vector<Block>& blocks, const std::string& title) {
  Reader reader(title);
  TakeLeading(blocks, reader);
  TakeTrailing(blocks, reader);
  InBodyMeta& meta = reader.meta();
  // The e-mail belongs to the byline's author when there is exactly one.
  if (!meta.email.empty() && meta.authors.size() == 1 && meta.authors[0].email.empty()) {
    meta.authors[0].email = meta.email;
  }
  return std::move(meta);
}

}  // namespace morgue::html_plugin
