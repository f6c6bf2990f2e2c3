// Reading WARC records as a container's items (warc_reader.h).

#include "plugins/warc/warc_reader.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "morgue/datetime.h"
#include "plugins/warc/ascii_text.h"
#include "plugins/warc/content_codings.h"
#include "plugins/warc/http_response.h"
#include "plugins/warc/payload_kind.h"

namespace morgue::warc_plugin {
namespace {

constexpr std::string_view kMagic = "WARC/1.";
constexpr std::size_t kReadStep = 64 * 1024;

std::string AtByte(std::uint64_t offset) { return "at byte " + std::to_string(offset) + ": "; }

std::string WithoutAngles(std::string_view value) {
  value = TrimBlanks(value);
  if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
    value = value.substr(1, value.size() - 2);
  }
  return std::string(value);
}

// The index just past the blank line that ends a header, or npos.
std::size_t HeaderEnd(std::string_view bytes) {
  std::size_t pos = 0;
  for (;;) {
    const std::size_t newline = bytes.find('\n', pos);
    if (newline == std::string_view::npos) return std::string_view::npos;
    const std::string_view line = bytes.substr(pos, newline - pos);
    if (pos > 0 && (line.empty() || line == "\r")) return newline + 1;
    pos = newline + 1;
  }
}

Result<std::uint64_t> ParseLength(std::string_view text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != text.npos) {
    return Status::Corruption("the record's Content-Length '" + Snippet(text) +
                              "' is not a number");
  }
  std::uint64_t value = 0;
  for (const char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  return value;
}

// Why a record of a type that holds no page is skipped.
const char* SkipReasonForType(std::string_view type) {
  if (type == "request") return "request records";
  if (type == "metadata") return "metadata records";
  if (type == "revisit") return "revisit records";
  if (type == "warcinfo") return "warcinfo records";
  if (type == "conversion") return "conversion records";
  if (type == "continuation") return "continuation records";
  return "records of unknown type";
}

// Why a response with this status is skipped; null for 200.
const char* SkipReasonForStatus(int status) {
  if (status == 200) return nullptr;
  if (status >= 300 && status < 400 && status != 304) return "redirects";
  if (status >= 400) return "error responses";
  return "non-200 responses";
}

void Fail(ContainerItem& item, Status why) {
  item.kind = ContainerItem::kFailed;
  item.failure = std::move(why);
}

}  // namespace

Status WarcReader::Open() {
  MORGUE_RETURN_IF_ERROR(stream_.Open());
  const std::string what = stream_.gzipped() ? "its gzip content" : "it";
  // Enough for the magic and for a message quoting what is there instead.
  if (Status wanted = stream_.Want(64); !wanted.ok()) {
    if (wanted.code() != StatusCode::kCorruption) return wanted;
    return Status::Corruption("not a WARC file: " + wanted.message() + " (at byte " +
                              std::to_string(stream_.failure_offset()) + ")");
  }
  const std::string_view start = stream_.available();
  if (start.empty()) return Status::Corruption("not a WARC file: " + what + " is empty");
  if (!start.starts_with(kMagic)) {
    return Status::Corruption("not a WARC file: " + what + " starts with '" + Snippet(start) +
                              "', not WARC/1.0 or WARC/1.1");
  }
  return Status::OK();
}

Result<bool> WarcReader::Next(ContainerItem& item) {
  if (!failed_.ok()) return failed_;
  Result<bool> read = ReadRecord(item);
  if (!read.ok()) failed_ = read.status();
  return read;
}

Status WarcReader::BrokenRecord(const Status& cause) const {
  if (cause.code() != StatusCode::kCorruption) return cause;  // the file could not be read
  return Status::Corruption(
      AtByte(record_start_) +
      (stream_.cut_short() ? "the record is cut short: " : "the record cannot be read: ") +
      cause.message() + " (at byte " + std::to_string(stream_.failure_offset()) + ")");
}

Result<bool> WarcReader::ReadRecord(ContainerItem& item) {
  // Records are separated by two line breaks; more blank lines are let pass.
  for (;;) {
    if (Status wanted = stream_.Want(1); !wanted.ok()) {
      if (wanted.code() != StatusCode::kCorruption) return wanted;
      // A gzip member that broke before giving a byte holds the next record.
      if (const std::int64_t member = stream_.UnstartedMember(); member >= 0) {
        record_start_ = static_cast<std::uint64_t>(member);
        return BrokenRecord(wanted);
      }
      return Status::Corruption(AtByte(stream_.failure_offset()) + wanted.message());
    }
    const std::string_view rest = stream_.available();
    if (rest.empty()) return false;
    const std::size_t text = rest.find_first_not_of("\r\n");
    stream_.Consume(text == std::string_view::npos ? rest.size() : text);
    if (text != std::string_view::npos) break;
  }
  record_start_ = stream_.StoredOffset();
  block_read_ = 0;
  MORGUE_ASSIGN_OR_RETURN(const WarcHeader header, ReadHeader());
  item.id = header.record_id;
  item.offset = record_start_;
  item.hints.origin = "warc record";
  item.hints.url = header.target_uri;
  // The capture date: when the page was fetched, never when it was published.
  if (IsIso8601(header.date)) item.hints.captured = header.date;
  if (header.type == "response") {
    MORGUE_RETURN_IF_ERROR(ReadResponse(item, header));
  } else if (header.type == "resource") {
    MORGUE_RETURN_IF_ERROR(ReadResource(item, header));
  } else {
    MORGUE_RETURN_IF_ERROR(Skip(item, header, SkipReasonForType(header.type)));
  }
  return true;
}

Result<WarcHeader> WarcReader::ReadHeader() {
  const std::string at = AtByte(record_start_);
  std::size_t want = 1024;
  std::size_t end = std::string_view::npos;
  for (;;) {
    if (Status wanted = stream_.Want(want); !wanted.ok()) return BrokenRecord(wanted);
    const std::string_view bytes = stream_.available();
    if (!bytes.starts_with(
            std::string_view("WARC/").substr(0, std::min<std::size_t>(bytes.size(), 5)))) {
      return Status::Corruption(at + "expected a WARC record (WARC/1.0 or WARC/1.1), found '" +
                                Snippet(bytes) + "'");
    }
    end = HeaderEnd(bytes.substr(0, kMaxHeaderBytes));
    if (end != std::string_view::npos) break;
    if (bytes.size() < want) {
      if (!stream_.failure().ok()) return BrokenRecord(stream_.failure());
      return Status::Corruption(at + "the WARC header is cut short");
    }
    if (want > kMaxHeaderBytes) {
      return Status::Corruption(at + "the WARC header does not end within " +
                                std::to_string(kMaxHeaderBytes / 1024) + " KiB");
    }
    want = std::min(want * 4, kMaxHeaderBytes + 1);
  }
  const std::string_view text = stream_.available().substr(0, end);
  std::string_view first = text.substr(0, text.find('\n'));
  if (first.ends_with('\r')) first.remove_suffix(1);
  first = TrimBlanks(first);
  if (first != "WARC/1.0" && first != "WARC/1.1") {
    return Status::Corruption(at + "'" + Snippet(first) +
                              "' records are not read (only WARC/1.0 and WARC/1.1)");
  }
  WarcHeader header;
  bool has_length = false;
  std::string* last_value = nullptr;
  std::string ignored;
  std::size_t pos = text.find('\n') + 1;
  while (pos < end) {
    const std::size_t newline = text.find('\n', pos);
    std::string_view line = text.substr(pos, newline - pos);
    pos = newline + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) break;
    if (line.front() == ' ' || line.front() == '\t') {  // a folded continuation line
      if (last_value != nullptr) *last_value += " " + std::string(TrimBlanks(line));
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return Status::Corruption(at + "a WARC header line has no colon ('" + Snippet(line) + "')");
    }
    const std::string_view name = TrimBlanks(line.substr(0, colon));
    const std::string_view value = TrimBlanks(line.substr(colon + 1));
    last_value = &ignored;
    if (EqualsIgnoringCase(name, "WARC-Type")) {
      header.type = Lower(value);
    } else if (EqualsIgnoringCase(name, "WARC-Record-ID")) {
      header.record_id = WithoutAngles(value);
    } else if (EqualsIgnoringCase(name, "WARC-Target-URI")) {
      header.target_uri = WithoutAngles(value);
    } else if (EqualsIgnoringCase(name, "WARC-Date")) {
      header.date = value;
    } else if (EqualsIgnoringCase(name, "Content-Type")) {
      header.content_type = value;
      last_value = &header.content_type;
    } else if (EqualsIgnoringCase(name, "WARC-Segment-Number")) {
      header.segment_number = value;
    } else if (EqualsIgnoringCase(name, "Content-Length")) {
      Result<std::uint64_t> length = ParseLength(value);
      if (!length.ok()) return Status::Corruption(at + length.status().message());
      header.content_length = *length;
      has_length = true;
    }
  }
  if (!has_length) return Status::Corruption(at + "the record's header has no Content-Length");
  stream_.Consume(end);
  return header;
}

Status WarcReader::ReadBlock(std::uint64_t count, std::string* out) {
  while (count > 0) {
    const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(count, kReadStep));
    if (Status wanted = stream_.Want(step); !wanted.ok()) return BrokenRecord(wanted);
    const std::string_view bytes = stream_.available();
    if (bytes.empty()) {  // the stream ended (a failure would have come from Want)
      return Status::Corruption(AtByte(record_start_) + "the record is cut short: the file ends " +
                                std::to_string(block_read_) + " bytes into its block of " +
                                std::to_string(block_read_ + count) + " (its Content-Length)");
    }
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), count));
    if (out != nullptr) out->append(bytes.substr(0, take));
    stream_.Consume(take);
    count -= take;
    block_read_ += take;
  }
  return Status::OK();
}

Status WarcReader::SkipRest(const WarcHeader& header) {
  return ReadBlock(header.content_length - block_read_, nullptr);
}

Status WarcReader::Skip(ContainerItem& item, const WarcHeader& header, const char* reason) {
  item.kind = ContainerItem::kSkipped;
  item.skip_reason = reason;
  return SkipRest(header);
}

Status WarcReader::ReadResponse(ContainerItem& item, const WarcHeader& header) {
  // Heritrix writes DNS lookups as responses too; a segmented response is incomplete.
  if (!header.content_type.empty() &&
      !StartsWithIgnoringCase(header.content_type, "application/http")) {
    return Skip(item, header, "non-HTTP responses");
  }
  if (!header.segment_number.empty()) return Skip(item, header, "segmented records");
  std::string block;
  const std::uint64_t length = header.content_length;
  const std::uint64_t head_bytes = std::min<std::uint64_t>(length, kMaxHeaderBytes);
  MORGUE_RETURN_IF_ERROR(ReadBlock(head_bytes, &block));
  Result<HttpResponseHead> head = ParseResponseHead(block, head_bytes == length);
  if (!head.ok()) {
    Fail(item, head.status());
    return SkipRest(header);
  }
  if (const char* reason = SkipReasonForStatus(head->status)) return Skip(item, header, reason);
  std::string media_type = MediaTypeOf(head->content_type);
  const PayloadKind kind = KindOfMediaType(media_type);
  if (kind != PayloadKind::kHtml && kind != PayloadKind::kUnknown) {
    return Skip(item, header, SkipReasonFor(kind));
  }
  if (length - head->size > kMaxPayloadBytes) {
    if (kind == PayloadKind::kUnknown) return Skip(item, header, SkipReasonFor(kind));
    Fail(item, OverLimit("the page's payload", kMaxPayloadBytes));
    return SkipRest(header);
  }
  MORGUE_RETURN_IF_ERROR(ReadBlock(length - block_read_, &block));
  block.erase(0, head->size);
  Result<std::string> payload = DecodePayload(std::move(block), *head, kMaxPayloadBytes);
  if (!payload.ok()) {
    Fail(item, payload.status());
    return Status::OK();
  }
  if (kind == PayloadKind::kUnknown) {
    if (!LooksLikeHtml(*payload)) return Skip(item, header, SkipReasonFor(kind));
    media_type = "text/html";
  }
  MakeDocument(item, std::move(payload).value(), std::move(media_type));
  return Status::OK();
}

Status WarcReader::ReadResource(ContainerItem& item, const WarcHeader& header) {
  std::string media_type = MediaTypeOf(header.content_type);
  const PayloadKind kind = KindOfMediaType(media_type);
  const std::uint64_t length = header.content_length;
  if ((kind != PayloadKind::kHtml && kind != PayloadKind::kUnknown) ||
      (kind == PayloadKind::kUnknown && length > kMaxPayloadBytes)) {
    return Skip(item, header, "resource records");
  }
  if (length > kMaxPayloadBytes) {
    Fail(item, OverLimit("the page", kMaxPayloadBytes));
    return SkipRest(header);
  }
  std::string block;
  MORGUE_RETURN_IF_ERROR(ReadBlock(length, &block));
  if (kind == PayloadKind::kUnknown) {
    if (!LooksLikeHtml(block)) return Skip(item, header, "resource records");
    media_type = "text/html";
  }
  MakeDocument(item, std::move(block), std::move(media_type));
  return Status::OK();
}

void WarcReader::MakeDocument(ContainerItem& item, std::string bytes, std::string media_type) {
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string::npos) {
    item.kind = ContainerItem::kSkipped;
    item.skip_reason = "empty pages";
    return;
  }
  item.kind = ContainerItem::kDocument;
  item.bytes = std::move(bytes);
  item.extension = ".html";
  item.media_type = std::move(media_type);
}

}  // namespace morgue::warc_plugin
