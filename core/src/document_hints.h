// What a container knows about a document it holds (morgue/container.h), as the import
// applies it: the hints become an Article whose fields fill only the empty fields of the
// articles the document's importer made, so that what a page states always wins.
//
// Thread-safety: free functions on values.

#ifndef MORGUE_CORE_SRC_DOCUMENT_HINTS_H_
#define MORGUE_CORE_SRC_DOCUMENT_HINTS_H_

#include <string>

#include "morgue/article.h"
#include "morgue/container.h"

namespace morgue {

// The hints of `item` as an article: its fields are the hints' (the capture date is not
// an article field: it is kept with the original), and its provenance the item's
// provenance, which is set on every article whatever it holds.
Article HintsArticle(const ContainerItem& item);

// Fills each empty field of `article` from `hints` (HintsArticle's), recording `origin` as
// that field's provenance: title, summary, language, url, published, updated, source;
// authors by role (the posters of the hints when the article has no poster, its authors
// when it has no author); tags and media when it has none. Then sets the hints' provenance.
void ApplyHints(const Article& hints, const std::string& origin, Article& article);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_DOCUMENT_HINTS_H_
