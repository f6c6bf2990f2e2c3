// Reading a container for its importer (byte_sources.h).

#include "byte_sources.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace morgue {

FileByteSource::~FileByteSource() {
  if (file_ != nullptr) std::fclose(file_);
}

Status FileByteSource::Open(const std::filesystem::path& path) {
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  return Status::OK();
}

Result<size_t> FileByteSource::Read(char* buffer, size_t size) {
  if (file_ == nullptr) return Status::IOError("cannot read: the file is not open");
  const size_t n = std::fread(buffer, 1, size, file_);
  if (n == 0 && std::ferror(file_) != 0) {
    return Status::IOError(std::string("cannot read: ") + std::strerror(errno));
  }
  Count(n);
  return n;
}

Result<size_t> MemoryByteSource::Read(char* buffer, size_t size) {
  const size_t n = std::min(size, bytes_->size() - position_);
  std::memcpy(buffer, bytes_->data() + position_, n);
  position_ += n;
  Count(n);
  return n;
}

}  // namespace morgue
