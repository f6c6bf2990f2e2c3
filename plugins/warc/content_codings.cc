// Chunked transfer coding and the gzip, deflate and br content codings
// (content_codings.h), with zlib and Debian's libbrotli.

#include "plugins/warc/content_codings.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <memory>
#include <utility>

#include "plugins/warc/ascii_text.h"

namespace morgue::warc_plugin {
namespace {

constexpr std::size_t kOutputStep = 64 * 1024;

std::string Mebibytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

Status BadChunked(const std::string& why) {
  return Status::Corruption("bad chunked encoding: " + why);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char lower = LowerChar(c);
  if (lower >= 'a' && lower <= 'f') return lower - 'a' + 10;
  return -1;
}

// A chunk-size line's size: hexadecimal digits, then optional ";extension"s.
Result<std::uint64_t> ChunkSize(std::string_view line) {
  const std::string_view digits = TrimBlanks(line.substr(0, line.find(';')));
  if (digits.empty()) return BadChunked("an empty chunk size line");
  std::uint64_t size = 0;
  for (const char c : digits) {
    const int digit = HexDigit(c);
    if (digit < 0) return BadChunked("chunk size '" + Snippet(digits) + "' is not hexadecimal");
    if (size > (UINT64_MAX >> 4))
      return BadChunked("chunk size '" + Snippet(digits) + "' is too large");
    size = (size << 4) | static_cast<std::uint64_t>(digit);
  }
  return size;
}

// Inflates a zlib-family stream: `window_bits` chooses gzip (15+16), zlib (15) or raw
// deflate (-15); gzip members in a row are read one after the other.
Result<std::string> InflateStream(std::string_view body, int window_bits, std::string_view name,
                                  std::size_t limit) {
  z_stream stream{};
  if (inflateInit2(&stream, window_bits) != Z_OK) {
    return Status::NotSupported("cannot start zlib to inflate the " + std::string(name) +
                                " content");
  }
  const std::unique_ptr<z_stream, int (*)(z_stream*)> closer(&stream, inflateEnd);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  std::string out;
  std::array<char, kOutputStep> step;
  for (;;) {
    stream.next_out = reinterpret_cast<Bytef*>(step.data());
    stream.avail_out = static_cast<uInt>(step.size());
    const int code = inflate(&stream, Z_NO_FLUSH);
    out.append(step.data(), step.size() - stream.avail_out);
    if (out.size() > limit) return OverLimit("the decoded payload", limit);
    if (code == Z_STREAM_END) {
      // Another gzip member may follow; anything else after the end is ignored, as
      // browsers do.
      const bool another_member = window_bits > 15 && stream.avail_in >= 2 &&
                                  stream.next_in[0] == 0x1f && stream.next_in[1] == 0x8b;
      if (!another_member) return out;
      inflateReset(&stream);
      continue;
    }
    if (code == Z_OK) continue;
    if (code == Z_BUF_ERROR && stream.avail_in == 0) {
      return Status::Corruption("the " + std::string(name) + " content is cut short");
    }
    return Status::Corruption(
        "the " + std::string(name) + " content does not inflate (" +
        (stream.msg != nullptr ? stream.msg : "zlib error " + std::to_string(code)) + ")");
  }
}

}  // namespace

Status OverLimit(std::string_view what, std::size_t limit) {
  return Status::NotSupported(std::string(what) + " is over " + Mebibytes(limit) +
                              ", more than a page may have");
}

Result<std::string> Dechunk(std::string_view body, std::size_t limit) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    if (pos >= body.size()) return BadChunked("it is cut short before its last chunk");
    const std::size_t newline = body.find('\n', pos);
    if (newline == std::string_view::npos)
      return BadChunked("it is cut short in a chunk size line");
    std::string_view line = body.substr(pos, newline - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    MORGUE_ASSIGN_OR_RETURN(const std::uint64_t size, ChunkSize(line));
    pos = newline + 1;
    if (size == 0) return out;  // the trailer section that may follow adds nothing
    if (size > body.size() - pos) {
      return BadChunked("a chunk of " + std::to_string(size) + " bytes is cut short after " +
                        std::to_string(body.size() - pos));
    }
    if (size > limit - out.size()) return OverLimit("the decoded payload", limit);
    out.append(body.substr(pos, size));
    pos += size;
    const std::string_view rest = body.substr(pos);
    if (rest.starts_with("\r\n")) {
      pos += 2;
    } else if (rest.starts_with("\n")) {
      pos += 1;
    } else if (!rest.empty()) {
      return BadChunked("a chunk's data is not followed by a line break");
    }
  }
}

Result<std::string> Gunzip(std::string_view body, std::size_t limit) {
  return InflateStream(body, 15 + 16, "gzip", limit);
}

Result<std::string> Inflate(std::string_view body, std::size_t limit) {
  // A zlib header: compression method 8 in the low nibble, the two bytes a multiple of 31.
  const bool zlib_wrapped =
      body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
      ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 == 0;
  return InflateStream(body, zlib_wrapped ? 15 : -15, "deflate", limit);
}

Result<std::string> Unbrotli(std::string_view body, std::size_t limit) {
  const std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> decoder(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (decoder == nullptr) return Status::NotSupported("cannot start the br decoder");
  const auto* next_in = reinterpret_cast<const std::uint8_t*>(body.data());
  std::size_t available_in = body.size();
  std::string out;
  std::array<char, kOutputStep> step;
  for (;;) {
    auto* next_out = reinterpret_cast<std::uint8_t*>(step.data());
    std::size_t available_out = step.size();
    const BrotliDecoderResult result = BrotliDecoderDecompressStream(
        decoder.get(), &available_in, &next_in, &available_out, &next_out, nullptr);
    out.append(step.data(), step.size() - available_out);
    if (out.size() > limit) return OverLimit("the decoded payload", limit);
    switch (result) {
      case BROTLI_DECODER_RESULT_SUCCESS:
        return out;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
        continue;
      case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
        return Status::Corruption("the br content is cut short");
      case BROTLI_DECODER_RESULT_ERROR:
        break;
    }
    return Status::Corruption(std::string("the br content does not decode (") +
                              BrotliDecoderErrorString(BrotliDecoderGetErrorCode(decoder.get())) +
                              ")");
  }
}

Result<std::string> Decode(std::string_view kind, std::string_view coding, std::string body,
                           std::size_t limit) {
  const std::string name = Lower(TrimBlanks(coding));
  if (name == "identity") return body;
  if (name == "chunked") return Dechunk(body, limit);
  if (name == "gzip" || name == "x-gzip") return Gunzip(body, limit);
  if (name == "deflate") return Inflate(body, limit);
  if (name == "br") return Unbrotli(body, limit);
  return Status::NotSupported("the " + std::string(kind) + " encoding '" + Snippet(name, 32) +
                              "' is not supported");
}

}  // namespace morgue::warc_plugin
