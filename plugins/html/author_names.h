// Names of people as pages give them, and what is not a person: a site's own name, a
// domain, a CMS login. Used by the extractors (metadata.h) and by article_builder.cc to
// decide which candidate names an article's authors.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_AUTHOR_NAMES_H_
#define MORGUE_PLUGINS_HTML_AUTHOR_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace morgue::html_plugin {

// A CMS account or a domain rather than a person's name as written: one token with no
// capital letter that holds a dot, an underscore, a hyphen or a digit
// ("maria.del.campo", "jan-ole", "user_42"), a long run of lower-case letters
// ("petermustermann", "wordpressadmin"), an administrator account ("admin",
// "webmaster"), or a host name ("noticias24.cl", "MonJournal.com").
bool IsAccountOrDomain(std::string_view name);

// Whether a name is a company's or an association's: it ends in a legal form ("GmbH",
// "AG", "SE", "e.V.", "Inc.", "Ltd", "LLC", "S.A.", "B.V."...), as written.
bool IsOrganisationName(std::string_view name);

// Letters and digits only, lower-cased (ASCII): "El Diario" and "eldiario.example"'s
// "eldiario" fold alike.
std::string FoldName(std::string_view text);

// Whether a line opens with a word that introduces a byline ("Von", "By", "Par",
// "Autor:", "Text:", "记者") or ends with a reporter's title ("기자", "記者"). A line of
// bare names could be anything (a place, a product, a heading); such a line is a byline.
bool SaysByline(const std::string& line);

// The names a page's own names field or byline element gives: a byline ("By X and Y",
// ParseByline), a names list (SplitAuthorNames), or else, when short and free of
// addresses, numbers and slashes, the text as one name without a leading "By"/"Von"/
// "Autor:" ("Mac & i", "BBC News", "Staff Writer": the page's own statement of who
// wrote it). Leftover entities are decoded first; a photo credit names no one.
std::vector<std::string> NamesFromText(const std::string& text);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_AUTHOR_NAMES_H_
