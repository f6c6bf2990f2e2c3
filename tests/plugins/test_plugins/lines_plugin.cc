// Test plugin "lines", both ways: each non-empty line is one article's title.

#include <morgue/plugin.h>

#include <string>
#include <string_view>

namespace {

class LinesImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.path.extension() == ".lines" ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    std::string_view rest = input.bytes;
    int line = 0;
    while (!rest.empty()) {
      ++line;
      const size_t eol = rest.find('\n');
      std::string_view text = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      if (text.empty()) {
        continue;
      }
      morgue::Article article;
      article.title = std::string(text);
      MORGUE_RETURN_IF_ERROR(
          sink.Add(std::move(article)).WithContext("line " + std::to_string(line)));
    }
    return morgue::Status::OK();
  }
};

class LinesExporter : public morgue::Exporter {
 public:
  morgue::Status Export(morgue::ArticleCursor& articles, const morgue::ExportOptions& /*options*/,
                        morgue::ByteSink& out) override {
    morgue::Article article;
    while (articles.Next(&article)) {
      MORGUE_RETURN_IF_ERROR(out.Write(article.title + "\n"));
    }
    return articles.status();
  }
};

}  // namespace

MORGUE_PLUGIN(LinesImporter, LinesExporter,
              {.name = "lines",
               .version = "0.1.0",
               .formats = "lines",
               .extensions = ".lines",
               .description = "one title per line, both ways"})
