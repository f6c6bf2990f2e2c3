// Deciding an article's fields from everything a page offers (PageMetadata), its main
// content (Content) and the metadata written inside the body (InBodyMeta), in the order
// of trust documented in plugins/html/README.md, with each field's provenance.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_ARTICLE_BUILDER_H_
#define MORGUE_PLUGINS_HTML_ARTICLE_BUILDER_H_

#include "morgue/article.h"
#include "morgue/status.h"
#include "plugins/html/content.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {

// The article of a page; Corruption "no article found" when the page has no article
// text (the input holds nothing to import, as for any importer).
Result<Article> BuildArticle(const PageMetadata& meta, Content content);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_ARTICLE_BUILDER_H_
