// Records in the JSON shapes of the extractors users already run — trafilatura's JSON
// output, Mozilla Readability's article object, newspaper3k/newspaper4k article objects —
// told apart from morgue JSON record by record and mapped onto morgue::Article.
// plugins/json/README.md ("Importing what other tools produce") has the mapping tables.
//
// Thread-safety: pure functions over their arguments.

#ifndef MORGUE_PLUGINS_JSON_FOREIGN_JSON_H_
#define MORGUE_PLUGINS_JSON_FOREIGN_JSON_H_

#include <optional>
#include <string_view>

#include "core/article_json/article_json.h"
#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue::json_plugin {

// The JSON values of the article mapping, whose key order the plugin keeps.
using article_json::Json;

enum class Shape { kMorgue, kTrafilatura, kReadability, kNewspaper };

// The shape of one record. An object holding only morgue's own keys is morgue JSON;
// otherwise "textContent" or "byline" mean Readability, "text" with "sitename",
// "source-hostname", "hostname" or "fingerprint" means trafilatura, and "authors" with
// "publish_date" or "text" means newspaper. Anything else (and any non-object) is morgue
// JSON, so that its strict checks report what is wrong.
Shape DetectShape(const Json& value);

// "morgue", "trafilatura", "readability", "newspaper".
std::string_view ShapeName(Shape shape);

// The shape a format name asks for: "trafilatura", "readability", "newspaper"; none for
// "json" and "jsonl", whose records are told apart one by one.
std::optional<Shape> ShapeForFormat(std::string_view format);

// Fills *article from a record of `shape`, or of the shape DetectShape finds when none is
// given. Messages name the field as the input spells it ("field 'author' must be a
// string, found array"), without the record's location.
Status ArticleFromAnyJson(const Json& value, Article* article,
                          std::optional<Shape> shape = std::nullopt);

}  // namespace morgue::json_plugin

#endif  // MORGUE_PLUGINS_JSON_FOREIGN_JSON_H_
