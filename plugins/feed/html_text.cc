// Feed text fields as text or HTML (html_text.h).

#include "plugins/feed/html_text.h"

#include <libxml/HTMLparser.h>

#include <cstdint>
#include <cstdlib>

#include "morgue/text.h"

namespace morgue::feed_plugin {
namespace {

void AppendUtf8(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The character a reference at `text[at]` ('&') stands for, appended to `out`; returns
// the reference's length, or 0 when it is not one (the '&' is then kept as it is).
std::size_t DecodeReference(std::string_view text, std::size_t at, std::string& out) {
  const std::size_t end = text.find(';', at);
  if (end == std::string_view::npos || end - at < 3 || end - at > 32) return 0;
  const std::string name(text.substr(at + 1, end - at - 1));
  if (name[0] == '#') {
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return 0;
    char* stop = nullptr;
    const unsigned long code = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (stop == nullptr || *stop != '\0') return 0;
    AppendUtf8(out, static_cast<std::uint32_t>(code));
    return end - at + 1;
  }
  const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (entity == nullptr) return 0;
  AppendUtf8(out, entity->value);
  return end - at + 1;
}

// `html`'s text, its tags dropped when `tags` is set.
std::string Decode(std::string_view html, bool tags) {
  std::string text;
  text.reserve(html.size());
  for (std::size_t at = 0; at < html.size();) {
    const char c = html[at];
    const std::size_t close = c == '<' && tags ? html.find('>', at) : std::string_view::npos;
    if (close != std::string_view::npos) {
      text += ' ';
      at = close + 1;
    } else if (c == '&') {
      const std::size_t length = DecodeReference(html, at, text);
      if (length == 0) text += c;
      at += length == 0 ? 1 : length;
    } else {
      text += c;
      ++at;
    }
  }
  return CollapseWhitespace(text);
}

}  // namespace

std::string HtmlToText(std::string_view html) { return Decode(html, true); }

std::string DecodeReferences(std::string_view text) { return Decode(text, false); }

std::string TextToHtml(std::string_view text) {
  std::string html;
  std::string paragraph;
  const auto close = [&] {
    if (paragraph.empty()) return;
    html += "<p>" + paragraph + "</p>\n";
    paragraph.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      close();
    } else {
      if (!paragraph.empty()) paragraph += "<br />\n";
      for (char c : line) {
        if (c == '&') {
          paragraph += "&amp;";
        } else if (c == '<') {
          paragraph += "&lt;";
        } else if (c == '>') {
          paragraph += "&gt;";
        } else {
          paragraph += c;
        }
      }
    }
    start = end + 1;
  }
  close();
  return html;
}

}  // namespace morgue::feed_plugin
