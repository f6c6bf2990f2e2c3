// The warc plugin: imports the HTML pages of web archives (ISO 28500 WARC/1.0 and 1.1
// files, plain or gzip-compressed) as a container (morgue/container.h): each page is
// handed back to the host, which imports it with the html importer (or whichever claims
// it). plugins/warc/README.md says what is read and what is skipped.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_WARC_WARC_PLUGIN_H_
#define MORGUE_PLUGINS_WARC_WARC_PLUGIN_H_

#include <memory>
#include <string_view>

#include "morgue/plugin.h"

namespace morgue::warc_plugin {

class WarcImporter final : public Importer {
 public:
  // Certain when the input starts with "WARC/1.", or is gzip data whose inflated start
  // does; plausible for a .warc or .warc.gz name whatever the content (so that a broken
  // one is refused with a reason rather than passed over); else no.
  int Probe(const ProbeInput& input) const override;
  // Always: a WARC file is only ever read as a container.
  bool ReadsContainer(const ProbeInput& input, std::string_view format) const override;
  // Refuses with Corruption an input that is not a WARC file.
  Result<std::unique_ptr<ContainerReader>> OpenContainer(const ImportInput& input,
                                                         ByteSource& source) override;
};

}  // namespace morgue::warc_plugin

#endif  // MORGUE_PLUGINS_WARC_WARC_PLUGIN_H_
