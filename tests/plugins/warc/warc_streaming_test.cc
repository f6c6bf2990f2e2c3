// The warc plugin keeps memory flat whatever the size of the WARC: large files made on the
// fly by a ByteSource (never held whole, here or in the reader) are read to their end
// while the peak resident memory of this process (VmHWM, reset first) grows by less
// than a bound far below their size. A test binary of its own, so that nothing else has
// grown the process before.

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "morgue/container.h"
#include "morgue/plugin.h"
#include "morgue/plugin_registry.h"
#include "support/test_support.h"
#include "tests/plugins/warc/warc_records.h"

// In the sanitizer build, AddressSanitizer keeps freed memory in a quarantine (256 MiB by
// default) to catch uses after free, which would count as growth here: this binary runs
// without one, so that the bound below means the same in both builds. (The environment's
// ASAN_OPTIONS add to these.)
extern "C" const char* __asan_default_options() { return "quarantine_size_mb=0"; }  // NOLINT

namespace morgue {
namespace {

using ::morgue::testing::warc::Gzip;
using ::morgue::testing::warc::Http;
using ::morgue::testing::warc::Record;

constexpr size_t kMiB = 1024 * 1024;

// The peak resident memory of this process since the last ResetPeak, in bytes.
size_t PeakResident() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmHWM:")) return std::stoul(line.substr(6)) * 1024;
  }
  ADD_FAILURE() << "no VmHWM in /proc/self/status";
  return 0;
}

void ResetPeak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
  ASSERT_TRUE(clear.flush()) << "cannot reset the peak resident memory";
}

// `count` records in turn from `records` (as written in the file), without holding more
// than those: each Read copies from the record at hand.
class RepeatingSource : public ByteSource {
 public:
  RepeatingSource(std::vector<std::string> records, size_t count)
      : records_(std::move(records)), count_(count) {}
  Result<size_t> Read(char* buffer, size_t size) override {
    size_t given = 0;
    while (given < size && index_ < count_) {
      const std::string& record = records_[index_ % records_.size()];
      const size_t n = std::min(size - given, record.size() - position_);
      std::memcpy(buffer + given, record.data() + position_, n);
      given += n;
      position_ += n;
      if (position_ == record.size()) {
        position_ = 0;
        ++index_;
      }
    }
    return given;
  }

 private:
  std::vector<std::string> records_;
  size_t count_;
  size_t index_ = 0;
  size_t position_ = 0;
};

// A RepeatingSource's bytes compressed on the fly as one gzip stream.
class GzipWholeSource : public ByteSource {
 public:
  explicit GzipWholeSource(std::unique_ptr<ByteSource> plain) : plain_(std::move(plain)) {
    deflateInit2(&stream_, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  }
  ~GzipWholeSource() override { deflateEnd(&stream_); }
  Result<size_t> Read(char* buffer, size_t size) override {
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(size);
    while (stream_.avail_out == size && !finished_) {
      if (stream_.avail_in == 0 && !plain_ended_) {
        Result<size_t> got = plain_->Read(input_.data(), input_.size());
        if (!got.ok()) return got.status();
        plain_ended_ = *got == 0;
        stream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        stream_.avail_in = static_cast<uInt>(*got);
      }
      finished_ = deflate(&stream_, plain_ended_ ? Z_FINISH : Z_NO_FLUSH) == Z_STREAM_END;
    }
    return size - stream_.avail_out;
  }

 private:
  std::unique_ptr<ByteSource> plain_;
  z_stream stream_{};
  std::string input_ = std::string(256 * 1024, '\0');
  bool plain_ended_ = false;
  bool finished_ = false;
};

// A 1 MiB image response and a page: what the files below repeat.
std::vector<std::string> Records() {
  std::string image(kMiB, '\0');
  for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>((i * 31 + i / 977) & 0xff);
  Record picture;
  picture.block = Http("200 OK", {"Content-Type: image/jpeg"}, image);
  Record page;
  page.id = "urn:uuid:00000000-0000-4000-8000-000000000002";
  page.block = Http("200 OK", {"Content-Type: text/html"},
                    "<html><body><p>" + std::string(20000, 'x') + "</p></body></html>");
  return {picture.Text(), page.Text()};
}

class WarcStreamingTest : public testing::BuiltinPluginTest {
 protected:
  WarcStreamingTest() : BuiltinPluginTest("warc") {}

  // Reads `source` to its end; the documents and skipped records it held.
  void ReadAll(ByteSource& source, size_t* documents, size_t* skipped) {
    Result<ImporterHandle> importer = registry_.ImporterFor("warc");
    ASSERT_TRUE(importer.ok());
    ImportInput input;
    input.name = "big.warc.gz";
    input.format = "warc";
    Result<ContainerHandle> container = importer->OpenContainer(input, source);
    ASSERT_TRUE(container.ok()) << container.status().ToString();
    for (;;) {
      ContainerItem item;
      Result<bool> next = container->Next(item);
      ASSERT_TRUE(next.ok()) << next.status().ToString();
      if (!*next) break;
      ++(item.kind == ContainerItem::kDocument ? *documents : *skipped);
    }
  }
};

TEST_F(WarcStreamingTest, ReadsAGigabyteOfGzipPerRecordWithFlatMemory) {
  std::vector<std::string> records = Records();
  for (std::string& record : records) record = Gzip(record);
  constexpr size_t kRecords = 2 * 1024;  // 1 GiB of images once inflated
  RepeatingSource source(records, kRecords);
  size_t documents = 0, skipped = 0;
  ResetPeak();
  const size_t before = PeakResident();
  ReadAll(source, &documents, &skipped);
  EXPECT_EQ(documents, kRecords / 2);
  EXPECT_EQ(skipped, kRecords / 2);
  EXPECT_LT(PeakResident() - before, 16 * kMiB);
}

TEST_F(WarcStreamingTest, ReadsPlainAndWholeFileGzipWithFlatMemory) {
  constexpr size_t kRecords = 512;  // 256 MiB of images
  size_t documents = 0, skipped = 0;
  {
    RepeatingSource plain(Records(), kRecords);
    ResetPeak();
    const size_t before = PeakResident();
    ReadAll(plain, &documents, &skipped);
    EXPECT_LT(PeakResident() - before, 16 * kMiB);
  }
  {
    GzipWholeSource whole(std::make_unique<RepeatingSource>(Records(), kRecords));
    ResetPeak();
    const size_t before = PeakResident();
    ReadAll(whole, &documents, &skipped);
    EXPECT_LT(PeakResident() - before, 16 * kMiB);
  }
  EXPECT_EQ(documents, kRecords);
  EXPECT_EQ(skipped, kRecords);
}

}  // namespace
}  // namespace morgue
