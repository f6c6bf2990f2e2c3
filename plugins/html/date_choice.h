// Choosing an article's publication and update dates from everything the page says about
// them, checking the metadata (JSON-LD, <meta>, blog markup) against what the page shows
// (its date line, its article's <time>) and the date in its address. A wrong date is
// worse than none: when the sources disagree and none of them settles it, the date stays
// empty. Update dates never become the publication date.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_DATE_CHOICE_H_
#define MORGUE_PLUGINS_HTML_DATE_CHOICE_H_

#include <string>

#include "plugins/html/metadata.h"

namespace morgue::html_plugin {

struct ChosenDates {
  std::string published;  // ISO 8601, or empty
  std::string published_rule;
  std::string updated;  // ISO 8601, or empty; never the same as published
  std::string updated_rule;
};

// `in_body_date` is a date line found at the top of the article text (ISO 8601, or "").
ChosenDates ChooseArticleDates(const PageMetadata& meta, const std::string& in_body_date);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_DATE_CHOICE_H_
