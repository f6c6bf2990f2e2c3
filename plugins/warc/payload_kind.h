// What a response's payload is, by its media type, and by its first bytes when the type
// says nothing (missing, or a generic type such as application/octet-stream): HTML pages
// are imported; images, scripts, stylesheets and anything else are counted as skipped.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_WARC_PAYLOAD_KIND_H_
#define MORGUE_PLUGINS_WARC_PAYLOAD_KIND_H_

#include <string>
#include <string_view>

namespace morgue::warc_plugin {

enum class PayloadKind {
  kHtml,        // text/html, application/xhtml+xml
  kUnknown,     // no type, or a generic one: sniff the bytes
  kImage,       // image/*
  kScript,      // JavaScript
  kStylesheet,  // text/css
  kOther,       // any other type
};

// The media type of a Content-Type value, lower-cased, without its parameters:
// "text/html" for "text/HTML; charset=UTF-8".
std::string MediaTypeOf(std::string_view content_type);

// The kind of a media type as MediaTypeOf gives it.
PayloadKind KindOfMediaType(std::string_view media_type);

// Whether `bytes` start as an HTML document does, by the WHATWG MIME sniffing rules for
// HTML: after a byte order mark and white space, a comment or one of the tags that only
// HTML starts with ("<!DOCTYPE HTML", "<html", "<head", "<body", "<p", ...).
bool LooksLikeHtml(std::string_view bytes);

// The short plural a skipped response of this kind is counted under: "images",
// "scripts", "stylesheets", "non-HTML responses".
const char* SkipReasonFor(PayloadKind kind);

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_PAYLOAD_KIND_H_
