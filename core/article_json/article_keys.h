// The keys of a "morgue JSON" article object: the one table that fixes them, their order
// and what each holds (plugins/json/README.md follows it). Read by both halves of
// morgue_article_json: the mapping (article_json.h) and the writer
// (article_json_writer.h); users of the library go through those two.
//
// Thread-safety: constant data.

#ifndef MORGUE_CORE_ARTICLE_JSON_ARTICLE_KEYS_H_
#define MORGUE_CORE_ARTICLE_JSON_ARTICLE_KEYS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue::article_json {

enum class Kind {
  kId,
  kText,
  kAuthors,
  kTags,
  kTagOrigins,
  kMedia,
  kWordCount,
  kProvenance,
  kPublishedSort,
  kCluster,
  kClusterSize,
  kSimilar,
  kRevision
};

struct KeySpec {
  std::string_view name;
  Kind kind;
  std::string Article::*text = nullptr;  // for Kind::kText
};

// The one place that fixes the keys and their order (plugins/json/README.md follows it).
// The first kDefaultKeys are written by default, the rest only when asked for with
// --fields.
inline constexpr size_t kDefaultKeys = 17;
inline constexpr std::array<KeySpec, 22> kKeys = {{
    {"id", Kind::kId},
    {"title", Kind::kText, &Article::title},
    {"subtitle", Kind::kText, &Article::subtitle},
    {"authors", Kind::kAuthors},
    {"published", Kind::kText, &Article::published},
    {"updated", Kind::kText, &Article::updated},
    {"source", Kind::kText, &Article::source},
    {"url", Kind::kText, &Article::url},
    {"canonical_url", Kind::kText, &Article::canonical_url},
    {"language", Kind::kText, &Article::language},
    {"summary", Kind::kText, &Article::summary},
    {"tags", Kind::kTags},
    // Where each tag came from: {"Japan": "page", "to-read": "user"}; "tags" stays as it
    // was, for readers that know nothing of origins.
    {"tag_origins", Kind::kTagOrigins},
    {"media", Kind::kMedia},
    {"word_count", Kind::kWordCount},
    {"provenance", Kind::kProvenance},
    {"body", Kind::kText, &Article::body},
    // Derived from published (see SortableDate); ignored on import.
    {"published_sort", Kind::kPublishedSort},
    // The story cluster (Article::cluster, cluster_size, similar); ignored on import.
    {"cluster", Kind::kCluster},
    {"cluster_size", Kind::kClusterSize},
    // The linked articles: [{"id": 12, "kind": "near", "similarity": 0.83}].
    {"similar", Kind::kSimilar},
    // Which revision of the article the values are (Article::revision); ignored on import.
    {"revision", Kind::kRevision},
}};

// Keys the archive derives that are not written by default, accepted on import so that
// output of other tools (or of `morgue show --json`) can be read back.
inline constexpr std::array<std::string_view, 5> kIgnoredKeys = {
    "body_hash", "added_at", "documents", "same_story", "revisions"};

// The entry of kKeys named `name`, or null.
inline const KeySpec* FindKey(std::string_view name) {
  for (const KeySpec& spec : kKeys) {
    if (spec.name == name) {
      return &spec;
    }
  }
  return nullptr;
}

}  // namespace morgue::article_json

#endif  // MORGUE_CORE_ARTICLE_JSON_ARTICLE_KEYS_H_
