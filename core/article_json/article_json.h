// The mapping between morgue::Article and a "morgue JSON" article object, and its
// byte-exact writer. plugins/json/README.md documents every key.
//
// Part of morgue_article_json (core/article_json/), the article-JSON code shared by the
// json plugin (import, export) and the CLI (`show --json`), so that both speak one format
// and neither owns it. A static library linked into each; not part of libmorgue's SDK and
// not installed.
//
// Thread-safety: pure functions over their arguments.

#ifndef MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_
#define MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/archive.h"
#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue::article_json {

// Ordered, so that objects keep the documented key order on output and unknown keys are
// reported in the order the input has them.
using Json = nlohmann::ordered_json;

// The article keys, in the order they are written: "id, title, ..., body".
const std::vector<std::string_view>& ArticleKeys();

// ArticleKeys() joined with ", ", for messages.
std::string ArticleKeyList();

// Fills *article from one article object. Null or absent keys leave a field empty; the
// keys the archive derives (id, word_count, body_hash, added_at, documents) are ignored.
// On failure the message names the field, e.g. "field 'tags' must be an array, found
// string", without saying where in the input the object was: the caller adds that.
Status ArticleFromJson(const Json& object, Article* article);

// True for the keys ArticleFromJson accepts: the article keys and the derived keys it
// ignores (body_hash, added_at, documents).
bool IsAcceptedKey(std::string_view key);

// InvalidArgument naming the first of `keys` that is not an article key, and listing the
// valid ones; OK when all are known.
Status CheckKeys(const std::vector<std::string>& keys);

// The article as an object holding `keys` in that order, or every article key when
// `keys` is empty. Empty strings are written as null. Assumes CheckKeys(keys) is OK.
Json ArticleToJson(const Article& article, const std::vector<std::string>& keys);

// Appends `text` as a JSON string (RFC 8259), byte for byte as
// Json(text).dump(-1, ' ', false, Json::error_handler_t::replace) writes it: '"' and '\\'
// escaped, control characters as \b \t \n \f \r or \u00XX, valid UTF-8 as it is, and
// each maximal invalid UTF-8 sequence replaced by one U+FFFD.
void AppendJsonString(std::string_view text, std::string* out);

// Writes articles as ArticleToJson(article, keys).dump(indent, ' ', false,
// Json::error_handler_t::replace) would, byte for byte, straight into a string: the
// exporter's hot path, where building and dumping a Json value per article cost more
// than reading the article. indent < 0 writes one line. Assumes CheckKeys(keys) is OK.
class ArticleJsonWriter {
 public:
  ArticleJsonWriter(const std::vector<std::string>& keys, int indent);
  void Append(const Article& article, std::string* out) const;
  // The parts of an article the keys need.
  ArticleParts parts() const;

 private:
  std::vector<size_t> keys_;  // into the key table, each key once, in the order asked
  int indent_;
};

}  // namespace morgue::article_json

#endif  // MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_
