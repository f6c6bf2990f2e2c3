// Test importer "extension_echo": shows what the host tells a plugin of an input's
// extension. Probe scores only its own extensions, differently for each, so a test reads
// ProbeInput::extension and own_extension from the score; Import puts
// ImportInput::extension in the title.

#include <morgue/plugin.h>

#include <string>

namespace {

class ExtensionEchoImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    if (!input.own_extension) return morgue::kProbeNo;
    if (input.extension == ".echo") return morgue::kProbeCertain;
    if (input.extension == ".echoes") return 90;
    return 1;  // own, yet neither of its extensions: the host told it something wrong
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    morgue::Article article;
    article.title = "read as '" + std::string(input.extension) + "'";
    article.body = std::string(input.bytes);
    return sink.Add(std::move(article));
  }
};

}  // namespace

MORGUE_PLUGIN(ExtensionEchoImporter, morgue::NoExporter,
              {.name = "extension_echo",
               .version = "1.0.0",
               .formats = "extension_echo",
               .extensions = ".Echo,.echoes",  // the host lower-cases them
               .description = "shows the extension the host passes",
               .media_types = "text/x-echo,application/x-echoes"})
