// A plugin built against another SDK's article.h (see CMakeLists.txt): its Article has one
// more member, so its layout fingerprint differs from the host's while its ABI number is
// the same. The host must refuse it from the descriptor alone; creating its importer is
// the bug the test would catch.

#include <morgue/plugin.h>

#include <cstdlib>

namespace {

class OtherLayoutImporter : public morgue::Importer {
 public:
  OtherLayoutImporter() { std::abort(); }
  int Probe(const morgue::ProbeInput& /*input*/) const override { return morgue::kProbeNo; }
  morgue::Status Import(const morgue::ImportInput& /*input*/,
                        morgue::ArticleSink& /*sink*/) override {
    return morgue::Status::OK();
  }
};

}  // namespace

MORGUE_PLUGIN(OtherLayoutImporter, morgue::NoExporter,
              {.name = "other_layout",
               .version = "0.0.1",
               .formats = "other_layout",
               .extensions = ".otherlayout",
               .description = "built against an SDK with another Article layout"})
