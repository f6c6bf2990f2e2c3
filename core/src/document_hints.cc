// A container's hints applied to the articles of a document it holds (document_hints.h).

#include "document_hints.h"

#include <algorithm>
#include <set>
#include <utility>

namespace morgue {

Article HintsArticle(const ContainerItem& item) {
  const DocumentHints& hints = item.hints;
  Article article;
  article.title = hints.title;
  article.summary = hints.summary;
  article.language = hints.language;
  article.url = hints.url;
  article.published = hints.published;
  article.updated = hints.updated;
  article.source = hints.source;
  article.authors = hints.authors;
  article.tags = hints.tags;
  article.media = hints.media;
  article.provenance = item.provenance;
  return article;
}

void ApplyHints(const Article& hints, const std::string& origin, Article& article) {
  const auto fill = [&](const char* field, std::string Article::*member) {
    if (!(article.*member).empty() || (hints.*member).empty()) return;
    article.*member = hints.*member;
    if (!origin.empty()) article.provenance[field] = origin;
  };
  fill("title", &Article::title);
  fill("summary", &Article::summary);
  fill("language", &Article::language);
  fill("url", &Article::url);
  fill("published", &Article::published);
  fill("updated", &Article::updated);
  fill("source", &Article::source);

  // A role the article names nobody in takes the hints' people of that role: a page's
  // byline wins over a feed's author, and a blog account that posted it is still kept.
  std::set<std::string> roles_named;
  for (const Author& author : article.authors) roles_named.insert(author.role);
  bool added = false;
  for (const Author& author : hints.authors) {
    if (author.name.empty() || roles_named.count(author.role) != 0) continue;
    article.authors.push_back(author);
    added = true;
  }
  if (added && !origin.empty()) article.provenance["authors"] = origin;

  if (article.tags.empty() && !hints.tags.empty()) {
    article.tags = hints.tags;
    if (!origin.empty()) article.provenance["tags"] = origin;
  }
  // The page's own pictures win; a feed's media:content stands in when it shows none.
  if (article.media.empty() && !hints.media.empty()) {
    article.media = hints.media;
    if (!origin.empty()) article.provenance["media"] = origin;
  }
  for (const auto& [field, rule] : hints.provenance) article.provenance[field] = rule;
}

}  // namespace morgue
