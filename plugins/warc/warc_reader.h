// Reading a WARC file (ISO 28500, WARC/1.0 and WARC/1.1) record by record as a container
// (morgue/container.h): each `response` record holding an HTML page fetched with status
// 200, and each `resource` record holding an HTML page, is a document; every other
// record is skipped and counted by kind; a record whose HTTP message cannot be decoded
// fails alone. README.md in this folder lists the kinds and messages.
//
// Memory holds one record's WARC and HTTP headers and, for a page, its payload (at most
// kMaxPayloadBytes): records that are not imported are read past, never kept.
//
// Thread-safety: one thread at a time, like the ByteSource it reads.

#ifndef MORGUE_PLUGINS_WARC_WARC_READER_H_
#define MORGUE_PLUGINS_WARC_WARC_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "morgue/container.h"
#include "morgue/status.h"
#include "plugins/warc/warc_stream.h"

namespace morgue::warc_plugin {

// The longest WARC header, and HTTP head, read; a page's largest payload, as sent and as
// decoded (the host's default --max-input-size).
inline constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
inline constexpr std::size_t kMaxPayloadBytes = std::size_t{64} << 20;

// The fields of a WARC record header that reading needs.
struct WarcHeader {
  std::string type;            // WARC-Type, lower-cased
  std::string record_id;       // WARC-Record-ID without its angle brackets
  std::string target_uri;      // WARC-Target-URI without angle brackets
  std::string date;            // WARC-Date
  std::string content_type;    // Content-Type of the block
  std::string segment_number;  // WARC-Segment-Number
  std::uint64_t content_length = 0;
};

class WarcReader final : public ContainerReader {
 public:
  explicit WarcReader(ByteSource& source) : stream_(source) {}

  // Reads the start of the file: Corruption ("not a WARC file: ...") unless it is a WARC
  // file, plain or gzip-compressed.
  Status Open();
  Result<bool> Next(ContainerItem& item) override;

 private:
  // The record at the read position, after any blank lines before it.
  Result<bool> ReadRecord(ContainerItem& item);
  Result<WarcHeader> ReadHeader();
  // The record's block: its next `count` bytes appended to `out`, or passed over.
  Status ReadBlock(std::uint64_t count, std::string* out);
  Status SkipRest(const WarcHeader& header);
  Status Skip(ContainerItem& item, const WarcHeader& header, const char* reason);
  Status ReadResponse(ContainerItem& item, const WarcHeader& header);
  Status ReadResource(ContainerItem& item, const WarcHeader& header);
  // A page, or a skipped "empty pages" record when it holds nothing but white space.
  void MakeDocument(ContainerItem& item, std::string bytes, std::string media_type);
  // A failure of the stream inside the record, as Next reports it.
  Status BrokenRecord(const Status& cause) const;

  WarcStream stream_;
  Status failed_;                   // how the container broke, once it has
  std::uint64_t record_start_ = 0;  // the current record, in the file as stored
  std::uint64_t block_read_ = 0;    // bytes of the current record's block read so far
};

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_WARC_READER_H_
