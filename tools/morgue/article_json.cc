#include "article_json.h"

#include <string>
#include <vector>

#include "core/article_json/article_json.h"

namespace morgue::cli {

std::vector<std::string> AuthorNames(const Article& article) {
  std::vector<std::string> names;
  for (const Author& author : article.authors) {
    if (author.role != "poster") {
      names.push_back(author.name);
    }
  }
  return names;
}

Json ArticleSummaryJson(const Article& article) {
  return {
      {"id", article.id},
      {"title", article.title},
      {"subtitle", article.subtitle},
      {"authors", AuthorNames(article)},
      {"published", article.published},
      {"source", article.source},
      // The article's own address when known, else where it was found.
      {"url", article.canonical_url.empty() ? article.url : article.canonical_url},
      {"tags", article.tags},
      {"word_count", article.word_count},
  };
}

void AddStoryJson(const Article& article, Json* object) {
  (*object)["cluster"] = article.cluster;
  (*object)["cluster_size"] = article.cluster_size;
}

Json ArticleFullJson(const Article& article) {
  // The json plugin's format, so `show --json` and `export --format json` agree, plus what
  // only the archive knows.
  Json full = article_json::ArticleToJson(article, {});
  full["body_hash"] = article.body_hash.empty() ? Json() : Json(article.body_hash);
  full["added_at"] = article.added_at.empty() ? Json() : Json(article.added_at);
  return full;
}

}  // namespace morgue::cli
