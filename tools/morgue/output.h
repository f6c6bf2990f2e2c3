// Output helpers: text cut to a terminal width without splitting a UTF-8 character,
// table rows, readable byte counts, and JSON on standard output.
//
// Widths are terminal columns: one per code point, two for East Asian wide characters
// (Hangul, CJK), none for combining marks, so Korean and Japanese titles line up.

#ifndef MORGUE_TOOLS_MORGUE_OUTPUT_H_
#define MORGUE_TOOLS_MORGUE_OUTPUT_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/src/string_helpers.h"  // Join, shared with the core

namespace morgue::cli {

// Objects keep their keys in the order written, so output reads id, title, ... first.
using Json = nlohmann::ordered_json;

// Columns `text` takes in a terminal. Bytes that are not UTF-8 count one column each.
int DisplayWidth(std::string_view text);

// `text` itself when it fits in `width` columns, else its longest prefix of whole
// characters that fits with a trailing "…".
std::string Truncate(std::string_view text, int width);

// `text` with every control character (newlines, tabs) turned into a space, for one line.
std::string OneLine(std::string_view text);

// "512 B", "3.2 KiB", "1.5 MiB", ...
std::string HumanBytes(int64_t bytes);

// How wide the tables of `list`, `search` and `similar` are, in terminal columns: their
// last column (the title) takes what the others leave of it.
inline constexpr int kTableWidth = 100;

struct Column {
  std::string header;
  int width = 0;
  bool align_right = false;
};

// One line of a table: each cell made one line, truncated and padded to its column; the
// last cell is not padded so lines carry no trailing blanks.
std::string TableRow(const std::vector<Column>& columns, const std::vector<std::string>& cells);
// The header line of a table.
std::string TableHeader(const std::vector<Column>& columns);

// `value` as text; invalid UTF-8 is replaced rather than thrown on.
std::string DumpJson(const Json& value, int indent = 2);
// `value` on standard output, indented, with a final newline.
void PrintJson(const Json& value);

// Writes a JSON array one element at a time, so long lists need no memory. Nothing is
// written until the first element or Close, so a command that fails first prints nothing.
class JsonArrayWriter {
 public:
  explicit JsonArrayWriter(std::ostream& out) : out_(out) {}
  void Add(const Json& element);
  void Close();

 private:
  std::ostream& out_;
  bool any_ = false;
};

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_OUTPUT_H_
