// ArticleCursor: the articles of a query, one at a time, as the archive hands them to an
// exporter (Archive::Select) and to programs; and ArticleParts, which of an article's parts
// a cursor reads.
//
// Part of the plugin contract (plugin.h): an exporter gets a cursor and nothing else of the
// archive, so this header needs only the article.
//
// Thread-safety: use a cursor from one thread; the Archive it came from must outlive it.

#ifndef MORGUE_ARTICLE_CURSOR_H_
#define MORGUE_ARTICLE_CURSOR_H_

#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue {

// The parts of an article the archive keeps in tables of their own, each costing a
// query to read. The article's own columns (title, body, dates, ...) are always read.
struct ArticleParts {
  bool authors = true;
  bool tags = true;
  bool media = true;
  bool provenance = true;
  bool story = true;  // Article::cluster, cluster_size and similar

  static ArticleParts None() { return {false, false, false, false, false}; }
  bool operator==(const ArticleParts&) const = default;
};

// Streams the articles of a query one at a time, in constant memory.
class ArticleCursor {
 public:
  virtual ~ArticleCursor() = default;
  // Fills *article with the next article and returns true; false at the end or on error
  // (then status() says which).
  virtual bool Next(Article* article) = 0;
  virtual Status status() const = 0;
  // Asks for only `parts` of the articles Next returns from now on; the parts left out
  // may come back empty. An exporter writing a few fields calls this before its first
  // Next so that the archive skips reading what it will not write. A cursor may fill
  // more than asked; by default it fills everything.
  virtual void SetParts(const ArticleParts& parts) { (void)parts; }
};

}  // namespace morgue

#endif  // MORGUE_ARTICLE_CURSOR_H_
