#include "line_parts.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace morgue {

LinePartReader::LinePartReader(std::filesystem::path path, uint64_t part_bytes, uint64_t max_bytes,
                               Status too_large)
    : path_(std::move(path)),
      part_bytes_(std::max<uint64_t>(part_bytes, 1)),
      max_bytes_(max_bytes),
      too_large_(std::move(too_large)) {}

LinePartReader::~LinePartReader() {
  if (file_ != nullptr) std::fclose(file_);
}

Status LinePartReader::Open() {
  file_ = std::fopen(path_.c_str(), "rbe");  // "e": closed on exec, like every file of ours
  if (file_ == nullptr) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  return Status::OK();
}

StreamingDocument& LinePartReader::Document() {
  if (document_ == nullptr) document_ = std::make_shared<StreamingDocument>();
  return *document_;
}

Result<std::shared_ptr<const std::string>> LinePartReader::Next() {
  // Read in pieces no larger than a part, so that a part is at most about twice its size
  // unless one line is longer.
  const size_t chunk = static_cast<size_t>(std::min<uint64_t>(size_t{1} << 16, part_bytes_));
  // The part handed out last goes to the original only now: a caller that stops after
  // the first part (its importer does not read lines) pays nothing for the original.
  if (handed_out_ != nullptr) {
    MORGUE_RETURN_IF_ERROR(Document().Add(*handed_out_));
    handed_out_.reset();
  }
  std::string part = std::move(carry_);
  carry_.clear();
  size_t last_break = part.rfind('\n');
  while (!eof_ && (part.size() < part_bytes_ || last_break == std::string::npos)) {
    const size_t old = part.size();
    part.resize(old + chunk);
    const size_t n = std::fread(part.data() + old, 1, chunk, file_);
    part.resize(old + n);
    if (n < chunk) {
      if (std::ferror(file_) != 0) {
        return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
      }
      eof_ = true;
    }
    // Only the new bytes are searched, so a very long line costs no more than its length.
    // A line that ends in them began after the last break before them; lines wholly in
    // them are no longer than a part, and a part is no larger than the limit.
    const size_t line_start = last_break == std::string::npos ? 0 : last_break + 1;
    if (const void* first = n > 0 ? std::memchr(part.data() + old, '\n', n) : nullptr) {
      const size_t end = static_cast<size_t>(static_cast<const char*>(first) - part.data());
      if (max_bytes_ != 0 && end - line_start > max_bytes_) return too_large_;
      last_break = static_cast<size_t>(
          static_cast<const char*>(memrchr(part.data() + old, '\n', n)) - part.data());
    }
    const size_t open_line =
        last_break == std::string::npos ? part.size() : part.size() - last_break - 1;
    if (max_bytes_ != 0 && open_line > max_bytes_) return too_large_;
  }
  // Cut after the last line break; the rest starts the next part.
  if (!eof_ && last_break != std::string::npos && last_break + 1 < part.size()) {
    carry_.assign(part, last_break + 1);
    part.resize(last_break + 1);
  }
  if (part.empty()) MORGUE_RETURN_IF_ERROR(Document().Finish());
  first_line_ = next_line_;
  next_line_ += static_cast<uint64_t>(std::count(part.begin(), part.end(), '\n'));
  auto handed_out = std::make_shared<const std::string>(std::move(part));
  if (!handed_out->empty()) handed_out_ = handed_out;
  return handed_out;
}

}  // namespace morgue
