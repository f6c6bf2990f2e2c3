// Test importer "headline": the first line of a file is the title, the rest the body. A
// title of "(crash)" aborts the process and one of "(hang)" never returns.

#include <morgue/plugin.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

namespace {

std::string_view TrimNewlines(std::string_view s) {
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

class HeadlineImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    std::string_view text = TrimNewlines(input.bytes);
    if (text.empty()) {
      return morgue::Status::Corruption("no headline: the input is empty");
    }
    const size_t eol = text.find('\n');
    // Titles that make the importer misbehave, for the tests of a container's documents.
    if (text.substr(0, eol) == "(crash)") std::abort();
    if (text.substr(0, eol) == "(hang)") {
      while (true) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    morgue::Article article;
    article.title = std::string(TrimNewlines(text.substr(0, eol)));
    if (eol != std::string_view::npos) {
      article.body = std::string(TrimNewlines(text.substr(eol + 1)));
    }
    return sink.Add(std::move(article)).WithContext("line 1");
  }
};

}  // namespace

MORGUE_PLUGIN(HeadlineImporter, morgue::NoExporter,
              {.name = "headline",
               .version = "1.2.3",
               .formats = "headline",
               .extensions = " .headline , .HL",  // untidy on purpose: the host tidies
               .description = "first line title, the rest body",
               // One media type for two extensions: .hl has none, so its originals are
               // stored as application/octet-stream.
               .media_types = " text/x-headline "})
