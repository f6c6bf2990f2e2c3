// The wordpress plugin: reads a WordPress export (WXR, format "wxr") as a container of
// posts (wxr_reader.h); plugins/wordpress/README.md documents what it takes and skips.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_WORDPRESS_WORDPRESS_PLUGIN_H_
#define MORGUE_PLUGINS_WORDPRESS_WORDPRESS_PLUGIN_H_

#include "morgue/plugin.h"

namespace morgue::wordpress_plugin {

class WordPressImporter final : public Importer {
 public:
  // Certain when the head declares WordPress's export namespace
  // (xmlns:wp="http://wordpress.org/export/1.x/"), or is a .xml holding wp:wxr_version;
  // nothing else is a WXR, whatever other RSS it looks like.
  int Probe(const ProbeInput& input) const override;
  bool ReadsContainer(const ProbeInput& input, std::string_view format) const override;
  Result<std::unique_ptr<ContainerReader>> OpenContainer(const ImportInput& input,
                                                         ByteSource& source) override;
};

}  // namespace morgue::wordpress_plugin

#endif  // MORGUE_PLUGINS_WORDPRESS_WORDPRESS_PLUGIN_H_
