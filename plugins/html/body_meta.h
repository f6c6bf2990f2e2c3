// Metadata written inside the article text: the repeated title, the deck, a photo
// caption and the byline at the top of a repost or a news page, the reporter's e-mail or
// byline at the end, credit lines ("From The Korea Times", "(Yonhap)", a repost's
// "Source: …, January 4, 2011. Original: …"), a stated date or "Posted : … | Updated : …"
// line, and a blog platform's interface strings at the end. They are taken out of
// the body and returned as metadata.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_BODY_META_H_
#define MORGUE_PLUGINS_HTML_BODY_META_H_

#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "plugins/html/content.h"

namespace morgue::html_plugin {

struct InBodyMeta {
  std::vector<Author> authors;  // from a byline line, with the e-mail when one is given
  std::string subtitle;         // a deck between the title and the byline
  std::string published;        // ISO 8601, from a short date line
  std::string credit;           // a publication credited in a line of its own
  std::string email;            // the reporter's e-mail
  std::string updated;          // ISO 8601, from a "Posted : … | Updated : …" line
  // A repost's credit line ("From The Korea Times, January 4, 2011. Original: …"): the
  // credited publication is in `credit`, the original's date here.
  bool repost_credit = false;
  std::string credit_published;
  std::vector<Media> captions;  // a photo caption with its credit above the byline
  bool repeated_title = false;
};

// Removes the leading and trailing metadata lines from `blocks` (never more than the
// first and last few) and returns what they said. `title` is the page's title, so a
// repeated title can be recognised; without one (a post's HTML alone), of two decks
// before the byline the one opening the text is taken as the headline repeated.
InBodyMeta TakeInBodyMetadata(std::vector<Block>& blocks, const std::string& title);

// Text folded for comparisons: lower-case ASCII, whitespace collapsed.
std::string FoldForCompare(const std::string& text);

// Words separated by spaces.
size_t WordCount(std::string_view text);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_BODY_META_H_
