#include "plugins/html/body_meta.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "morgue/text_lines.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

// How far into the body metadata lines are looked for.
constexpr size_t kLeadingBlocks = 8;
constexpr size_t kTrailingLines = 3;
constexpr size_t kMaxMetaLineChars = 120;
constexpr size_t kMaxDeckChars = 300;
constexpr size_t kMaxCaptionChars = 300;
constexpr size_t kMinCaptionWords = 3;

// kCaption lines, like decks, count only when a byline follows them: before a byline a
// photo's caption is told from the opening paragraph by the byline after it.
enum class LineKind { kText, kTitle, kByline, kEmail, kCredit, kDate, kCaption, kInterface };

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

// What one line says; nothing is recorded until the line is taken out of the body.
struct LineInfo {
  LineKind kind = LineKind::kText;
  std::vector<Author> authors;
  std::string email;
  std::string credit;
  std::string date;
  std::string updated;
  bool repost_credit = false;  // a credit line with the original's date or link
  Media caption;
};

// "박민수 기자", "山田太郎記者": a reporter's title that makes a line without an e-mail a
// byline at the end of an article.
bool HasReporterTitle(const std::string& line) {
  for (std::string_view title : {"기자", "記者", "记者", "특파원", "特派員", "特派员"}) {
    if (line.find(title) != std::string::npos) return true;
  }
  return false;
}

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
    if (length > kMaxCaptionChars) return info;
    if (std::optional<RepostCredit> credit = ParseRepostCredit(line)) {
      info.kind = LineKind::kCredit;
      info.credit = credit->source;
      info.date = credit->published;
      info.repost_credit = true;
      return info;
    }
    if (std::optional<PostedUpdated> dates = ParsePostedUpdated(line)) {
      info.kind = LineKind::kDate;
      info.date = dates->published;
      info.updated = dates->updated;
      return info;
    }
    if (IsBlogInterfaceLine(line)) {
      info.kind = LineKind::kInterface;
      return info;
    }
    if (length > kMaxMetaLineChars) return ClassifyCaption(line, info);
    info.email = FindEmail(line);
    if (!info.email.empty() && LowerAscii(CollapseWhitespace(line)) == info.email) {
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
    if (info.kind == LineKind::kText) return ClassifyCaption(line, info);
    return info;
  }

  // "… in Tokyo, Tuesday. / Xinhua-Yonhap": a photo caption with its credit.
  static LineInfo ClassifyCaption(const std::string& line, LineInfo info) {
    CaptionCredit split = SplitCaptionCredit(line);
    if (!split.credit.empty() && WordCount(split.caption) >= kMinCaptionWords) {
      info.kind = LineKind::kCaption;
      info.caption = {"", std::move(split.caption), std::move(split.credit)};
    }
    return info;
  }

  void Commit(const LineInfo& info) {
    if (info.kind == LineKind::kTitle) meta_.repeated_title = true;
    if (info.repost_credit && !meta_.repost_credit) {
      meta_.repost_credit = true;
      meta_.credit = info.credit;
      meta_.credit_published = info.date;
      return;
    }
    if (info.kind == LineKind::kCaption && meta_.captions.empty()) {
      meta_.captions.push_back(info.caption);
    }
    if (!info.updated.empty() && meta_.updated.empty()) meta_.updated = info.updated;
    if (!info.authors.empty() && meta_.authors.empty()) meta_.authors = info.authors;
    if (!info.email.empty() && meta_.email.empty()) meta_.email = info.email;
    if (!info.credit.empty() && meta_.credit.empty()) meta_.credit = info.credit;
    if (!info.date.empty() && meta_.published.empty()) meta_.published = info.date;
  }

  InBodyMeta& meta() { return meta_; }
  bool untitled() const { return title_.empty(); }

 private:
  std::string title_;
  InBodyMeta meta_;
};

// A deck: a short standfirst under the headline, emphasised or not ending like a sentence;
// a subheading (<h2>…, never the <h1> headline) only when it opens the text or follows the
// headline repeated in it.
bool CouldBeDeck(const Block& block, bool opening) {
  if ((block.heading && (!opening || block.heading_level <= 1)) ||
      CharCount(block.text) > kMaxDeckChars) {
    return false;
  }
  return block.emphasized || !block.text.ends_with('.');
}

// Leading blocks: the repeated title, deck, byline, e-mail, credit, date and caption lines
// of a repost or a news page. Stops at the first block that is article text.
void TakeLeading(std::vector<Block>& blocks, Reader& reader) {
  std::vector<std::vector<LineInfo>> found;  // per consumed-or-deck block
  std::vector<size_t> decks;
  size_t first_conditional = blocks.size();  // the first deck or caption block
  size_t consumed = 0;
  bool byline_seen = false;
  bool only_title_before = true;  // no block but the repeated title so far
  for (size_t i = 0; i < blocks.size() && i < kLeadingBlocks; ++i) {
    std::vector<LineInfo> infos;
    bool all_meta = true;
    bool has_byline = false;
    bool has_caption = false;
    bool is_title = true;
    for (const std::string& line : SplitLines(blocks[i].text)) {
      infos.push_back(reader.Classify(line, /*allow_title=*/i < 2));
      // One line of text makes the block text: what its other lines say is not read.
      if (infos.back().kind == LineKind::kText) {
        all_meta = false;
        break;
      }
      has_byline = has_byline || infos.back().kind == LineKind::kByline;
      has_caption = has_caption || infos.back().kind == LineKind::kCaption;
      is_title = is_title && infos.back().kind == LineKind::kTitle;
    }
    if (all_meta) {
      // A caption after the byline is the opening paragraph's credit, not a caption.
      if (has_caption && byline_seen) break;
      if (has_caption) first_conditional = std::min(first_conditional, i);
      byline_seen = byline_seen || has_byline;
      found.push_back(std::move(infos));
      consumed = i + 1;
      only_title_before = only_title_before && is_title;
      continue;
    }
    // A deck only counts when a byline follows it.
    if (!byline_seen && CouldBeDeck(blocks[i], only_title_before) && decks.size() < 2) {
      decks.push_back(i);
      first_conditional = std::min(first_conditional, i);
      found.emplace_back();
      only_title_before = false;
      continue;
    }
    break;
  }
  if (!byline_seen) {
    // Without a byline the short lines were the article's own opening.
    consumed = std::min(consumed, first_conditional);
  } else if (!decks.empty()) {
    size_t deck = decks.front();
    // A page with no title of its own (a post's HTML as a feed or a blog's export gives
    // it) shows its headline first: of two decks, one opening the text is the headline
    // repeated, and the deck is the other.
    if (reader.untitled() && decks.size() == 2 && decks.front() == 0) {
      reader.meta().repeated_title = true;
      deck = decks.back();
    }
    reader.meta().subtitle = blocks[deck].text;
  }
  for (size_t i = 0; i < consumed && i < found.size(); ++i) {
    for (const LineInfo& info : found[i]) reader.Commit(info);
  }
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(consumed));
}

// Trailing lines: the reporter's e-mail, a byline with an e-mail ("박지민 기자 jimin@...")
// or with a reporter's title ("박민수 기자"), a credit line, and a blog platform's
// interface strings ("댓글 쓰기", "コメント(0)") at the very end.
void TakeTrailing(std::vector<Block>& blocks, Reader& reader) {
  size_t taken = 0;
  while (taken < kTrailingLines && !blocks.empty()) {
    // Only the last line is read and cut off: a block of many interface lines is taken
    // line by line without splitting (or copying) the rest of it each time.
    std::string& text = blocks.back().text;
    const size_t newline = text.rfind('\n');
    const bool only_line = newline == std::string::npos;
    const std::string line = only_line ? text : text.substr(newline + 1);
    const LineInfo info = reader.Classify(line, /*allow_title=*/false);
    const bool byline = info.kind == LineKind::kByline &&
                        (!info.email.empty() || (only_line && HasReporterTitle(line)));
    const bool take = info.kind == LineKind::kEmail || info.kind == LineKind::kCredit ||
                      info.kind == LineKind::kInterface || byline;
    if (!take) return;
    reader.Commit(info);
    // Interface strings come in any number; the article's own closing lines are few.
    if (info.kind != LineKind::kInterface) ++taken;
    if (only_line) {
      blocks.pop_back();
    } else {
      text.resize(newline);
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

std::string FoldForCompare(const std::string& text) { return LowerAscii(CollapseWhitespace(text)); }

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
