#include "copy_tables.h"

namespace morgue::copy {
namespace {

constexpr Kind I = Kind::kInt;
constexpr Kind R = Kind::kReal;
constexpr Kind T = Kind::kText;
constexpr Kind B = Kind::kBlob;

// The schema's tables (schema/README.md, schema/postgresql/0001_archive.sql), the key
// columns first. Referenced tables come before the tables referring to them; the links
// to articles are checked at commit in both stores, but articles still come first.
const std::vector<Table>& Tables() {
  static const std::vector<Table> tables = {
      {"morgue_settings",
       {{"key", T}, {"value", T}},
       1,
       // The copy's own marker, and the one an import batch sets while it runs.
       "key NOT IN ('copy_from', 'copy_source_state', 'fts_deferred_after')",
       1000},
      {"sources",
       {{"id", I}, {"name", T}, {"homepage", T}, {"country", T}, {"language", T}, {"origin", T}},
       1,
       "",
       1000},
      {"source_domains", {{"domain", T}, {"source_id", I}}, 1, "", 1000},
      {"source_aliases", {{"alias", T}, {"source_id", I}}, 1, "", 1000},
      {"authors", {{"id", I}, {"name", T}, {"email", T}}, 1, "", 1000},
      {"tags", {{"id", I}, {"name", T}}, 1, "", 1000},
      {"imports",
       {{"id", I},
        {"started_at", T},
        {"finished_at", T},
        {"command", T},
        {"morgue_version", T},
        {"inputs", I},
        {"imported", I},
        {"duplicates", I},
        {"failed", I},
        {"skipped", I},
        {"interrupted", I},
        {"revised", I}},
       1,
       "",
       1000},
      // No key: the same input may fail twice in one run.
      {"import_failures",
       {{"import_id", I}, {"input", T}, {"plugin", T}, {"reason", T}},
       0,
       "",
       1000},
      {"documents",
       {{"id", I},
        {"sha256", T},
        {"size", I},
        {"media_type", T},
        {"original_path", T},
        {"plugin", T},
        {"plugin_version", T},
        {"imported_at", T},
        {"import_id", I},
        {"compression", T},
        {"content", B},
        {"container", T},
        {"container_offset", I},
        {"target_uri", T},
        {"captured_at", T}},
       1,
       "",
       16},
      {"articles",
       {{"id", I},         {"title", T},          {"subtitle", T},     {"body", T},
        {"summary", T},    {"language", T},       {"url", T},          {"canonical_url", T},
        {"url_key", T},    {"published", T},      {"updated", T},      {"source_id", I},
        {"word_count", I}, {"body_hash", T},      {"authors_text", T}, {"tags_text", T},
        {"added_at", T},   {"published_sort", T}, {"title_grams", T},  {"subtitle_grams", T},
        {"body_grams", T}, {"revision", I}},
       1,
       "",
       500},
      {"article_authors",
       {{"article_id", I}, {"position", I}, {"author_id", I}, {"role", T}},
       2,
       "",
       2000},
      {"article_tags", {{"article_id", I}, {"tag_id", I}, {"origin", T}}, 2, "", 2000},
      {"article_tags_removed", {{"article_id", I}, {"name", T}, {"removed_at", T}}, 2, "", 2000},
      {"media",
       {{"article_id", I}, {"id", I}, {"position", I}, {"url", T}, {"caption", T}, {"credit", T}},
       2,
       "",
       2000},
      {"article_fields", {{"article_id", I}, {"field", T}, {"rule", T}}, 2, "", 2000},
      {"article_documents", {{"article_id", I}, {"document_id", I}}, 2, "", 2000},
      {"article_links",
       {{"article_id", I}, {"other_id", I}, {"kind", T}, {"similarity", R}, {"linked_at", T}},
       2,
       "",
       2000},
      {"story_signatures", {{"article_id", I}, {"shingles", I}, {"minhash", B}}, 1, "", 2000},
      {"story_bands", {{"band_key", I}, {"article_id", I}}, 2, "", 5000},
      {"story_bands_pending", {{"article_id", I}}, 1, "", 5000},
      {"story_clusters", {{"article_id", I}, {"cluster_id", I}}, 1, "", 5000},
      {"story_cluster_sizes", {{"cluster_id", I}, {"articles", I}}, 1, "", 5000},
      {"article_revisions",
       {{"article_id", I},
        {"revision", I},
        {"stored_at", T},
        {"document_id", I},
        {"changed", T},
        {"origin", T},
        {"superseded_at", T},
        {"title", T},
        {"subtitle", T},
        {"body", T},
        {"summary", T},
        {"published", T},
        {"updated", T},
        {"authors", T},
        {"provenance", T}},
       2,
       "",
       200},
  };
  return tables;
}

// The key column `i` as compared: text byte by byte.
std::string KeyTerm(const Table& table, size_t i, std::string_view text_collation) {
  std::string term(table.columns[i].name);
  if (table.columns[i].kind == Kind::kText) {
    term += " COLLATE ";
    term += text_collation;
  }
  return term;
}

// "a, b, c": the table's columns.
std::string ColumnList(const Table& table) {
  std::string list;
  for (const Column& column : table.columns) {
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  return list;
}

// "k1 COLLATION, k2" (with DESC after each when `descending`): the key order.
std::string KeyOrder(const Table& table, const Dialect& dialect, bool descending) {
  std::string order;
  for (size_t i = 0; i < table.key_columns; ++i) {
    if (!order.empty()) order += ", ";
    order += KeyTerm(table, i, dialect.text_collation);
    if (descending) order += " DESC";
  }
  return order;
}

// The condition "the row's key comes after the key given as parameters 1 to n".
std::string AfterKey(const Table& table, const Dialect& dialect) {
  // k1 >= p1 AND ((k1 > p1) OR (k1 = p1 AND k2 > p2) OR ...): the first term lets both
  // engines seek in the key's index instead of reading the table from its start.
  std::string condition;
  for (size_t last = 0; last < table.key_columns; ++last) {
    std::string term;
    for (size_t i = 0; i <= last; ++i) {
      if (!term.empty()) term += " AND ";
      term += KeyTerm(table, i, dialect.text_collation);
      term += i == last ? " > " : " = ";
      term += dialect.placeholder(static_cast<int>(i) + 1);
    }
    if (!condition.empty()) condition += " OR ";
    condition += "(" + term + ")";
  }
  return "(" + KeyTerm(table, 0, dialect.text_collation) + " >= " + dialect.placeholder(1) +
         " AND (" + condition + "))";
}

// " FROM table WHERE ..." with the rows the table's skip leaves out, and those up to the
// key given when `after`.
std::string FromWhere(const Table& table, bool after, const Dialect& dialect) {
  std::string where(table.skip);
  if (after) {
    if (!where.empty()) where += " AND ";
    where += AfterKey(table, dialect);
  }
  return " FROM " + std::string(table.name) + (where.empty() ? "" : " WHERE " + where);
}

}  // namespace

std::span<const Table> CopyTables() { return Tables(); }

std::string SelectRowsSql(const Table& table, bool after, int limit, const Dialect& dialect) {
  std::string sql = "SELECT " + ColumnList(table) + FromWhere(table, after, dialect);
  if (table.key_columns > 0) {
    sql += " ORDER BY " + KeyOrder(table, dialect, false) + " LIMIT " + std::to_string(limit);
  }
  return sql;
}

std::string LastKeySql(const Table& table, const Dialect& dialect) {
  std::string keys;
  for (size_t i = 0; i < table.key_columns; ++i) {
    if (!keys.empty()) keys += ", ";
    keys += table.columns[i].name;
  }
  return "SELECT " + keys + FromWhere(table, false, dialect) + " ORDER BY " +
         KeyOrder(table, dialect, true) + " LIMIT 1";
}

std::string CountSql(const Table& table, const Dialect& dialect) {
  return "SELECT count(*)" + FromWhere(table, false, dialect);
}

std::string DeleteSql(const Table& table, const Dialect& dialect) {
  return "DELETE" + FromWhere(table, false, dialect);
}

std::string InsertSql(const Table& table, size_t rows, const Dialect& dialect) {
  std::string sql =
      "INSERT INTO " + std::string(table.name) + "(" + ColumnList(table) + ") VALUES ";
  int parameter = 0;
  for (size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (size_t c = 0; c < table.columns.size(); ++c) {
      sql += (c == 0 ? "" : ", ") + dialect.placeholder(++parameter);
    }
    sql += ")";
  }
  return sql;
}

}  // namespace morgue::copy
