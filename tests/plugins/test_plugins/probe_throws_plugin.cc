// Test plugin "probe_throws": its Probe always throws, which must count as a score of 0
// and be reported when nothing else recognises the input.

#include <morgue/plugin.h>

#include <stdexcept>

namespace {

class ProbeThrowsImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& /*input*/) const override {
    throw std::runtime_error("probe exploded");
  }

  morgue::Status Import(const morgue::ImportInput& /*input*/,
                        morgue::ArticleSink& /*sink*/) override {
    return morgue::Status::OK();
  }
};

}  // namespace

MORGUE_PLUGIN(ProbeThrowsImporter, morgue::NoExporter,
              {.name = "probe_throws",
               .version = "0.0.1",
               .formats = "probe-throws",
               .description = "Probe always throws"})
