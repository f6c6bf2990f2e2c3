// The ByteSources (morgue/container.h) through which the import hands a container to its
// importer: a file read in order, never whole, or bytes already in memory (standard
// input). Each counts what it handed out, for progress.
//
// Thread-safety: Read from one thread at a time; consumed() from any thread.

#ifndef MORGUE_CORE_SRC_BYTE_SOURCES_H_
#define MORGUE_CORE_SRC_BYTE_SOURCES_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "morgue/container.h"
#include "morgue/status.h"

namespace morgue {

class CountingByteSource : public ByteSource {
 public:
  // Bytes handed out so far.
  uint64_t consumed() const { return consumed_.load(std::memory_order_relaxed); }

 protected:
  void Count(size_t n) { consumed_.fetch_add(n, std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> consumed_{0};
};

class FileByteSource : public CountingByteSource {
 public:
  ~FileByteSource() override;
  // Opens `path` for reading; the failure names the reason ("cannot read: ...").
  Status Open(const std::filesystem::path& path);
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::FILE* file_ = nullptr;
};

class MemoryByteSource : public CountingByteSource {
 public:
  explicit MemoryByteSource(std::shared_ptr<const std::string> bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::shared_ptr<const std::string> bytes_;
  size_t position_ = 0;
};

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_BYTE_SOURCES_H_
