// Small conversions between a feed's text fields and HTML: the plain text of a title or
// summary given as HTML, and HTML for a field given as plain text.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_FEED_HTML_TEXT_H_
#define MORGUE_PLUGINS_FEED_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace morgue::feed_plugin {

// `html` without its tags, its character references decoded ("&amp;", "&#39;",
// "&eacute;"), whitespace folded.
std::string HtmlToText(std::string_view html);

// `text` with its character references decoded and whitespace folded, its tags (if
// it seems to have any) kept as text: for fields that are text but carry HTML's escapes.
std::string DecodeReferences(std::string_view text);

// `text` as HTML: escaped, a paragraph per run of lines between blank lines, a <br /> for
// a single line end.
std::string TextToHtml(std::string_view text);

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_HTML_TEXT_H_
