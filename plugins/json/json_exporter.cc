#include <string>
#include <vector>

#include "core/article_json/article_json.h"
#include "core/article_json/article_json_writer.h"
#include "core/article_json/article_keys.h"
#include "plugins/json/json_plugin.h"

namespace morgue::json_plugin {

Status JsonExporter::Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) {
  const std::string& format = options.format;
  const bool lines = format == "jsonl";
  if (!lines && format != "json" && !format.empty()) {
    return Status::InvalidArgument("unknown format '" + format +
                                   "'; the json plugin writes json, jsonl");
  }
  MORGUE_RETURN_IF_ERROR(article_json::CheckKeys(options.fields));
  std::vector<std::string> keys = options.fields;
  if (keys.empty() && options.every_revision) {
    // The default keys, and which revision each object is.
    for (size_t i = 0; i < article_json::kDefaultKeys; ++i) {
      keys.emplace_back(article_json::kKeys[i].name);
    }
    keys.emplace_back("revision");
  }

  // UTF-8 as it is, not \u escapes; a stray invalid byte becomes U+FFFD rather than
  // aborting a long export (the archive validates UTF-8, so it should never happen).
  const article_json::ArticleJsonWriter writer(keys, lines ? -1 : 2);
  articles.SetParts(writer.parts());
  // Articles are gathered into writes of about kWriteSize bytes: one write per article
  // cost more than making the JSON.
  constexpr size_t kWriteSize = 1 << 16;
  int64_t written = 0;
  std::string chunk;
  for (Article article; articles.Next(&article); article = Article()) {
    if (!lines) chunk += written == 0 ? "[\n" : ",\n";
    writer.Append(article, &chunk);
    if (lines) chunk += '\n';
    if (chunk.size() >= kWriteSize) {
      MORGUE_RETURN_IF_ERROR(out.Write(chunk));
      chunk.clear();
    }
    ++written;
  }
  MORGUE_RETURN_IF_ERROR(articles.status());
  if (!lines) chunk += written == 0 ? "[]\n" : "\n]\n";
  return chunk.empty() ? Status::OK() : out.Write(chunk);
}

}  // namespace morgue::json_plugin
