#include "plugins/html/boilerplate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "plugins/html/body_meta.h"

namespace morgue::html_plugin {
namespace {

// Class/id words of boxes that are never the article's own text, in the languages of the
// pages: removed whatever their links.
constexpr auto kFurnitureWords = std::to_array<std::string_view>(
    {"share", "sharing", "social", "newsletter", "news-letter", "cookie", "consent", "comment",
     "kommentar", "subscribe", "abonnieren", "abonner", "breadcrumb", "disqus"});
// Words of boxes that point to other pages ("related", "teaser", "more"): removed when
// links make up a good part of their text, as a lead paragraph can be called a teaser.
constexpr auto kPointerWords = std::to_array<std::string_view>(
    {"related",    "teaser",    "verwandt",  "weitere",        "empfehl",     "recommend",
     "readmore",   "read-more", "more-",     "lesen-sie-auch", "weiterlesen", "tags",
     "also-",      "-also",     "next-post", "prev-post",      "nextstory",   "embed-article",
     "relacionad", "correlat",  "similar",   "suggest"});
constexpr auto kFeatureMarks = std::to_array<std::string_view>({"has-", "with-", "no-"});
// What the lines that close an article with a request to the reader say, in the
// languages of the pages (lower case).
// clang-format off
constexpr auto kCallToActionWords = std::to_array<std::string_view>({
    "subscribe", "subscription", "follow us", "follow the", "sign up", "download the",
    "our app", "\xC2\xA9 20", "all rights reserved", "copyrighted", "written permission", "reprint",
    "letter to the editor", "not responsible for", "newsletter",
    "abonnieren", "abonnement", "folgen sie", "alle rechte vorbehalten", "nachdruck",
    "leserbrief", "nichts mehr verpassen", "nichts mehr vers\xC3\xA4umen", "unterst\xC3\xBCtze uns",
    "unterst\xC3\xBCtzen sie uns", "get the latest news",
    "suscr", "s\xC3\xADguenos", "\xC3\xBAnete", "hazte miembro", "nuestro canal",
    "abonnez", "abonner", "suivez-nous", "tous droits r\xC3\xA9serv",
    "assine", "siga-nos", "iscriviti", "seguici"});
// clang-format on
constexpr size_t kMaxCallToActionChars = 300;
// How many of the article's last lines are read for one, and how long one is at most
// when text follows it (a credit line that names a reprint is longer).
constexpr size_t kCallToActionTail = 4;
constexpr size_t kMaxLooseCallToActionChars = 150;
// What a line that marks the post as advertising says (lower case).
constexpr auto kDisclosureWords = std::to_array<std::string_view>(
    {"werbung", "anzeige", "affiliate", "sponsored", "advertisement", "publicidad",
     "publicit\xC3\xA9", "pubblicit\xC3\xA0", "patrocinad"});
constexpr size_t kMaxDisclosureChars = 150;
// How a line of the page's own labels starts — tags, categories, views, comment counts —
// (lower case, in the languages of the pages), and how long it is at most. Date and
// byline lines are left to the in-body metadata reader (body_meta.cc), which takes them
// out of the body as metadata.
// clang-format off
constexpr auto kMetadataLabels = std::to_array<std::string_view>({
    "tags:", "tags :", "tag:", "category:", "category :", "categories:", "filed under",
    "posted in", "views:",
    "schlagw\xC3\xB6rter:", "schlagworte:", "stichw\xC3\xB6rter:", "kategorie:",
    "kategorien:", "rubrik:", "aufrufe:", "kommentare insgesamt",
    "etiquetas:", "categor\xC3\xAD" "a:", "categor\xC3\xAD" "as:", "temas:",
    "mots-cl\xC3\xA9s:", "cat\xC3\xA9gorie:", "cat\xC3\xA9gories:"});
// clang-format on
constexpr size_t kMaxMetadataLineChars = 100;
// Class/id words of the lead paragraph a page sets apart above the article's text.
constexpr auto kLeadWords = std::to_array<std::string_view>(
    {"lead", "intro", "excerpt", "teaser-text", "summary", "standfirst", "abstract", "chapo",
     "subhead", "sub-head", "subtitle", "deck", "sapo", "bajada", "entradilla", "vorspann",
     "anriss", "descr"});
constexpr size_t kMinLeadChars = 40;
constexpr size_t kMaxLeadChars = 800;
constexpr double kMaxLeadLinkDensity = 0.3;
// How far from the article a lead is looked for: ancestors, and elements before each.
constexpr int kLeadLevels = 4;
constexpr int kLeadSiblings = 3;
// Above this share of the article's text a box is the article, whatever its name.
constexpr double kMaxBoxShare = 0.25;
constexpr double kMinPointerLinkDensity = 0.25;
constexpr size_t kMaxFurnitureChars = 400;
// A "Read more:" line: its label is short, and its link most of what follows the colon.
constexpr size_t kMaxLabelChars = 40;
constexpr size_t kMaxLabelWords = 4;
constexpr size_t kMaxReadAlsoChars = 300;
constexpr double kMinReadAlsoLinkShare = 0.6;
constexpr size_t kMaxLeadInChars = 100;
// A list this much links, after its heading, points to other pages.
constexpr double kMinLinkListDensity = 0.8;
constexpr size_t kMinFollowingChars = 100;

// Whether a class/id token names a box of `words`. Tokens naming the post's taxonomy
// ("category-social", "tag-newsletter" on a WordPress article) say what the article is
// about, and tokens of kFeatureMarks what the element has ("has-sharing", "no-share") or
// which heading it follows ("sharing-with-your-team"), not what the box is.
template <size_t N>
bool NamesBox(const std::string& class_and_id, const std::array<std::string_view, N>& words) {
  if (!ContainsAny(class_and_id, words)) return false;  // most names: no token to read
  size_t start = 0;
  while (start < class_and_id.size()) {
    size_t end = class_and_id.find(' ', start);
    if (end == std::string::npos) end = class_and_id.size();
    const std::string_view token(class_and_id.data() + start, end - start);
    if (!token.starts_with("category-") && !token.starts_with("tag-") &&
        !ContainsAny(token, kFeatureMarks) && ContainsAny(token, words)) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// Text inside links to other pages (an in-page anchor, a heading's permalink or a table
// of contents, points nowhere else).
size_t LinkChars(Node* node) {
  size_t links = 0;
  Walk(node, [&links](Node* n) {
    if (!IsTag(n, "a")) return true;
    if (!AttrView(n, "href").starts_with("#")) links += TextLength(n);
    return false;
  });
  return links;
}

double LinkDensityOf(Node* node, size_t length) {
  return length == 0 ? 0.0 : static_cast<double>(LinkChars(node)) / static_cast<double>(length);
}

bool IsLineElement(const Node* node) {
  std::string_view tag = Tag(node);
  return tag == "p" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6";
}

// Where the label's colon ends ("Lea también:", full-width "：" too), or npos.
size_t LabelEnd(std::string_view text) {
  const size_t ascii = text.find(':');
  const size_t wide = text.find("\xEF\xBC\x9A");
  if (ascii != std::string_view::npos && (wide == std::string_view::npos || ascii < wide)) {
    return ascii + 1;
  }
  return wide == std::string_view::npos ? wide : wide + 3;
}

bool IsReadAlsoLine(Node* node) {
  // Most paragraphs hold no link: they are passed over before their text is built.
  if (FindFirst(node, [](const Node* n) { return IsTag(n, "a"); }) == nullptr) return false;
  const std::string text = Text(node);
  const size_t length = CharCount(text);
  if (length == 0 || length > kMaxReadAlsoChars) return false;
  // A paragraph that is one headline-long link: a teaser of another page.
  if (IsTag(node, "p") && WordCount(text) >= 3 &&
      static_cast<double>(LinkChars(node)) >= 0.95 * static_cast<double>(length)) {
    return true;
  }
  const size_t label_end = LabelEnd(text);
  if (label_end == std::string_view::npos ||
      CharCount(std::string_view(text).substr(0, label_end)) > kMaxLabelChars) {
    return false;
  }
  // A label is a word: not a number ("21) Star Wars: ..."), a quote or a bracket.
  const auto first = static_cast<unsigned char>(text[0]);
  const bool starts_with_letter =
      (first < 0x80 && std::isalpha(first) != 0) || (first >= 0xC3 && first != 0xE2);
  if (!starts_with_letter) return false;
  const std::string_view label(text.data(), label_end - 1);
  const size_t label_words = WordCount(label);
  if (label_words == 0 || label_words > kMaxLabelWords) return false;
  const size_t rest = CharCount(std::string_view(text).substr(label_end));
  if (rest == 0) return false;
  return static_cast<double>(LinkChars(node)) >= kMinReadAlsoLinkShare * static_cast<double>(rest);
}

// A heading, or a short line ending in ':' ("Lesen Sie auch:", "More on this topic:").
bool IsListIntro(Node* node) {
  if (node == nullptr) return false;
  const std::string text = Text(node);
  if (IsHeading(node)) return !text.empty() && CharCount(text) <= kMaxLeadInChars;
  return IsTag(node, "p") && CharCount(text) <= kMaxLeadInChars &&
         (text.ends_with(':') || text.ends_with("\xEF\xBC\x9A"));
}

Node* PreviousElement(Node* node) {
  Node* previous = node->prev;
  while (previous != nullptr && !IsElement(previous)) previous = previous->prev;
  return previous;
}

// Whether article text comes after an element inside `root`: a list of links before the
// end is more often the article's own ("the products I use:") than a pointer elsewhere.
// Each element's answer is found once: a root of fifty thousand lists asks about the
// same siblings once in all, not once per list. The tree must not change meanwhile.
class TextAfter {
 public:
  explicit TextAfter(const Node* root) : root_(root) {}

  bool Follows(const Node* node) { return follows_.At(node); }

 private:
  // Article text: an element or a run of text of kMinFollowingChars or more.
  static bool IsArticleText(const Node* node) {
    if (IsElement(node)) return TextLongerThan(node, kMinFollowingChars - 1);
    return IsText(node) && node->content != nullptr &&
           CharCount(reinterpret_cast<const char*>(node->content)) >= kMinFollowingChars;
  }

  // Whether a sibling after `node` is article text or holds it; kept for each sibling
  // passed (for it, the answer is the same).
  bool TextInSiblingsAfter(const Node* node) {
    path_.clear();
    bool answer = false;
    for (const Node* next = node->next; next != nullptr; next = next->next) {
      if (const auto it = known_.find(next); it != known_.end()) {
        answer = it->second;
        break;
      }
      path_.push_back(next);
      if (IsArticleText(next)) {
        answer = true;
        break;
      }
    }
    for (const Node* passed : path_) known_.emplace(passed, answer);
    return answer;
  }

  const Node* root_;
  // Per sibling: whether it or one after it is article text.
  std::unordered_map<const Node*, bool> known_;
  std::vector<const Node*> path_;
  // Per element: whether text follows it or one of its ancestors below the root.
  InheritedAnswer follows_{[this](const Node* up) -> std::optional<bool> {
    if (up == root_) return false;
    if (TextInSiblingsAfter(up)) return true;
    return std::nullopt;
  }};
};

// LowerAscii, and the capitals of Latin-1 ("Únete", "Ähnliche Artikel", "À lire
// aussi") lowered too: the lines' word lists are written in lower case.
std::string LineLower(std::string_view text) {
  std::string lower = LowerAscii(text);
  for (size_t at = 0; at + 1 < lower.size(); ++at) {
    const auto lead = static_cast<unsigned char>(lower[at]);
    const auto next = static_cast<unsigned char>(lower[at + 1]);
    // U+00C0..U+00DE but U+00D7 (the multiplication sign).
    if (lead == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
      lower[at + 1] = static_cast<char>(next + 0x20);
      ++at;
    }
  }
  return lower;
}

// Whether a line asks the reader to do something for the site rather than tells the
// story: subscribe, follow, download the app, join a channel; or claims its rights.
bool IsCallToAction(const Block& block, size_t max_chars = kMaxCallToActionChars) {
  if (block.heading || CharCount(block.text) > max_chars) return false;
  const std::string lower = LineLower(block.text);
  // At the start of a word: "your application" asks nothing.
  for (std::string_view word : kCallToActionWords) {
    for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
      if (at == 0 || std::isalpha(static_cast<unsigned char>(lower[at - 1])) == 0) return true;
    }
  }
  return false;
}

bool IsLead(const Node* node) {
  if (node->properties == nullptr || IsTag(node, "h1")) return false;
  const std::string names = ClassAndId(node);
  if (names.size() < 3 || !NamesBox(names, kLeadWords)) return false;
  const size_t length = TextLength(node);
  if (length < kMinLeadChars || length > kMaxLeadChars) return false;
  return LinkDensityOf(const_cast<Node*>(node), length) < kMaxLeadLinkDensity;
}

}  // namespace

Node* FindLead(const std::vector<Node*>& roots) {
  if (roots.empty()) return nullptr;
  int level = 0;
  for (const Node* at = roots.front();
       at != nullptr && !IsTag(at, "body") && IsElement(at->parent) && !IsTag(at->parent, "body") &&
       level < kLeadLevels;
       at = at->parent, ++level) {
    int siblings = 0;
    for (Node* before = at->prev; before != nullptr && siblings < kLeadSiblings;
         before = before->prev) {
      if (!IsElement(before)) continue;
      ++siblings;
      if (Node* lead = FindFirst(before, IsLead)) return lead;
    }
  }
  return nullptr;
}

void DropTrailingCallsToAction(std::vector<Block>& blocks) {
  size_t end = blocks.size();
  while (end > 1 && IsCallToAction(blocks[end - 1])) --end;
  blocks.resize(end);
  // One among the last lines, before a credit or a last link, is the site's too.
  if (blocks.size() <= kCallToActionTail) return;
  for (size_t at = blocks.size() - kCallToActionTail; at + 1 < blocks.size(); ++at) {
    if (IsCallToAction(blocks[at], kMaxLooseCallToActionChars)) {
      blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(at--));
    }
  }
}

void DropMetadataLines(std::vector<Block>& blocks) {
  if (blocks.size() < 2) return;
  std::erase_if(blocks, [](const Block& block) {
    if (block.heading || CharCount(block.text) > kMaxMetadataLineChars) return false;
    const std::string lower = LowerAscii(block.text);
    for (std::string_view label : kMetadataLabels) {
      if (lower.starts_with(label)) return true;
    }
    return false;
  });
}

void DropLeadingDisclosures(std::vector<Block>& blocks) {
  size_t begin = 0;
  while (begin + 1 < blocks.size() && !blocks[begin].heading &&
         CharCount(blocks[begin].text) <= kMaxDisclosureChars &&
         ContainsAny(LowerAscii(blocks[begin].text), kDisclosureWords)) {
    ++begin;
  }
  blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(begin));
}

void RemoveLinkLists(const std::vector<Node*>& roots) {
  for (Node* root : roots) {
    std::vector<Node*> doomed;
    TextAfter text_after(root);
    Walk(root, [&](Node* node) {
      if (node == root || (!IsTag(node, "ul") && !IsTag(node, "ol"))) return true;
      Node* intro = PreviousElement(node);
      if (!IsListIntro(intro)) return false;
      const size_t length = TextLength(node);
      if (length == 0 || LinkDensityOf(node, length) < kMinLinkListDensity) return false;
      if (text_after.Follows(node)) return false;
      doomed.push_back(intro);
      doomed.push_back(node);
      return false;
    });
    RemoveAll(doomed);
  }
}

bool NamedFurniture(const Node* node) {
  if (node->properties == nullptr) return false;
  const std::string names = ClassAndId(node);
  return names.size() > 1 && (NamesBox(names, kFurnitureWords) || NamesBox(names, kPointerWords));
}

void RemoveFurnitureBoxes(const std::vector<Node*>& roots) {
  for (Node* root : roots) {
    // The article's length is read once, when a first box is named (most have none).
    double max_length = -1;
    // Boxes found, with the text of all found boxes of the same class: a live ticker's
    // many "comment" entries are the article, each of them small.
    std::vector<std::pair<Node*, std::string>> found;
    std::unordered_map<std::string, size_t> length_by_names;
    Walk(root, [&](Node* node) {
      if (node == root) return true;
      // Code keeps its own class names ("token comment").
      if (IsTag(node, "pre") || IsTag(node, "code")) return false;
      if (node->properties == nullptr) return true;  // no class, no id
      std::string names = ClassAndId(node);
      if (names.size() <= 1) return true;
      const bool furniture = NamesBox(names, kFurnitureWords);
      if (!furniture && !NamesBox(names, kPointerWords)) return true;
      const size_t length = TextLength(node);
      if (max_length < 0) max_length = kMaxBoxShare * static_cast<double>(TextLength(root));
      if (static_cast<double>(length) > max_length) return true;
      // A long box of furniture words is a section after all, unless mostly links.
      const double density = LinkDensityOf(node, length);
      if ((furniture && (length <= kMaxFurnitureChars || density >= 0.5)) ||
          density >= kMinPointerLinkDensity) {
        length_by_names[names] += length;
        found.emplace_back(node, std::move(names));
        return false;
      }
      return true;
    });
    std::vector<Node*> doomed;
    for (auto& [node, names] : found) {
      if (static_cast<double>(length_by_names[names]) <= max_length) doomed.push_back(node);
    }
    RemoveAll(doomed);
  }
}

void RemoveReadAlsoLines(const std::vector<Node*>& roots) {
  for (Node* root : roots) {
    std::vector<Node*> doomed;
    Walk(root, [&](Node* node) {
      if (!IsLineElement(node)) return true;
      if (node != root && IsReadAlsoLine(node)) doomed.push_back(node);
      return false;
    });
    RemoveAll(doomed);
  }
}

namespace {

// How the label over a press release's or a post's contact details reads (lower case,
// without its colon), in the languages of the pages.
// clang-format off
constexpr auto kContactLabels = std::to_array<std::string_view>({
    "kontakt", "pressekontakt", "medienkontakt", "kontakt f\xC3\xBCr medien", "ansprechpartner",
    "ansprechpartnerin", "ansprechpartnerin zum thema", "ansprechpartner zum thema",
    "contact", "contacts", "press contact", "media contact", "media contacts", "contact us",
    "contacto", "contacto de prensa", "contact presse", "contatti", "contatto"});
// clang-format on
constexpr size_t kMaxContactLineChars = 200;
constexpr size_t kMinPhoneDigits = 6;

bool IsContactLabel(const Block& block) {
  std::string_view text = block.text;
  if (text.ends_with(':')) text.remove_suffix(1);
  if (text.ends_with("\xEF\xBC\x9A")) text.remove_suffix(3);
  while (text.ends_with(' ')) text.remove_suffix(1);
  const std::string lower = LineLower(text);
  return std::find(kContactLabels.begin(), kContactLabels.end(), lower) != kContactLabels.end();
}

// An e-mail address or a phone number: what contact details hold.
bool HoldsAddress(std::string_view text) {
  if (text.find('@') != std::string_view::npos) return true;
  size_t digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits >= kMinPhoneDigits) return true;
    } else if (c != ' ' && c != '/' && c != '-' && c != '(' && c != ')' && c != '+') {
      digits = 0;
    }
  }
  return false;
}

}  // namespace

void DropContactSections(std::vector<Block>& blocks) {
  for (size_t label = 1; label < blocks.size(); ++label) {
    if (!IsContactLabel(blocks[label])) continue;
    bool addresses = false;
    bool short_lines = true;
    for (size_t after = label + 1; after < blocks.size() && short_lines; ++after) {
      short_lines = CharCount(blocks[after].text) <= kMaxContactLineChars;
      addresses = addresses || HoldsAddress(blocks[after].text);
    }
    if (short_lines && addresses) {
      blocks.resize(label);
      return;
    }
  }
}

namespace {

// How the heading over the readers' comments reads (lower case), in the languages of the
// pages; a count may come before it ("3 Kommentare") or after it ("Comments (3)").
constexpr auto kCommentLabels = std::to_array<std::string_view>(
    {"kommentare", "kommentar", "leserkommentare", "comments", "comment", "comentarios",
     "commentaires", "commenti", "komentarze"});

constexpr size_t kMinTextBeforeComments = 300;

bool IsCommentsLabel(const Block& block) {
  // A heading: a bare "Comment" line may be a table's or a list's.
  if (!block.heading) return false;
  std::string lower = LineLower(block.text);
  if (lower.size() > kMaxLabelChars) return false;
  // The count and the colon around the word.
  const size_t begin = lower.find_first_not_of("0123456789 ");
  if (begin == std::string::npos) return false;
  size_t end = lower.find_last_not_of("0123456789 ():");
  if (end == std::string::npos || end < begin) return false;
  const std::string_view word(lower.data() + begin, end + 1 - begin);
  return std::find(kCommentLabels.begin(), kCommentLabels.end(), word) != kCommentLabels.end();
}

}  // namespace

void DropCommentSections(std::vector<Block>& blocks) {
  // After the article's text: a heading "Comments" above it heads an article on them.
  size_t before = 0;
  for (size_t at = 0; at < blocks.size(); ++at) {
    if (before >= kMinTextBeforeComments && IsCommentsLabel(blocks[at])) {
      blocks.resize(at);
      return;
    }
    before += CharCount(blocks[at].text);
  }
}

namespace {

// Labels that introduce links to other pages, in the languages of the pages (lower case,
// without their colon): never the article's own words, wherever they were left.
// clang-format off
constexpr auto kPointerLabels = std::to_array<std::string_view>({
    "zum weiterlesen", "weiterlesen", "auch interessant", "das k\xC3\xB6nnte sie auch interessieren",
    "das k\xC3\xB6nnte dich auch interessieren", "lesen sie auch", "lies auch", "mehr zum thema",
    "weiterf\xC3\xBChrende links", "weiterf\xC3\xBChrender link", "weitere artikel", "passend dazu",
    "verwandte artikel", "\xC3\xA4hnliche artikel", "weitere informationen",
    "read more", "read also", "related", "related articles", "related posts", "related stories",
    "see also", "more on this topic", "further reading", "you may also like", "recommended",
    "lea tambi\xC3\xA9n", "lee tambi\xC3\xA9n", "te puede interesar", "noticias relacionadas",
    "m\xC3\xA1s informaci\xC3\xB3n", "lire aussi", "\xC3\xA0 lire aussi", "voir aussi",
    "sur le m\xC3\xAAme sujet", "articles similaires", "leggi anche", "potrebbe interessarti",
    "articoli correlati", "leia tamb\xC3\xA9m", "veja tamb\xC3\xA9m", "leia mais"});
// clang-format on

bool IsPointerLabel(const Block& block) {
  if (block.text.size() > kMaxLeadInChars || block.text.find('\n') != std::string::npos) {
    return false;
  }
  std::string_view text = block.text;
  if (text.ends_with(':')) text.remove_suffix(1);
  if (text.ends_with("\xEF\xBC\x9A")) text.remove_suffix(3);
  while (text.ends_with(' ')) text.remove_suffix(1);
  const std::string lower = LineLower(text);
  return std::find(kPointerLabels.begin(), kPointerLabels.end(), lower) != kPointerLabels.end();
}

}  // namespace

void DropPointerLabels(std::vector<Block>& blocks) {
  if (blocks.size() < 2) return;
  std::erase_if(blocks, IsPointerLabel);
}

namespace {

// How the short lines of the page's controls start — back to the list, load more, rate
// this, comments closed — (lower case, in the languages of the pages), and how long one
// is at most.
// clang-format off
constexpr auto kControlStarts = std::to_array<std::string_view>({
    "zur\xC3\xBC" "ck zu ", "zur\xC3\xBC" "ck zur ", "zur\xC3\xBC" "ck zum ", "zur\xC3\xBC" "ck nach oben",
    "nach oben", "lade weitere", "weitere inhalte laden", "mehr laden", "quellen ausblenden",
    "quellen einblenden", "kommentare geschlossen", "kommentarfeed", "artikel bewerten",
    "beitrag bewerten",
    "back to top", "back to the top", "back to overview", "back to all ", "load more",
    "comments are closed", "comments closed", "rate this article",
    "volver arriba", "volver al inicio", "cargar m\xC3\xA1s", "valora esta noticia",
    "retour en haut", "retour \xC3\xA0 la liste", "charger plus", "torna su", "carica altri"});
// clang-format on
constexpr size_t kMaxControlLineChars = 60;

bool IsControlLine(const Block& block) {
  if (block.heading || CharCount(block.text) > kMaxControlLineChars) return false;
  std::string_view text = block.text;
  // Arrows and guillemets before the words: "« Zurück zu ...", "← Back to top".
  for (std::string_view mark : {"\xC2\xAB", "\xE2\x80\xB9", "\xE2\x86\x90", "<", " "}) {
    while (text.starts_with(mark)) text.remove_prefix(mark.size());
  }
  const std::string lower = LineLower(text);
  for (std::string_view start : kControlStarts) {
    if (lower.starts_with(start)) return true;
  }
  return false;
}

}  // namespace

void DropControlLines(std::vector<Block>& blocks) {
  if (blocks.size() < 2) return;
  std::erase_if(blocks, IsControlLine);
}

void DropDanglingHeadings(std::vector<Block>& blocks) {
  // A heading between two others may head a section of sections; only the tail, with no
  // text after it, introduced something that is gone. The article's text stays whole.
  size_t end = blocks.size();
  while (end > 0) {
    const Block& last = blocks[end - 1];
    const bool lead_in = !last.heading && last.text.ends_with(':') &&
                         last.text.find('\n') == std::string::npos &&
                         CharCount(last.text) <= kMaxLeadInChars;
    if (!last.heading && !lead_in) break;
    --end;
  }
  if (end == 0) return;
  blocks.resize(end);
}

}  // namespace morgue::html_plugin
