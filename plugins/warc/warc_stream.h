// A WARC file's bytes as records are read from it: the file as it is, or inflated when
// it is gzip-compressed (one gzip member per record, as crawlers write it, or the whole
// file as one gzip stream), read from the host's ByteSource a buffer at a time so that
// memory stays flat whatever the file's size. It also knows where each byte it gives
// lies in the file as stored, so that a record's offset names the file, not the
// inflated stream.
//
// Thread-safety: one thread at a time, like the ByteSource it reads.

#ifndef MORGUE_PLUGINS_WARC_WARC_STREAM_H_
#define MORGUE_PLUGINS_WARC_WARC_STREAM_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

#include "morgue/container.h"
#include "morgue/status.h"

namespace morgue::warc_plugin {

class WarcStream {
 public:
  explicit WarcStream(ByteSource& source);
  ~WarcStream();
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  // Reads the first bytes of the file to tell a gzip file from a plain one.
  Status Open();
  bool gzipped() const { return gzipped_; }

  // Makes `count` bytes from the read position available, or fewer: all that are left at
  // the end of the stream, or all that could be read before a failure. Fails only when
  // nothing is available and the stream failed: the ByteSource's failure, or Corruption
  // for gzip data that is cut short or broken, whose message says what ("the gzip data
  // is corrupt (invalid block type)"); failure() gives it once it happened,
  // failure_offset() says where in the file, cut_short() whether the file ended inside
  // a gzip member.
  Status Want(std::size_t count);
  const Status& failure() const { return failed_; }
  // The bytes read and not consumed yet.
  std::string_view available() const { return std::string_view(buffer_).substr(read_); }
  // True when nothing is available and nothing more will come.
  bool AtEnd() const { return read_ == buffer_.size() && ended_; }
  void Consume(std::size_t count);

  // The read position in the (inflated) stream.
  std::uint64_t position() const { return buffer_start_ + read_; }
  // Where the byte at the read position lies in the file as stored. For a gzip file:
  // the offset of its gzip member when the byte is the member's first, exactly (a record
  // that starts its own member, as crawlers write them); for a byte further into a
  // member (a whole file compressed as one stream), the place in the compressed file in
  // proportion to how far the byte lies into the bytes inflated with it, since a deflate
  // stream has no exact place for each byte. Valid once Want made the byte available.
  std::uint64_t StoredOffset() const;
  // Where in the file the last failure of Want was found.
  std::uint64_t failure_offset() const { return failure_offset_; }
  bool cut_short() const { return cut_short_; }
  // The offset of the gzip member being inflated when it has given no byte yet: where the
  // next record starts, in a file of one member per record. -1 otherwise.
  std::int64_t UnstartedMember() const {
    return in_member_ && !member_output_ ? static_cast<std::int64_t>(member_start_) : -1;
  }

 private:
  // Inflated bytes [decoded, decoded_end) came from the file's bytes [stored,
  // stored_end), `stored` being the member's offset for its first bytes.
  struct Mark {
    std::uint64_t decoded;
    std::uint64_t decoded_end;
    std::uint64_t stored;
    std::uint64_t stored_end;
  };

  // Adds at least one byte to the buffer, or sets ended_.
  Status Fill();
  Status FillPlain();
  Status FillInflated();
  // Reads more of the file into input_ (keeping what is not inflated yet); false at its end.
  Result<bool> ReadInput();
  std::size_t InputLeft() const { return input_.size() - input_read_; }
  std::uint64_t InputOffset() const { return input_start_ + input_read_; }
  Status Fail(std::uint64_t at, std::string what);

  ByteSource& source_;
  bool gzipped_ = false;
  bool ended_ = false;
  Status failed_;
  std::uint64_t failure_offset_ = 0;
  bool cut_short_ = false;

  // Inflated (or plain) bytes: buffer_[read_..] are not consumed yet; buffer_[0] is at
  // position buffer_start_ of the stream.
  std::string buffer_;
  std::size_t read_ = 0;
  std::uint64_t buffer_start_ = 0;

  // The file's bytes not inflated yet: input_[input_read_..]; input_[0] is at file
  // offset input_start_.
  std::string input_;
  std::size_t input_read_ = 0;
  std::uint64_t input_start_ = 0;
  bool source_ended_ = false;

  z_stream inflater_{};
  bool inflater_ready_ = false;
  bool in_member_ = false;      // inside a gzip member (between its header and trailer)
  bool member_output_ = false;  // the current member has given bytes already
  std::uint64_t member_start_ = 0;
  std::deque<Mark> marks_;  // for the buffered bytes, in order
};

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_WARC_STREAM_H_
