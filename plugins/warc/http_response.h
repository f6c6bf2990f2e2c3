// The HTTP response a WARC `response` record holds (RFC 9112): its status line and the
// headers that say what the payload is and how it is encoded, and the payload decoded
// from its transfer and content codings, as a browser would show it.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_WARC_HTTP_RESPONSE_H_
#define MORGUE_PLUGINS_WARC_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue::warc_plugin {

struct HttpResponseHead {
  int status = 0;                 // e.g. 200
  std::string content_type;       // the Content-Type value as sent, "" when absent
  std::string transfer_encoding;  // comma-separated codings, in the order applied
  std::string content_encoding;   // comma-separated codings, in the order applied
  std::size_t size = 0;           // bytes of the status line and headers, blank line included
};

// The response head at the start of `block`. `complete` says whether `block` is the whole
// message (else its start, and a head that does not end within it is too long).
// Corruption when there is no status line or the head does not end.
Result<HttpResponseHead> ParseResponseHead(std::string_view block, bool complete);

// `payload` (the message after its head) with its transfer codings, then its content
// codings undone; at most `limit` bytes. Corruption for broken data ("bad chunked
// encoding: ...", "the gzip content does not inflate (...)"), NotSupported for an
// encoding it does not know or a payload past `limit`.
Result<std::string> DecodePayload(std::string payload, const HttpResponseHead& head,
                                  std::size_t limit);

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_HTTP_RESPONSE_H_
