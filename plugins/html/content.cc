// Main-content extraction after Mozilla Readability's algorithm (understood and
// rewritten, not ported): see content.h. The numbers are Readability's, which were tuned
// on thousands of real pages.

#include "plugins/html/content.h"

#include <libxml/xpath.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "plugins/html/boilerplate.h"
#include "plugins/html/dom.h"
#include "plugins/html/render.h"

namespace morgue::html_plugin {
namespace {

// Below this many characters of text an extraction is retried with fewer heuristics.
constexpr size_t kMinArticleChars = 500;
constexpr size_t kMinParagraphChars = 25;
constexpr size_t kMaxBylineBoxChars = 400;
// An article split into parts: how far up they are looked for, and what makes one.
constexpr int kSplitLevels = 7;
constexpr size_t kMinPartParagraphChars = 80;
constexpr size_t kMinPartChars = 200;
constexpr double kMaxPartLinkDensity = 0.25;
// The longest label a box may keep once what it introduced is removed.
constexpr size_t kMaxOrphanLabelChars = 80;

constexpr auto kUnlikely = std::to_array<std::string_view>(
    {"-ad-",       "ai2html", "banner",     "breadcrumbs",  "combx",    "comment",   "community",
     "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",    "legends",
     "menu",       "related", "remark",     "replies",      "rss",      "shoutbox",  "sidebar",
     "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",   "pagination",
     "pager",      "popup",   "yom-remote", "navbar",       "share",    "subscribe", "newsletter"});
constexpr auto kMaybeCandidate = std::to_array<std::string_view>(
    {"and", "article", "body", "column", "content", "main", "shadow"});
constexpr auto kUnlikelyRoles = std::to_array<std::string_view>(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"});
constexpr auto kNegative = std::to_array<std::string_view>(
    {"-ad-",     "hidden", "banner",    "combx",   "comment",    "com-",     "contact",  "foot",
     "footnote", "gdpr",   "masthead",  "media",   "meta",       "outbrain", "promo",    "related",
     "scroll",   "share",  "shoutbox",  "sidebar", "skyscraper", "sponsor",  "shopping", "tags",
     "tool",     "widget", "subscribe", "nav",     "menu",       "archive"});
constexpr auto kPositive = std::to_array<std::string_view>(
    {"article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
     "post", "text", "blog", "story"});
// Elements whose own text counts as a paragraph when scoring.
constexpr auto kScoredTags =
    std::to_array<std::string_view>({"p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"});
// Containers that may hold loose text (Blogger's <br><br> paragraphs).
constexpr auto kLooseTextContainers = std::to_array<std::string_view>(
    {"div", "article", "section", "main", "td", "blockquote", "body", "font", "center"});
constexpr auto kConditionallyCleaned = std::to_array<std::string_view>(
    {"form", "fieldset", "table", "ul", "ol", "div", "section", "aside"});

template <size_t N>
bool OneOf(std::string_view value, const std::array<std::string_view, N>& values) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

struct Flags {
  bool strip_unlikely = true;
  bool weight_classes = true;
  bool clean_conditionally = true;
};

// What each heuristic changed in one pass. A heuristic that changed nothing makes the
// pass without it repeat this one exactly, so that pass is skipped.
struct Effects {
  bool stripped = false;  // strip_unlikely removed an element
  bool weighted = false;  // a class weight was not zero
  bool cleaned = false;   // conditional cleaning removed an element
  bool found_top = false;
};

size_t CountCommas(std::string_view text) {
  size_t count = static_cast<size_t>(std::count(text.begin(), text.end(), ','));
  // Full-width and ideographic commas of CJK text.
  for (std::string_view comma : {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xD8\x8C"}) {
    for (size_t at = text.find(comma); at != std::string_view::npos;
         at = text.find(comma, at + comma.size())) {
      ++count;
    }
  }
  return count;
}

bool IsHidden(const Node* node) {
  if (!node->properties) return false;  // most elements have no attribute at all
  std::string compact;
  for (char c : AttrView(node, "style")) {
    if (c != ' ') compact += c;
  }
  compact = LowerAscii(compact);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos || HasAttr(node, "hidden") ||
         LowerAscii(AttrView(node, "aria-hidden")) == "true";
}

// Bylines and author boxes: metadata, read before extraction, never body text.
bool IsBylineBox(const Node* node) {
  const std::string names = ClassAndId(node);
  if (names.find("byline") == std::string::npos && names.find("author") == std::string::npos &&
      names.find("dateline") == std::string::npos && names.find("writtenby") == std::string::npos) {
    return false;
  }
  return TextLength(node) < kMaxBylineBoxChars;
}

// Boxes about the author (a photo, a biography, other posts): never the article, however
// long, while a bare byline box is told by its size (IsBylineBox).
constexpr auto kAuthorBioWords =
    std::to_array<std::string_view>({"author-bio", "authorbio", "author_bio", "author-box",
                                     "authorbox", "author_box", "about-author", "about-the-author",
                                     "author-description", "autorenbox", "autorbox", "autor-box"});

bool IsUnlikely(const Node* node) {
  std::string_view tag = Tag(node);
  if (tag == "body" || tag == "html" || tag == "a" || tag == "article" || tag == "main") {
    return false;
  }
  if (tag == "nav" || tag == "aside" || tag == "footer") return true;
  if (OneOf(LowerAscii(Attr(node, "role")), kUnlikelyRoles)) return true;
  const std::string names = ClassAndId(node);
  // (Most names hold neither stem: the list is read only when one does.)
  const bool names_author =
      names.find("auth") != std::string::npos || names.find("autor") != std::string::npos;
  if (names_author && ContainsAny(names, kAuthorBioWords)) return true;
  if (!ContainsAny(names, kUnlikely) || ContainsAny(names, kMaybeCandidate)) return false;
  // Tables and code keep their furniture: it is content there.
  return FindAncestor(node, [](const Node* n) { return IsTag(n, "table") || IsTag(n, "code"); }) ==
         nullptr;
}

// Removes what never is article text, and (with strip_unlikely) what is unlikely to be.
void Prepare(Node* body, const Flags& flags, Effects& effects) {
  std::vector<Node*> doomed;
  Walk(body, [&](Node* node) {
    if (node == body) return true;
    std::string_view tag = Tag(node);
    const bool junk = tag == "script" || tag == "style" || tag == "noscript" || tag == "template" ||
                      tag == "iframe" || tag == "object" || tag == "embed" || tag == "svg" ||
                      tag == "link" || tag == "meta";
    if (junk || IsHidden(node)) {
      doomed.push_back(node);
      return false;
    }
    if (flags.strip_unlikely && (IsUnlikely(node) || IsBylineBox(node))) {
      effects.stripped = true;
      doomed.push_back(node);
      return false;
    }
    return true;
  });
  for (Node* node : doomed) Remove(node);
}

class Scorer {
 public:
  explicit Scorer(const Flags& flags) : flags_(flags) {}

  int ClassWeight(const Node* node) const {
    if (!flags_.weight_classes) return 0;
    int weight = 0;
    for (const char* attr : {"class", "id"}) {
      const std::string value = LowerAscii(Attr(node, attr));
      if (value.empty()) continue;
      if (ContainsAny(value, kNegative)) weight -= 25;
      if (ContainsAny(value, kPositive)) weight += 25;
    }
    weighted_ = weighted_ || weight != 0;
    return weight;
  }

  // Whether ClassWeight ever returned anything but 0.
  bool weighted() const { return weighted_; }

  void ScoreDocument(Node* body) {
    Walk(body, [&](Node* node) {
      std::string_view tag = Tag(node);
      if (OneOf(tag, kScoredTags)) {
        ScoreParagraph(Text(node), node->parent);
        return tag == "section" || tag == "td";
      }
      if (OneOf(tag, kLooseTextContainers)) ScoreLooseText(node);
      return true;
    });
  }

  // What a node got from the paragraphs under it, without its tag and class weights.
  double earned(const Node* node) const {
    auto it = earned_.find(node);
    return it == earned_.end() ? 0.0 : it->second;
  }
  double score(const Node* node) const {
    auto it = scores_.find(node);
    return it == scores_.end() ? 0.0 : it->second;
  }
  bool scored(const Node* node) const { return scores_.contains(node); }
  const std::unordered_map<const Node*, double>& scores() const { return scores_; }
  void Scale(const Node* node, double factor) { scores_[node] *= factor; }

 private:
  void Initialize(const Node* node) {
    if (scores_.contains(node)) return;
    double base = 0;
    std::string_view tag = Tag(node);
    if (tag == "div") {
      base = 5;
    } else if (tag == "pre" || tag == "td" || tag == "blockquote") {
      base = 3;
    } else if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
               tag == "dt" || tag == "li" || tag == "form") {
      base = -3;
    } else if (IsHeading(node) || tag == "th") {
      base = -5;
    }
    scores_[node] = base + ClassWeight(node);
  }

  // A paragraph's score goes to its parent whole, its grandparent halved, and further
  // ancestors (up to five levels) divided by three times their level.
  void ScoreParagraph(const std::string& text, Node* parent) {
    const size_t length = CharCount(text);
    if (length < kMinParagraphChars || !IsElement(parent)) return;
    const double score = 1.0 + static_cast<double>(CountCommas(text)) +
                         static_cast<double>(std::min<size_t>(length / 100, 3));  // whole hundreds
    int level = 0;
    for (Node* up = parent; IsElement(up) && level < 5; up = up->parent, ++level) {
      Initialize(up);
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      scores_[up] += score / divider;
      earned_[up] += score / divider;
    }
  }

  // Runs of text and inline elements directly inside a container, split at blocks and
  // at two <br> in a row, are scored as paragraphs of that container.
  void ScoreLooseText(Node* container) {
    std::string run;
    int breaks = 0;
    auto end_run = [&]() {
      ScoreParagraph(run, container);
      run.clear();
    };
    for (Node* child = container->children; child != nullptr; child = child->next) {
      if (IsText(child)) {
        const std::string text = Text(child);
        if (!text.empty()) {
          run += text + " ";
          breaks = 0;
        }
      } else if (IsTag(child, "br")) {
        if (++breaks >= 2) end_run();
      } else if (IsElement(child)) {
        if (IsBlock(child) || OneOf(Tag(child), kScoredTags)) {
          end_run();
        } else {
          run += Text(child) + " ";
          breaks = 0;
        }
      }
    }
    end_run();
  }

  Flags flags_;
  mutable bool weighted_ = false;
  std::unordered_map<const Node*, double> scores_;
  std::unordered_map<const Node*, double> earned_;
};

double LinkDensity(const Node* node) {
  const size_t length = TextLength(node);
  if (length == 0) return 0;
  size_t links = 0;
  Walk(const_cast<Node*>(node), [&links](Node* n) {
    if (IsTag(n, "a")) {
      const double weight = AttrView(n, "href").starts_with("#") ? 0.3 : 1.0;
      links += static_cast<size_t>(weight * static_cast<double>(TextLength(n)));
    }
    return true;
  });
  return static_cast<double>(links) / static_cast<double>(length);
}

// LinkDensity of every element of a tree that does not change, from one pass over it
// rather than one walk per element (candidates are nested: each walk would cover most of
// the page).
class LinkDensities {
 public:
  explicit LinkDensities(Node* root) : lengths_(TextLengths(root)) {
    // An element's link text is its own when it is a link plus that of the elements
    // under it: summed children first, in reverse document order.
    std::vector<Node*> elements = FindAll(root, [](const Node*) { return true; });
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
      Node* element = *it;
      auto length = lengths_.find(element);
      if (length == lengths_.end()) continue;  // <script> or <style>: see Of()
      size_t& links = links_[element];
      if (IsTag(element, "a")) {
        const double weight = AttrView(element, "href").starts_with("#") ? 0.3 : 1.0;
        links += static_cast<size_t>(weight * static_cast<double>(length->second));
      }
      if (element != root) links_[element->parent] += links;
    }
  }

  // TextLength of a node of the tree as it was read.
  size_t Length(const Node* node) const {
    auto length = lengths_.find(node);
    return length == lengths_.end() ? TextLength(node) : length->second;
  }

  double Of(const Node* node) const {
    auto length = lengths_.find(node);
    if (length == lengths_.end()) return LinkDensity(node);
    if (length->second == 0) return 0;
    auto links = links_.find(node);
    const size_t link_chars = links == links_.end() ? 0 : links->second;
    return static_cast<double>(link_chars) / static_cast<double>(length->second);
  }

 private:
  std::unordered_map<const Node*, size_t> lengths_;
  std::unordered_map<const Node*, size_t> links_;
};

Node* TopCandidate(Scorer& scorer, const LinkDensities& densities) {
  Node* top = nullptr;
  double best = 0;
  // The map's order is not fixed: the best score wins, a tie goes to the node that comes
  // first in the document (not the lower line number: every node of a one-line page has
  // the same).
  for (const auto& [node, score] : scorer.scores()) {
    (void)score;
    auto* mutable_node = const_cast<Node*>(node);
    scorer.Scale(node, 1.0 - densities.Of(node));
    const double scaled = scorer.score(node);
    if (top == nullptr || scaled > best ||
        (scaled == best && xmlXPathCmpNodes(mutable_node, top) == 1)) {
      top = mutable_node;
      best = scaled;
    }
  }
  return top;
}

// The page's own headline among several <h1> (an endless-scroll page appends the next
// articles below it, each under its <h1>): the one <h1> whose text the page's <title>
// or og:title holds. nullptr when the page has fewer than two <h1>, or no or several
// such.
constexpr size_t kMinHeadlineChars = 15;

Node* PageHeadline(Document& document, Node* body) {
  std::vector<Node*> headlines = FindAll(body, [](const Node* n) { return IsTag(n, "h1"); });
  if (headlines.size() < 2) return nullptr;
  std::vector<std::string> titles;
  if (Node* head = document.head()) {
    for (Node* node : FindAll(head, [](const Node* n) {
           return IsTag(n, "title") ||
                  (IsTag(n, "meta") && LowerAscii(AttrView(n, "property")) == "og:title");
         })) {
      titles.push_back(LowerAscii(IsTag(node, "title") ? Text(node) : Attr(node, "content")));
    }
  }
  Node* found = nullptr;
  for (Node* headline : headlines) {
    const std::string text = LowerAscii(Text(headline));
    if (CharCount(text) < kMinHeadlineChars) continue;
    const bool named = std::any_of(titles.begin(), titles.end(), [&text](const std::string& t) {
      return t.find(text) != std::string::npos;
    });
    if (!named) continue;
    if (found != nullptr) return nullptr;
    found = headline;
  }
  return found;
}

// Whether `node` comes after `headline` and before the <h1> that follows it: the text
// under the headline.
bool UnderHeadline(Node* node, Node* headline, Node* next_headline) {
  return xmlXPathCmpNodes(headline, node) == 1 && !Contains(node, headline) &&
         (next_headline == nullptr || xmlXPathCmpNodes(node, next_headline) == 1);
}

// On a page of several articles, each under its <h1>, the best candidate under the
// page's own headline, when the best of all lies under a later <h1> (the next article,
// appended below, under a headline set as the page's own); and in `bound` that later
// <h1>, which the article stops before.
// `top` (and no bound) otherwise.
Node* CandidateUnderHeadline(Node* top, Document& document, Node* body, const Scorer& scorer,
                             Node*& bound) {
  bound = nullptr;
  Node* headline = PageHeadline(document, body);
  if (headline == nullptr || top == nullptr) return top;
  Node* next_headline = nullptr;
  bool after = false;
  for (Node* h1 : FindAll(body, [](const Node* n) { return IsTag(n, "h1"); })) {
    if (after) {
      next_headline = h1;
      break;
    }
    after = h1 == headline;
  }
  // The next article's headline is set as the page's own.
  if (next_headline == nullptr || xmlXPathCmpNodes(next_headline, top) != 1 ||
      TextLength(next_headline) < kMinHeadlineChars ||
      Attr(next_headline, "class") != Attr(headline, "class")) {
    return top;
  }
  Node* best = nullptr;
  double best_score = 0;
  for (const auto& [node, score] : scorer.scores()) {
    auto* candidate = const_cast<Node*>(node);
    if (!UnderHeadline(candidate, headline, next_headline)) continue;
    if (best == nullptr || score > best_score ||
        (score == best_score && xmlXPathCmpNodes(candidate, best) == 1)) {
      best = candidate;
      best_score = score;
    }
  }
  if (best == nullptr || best_score <= 0) return top;
  bound = next_headline;
  return best;
}

// The article chosen under the page's headline stops before the next article's `bound`:
// the highest ancestor of `top` up to `container` that does not hold it, and of the
// roots, those before it.
Node* StopBefore(Node* bound, Node* top, Node* container) {
  if (bound == nullptr) return container;
  Node* limited = top;
  while (limited != container && IsElement(limited->parent) && !Contains(limited->parent, bound)) {
    limited = limited->parent;
  }
  return limited;
}

// An article whose paragraphs each sit in their own deep wrapper gives several candidates
// of nearly the same score, none holding the others. As Readability does, when at least
// three of the five best score within a quarter of the top one, their nearest ancestor
// holding three of them (all on one path from the top candidate up) is the article.
Node* CommonAncestorOfRivals(Node* top, const Scorer& scorer) {
  constexpr size_t kRivalsConsidered = 5;
  constexpr size_t kRivalsNeeded = 3;
  const double top_score = scorer.score(top);
  if (top_score <= 0) return top;
  std::vector<std::pair<double, const Node*>> ranked;
  ranked.reserve(scorer.scores().size());
  for (const auto& [node, score] : scorer.scores()) {
    if (node != top) ranked.emplace_back(score, node);
  }
  const size_t kept = std::min(ranked.size(), kRivalsConsidered - 1);
  // Ties in document order, so that the result does not depend on the map's order.
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept),
                    ranked.end(), [](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return xmlXPathCmpNodes(const_cast<Node*>(a.second),
                                              const_cast<Node*>(b.second)) == 1;
                    });
  std::vector<const Node*> rivals;
  for (size_t i = 0; i < kept; ++i) {
    if (ranked[i].first / top_score >= 0.75) rivals.push_back(ranked[i].second);
  }
  if (rivals.size() < kRivalsNeeded) return top;
  for (Node* ancestor = top->parent; IsElement(ancestor) && !IsTag(ancestor, "body");
       ancestor = ancestor->parent) {
    size_t holding = 0;
    for (const Node* rival : rivals) {
      if (Contains(ancestor, rival)) ++holding;
    }
    if (holding >= kRivalsNeeded) return ancestor;
  }
  return top;
}

// Readability's climb: a parent that scores better than the candidate (or close enough
// while its ancestors keep a good score) holds more of the article.
Node* ClimbParents(Node* top, const Scorer& scorer) {
  double last = scorer.score(top);
  const double threshold = last / 3;
  for (Node* parent = top->parent; IsElement(parent) && !IsTag(parent, "body");
       parent = parent->parent) {
    if (!scorer.scored(parent)) continue;
    const double parent_score = scorer.score(parent);
    if (parent_score < threshold) break;
    if (parent_score > last) {
      top = parent;
      break;
    }
    last = parent_score;
  }
  // An only child says nothing its parent does not.
  while (IsElement(top->parent) && !IsTag(top->parent, "body") &&
         xmlChildElementCount(top->parent) == 1) {
    top = top->parent;
  }
  return top;
}

bool EndsSentence(const std::string& text) {
  return !text.empty() && (text.back() == '.' || text.ends_with("\xE3\x80\x82") ||
                           text.ends_with("\xEB\x8B\xA4"));  // "。", Korean "다"
}

// What Readability starts a node's score with for its tag alone.
double TagBase(const Node* node) {
  std::string_view tag = Tag(node);
  if (tag == "div") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  return 0;
}

// The candidate and those of its siblings that belong to the article.
std::vector<Node*> MergeSiblings(Node* top, const Scorer& scorer, const LinkDensities& densities) {
  if (!IsElement(top->parent)) return {top};
  const double top_score = scorer.score(top);
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string top_class = Attr(top, "class");
  std::vector<Node*> nodes;
  for (Node* sibling = top->parent->children; sibling != nullptr; sibling = sibling->next) {
    if (!IsElement(sibling)) continue;
    if (sibling == top) {
      nodes.push_back(sibling);
      continue;
    }
    double bonus = 0;
    if (!top_class.empty() && Attr(sibling, "class") == top_class) bonus = top_score * 0.2;
    // Only text (and, as in Readability, a text container's tag) earns a place: class
    // names alone ("article-head") do not.
    bool append =
        scorer.scored(sibling) && scorer.earned(sibling) + TagBase(sibling) + bonus >= threshold;
    if (!append && IsTag(sibling, "p")) {
      const std::string text = Text(sibling);
      const size_t length = CharCount(text);
      const double density = densities.Of(sibling);
      append = (length > 80 && density < 0.25) ||
               (length > 0 && length <= 80 && density == 0 && EndsSentence(text));
    }
    if (append) nodes.push_back(sibling);
  }
  return nodes;
}

// Whether a block beside the article's container (an article split by an ad, a banner
// or a layout row) is more of its prose: mostly paragraphs of sentences, few links, not
// named furniture.
bool IsArticlePart(Node* node, const LinkDensities& densities) {
  if (IsUnlikely(node) || NamedFurniture(node) || densities.Of(node) >= kMaxPartLinkDensity) {
    return false;
  }
  size_t prose = 0;
  for (Node* paragraph : FindAll(node, [](const Node* n) { return IsTag(n, "p"); })) {
    const size_t length = densities.Length(paragraph);
    if (length >= kMinPartParagraphChars && densities.Of(paragraph) < kMaxPartLinkDensity) {
      prose += length;
    }
  }
  return prose >= kMinPartChars && 2 * prose >= densities.Length(node);
}

// Adds to `roots` the parts of the article split from them higher up than the siblings
// MergeSiblings weighs: the siblings of the container's grandparent and of its further
// ancestors that are prose, within the <article> or <main> that holds it (beyond one lie
// other articles). In document order.
void AddSplitParts(Node* container, std::vector<Node*>& roots, const LinkDensities& densities) {
  Node* at = container;
  for (int level = 0; level < kSplitLevels; ++level) {
    if (IsTag(at, "article") || IsTag(at, "main")) break;
    Node* parent = at->parent;
    if (!IsElement(parent) || IsTag(parent, "body") || IsTag(parent, "html")) break;
    at = parent;
    // Not the parent's siblings: a layout's side columns sit there as often as the
    // article's parts.
    if (level == 0) continue;
    for (Node* sibling = at->parent->children; sibling != nullptr; sibling = sibling->next) {
      if (sibling == at || !IsElement(sibling)) continue;
      if (std::find(roots.begin(), roots.end(), sibling) != roots.end()) continue;
      if (IsArticlePart(sibling, densities)) roots.push_back(sibling);
    }
  }
  std::sort(roots.begin(), roots.end(),
            [](Node* a, Node* b) { return xmlXPathCmpNodes(a, b) == 1; });
}

// Class, id or itemprop words of a recipe's parts: the ingredients, and the preparation
// steps, which pages set in blocks of their own, often apart from the introduction. The
// step words are common elsewhere ("instructions" of a form): they count only on a page
// that lists ingredients.
constexpr auto kIngredientWords =
    std::to_array<std::string_view>({"ingredient", "zutaten", "ingredientes",
                                     "ingr\xC3\xA9"
                                     "dients",
                                     "ingredienti",
                                     "sk\xC5\x82"
                                     "adnik"});
constexpr auto kRecipeStepWords = std::to_array<std::string_view>(
    {"recipeinstruction", "preparation", "zubereitung", "instructions", "directions",
     "przygotowanie", "preparaci\xC3\xB3n", "pr\xC3\xA9paration", "step-list", "steps"});
constexpr size_t kMinRecipePartChars = 40;
constexpr double kMaxRecipePartLinkDensity = 0.5;

std::string RecipeNames(const Node* node) {
  if (node->properties == nullptr) return {};
  return ClassAndId(node) + " " + LowerAscii(AttrView(node, "itemprop"));
}

// The block a recipe part stands for: an item or a row stands for its list or table.
Node* RecipeBlock(Node* part) {
  const std::string_view tag = Tag(part);
  if (tag == "li" && IsElement(part->parent)) return part->parent;
  if (tag == "tr" || tag == "td" || tag == "tbody") {
    if (Node* table = FindAncestor(part, [](const Node* n) { return IsTag(n, "table"); })) {
      return table;
    }
  }
  return part;
}

// Adds to `roots` a recipe's ingredient lists and preparation steps that lie outside
// them: lists and short steps, not prose, so the article's scoring passes them over.
// A root inside a part goes, the part holding it. In document order.
void AddRecipeParts(Node* body, std::vector<Node*>& roots, const LinkDensities& densities) {
  std::vector<Node*> parts;
  bool ingredients = false;
  Walk(body, [&](Node* node) {
    const std::string names = RecipeNames(node);
    if (names.size() <= 1) return true;
    const bool ingredient = ContainsAny(names, kIngredientWords);
    if (!ingredient && !ContainsAny(names, kRecipeStepWords)) return true;
    Node* block = RecipeBlock(node);
    if (IsUnlikely(block) || NamedFurniture(block) ||
        densities.Length(block) < kMinRecipePartChars ||
        densities.Of(block) >= kMaxRecipePartLinkDensity) {
      return true;
    }
    ingredients = ingredients || ingredient;
    if (std::find(parts.begin(), parts.end(), block) == parts.end() &&
        (parts.empty() || !Contains(parts.back(), block))) {
      parts.push_back(block);
    }
    return false;
  });
  if (!ingredients) return;
  for (Node* part : parts) {
    const bool held = std::any_of(roots.begin(), roots.end(),
                                  [part](const Node* root) { return Contains(root, part); });
    if (held) continue;
    std::erase_if(roots, [part](const Node* root) { return Contains(part, root); });
    roots.push_back(part);
  }
  std::sort(roots.begin(), roots.end(),
            [](Node* a, Node* b) { return xmlXPathCmpNodes(a, b) == 1; });
}

// The introduction a page sets between its headline and the article's block (a lead
// in a block of its own, above an article split into content elements): the paragraphs
// of prose after the page's one <h1> and before the first root, within a few levels of
// it.
constexpr int kIntroLevels = 6;
constexpr size_t kMinIntroChars = 40;
constexpr double kMaxIntroLinkDensity = 0.25;

void AddIntro(Node* body, std::vector<Node*>& roots, const LinkDensities& densities) {
  if (roots.empty()) return;
  std::vector<Node*> headlines = FindAll(body, [](const Node* n) { return IsTag(n, "h1"); });
  if (headlines.size() != 1) return;
  Node* headline = headlines.front();
  Node* first = roots.front();
  if (Contains(first, headline) || xmlXPathCmpNodes(headline, first) != 1) return;
  Node* common = first->parent;
  for (int level = 0; IsElement(common) && !Contains(common, headline); ++level) {
    if (level + 1 >= kIntroLevels || IsTag(common, "body")) return;
    common = common->parent;
  }
  if (!IsElement(common) || IsTag(common, "body")) return;
  std::vector<Node*> intro;
  Walk(common, [&](Node* node) {
    if (node == common) return true;
    if (Contains(node, headline) && node != headline) return true;
    if (node == first || xmlXPathCmpNodes(node, first) != 1) return false;
    if (xmlXPathCmpNodes(headline, node) != 1) return false;  // the headline or before it
    if (IsUnlikely(node) || IsBylineBox(node) || NamedFurniture(node) || IsTag(node, "figure") ||
        IsTag(node, "figcaption") || IsTag(node, "header")) {
      return false;
    }
    if (!IsTag(node, "p")) return true;
    if (densities.Length(node) >= kMinIntroChars && densities.Of(node) < kMaxIntroLinkDensity) {
      intro.push_back(node);
    }
    return false;
  });
  roots.insert(roots.begin(), intro.begin(), intro.end());
}

// What ShouldClean weighs in a box, from one walk over it rather than one per figure.
struct BoxCounts {
  double paragraphs = 0;
  double images = 0;
  double items = 0;
  double inputs = 0;
  size_t link_chars = 0;  // as LinkDensity counts them
};

BoxCounts CountBox(Node* node) {
  BoxCounts counts;
  Walk(node, [&counts](Node* n) {
    const std::string_view tag = Tag(n);
    if (tag == "p") {
      ++counts.paragraphs;
    } else if (tag == "img") {
      ++counts.images;
    } else if (tag == "li") {
      ++counts.items;
    } else if (tag == "input") {
      ++counts.inputs;
    } else if (tag == "a") {
      const double weight = AttrView(n, "href").starts_with("#") ? 0.3 : 1.0;
      counts.link_chars += static_cast<size_t>(weight * static_cast<double>(TextLength(n)));
    }
    return true;
  });
  return counts;
}

// A table of data, which the article states, rather than one that lays out the page: it
// has header cells or a caption, and no table inside it. Its links (downloads, product
// pages) are part of the data.
bool IsDataTable(Node* table) {
  const bool headed = FindFirst(table, [](const Node* n) {
                        return IsTag(n, "th") || IsTag(n, "thead") || IsTag(n, "caption");
                      }) != nullptr;
  return headed && FindFirst(table, [table](const Node* n) {
                     return n != table && IsTag(n, "table");
                   }) == nullptr;
}

bool ShouldClean(Node* node, const Scorer& scorer) {
  const int weight = scorer.ClassWeight(node);
  if (weight + scorer.score(node) < 0) return true;
  const std::string text = Text(node);
  if (CountCommas(text) >= 10) return false;
  const std::string_view tag = Tag(node);
  if (tag == "table" && IsDataTable(node)) return false;
  const bool is_list = tag == "ul" || tag == "ol";
  const BoxCounts counts = CountBox(node);
  const double paragraphs = counts.paragraphs;
  const double images = counts.images;
  const double items = counts.items - 100;
  const double inputs = counts.inputs;
  const size_t length = CharCount(text);
  const double density =
      length == 0 ? 0 : static_cast<double>(counts.link_chars) / static_cast<double>(length);
  const bool in_figure =
      FindAncestor(node, [](const Node* n) { return IsTag(n, "figure"); }) != nullptr;
  return (images > 1 && paragraphs / images < 0.5 && !in_figure) ||
         (!is_list && items > paragraphs) || inputs > static_cast<double>(paragraphs / 3) ||
         (!is_list && length < kMinParagraphChars && (images == 0 || images > 2) && density > 0) ||
         (!is_list && weight < 25 && density > 0.2) || (weight >= 25 && density > 0.5);
}

// Whether a box that lost what it held keeps only the label that introduced it: a
// short heading ("Read also") or a line ending in a colon ("More on this topic:"),
// without images. A label beside a value in a data sheet is neither.
bool OnlyLabelLeft(Node* box) {
  const bool has_media = FindFirst(box, [](const Node* n) {
                           const std::string_view tag = Tag(n);
                           return tag == "img" || tag == "picture" || tag == "video" ||
                                  tag == "iframe" || tag == "svg" || tag == "audio" ||
                                  tag == "embed" || tag == "object";
                         }) != nullptr;
  if (has_media) return false;
  const std::string text = Text(box);
  if (text.empty()) return true;
  if (CharCount(text) > kMaxOrphanLabelChars) return false;
  const bool colon = text.ends_with(':') || text.ends_with("\xEF\xBC\x9A");
  return colon || FindFirst(box, [](const Node* n) { return IsHeading(n); }) != nullptr;
}

// Removes the boxes inside the article that look like furniture: link lists, forms,
// share widgets. Innermost first, as removing them changes their ancestors' figures; a
// box left holding only its label after that goes too. Whether it removed any.
bool CleanConditionally(const std::vector<Node*>& roots, const Scorer& scorer) {
  bool removed = false;
  for (Node* root : roots) {
    std::vector<Node*> boxes = FindAll(
        root, [root](const Node* n) { return n != root && OneOf(Tag(n), kConditionallyCleaned); });
    std::vector<const Node*> emptied;  // boxes a box was removed from
    for (auto it = boxes.rbegin(); it != boxes.rend(); ++it) {
      Node* box = *it;
      const bool lost_a_box = std::find(emptied.begin(), emptied.end(), box) != emptied.end();
      if (ShouldClean(box, scorer) || (lost_a_box && OnlyLabelLeft(box))) {
        emptied.push_back(box->parent);
        Remove(box);
        removed = true;
      }
    }
  }
  return removed;
}

// Headings with a negative class weight are section furniture ("Related", "Share").
void CleanHeadings(const std::vector<Node*>& roots, const Scorer& scorer) {
  std::vector<Node*> doomed;
  for (Node* root : roots) {
    for (Node* heading :
         FindAll(root, [root](const Node* n) { return n != root && IsHeading(n); })) {
      if (scorer.ClassWeight(heading) < 0) doomed.push_back(heading);
    }
  }
  // Broken markup can nest headings.
  RemoveAll(doomed);
}

size_t TextLength(const std::vector<Block>& blocks) {
  size_t length = 0;
  for (const Block& block : blocks) length += CharCount(block.text);
  return length;
}

Content ExtractWith(Document& document, const Flags& flags, Effects& effects) {
  Node* body = document.body();
  if (body == nullptr) body = document.root();
  if (body == nullptr) return {};
  Prepare(body, flags, effects);
  Scorer scorer(flags);
  scorer.ScoreDocument(body);
  // The tree does not change from here until the candidate and its siblings are chosen.
  const LinkDensities densities(document.root());
  Node* bound = nullptr;
  Node* top =
      CandidateUnderHeadline(TopCandidate(scorer, densities), document, body, scorer, bound);
  effects.found_top = top != nullptr;
  effects.weighted = scorer.weighted();
  std::vector<Node*> roots;
  if (top != nullptr) {
    Node* container =
        StopBefore(bound, top, ClimbParents(CommonAncestorOfRivals(top, scorer), scorer));
    roots = MergeSiblings(container, scorer, densities);
    AddSplitParts(container, roots, densities);
    if (bound != nullptr) {
      std::erase_if(roots, [bound](Node* root) {
        return Contains(root, bound) || xmlXPathCmpNodes(bound, root) == 1;
      });
    }
    AddRecipeParts(body, roots, densities);
  } else if (flags.strip_unlikely) {
    // No paragraph long enough to score (a short note, a list of images with
    // headings): as Readability does, the body is the article, once navigation, asides
    // and other unlikely parts are gone.
    roots = {body};
  } else {
    return {};
  }
  // The lead a page sets apart above the text starts the article.
  if (Node* lead = FindLead(roots)) roots.insert(roots.begin(), lead);
  if (top != nullptr) AddIntro(body, roots, densities);
  Content content;
  content.media = TakeMedia(roots);
  if (flags.clean_conditionally) effects.cleaned = CleanConditionally(roots, scorer);
  CleanHeadings(roots, scorer);
  RemoveFurnitureBoxes(roots);
  RemoveReadAlsoLines(roots);
  RemoveLinkLists(roots);
  effects.weighted = scorer.weighted();
  content.links = CollectLinks(roots);
  content.images = CollectImages(roots);
  content.blocks = RenderBlocks(roots);
  DropMetadataLines(content.blocks);
  DropLeadingDisclosures(content.blocks);
  DropPointerLabels(content.blocks);
  DropControlLines(content.blocks);
  DropCommentSections(content.blocks);
  DropContactSections(content.blocks);
  DropTrailingCallsToAction(content.blocks);
  DropDanglingHeadings(content.blocks);
  return content;
}

}  // namespace

Content ExtractContent(Document document, std::string_view utf8_page) {
  // Readability's fallbacks: when the strict pass finds too little, each heuristic in
  // turn is switched off; the longest result wins. Each pass switches off one more.
  const std::array<Flags, 4> passes = {Flags{true, true, true}, Flags{false, true, true},
                                       Flags{false, false, true}, Flags{false, false, false}};
  Content best;
  size_t best_length = 0;
  Effects last;  // of the last pass run, which stands for the passes it made redundant
  bool fresh = true;
  for (size_t pass = 0; pass < passes.size(); ++pass) {
    if (pass > 0) {
      const bool mattered = pass == 1 ? last.stripped : pass == 2 ? last.weighted : last.cleaned;
      // Nothing stripped and no candidate: the passes left find no paragraph either.
      if (pass == 1 && !mattered && !last.found_top) break;
      // The switched-off heuristic changed nothing: this pass would repeat the last.
      if (!mattered) continue;
    }
    // The first pass has changed the tree it read: later ones need the page afresh.
    if (!fresh) {
      Result<Document> reparsed = Document::Parse(utf8_page);
      if (!reparsed.ok()) break;
      document = std::move(reparsed.value());
    }
    fresh = false;
    last = Effects();
    Content content = ExtractWith(document, passes[pass], last);
    const size_t length = TextLength(content.blocks);
    if (length >= kMinArticleChars) return content;
    if (length > best_length) {
      best = std::move(content);
      best_length = length;
    }
  }
  return best;
}

}  // namespace morgue::html_plugin
