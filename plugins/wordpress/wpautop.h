// A post's stored content as WordPress shows it: the paragraphs of a post written in the
// classic editor are its blank lines (WordPress's wpautop), while a post of the block
// editor is already HTML.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_WORDPRESS_WPAUTOP_H_
#define MORGUE_PLUGINS_WORDPRESS_WPAUTOP_H_

#include <string>
#include <string_view>

namespace morgue::wordpress_plugin {

// The common cases of wpautop: a blank line ends a paragraph (<p>…</p>), a single line
// break inside one is <br />, block-level HTML (div, figure, table, lists, headings…) is
// left as it is and never wrapped, and <pre> keeps its lines; a [caption] shortcode is
// the <figure> WordPress shows for it (other shortcodes stay as written). Content of the block
// editor (it holds "<!-- wp:" comments; WordPress skips wpautop for it) is returned unchanged.
std::string AutoParagraphs(std::string_view content);

}  // namespace morgue::wordpress_plugin

#endif  // MORGUE_PLUGINS_WORDPRESS_WPAUTOP_H_
