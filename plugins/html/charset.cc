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

}  // namespace

std::string DeclaredCharset(std::string_view bytes) {
  const std::string head = AsciiLower(bytes.substr(0, kCharsetScanBytes));
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
  Result<DecodedText> decoded = DecodeToUtf8(bytes, DeclaredCharset(bytes));
  if (!decoded.ok()) return decoded.status();
  return std::move(decoded->text);
}

}  // namespace morgue::html_plugin
