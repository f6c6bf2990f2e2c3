// The plugin's entry point: its descriptor and factories.

#include "plugins/json/json_plugin.h"

MORGUE_PLUGIN(morgue::json_plugin::JsonImporter, morgue::json_plugin::JsonExporter,
              {.name = "json",
               .version = "1.0.0",
               // Export writes json and jsonl; import also takes the other tools' shapes.
               .formats = "json,jsonl,trafilatura,readability,newspaper",
               .extensions = ".json,.jsonl,.ndjson",
               .description = "morgue JSON articles, as a JSON array or JSON Lines",
               .media_types = "application/json,application/x-ndjson,application/x-ndjson"})
