#include "plugins/html/dom.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

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
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
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

// The text under `root`, in document order. Iterative: a page nested thousands of levels
// deep must not overflow the stack.
void AppendText(const Node* root, std::string& out) {
  const Node* node = root->children;
  while (node != nullptr && node != root) {
    if (IsText(node)) {
      if (node->content != nullptr) out += reinterpret_cast<const char*>(node->content);
    } else if (IsElement(node) && !IsNonText(node)) {
      if (SeparatesWords(node)) out += ' ';
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
      if (SeparatesWords(node)) out += ' ';
    }
    // Up past the elements whose children are done, closing each.
    while (node != root && node->next == nullptr) {
      node = node->parent;
      if (node != root && IsElement(node) && SeparatesWords(node)) out += ' ';
    }
    if (node == root) break;
    node = node->next;
  }
}

std::string FoldSpaces(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool space = false;
  for (char c : raw) {
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Node* FindChild(Node* parent, std::string_view tag) {
  if (parent == nullptr) return nullptr;
  for (Node* child = parent->children; child != nullptr; child = child->next) {
    if (IsTag(child, tag)) return child;
  }
  return nullptr;
}

}  // namespace

Result<Document> Document::Parse(std::string_view utf8) {
  if (utf8.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    return Status::InvalidArgument("the page is too large to parse");
  }
  // libxml2's default limits stay on (no XML_PARSE_HUGE): elements nest at most 256
  // deep and a run of text is at most 10 MB, so hostile pages cannot exhaust the stack or
  // memory of the walks over the tree.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  std::unique_ptr<htmlParserCtxt, decltype(&htmlFreeParserCtxt)> context(htmlNewParserCtxt(),
                                                                         htmlFreeParserCtxt);
  if (context == nullptr) return Status::Corruption("out of memory starting the HTML parser");
  xmlDoc* doc = htmlCtxtReadMemory(context.get(), utf8.data(), static_cast<int>(utf8.size()),
                                   nullptr, "UTF-8", options);
  if (doc == nullptr) return Status::Corruption("the page could not be parsed as HTML");
  Document document(doc);
  // The recovering parser mends broken markup, but past one of its limits it stops and
  // the rest of the page would be silently lost.
  if (context->disableSAX != 0 && context->instate == XML_PARSER_EOF) {
    if (context->errNo == XML_ERR_INTERNAL_ERROR) {
      return Status::InvalidArgument(
          "the page nests elements more than 256 levels deep, past the HTML parser's limit; "
          "no real page does");
    }
    if (context->errNo == XML_ERR_NO_MEMORY) {
      return Status::InvalidArgument(
          "the page holds a run of text longer than 10 MB without markup, past the HTML "
          "parser's limit");
    }
    std::string reason =
        context->lastError.message != nullptr ? context->lastError.message : "no reason given";
    while (!reason.empty() && IsAsciiSpace(reason.back())) reason.pop_back();
    return Status::InvalidArgument("the HTML parser stopped before the end of the page: " + reason);
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

std::string Attr(const Node* node, const char* name) {
  if (!IsElement(node)) return {};
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string result(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return result;
}

bool HasAttr(const Node* node, const char* name) {
  return IsElement(node) && xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

bool HasToken(const Node* node, const char* name, std::string_view token) {
  const std::string value = AsciiLower(Attr(node, name));
  const std::string wanted = AsciiLower(token);
  size_t pos = 0;
  while (pos < value.size()) {
    while (pos < value.size() && IsAsciiSpace(value[pos])) ++pos;
    size_t end = pos;
    while (end < value.size() && !IsAsciiSpace(value[end])) ++end;
    if (end > pos && std::string_view(value).substr(pos, end - pos) == wanted) return true;
    pos = end;
  }
  return false;
}

bool HasClass(const Node* node, std::string_view cls) { return HasToken(node, "class", cls); }

std::string ClassAndId(const Node* node) {
  return AsciiLower(Attr(node, "class") + " " + Attr(node, "id"));
}

std::string Text(const Node* node) {
  if (node == nullptr) return {};
  if (IsText(node)) {
    return node->content == nullptr ? std::string()
                                    : FoldSpaces(reinterpret_cast<const char*>(node->content));
  }
  std::string raw;
  AppendText(node, raw);
  return FoldSpaces(raw);
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

void Remove(Node* node) {
  xmlUnlinkNode(node);
  xmlFreeNode(node);
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace morgue::html_plugin
