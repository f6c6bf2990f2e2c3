// The json plugin: reads and writes "morgue JSON" as a JSON array (format "json") or as
// JSON Lines (format "jsonl"). plugins/json/README.md documents the format.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_JSON_JSON_PLUGIN_H_
#define MORGUE_PLUGINS_JSON_JSON_PLUGIN_H_

#include "morgue/plugin.h"

namespace morgue::json_plugin {

class JsonImporter final : public Importer {
 public:
  // .jsonl/.ndjson starting with '{', or .json starting with '[' or '{': certain. No
  // extension but starting with '[' or '{': plausible. Anything else: no.
  int Probe(const ProbeInput& input) const override;
  // Fails on the first bad record, naming its line or record number.
  bool ReadsLineByLine(const ProbeInput& input, std::string_view format) const override;
  Status Import(const ImportInput& input, ArticleSink& sink) override;
};

class JsonExporter final : public Exporter {
 public:
  // Writes one article at a time; fails before writing anything when a field or the
  // format is unknown.
  Status Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) override;
};

}  // namespace morgue::json_plugin

#endif  // MORGUE_PLUGINS_JSON_JSON_PLUGIN_H_
