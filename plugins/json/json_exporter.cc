#include <string>

#include "plugins/json/article_json.h"
#include "plugins/json/json_plugin.h"

namespace morgue::json_plugin {

Status JsonExporter::Export(ArticleCursor& articles, const ExportOptions& options, ByteSink& out) {
  const std::string& format = options.format;
  const bool lines = format == "jsonl";
  if (!lines && format != "json" && !format.empty()) {
    return Status::InvalidArgument("unknown format '" + format +
                                   "'; the json plugin writes json, jsonl");
  }
  MORGUE_RETURN_IF_ERROR(CheckKeys(options.fields));

  // UTF-8 as it is, not \u escapes; replace keeps a stray invalid byte from aborting a
  // long export (the archive validates UTF-8, so it should never happen).
  constexpr auto kReplace = Json::error_handler_t::replace;
  int64_t written = 0;
  std::string chunk;
  for (Article article; articles.Next(&article); article = Article()) {
    const Json object = ArticleToJson(article, options.fields);
    if (lines) {
      chunk = object.dump(-1, ' ', false, kReplace);
      chunk += '\n';
    } else {
      chunk = written == 0 ? "[\n" : ",\n";
      chunk += object.dump(2, ' ', false, kReplace);
    }
    MORGUE_RETURN_IF_ERROR(out.Write(chunk));
    ++written;
  }
  MORGUE_RETURN_IF_ERROR(articles.status());
  if (!lines) {
    MORGUE_RETURN_IF_ERROR(out.Write(written == 0 ? "[]\n" : "\n]\n"));
  }
  return Status::OK();
}

}  // namespace morgue::json_plugin
