// Boilerplate inside the article: what the Readability pass keeps because it sits inside
// the chosen container, but a reader skips — share and newsletter boxes, "related" and
// teaser lists, "Read more: <link>" lines, headings left with nothing under them. Rules
// read class/id words (in several languages), link density and position, never a
// site's own names.
//
// Thread-safety: pure functions over a tree (or blocks) the caller owns.

#ifndef MORGUE_PLUGINS_HTML_BOILERPLATE_H_
#define MORGUE_PLUGINS_HTML_BOILERPLATE_H_

#include <vector>

#include "plugins/html/content.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {

// Whether the class or id of `node` names it furniture or a pointer box, as below.
bool NamedFurniture(const Node* node);

// Removes, under the article's roots, the boxes whose class or id names them furniture
// (share, social, newsletter, cookie, comment, related, teaser, "lesen-sie-auch"...),
// unless a box holds a large part of the article's text.
void RemoveFurnitureBoxes(const std::vector<Node*>& roots);

// Removes, under the article's roots, the paragraphs that point elsewhere: a short
// label and a colon before a link that is most of the line ("Read more: ...",
// "Lea también: ...", "Lesen Sie auch: ..."), or a paragraph that is one link of a
// headline's length (a teaser).
void RemoveReadAlsoLines(const std::vector<Node*>& roots);

// Removes, at the end of the article's roots (no text after them), lists of links introduced by a
// heading or a line ending in ':' ("Mehr zum Thema", "Lesen Sie auch:"), with their introduction.
void RemoveLinkLists(const std::vector<Node*>& roots);

// The lead paragraph set apart just before the article's roots (a "lead", "intro",
// "excerpt", "chapo", "vorspann"... box among the elements before the first root or
// its near ancestors), or nullptr: the start of the article, which Readability leaves.
Node* FindLead(const std::vector<Node*>& roots);

// Drops the short lines that close the article asking the reader to subscribe, follow
// the site, download its app or join its channel, or claiming its rights; and such a
// line among the article's last few even when a credit or a link follows it.
void DropTrailingCallsToAction(std::vector<Block>& blocks);

// Drops the short lines of the page's own labels left in the text: "Tags: ...",
// "Kategorie: ...", "Aufrufe: ...", "Etiquetas: ..." (date and byline lines are the
// in-body metadata reader's).
void DropMetadataLines(std::vector<Block>& blocks);

// Drops the short lines that open the article marking it as advertising ("Werbung",
// "Anzeige, enthält Affiliate Links", "Sponsored").
void DropLeadingDisclosures(std::vector<Block>& blocks);

// Drops the contact details that close a press release or a post: a "Kontakt",
// "Pressekontakt", "Contact", "Contacto"... label and the short lines after it to the
// end, when they give an e-mail address or a phone number.
void DropContactSections(std::vector<Block>& blocks);

// Drops the readers' comments left at the end of the article: from a heading that is only
// "Kommentare", "Comments", "Comentarios"... (with or without their count), after the
// article's text, to the end.
void DropCommentSections(std::vector<Block>& blocks);

// Drops the lines that are only a label introducing links to other pages ("Zum
// Weiterlesen", "Auch interessant", "Related", "Lea también"...), wherever the links
// were.
void DropPointerLabels(std::vector<Block>& blocks);

// Drops the short lines of the page's own controls left in the text: "« Zurück zur
// Übersicht", "Back to top", "Lade weitere Inhalte", "Kommentare geschlossen", "Valora
// esta noticia"...
void DropControlLines(std::vector<Block>& blocks);

// Drops headings and lead-in lines ending in ':' that nothing follows before the next
// heading or the end: what introduced a list that was removed as furniture.
void DropDanglingHeadings(std::vector<Block>& blocks);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_BOILERPLATE_H_
