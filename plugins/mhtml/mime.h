// The pieces of MIME (RFC 2045-2047) an MHTML file is made of: header fields, their
// parameters, and the transfer encodings of a part's body.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_MHTML_MIME_H_
#define MORGUE_PLUGINS_MHTML_MIME_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::mhtml_plugin {

// A block of header fields, unfolded ("Content-Type: multipart/related;\r\n\ttype=…" is
// one field), names as written.
struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;
  // The first field named `name` (ASCII case-insensitive), trimmed; "" when absent.
  std::string Get(std::string_view name) const;
};

// Adds one line of a header block (without its line end) to `headers`: a new field, or
// the continuation of the last one when it starts with a space or a tab.
void AddHeaderLine(std::string_view line, Headers& headers);

// The value of a field without its parameters, lower-cased: "text/html" of
// "text/html; charset=UTF-8".
std::string MainValue(std::string_view field);
// A parameter of a field ("boundary", "charset"), unquoted; "" when absent.
std::string Parameter(std::string_view field, std::string_view name);

// Quoted-printable (RFC 2045 6.7): "=XX" is the byte XX, "=" at a line's end joins it to
// the next; anything malformed is kept as written, as browsers do.
std::string DecodeQuotedPrintable(std::string_view text);
// Base64, spaces and line ends ignored; nullopt when it holds anything else or ends
// cut short.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace morgue::mhtml_plugin

#endif  // MORGUE_PLUGINS_MHTML_MIME_H_
