// The MHTML reader (mhtml_reader.h).

#include "plugins/mhtml/mhtml_reader.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "morgue/text.h"

namespace morgue::mhtml_plugin {
namespace {

constexpr size_t kReadSize = 64 * 1024;
constexpr size_t kMaxPiece = 64 * 1024;        // a longer line is read in pieces
constexpr size_t kMaxHeaderBytes = 64 * 1024;  // a header block larger than this is not one

std::string_view WithoutLineEnd(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string SkipReason(const std::string& type) {
  if (type.starts_with("image/")) return "images";
  if (type == "text/css") return "stylesheets";
  if (type == "text/html" || type == "application/xhtml+xml") return "frames";
  return "other parts";
}

}  // namespace

Status MhtmlReader::Broken(const std::string& why) const {
  return Status::Corruption("at byte " + std::to_string(consumed_) + ": " + why);
}

Result<bool> MhtmlReader::ReadLine(std::string& line, bool& starts_line) {
  line.clear();
  starts_line = at_line_start_;
  for (;;) {
    const size_t newline = buffer_.find('\n', position_);
    const size_t available =
        (newline == std::string::npos ? buffer_.size() : newline + 1) - position_;
    if (newline != std::string::npos || available >= kMaxPiece ||
        (end_of_source_ && available > 0)) {
      const size_t take = std::min(available, kMaxPiece);
      line.assign(buffer_, position_, take);
      position_ += take;
      consumed_ += take;
      at_line_start_ = line.back() == '\n';
      return true;
    }
    if (end_of_source_) return false;
    buffer_.erase(0, position_);
    position_ = 0;
    const size_t had = buffer_.size();
    buffer_.resize(had + kReadSize);
    Result<size_t> read = source_.Read(buffer_.data() + had, kReadSize);
    if (!read.ok()) {
      buffer_.resize(had);
      return read.status();
    }
    buffer_.resize(had + std::min(*read, kReadSize));
    if (*read == 0) end_of_source_ = true;
  }
}

bool MhtmlReader::IsDelimiter(const std::string& line, bool& closing) const {
  std::string_view text = WithoutLineEnd(line);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (!text.starts_with("--") || text.substr(2, boundary_.size()) != boundary_) return false;
  const std::string_view rest = text.substr(2 + boundary_.size());
  closing = rest == "--";
  return rest.empty() || closing;
}

Status MhtmlReader::ReadTopHeaders() {
  Headers headers;
  std::string line;
  bool starts_line = true;
  for (;;) {
    Result<bool> got = ReadLine(line, starts_line);
    if (!got.ok()) return got.status();
    if (!*got) return Broken("not an MHTML file: its headers never end");
    if (consumed_ > kMaxHeaderBytes) return Broken("not an MHTML file: no headers");
    if (WithoutLineEnd(line).empty()) break;
    AddHeaderLine(WithoutLineEnd(line), headers);
  }
  const std::string content_type = headers.Get("Content-Type");
  boundary_ = Parameter(content_type, "boundary");
  if (!MainValue(content_type).starts_with("multipart/") || boundary_.empty()) {
    return Status::Corruption(
        "at byte 0: not an MHTML file: its Content-Type is not multipart/related with a "
        "boundary");
  }
  snapshot_location_ = headers.Get("Snapshot-Content-Location");
  // Chrome writes the time in UTC ("-0000"): the capture date says so with "Z".
  saved_ = ParseDate(headers.Get("Date"));
  if (saved_.ends_with("-00:00") || saved_.ends_with("+00:00")) {
    saved_.replace(saved_.size() - 6, 6, "Z");
  }
  // The preamble, up to the first delimiter.
  for (;;) {
    Result<bool> got = ReadLine(line, starts_line);
    if (!got.ok()) return got.status();
    if (!*got) return Broken("no part starts with the boundary \"" + boundary_ + "\"");
    bool closing = false;
    if (starts_line && IsDelimiter(line, closing)) {
      closed_ = closing;
      return Status::OK();
    }
  }
}

void MhtmlReader::MakeDocument(const Headers& headers, std::string body,
                               ContainerItem& item) const {
  item.id = "html";
  const std::string encoding = MainValue(headers.Get("Content-Transfer-Encoding"));
  if (encoding == "quoted-printable") {
    body = DecodeQuotedPrintable(body);
  } else if (encoding == "base64") {
    std::optional<std::string> decoded = DecodeBase64(body);
    if (!decoded) {
      item.kind = ContainerItem::kFailed;
      item.failure = Status::Corruption("the HTML part's base64 is broken");
      return;
    }
    body = std::move(*decoded);
  } else if (!encoding.empty() && encoding != "7bit" && encoding != "8bit" &&
             encoding != "binary") {
    item.kind = ContainerItem::kFailed;
    item.failure =
        Status::NotSupported("the HTML part's transfer encoding \"" + encoding + "\" is unknown");
    return;
  }
  item.kind = ContainerItem::kDocument;
  item.bytes = std::move(body);
  item.extension = ".html";
  // The charset the part declares stays with the original; the html importer finds the
  // page's own (its <meta>, or by sniffing).
  const std::string charset = Parameter(headers.Get("Content-Type"), "charset");
  item.media_type = charset.empty() ? "text/html" : "text/html; charset=" + charset;
  item.hints.origin = "mhtml page";
  item.hints.url =
      snapshot_location_.empty() ? headers.Get("Content-Location") : snapshot_location_;
  // A header's bytes are the file's: an address that is not text is no address.
  if (!IsValidUtf8(item.hints.url)) item.hints.url.clear();
  item.hints.captured = saved_;
}

Result<bool> MhtmlReader::ReadPart(ContainerItem& item) {
  if (closed_) return false;
  item.offset = consumed_;
  Headers headers;
  std::string line;
  bool starts_line = true;
  const std::uint64_t headers_start = consumed_;
  for (;;) {
    Result<bool> got = ReadLine(line, starts_line);
    if (!got.ok()) return got.status();
    if (!*got) return Broken("the file ends inside a part's headers");
    if (consumed_ - headers_start > kMaxHeaderBytes) return Broken("a part's headers never end");
    if (WithoutLineEnd(line).empty()) break;
    AddHeaderLine(WithoutLineEnd(line), headers);
  }
  const std::string type = MainValue(headers.Get("Content-Type"));
  const bool html = type == "text/html" || type == "application/xhtml+xml";
  const std::string location = headers.Get("Content-Location");
  const bool is_page =
      html && !document_given_ && (snapshot_location_.empty() || location == snapshot_location_);
  std::string body;  // kept for the page only
  for (;;) {
    Result<bool> got = ReadLine(line, starts_line);
    if (!got.ok()) return got.status();
    if (!*got) return Broken("the file ends inside a part (no closing boundary)");
    bool closing = false;
    if (starts_line && IsDelimiter(line, closing)) {
      closed_ = closing;
      break;
    }
    if (is_page) body += line;
  }
  // The line end before the delimiter is the delimiter's.
  if (body.ends_with("\r\n")) {
    body.resize(body.size() - 2);
  } else if (body.ends_with("\n")) {
    body.resize(body.size() - 1);
  }
  if (!is_page) {
    item.kind = ContainerItem::kSkipped;
    item.skip_reason = SkipReason(type);
    return true;
  }
  document_given_ = true;
  MakeDocument(headers, std::move(body), item);
  return true;
}

Result<bool> MhtmlReader::Next(ContainerItem& item) {
  if (finished_) return false;
  if (!started_) {
    started_ = true;
    if (Status top = ReadTopHeaders(); !top.ok()) {
      finished_ = true;
      return top;
    }
  }
  Result<bool> part = ReadPart(item);
  if (!part.ok()) {
    finished_ = true;
    return part;
  }
  if (*part) return true;
  finished_ = true;
  if (document_given_) return false;
  // A readable file without its page: one failure line, not silence.
  item.kind = ContainerItem::kFailed;
  item.id = "html";
  item.offset = consumed_;
  item.failure = Status::Corruption(snapshot_location_.empty()
                                        ? "the file holds no HTML part"
                                        : "no HTML part is at its Snapshot-Content-Location " +
                                              snapshot_location_);
  return true;
}

}  // namespace morgue::mhtml_plugin
