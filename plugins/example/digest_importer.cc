// The "digest" importer, a container: a .digest file holds several stories, each in the
// headline format and separated by a line "%%". It makes no article itself: it hands each
// story back to morgue as a document, which morgue imports with whichever importer claims
// a .headline file (here the "headline" plugin, another library), exactly as if it were a
// file of its own named "<digest>#<n>". A story may start with a line "Link: <url>",
// which morgue keeps as the article's address when the story itself gives none.

#include <morgue/plugin.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace {

constexpr std::string_view kSeparator = "%%";
constexpr std::string_view kLink = "Link: ";

class DigestReader : public morgue::ContainerReader {
 public:
  explicit DigestReader(morgue::ByteSource& source) : source_(source) {}

  morgue::Result<bool> Next(morgue::ContainerItem& item) override {
    // Lines up to the next separator make one story; blank stories are not records.
    std::string story;
    uint64_t start = offset_;
    while (true) {
      MORGUE_ASSIGN_OR_RETURN(std::optional<std::string> line, ReadLine());
      if (!line || *line == kSeparator) {
        if (story.find_first_not_of(" \t\r\n") != std::string::npos) break;
        if (!line) return false;  // the end of the digest
        story.clear();
        start = offset_;
        continue;
      }
      if (story.empty() && line->rfind(kLink, 0) == 0) {
        item.hints.url = line->substr(kLink.size());
        continue;
      }
      story += *line + '\n';
    }
    ++count_;
    item.kind = morgue::ContainerItem::kDocument;
    item.id = std::to_string(count_);  // "digest.digest#2": the second story
    item.offset = start;
    item.bytes = std::move(story);
    item.extension = ".headline";  // read by whichever importer claims .headline files
    item.hints.origin = "digest story";
    return true;
  }

 private:
  // The next line without its line end, or nullopt at the end of the digest. Memory stays
  // one read and one line, however large the digest.
  morgue::Result<std::optional<std::string>> ReadLine() {
    std::string line;
    while (true) {
      if (position_ == buffered_) {
        MORGUE_ASSIGN_OR_RETURN(buffered_, source_.Read(buffer_, sizeof buffer_));
        position_ = 0;
        if (buffered_ == 0) {
          if (line.empty()) return std::optional<std::string>();
          return std::optional<std::string>(std::move(line));
        }
      }
      const char c = buffer_[position_++];
      ++offset_;
      if (c == '\n') {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return std::optional<std::string>(std::move(line));
      }
      line += c;
    }
  }

  morgue::ByteSource& source_;
  char buffer_[4096];
  size_t buffered_ = 0;
  size_t position_ = 0;
  uint64_t offset_ = 0;  // bytes of the digest read so far
  int count_ = 0;        // stories given so far
};

class DigestImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  // Every input of this format is a container: morgue calls OpenContainer, never Import.
  bool ReadsContainer(const morgue::ProbeInput& input, std::string_view format) const override {
    (void)input;
    (void)format;
    return true;
  }

  morgue::Result<std::unique_ptr<morgue::ContainerReader>> OpenContainer(
      const morgue::ImportInput& input, morgue::ByteSource& source) override {
    (void)input;
    return std::unique_ptr<morgue::ContainerReader>(new DigestReader(source));
  }
};

}  // namespace

MORGUE_PLUGIN(DigestImporter, morgue::NoExporter,
              {.name = "digest",
               .version = "1.0.0",
               .formats = "digest",
               .extensions = ".digest",
               .description = "several headline stories in one file, separated by %%",
               .media_types = "text/x-digest"})
