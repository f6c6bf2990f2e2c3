#include <array>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/datetime.h"
#include "plugins/csv/csv_plugin.h"

namespace morgue::csv_plugin {
namespace {

enum class Column {
  kId,
  kTitle,
  kSubtitle,
  kAuthors,
  kPublished,
  kUpdated,
  kSource,
  kUrl,
  kCanonicalUrl,
  kLanguage,
  kTags,
  kWordCount,
  kSummary,
  kBody,
  kAuthorEmails,
  kPosters,
  kMediaUrls,
  kMediaCaptions,
  kMediaCredits,
  kPublishedSort,
  kPageTags,
  kUserTags,
  kCluster,
  kClusterSize,
  kSimilar,
  kSimilarKinds,
  kSimilarScores,
  kRevision,
};

struct ColumnSpec {
  std::string_view name;
  Column column;
};

// The one place that fixes the column names and the default order; README.md follows it.
constexpr size_t kDefaultColumns = 14;
constexpr std::array<ColumnSpec, 28> kColumns = {{
    {"id", Column::kId},
    {"title", Column::kTitle},
    {"subtitle", Column::kSubtitle},
    {"authors", Column::kAuthors},
    {"published", Column::kPublished},
    {"updated", Column::kUpdated},
    {"source", Column::kSource},
    {"url", Column::kUrl},
    {"canonical_url", Column::kCanonicalUrl},
    {"language", Column::kLanguage},
    {"tags", Column::kTags},
    {"word_count", Column::kWordCount},
    {"summary", Column::kSummary},
    {"body", Column::kBody},
    // Only when asked for with --fields.
    {"author_emails", Column::kAuthorEmails},
    {"posters", Column::kPosters},
    {"media_urls", Column::kMediaUrls},
    {"media_captions", Column::kMediaCaptions},
    {"media_credits", Column::kMediaCredits},
    {"published_sort", Column::kPublishedSort},
    // The tags the page gave and those the user added (a tag both gave is in both).
    {"page_tags", Column::kPageTags},
    {"user_tags", Column::kUserTags},
    // The story cluster: its lowest article id, its size, and the linked articles with
    // their kinds ("copy", "near") and similarities, positionally.
    {"cluster", Column::kCluster},
    {"cluster_size", Column::kClusterSize},
    {"similar", Column::kSimilar},
    {"similar_kinds", Column::kSimilarKinds},
    {"similar_scores", Column::kSimilarScores},
    // Which revision of the article the row's values are (export --revisions).
    {"revision", Column::kRevision},
}};

const ColumnSpec* FindColumn(std::string_view name) {
  for (const ColumnSpec& spec : kColumns) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

bool IsPoster(const Author& author) { return author.role == "poster"; }

// One value per author (role "author") or per poster, in byline order.
template <typename Get>
std::vector<std::string> AuthorValues(const Article& article, bool posters, Get get) {
  std::vector<std::string> values;
  for (const Author& author : article.authors) {
    if (IsPoster(author) == posters) values.push_back(get(author));
  }
  return values;
}

template <typename Get>
std::vector<std::string> MediaValues(const Article& article, Get get) {
  std::vector<std::string> values;
  values.reserve(article.media.size());
  for (const Media& media : article.media) values.push_back(get(media));
  return values;
}

// The article's tags whose origin is `origin` or "both".
std::vector<std::string> TagsFrom(const Article& article, std::string_view origin) {
  std::vector<std::string> tags;
  for (const std::string& tag : article.tags) {
    auto found = article.tag_origins.find(tag);
    if (found != article.tag_origins.end() &&
        (found->second == origin || found->second == kTagOriginBoth)) {
      tags.push_back(tag);
    }
  }
  return tags;
}

// A list whose items are all empty is an empty cell, not "; ; ".
std::string JoinPositional(const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    if (!value.empty()) return JoinValues(values);
  }
  return "";
}

// One value per linked article (Article::similar), in its order.
template <typename Get>
std::vector<std::string> SimilarValues(const Article& article, Get get) {
  std::vector<std::string> values;
  values.reserve(article.similar.size());
  for (const StoryLink& link : article.similar) values.push_back(get(link));
  return values;
}

// The shortest text that reads back as the same number: 0.828125, 1 (json writes 1.0).
std::string ShortestNumber(double value) {
  char digits[32];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  return error == std::errc() ? std::string(digits, end) : std::string();
}

// Text columns are viewed in place, not copied: bodies are most of an export. Values
// made up here (numbers, joined lists) are kept in *scratch.
std::string_view ColumnValue(const Article& article, Column column, std::string* scratch) {
  switch (column) {
    case Column::kId:
      return *scratch = std::to_string(article.id);
    case Column::kTitle:
      return article.title;
    case Column::kSubtitle:
      return article.subtitle;
    case Column::kAuthors:
      return *scratch =
                 JoinValues(AuthorValues(article, false, [](const Author& a) { return a.name; }));
    case Column::kPublished:
      return article.published;
    case Column::kPublishedSort:
      return *scratch = SortableDate(article.published);
    case Column::kUpdated:
      return article.updated;
    case Column::kSource:
      return article.source;
    case Column::kUrl:
      return article.url;
    case Column::kCanonicalUrl:
      return article.canonical_url;
    case Column::kLanguage:
      return article.language;
    case Column::kTags:
      return *scratch = JoinValues(article.tags);
    case Column::kWordCount:
      return *scratch = std::to_string(article.word_count);
    case Column::kSummary:
      return article.summary;
    case Column::kBody:
      return article.body;
    case Column::kAuthorEmails:
      return *scratch = JoinPositional(
                 AuthorValues(article, false, [](const Author& a) { return a.email; }));
    case Column::kPosters:
      return *scratch =
                 JoinValues(AuthorValues(article, true, [](const Author& a) { return a.name; }));
    case Column::kMediaUrls:
      return *scratch = JoinPositional(MediaValues(article, [](const Media& m) { return m.url; }));
    case Column::kMediaCaptions:
      return *scratch =
                 JoinPositional(MediaValues(article, [](const Media& m) { return m.caption; }));
    case Column::kMediaCredits:
      return *scratch =
                 JoinPositional(MediaValues(article, [](const Media& m) { return m.credit; }));
    case Column::kPageTags:
      return *scratch = JoinValues(TagsFrom(article, kTagOriginPage));
    case Column::kUserTags:
      return *scratch = JoinValues(TagsFrom(article, kTagOriginUser));
    case Column::kCluster:
      return *scratch = std::to_string(article.cluster);
    case Column::kClusterSize:
      return *scratch = std::to_string(article.cluster_size);
    case Column::kRevision:
      return *scratch = std::to_string(article.revision);
    case Column::kSimilar:
      return *scratch = JoinValues(
                 SimilarValues(article, [](const StoryLink& l) { return std::to_string(l.id); }));
    case Column::kSimilarKinds:
      return *scratch =
                 JoinValues(SimilarValues(article, [](const StoryLink& l) { return l.kind; }));
    case Column::kSimilarScores:
      return *scratch = JoinValues(SimilarValues(
                 article, [](const StoryLink& l) { return ShortestNumber(l.similarity); }));
  }
  return "";
}

bool StartsFormula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

// Only the tables the columns read from: each costs the archive a query per batch.
ArticleParts PartsFor(const std::vector<Column>& columns) {
  ArticleParts parts = ArticleParts::None();
  for (Column column : columns) {
    switch (column) {
      case Column::kAuthors:
      case Column::kAuthorEmails:
      case Column::kPosters:
        parts.authors = true;
        break;
      case Column::kTags:
      case Column::kPageTags:
      case Column::kUserTags:
        parts.tags = true;
        break;
      case Column::kMediaUrls:
      case Column::kMediaCaptions:
      case Column::kMediaCredits:
        parts.media = true;
        break;
      case Column::kCluster:
      case Column::kClusterSize:
      case Column::kSimilar:
      case Column::kSimilarKinds:
      case Column::kSimilarScores:
        parts.story = true;
        break;
      default:
        break;
    }
  }
  return parts;
}

Status ParseDelimiter(std::string_view value, char* delimiter) {
  if (value.size() != 1 || static_cast<unsigned char>(value[0]) >= 0x80 || value[0] == '"' ||
      value[0] == '\r' || value[0] == '\n' || value[0] == '\0') {
    return Status::InvalidArgument(
        "the delimiter must be one ASCII character other than '\"', CR or LF, found '" +
        std::string(value) + "'");
  }
  *delimiter = value[0];
  return Status::OK();
}

}  // namespace

std::string ColumnList() {
  std::string list;
  for (const ColumnSpec& spec : kColumns) {
    if (!list.empty()) list += ", ";
    list += spec.name;
  }
  return list;
}

std::string JoinValues(const std::vector<std::string>& values) {
  std::string joined;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) joined += "; ";
    for (char c : values[i]) {
      if (c == '\\' || c == ';') joined += '\\';
      joined += c;
    }
  }
  return joined;
}

// Spans between quotes are copied whole: bodies are most of an export.
void AppendCell(std::string_view value, char delimiter, bool formula_guard, std::string* record) {
  const bool guard = formula_guard && StartsFormula(value);
  const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
  const bool quote = value.find_first_of(std::string_view(specials, 4)) != std::string_view::npos ||
                     (!value.empty() && ((!guard && value.front() == ' ') || value.back() == ' '));
  if (quote) *record += '"';
  if (guard) *record += '\'';
  if (!quote) {
    *record += value;
    return;
  }
  size_t start = 0;
  for (size_t at = value.find('"'); at != std::string_view::npos; at = value.find('"', start)) {
    record->append(value.substr(start, at + 1 - start));
    *record += '"';
    start = at + 1;
  }
  record->append(value.substr(start));
  *record += '"';
}

std::string Cell(std::string_view value, char delimiter, bool formula_guard) {
  std::string cell;
  AppendCell(value, delimiter, formula_guard, &cell);
  return cell;
}

Status ParseOptions(const ExportOptions& options, CsvOptions* out) {
  *out = CsvOptions();
  if (options.format == "tsv") {
    out->delimiter = '\t';
  } else if (options.format != "csv" && !options.format.empty()) {
    return Status::InvalidArgument("unknown format '" + options.format +
                                   "'; the csv plugin writes csv, tsv");
  }
  for (const auto& [name, value] : options.parameters) {
    if (name == "bom") {
      out->bom = true;
    } else if (name == "formulas") {
      out->formula_guard = false;
    } else if (name == "delimiter") {
      MORGUE_RETURN_IF_ERROR(ParseDelimiter(value, &out->delimiter));
    } else {
      return Status::InvalidArgument("unknown csv option '" + name +
                                     "'; valid options: bom, delimiter, formulas");
    }
  }
  for (const std::string& entry : options.fields) {
    if (FindColumn(entry) == nullptr) {
      return Status::InvalidArgument("unknown field '" + entry +
                                     "'; valid fields: " + ColumnList());
    }
    out->columns.push_back(entry);
  }
  if (out->columns.empty()) {
    for (size_t i = 0; i < kDefaultColumns; ++i) {
      out->columns.emplace_back(kColumns[i].name);
    }
    // Each earlier revision is a row of its own: say which.
    if (options.every_revision) out->columns.emplace_back("revision");
  }
  return Status::OK();
}

Status CsvExporter::Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) {
  CsvOptions csv;
  MORGUE_RETURN_IF_ERROR(ParseOptions(options, &csv));
  std::vector<Column> columns;
  columns.reserve(csv.columns.size());
  for (const std::string& name : csv.columns) columns.push_back(FindColumn(name)->column);
  articles.SetParts(PartsFor(columns));

  std::string record = csv.bom ? "\xEF\xBB\xBF" : "";
  for (size_t i = 0; i < csv.columns.size(); ++i) {
    if (i > 0) record += csv.delimiter;
    AppendCell(csv.columns[i], csv.delimiter, false, &record);
  }
  record += "\r\n";

  // Records are gathered into writes of about kWriteSize bytes: one write per article
  // cost more than making the records.
  constexpr size_t kWriteSize = 1 << 16;
  std::string scratch;
  for (Article article; articles.Next(&article); article = Article()) {
    for (size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) record += csv.delimiter;
      AppendCell(ColumnValue(article, columns[i], &scratch), csv.delimiter, csv.formula_guard,
                 &record);
    }
    record += "\r\n";
    if (record.size() >= kWriteSize) {
      MORGUE_RETURN_IF_ERROR(out.Write(record));
      record.clear();
    }
  }
  MORGUE_RETURN_IF_ERROR(articles.status());
  return record.empty() ? Status::OK() : out.Write(record);
}

}  // namespace morgue::csv_plugin
