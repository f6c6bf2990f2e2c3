// Main-content extraction: finds the article's text in a page the way reader views do
// (after Mozilla Readability's algorithm: unlikely candidates removed, paragraphs scored
// by length and commas, scores passed to ancestors, class/id weights, link density,
// sibling merging, conditional cleaning) and renders it as plain-text blocks.
//
// Thread-safety: pure functions over a document the caller owns.

#ifndef MORGUE_PLUGINS_HTML_CONTENT_H_
#define MORGUE_PLUGINS_HTML_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {

// One paragraph, heading or list of the article, in reading order.
struct Block {
  std::string text;  // lines separated by '\n' (single <br>, list items)
  bool heading = false;
  int heading_level = 0;  // 1 to 6 for <h1> to <h6>
  // All of its text is inside <i>, <em>, <b> or <strong>: a deck or a repeated title
  // in a repost, rarely a paragraph.
  bool emphasized = false;
};

struct Content {
  std::vector<Block> blocks;
  std::vector<Media> media;         // captioned images of the article, in order
  std::vector<std::string> links;   // hrefs inside the article, in order
  std::vector<std::string> images;  // <img> addresses left in the article (no caption), in order
};

// Extracts the main content of a UTF-8 page. No blocks means no article was found.
// `document` is `utf8_page` parsed; the first pass reads and changes it, and the page is
// parsed again only for a fallback pass that could find something else.
Content ExtractContent(Document document, std::string_view utf8_page);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_CONTENT_H_
