// What a page says about its article, gathered from every source the page offers before
// anything is decided: JSON-LD, <meta> tags, microformats, blog engine markup and the
// visible page furniture. Each value carries the rule that found it (the provenance
// name); article_builder.cc chooses among them in the documented order of trust.
//
// Thread-safety: pure functions over a document the caller owns.

#ifndef MORGUE_PLUGINS_HTML_METADATA_H_
#define MORGUE_PLUGINS_HTML_METADATA_H_

#include <string>
#include <vector>

#include "morgue/article.h"
#include "plugins/html/author_names.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {

// One value for a field and the rule that found it, e.g. {"2011-01-04", "blogger-date-header"}.
struct Candidate {
  std::string value;
  std::string rule;
};

struct NamesCandidate {
  std::vector<std::string> names;
  std::string rule;
};

struct ListCandidate {
  std::vector<std::string> values;
  std::string rule;
};

struct PageMetadata {
  std::vector<Candidate> titles;
  std::vector<Candidate> subtitles;
  std::vector<NamesCandidate> authors;
  std::vector<Candidate> published;  // as written; article_builder parses them
  std::vector<Candidate> updated;
  std::vector<Candidate> sites;  // publication or site names
  std::vector<Candidate> urls;   // the page's own address (canonical, og:url)
  std::vector<ListCandidate> tags;
  std::vector<Candidate> summaries;
  std::vector<Candidate> languages;
  std::vector<Media> media;  // images with captions named by metadata (JSON-LD)

  // Blog engine facts: whether the page is a blog post, and its account's names (the
  // poster when the post reposts someone else's article).
  bool is_blog = false;
  std::vector<NamesCandidate> posters;
  // Texts of the page's headings (h1-h4, entry titles) outside boilerplate, except a
  // site's logo (a heading that is a link to the home page), for cleaning <title>.
  std::vector<std::string> headings;
  // The h1s among them: the headlines the page shows.
  std::vector<std::string> main_headings;
  // What the headings of the comment section quote ("3 Kommentare zu „Headline“",
  // "One response to “Headline”"): the post's title, as the blog engine writes it.
  std::vector<std::string> comment_quoted_titles;
};

// Each adds what it finds to `meta`, in document order.
void ExtractJsonLd(Node* root, PageMetadata& meta);
void ExtractMetaTags(Node* root, PageMetadata& meta);
// Microformats, Blogger and WordPress markup, <time>, rel=author, <title>, lang.
void ExtractPageMarkup(Node* root, PageMetadata& meta);

// Dates the page shows or encodes outside its metadata (page_dates.cc): the date in the
// path of its own address ("url-path", or "url-month" for /2011/01/), the first date line
// near the headline and byline ("visible-date-line" when it says published or updated,
// "visible-date" when it says neither), and the <time datetime> ("time-element") or
// <abbr class="published"> ("abbr-published") of the <article> holding the headline.
// Runs after the others: it reads the titles and addresses they found.
void ExtractPageDates(Node* root, PageMetadata& meta);

// All of the above.
PageMetadata ExtractMetadata(Node* root);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_METADATA_H_
