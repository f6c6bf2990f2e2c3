// The dates a page shows or encodes outside its metadata (metadata.h: ExtractPageDates):
// the date in the path of its own address, the date lines around its headline and byline,
// and the <time> and <abbr class="published"> elements of its article. They let
// article_builder check what the metadata says against what a reader sees.

#include <array>
#include <cctype>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/body_meta.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

// How far from the headline a date line may be: text pieces read after it (the byline,
// the date, the deck and the first paragraphs), before it (a kicker with the date), and
// how many paragraphs of prose end the header.
constexpr size_t kPiecesAfterHeadline = 40;
constexpr size_t kPiecesBeforeHeadline = 6;
constexpr size_t kProseParagraphs = 2;
constexpr size_t kProseChars = 200;
constexpr size_t kMaxTitleBytes = 2000;  // longer "titles" are pages of text
constexpr size_t kMaxDateLineChars = 150;
constexpr size_t kMainColumnChars = 2000;

// ---- The date in the address ----------------------------------------------------------

bool AllDigits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

int Number(std::string_view digits) { return std::stoi(std::string(digits)); }

// A plausible publication day for a web page.
bool PlausibleDay(int year, int month, int day) {
  return year >= 1990 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string FormatDay(int year, int month, int day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// The path of an absolute or root-relative address, without query and fragment.
std::string_view PathOf(std::string_view url) {
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    const size_t slash = url.find('/');
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  return url.substr(0, url.find_first_of("?#"));
}

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

// "2011-01-04" or "20110104" alone in a segment or between non-digits in it
// ("news-2011-01-04-title", "20110104_title.html").
std::string DayInSegment(std::string_view segment) {
  for (size_t i = 0; i < segment.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(segment[i - 1]))) continue;
    size_t run = i;
    while (run < segment.size() && std::isdigit(static_cast<unsigned char>(segment[run]))) ++run;
    if (run - i == 8) {
      const std::string_view digits = segment.substr(i, 8);
      const int year = Number(digits.substr(0, 4));
      const int month = Number(digits.substr(4, 2));
      const int day = Number(digits.substr(6, 2));
      if (PlausibleDay(year, month, day)) return FormatDay(year, month, day);
    }
    if (run - i == 4 && run + 6 <= segment.size() && segment[run] == '-' &&
        AllDigits(segment.substr(run + 1, 2)) && segment[run + 3] == '-' &&
        AllDigits(segment.substr(run + 4, 2)) &&
        (run + 6 == segment.size() ||
         !std::isdigit(static_cast<unsigned char>(segment[run + 6])))) {
      const int year = Number(segment.substr(i, 4));
      const int month = Number(segment.substr(run + 1, 2));
      const int day = Number(segment.substr(run + 4, 2));
      if (PlausibleDay(year, month, day)) return FormatDay(year, month, day);
    }
    if (run > i) i = run;
  }
  return "";
}

// The day an address's path gives (/2011/01/04/, /20110104/, /2011-01-04/) as
// "2011-01-04", or only its month (/2011/01/) as "2011-01"; "" when it gives neither.
std::string DateInUrlPath(std::string_view url) {
  const std::vector<std::string_view> segments = Segments(PathOf(url));
  for (size_t i = 0; i < segments.size(); ++i) {
    const bool year = segments[i].size() == 4 && AllDigits(segments[i]);
    if (year && i + 1 < segments.size() && segments[i + 1].size() <= 2 &&
        AllDigits(segments[i + 1])) {
      const int y = Number(segments[i]);
      const int m = Number(segments[i + 1]);
      if (!PlausibleDay(y, m, 1)) continue;
      if (i + 2 < segments.size() && segments[i + 2].size() <= 2 && AllDigits(segments[i + 2]) &&
          PlausibleDay(y, m, Number(segments[i + 2]))) {
        return FormatDay(y, m, Number(segments[i + 2]));
      }
      return FormatDay(y, m, 1).substr(0, 7);
    }
    if (std::string day = DayInSegment(segments[i]); !day.empty()) return day;
  }
  return "";
}

void ExtractUrlDate(PageMetadata& meta) {
  for (const Candidate& url : meta.urls) {
    const std::string date = DateInUrlPath(url.value);
    if (date.size() == 10) {
      meta.published.push_back({date, "url-path"});
      return;
    }
    if (date.size() == 7) {
      meta.published.push_back({date, "url-month"});
      return;
    }
  }
}

// ---- The date in the <title> -----------------------------------------------------------

// The parts of a <title>, between the separators that set off its site name and section
// ("Headline - Section - 04/01/2011 - Site").
std::vector<std::string> TitleParts(const std::string& title) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= title.size()) {
    size_t end = std::string::npos;
    size_t separator_length = 0;
    for (std::string_view separator :
         {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xB7 "}) {
      const size_t at = title.find(separator, start);
      if (at < end) {
        end = at;
        separator_length = separator.size();
      }
    }
    parts.push_back(title.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + separator_length;
  }
  return parts;
}

// "04/01/2011" or "04.01.2011" alone: a day and month, either way round, and a year.
bool IsNumericDate(std::string_view text) {
  const size_t first = text.find_first_of("./");
  const size_t second = first == std::string_view::npos ? first : text.find(text[first], first + 1);
  return second != std::string_view::npos && first >= 1 && first <= 2 && second - first - 1 >= 1 &&
         second - first - 1 <= 2 && text.size() - second - 1 == 4 &&
         AllDigits(text.substr(0, first)) &&
         AllDigits(text.substr(first + 1, second - first - 1)) &&
         AllDigits(text.substr(second + 1));
}

// A part of the <title> that is a date and nothing else, the day the page gives itself
// in its window's title: "title-date", both readings when its slashes could be read either
// way ("09/04/2021"). article_builder lets it correct a machine date a day off only.
void ExtractTitleDate(PageMetadata& meta) {
  for (const Candidate& title : meta.titles) {
    if (title.rule != "html-title" || title.value.size() > kMaxTitleBytes) continue;
    for (const std::string& part : TitleParts(title.value)) {
      const std::string text = CollapseWhitespace(part);
      if (!IsNumericDate(text)) continue;
      const size_t first = text.find_first_of("./");
      const size_t second = text.find(text[first], first + 1);
      const std::string a = text.substr(0, first);
      const std::string b = text.substr(first + 1, second - first - 1);
      const std::string year = text.substr(second + 1);
      // Dotted dates are day-first; slashed ones are read both ways and the metadata's day
      // picks.
      for (const auto& [day, month] : {std::pair{a, b}, std::pair{b, a}}) {
        std::string dotted = day;
        dotted.append(".").append(month).append(".").append(year);
        const std::string date = ParseDate(dotted);
        if (!date.empty()) meta.published.push_back({date, "title-date"});
        if (text[first] == '.' || a == b) break;
      }
      return;
    }
  }
}

// ---- Date lines around the headline ----------------------------------------------------

constexpr auto kFurnitureWords = std::to_array<std::string_view>(
    {"comment",   "sidebar",   "footer",   "related", "widget",  "navbar",     "menu",
     "promo",     "recommend", "popular",  "most-",   "archive", "breadcrumb", "newsletter",
     "copyright", "weather",   "calendar", "ticker",  "caption", "embed"});

// Parts of the page that are not the article's own header: sidebars, comments, footers,
// teasers of other articles, "today" and calendar widgets. A wrapper that holds the
// headline is the article's, whatever its class says of the page's layout
// ("layout-with-sidebar"). Each element's answer is found once per page (see
// InheritedAnswer): a box of fifty thousand teasers is measured once, not per teaser.
class Furniture {
 public:
  // Around `headline`, or before the headline is known (nullptr).
  explicit Furniture(const Node* headline) {
    for (const Node* up = headline; up != nullptr; up = up->parent) holding_headline_.insert(up);
  }

  bool Holds(const Node* node) { return answers_.At(node); }

 private:
  std::unordered_set<const Node*> holding_headline_;
  InheritedAnswer answers_{[this](const Node* up) -> std::optional<bool> {
    const std::string_view tag = Tag(up);
    if (tag == "body" || tag == "html") return false;
    if (holding_headline_.contains(up)) return std::nullopt;
    // Embedded posts and quotes carry their own dates; captions their photos'.
    if (tag == "aside" || tag == "nav" || tag == "footer" || tag == "blockquote" ||
        tag == "figure" || tag == "figcaption") {
      return true;
    }
    const std::string names = ClassAndId(up);
    for (std::string_view word : kFurnitureWords) {
      // A column holding pages of text is the page's main column, named after the layout
      // ("lay-sidebar", "sidebar__main").
      if (names.find(word) != std::string::npos) {
        return !TextLongerThan(up, kMainColumnChars - 1);
      }
    }
    return std::nullopt;
  }};
};

// The first of `headings` a metadata title holds: a title of the article's own first
// (og:title, JSON-LD...), the <title> last and only for a heading of several words, as
// it also holds the site's name, which may be a heading too.
Node* HeadingTitled(const std::vector<Node*>& headings, const PageMetadata& meta) {
  std::vector<std::pair<std::string, bool>> titles;  // folded, and whether the <title>
  for (const Candidate& title : meta.titles) {
    if (title.value.size() > kMaxTitleBytes) continue;  // pages of text, not a title
    titles.emplace_back(FoldForCompare(title.value), title.rule == "html-title");
  }
  if (titles.empty()) return nullptr;
  for (const bool html_title : {false, true}) {
    for (Node* heading : headings) {
      const std::string text = FoldForCompare(Text(heading));
      if (text.size() < 8 || (html_title && WordCount(text) < 4)) continue;
      for (const auto& [title, is_html_title] : titles) {
        if (is_html_title == html_title && title.find(text) != std::string::npos) return heading;
      }
    }
  }
  return nullptr;
}

// A heading of a few words, not a link (a menu's or a teaser's), whose next elements
// hold a paragraph of prose: an article's own heading.
bool HeadsProse(Node* heading) {
  constexpr int kMinHeadlineWords = 3;
  constexpr int kElementsToProse = 3;
  if (FindAncestor(heading, [](const Node* n) { return IsTag(n, "a"); }) != nullptr ||
      FindFirst(heading, [](const Node* n) { return IsTag(n, "a"); }) != nullptr ||
      WordCount(Text(heading)) < kMinHeadlineWords) {
    return false;
  }
  int elements = 0;
  for (const Node* next = heading->next; next != nullptr && elements < kElementsToProse;
       next = next->next) {
    if (!IsElement(next)) continue;
    ++elements;
    if (IsHeading(next) && !IsTag(next, "h5") && !IsTag(next, "h6")) return false;
    if (IsTag(next, "p") && TextLength(next) >= kProseChars) return true;
  }
  return false;
}

// The article's headline: the <h1> whose text a metadata title holds, else the first
// <h1> outside the page's furniture; on a page without either, a lower heading the
// metadata names, else the first that heads the article's prose.
Node* Headline(Node* root, const PageMetadata& meta) {
  const std::vector<Node*> h1s = FindAll(root, [](const Node* n) { return IsTag(n, "h1"); });
  // The <h1> the metadata names is the headline even where the page's template put it
  // (a breadcrumb bar, a slider).
  if (Node* titled = HeadingTitled(h1s, meta)) return titled;
  Furniture furniture(nullptr);
  for (Node* heading : h1s) {
    if (!furniture.Holds(heading)) return heading;
  }
  // A page without an <h1> may give its headline a lower heading.
  const std::vector<Node*> headings =
      FindAll(root, [&furniture](const Node* n) { return IsHeading(n) && !furniture.Holds(n); });
  if (Node* titled = HeadingTitled(headings, meta)) return titled;
  if (!h1s.empty()) return nullptr;
  for (Node* heading : headings) {
    if (HeadsProse(heading)) return heading;
  }
  return nullptr;
}

// Whether a text node holds more than white space. An ASCII character that is not a
// space settles it without copying the text (most nodes); only text of spaces and
// non-ASCII characters (a no-break space) is collapsed to tell.
bool HasText(const char* content) {
  bool non_ascii = false;
  for (const char* c = content; *c != '\0'; ++c) {
    const auto byte = static_cast<unsigned char>(*c);
    if (byte >= 0x80) {
      non_ascii = true;
    } else if (byte != ' ' && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' &&
               byte != '\v') {
      return true;
    }
  }
  return non_ascii && !CollapseWhitespace(content).empty();
}

// The text pieces (text nodes of more than white space, outside scripts, styles and the
// like) around the headline, in document order, from one pass over the page that stops
// as soon as enough pieces after the headline are known.
class PiecesAroundHeadline {
 public:
  PiecesAroundHeadline(Node* root, const Node* headline) : headline_(headline) {
    Collect(root, /*inside=*/false);
  }

  // The last pieces before the headline's first one, nearest last; the page's last ones
  // when the headline holds none.
  const std::deque<Node*>& before() const { return before_; }
  // The headline's last piece, or nullptr when it holds none.
  Node* headline_last() const { return headline_last_; }
  // The first pieces after the headline's last one (none when it holds none).
  const std::vector<Node*>& after() const { return after_; }

 private:
  void Collect(Node* node, bool inside) {
    for (Node* child = node->children; child != nullptr && !done_; child = child->next) {
      if (IsText(child)) {
        const char* content = reinterpret_cast<const char*>(child->content);
        if (content != nullptr && HasText(content)) Take(child, inside);
      } else if (IsElement(child) && !IsTag(child, "script") && !IsTag(child, "style") &&
                 !IsTag(child, "noscript") && !IsTag(child, "template")) {
        Collect(child, inside || child == headline_);
      }
    }
  }

  void Take(Node* piece, bool inside) {
    if (inside) {
      headline_last_ = piece;
    } else if (headline_last_ == nullptr) {
      before_.push_back(piece);
      if (before_.size() > kPiecesBeforeHeadline) before_.pop_front();
    } else {
      after_.push_back(piece);
      done_ = after_.size() >= kPiecesAfterHeadline;
    }
  }

  const Node* headline_;
  std::deque<Node*> before_;
  Node* headline_last_ = nullptr;
  std::vector<Node*> after_;
  bool done_ = false;
};

// The smallest block around a text node.
const Node* BlockOf(const Node* text) {
  const Node* up = text->parent;
  while (IsElement(up) && !IsBlock(up) && IsElement(up->parent)) up = up->parent;
  return up;
}

bool IsCopyright(std::string_view text) {
  const std::string lower = LowerAscii(text);
  return text.find("\xC2\xA9") != std::string_view::npos ||
         lower.find("copyright") != std::string::npos || lower.find("(c)") != std::string::npos;
}

// Whether the element or one around it inside its block is marked as an update's date
// (class "updated", "date-modified", itemprop="dateModified").
bool NamesUpdate(const Node* node) {
  for (const Node* up = node; IsElement(up) && !IsTag(up, "article"); up = up->parent) {
    const std::string names = ClassAndId(up) + " " + LowerAscii(Attr(up, "itemprop"));
    // "entry-date published updated" (WordPress) is the publication's.
    if (names.find("publish") != std::string::npos) return false;
    if (names.find("update") != std::string::npos || names.find("modif") != std::string::npos) {
      return true;
    }
    if (IsBlock(up)) break;
  }
  return false;
}

// The part of a paragraph before its first dash, or in its opening brackets, when short:
// the dateline of a press release or agency story ("Berlin, 29.11.2022 – ...", "PARIS,
// 4 janvier 2011 —", "(17. Oktober 2021) ...").
std::string DatelineOf(const std::string& text) {
  constexpr size_t kMaxDatelineBytes = 80;
  // "(4. Januar 2011) Mieter erhalten ..."
  if (text.starts_with('(')) {
    const size_t close = text.find(')');
    if (close != std::string::npos && close <= kMaxDatelineBytes) return text.substr(1, close - 1);
  }
  for (std::string_view dash : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - "}) {
    const size_t at = text.find(dash);
    if (at != std::string::npos && at <= kMaxDatelineBytes) return text.substr(0, at);
  }
  return "";
}

class DateLineReader {
 public:
  DateLineReader(PageMetadata& meta, Furniture& furniture) : meta_(meta), furniture_(furniture) {}

  // Reads the line of the text piece's element and of its block, and the piece itself
  // when it opens its block ("Pressemitteilung vom 4. Januar 2011 | Berlin – <b>Die
  // ..."); stops at the first dated one.
  void Read(const Node* text, bool opens_block) {
    if (done_ || furniture_.Holds(text->parent) || NamesUpdate(text->parent)) return;
    if (opens_block) {
      const std::string piece = CollapseWhitespace(reinterpret_cast<const char*>(text->content));
      if (CharCount(piece) <= kMaxDateLineChars && !IsCopyright(piece)) {
        Take(Parsed(piece));
        if (done_) return;
      }
      // A dateline opening the article's text: "Berlin, 29.11.2022 – Die Stadt ...".
      const std::string dateline = DatelineOf(piece);
      if (!dateline.empty()) {
        Take(Parsed(dateline));
        if (done_) return;
      }
    }
    const Node* parent = text->parent;
    for (const Node* element : {parent, BlockOf(text)}) {
      if (element == last_element_) continue;
      last_element_ = element;
      if (TextLongerThan(element, kMaxDateLineChars)) continue;
      const std::string line = CollapseWhitespace(Text(element));
      if (line.empty() || CharCount(line) > kMaxDateLineChars || IsCopyright(line)) continue;
      Take(Parsed(line));
      if (!done_ && line.find('/') != std::string::npos) TakeEitherWay(line);
      if (done_) return;
    }
  }

  bool done() const { return done_; }
  // From now on the pieces are the article's text, not its header.
  void EnterText() { in_text_ = true; }

 private:
  // A line whose only date has slashes and could be read either way ("3/5/2022 22:41"):
  // both readings, for article_builder to match against the metadata's day.
  void TakeEitherWay(const std::string& line) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(line[i])) ||
          (i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1])))) {
        continue;
      }
      size_t first_end = i;
      while (first_end < line.size() && std::isdigit(static_cast<unsigned char>(line[first_end]))) {
        ++first_end;
      }
      if (first_end - i > 2 || first_end >= line.size() || line[first_end] != '/') continue;
      size_t second_end = first_end + 1;
      while (second_end < line.size() &&
             std::isdigit(static_cast<unsigned char>(line[second_end]))) {
        ++second_end;
      }
      if (second_end - first_end - 1 < 1 || second_end - first_end - 1 > 2 ||
          second_end >= line.size() || line[second_end] != '/') {
        continue;
      }
      const std::string first = line.substr(i, first_end - i);
      const std::string second = line.substr(first_end + 1, second_end - first_end - 1);
      const std::string rest = line.substr(second_end + 1);
      // Dotted dates are day-first: "d.m.yyyy" reads the first number as the day.
      const auto dotted = [&](const std::string& day, const std::string& month) {
        std::string text = line.substr(0, i);
        text.append(day).append(".").append(month).append(".").append(rest);
        return ParseDate(text);
      };
      const std::string day_first = dotted(first, second);
      const std::string month_first = dotted(second, first);
      if (day_first.empty() || month_first.empty()) return;
      meta_.published.push_back({day_first, "visible-date-either-way"});
      meta_.published.push_back({month_first, "visible-date-either-way"});
      done_ = true;
      return;
    }
  }

  void Take(const DateLine& line) {
    // After a paragraph of prose, a date that does not say what it is may belong to what
    // the text tells (a photo's, an event's): article_builder trusts it less.
    if (!line.published.empty()) {
      meta_.published.push_back({line.published, "visible-date-line"});
    } else if (!line.unlabelled.empty()) {
      meta_.published.push_back(
          {line.unlabelled, in_text_ ? "visible-date-in-text" : "visible-date"});
    }
    if (!line.updated.empty()) meta_.updated.push_back({line.updated, "visible-date-line"});
    done_ = !line.published.empty() || !line.unlabelled.empty();
  }

  // ParseDateLine(text), parsed once: a text piece is often its element's whole line.
  const DateLine& Parsed(const std::string& text) {
    auto [it, added] = parsed_.try_emplace(text);
    if (added) it->second = ParseDateLine(text);
    return it->second;
  }

  PageMetadata& meta_;
  Furniture& furniture_;  // around the headline
  std::unordered_map<std::string, DateLine> parsed_;
  const Node* last_element_ = nullptr;
  bool done_ = false;
  bool in_text_ = false;
};

// The first date line after the headline (the byline's and dateline's), up to the first
// paragraphs of prose; else the nearest one just above it (a kicker) inside the same
// header.
void ExtractDateLines(Node* root, Node* headline, Furniture& furniture, PageMetadata& meta) {
  const PiecesAroundHeadline pieces(root, headline);
  const std::vector<Node*>& after = pieces.after();
  DateLineReader reader(meta, furniture);
  size_t prose = 0;
  for (size_t i = 0; i < after.size(); ++i) {
    if (IsTag(BlockOf(after[i]), "h1")) break;
    const Node* previous = i == 0 ? pieces.headline_last() : after[i - 1];
    reader.Read(after[i], BlockOf(previous) != BlockOf(after[i]));
    if (reader.done()) return;
    if (CharCount(CollapseWhitespace(reinterpret_cast<const char*>(after[i]->content))) >=
        kProseChars) {
      reader.EnterText();
      if (++prose >= kProseParagraphs) break;
    }
  }
  const Node* header = FindAncestor(
      headline, [](const Node* n) { return IsTag(n, "header") || IsTag(n, "article"); });
  if (header == nullptr) header = headline->parent;
  const std::deque<Node*>& before = pieces.before();
  for (auto text = before.rbegin(); text != before.rend(); ++text) {
    if (!Contains(header, *text)) break;
    reader.Read(*text, /*opens_block=*/false);
    if (reader.done()) return;
  }
}

// ---- <time> and <abbr class="published"> in the article -------------------------------

// The first <time datetime> and <abbr class="published"> of the article that holds the
// headline, outside its furniture; a <time> an update names goes to the updated dates.
void ExtractArticleTimes(Node* headline, Furniture& furniture, PageMetadata& meta) {
  Node* article = FindAncestor(headline, [](const Node* n) { return IsTag(n, "article"); });
  if (article == nullptr) return;
  bool published = false;
  bool updated = false;
  for (Node* node : FindAll(article, [](const Node* n) {
         return (IsTag(n, "time") && HasAttr(n, "datetime")) ||
                (IsTag(n, "abbr") && HasClass(n, "published"));
       })) {
    if (furniture.Holds(node)) continue;
    const std::string value =
        CollapseWhitespace(IsTag(node, "time") ? Attr(node, "datetime") : Attr(node, "title"));
    if (value.empty()) continue;
    if (NamesUpdate(node)) {
      if (!updated) meta.updated.push_back({value, "time-element"});
      updated = true;
    } else if (!published) {
      meta.published.push_back({value, IsTag(node, "time") ? "time-element" : "abbr-published"});
      published = true;
    }
  }
}

}  // namespace

void ExtractPageDates(Node* root, PageMetadata& meta) {
  ExtractUrlDate(meta);
  ExtractTitleDate(meta);
  if (Node* headline = Headline(root, meta)) {
    Furniture furniture(headline);
    ExtractDateLines(root, headline, furniture, meta);
    ExtractArticleTimes(headline, furniture, meta);
  }
}

}  // namespace morgue::html_plugin
