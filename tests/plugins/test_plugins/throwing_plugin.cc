// Test plugin "throwing": claims .boom files, then throws from Import and Export, to show
// the host turns an escaping exception into a PluginFailed Status.

#include <morgue/plugin.h>

#include <stdexcept>

namespace {

class ThrowingImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.path.extension() == ".boom" ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& /*sink*/) override {
    if (input.bytes.starts_with("int")) {
      throw 42;  // not a std::exception
    }
    throw std::runtime_error("the parser fell over");
  }
};

class ThrowingExporter : public morgue::Exporter {
 public:
  morgue::Status Export(morgue::ArticleCursor& /*articles*/,
                        const morgue::ExportOptions& /*options*/, morgue::ByteSink& out) override {
    // Half a file first, so tests can show that a failed export leaves none behind.
    morgue::Status written = out.Write("id,title\n1,half of a file");
    if (!written.ok()) return written;
    throw std::logic_error("the writer fell over");
  }
};

}  // namespace

MORGUE_PLUGIN(ThrowingImporter, ThrowingExporter,
              {.name = "throwing",
               .version = "0.0.1",
               .formats = "boom",
               .extensions = ".boom",
               .description = "throws from Import and Export"})
