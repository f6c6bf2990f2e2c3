// The mapping between morgue::Article and a "morgue JSON" article object, the format
// plugins/json/README.md documents key by key.
//
// Part of morgue_article_json (core/article_json/), the article-JSON code shared by the
// json plugin (import, export) and the CLI (`show --json`), so that both speak one format
// and neither owns it. A static library linked into each; not part of libmorgue's SDK and
// not installed. The exporter writes through ArticleJsonWriter (article_json_writer.h),
// which writes what ArticleToJson builds, byte for byte.
//
// Thread-safety: pure functions over their arguments.

#ifndef MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_
#define MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace morgue::article_json

#endif  // MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_H_
