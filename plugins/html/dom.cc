#include "plugins/html/dom.h"

#include <libxml/parserInternals.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <unordered_set>

namespace morgue::html_plugin {
namespace {

// Never text: their content is code, styling or form state.
constexpr auto kNonTextTags = std::to_array<std::string_view>(
    {"script", "style", "noscript", "template", "svg", "math", "select", "textarea", "head"});

constexpr auto kBlockTags = std::to_array<std::string_view>(
    {"address", "article", "aside",   "blockquote", "body", "center",   "dd",         "details",
     "dialog",  "dir",     "div",     "dl",         "dt",   "fieldset", "figcaption", "figure",
     "footer",  "form",    "h1",      "h2",         "h3",   "h4",       "h5",         "h6",
     "header",  "hgroup",  "hr",      "li",         "main", "menu",     "nav",        "ol",
     "p",       "pre",     "section", "table",      "tr",   "ul"});

bool IsAsciiSpace(char c) {
  // Printable ASCII and UTF-8 bytes first: most bytes are.
  return static_cast<unsigned char>(c) <= ' ' &&
         (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
}

bool IsNonText(const Node* element) {
  std::string_view tag = Tag(element);
  return std::find(kNonTextTags.begin(), kNonTextTags.end(), tag) != kNonTextTags.end();
}

// Blocks and line breaks separate words even where the markup has no space.
bool SeparatesWords(const Node* element) {
  std::string_view tag = Tag(element);
  return IsBlock(element) || tag == "br" || tag == "td" || tag == "th";
}

// Text as it streams in with its runs of whitespace folded to one space, none at either
// end: appended to a string, or (without one) only counted, in code points.
class FoldedText {
 public:
  explicit FoldedText(std::string* out = nullptr, size_t max = SIZE_MAX) : out_(out), max_(max) {}

  // Whether the text has grown past the most the caller wants (then reading can stop):
  // `max` bytes of text appended, or `max` characters counted.
  bool Full() const { return out_ != nullptr ? out_->size() > max_ : chars_ > max_; }

  void Append(std::string_view raw) {
    if (out_ == nullptr) {
      Count(raw);
      return;
    }
    size_t pos = 0;
    while (pos < raw.size()) {
      if (IsAsciiSpace(raw[pos])) {
        space_ = true;
        ++pos;
        continue;
      }
      size_t end = pos + 1;
      while (end < raw.size() && !IsAsciiSpace(raw[end])) ++end;
      if (space_ && started_) *out_ += ' ';
      space_ = false;
      started_ = true;
      out_->append(raw.substr(pos, end - pos));
      pos = end;
    }
  }
  // Where words must not run together (a block boundary).
  void Space() { space_ = true; }

  size_t chars() const { return chars_; }

 private:
  // As Append would, counting code points (bytes that are no UTF-8 continuation).
  void Count(std::string_view raw) {
    for (const char c : raw) {
      if (IsAsciiSpace(c)) {
        space_ = true;
        continue;
      }
      if (space_ && started_) ++chars_;
      space_ = false;
      started_ = true;
      chars_ += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
  }

  std::string* out_;
  size_t max_;
  size_t chars_ = 0;
  bool space_ = false;
  bool started_ = false;
};

// The text under `root`, in document order. Iterative: a page nested thousands of levels
// deep must not overflow the stack.
void CollectText(const Node* root, FoldedText& out) {
  if (IsText(root)) {
    if (root->content != nullptr) out.Append(reinterpret_cast<const char*>(root->content));
    return;
  }
  const Node* node = root->children;
  while (node != nullptr && node != root && !out.Full()) {
    if (IsText(node)) {
      if (node->content != nullptr) out.Append(reinterpret_cast<const char*>(node->content));
    } else if (IsElement(node) && !IsNonText(node)) {
      if (SeparatesWords(node)) out.Space();
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
    }
    // Up past the elements whose children are done, closing each. (An element without
    // children needs no closing separator: the opening one is next to it.)
    while (node != root && node->next == nullptr) {
      node = node->parent;
      if (node != root && IsElement(node) && SeparatesWords(node)) out.Space();
    }
    if (node == root) break;
    node = node->next;
  }
}

bool EqualsAsciiCaseless(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// The attribute as xmlHasProp finds it in a parsed HTML page (no namespaces, no DTD
// defaults), or nullptr.
const xmlAttr* FindAttr(const Node* node, const char* name) {
  if (!IsElement(node)) return nullptr;
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    if (attr->ns == nullptr && std::strcmp(reinterpret_cast<const char*>(attr->name), name) == 0) {
      return attr;
    }
  }
  return nullptr;
}

Node* FindChild(Node* parent, std::string_view tag) {
  if (parent == nullptr) return nullptr;
  for (Node* child = parent->children; child != nullptr; child = child->next) {
    if (IsTag(child, tag)) return child;
  }
  return nullptr;
}

// What TextLengths knows of a stretch of text: the length of its folded words, and
// whether white space (or a word separator) comes before its first word and after its
// last, which decides the space where it meets the next stretch. Without words, `before`
// and `after` both say whether it holds any white space.
struct Stretch {
  size_t chars = 0;
  bool words = false;
  bool before = false;
  bool after = false;
};

Stretch Join(const Stretch& a, const Stretch& b) {
  if (!a.words) {
    Stretch joined = b;
    joined.before = a.before || b.before;
    if (!b.words) joined.after = joined.before;
    return joined;
  }
  if (!b.words) {
    Stretch joined = a;
    joined.after = a.after || b.before;
    return joined;
  }
  return {a.chars + b.chars + (a.after || b.before ? 1 : 0), true, a.before, b.after};
}

Stretch TextStretch(std::string_view text) {
  Stretch stretch;
  for (const char c : text) {
    if (IsAsciiSpace(c)) {
      (stretch.words ? stretch.after : stretch.before) = true;
      continue;
    }
    if (stretch.words && stretch.after) ++stretch.chars;  // the space between two words
    stretch.after = false;
    stretch.words = true;
    stretch.chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  if (!stretch.words) stretch.after = stretch.before;
  return stretch;
}

}  // namespace

Result<Document> Document::Parse(std::string_view utf8) {
  if (utf8.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Status::NotSupported("the page is too large to parse");
  }
  // libxml2's default limits stay on (no XML_PARSE_HUGE): elements nest at most 256
  // deep and a run of text is at most 10 MB, so hostile pages cannot exhaust the stack or
  // memory of the walks over the tree.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(),
                                                                         htmlFreeParserCtxt);
  if (context == nullptr) return Status::PluginFailed("out of memory starting the HTML parser");
  xmlDoc* doc = htmlCtxtReadMemory(context.get(), utf8.data(), static_cast<int>(utf8.size()),
                                   nullptr, "UTF-8", options);
  if (doc == nullptr) return Status::Corruption("the page could not be parsed as HTML");
  Document document(doc);
  // The recovering parser mends broken markup, but past one of its limits it stops and
  // the rest of the page would be silently lost.
  if (context->disableSAX != 0 && context->instate == XML_PARSER_EOF) {
    if (context->errNo == XML_ERR_INTERNAL_ERROR) {
      return Status::Corruption(
          "the page nests elements more than 256 levels deep, past the HTML parser's limit; "
          "no real page does");
    }
    if (context->errNo == XML_ERR_NO_MEMORY) {
      return Status::Corruption(
          "the page holds a run of text longer than 10 MB without markup, past the HTML "
          "parser's limit");
    }
    std::string reason =
        context->lastError.message != nullptr ? context->lastError.message : "no reason given";
    while (!reason.empty() && IsAsciiSpace(reason.back())) reason.pop_back();
    return Status::Corruption("the HTML parser stopped before the end of the page: " + reason);
  }
  return document;
}

Node* Document::head() const { return FindChild(root(), "head"); }
Node* Document::body() const { return FindChild(root(), "body"); }

bool IsElement(const Node* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

bool IsText(const Node* node) {
  return node != nullptr && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

std::string_view Tag(const Node* node) {
  if (!IsElement(node) || node->name == nullptr) return {};
  return reinterpret_cast<const char*>(node->name);
}

bool IsTag(const Node* node, std::string_view tag) { return Tag(node) == tag; }

bool IsHeading(const Node* node) {
  std::string_view tag = Tag(node);
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

bool IsBlock(const Node* node) {
  std::string_view tag = Tag(node);
  return std::find(kBlockTags.begin(), kBlockTags.end(), tag) != kBlockTags.end();
}

std::string Attr(const Node* node, const char* name) { return std::string(AttrView(node, name)); }

std::string_view AttrView(const Node* node, const char* name) {
  const xmlAttr* attr = FindAttr(node, name);
  if (attr == nullptr || attr->children == nullptr || attr->children->content == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(attr->children->content);
}

bool HasAttr(const Node* node, const char* name) { return FindAttr(node, name) != nullptr; }

bool HasToken(const Node* node, const char* name, std::string_view token) {
  const std::string_view value = AttrView(node, name);
  size_t pos = 0;
  while (pos < value.size()) {
    while (pos < value.size() && IsAsciiSpace(value[pos])) ++pos;
    size_t end = pos;
    while (end < value.size() && !IsAsciiSpace(value[end])) ++end;
    if (end > pos && EqualsAsciiCaseless(value.substr(pos, end - pos), token)) return true;
    pos = end;
  }
  return false;
}

bool HasClass(const Node* node, std::string_view cls) { return HasToken(node, "class", cls); }

std::string ClassAndId(const Node* node) {
  const std::string_view cls = AttrView(node, "class");
  const std::string_view id = AttrView(node, "id");
  std::string names;
  names.reserve(cls.size() + 1 + id.size());
  names.append(cls).append(" ").append(id);
  for (char& c : names) c = LowerAscii(c);
  return names;
}

std::string Text(const Node* node) {
  std::string text;
  if (node == nullptr) return text;
  FoldedText folded(&text);
  CollectText(node, folded);
  return text;
}

std::string TextPrefix(const Node* node, size_t max_bytes) {
  std::string text;
  if (node == nullptr) return text;
  FoldedText folded(&text, max_bytes);
  CollectText(node, folded);
  return text;
}

size_t TextLength(const Node* node) {
  if (node == nullptr) return 0;
  FoldedText folded;
  CollectText(node, folded);
  return folded.chars();
}

bool TextLongerThan(const Node* node, size_t max_chars) {
  if (node == nullptr) return false;
  FoldedText folded(nullptr, max_chars);
  CollectText(node, folded);
  return folded.chars() > max_chars;
}

std::unordered_map<const Node*, size_t> TextLengths(const Node* root) {
  std::unordered_map<const Node*, size_t> lengths;
  if (!IsElement(root)) return lengths;
  // Depth first, each open element's text so far on the stack (as CollectText reads it).
  struct Open {
    const Node* element;
    Stretch inner;
  };
  std::vector<Open> open = {{root, {}}};
  const Node* node = root->children;
  while (true) {
    if (node != nullptr) {
      if (IsElement(node)) {
        open.push_back({node, {}});
        node = node->children;
        continue;
      }
      const std::string_view parent = Tag(node->parent);
      if (IsText(node) && node->content != nullptr && parent != "script" && parent != "style") {
        open.back().inner =
            Join(open.back().inner, TextStretch(reinterpret_cast<const char*>(node->content)));
      }
      node = node->next;
      continue;
    }
    const Open done = open.back();
    open.pop_back();
    if (!IsTag(done.element, "script") && !IsTag(done.element, "style")) {
      lengths[done.element] = done.inner.chars;
    }
    if (open.empty()) break;
    // What the finished element adds to its parent's text: nothing when it holds no text,
    // and word separators around it when it is a block.
    Stretch added;
    if (!IsNonText(done.element)) {
      added = done.inner;
      if (SeparatesWords(done.element)) added.before = added.after = true;
    }
    open.back().inner = Join(open.back().inner, added);
    node = done.element->next;
  }
  return lengths;
}

size_t CharCount(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void Walk(Node* root, const std::function<bool(Node*)>& visit) {
  if (!IsElement(root)) return;
  // Iterative, so that absurdly deep pages cannot overflow the stack.
  Node* node = root;
  while (node != nullptr) {
    Node* next_child = nullptr;
    if (IsElement(node) && visit(node)) next_child = node->children;
    if (next_child != nullptr) {
      node = next_child;
      continue;
    }
    while (node != nullptr && node != root && node->next == nullptr) node = node->parent;
    if (node == nullptr || node == root) break;
    node = node->next;
  }
}

std::vector<Node*> FindAll(Node* root, const std::function<bool(const Node*)>& pred) {
  std::vector<Node*> found;
  Walk(root, [&](Node* node) {
    if (pred(node)) found.push_back(node);
    return true;
  });
  return found;
}

Node* FindFirst(Node* root, const std::function<bool(const Node*)>& pred) {
  Node* found = nullptr;
  Walk(root, [&](Node* node) {
    if (found != nullptr) return false;
    if (pred(node)) {
      found = node;
      return false;
    }
    return true;
  });
  return found;
}

Node* FindAncestor(const Node* node, const std::function<bool(const Node*)>& pred) {
  for (Node* up = node == nullptr ? nullptr : node->parent; IsElement(up); up = up->parent) {
    if (pred(up)) return up;
  }
  return nullptr;
}

bool InheritedAnswer::At(const Node* node) {
  path_.clear();
  bool answer = false;
  for (const Node* up = node; IsElement(up); up = up->parent) {
    if (const auto it = known_.find(up); it != known_.end()) {
      answer = it->second;
      break;
    }
    path_.push_back(up);
    if (const std::optional<bool> decided = decide_(up)) {
      answer = *decided;
      break;
    }
  }
  for (const Node* on_path : path_) known_.emplace(on_path, answer);
  return answer;
}

bool Contains(const Node* ancestor, const Node* node) {
  for (const Node* up = node; up != nullptr; up = up->parent) {
    if (up == ancestor) return true;
  }
  return false;
}

void Remove(Node* node) {
  xmlUnlinkNode(node);
  xmlFreeNode(node);
}

void RemoveAll(const std::vector<Node*>& nodes) {
  const std::unordered_set<const Node*> doomed(nodes.begin(), nodes.end());
  std::unordered_set<const Node*> done;
  std::vector<Node*> outermost;
  for (Node* node : nodes) {
    if (!done.insert(node).second) continue;
    const bool inside_another =
        FindAncestor(node, [&doomed](const Node* up) { return doomed.contains(up); }) != nullptr;
    if (!inside_another) outermost.push_back(node);
  }
  for (Node* node : outermost) Remove(node);
}

namespace {

constexpr size_t kMaxEntityNameLength = 10;  // "#x10FFFF", "thetasym"

// libxml2's UTF-8 encoder: at most four bytes for a code point up to U+10FFFF.
void AppendUtf8(char32_t cp, std::string& out) {
  std::array<xmlChar, 8> bytes{};
  const int length = xmlCopyCharMultiByte(bytes.data(), static_cast<int>(cp));
  if (length > 0)
    out.append(reinterpret_cast<const char*>(bytes.data()), static_cast<size_t>(length));
}

// The code point `reference` ("oacute", "#243", "#xF3") stands for, or 0.
char32_t EntityValue(const std::string& reference) {
  if (reference.size() > 1 && reference[0] == '#') {
    const bool hex = reference[1] == 'x' || reference[1] == 'X';
    const std::string digits = reference.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 6 ||
        !std::all_of(digits.begin(), digits.end(), [hex](char c) {
          return std::isdigit(static_cast<unsigned char>(c)) != 0 ||
                 (hex && std::isxdigit(static_cast<unsigned char>(c)) != 0);
        })) {
      return 0;
    }
    const unsigned long value = std::stoul(digits, nullptr, hex ? 16 : 10);
    const bool valid = value >= 0x20 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
    return valid ? static_cast<char32_t>(value) : 0;
  }
  const htmlEntityDesc* entity =
      htmlEntityLookup(reinterpret_cast<const xmlChar*>(reference.c_str()));
  return entity != nullptr ? static_cast<char32_t>(entity->value) : 0;
}

}  // namespace

bool ContainsAny(std::string_view text, std::span<const std::string_view> words) {
  for (std::string_view word : words) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::string DecodeLeftoverEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      // Only as far as a reference can reach: "&&&&…" without a ';' stays linear.
      const size_t window = text.substr(i + 1, kMaxEntityNameLength + 1).find(';');
      const size_t semicolon = window == std::string_view::npos ? window : i + 1 + window;
      if (semicolon != std::string_view::npos) {
        if (const char32_t cp = EntityValue(std::string(text.substr(i + 1, semicolon - i - 1)));
            cp != 0) {
          AppendUtf8(cp, out);
          i = semicolon;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace morgue::html_plugin
