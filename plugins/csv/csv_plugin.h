// The csv plugin: writes articles as RFC 4180 CSV (format "csv") or as tab-separated
// values with the same quoting (format "tsv"). plugins/csv/README.md documents the
// columns, the options and how several values share one cell.
//
// Thread-safety: as the plugin contract says; the exporter keeps no state between calls.

#ifndef MORGUE_PLUGINS_CSV_CSV_PLUGIN_H_
#define MORGUE_PLUGINS_CSV_CSV_PLUGIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "morgue/plugin.h"

namespace morgue::csv_plugin {

// What the format, ExportOptions::parameters and ExportOptions::fields ask for.
struct CsvOptions {
  char delimiter = ',';
  bool bom = false;                  // parameter "bom": start with a UTF-8 byte order mark
  bool formula_guard = true;         // parameter "formulas" turns it off
  std::vector<std::string> columns;  // the field names, in order; never empty
};

// Reads `options` into CsvOptions: parameters "bom", "formulas" and "delimiter" (one
// ASCII character other than '"', CR or LF); the fields are column names.
// InvalidArgument for an unknown format, option or column (listing the valid ones).
Status ParseOptions(const ExportOptions& options, CsvOptions* out);

// One cell as written: guarded against formulas when `formula_guard` (a leading ' before
// =, +, -, @, TAB or CR), then quoted when it holds the delimiter, a quote, CR or LF, or
// starts or ends with a space.
// AppendCell appends it to a record, the way the exporter writes rows.
std::string Cell(std::string_view value, char delimiter, bool formula_guard);
void AppendCell(std::string_view value, char delimiter, bool formula_guard, std::string* record);

// Joins several values for one cell with "; ", writing '\' as "\\" and ';' as "\;".
std::string JoinValues(const std::vector<std::string>& values);

// The column names a user may ask for, defaults first, joined with ", ".
std::string ColumnList();

class CsvExporter final : public Exporter {
 public:
  // A header row, then one record per article, each ending with CRLF. Fails before
  // writing anything when the format, an option or a column is unknown.
  Status Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) override;
};

}  // namespace morgue::csv_plugin

#endif  // MORGUE_PLUGINS_CSV_CSV_PLUGIN_H_
