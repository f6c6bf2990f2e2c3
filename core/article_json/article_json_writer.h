// The byte-exact JSON writer of morgue_article_json (core/article_json/, shared by the
// json plugin and the CLI; see article_json.h): articles and strings written straight
// into a std::string exactly as nlohmann's serializer writes the mapping's Json values,
// without building them. The json exporter's hot path, where building and dumping a Json
// value per article cost more than reading the article.
//
// Thread-safety: AppendJsonString is a pure function; an ArticleJsonWriter is immutable
// once made and may be shared.

#ifndef MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_WRITER_H_
#define MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_WRITER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/article_cursor.h"

namespace morgue::article_json {

// Appends `text` as a JSON string (RFC 8259), byte for byte as
// Json(text).dump(-1, ' ', false, Json::error_handler_t::replace) writes it: '"' and '\\'
// escaped, control characters as \b \t \n \f \r or \u00XX, valid UTF-8 as it is, and
// each maximal invalid UTF-8 sequence replaced by one U+FFFD.
void AppendJsonString(std::string_view text, std::string* out);

// Writes articles as ArticleToJson(article, keys).dump(indent, ' ', false,
// Json::error_handler_t::replace) would, byte for byte. indent < 0 writes one line.
// Assumes CheckKeys(keys) is OK.
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

#endif  // MORGUE_CORE_ARTICLE_JSON_ARTICLE_JSON_WRITER_H_
