// The "headline" importer: reads one article from a .headline file (the format is
// described in headline_format.h). The body keeps its paragraphs, separated by blank
// lines; everything else is left for the archive to fill in or validate.

#include <morgue/plugin.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "headline_format.h"

namespace {

class HeadlineImporter : public morgue::Importer {
 public:
  // The format has no magic bytes: only the file name can say "certain". Read from
  // standard input, the user names it with --format headline.
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    const std::vector<std::string_view> lines = headline::Lines(input.bytes);
    size_t i = 0;
    while (i < lines.size() && headline::IsBlank(lines[i])) {
      ++i;
    }
    if (i == lines.size()) {
      return morgue::Status::Corruption("no title: the file is empty");
    }
    const size_t title_line = i + 1;  // 1-based, for messages

    morgue::Article article;
    article.title = std::string(lines[i++]);
    if (i < lines.size() && lines[i].starts_with("By ")) {
      article.authors = headline::ParseByline(lines[i++].substr(3));
      article.provenance["authors"] = "headline-byline";
    }
    while (i < lines.size() && headline::IsBlank(lines[i])) {
      ++i;
    }
    size_t end = lines.size();
    while (end > i && headline::IsBlank(lines[end - 1])) {
      --end;
    }
    for (; i < end; ++i) {
      if (!article.body.empty()) {
        article.body += '\n';
      }
      article.body += lines[i];
    }
    // The sink validates the article; say where it came from if it is refused.
    return sink.Add(std::move(article)).WithContext("line " + std::to_string(title_line));
  }
};

}  // namespace

MORGUE_PLUGIN(HeadlineImporter, morgue::NoExporter,
              {.name = "headline",
               .version = "1.0.0",
               .formats = "headline",
               .extensions = ".headline",
               .description = "one article per file: title, optional 'By' line, body",
               .media_types = "text/x-headline"})
