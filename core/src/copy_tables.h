// The tables CopyArchive copies (morgue/copy.h): every table both stores have, in an order
// that keeps their references (a row's referenced rows are copied before it), each with
// its columns, their kinds, and the key its rows are copied in order of.
//
// Thread-safety: the list is constant; the helpers are pure functions.

#ifndef MORGUE_CORE_SRC_COPY_TABLES_H_
#define MORGUE_CORE_SRC_COPY_TABLES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::copy {

enum class Kind { kInt, kReal, kText, kBlob };

struct Column {
  std::string_view name;
  Kind kind;
};

struct Table {
  std::string_view name;
  std::vector<Column> columns;
  // How many of the first columns are the key the rows are copied in order of (unique in
  // both stores); a resumed copy goes on after the destination's last key. 0: the table
  // has no such key and is copied whole, in one transaction.
  size_t key_columns;
  // Rows left out, as an SQL condition both stores read alike ("" for none).
  std::string_view skip;
  // Rows per committed batch: fewer where rows are large (originals).
  int batch_rows;
};

// One value of a row: NULL, or of its column's kind (bytes hold text and blobs).
struct Value {
  bool null = true;
  int64_t integer = 0;
  double real = 0;
  std::string bytes;
};
using Row = std::vector<Value>;

// The tables in copying order.
std::span<const Table> CopyTables();

// The key kept in morgue_settings of a destination while it is being copied into: its
// value names the source.
inline constexpr std::string_view kCopyMarkerKey = "copy_from";
// Beside it: what the source held when the copy began (its tables' row counts and last
// keys), which a copy going on with it must find again.
inline constexpr std::string_view kCopyStateKey = "copy_source_state";

// What the copy's statements spell differently in each store's SQL.
struct Dialect {
  // The collation that compares text byte by byte, so that both stores order keys alike.
  std::string_view text_collation;
  // Parameter i (1-based).
  std::string (*placeholder)(int i);
};

// The statements of a copy, for `table` in `dialect`. Rows left out by Table::skip are
// left out by every one of them.
// Up to `limit` rows in key order, after the key given as parameters 1 to n when `after`;
// for a table without a key, all rows.
std::string SelectRowsSql(const Table& table, bool after, int limit, const Dialect& dialect);
// The key of the last row in key order.
std::string LastKeySql(const Table& table, const Dialect& dialect);
std::string CountSql(const Table& table, const Dialect& dialect);
std::string DeleteSql(const Table& table, const Dialect& dialect);
// "INSERT INTO table(columns) VALUES" and `rows` rows of parameters numbered from 1.
std::string InsertSql(const Table& table, size_t rows, const Dialect& dialect);

}  // namespace morgue::copy

#endif  // MORGUE_CORE_SRC_COPY_TABLES_H_
