// Metadata in the visible markup: microformats (hentry / h-entry), Blogger and
// WordPress templates, <time datetime>, itemprop, rel=author and byline classes, dated
// elements, the <title> and <html lang>.

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

constexpr auto kBoilerplateWords = std::to_array<std::string_view>(
    {"comment", "sidebar", "footer", "related", "widget", "navbar", "menu", "share", "social",
     "promo", "recommend", "popular", "most-", "archive", "breadcrumb", "newsletter"});

// Photo credits and captions carry bylines of their own (the photographer's).
bool IsCaptionBox(const Node* node) {
  if (IsTag(node, "figure") || IsTag(node, "figcaption")) return true;
  const std::string names = ClassAndId(node);
  const bool credit = names.find("credit") != std::string::npos;
  // An image's licence line names its photographer ("license-author").
  if (names.find("license") != std::string::npos || names.find("licence") != std::string::npos ||
      names.find("copyright") != std::string::npos) {
    return true;
  }
  return names.find("caption") != std::string::npos ||
         (credit &&
          (names.find("photo") != std::string::npos || names.find("image") != std::string::npos ||
           names.find("img") != std::string::npos));
}

// An itemscope of a media type (ImageObject, VideoObject, Photograph...).
bool IsMediaItem(const Node* scope) {
  const std::string type = LowerAscii(Attr(scope, "itemtype"));
  for (std::string_view media :
       {"imageobject", "videoobject", "mediaobject", "photograph", "audioobject"}) {
    if (type.find(media) != std::string::npos) return true;
  }
  return false;
}

// An element and its class and id, lower-cased, as the class/id rules read them.
struct Element {
  Node* node;
  std::string names;  // ClassAndId(node)
  size_t class_size;  // the class's length at the start of `names`

  // HasClass(node, token), for a lower-case token.
  bool HasClass(std::string_view token) const {
    const std::string_view classes = std::string_view(names).substr(0, class_size);
    size_t pos = 0;
    while (pos < classes.size()) {
      while (pos < classes.size() && IsSpace(classes[pos])) ++pos;
      size_t end = pos;
      while (end < classes.size() && !IsSpace(classes[end])) ++end;
      if (end > pos && classes.substr(pos, end - pos) == token) return true;
      pos = end;
    }
    return false;
  }

 private:
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }
};

// The page as the markup rules read it: its elements in document order, each with its
// class and id read once (rather than once per rule and element), and what the rules ask
// of an element's surroundings, each answer found once per page: a page of fifty
// thousand teasers in one sidebar must not walk up (and search) that sidebar once per
// teaser. The tree must not change while it is in use.
class PageView {
 public:
  explicit PageView(Node* root) {
    Walk(root, [this](Node* node) {
      std::string names = ClassAndId(node);
      const size_t class_size = AttrView(node, "class").size();
      elements_.push_back({node, std::move(names), class_size});
      return true;
    });
    for (const Element& element : elements_) {
      if (!IsTag(element.node, "h1")) continue;
      for (const Node* up = element.node; up != nullptr && holding_h1_.insert(up).second;
           up = up->parent) {
      }
    }
  }

  // The first element that `matches`, in document order (FindFirst(root, ...)), or nullptr.
  template <typename Matches>
  Node* First(const Matches& matches) const {
    for (const Element& element : elements_) {
      if (matches(element)) return element.node;
    }
    return nullptr;
  }

  // Every element that `matches`, in document order (FindAll(root, ...)).
  template <typename Matches>
  std::vector<Node*> All(const Matches& matches) const {
    std::vector<Node*> found;
    for (const Element& element : elements_) {
      if (matches(element)) found.push_back(element.node);
    }
    return found;
  }

  // Inside a sidebar, comment section, footer or similar: never the article's metadata.
  // <body> and <html> classes describe the page's layout ("sidebar-primary",
  // "no-sidebars"), and so does a wrapper that holds the page's <h1>
  // ("panel-two-col-sidebar-right"): neither makes what they hold boilerplate.
  bool InBoilerplate(const Node* node) { return boilerplate_.At(node); }

  // Inside a figure, a caption or a photo credit.
  bool InCaption(const Node* node) { return node != nullptr && caption_.At(node->parent); }

  // Inside comments (only: article metadata often sits in an <aside> or a footer).
  bool InComments(const Node* node) { return node != nullptr && comments_.At(node->parent); }

  // Whether the nearest itemscope around the element is an image's or a video's.
  bool InMediaItem(const Node* node) { return node != nullptr && media_.At(node->parent); }

 private:
  std::vector<Element> elements_;
  std::unordered_set<const Node*> holding_h1_;  // the <h1>s and their ancestors
  InheritedAnswer boilerplate_{[this](const Node* up) -> std::optional<bool> {
    const std::string_view tag = Tag(up);
    if (tag == "body" || tag == "html") return false;
    if (tag == "aside" || tag == "nav" || tag == "footer") return true;
    if (ContainsAny(ClassAndId(up), kBoilerplateWords) && !holding_h1_.contains(up)) return true;
    return std::nullopt;
  }};
  InheritedAnswer caption_{[](const Node* up) -> std::optional<bool> {
    if (IsCaptionBox(up)) return true;
    return std::nullopt;
  }};
  InheritedAnswer comments_{[](const Node* up) -> std::optional<bool> {
    if (ClassAndId(up).find("comment") != std::string::npos) return true;
    return std::nullopt;
  }};
  InheritedAnswer media_{[](const Node* up) -> std::optional<bool> {
    if (HasAttr(up, "itemscope")) return IsMediaItem(up);
    return std::nullopt;
  }};
};

std::string ShortText(const Node* node, size_t max_chars) {
  std::string text = CollapseWhitespace(Text(node));
  return CharCount(text) <= max_chars ? text : std::string();
}

// A date element's machine-readable value: datetime, content, an abbr's title, or text.
std::string DateValue(const Node* node) {
  for (const char* attr : {"datetime", "content"}) {
    if (std::string value = CollapseWhitespace(Attr(node, attr)); !value.empty()) return value;
  }
  if (IsTag(node, "abbr")) {
    if (std::string value = CollapseWhitespace(Attr(node, "title")); !value.empty()) return value;
  }
  return ShortText(node, 100);
}

void AddNames(std::vector<NamesCandidate>& to, const std::string& text, const char* rule) {
  if (std::vector<std::string> names = NamesFromText(text); !names.empty()) {
    to.push_back({std::move(names), rule});
  }
}

void AddValue(std::vector<Candidate>& to, std::string value, const char* rule) {
  if (!value.empty()) to.push_back({std::move(value), rule});
}

bool IsGenerator(const PageView& page, std::string_view engine) {
  return page.First([engine](const Element& element) {
    const Node* node = element.node;
    return IsTag(node, "meta") && LowerAscii(Attr(node, "name")) == "generator" &&
           LowerAscii(Attr(node, "content")).find(engine) != std::string::npos;
  }) != nullptr;
}

// The texts of a[rel=tag] links under `root`, skipping rel="category tag" (a blog's
// filing category, not a tag).
std::vector<std::string> RelTags(Node* root) {
  std::vector<std::string> tags;
  for (Node* link : FindAll(root, [](const Node* node) {
         return IsTag(node, "a") && HasToken(node, "rel", "tag") &&
                !HasToken(node, "rel", "category");
       })) {
    if (std::string tag = ShortText(link, 80); !tag.empty()) tags.push_back(tag);
  }
  return tags;
}

void ExtractBlogger(PageMetadata& meta, const PageView& page) {
  const bool blogger = IsGenerator(page, "blogger") ||
                       page.First([](const Element& e) { return e.HasClass("post-body"); });
  if (!blogger) return;
  meta.is_blog = true;
  if (Node* date = page.First([](const Element& e) { return e.HasClass("date-header"); })) {
    AddValue(meta.published, ShortText(date, 100), "blogger-date-header");
  }
  if (Node* title = page.First([](const Element& e) { return e.HasClass("post-title"); })) {
    AddValue(meta.titles, ShortText(title, 300), "blogger-post-title");
  }
  if (Node* stamp = page.First(
          [](const Element& e) { return IsTag(e.node, "abbr") && e.HasClass("published"); })) {
    AddValue(meta.published, DateValue(stamp), "blogger-timestamp");
  }
  if (Node* author = page.First([](const Element& e) { return e.HasClass("post-author"); })) {
    Node* fn = FindFirst(author, [](const Node* n) { return HasClass(n, "fn"); });
    AddNames(meta.posters, ShortText(fn != nullptr ? fn : author, 100), "blogger-post-author");
  }
  if (Node* labels = page.First([](const Element& e) { return e.HasClass("post-labels"); })) {
    if (std::vector<std::string> tags = RelTags(labels); !tags.empty()) {
      meta.tags.push_back({std::move(tags), "blogger-labels"});
    }
  }
}

void ExtractWordPress(Node* root, PageMetadata& meta, const PageView& page) {
  const bool wordpress = IsGenerator(page, "wordpress") ||
                         page.First([](const Element& e) { return e.HasClass("entry-content"); });
  if (!wordpress) return;
  meta.is_blog = true;
  Node* article = page.First([](const Element& e) {
    return (IsTag(e.node, "article") || IsTag(e.node, "div")) && e.HasClass("hentry");
  });
  Node* scope = article != nullptr ? article : root;
  if (Node* title = FindFirst(scope, [](const Node* n) { return HasClass(n, "entry-title"); })) {
    AddValue(meta.titles, ShortText(title, 300), "wordpress-entry-title");
  }
  if (Node* time = FindFirst(scope, [](const Node* n) {
        return HasClass(n, "entry-date") && (HasClass(n, "published") || IsTag(n, "time"));
      })) {
    AddValue(meta.published, DateValue(time), "wordpress-entry-date");
  }
  if (Node* vcard = FindFirst(
          scope, [](const Node* n) { return HasClass(n, "author") && HasClass(n, "vcard"); })) {
    Node* fn = FindFirst(vcard, [](const Node* n) { return HasClass(n, "fn"); });
    AddNames(meta.posters, ShortText(fn != nullptr ? fn : vcard, 100), "wordpress-author");
  }
}

void ExtractHentry(Node* root, PageMetadata& meta, PageView& page) {
  Node* entry = page.First([&page](const Element& e) {
    return (e.HasClass("hentry") || e.HasClass("h-entry")) && !page.InBoilerplate(e.node);
  });
  if (entry == nullptr) return;
  if (Node* title = FindFirst(entry, [](const Node* n) {
        return HasClass(n, "entry-title") || HasClass(n, "p-name");
      })) {
    AddValue(meta.titles, ShortText(title, 300), "hentry-title");
  }
  if (Node* date = FindFirst(entry, [](const Node* n) {
        return HasClass(n, "published") || HasClass(n, "dt-published");
      })) {
    AddValue(meta.published, DateValue(date), "hentry-published");
  }
  if (Node* date = FindFirst(entry, [](const Node* n) {
        return HasClass(n, "updated") || HasClass(n, "dt-updated");
      })) {
    AddValue(meta.updated, DateValue(date), "hentry-updated");
  }
  if (Node* author = FindFirst(entry, [](const Node* n) {
        return (HasClass(n, "author") && HasClass(n, "vcard")) || HasClass(n, "p-author");
      })) {
    Node* fn =
        FindFirst(author, [](const Node* n) { return HasClass(n, "fn") || HasClass(n, "p-name"); });
    AddNames(meta.authors, ShortText(fn != nullptr ? fn : author, 100), "hentry-author");
  }
  if (std::vector<std::string> tags = RelTags(entry); !tags.empty()) {
    meta.tags.push_back({std::move(tags), "rel-tag"});
  }
}

void ExtractItemprops(Node* root, PageMetadata& meta, PageView& page) {
  for (Node* node : page.All([](const Element& e) {
         return !IsTag(e.node, "meta") && HasAttr(e.node, "itemprop");
       })) {
    // An image's or a video's author is its photographer, not the article's.
    if (page.InComments(node) || page.InMediaItem(node)) continue;
    if (HasToken(node, "itemprop", "datePublished")) {
      AddValue(meta.published, DateValue(node), "itemprop-date-published");
    } else if (HasToken(node, "itemprop", "dateModified")) {
      AddValue(meta.updated, DateValue(node), "itemprop-date-modified");
    } else if (HasToken(node, "itemprop", "author") || HasToken(node, "itemprop", "creator")) {
      Node* name = FindFirst(node, [](const Node* n) { return HasToken(n, "itemprop", "name"); });
      const Node* from = name != nullptr ? name : node;
      std::string text = IsTag(from, "meta") ? Attr(from, "content") : ShortText(from, 100);
      AddNames(meta.authors, CollapseWhitespace(text), "itemprop-author");
    } else if (HasToken(node, "itemprop", "headline")) {
      AddValue(meta.titles, ShortText(node, 300), "itemprop-headline");
    }
  }
}

// Whether a class or id names an author: "author", "byline", not "authority"; "autor"
// (German, Spanish, Portuguese, Polish, Czech; "autore" in Italian), the French "auteur"
// and "signature", the Spanish and Italian "firma".
bool NamesAuthorClass(const std::string& names) {
  for (size_t at = names.find("author"); at != std::string::npos;
       at = names.find("author", at + 1)) {
    const std::string_view rest = std::string_view(names).substr(at + 6);
    if (!rest.starts_with("ity") && !rest.starts_with("iz") && !rest.starts_with("is")) {
      return true;
    }
  }
  return names.find("byline") != std::string::npos ||
         names.find("writtenby") != std::string::npos || names.find("autor") != std::string::npos ||
         names.find("auteur") != std::string::npos ||
         names.find("signature") != std::string::npos || names.find("firma") != std::string::npos;
}

bool IsBylineElement(const Element& element) {
  const Node* n = element.node;
  if (n->properties == nullptr) return false;  // no class, id or rel (most elements)
  const std::string_view tag = Tag(n);
  if (tag == "a" && HasToken(n, "rel", "author")) return true;
  if (tag == "meta" || tag == "link" || tag == "script") return false;
  return NamesAuthorClass(element.names);
}

// A link to an author's page: rel=author or an address with /author/, /authors/,
// /writer/, /bio/, /auteur/, /autor/ in its path.
bool IsAuthorLink(const Node* n) {
  if (!IsTag(n, "a")) return false;
  if (HasToken(n, "rel", "author")) return true;
  const std::string href = LowerAscii(Attr(n, "href"));
  for (std::string_view part : {"/author/", "/authors/", "/writer/", "/bio/", "/auteur/", "/autor/",
                                "/autori/", "/profile/", "/people/", "/staff/"}) {
    if (href.find(part) != std::string::npos) return true;
  }
  return false;
}

// An element inside a byline that holds one name: an author link, itemprop=name, or a
// class naming a name ("author-name", "author__name", "byline__author").
bool IsNameElement(const Node* n) {
  if (IsAuthorLink(n) || HasToken(n, "itemprop", "name")) return true;
  const std::string names = LowerAscii(Attr(n, "class"));
  return names.find("name") != std::string::npos ||
         names.find("byline__author") != std::string::npos;
}

// The names of one byline element: the names of the name elements inside it when it
// has them ("Par <a>A</a> et <a>B</a>", an author link next to a job title), else its
// text.
std::vector<std::string> BylineNames(Node* byline) {
  std::vector<std::string> names;
  // A whole byline ("Autor X: Übersetzung Y") says which of its links is the author.
  const std::string text = ShortText(byline, 100);
  if (std::optional<Byline> whole = ParseByline(text); whole && !whole->authors.empty()) {
    for (const Author& author : whole->authors) names.push_back(author.name);
    return names;
  }
  // The outermost name elements: none inside another one inside the byline.
  std::vector<Node*> inner = FindAll(byline, [byline](const Node* n) {
    if (n == byline || !IsNameElement(n)) return false;
    for (const Node* up = n->parent; up != nullptr && up != byline; up = up->parent) {
      if (IsNameElement(up)) return false;
    }
    return true;
  });
  if (!inner.empty() && inner.size() <= 4) {
    for (Node* node : inner) {
      for (std::string& name : NamesFromText(ShortText(node, 100))) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
          names.push_back(std::move(name));
        }
      }
    }
    if (!names.empty()) return names;
  }
  return NamesFromText(text);
}

// Whether an element is kept from the reader: the hidden attribute, an inline
// "display:none", or a class that says so ("hidden", "rich-snippet-hidden", "d-none"; not
// Drupal's "field--label-hidden", which hides a label) on it or on the two elements around
// it. Themes hide a copy of the byline there for search
// engines, often the account that posted the page.
bool IsHiddenFromReader(const Node* node) {
  for (int up = 0; node != nullptr && up < 3; ++up, node = node->parent) {
    if (!IsElement(node)) break;
    if (HasAttr(node, "hidden")) return true;
    std::string style = LowerAscii(AttrView(node, "style"));
    std::erase(style, ' ');
    if (style.find("display:none") != std::string::npos) return true;
    const std::string_view classes = AttrView(node, "class");
    for (size_t start = 0; start < classes.size();) {
      size_t end = classes.find_first_of(" \t\n", start);
      if (end == std::string_view::npos) end = classes.size();
      const std::string token = LowerAscii(classes.substr(start, end - start));
      if (token == "hidden" || token == "d-none" || token == "rich-snippet-hidden") return true;
      start = end + 1;
    }
  }
  return false;
}

// rel=author links and byline / author / dateline classes, as readers show them: the
// first such element outside boilerplate and captions, and not hidden, that names someone.
void ExtractDomByline(Node* root, PageMetadata& meta, PageView& page) {
  for (Node* byline : page.All(IsBylineElement)) {
    if (page.InBoilerplate(byline) || page.InCaption(byline) || IsHiddenFromReader(byline)) {
      continue;
    }
    if (std::vector<std::string> names = BylineNames(byline); !names.empty()) {
      meta.authors.push_back({std::move(names), "dom-byline"});
      return;
    }
  }
}

constexpr size_t kHeaderBylineChars = 100;
constexpr size_t kHeaderElements = 150;    // elements looked at after the headline
constexpr size_t kArticleTextChars = 200;  // a paragraph this long is the article's text
constexpr size_t kHeaderParagraphs = 2;    // article paragraphs passed before giving up

// A byline line near the headline that no class names: a short element after the page's
// <h1>, before the article's text has run for more than a couple of paragraphs, whose
// text is a byline ("von Sabine Lorenz", "Par Marie Dupont", "Autor: Jonas Falk").
void ExtractHeaderByline(Node* root, PageMetadata& meta, PageView& page) {
  Node* heading = page.First(
      [&page](const Element& e) { return IsTag(e.node, "h1") && !page.InBoilerplate(e.node); });
  if (heading == nullptr) return;
  bool after = false;
  size_t seen = 0;
  size_t paragraphs = 0;
  std::vector<std::string> names;
  Walk(root, [&](Node* node) {
    if (!names.empty() || seen > kHeaderElements || paragraphs > kHeaderParagraphs) return false;
    if (node == heading) {
      after = true;
      return false;
    }
    if (!after) return true;
    ++seen;
    // Enough bytes to tell a byline from an article paragraph (4 per character at most);
    // a shorter read first, which settles most elements in a Latin script (a longer text
    // has at least the characters of its start): of a paragraph, whether it is the
    // article's text; of another element, whether it is longer than a byline.
    const bool paragraph = IsTag(node, "p");
    const size_t needed = paragraph ? kArticleTextChars : kHeaderBylineChars + 1;
    const std::string raw = TextPrefix(node, 2 * (needed + 1));
    std::string text = CollapseWhitespace(raw);
    if (raw.size() > 2 * (needed + 1) && CharCount(text) < needed) {
      text = CollapseWhitespace(TextPrefix(node, 4 * (kArticleTextChars + 1)));
    }
    if (CharCount(text) > kHeaderBylineChars) {
      if (paragraph && CharCount(text) >= kArticleTextChars) ++paragraphs;
      return true;  // look inside
    }
    if (text.empty() || page.InBoilerplate(node) || page.InCaption(node)) return false;
    if (!SaysByline(text)) return true;
    if (std::optional<Byline> byline = ParseByline(text); byline && !byline->authors.empty()) {
      for (const Author& author : byline->authors) names.push_back(author.name);
    }
    return false;
  });
  if (!names.empty()) meta.authors.push_back({std::move(names), "header-byline"});
}

// The first short dated element (class or id naming a date) outside boilerplate.
void ExtractDomDate(Node* root, PageMetadata& meta, PageView& page) {
  if (Node* time = page.First([&page](const Element& e) {
        return IsTag(e.node, "time") && HasAttr(e.node, "datetime") && !page.InBoilerplate(e.node);
      })) {
    AddValue(meta.published, DateValue(time), "time-datetime");
  }
  for (Node* node : page.All([](const Element& e) {
         const std::string& names = e.names;
         return (names.find("date") != std::string::npos ||
                 names.find("publish") != std::string::npos ||
                 names.find("posted") != std::string::npos) &&
                names.find("update") == std::string::npos;
       })) {
    if (page.InBoilerplate(node)) continue;
    const std::string text = ShortText(node, 80);
    if (text.empty()) continue;
    // An update's date ("Aktualisiert am ...") is not the publication's.
    const DateLine line = ParseDateLine(text);
    if (std::string date = line.published.empty() ? line.unlabelled : line.published;
        !date.empty()) {
      AddValue(meta.published, std::move(date), "dom-date");
      return;
    }
  }
}

void ExtractDomSubtitle(Node* root, PageMetadata& meta, PageView& page) {
  Node* deck = page.First([&page](const Element& e) {
    const std::string& names = e.names;
    return (names.find("subtitle") != std::string::npos ||
            names.find("sub-title") != std::string::npos ||
            names.find("standfirst") != std::string::npos ||
            names.find("subhead") != std::string::npos) &&
           !page.InBoilerplate(e.node);
  });
  if (deck != nullptr) AddValue(meta.subtitles, ShortText(deck, 300), "dom-subtitle");
}

// A heading that is the site's logo: its text is a link to the home page ("/", "/index.html"
// or an address with no path).
bool IsLogoHeading(Node* heading) {
  Node* link = FindFirst(heading, [](const Node* n) { return IsTag(n, "a"); });
  if (link == nullptr) return false;
  std::string_view href = AttrView(link, "href");
  if (const size_t scheme = href.find("://"); scheme != std::string_view::npos) {
    const size_t path = href.find('/', scheme + 3);
    href = path == std::string_view::npos ? std::string_view("/") : href.substr(path);
  }
  const bool home = href == "/" || href == "./" || href == "/index.html" || href == "/index.php";
  return home && CollapseWhitespace(Text(link)) == CollapseWhitespace(Text(heading));
}

// Whether `heading` heads a comment section or its reply form: inside the comments, or a
// class or id of its own that says so ("comments-title", "comment-reply-title").
bool IsCommentsHeading(const Node* heading, PageView& page) {
  if (!IsHeading(heading)) return false;
  return page.InComments(heading) ||
         LowerAscii(ClassAndId(heading)).find("comment") != std::string::npos;
}

// The words between the first opening quotation mark of `text` and the last closing one
// ("Eine Antwort auf „Headline“" gives "Headline"), or "" when it quotes nothing.
std::string QuotedPart(const std::string& text) {
  constexpr std::string_view kOpening[] = {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xC2\xAB", "\"",
                                           "\xE2\x80\x98"};
  constexpr std::string_view kClosing[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xBB", "\"",
                                           "\xE2\x80\x99"};
  size_t open = std::string::npos;
  size_t open_size = 0;
  for (std::string_view mark : kOpening) {
    if (const size_t at = text.find(mark); at < open) {
      open = at;
      open_size = mark.size();
    }
  }
  if (open == std::string::npos) return "";
  size_t close = std::string::npos;
  for (std::string_view mark : kClosing) {
    const size_t at = text.rfind(mark);
    if (at != std::string::npos && at > open + open_size &&
        (close == std::string::npos || at > close)) {
      close = at;
    }
  }
  if (close == std::string::npos) return "";
  return CollapseWhitespace(text.substr(open + open_size, close - open - open_size));
}

void ExtractDocumentFacts(Node* root, PageMetadata& meta, PageView& page) {
  if (Node* title = page.First([](const Element& e) { return IsTag(e.node, "title"); })) {
    AddValue(meta.titles, CollapseWhitespace(Text(title)), "html-title");
  }
  AddValue(meta.languages, CollapseWhitespace(Attr(root, "lang")), "html-lang");
  for (Node* heading : page.All([](const Element& e) {
         if (IsHeading(e.node) && Tag(e.node)[1] <= '4') return true;  // h1-h4
         // Each class looked for holds "title" or "headline": most classes hold neither.
         const std::string_view classes = std::string_view(e.names).substr(0, e.class_size);
         if (classes.find("title") == std::string_view::npos &&
             classes.find("headline") == std::string_view::npos) {
           return false;
         }
         return e.HasClass("entry-title") || e.HasClass("title") || e.HasClass("headline");
       })) {
    if (IsCommentsHeading(heading, page)) {
      if (std::string quoted = QuotedPart(ShortText(heading, 300)); !quoted.empty()) {
        meta.comment_quoted_titles.push_back(std::move(quoted));
      }
    }
    if (page.InBoilerplate(heading)) continue;
    if (std::string text = ShortText(heading, 300); !text.empty()) {
      if (IsLogoHeading(heading)) continue;
      if (IsTag(heading, "h1")) meta.main_headings.push_back(text);
      meta.headings.push_back(std::move(text));
    }
  }
}

}  // namespace

void ExtractPageMarkup(Node* root, PageMetadata& meta) {
  PageView page(root);
  ExtractBlogger(meta, page);
  ExtractWordPress(root, meta, page);
  ExtractHentry(root, meta, page);
  ExtractItemprops(root, meta, page);
  ExtractDomByline(root, meta, page);
  ExtractHeaderByline(root, meta, page);
  ExtractDomDate(root, meta, page);
  ExtractDomSubtitle(root, meta, page);
  ExtractDocumentFacts(root, meta, page);
}

PageMetadata ExtractMetadata(Node* root) {
  PageMetadata meta;
  if (root == nullptr) return meta;
  ExtractJsonLd(root, meta);
  ExtractMetaTags(root, meta);
  ExtractPageMarkup(root, meta);
  ExtractPageDates(root, meta);
  return meta;
}

}  // namespace morgue::html_plugin
