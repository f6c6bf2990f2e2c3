// Test plugins "tie_a" and "tie_b" (TIE_NAME): both find .tie files plausible, a tie the
// host must not break by itself.

#include <morgue/plugin.h>

namespace {

class TieImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.path.extension() == ".tie" ? morgue::kProbePlausible : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& /*input*/,
                        morgue::ArticleSink& /*sink*/) override {
    return morgue::Status::OK();
  }
};

}  // namespace

MORGUE_PLUGIN(TieImporter, morgue::NoExporter,
              {.name = TIE_NAME,
               .version = "0.0.1",
               .formats = TIE_NAME,
               .extensions = ".tie",
               .description = "scores 50 on .tie"})
