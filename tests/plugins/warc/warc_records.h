// Hand-made WARC records and HTTP messages for the warc plugin's tests, written as the
// WARC 1.1 standard (ISO 28500:2017) and RFC 9112 lay them out: a version line, named
// fields, a blank line, the block, two line breaks; and the encodings HTTP puts on a
// payload (chunked, gzip, deflate, br), made with zlib and Debian's libbrotli.
//
// Thread-safety: pure functions.

#ifndef MORGUE_TESTS_PLUGINS_WARC_WARC_RECORDS_H_
#define MORGUE_TESTS_PLUGINS_WARC_WARC_RECORDS_H_

#include <brotli/encode.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace morgue::testing::warc {

// One WARC record; Text() writes it.
struct Record {
  std::string version = "WARC/1.1";
  std::string type = "response";
  std::string id = "urn:uuid:00000000-0000-4000-8000-000000000001";
  std::string uri = "http://news.example/a.html";
  std::string date = "2024-05-01T10:00:00Z";
  std::string content_type = "application/http; msgtype=response";
  std::vector<std::string> more_fields;  // "Name: value" lines, as written
  std::string block;

  std::string Text() const {
    std::string out = version + "\r\nWARC-Type: " + type + "\r\n";
    if (!id.empty()) out += "WARC-Record-ID: <" + id + ">\r\n";
    if (!date.empty()) out += "WARC-Date: " + date + "\r\n";
    if (!uri.empty()) out += "WARC-Target-URI: " + uri + "\r\n";
    if (!content_type.empty()) out += "Content-Type: " + content_type + "\r\n";
    for (const std::string& field : more_fields) out += field + "\r\n";
    out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
    return out + block + "\r\n\r\n";
  }
};

// An HTTP/1.1 response: its status line ("200 OK"), header lines and body as given.
inline std::string Http(std::string_view status, const std::vector<std::string>& headers,
                        std::string_view body) {
  std::string out = "HTTP/1.1 " + std::string(status) + "\r\n";
  for (const std::string& header : headers) out += header + "\r\n";
  return out + "\r\n" + std::string(body);
}

// `body` in chunks of `size` bytes, chunked transfer coding with a last chunk.
inline std::string Chunked(std::string_view body, std::size_t size) {
  std::string out;
  for (std::size_t pos = 0; pos < body.size(); pos += size) {
    const std::string_view chunk = body.substr(pos, size);
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx", chunk.size());
    out += std::string(hex) + "\r\n" + std::string(chunk) + "\r\n";
  }
  return out + "0\r\n\r\n";
}

// `bytes` compressed with zlib: windowBits 15 + 16 gives a gzip member, 15 a zlib
// stream, -15 raw deflate.
inline std::string Deflate(std::string_view bytes, int window_bits = 15 + 16) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, bytes.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

inline std::string Gzip(std::string_view bytes) { return Deflate(bytes, 15 + 16); }

inline std::string Brotli(std::string_view bytes) {
  std::size_t size = BrotliEncoderMaxCompressedSize(bytes.size()) + 64;
  std::string out(size, '\0');
  BrotliEncoderCompress(BROTLI_DEFAULT_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT,
                        bytes.size(), reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                        reinterpret_cast<uint8_t*>(out.data()));
  out.resize(size);
  return out;
}

// A WARC file of `records`: plain, one gzip member per record (as wget and crawlers
// write .warc.gz), or the whole file as one gzip stream. `offsets` receives where each
// record starts in the file.
enum class Packing { kPlain, kGzipPerRecord, kGzipWhole };
inline std::string WarcFile(const std::vector<Record>& records, Packing packing,
                            std::vector<std::size_t>* offsets = nullptr) {
  std::string out;
  for (const Record& record : records) {
    if (offsets != nullptr) offsets->push_back(out.size());
    out += packing == Packing::kGzipPerRecord ? Gzip(record.Text()) : record.Text();
  }
  return packing == Packing::kGzipWhole ? Gzip(out) : out;
}

}  // namespace morgue::testing::warc

#endif  // MORGUE_TESTS_PLUGINS_WARC_WARC_RECORDS_H_
