// The "titles" exporter: one line per article, "<id><TAB><title>", for a quick look or
// for `cut` and `sort`.

#include <morgue/plugin.h>

#include <string>

namespace {

// A title on one line: tabs and line breaks would break the columns.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return text;
}

class TitlesExporter : public morgue::Exporter {
 public:
  morgue::Status Export(morgue::ArticleCursor& articles, const morgue::ExportOptions& options,
                        morgue::ByteSink& out) override {
    if (!options.fields.empty()) {
      return morgue::Status::InvalidArgument(
          "format 'titles' always writes id and title; it takes no --fields");
    }
    // One article at a time: memory stays constant however large the archive.
    morgue::Article article;
    while (articles.Next(&article)) {
      MORGUE_RETURN_IF_ERROR(
          out.Write(std::to_string(article.id) + '\t' + OneLine(article.title) + '\n'));
    }
    return articles.status();  // the cursor's own failure, if it stopped early
  }
};

}  // namespace

MORGUE_PLUGIN(morgue::NoImporter, TitlesExporter,
              {.name = "titles",
               .version = "1.0.0",
               .formats = "titles",
               .description = "one line per article: id, tab, title"})
