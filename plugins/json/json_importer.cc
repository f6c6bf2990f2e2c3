#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/article_json/article_json.h"
#include "plugins/json/foreign_json.h"
#include "plugins/json/json_plugin.h"

namespace morgue::json_plugin {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string_view WithoutBom(std::string_view text) {
  if (text.starts_with(kUtf8Bom)) {
    text.remove_prefix(kUtf8Bom.size());
  }
  return text;
}

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The first character that is not JSON whitespace, or '\0' when there is none.
char FirstNonSpace(std::string_view text) {
  auto it = std::find_if_not(text.begin(), text.end(), IsJsonSpace);
  return it == text.end() ? '\0' : *it;
}

// `extension` as the host gives it: lower-cased, with the dot.
bool IsJsonLinesExtension(std::string_view extension) {
  return extension == ".jsonl" || extension == ".ndjson";
}

bool IsUtf8(const std::string& text) {
  try {
    (void)Json(text).dump();  // the strict error handler throws on ill-formed UTF-8
    return true;
  } catch (const Json::type_error&) {
    return false;
  }
}

// nlohmann's message without its prefix and position (we give the position ourselves),
// with the text it stopped at shortened and dropped when it is not valid UTF-8:
// "[json.exception.parse_error.101] parse error at line 1, column 8: syntax error while
// parsing object key - invalid literal; last read: '1,b'; expected string literal"
// becomes "invalid literal near '1,b'; expected string literal".
std::string ParseErrorReason(const Json::parse_error& error) {
  std::string reason = error.what();
  if (size_t column = reason.find(", column "); column != std::string::npos) {
    if (size_t colon = reason.find(": ", column); colon != std::string::npos) {
      reason.erase(0, colon + 2);
    }
  }
  constexpr std::string_view kSyntax = "syntax error while parsing ";
  if (reason.starts_with(kSyntax)) {
    if (size_t dash = reason.find(" - "); dash != std::string::npos) {
      reason.erase(0, dash + 3);
    }
  }
  constexpr std::string_view kLastRead = "; last read: '";
  size_t start = reason.find(kLastRead);
  if (start == std::string::npos) {
    return reason;
  }
  const size_t token_start = start + kLastRead.size();
  size_t token_end = reason.find("'; expected ", token_start);
  if (token_end == std::string::npos) {
    if (!reason.ends_with('\'')) {
      return reason;
    }
    token_end = reason.size() - 1;
  }
  std::string token = reason.substr(token_start, token_end - token_start);
  constexpr size_t kMaxToken = 40;
  if (token.size() > kMaxToken) {
    size_t cut = token.size() - kMaxToken;
    // Start on a character, not inside one.
    while (cut < token.size() && (static_cast<unsigned char>(token[cut]) & 0xC0) == 0x80) {
      ++cut;
    }
    token = "..." + token.substr(cut);
  }
  const std::string rest = reason.substr(token_end + 1);  // "; expected ..." or ""
  reason.erase(start);
  if (IsUtf8(token)) {
    reason += " near '" + token + "'";
  }
  return reason + rest;
}

// UTF-8 characters, counted by their first bytes: what an editor shows as columns.
size_t CountCharacters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// nlohmann gives no position for a number too large for a double, only the number:
// "[json.exception.out_of_range.406] number overflow parsing '1e999'".
std::string OutOfRangeReason(const Json::out_of_range& error) {
  std::string reason = error.what();
  if (size_t id_end = reason.find("] "); reason.starts_with('[') && id_end != std::string::npos) {
    reason.erase(0, id_end + 2);
  }
  return "malformed JSON: " + reason;
}

// "line L: malformed JSON at column C: reason". `text` is what was parsed and
// `first_line` the number of its first line in the input. Columns count characters.
Status MalformedJson(std::string_view text, const Json::parse_error& error, size_t first_line) {
  // error.byte counts the bytes read, the offending one included.
  const size_t offset = std::min<size_t>(error.byte == 0 ? 0 : error.byte - 1, text.size());
  const std::string_view before = text.substr(0, offset);
  const size_t line =
      first_line + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
  const size_t line_start =
      before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const std::string_view head = before.substr(line_start);
  const size_t column = 1 + CountCharacters(head);
  return Status::Corruption("line " + std::to_string(line) + ": malformed JSON at column " +
                            std::to_string(column) + ": " + ParseErrorReason(error));
}

Status AddArticle(const Json& value, const std::string& where, std::optional<Shape> shape,
                  ArticleSink& sink) {
  Article article;
  Status status = ArticleFromAnyJson(value, &article, shape);
  if (!status.ok()) {
    return status.WithContext(where);
  }
  return sink.Add(std::move(article)).WithContext(where);
}

// The next line of `text` from *start, without its "\n"; advances *start past it.
std::string_view NextLine(std::string_view text, size_t* start) {
  const size_t end = std::min(text.find('\n', *start), text.size());
  std::string_view line = text.substr(*start, end - *start);
  *start = end + 1;
  return line;
}

bool IsBlank(std::string_view line) { return FirstNonSpace(line) == '\0'; }

// `first_line`: the number of text's first line in the whole input.
Status ImportLines(std::string_view text, std::optional<Shape> shape, ArticleSink& sink,
                   uint64_t first_line = 1) {
  uint64_t number = first_line - 1;
  for (size_t start = 0; start < text.size();) {
    const std::string_view line = NextLine(text, &start);
    ++number;
    if (IsBlank(line)) {
      continue;
    }
    Json value;
    try {
      value = Json::parse(line);
    } catch (const Json::parse_error& error) {
      return MalformedJson(line, error, number);
    } catch (const Json::out_of_range& error) {
      return Status::Corruption("line " + std::to_string(number) + ": " + OutOfRangeReason(error));
    }
    MORGUE_RETURN_IF_ERROR(AddArticle(value, "line " + std::to_string(number), shape, sink));
  }
  return Status::OK();
}

// True when the first non-blank line is a whole JSON object by itself: then a document
// that failed to parse as one value is JSON Lines, not a broken array or object.
bool StartsLikeJsonLines(std::string_view text) {
  for (size_t start = 0; start < text.size();) {
    const std::string_view line = NextLine(text, &start);
    if (!IsBlank(line)) {
      return FirstNonSpace(line) == '{' && Json::accept(line);
    }
  }
  return false;
}

Status ImportDocument(std::string_view text, std::optional<Shape> shape, ArticleSink& sink) {
  if (IsBlank(text)) {
    return Status::Corruption(
        "the input is empty; expected a JSON array of article objects or one article object");
  }
  Json document;
  try {
    document = Json::parse(text);
  } catch (const Json::parse_error& error) {
    if (StartsLikeJsonLines(text)) {
      return ImportLines(text, shape, sink);
    }
    return MalformedJson(text, error, 1);
  } catch (const Json::out_of_range& error) {
    return Status::Corruption(OutOfRangeReason(error));
  }
  if (document.is_object()) {
    return AddArticle(document, "record 1", shape, sink);
  }
  if (!document.is_array()) {
    return Status::Corruption(
        std::string("expected a JSON array of article objects or one article object, found ") +
        document.type_name());
  }
  for (size_t i = 0; i < document.size(); ++i) {
    MORGUE_RETURN_IF_ERROR(AddArticle(document[i], "record " + std::to_string(i + 1), shape, sink));
  }
  return Status::OK();
}

// Whether an input is read line by line: asked for as jsonl, or a JSON Lines file whose
// first character opens an object.
bool IsReadAsLines(std::string_view extension, std::string_view head, std::string_view format) {
  return format == "jsonl" ||
         (IsJsonLinesExtension(extension) && FirstNonSpace(WithoutBom(head)) == '{');
}

}  // namespace

bool JsonImporter::ReadsLineByLine(const ProbeInput& input, std::string_view format) const {
  if (format != "jsonl" && format != "json" && !ShapeForFormat(std::string(format))) return false;
  return IsReadAsLines(input.extension, input.head, format);
}

int JsonImporter::Probe(const ProbeInput& input) const {
  const char first = FirstNonSpace(WithoutBom(input.head));
  const bool object_or_array = first == '{' || first == '[';
  if (IsJsonLinesExtension(input.extension)) {
    return first == '{' ? kProbeCertain : kProbeNo;
  }
  if (input.own_extension) {  // .json
    return object_or_array ? kProbeCertain : kProbeNo;
  }
  if (input.extension.empty()) {
    return object_or_array ? kProbePlausible : kProbeNo;
  }
  return kProbeNo;
}

Status JsonImporter::Import(const ImportInput& input, ArticleSink& sink) {
  const std::string_view text = WithoutBom(input.bytes);
  try {
    // --format trafilatura (readability, newspaper) reads every record as that tool's;
    // json and jsonl tell the shapes apart record by record.
    const std::optional<Shape> shape = ShapeForFormat(input.format);
    if (input.format == "jsonl") {
      return ImportLines(text, shape, sink, input.first_line);
    }
    if (input.format != "json" && !input.format.empty() && !shape.has_value()) {
      return Status::InvalidArgument("unknown format '" + input.format +
                                     "'; the json plugin reads json, jsonl, trafilatura, "
                                     "readability, newspaper");
    }
    // A probed input always arrives as "json", the plugin's first format; a .jsonl file
    // is still read line by line so that messages count lines.
    // A later part of a large input (first_line > 1) was accepted as lines from the head
    // of the whole input, whatever its own first line holds.
    if (input.first_line > 1 || IsReadAsLines(input.extension, text, input.format)) {
      return ImportLines(text, shape, sink, input.first_line);
    }
    return ImportDocument(text, shape, sink);
  } catch (const Json::exception& error) {
    // Not expected: every value is type-checked before use.
    return Status::PluginFailed(error.what());
  }
}

}  // namespace morgue::json_plugin
