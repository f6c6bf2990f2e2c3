#include "plugins/text/text_article.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <utility>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "morgue/text_lines.h"

namespace morgue::text_plugin {
namespace {

// Provenance rules, as README.md lists them.
constexpr const char* kRuleDateLine = "text-date-line";
constexpr const char* kRuleFirstLine = "text-first-line";
constexpr const char* kRuleCaption = "text-caption-credit";
constexpr const char* kRuleDeck = "text-deck";
constexpr const char* kRuleByline = "text-byline";
constexpr const char* kRulePostedBy = "text-posted-by";
constexpr const char* kRuleTrailingEmail = "text-trailing-email";
constexpr const char* kRuleCredit = "text-credit-line";
constexpr const char* kRuleEmailDomain = "text-email-domain";
constexpr const char* kRuleBylineSource = "text-byline-source";
constexpr const char* kRuleScript = "text-script";
constexpr const char* kRuleLabels = "text-labels-line";
constexpr const char* kRuleRepostCredit = "text-repost-credit";
constexpr const char* kRulePostedUpdated = "text-posted-updated-line";

constexpr size_t kMaxHeaderLines = 12;  // date, title, caption, deck, byline fit well within
constexpr size_t kMaxTitleWords = 30;   // a longer first line is a paragraph
constexpr size_t kMaxDeckWords = 30;
constexpr size_t kMaxDateLineWords = 10;  // ParseDate allows a few words around the date
constexpr size_t kMaxCreditLineWords = 8;
constexpr size_t kMaxTrailingBylineWords = 10;
constexpr size_t kMinBodyLikeWords = 8;
constexpr size_t kLongLineChars = 250;  // a line this long is a paragraph, whatever it ends in
constexpr size_t kWrapWidth = 100;      // lines no longer than this may be hard-wrapped prose
// Footer and e-mail lines are short; longer lines are never given to std::regex, whose
// libstdc++ matcher recurses once per character matched.
constexpr size_t kMaxShortLineBytes = 300;

constexpr std::regex_constants::syntax_option_type kRegexFlags =
    std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

struct Line {
  std::string text;
  bool starts_block = false;  // first line after a blank line (or of the text)
  bool stands_alone = false;  // a paragraph by itself, not part of a hard-wrapped one
};

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ';
    words += !space && !in_word ? 1 : 0;
    in_word = !space;
  }
  return words;
}

size_t CountChars(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool HasLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || u >= 0xC0;
  });
}

// Hard-wrapped prose: every line but the last is short. Longer lines are paragraphs each.
bool LooksHardWrapped(const std::vector<std::string>& block) {
  return std::all_of(block.begin(), block.end() - 1,
                     [](const std::string& line) { return CountChars(line) <= kWrapWidth; });
}

// Marks the lines that are paragraphs by themselves: alone between blank lines, or in a
// block whose lines are too long to be hard-wrapped.
void MarkStandaloneLines(std::vector<Line>* lines) {
  for (size_t begin = 0; begin < lines->size();) {
    size_t end = begin + 1;
    while (end < lines->size() && !(*lines)[end].starts_block) {
      ++end;
    }
    std::vector<std::string> block;
    for (size_t i = begin; i < end; ++i) {
      block.push_back((*lines)[i].text);
    }
    const bool alone = block.size() == 1 || !LooksHardWrapped(block);
    for (size_t i = begin; i < end; ++i) {
      (*lines)[i].stands_alone = alone;
    }
    begin = end;
  }
}

// Lines with white space folded; `starts_block` marks paragraph starts.
std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  bool after_blank = true;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string line = CollapseWhitespace(text.substr(start, end - start));
    if (line.empty()) {
      after_blank = true;
    } else {
      lines.push_back({std::move(line), after_blank});
      after_blank = false;
    }
    start = end + 1;
  }
  MarkStandaloneLines(&lines);
  return lines;
}

// Ends like a sentence: ".", "!", "?", "。", possibly inside closing quotes or brackets.
bool EndsSentence(std::string_view line) {
  while (!line.empty()) {
    if (line.ends_with("”") || line.ends_with("’")) {
      line.remove_suffix(3);
    } else if (line.back() == '"' || line.back() == '\'' || line.back() == ')') {
      line.remove_suffix(1);
    } else {
      break;
    }
  }
  return line.ends_with('.') || line.ends_with('!') || line.ends_with('?') || line.ends_with("。");
}

bool IsBodyLike(std::string_view line) {
  return CountChars(line) > kLongLineChars ||
         (EndsSentence(line) && CountWords(line) >= kMinBodyLikeWords);
}

bool IsDateLine(std::string_view line) {
  return CountWords(line) <= kMaxDateLineWords && !ParseDate(line).empty();
}

// A line that is only an e-mail address, perhaps with "E-mail:" or brackets around it.
bool IsEmailLine(const std::string& line, std::string* email) {
  *email = FindEmail(line);
  if (email->empty() || line.size() > kMaxShortLineBytes) {
    return false;
  }
  static const std::regex kEmailOnly(
      R"(^(?:e-?mail\s*:?\s*|contact\s*:?\s*)?[<(\[]?\s*(?:mailto:)?\s*[^\s@<>()\[\]]+@[^\s@<>()\[\]]+\s*[>)\]]?\.?$)",
      kRegexFlags);
  return std::regex_match(line, kEmailOnly);
}

// "From The Korea Times", "(Yonhap)", "Source: Reuters": a short line naming where the
// article came from.
const Publication* CreditLine(std::string_view line) {
  if (CountWords(line) > kMaxCreditLineWords) {
    return nullptr;
  }
  return PublicationDirectory::Builtin().FindCredited(line);
}

bool IsCopyrightLine(const std::string& line) {
  static const std::regex kCopyright(
      R"(^(?:©|ⓒ|\(c\)|copyright\s*(?:©|ⓒ|\(c\)|[0-9]{4}|by\b|the\b))|무단\s*전재|all rights reserved)",
      kRegexFlags);
  return line.size() <= kMaxShortLineBytes && CountWords(line) <= 20 &&
         std::regex_search(line, kCopyright);
}

// The blog's and site's furniture after an article: comment counts and forms, labels,
// share buttons, post navigation. Several may share a line once the page is flattened.
bool IsFooterLine(const std::string& line) {
  static const std::regex kPhrases(
      R"(^(?:(?:no comments|[0-9]+ comments?|post a comment|post comments \(atom\)|)"
      R"(subscribe to:?|share this|like this|related|leave a (?:reply|comment)|newer posts?|)"
      R"(older posts?|home|email this|blogthis!|share to (?:twitter|facebook|pinterest)|)"
      R"(share|tweet|print|powered by blogger|proudly powered by wordpress|)"
      R"(loading\.\.\.|reply|\(end\)|-end-|# ?# ?#)\s*:?\s*[|·•,]?\s*)+$)",
      kRegexFlags);
  static const std::regex kLeads(
      R"(^(?:posted by|published by|labels?:|tags?:|categories:|category:|filed under|)"
      R"(view all posts by|subscribe to:|share this:))",
      kRegexFlags);
  if (line.size() > kMaxShortLineBytes) {
    return false;
  }
  return std::regex_match(line, kPhrases) || std::regex_search(line, kLeads) ||
         IsCopyrightLine(line) || IsBlogInterfaceLine(line);
}

bool IsPostedByLine(const std::string& line) {
  static const std::regex kPosted(R"(^(?:posted|published) by\b)", kRegexFlags);
  return line.size() <= kMaxShortLineBytes &&
         (std::regex_search(line, kPosted) || !BlogInterfacePoster(line).empty());
}

// What the parser has found so far.
struct Parse {
  Article article;
  std::optional<Byline> byline;
  std::vector<std::string> posters;
  std::string trailing_email;
  const Publication* credited = nullptr;
  std::optional<RepostCredit> repost;  // "From The Korea Times, January 4, 2011. Original: …"
  size_t deck_line = 0;                // the line taken for the deck, when there is one
};

void AddPoster(const std::string& line, Parse* parse) {
  if (std::string poster = BlogInterfacePoster(line); !poster.empty()) {
    parse->posters.push_back(std::move(poster));
    return;
  }
  if (std::optional<Byline> byline = ParseByline(line)) {
    for (const Author& author : byline->authors) {
      parse->posters.push_back(author.name);
    }
  }
}

void SetCredit(const Publication* publication, Parse* parse) {
  if (parse->credited == nullptr) {
    parse->credited = publication;
  }
}

void SetPublished(const std::string& line, Parse* parse) {
  parse->article.published = ParseDate(line);
  parse->article.provenance["published"] = kRuleDateLine;
}

// A repost's credit line: the credited publication is the source and its date the
// article's, whatever date the blog put above it.
bool TakeRepostCredit(const std::string& line, Parse* parse) {
  if (parse->repost) {
    return false;
  }
  std::optional<RepostCredit> credit = ParseRepostCredit(line);
  if (!credit) {
    return false;
  }
  if (!credit->published.empty()) {
    parse->article.published = credit->published;
    parse->article.provenance["published"] = kRuleRepostCredit;
  }
  parse->repost = std::move(credit);
  return true;
}

// "Posted : 2011-01-04 17:26 | Updated : 2011-01-04 18:02": both dates, kept apart.
bool TakePostedUpdated(const std::string& line, Parse* parse) {
  std::optional<PostedUpdated> dates = ParsePostedUpdated(line);
  if (!dates) {
    return false;
  }
  Article& article = parse->article;
  if (article.published.empty()) {
    article.published = dates->published;
    article.provenance["published"] = kRulePostedUpdated;
  }
  if (article.updated.empty()) {
    article.updated = dates->updated;
    article.provenance["updated"] = kRulePostedUpdated;
  }
  return true;
}

// A photo caption with its credit: "… Tuesday. / Xinhua-Yonhap".
bool TakeCaption(const std::string& line, Parse* parse) {
  if (!parse->article.media.empty()) {
    return false;
  }
  CaptionCredit split = SplitCaptionCredit(line);
  if (split.credit.empty() || CountWords(split.caption) < 3) {
    return false;
  }
  Media media;
  media.caption = std::move(split.caption);
  media.credit = std::move(split.credit);
  parse->article.media.push_back(std::move(media));
  parse->article.provenance["media"] = kRuleCaption;
  return true;
}

// The deck: a short line standing alone, not a sentence, between the title and the byline.
// (A short line followed by more short lines starts a hard-wrapped paragraph.)
bool TakeDeck(const std::string& line, bool stands_alone, Parse* parse) {
  if (!stands_alone || parse->byline || !parse->article.subtitle.empty() ||
      CountWords(line) > kMaxDeckWords || EndsSentence(line)) {
    return false;
  }
  parse->article.subtitle = line;
  parse->article.provenance["subtitle"] = kRuleDeck;
  return true;
}

// "Labels: defense, Japan, North Korea" (Blogger), "Tags: …", "Filed under: …": the
// post's labels as tags. Only the first such line counts; a line of more than a few
// dozen labels is a sidebar's label cloud, not the post's.
const std::regex& LabelsLead() {
  static const std::regex kLead(R"(^(?:labels?|tags?|categories|category|filed under)\s*:\s*)",
                                kRegexFlags);
  return kLead;
}

bool IsLabelsLine(const std::string& line) {
  return line.size() <= kMaxShortLineBytes && std::regex_search(line, LabelsLead());
}

bool TakeLabelsLine(const std::string& line, Parse* parse) {
  constexpr size_t kMaxLabels = 30;
  constexpr size_t kMaxLabelBytes = 80;
  std::smatch m;
  if (line.size() > kMaxShortLineBytes || !std::regex_search(line, m, LabelsLead())) {
    return false;
  }
  if (!parse->article.tags.empty()) {
    return true;
  }
  std::vector<std::string> labels;
  std::string_view rest(line);
  rest.remove_prefix(static_cast<size_t>(m.length(0)));
  while (!rest.empty()) {
    const size_t comma = std::min(rest.find(','), rest.size());
    const std::string label = CollapseWhitespace(rest.substr(0, comma));
    if (!label.empty() && label.size() <= kMaxLabelBytes &&
        std::find(labels.begin(), labels.end(), label) == labels.end()) {
      labels.push_back(label);
    }
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  if (!labels.empty() && labels.size() <= kMaxLabels) {
    parse->article.tags = std::move(labels);
    parse->article.provenance["tags"] = kRuleLabels;
  }
  return true;
}

// Line `i` of the head of the text; false when the line starts the body.
bool TakeHeaderLine(const std::vector<Line>& lines, size_t i, Parse* parse) {
  const std::string& line = lines[i].text;
  Article& article = parse->article;
  if (TakeRepostCredit(line, parse) || TakePostedUpdated(line, parse)) {
    return true;
  }
  if (article.published.empty() && IsDateLine(line)) {
    SetPublished(line, parse);
    return true;
  }
  if (!HasLetter(line)) {
    return line.find_first_not_of("-=*_~#+ ") == std::string::npos;  // a rule: "-----"
  }
  if (IsPostedByLine(line)) {
    AddPoster(line, parse);
    return true;
  }
  // "Filed under: port, city" under the headline labels the article that follows it.
  if (TakeLabelsLine(line, parse)) {
    return true;
  }
  if (article.title.empty()) {
    if (CountWords(line) > kMaxTitleWords || CountChars(line) > kLongLineChars) {
      return false;  // a paragraph: this text has no title line
    }
    article.title = line;
    article.provenance["title"] = kRuleFirstLine;
    return true;
  }
  if (line == article.title) {
    return true;  // blogs repeat the title at the top of the post
  }
  std::string email;
  if (IsEmailLine(line, &email)) {
    parse->trailing_email = email;
    return true;
  }
  if (!parse->byline) {
    if (std::optional<Byline> byline = ParseByline(line); byline && !byline->authors.empty()) {
      parse->byline = std::move(byline);
      return true;
    }
  }
  if (const Publication* credited = CreditLine(line)) {
    SetCredit(credited, parse);
    return true;
  }
  // After the byline comes the body, where a "— AFP" would end a paragraph, not a caption.
  if (!parse->byline && TakeCaption(line, parse)) {
    return true;
  }
  if (IsBodyLike(line)) {
    return false;
  }
  if (!TakeDeck(line, lines[i].stands_alone, parse)) {
    return false;
  }
  parse->deck_line = i;
  return true;
}

// Index of the first body line.
size_t ParseHeader(const std::vector<Line>& lines, Parse* parse) {
  size_t i = 0;
  while (i < lines.size() && i < kMaxHeaderLines && TakeHeaderLine(lines, i, parse)) {
    ++i;
  }
  // A short last line ("Dredging started…") reads like a deck; with nothing after the
  // head, it is the article's text.
  if (i == lines.size() && !parse->article.subtitle.empty()) {
    parse->article.subtitle.clear();
    parse->article.provenance.erase("subtitle");
    return parse->deck_line;
  }
  return i;
}

// Blocks of lines: paragraphs as the text separated them. A line of page furniture left
// out (`skipped`) ends the paragraph before it.
std::vector<std::vector<std::string>> GroupBlocks(const std::vector<Line>& lines, size_t begin,
                                                  size_t end, const std::vector<bool>& skipped) {
  std::vector<std::vector<std::string>> blocks;
  bool new_block = true;
  for (size_t i = begin; i < end; ++i) {
    if (skipped[i]) {
      new_block = true;
      continue;
    }
    if (new_block || lines[i].starts_block) {
      blocks.emplace_back();
    }
    new_block = false;
    blocks.back().push_back(lines[i].text);
  }
  return blocks;
}

// Article text, as opposed to the short lines of a page's furniture (sidebar headings,
// share buttons, archive links): a line of several words, or a sentence.
bool IsProse(std::string_view line) {
  constexpr size_t kMinSentenceChars = 20;
  return IsBodyLike(line) || CountWords(line) >= kMinBodyLikeWords ||
         (EndsSentence(line) && CountChars(line) >= kMinSentenceChars);
}

// What a footer line tells about the article: the poster, the post's labels, a copyright.
void ReadFooterLine(const std::string& line, Parse* parse) {
  if (IsPostedByLine(line) && parse->posters.empty()) {
    AddPoster(line, parse);
  } else if (!TakeLabelsLine(line, parse) && IsCopyrightLine(line)) {
    SetCredit(CreditLine(line), parse);
  }
}

// The line where the article ends and the blog's footer begins. Lines from there on are
// read only for the poster ("Posted by …"), the post's labels and a copyright credit.
// The footer is at the end: a footer line with the article's text after it is furniture
// within the article, read the same way and marked `skipped` from the body. That is any
// footer line above the first paragraph of prose (share buttons or a "Filed under:" over
// the article), and a labels line after it followed by more of the article before the
// next footer line.
size_t FindFooter(const std::vector<Line>& lines, size_t begin, Parse* parse,
                  std::vector<bool>* skipped) {
  const size_t n = lines.size();
  // For each line, the next line of prose and the next footer line that is not a labels
  // line after it (n: none), found in one pass from the end.
  std::vector<bool> footer_line(n);
  std::vector<size_t> next_prose(n + 1, n);
  std::vector<size_t> next_furniture(n + 1, n);
  for (size_t i = n; i-- > begin;) {
    const std::string& line = lines[i].text;
    footer_line[i] = IsFooterLine(line);
    next_prose[i] = !footer_line[i] && IsProse(line) ? i : next_prose[i + 1];
    next_furniture[i] = footer_line[i] && !IsLabelsLine(line) ? i : next_furniture[i + 1];
  }
  size_t footer = n;
  for (size_t i = begin; i < n; ++i) {
    if (!footer_line[i]) {
      continue;
    }
    const bool prose_before = next_prose[begin] < i;
    const bool within_article =
        prose_before ? IsLabelsLine(lines[i].text) && next_prose[i] < next_furniture[i + 1]
                     : next_prose[i] < n;
    if (!within_article) {
      footer = i;
      break;
    }
    ReadFooterLine(lines[i].text, parse);
    (*skipped)[i] = true;
  }
  for (size_t i = footer; i < n; ++i) {
    ReadFooterLine(lines[i].text, parse);
  }
  return footer;
}

// A byline after the body, Korean style: "박지민 기자 jimin@hani.co.kr".
bool TakeTrailingByline(const std::string& line, Parse* parse) {
  if (CountWords(line) > kMaxTrailingBylineWords) {
    return false;
  }
  std::optional<Byline> byline = ParseByline(line);
  if (!byline || byline->authors.empty()) {
    return false;
  }
  if (!parse->byline) {
    parse->byline = std::move(byline);
  } else if (parse->byline->authors.size() == 1 && byline->authors.size() == 1 &&
             parse->byline->authors[0].name == byline->authors[0].name &&
             parse->byline->authors[0].email.empty()) {
    parse->byline->authors[0].email = byline->authors[0].email;
  }
  return true;
}

// Takes the e-mail, credit and byline lines that close the body, last first.
void TakeTrailingLines(std::vector<std::vector<std::string>>* blocks, Parse* parse) {
  while (!blocks->empty()) {
    std::vector<std::string>& block = blocks->back();
    if (block.empty()) {
      blocks->pop_back();
      continue;
    }
    const std::string& line = block.back();
    // "…according to\nReuters" is the end of a wrapped sentence, not a credit line.
    const bool own_line = block.size() == 1 || EndsSentence(block[block.size() - 2]);
    std::string email;
    if (IsEmailLine(line, &email)) {
      if (parse->trailing_email.empty()) {
        parse->trailing_email = email;
      }
    } else if (own_line && TakeRepostCredit(line, parse)) {
      // the credit line that closes a repost
    } else if (const Publication* credited = own_line ? CreditLine(line) : nullptr) {
      SetCredit(credited, parse);
    } else if (!own_line || !TakeTrailingByline(line, parse)) {
      return;
    }
    block.pop_back();
  }
}

// "SEOUL, Jan. 4 (Yonhap) -- …" in the first paragraph; "… (Yonhap)" or "… — AFP" at the
// end of the last. Only these spots: elsewhere a bracket names a source the article cites.
void FindInlineCredits(const std::vector<std::string>& paragraphs, Parse* parse) {
  if (paragraphs.empty()) {
    return;
  }
  const std::string& first = paragraphs.front();
  for (std::string_view dash : {" -- ", " — ", " – ", " - "}) {
    const size_t at = first.find(dash);
    if (at != std::string::npos && at <= 60) {
      SetCredit(PublicationDirectory::Builtin().FindCredited(first.substr(0, at)), parse);
      break;
    }
  }
  std::string_view last = paragraphs.back();
  while (!last.empty() && (last.back() == '.' || last.back() == ' ')) {
    last.remove_suffix(1);
  }
  const size_t open = last.rfind('(');
  if (last.ends_with(')') && open != std::string_view::npos && last.size() - open <= 40) {
    SetCredit(PublicationDirectory::Builtin().FindCredited(last.substr(open)), parse);
  }
  for (std::string_view dash : {" — ", " – "}) {
    const size_t at = last.rfind(dash);
    if (at != std::string_view::npos && last.size() - at <= 40) {
      SetCredit(PublicationDirectory::Builtin().FindCredited(last.substr(at)), parse);
    }
  }
}

// Lines of a block become one paragraph when they look hard-wrapped (all but the last
// short), otherwise one paragraph each; so do lines that are mostly sentences of their
// own (LinesAreParagraphs), however short.
void AppendParagraphs(const std::vector<std::string>& block, std::vector<std::string>* out) {
  if (!LooksHardWrapped(block) || LinesAreParagraphs(block)) {
    out->insert(out->end(), block.begin(), block.end());
    return;
  }
  std::string paragraph;
  for (const std::string& line : block) {
    if (!paragraph.empty()) {
      paragraph += ' ';
    }
    paragraph += line;
  }
  out->push_back(std::move(paragraph));
}

void ParseBody(const std::vector<Line>& lines, size_t begin, Parse* parse) {
  std::vector<bool> skipped(lines.size(), false);
  const size_t footer = FindFooter(lines, begin, parse, &skipped);
  std::vector<std::vector<std::string>> blocks = GroupBlocks(lines, begin, footer, skipped);
  TakeTrailingLines(&blocks, parse);
  std::vector<std::string> paragraphs;
  for (const std::vector<std::string>& block : blocks) {
    std::vector<std::string> kept;
    for (const std::string& line : block) {
      std::string email;
      if (!IsEmailLine(line, &email)) {  // a contact line inside the text is not prose
        kept.push_back(line);
      }
    }
    if (!kept.empty()) {
      AppendParagraphs(kept, &paragraphs);
    }
  }
  FindInlineCredits(paragraphs, parse);
  std::string body;
  for (const std::string& paragraph : paragraphs) {
    if (!body.empty()) {
      body += "\n\n";
    }
    body += paragraph;
  }
  parse->article.body = std::move(body);
}

void SetAuthors(Parse* parse) {
  Article& article = parse->article;
  if (parse->byline) {
    article.authors = parse->byline->authors;
    article.provenance["authors"] = kRuleByline;
  }
  if (article.authors.size() == 1 && article.authors[0].email.empty() &&
      !parse->trailing_email.empty()) {
    article.authors[0].email = parse->trailing_email;
    article.provenance["authors.email"] = kRuleTrailingEmail;
  }
  for (const std::string& name : parse->posters) {
    const bool is_author = std::any_of(article.authors.begin(), article.authors.end(),
                                       [&name](const Author& a) { return a.name == name; });
    if (!is_author) {
      Author poster;
      poster.name = name;
      poster.role = "poster";
      article.authors.push_back(std::move(poster));
      article.provenance.emplace("authors", kRulePostedBy);
    }
  }
}

// In order of trust: a credit in the text, the reporter's e-mail domain, the byline.
void SetSource(Parse* parse) {
  Article& article = parse->article;
  const PublicationDirectory& directory = PublicationDirectory::Builtin();
  if (parse->repost && !parse->repost->source.empty()) {
    article.source = parse->repost->source;
    article.provenance["source"] = kRuleRepostCredit;
    return;
  }
  if (parse->credited != nullptr) {
    article.source = parse->credited->name;
    article.provenance["source"] = kRuleCredit;
    return;
  }
  std::vector<std::string> emails;
  for (const Author& author : article.authors) {
    emails.push_back(author.email);
  }
  emails.push_back(parse->trailing_email);
  for (const std::string& email : emails) {
    if (const Publication* p = email.empty() ? nullptr : directory.FindByDomain(email)) {
      article.source = p->name;
      article.provenance["source"] = kRuleEmailDomain;
      return;
    }
  }
  if (parse->byline && !parse->byline->source.empty()) {
    const Publication* p = directory.FindByName(parse->byline->source);
    article.source = p != nullptr ? p->name : parse->byline->source;
    article.provenance["source"] = kRuleBylineSource;
  }
}

bool LooksEnglish(std::string_view text) {
  static constexpr std::string_view kCommon[] = {"the", "and", "of",   "to",  "in",   "is", "that",
                                                 "for", "on",  "with", "was", "said", "a"};
  size_t words = 0;
  size_t common = 0;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) {
      ++words;
      common += std::find(std::begin(kCommon), std::end(kCommon), word) != std::end(kCommon);
      word.clear();
    }
  };
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return common >= 3 && common * 100 >= words * 8;  // English prose: ~20% of its words
}

}  // namespace

std::string GuessLanguage(std::string_view text) {
  size_t hangul = 0;
  size_t kana = 0;
  size_t han = 0;
  size_t ascii = 0;
  size_t other = 0;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = lead < 0x80   ? lead
                  : lead < 0xE0 ? lead & 0x1F
                  : lead < 0xF0 ? lead & 0x0F
                                : lead & 0x07;
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += length;
    if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF)) {
      ++hangul;
    } else if (cp >= 0x3040 && cp <= 0x30FF) {
      ++kana;
    } else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) {
      ++han;
    } else if (cp < 0x80 && std::isalpha(static_cast<int>(cp)) != 0) {
      ++ascii;
    } else if (cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F)) {
      ++other;
    }
  }
  const size_t letters = hangul + kana + han + ascii + other;
  if (letters == 0) {
    return "";
  }
  if (hangul * 2 > letters) {
    return "ko";
  }
  // Japanese mixes kanji with kana; kana are a good part of any Japanese sentence.
  if ((kana + han) * 2 > letters && kana * 5 >= kana + han) {
    return "ja";
  }
  if (han * 2 > letters && kana == 0 && hangul == 0) {
    return "zh";
  }
  if (ascii * 2 > letters && LooksEnglish(text)) {
    return "en";
  }
  return "";
}

Article ParseTextArticle(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  Parse parse;
  const size_t body_begin = ParseHeader(lines, &parse);
  ParseBody(lines, body_begin, &parse);
  SetAuthors(&parse);
  SetSource(&parse);
  Article& article = parse.article;
  article.language = GuessLanguage(article.title + "\n" + article.body);
  if (!article.language.empty()) {
    article.provenance["language"] = kRuleScript;
  }
  return std::move(parse.article);
}

}  // namespace morgue::text_plugin
