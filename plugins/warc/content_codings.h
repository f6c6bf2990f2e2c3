// Undoing the encodings an HTTP message puts on its payload: chunked transfer coding
// (RFC 9112 section 7.1) and the gzip, deflate and br content codings (RFC 9110 section
// 8.4.1). Each works on one record's payload, held in memory, and refuses to produce
// more than `limit` bytes, so that a small record cannot inflate into gigabytes.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_WARC_CONTENT_CODINGS_H_
#define MORGUE_PLUGINS_WARC_CONTENT_CODINGS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue::warc_plugin {

// The chunks' data joined. Corruption for bad framing ("bad chunked encoding: ..."); a
// message that ends after its last chunk's data without the zero-size chunk is cut short.
Result<std::string> Dechunk(std::string_view body, std::size_t limit);

// A gzip stream (one member or several in a row).
Result<std::string> Gunzip(std::string_view body, std::size_t limit);

// HTTP's "deflate": a zlib stream, or the raw deflate data some servers send instead.
Result<std::string> Inflate(std::string_view body, std::size_t limit);

// Brotli (RFC 7932).
Result<std::string> Unbrotli(std::string_view body, std::size_t limit);

// Undoes one coding by its HTTP name ("chunked", "gzip", "x-gzip", "deflate", "br",
// "identity"); any other name is NotSupported ("the <kind> encoding 'zstd' is not
// supported", `kind` being "transfer" or "content").
Result<std::string> Decode(std::string_view kind, std::string_view coding, std::string body,
                           std::size_t limit);

// "the decoded payload is over 64 MiB": the NotSupported failure for a payload past
// `limit`.
Status OverLimit(std::string_view what, std::size_t limit);

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_CONTENT_CODINGS_H_
