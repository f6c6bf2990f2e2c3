// wpautop's common cases (wpautop.h); WordPress's own is wp-includes/formatting.php.

#include "plugins/wordpress/wpautop.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace morgue::wordpress_plugin {
namespace {

// The elements wpautop treats as blocks: never wrapped in <p>, set apart by blank lines.
constexpr auto kBlockTags = std::to_array<std::string_view>(
    {"address",    "area",   "article", "aside",  "blockquote", "caption", "col",
     "colgroup",   "dd",     "details", "div",    "dl",         "dt",      "fieldset",
     "figcaption", "figure", "footer",  "form",   "h1",         "h2",      "h3",
     "h4",         "h5",     "h6",      "header", "hgroup",     "hr",      "legend",
     "li",         "map",    "math",    "menu",   "nav",        "ol",      "option",
     "p",          "pre",    "section", "select", "style",      "summary", "table",
     "tbody",      "td",     "tfoot",   "th",     "thead",      "tr",      "ul"});

struct Tag {
  bool found = false;
  bool closing = false;
  std::string name;  // lower-cased
  size_t end = 0;    // just past the '>'
};

// The tag that starts at `at` (text[at] == '<'), if it is a whole one.
Tag TagAt(std::string_view text, size_t at) {
  Tag tag;
  if (at >= text.size() || text[at] != '<') return tag;
  size_t i = at + 1;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < text.size() && std::isalnum(static_cast<unsigned char>(text[i])) != 0) {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
  }
  if (tag.name.empty()) return tag;
  const size_t close = text.find('>', i);
  if (close == std::string_view::npos) return tag;
  tag.found = true;
  tag.end = close + 1;
  return tag;
}

bool IsBlock(const Tag& tag) {
  return tag.found && std::find(kBlockTags.begin(), kBlockTags.end(), tag.name) != kBlockTags.end();
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Whether `text` ends with a block tag (open or close), spaces aside.
bool EndsWithBlockTag(std::string_view text) {
  text = Trim(text);
  if (text.empty() || text.back() != '>') return false;
  const size_t open = text.rfind('<');
  return open != std::string_view::npos && IsBlock(TagAt(text, open)) &&
         TagAt(text, open).end == text.size();
}

bool StartsWithBlockTag(std::string_view text) {
  text = Trim(text);
  return !text.empty() && IsBlock(TagAt(text, 0));
}

// The content with a blank line before every block's opening tag and after every
// closing one, and each <pre> element replaced by a placeholder ("\x01<n>\x01") kept in
// `pres`, so that its blank lines split nothing.
std::string SetBlocksApart(std::string_view text, std::vector<std::string>& pres) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '<') {
      out += text[i++];
      continue;
    }
    if (text.substr(i, 4) == "<!--") {  // comments are copied as they are
      const size_t end = text.find("-->", i + 4);
      const size_t stop = end == std::string_view::npos ? text.size() : end + 3;
      out.append(text.substr(i, stop - i));
      i = stop;
      continue;
    }
    const Tag tag = TagAt(text, i);
    if (!IsBlock(tag)) {
      out += text[i++];
      continue;
    }
    if (tag.name == "pre" && !tag.closing) {
      size_t end = std::string_view::npos;
      for (size_t at = text.find("</", tag.end); at != std::string_view::npos;
           at = text.find("</", at + 2)) {
        const Tag close = TagAt(text, at);
        if (close.closing && close.name == "pre") {
          end = close.end;
          break;
        }
      }
      if (end == std::string_view::npos) end = text.size();
      pres.emplace_back(text.substr(i, end - i));
      out += "\n\n\x01" + std::to_string(pres.size() - 1) + "\x01\n\n";
      i = end;
      continue;
    }
    if (!tag.closing) out += "\n\n";
    out.append(text.substr(i, tag.end - i));
    if (tag.closing) out += "\n\n";
    i = tag.end;
  }
  return out;
}

// The line breaks of a paragraph, as <br />, except next to a block's tags.
std::string LineBreaks(std::string_view chunk) {
  std::string out;
  size_t start = 0;
  for (size_t nl = chunk.find('\n'); nl != std::string_view::npos; nl = chunk.find('\n', start)) {
    std::string_view line = chunk.substr(start, nl - start);
    while (!line.empty() && IsSpace(line.back())) line.remove_suffix(1);
    out.append(line);
    const bool block_before = EndsWithBlockTag(out);
    const bool block_after = StartsWithBlockTag(chunk.substr(nl + 1));
    out += block_before || block_after ? "\n" : "<br />\n";
    start = nl + 1;
  }
  out.append(chunk.substr(start));
  return out;
}

// One paragraph of text between blank lines, as wpautop gives it.
std::string Paragraph(std::string_view chunk) {
  if (StartsWithBlockTag(chunk)) return LineBreaks(chunk) + "\n";
  // A block's closing tag that ends the chunk stays after the paragraph.
  std::string_view tail;
  if (EndsWithBlockTag(chunk)) {
    const size_t open = chunk.rfind('<');
    if (TagAt(chunk, open).closing) {
      tail = chunk.substr(open);
      chunk = Trim(chunk.substr(0, open));
    }
  }
  std::string out = "<p>" + LineBreaks(chunk) + "</p>";
  out.append(tail);
  return out + "\n";
}

// The <pre> a chunk stands for ("\x01<n>\x01"), or npos.
size_t PlaceholderIndex(std::string_view chunk) {
  if (chunk.size() < 3 || chunk.front() != '\x01' || chunk.back() != '\x01')
    return std::string_view::npos;
  size_t index = 0;
  for (const char c : chunk.substr(1, chunk.size() - 2)) {
    if (c < '0' || c > '9' || index > 1'000'000'000) return std::string_view::npos;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return index;
}

// The value of `name="…"` in a shortcode's attributes, or "".
std::string ShortcodeAttribute(std::string_view attributes, std::string_view name) {
  for (size_t at = attributes.find(name); at != std::string_view::npos;
       at = attributes.find(name, at + 1)) {
    if (at > 0 && !IsSpace(attributes[at - 1])) continue;
    size_t value = at + name.size();
    if (value + 1 >= attributes.size() || attributes[value] != '=') continue;
    const char quote = attributes[value + 1];
    if (quote != '"' && quote != '\'') continue;
    const size_t end = attributes.find(quote, value + 2);
    if (end == std::string_view::npos) return "";
    return std::string(attributes.substr(value + 2, end - value - 2));
  }
  return "";
}

// [caption id="attachment_124" align="aligncenter" width="400"]<img …/> Text[/caption]
// as WordPress shows it (img_caption_shortcode, HTML5 themes): a <figure> with the image
// and a <figcaption>. The text is what follows the image (or its link), or the older
// caption="…" attribute.
std::string Captions(std::string_view text) {
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t open = text.find("[caption", at);
    const size_t attributes_end = open == std::string_view::npos ? open : text.find(']', open);
    const size_t close = attributes_end == std::string_view::npos
                             ? attributes_end
                             : text.find("[/caption]", attributes_end);
    if (close == std::string_view::npos) break;
    out.append(text.substr(at, open - at));
    const std::string_view attributes = text.substr(open + 8, attributes_end - open - 8);
    std::string_view inner = Trim(text.substr(attributes_end + 1, close - attributes_end - 1));
    // The image is the leading <a>…</a> or <img …>.
    size_t image_end = 0;
    if (inner.starts_with("<a ") || inner.starts_with("<a>")) {
      const size_t end = inner.find("</a>");
      image_end = end == std::string_view::npos ? 0 : end + 4;
    } else if (inner.starts_with("<img")) {
      const size_t end = inner.find('>');
      image_end = end == std::string_view::npos ? 0 : end + 1;
    }
    std::string caption = ShortcodeAttribute(attributes, "caption");
    if (caption.empty()) caption = std::string(Trim(inner.substr(image_end)));
    const std::string id = ShortcodeAttribute(attributes, "id");
    const std::string align = ShortcodeAttribute(attributes, "align");
    out += "<figure";
    if (!id.empty()) out += " id=\"" + id + "\"";
    out += " class=\"wp-caption" + (align.empty() ? std::string() : " " + align) + "\">";
    out.append(inner.substr(0, image_end));
    if (!caption.empty())
      out += "<figcaption class=\"wp-caption-text\">" + caption + "</figcaption>";
    out += "</figure>";
    at = close + 10;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace

std::string AutoParagraphs(std::string_view content) {
  std::string text;
  text.reserve(content.size());
  for (size_t i = 0; i < content.size(); ++i) {  // CRLF and CR line ends are LF
    if (content[i] != '\r') {
      text += content[i];
    } else if (i + 1 >= content.size() || content[i + 1] != '\n') {
      text += '\n';
    }
  }
  if (text.find("<!-- wp:") != std::string::npos) return text;

  std::vector<std::string> pres;
  const std::string spaced = SetBlocksApart(Captions(text), pres);
  std::string out;
  // Chunks are separated by lines holding only spaces.
  size_t chunk_start = 0;
  const auto flush = [&](size_t end) {
    const std::string_view chunk =
        Trim(std::string_view(spaced).substr(chunk_start, end - chunk_start));
    if (chunk.empty()) return;
    if (const size_t pre = PlaceholderIndex(chunk); pre < pres.size()) {
      out += pres[pre] + "\n";
    } else {
      out += Paragraph(chunk);
    }
  };
  size_t line_start = 0;
  while (line_start <= spaced.size()) {
    size_t line_end = spaced.find('\n', line_start);
    if (line_end == std::string::npos) line_end = spaced.size();
    if (Trim(std::string_view(spaced).substr(line_start, line_end - line_start)).empty()) {
      flush(line_start);
      chunk_start = line_end;
    }
    line_start = line_end + 1;
  }
  flush(spaced.size());
  return out;
}

}  // namespace morgue::wordpress_plugin
