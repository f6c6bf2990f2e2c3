// Articles whose strings are hard to write as JSON: quotes, backslashes, control
// characters and non-ASCII text, with some fields empty and some lists of several items.
// Shared by the JSON writer's tests (tests/core/article_json) and the json plugin's.
//
// Thread-safety: a pure function.

#ifndef MORGUE_TESTS_SUPPORT_ODD_ARTICLE_H_
#define MORGUE_TESTS_SUPPORT_ODD_ARTICLE_H_

#include <string>

#include "morgue/article.h"

namespace morgue::testing {

// Article number i: which fields are empty and how many authors, tags, media,
// provenance entries and story links it has vary with i (i % 3 of each); the links'
// similarities are numbers with long or short decimal forms.
inline Article OddArticle(int i) {
  Article a;
  a.id = i;
  a.title = i % 3 == 0 ? "" : "Title \"" + std::to_string(i) + "\"\t\x01 é";
  a.subtitle = i % 2 == 0 ? "" : "back\\slash";
  a.body = "Line\n\nline 서울 \x1f";
  a.url = "https://example.com/a?b=c&d=/e";
  a.word_count = i * 1000;
  for (int k = 0; k < i % 3; ++k) {
    a.authors.push_back({"Name " + std::to_string(k), k == 0 ? "" : "e@x", "author"});
    a.tags.push_back("tag\"" + std::to_string(k));
    a.media.push_back({"", "caption\n", k == 1 ? "" : "credit"});
    a.provenance["field" + std::to_string(k)] = k == 0 ? "" : "rule";
    a.similar.push_back({100 + k, k == 0 ? "copy" : "near", k == 0 ? 1.0 : 2.0 / 3});
  }
  a.cluster = i % 3 == 0 ? i : 100;
  a.cluster_size = 1 + i % 3;
  return a;
}

}  // namespace morgue::testing

#endif  // MORGUE_TESTS_SUPPORT_ODD_ARTICLE_H_
