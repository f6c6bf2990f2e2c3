// The article's headline, chosen among the titles a page offers: the headline it shows
// (its h1, the blog engine's entry title), its metadata titles (JSON-LD, og:title, Dublin
// Core...) and its <title>. Titles written for a browser tab or a share card carry the
// site's name or section ("Headline - Site", "Site | Headline", "Section: Headline");
// the headline the page shows usually does not, so when the shown headline and a
// metadata title agree the shown one wins, in its own typography (capitals included),
// and otherwise the site's part is cut off the most trusted metadata title. A <title>
// that is a page's only title gives way to its one h1 on the same subject, so do
// share-card titles to an h1 that says more than they do, and titles that only name the
// site give way to the page's first heading.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_TITLE_H_
#define MORGUE_PLUGINS_HTML_TITLE_H_

#include <string>
#include <string_view>

#include "plugins/html/metadata.h"

namespace morgue::html_plugin {

struct TitleChoice {
  std::string value;
  // The provenance rule: the winning source ("og:title"), or the shown headline and the
  // metadata title that agreed with it ("h1+og:title").
  std::string rule;
};

// The headline of the page `meta` describes, or an empty choice when it offers none.
TitleChoice ChooseTitle(const PageMetadata& meta);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_TITLE_H_
