// Rendering the chosen content nodes as plain-text blocks, with their captioned images
// taken out as media first (captions and credits are metadata, not body text).
//
// Thread-safety: works on a document the caller owns.

#ifndef MORGUE_PLUGINS_HTML_RENDER_H_
#define MORGUE_PLUGINS_HTML_RENDER_H_

#include <vector>

#include "plugins/html/content.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {

// Removes figure captions (figcaption, .tr-caption, .wp-caption-text, .caption) and
// their images from `roots`, returning them as media with the <img src>.
std::vector<Media> TakeMedia(const std::vector<Node*>& roots);

// The text of `roots` as blocks: block elements start new blocks, headings are blocks of
// their own, two or more <br> split paragraphs, one <br> and list items give lines, except
// in a run of lines that are mostly prose (LinesAreParagraphs): there each line is a
// paragraph, as a post pasted with single <br> between its paragraphs means.
std::vector<Block> RenderBlocks(const std::vector<Node*>& roots);

// The href of every link under `roots`.
std::vector<std::string> CollectLinks(const std::vector<Node*>& roots);

// The address of every image under `roots` (src, or data-src for a lazy placeholder).
std::vector<std::string> CollectImages(const std::vector<Node*>& roots);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_RENDER_H_
