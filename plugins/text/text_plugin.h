// The text plugin: imports a news article or blog repost saved as plain text, in any
// common encoding. plugins/text/README.md describes what it recognises.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_TEXT_TEXT_PLUGIN_H_
#define MORGUE_PLUGINS_TEXT_TEXT_PLUGIN_H_

#include "morgue/plugin.h"

namespace morgue::text_plugin {

class TextImporter final : public Importer {
 public:
  // .txt/.text that is text (no NUL or other binary bytes in the head): certain. No
  // extension and prose, not JSON or markup: plausible. Anything else: no.
  int Probe(const ProbeInput& input) const override;
  // One article per input. Fails on an empty input and on binary data.
  Status Import(const ImportInput& input, ArticleSink& sink) override;
};

}  // namespace morgue::text_plugin

#endif  // MORGUE_PLUGINS_TEXT_TEXT_PLUGIN_H_
