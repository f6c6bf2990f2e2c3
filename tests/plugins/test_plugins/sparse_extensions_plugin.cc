// Test importer "sparse_extensions": its descriptor's extension list has empty items (a
// doubled comma, a blank between commas) beside a media type each, as a hand-edited list
// may. The host drops the empty extensions together with their media types, so each
// extension it keeps stands beside its own media type. Reads its own extensions only.

#include <morgue/plugin.h>

#include <string>

namespace {

class SparseExtensionsImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    morgue::Article article;
    article.title = "sparse " + std::string(input.extension);
    article.body = std::string(input.bytes);
    return sink.Add(std::move(article));
  }
};

}  // namespace

MORGUE_PLUGIN(SparseExtensionsImporter, morgue::NoExporter,
              {.name = "sparse_extensions",
               .version = "1.0.0",
               .formats = "sparse_extensions",
               .extensions = ".spa,,.spb, ,.spc",
               .description = "an extension list with empty items",
               .media_types = "text/x-spa,text/x-blank-one,text/x-spb,text/x-blank-two,"
                              "text/x-spc"})
