// Test exporter "titles": one title per line.

#include <morgue/plugin.h>

namespace {

class TitlesExporter : public morgue::Exporter {
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

MORGUE_PLUGIN(morgue::NoImporter, TitlesExporter,
              {.name = "titles",
               .version = "1.0.0",
               .formats = "titles,title-list",
               .description = "one title per line"})
