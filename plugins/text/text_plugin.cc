// The plugin's entry point: its descriptor and factory.

#include "plugins/text/text_plugin.h"

MORGUE_PLUGIN(morgue::text_plugin::TextImporter, morgue::NoExporter,
              {.name = "text",
               .version = "1.0.0",
               .formats = "text",
               .extensions = ".txt,.text",
               .description = "plain-text articles and blog reposts saved as text",
               .media_types = "text/plain,text/plain"})
