// Reads a page saved as one file by a browser (MHTML, RFC 2557, as Chrome and Edge
// write it: "From: <Saved by Blink>", a multipart/related of the page's HTML, its frames,
// stylesheets and images) as a container of one document: the page's HTML, decoded from
// its transfer encoding, with its address and when it was saved as hints. The other
// parts are skipped and counted.
//
// Holds one part at a time (and only the HTML part's bytes), whatever the file's size.
//
// Thread-safety: one thread at a time, as any ContainerReader.

#ifndef MORGUE_PLUGINS_MHTML_MHTML_READER_H_
#define MORGUE_PLUGINS_MHTML_MHTML_READER_H_

#include <cstdint>
#include <string>

#include "morgue/container.h"
#include "plugins/mhtml/mime.h"

namespace morgue::mhtml_plugin {

class MhtmlReader final : public ContainerReader {
 public:
  explicit MhtmlReader(ByteSource& source) : source_(source) {}

  Result<bool> Next(ContainerItem& item) override;

 private:
  // One line (with its line end), or a piece of at most kMaxPiece bytes of a longer
  // one; `starts_line` says whether it begins a line. False at the end of the file.
  Result<bool> ReadLine(std::string& line, bool& starts_line);
  // Whether `line` is the boundary's delimiter; `closing` when it is the last one.
  bool IsDelimiter(const std::string& line, bool& closing) const;
  Status Broken(const std::string& why) const;
  Status ReadTopHeaders();
  // Reads the next part into `item`; false when there is none.
  Result<bool> ReadPart(ContainerItem& item);
  void MakeDocument(const Headers& headers, std::string body, ContainerItem& item) const;

  ByteSource& source_;
  std::string buffer_;
  size_t position_ = 0;         // in buffer_
  std::uint64_t consumed_ = 0;  // bytes of the file before buffer_[position_]
  bool end_of_source_ = false;
  bool at_line_start_ = true;

  bool started_ = false;
  bool closed_ = false;  // the closing delimiter was read
  bool finished_ = false;
  bool document_given_ = false;
  std::string boundary_;
  std::string snapshot_location_;
  std::string saved_;  // the Date header, ISO 8601
};

}  // namespace morgue::mhtml_plugin

#endif  // MORGUE_PLUGINS_MHTML_MHTML_READER_H_
