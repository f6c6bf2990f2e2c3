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
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  return Status::OK();
}

Result<std::shared_ptr<const std::string>> LinePartReader::Next() {
  constexpr size_t kChunk = size_t{1} << 16;
  std::string part = std::move(carry_);
  carry_.clear();
  size_t last_break = part.rfind('\n');
  while (!eof_ && (part.size() < part_bytes_ || last_break == std::string::npos)) {
    const size_t old = part.size();
    part.resize(old + kChunk);
    const size_t n = std::fread(part.data() + old, 1, kChunk, file_);
    part.resize(old + n);
    if (n < kChunk) {
      if (std::ferror(file_) != 0) {
        return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
      }
      eof_ = true;
    }
    read_ += n;
    if (max_bytes_ != 0 && read_ > max_bytes_) return too_large_;
    // Only the new bytes are searched, so a very long line costs no more than its length.
    if (const void* hit = n > 0 ? memrchr(part.data() + old, '\n', n) : nullptr) {
      last_break = static_cast<size_t>(static_cast<const char*>(hit) - part.data());
    }
  }
  // Cut after the last line break; the rest starts the next part.
  if (!eof_ && last_break != std::string::npos && last_break + 1 < part.size()) {
    carry_.assign(part, last_break + 1);
    part.resize(last_break + 1);
  }
  MORGUE_RETURN_IF_ERROR(document_->Add(part));
  if (part.empty()) MORGUE_RETURN_IF_ERROR(document_->Finish());
  first_line_ = next_line_;
  next_line_ += static_cast<uint64_t>(std::count(part.begin(), part.end(), '\n'));
  return std::make_shared<const std::string>(std::move(part));
}

}  // namespace morgue
