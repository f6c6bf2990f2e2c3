// The mhtml plugin: reads a page saved as one file by a browser (format "mhtml", .mht and
// .mhtml) as a container of its HTML page (mhtml_reader.h); plugins/mhtml/README.md
// documents it.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_MHTML_MHTML_PLUGIN_H_
#define MORGUE_PLUGINS_MHTML_MHTML_PLUGIN_H_

#include "morgue/plugin.h"

namespace morgue::mhtml_plugin {

class MhtmlImporter final : public Importer {
 public:
  // Certain when the head is MIME headers of a multipart/related (Chrome's "From: <Saved
  // by Blink>", or any MHTML's Content-Type) and the file is .mht/.mhtml or names a
  // Snapshot-Content-Location; plausible for such headers under another name.
  int Probe(const ProbeInput& input) const override;
  bool ReadsContainer(const ProbeInput& input, std::string_view format) const override;
  Result<std::unique_ptr<ContainerReader>> OpenContainer(const ImportInput& input,
                                                         ByteSource& source) override;
};

}  // namespace morgue::mhtml_plugin

#endif  // MORGUE_PLUGINS_MHTML_MHTML_PLUGIN_H_
