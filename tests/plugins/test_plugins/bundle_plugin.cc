// Test container importer "bundle" (.bundle): records that each hold a document for
// another importer, or stand for a record to skip or one that cannot be read, so that
// the tests can drive every path of the host's container import. Read as a stream, a
// line at a time, from the host's ByteSource.
//
//   @@ <id>|doc|ext=.headline|url=...|captured=...|title=...|published=...|
//      author=Name:role|tag=...|source=...|body-rule=...
//   <the document's bytes, up to the next "@@ " line>
//   @@ <id>|skip|<reason>
//   @@ <id>|fail|<why>
//   @@ BROKEN                      the container breaks here (Next fails)
//   @@ CRASH, @@ HANG              the reader aborts the process, or never returns
//
// An id of "-" leaves the id empty (the host names the record by its offset). Parameter
// "drafts" = "true" turns records of kind "draft" into documents; otherwise they are
// skipped as "drafts".

#include <morgue/plugin.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace {

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

class BundleReader : public morgue::ContainerReader {
 public:
  BundleReader(morgue::ByteSource& source, bool drafts) : source_(source), drafts_(drafts) {}

  morgue::Result<bool> Next(morgue::ContainerItem& item) override {
    if (!header_) {
      MORGUE_ASSIGN_OR_RETURN(std::optional<std::string> first, ReadLine());
      if (!first) return false;
      header_ = std::move(*first);
      header_offset_ = line_offset_;
    }
    if (header_->rfind("@@ ", 0) != 0) {
      return morgue::Status::Corruption("at byte " + std::to_string(header_offset_) +
                                        ": not a bundle record");
    }
    if (*header_ == "@@ CRASH") std::abort();  // a reader that crashes the process
    if (*header_ == "@@ HANG") {               // a reader that never returns
      while (true) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (*header_ == "@@ BROKEN") {
      return morgue::Status::Corruption("at byte " + std::to_string(header_offset_) +
                                        ": the bundle breaks here");
    }
    const std::vector<std::string> fields = Split(std::string_view(*header_).substr(3), '|');
    item.offset = header_offset_;
    item.id = fields[0] == "-" ? "" : fields[0];
    // The record's bytes: every line up to the next header.
    std::string bytes;
    header_.reset();
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(std::optional<std::string> line, ReadLine());
      if (!line) break;
      if (line->rfind("@@ ", 0) == 0) {
        header_ = std::move(*line);
        header_offset_ = line_offset_;
        break;
      }
      bytes += *line;
      bytes += '\n';
    }
    const std::string kind = fields.size() > 1 ? fields[1] : "doc";
    if (kind == "skip" || (kind == "draft" && !drafts_)) {
      item.kind = morgue::ContainerItem::kSkipped;
      item.skip_reason = kind == "draft" ? "drafts" : (fields.size() > 2 ? fields[2] : "");
      return true;
    }
    if (kind == "fail") {
      item.kind = morgue::ContainerItem::kFailed;
      item.failure = morgue::Status::Corruption(fields.size() > 2 ? fields[2] : "unreadable");
      return true;
    }
    item.kind = morgue::ContainerItem::kDocument;
    item.bytes = std::move(bytes);
    item.hints.origin = "bundle record";
    for (size_t i = 2; i < fields.size(); ++i) {
      const size_t equals = fields[i].find('=');
      const std::string key = fields[i].substr(0, equals);
      const std::string value = equals == std::string::npos ? "" : fields[i].substr(equals + 1);
      if (key == "ext") item.extension = value;
      if (key == "format") item.format = value;
      if (key == "type") item.media_type = value;
      if (key == "url") item.hints.url = value;
      if (key == "captured") item.hints.captured = value;
      if (key == "title") item.hints.title = value;
      if (key == "published") item.hints.published = value;
      if (key == "source") item.hints.source = value;
      if (key == "tag") item.hints.tags.push_back(value);
      if (key == "body-rule") item.provenance["body"] = value;
      if (key == "author") {
        const size_t colon = value.find(':');
        morgue::Author author;
        author.name = value.substr(0, colon);
        if (colon != std::string::npos) author.role = value.substr(colon + 1);
        item.hints.authors.push_back(author);
      }
    }
    return true;
  }

 private:
  // The next line without its "\n", or nullopt at the end; line_offset_ is where it starts.
  morgue::Result<std::optional<std::string>> ReadLine() {
    while (true) {
      const size_t newline = buffer_.find('\n', position_);
      if (newline != std::string::npos || at_end_) {
        if (position_ >= buffer_.size() && at_end_) return std::optional<std::string>();
        const size_t end = newline == std::string::npos ? buffer_.size() : newline;
        std::string line = buffer_.substr(position_, end - position_);
        line_offset_ = consumed_ + position_;
        position_ = newline == std::string::npos ? buffer_.size() : newline + 1;
        return std::optional<std::string>(std::move(line));
      }
      // Keep only the unread rest: memory stays one line plus one read.
      consumed_ += position_;
      buffer_.erase(0, position_);
      position_ = 0;
      char chunk[4096];
      MORGUE_ASSIGN_OR_RETURN(size_t n, source_.Read(chunk, sizeof chunk));
      if (n == 0) at_end_ = true;
      buffer_.append(chunk, n);
    }
  }

  morgue::ByteSource& source_;
  bool drafts_;
  std::string buffer_;
  size_t position_ = 0;
  uint64_t consumed_ = 0;  // bytes dropped from the front of buffer_
  bool at_end_ = false;
  uint64_t line_offset_ = 0;
  std::optional<std::string> header_;  // the header line read ahead, if any
  uint64_t header_offset_ = 0;
};

class BundleImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension && input.head.rfind("@@ ", 0) == 0 ? morgue::kProbeCertain
                                                                  : morgue::kProbeNo;
  }
  bool ReadsContainer(const morgue::ProbeInput&, std::string_view) const override { return true; }
  morgue::Result<std::unique_ptr<morgue::ContainerReader>> OpenContainer(
      const morgue::ImportInput& input, morgue::ByteSource& source) override {
    const auto drafts = input.parameters.find("drafts");
    const bool with_drafts = drafts != input.parameters.end() && drafts->second == "true";
    return std::unique_ptr<morgue::ContainerReader>(new BundleReader(source, with_drafts));
  }
};

}  // namespace

MORGUE_PLUGIN(BundleImporter, morgue::NoExporter,
              {.name = "bundle",
               .version = "1.0.0",
               .formats = "bundle",
               .extensions = ".bundle",
               .description = "records holding documents for other importers",
               .media_types = "application/x-bundle"})
