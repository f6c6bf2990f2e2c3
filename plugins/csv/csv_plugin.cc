// The plugin's entry point: its descriptor and factory.

#include "plugins/csv/csv_plugin.h"

MORGUE_PLUGIN(morgue::NoImporter, morgue::csv_plugin::CsvExporter,
              {.name = "csv",
               .version = "1.0.0",
               .formats = "csv,tsv",
               .extensions = ".csv,.tsv",
               .description = "articles as RFC 4180 CSV or TSV, one row per article",
               .media_types = "text/csv,text/tab-separated-values"})
