// Media types and HTML sniffing (payload_kind.h).

#include "plugins/warc/payload_kind.h"

#include <array>

#include "plugins/warc/ascii_text.h"

namespace morgue::warc_plugin {

std::string MediaTypeOf(std::string_view content_type) {
  return Lower(TrimBlanks(content_type.substr(0, content_type.find(';'))));
}

PayloadKind KindOfMediaType(std::string_view media_type) {
  if (media_type == "text/html" || media_type == "application/xhtml+xml") {
    return PayloadKind::kHtml;
  }
  // What servers send when they do not know: the bytes decide.
  constexpr std::array<std::string_view, 7> kGeneric = {"",
                                                        "application/octet-stream",
                                                        "binary/octet-stream",
                                                        "*/*",
                                                        "application/unknown",
                                                        "unknown/unknown",
                                                        "application/x-unknown-content-type"};
  for (const std::string_view generic : kGeneric) {
    if (media_type == generic) return PayloadKind::kUnknown;
  }
  if (media_type.starts_with("image/")) return PayloadKind::kImage;
  if (media_type == "text/css") return PayloadKind::kStylesheet;
  if (media_type.ends_with("javascript") || media_type.ends_with("ecmascript")) {
    return PayloadKind::kScript;
  }
  return PayloadKind::kOther;
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::size_t start = bytes.find_first_not_of(" \t\n\r\f");
  if (start == std::string_view::npos) return false;
  bytes.remove_prefix(start);
  if (bytes.starts_with("<!--")) return true;
  // Each pattern must be followed by a space or '>' (WHATWG MIME Sniffing, section 7.1).
  constexpr std::array<std::string_view, 16> kTags = {
      "<!DOCTYPE HTML", "<HTML", "<HEAD",  "<SCRIPT", "<IFRAME", "<H1",   "<DIV", "<FONT",
      "<TABLE",         "<A",    "<STYLE", "<TITLE",  "<B",      "<BODY", "<BR",  "<P"};
  for (const std::string_view tag : kTags) {
    if (!StartsWithIgnoringCase(bytes, tag) || bytes.size() == tag.size()) continue;
    const char next = bytes[tag.size()];
    if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r' ||
        next == '\f') {
      return true;
    }
  }
  return false;
}

const char* SkipReasonFor(PayloadKind kind) {
  switch (kind) {
    case PayloadKind::kImage:
      return "images";
    case PayloadKind::kScript:
      return "scripts";
    case PayloadKind::kStylesheet:
      return "stylesheets";
    case PayloadKind::kHtml:
    case PayloadKind::kUnknown:
    case PayloadKind::kOther:
      break;
  }
  return "non-HTML responses";
}

}  // namespace morgue::warc_plugin
