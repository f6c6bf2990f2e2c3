// Reading a WARC file plain or inflated, with the stored offset of each byte
// (warc_stream.h).

#include "plugins/warc/warc_stream.h"

#include <algorithm>
#include <utility>

#include "plugins/warc/ascii_text.h"

namespace morgue::warc_plugin {
namespace {

// How much of the file is read at a time, and how much is inflated at a time: the
// smaller the second, the closer the offsets of records inside a long gzip member.
constexpr std::size_t kInputStep = 64 * 1024;
constexpr std::size_t kInflateStep = 16 * 1024;

bool IsGzipMagic(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

}  // namespace

WarcStream::WarcStream(ByteSource& source) : source_(source) {}

WarcStream::~WarcStream() {
  if (inflater_ready_) inflateEnd(&inflater_);
}

Status WarcStream::Fail(std::uint64_t at, std::string what) {
  failure_offset_ = at;
  failed_ = Status::Corruption(std::move(what));
  return failed_;
}

Result<bool> WarcStream::ReadInput() {
  if (source_ended_) return false;
  if (input_read_ > 0) {  // keep only what is not inflated yet
    input_.erase(0, input_read_);
    input_start_ += input_read_;
    input_read_ = 0;
  }
  const std::size_t kept = input_.size();
  input_.resize(kept + kInputStep);
  Result<std::size_t> got = source_.Read(input_.data() + kept, kInputStep);
  if (!got.ok()) {
    input_.resize(kept);
    return got.status();
  }
  input_.resize(kept + *got);
  if (*got == 0) source_ended_ = true;
  return *got != 0;
}

Status WarcStream::Open() {
  while (InputLeft() < 2) {
    MORGUE_ASSIGN_OR_RETURN(const bool more, ReadInput());
    if (!more) break;
  }
  gzipped_ = IsGzipMagic(std::string_view(input_).substr(input_read_));
  if (gzipped_) {
    // windowBits 15 + 16: gzip members only; each is restarted at its end.
    if (inflateInit2(&inflater_, 15 + 16) != Z_OK) {
      return Status::NotSupported("cannot start zlib to inflate the file");
    }
    inflater_ready_ = true;
  }
  return Status::OK();
}

Status WarcStream::Want(std::size_t count) {
  while (available().size() < count && !ended_ && failed_.ok()) {
    if (read_ > 0) {  // drop what was consumed before growing the buffer
      buffer_.erase(0, read_);
      buffer_start_ += read_;
      read_ = 0;
    }
    if (Status filled = Fill(); !filled.ok() && failed_.ok()) failed_ = filled;
  }
  // What was read before a failure is still given: the failure comes when it is needed.
  return available().empty() ? failed_ : Status::OK();
}

void WarcStream::Consume(std::size_t count) {
  read_ += std::min(count, available().size());
  while (marks_.size() >= 2 && marks_[1].decoded <= position()) marks_.pop_front();
}

std::uint64_t WarcStream::StoredOffset() const {
  if (!gzipped_) return position();
  const std::uint64_t at = position();
  for (auto mark = marks_.rbegin(); mark != marks_.rend(); ++mark) {
    if (mark->decoded > at) continue;
    // In proportion within the inflated bytes (exact for the first one).
    const std::uint64_t into = at - mark->decoded;
    const std::uint64_t span = mark->decoded_end - mark->decoded;
    return mark->stored + into * (mark->stored_end - mark->stored) / span;
  }
  return InputOffset();  // nothing inflated yet: where the inflater stands
}

Status WarcStream::Fill() { return gzipped_ ? FillInflated() : FillPlain(); }

Status WarcStream::FillPlain() {
  // A plain file goes straight from the ByteSource into the buffer.
  if (InputLeft() > 0) {  // what Open read to look at the first bytes
    buffer_.append(input_, input_read_);
    input_start_ += input_.size();
    input_.clear();
    input_read_ = 0;
    return Status::OK();
  }
  const std::size_t kept = buffer_.size();
  buffer_.resize(kept + kInputStep);
  Result<std::size_t> got = source_.Read(buffer_.data() + kept, kInputStep);
  buffer_.resize(kept + (got.ok() ? *got : 0));
  if (!got.ok()) return got.status();
  if (*got == 0) ended_ = true;
  return Status::OK();
}

Status WarcStream::FillInflated() {
  for (;;) {
    if (!in_member_) {
      // Between members: the next one, or the end of the file (enough bytes to quote).
      while (InputLeft() < 16) {
        MORGUE_ASSIGN_OR_RETURN(const bool more, ReadInput());
        if (!more) break;
      }
      const std::string_view next = std::string_view(input_).substr(input_read_);
      if (next.empty()) {
        ended_ = true;
        return Status::OK();
      }
      if (!IsGzipMagic(next)) {
        return Fail(InputOffset(),
                    "garbage where a gzip member should start ('" + Snippet(next) + "')");
      }
      inflateReset(&inflater_);
      in_member_ = true;
      member_output_ = false;
      member_start_ = InputOffset();
    }
    if (InputLeft() == 0) {
      MORGUE_ASSIGN_OR_RETURN(const bool more, ReadInput());
      if (!more) {
        cut_short_ = true;
        return Fail(InputOffset(), "the gzip data ends in the middle of a member");
      }
    }
    const std::uint64_t stored = member_output_ ? InputOffset() : member_start_;
    const std::size_t before = buffer_.size();
    buffer_.resize(before + kInflateStep);
    inflater_.next_in = reinterpret_cast<Bytef*>(input_.data() + input_read_);
    inflater_.avail_in = static_cast<uInt>(InputLeft());
    inflater_.next_out = reinterpret_cast<Bytef*>(buffer_.data() + before);
    inflater_.avail_out = static_cast<uInt>(kInflateStep);
    const int code = inflate(&inflater_, Z_NO_FLUSH);
    input_read_ = input_.size() - inflater_.avail_in;
    const std::size_t produced = kInflateStep - inflater_.avail_out;
    buffer_.resize(before + produced);
    if (produced > 0) {
      const std::uint64_t decoded = buffer_start_ + before;
      marks_.push_back({decoded, decoded + produced, stored, InputOffset()});
      member_output_ = true;
    }
    if (code == Z_STREAM_END) {
      in_member_ = false;
    } else if (code != Z_OK && !(code == Z_BUF_ERROR && inflater_.avail_in == 0)) {
      return Fail(stored, std::string("the gzip data is corrupt (") +
                              (inflater_.msg != nullptr ? inflater_.msg : "zlib error") + ")");
    }
    if (produced > 0) return Status::OK();
  }
}

}  // namespace morgue::warc_plugin
