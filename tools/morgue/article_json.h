// Articles as JSON objects for `--json` output. Field names match morgue::Article so a
// script can rely on one vocabulary across commands.

#ifndef MORGUE_TOOLS_MORGUE_ARTICLE_JSON_H_
#define MORGUE_TOOLS_MORGUE_ARTICLE_JSON_H_

#include <string>
#include <vector>

#include "morgue/article.h"
#include "output.h"

namespace morgue::cli {

// The names of the people who wrote the article, in byline order. Blog accounts that
// reposted it ("poster") are kept in the archive but never shown as authors.
std::vector<std::string> AuthorNames(const Article& article);

// The fields of one `morgue list --json` row: id, title, subtitle, authors (names),
// published, source, url, tags, word_count.
Json ArticleSummaryJson(const Article& article);

// Adds the article's story cluster to a row (--collapse): "cluster", the cluster's lowest
// article id, and "cluster_size", how many articles it has.
void AddStoryJson(const Article& article, Json* object);

// Every field as the json plugin writes it (nulls for empty values), plus body_hash and
// added_at (`morgue show --json`).
Json ArticleFullJson(const Article& article);

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_ARTICLE_JSON_H_
