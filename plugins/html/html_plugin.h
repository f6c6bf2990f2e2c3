// The html plugin: imports one news article or blog post from a saved web page.
// plugins/html/README.md describes what it reads and the order of trust of its sources.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_HTML_HTML_PLUGIN_H_
#define MORGUE_PLUGINS_HTML_HTML_PLUGIN_H_

#include "morgue/plugin.h"

namespace morgue::html_plugin {

class HtmlImporter final : public Importer {
 public:
  // .html/.htm/.xhtml: 100 when the head shows HTML markup (<html, <!doctype html, <head,
  // <body), 80 otherwise. Another or no extension with such markup: 60. Else 0.
  int Probe(const ProbeInput& input) const override;
  // Adds the page's one article, or fails with "no article found" when the page has no
  // article text (empty, only navigation, ...).
  Status Import(const ImportInput& input, ArticleSink& sink) override;
};

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_HTML_PLUGIN_H_
