#include "plugins/html/charset.h"

#include "morgue/text.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
         c == ':';
}

// The charset name after "charset" at `pos` in lower-cased text: skips spaces, '=' and
// quotes, then takes name characters.
std::string CharsetAt(const std::string& text, size_t pos) {
  pos += std::string_view("charset").size();
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (pos >= text.size() || text[pos] != '=') return {};
  ++pos;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '"' || text[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < text.size() && IsCharsetChar(text[end])) ++end;
  return text.substr(pos, end - pos);
}

// Any of the marks DecodeToUtf8 reads (UTF-8, UTF-16 and UTF-32): such a page is
// decoded by it.
bool StartsWithByteOrderMark(std::string_view bytes) {
  for (std::string_view mark :
       {std::string_view("\xEF\xBB\xBF"), std::string_view("\xFF\xFE"),
        std::string_view("\xFE\xFF"), std::string_view("\0\0\xFE\xFF", 4)}) {
    if (bytes.starts_with(mark)) return true;
  }
  return false;
}

}  // namespace

std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = LowerAscii(bytes.substr(0, kCharsetScanBytes));
  // Only inside <meta ...> tags: "charset=" also appears in scripts and links.
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 5)) {
    const size_t end = head.find('>', meta);
    const size_t charset = head.find("charset", meta);
    if (charset == std::string::npos) break;
    if (end != std::string::npos && charset > end) continue;
    if (std::string name = CharsetAt(head, charset); !name.empty()) return name;
  }
  return {};
}

Result<std::string> DecodePage(std::string_view bytes) {
  // Most pages are UTF-8 already: then DecodeToUtf8 would return them unchanged, after
  // copying them one character at a time and looking for a declaration it does not need.
  if (!StartsWithByteOrderMark(bytes) && IsValidUtf8(bytes)) return std::string(bytes);
  MORGUE_ASSIGN_OR_RETURN(DecodedText decoded, DecodeToUtf8(bytes, DeclaredCharset(bytes)));
  return std::move(decoded.text);
}

}  // namespace morgue::html_plugin
