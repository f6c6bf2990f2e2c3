// A thin layer over libxml2's HTML tree: parsing a page into a Document, and the few
// queries the extractors need (tag names, attributes, classes, text, walks).
//
// libxml2 lower-cases element and attribute names when parsing HTML, so every name
// compared here is lower-case. All text is UTF-8 (pages are decoded before parsing).
//
// Thread-safety: a Document is used from one thread; the functions keep no state.

#ifndef MORGUE_PLUGINS_HTML_DOM_H_
#define MORGUE_PLUGINS_HTML_DOM_H_

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morgue/status.h"
#include "morgue/text.h"  // LowerAscii, which the rules use on markup

namespace morgue::html_plugin {

using Node = xmlNode;

// An owned libxml2 HTML document.
class Document {
 public:
  // Parses UTF-8 HTML leniently (libxml2's recovering parser, no network, no encoding
  // switch from the page's own <meta>: the text is already UTF-8).
  static Result<Document> Parse(std::string_view utf8);

  Node* root() const { return xmlDocGetRootElement(doc_.get()); }
  // <head> and <body>, or nullptr.
  Node* head() const;
  Node* body() const;

 private:
  struct Deleter {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
  };
  explicit Document(xmlDoc* doc) : doc_(doc) {}
  std::unique_ptr<xmlDoc, Deleter> doc_;
};

bool IsElement(const Node* node);
bool IsText(const Node* node);  // text or CDATA
// The element's lower-case tag name, "" for other nodes.
std::string_view Tag(const Node* node);
bool IsTag(const Node* node, std::string_view tag);
bool IsHeading(const Node* node);  // h1..h6
// Elements that start a new block of text when rendered (p, div, li, h1...).
bool IsBlock(const Node* node);

// An attribute's value, "" when absent.
std::string Attr(const Node* node, const char* name);
// The same without a copy, valid while the node lives. For trees libxml2's HTML parser
// built, where a value is one text node (a value of several nodes, possible only in a tree
// built by hand, reads as its first).
std::string_view AttrView(const Node* node, const char* name);
bool HasAttr(const Node* node, const char* name);
// Whether the whitespace-separated attribute `name` holds `token` (ASCII case-insensitive).
bool HasToken(const Node* node, const char* name, std::string_view token);
bool HasClass(const Node* node, std::string_view cls);
// class and id, lower-cased, joined by a space: what the class/id heuristics look at.
std::string ClassAndId(const Node* node);

// The text of a subtree with runs of whitespace folded to one space, trimmed; script,
// style and similar non-text elements are skipped.
std::string Text(const Node* node);
// Text(node) read only until it is longer than `max_bytes` (then a little longer than
// that): enough to tell a short line from a long one without reading a whole page.
std::string TextPrefix(const Node* node, size_t max_bytes);
// CharCount(Text(node)), without building the text.
size_t TextLength(const Node* node);
// Whether TextLength(node) > max_chars, reading the text only until it is.
bool TextLongerThan(const Node* node, size_t max_chars);
// TextLength of every element under `root` (root included), from one pass over the tree;
// but <script> and <style>, whose text nothing reads, are left out.
std::unordered_map<const Node*, size_t> TextLengths(const Node* root);
// Number of Unicode code points in UTF-8 text.
size_t CharCount(std::string_view text);

// Whether `text` (a lower-cased class and id, a line) contains any of `words`.
bool ContainsAny(std::string_view text, std::span<const std::string_view> words);

// `text` with the character references a page left encoded decoded once: a meta
// attribute or a JSON-LD string that was escaped twice keeps "&quot;", "&#8222;" or
// "Redacci&oacute;n" after parsing. Named references are libxml2's HTML entities; numeric
// ones must name a character that is not a control or a surrogate. Text without a
// reference stays as it is.
std::string DecodeLeftoverEntities(std::string_view text);

// Calls `visit` on every element of the subtree under `root` (root included), in
// document order. Returning false from `visit` skips that element's children.
void Walk(Node* root, const std::function<bool(Node*)>& visit);
// Every element of the subtree matching `pred`, in document order.
std::vector<Node*> FindAll(Node* root, const std::function<bool(const Node*)>& pred);
// The first such element, or nullptr.
Node* FindFirst(Node* root, const std::function<bool(const Node*)>& pred);
// The nearest proper ancestor matching `pred`, or nullptr.
Node* FindAncestor(const Node* node, const std::function<bool(const Node*)>& pred);

// A yes-or-no answer about elements that the nearest element at or above one settles
// (an element inside a sidebar, a caption...), each element's answer found once and
// kept: asked for every element of a page, the answers walk up the tree once in all
// rather than once per element. `decide` settles an element (true or false) or passes
// it on to its parent (nullopt); past the top nothing decided, and the answer is false.
// The tree must not change while it is in use. Not thread-safe.
class InheritedAnswer {
 public:
  using Decide = std::function<std::optional<bool>(const Node*)>;
  explicit InheritedAnswer(Decide decide) : decide_(std::move(decide)) {}

  // The answer for `node`; false for a node that is not an element.
  bool At(const Node* node);

 private:
  Decide decide_;
  std::unordered_map<const Node*, bool> known_;
  std::vector<const Node*> path_;  // reused between calls
};

// Whether `node` lies in the subtree under `ancestor` (itself included).
bool Contains(const Node* ancestor, const Node* node);

// Unlinks and frees a node with its subtree.
void Remove(Node* node);
// Remove for each node listed, in any order; a node inside another listed one (or listed
// twice) goes with it, so nothing is freed twice or read after it is freed.
void RemoveAll(const std::vector<Node*>& nodes);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_DOM_H_
