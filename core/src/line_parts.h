// LinePartReader: reads a large file as parts of whole lines, for importers that read
// their input line by line (Importer::ReadsLineByLine), so that an input of any size is
// imported with flat memory. Every byte handed out also goes to a StreamingDocument,
// which makes the archived original (SHA-256 and zlib) without holding the file: a part
// when the next one is asked for, so that a caller who stops after the first part (its
// importer reads the file whole) pays nothing for the original.
//
// Thread-safety: one thread at a time.

#ifndef MORGUE_CORE_SRC_LINE_PARTS_H_
#define MORGUE_CORE_SRC_LINE_PARTS_H_

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "morgue/status.h"
#include "storage_codec.h"

namespace morgue {

class LinePartReader {
 public:
  // Parts hold about `part_bytes` (more when a line is longer); a part that would hold
  // more than `max_bytes` (0: no limit), a line that long, fails with `too_large`.
  LinePartReader(std::filesystem::path path, uint64_t part_bytes, uint64_t max_bytes,
                 Status too_large);
  ~LinePartReader();
  LinePartReader(const LinePartReader&) = delete;
  LinePartReader& operator=(const LinePartReader&) = delete;

  Status Open();
  // The next part: whole lines, each with its "\n" (the last line of the file may have
  // none). Empty at the end of the file.
  Result<std::shared_ptr<const std::string>> Next();
  // The number, from 1, of the first line of the part Next returned last.
  uint64_t first_line() const { return first_line_; }
  // The original up to the part before the one Next returned last (that one is added by
  // the following call); complete once Next has returned the empty part.
  const std::shared_ptr<StreamingDocument>& document() const { return document_; }

 private:
  StreamingDocument& Document();  // made on first use

  std::filesystem::path path_;
  uint64_t part_bytes_;
  uint64_t max_bytes_;
  Status too_large_;
  std::FILE* file_ = nullptr;
  std::string carry_;  // read, after the last line break of the previous part
  bool eof_ = false;
  uint64_t first_line_ = 1;
  uint64_t next_line_ = 1;
  std::shared_ptr<StreamingDocument> document_;    // made when the second part is asked for
  std::shared_ptr<const std::string> handed_out_;  // not yet added to document_
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_LINE_PARTS_H_
