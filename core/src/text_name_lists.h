// Cleaning a names field and cutting it into names, for the byline rules
// (text_bylines.cc): other contributors and photo credits, handles, quotes, co-author
// clauses, home pages, e-mail addresses, invisible marks, a trailing date or time; the
// separators between names in the languages bylines are written in, and which pieces of
// a list are an affiliation rather than people. Internal to libmorgue.
//
// Thread-safety: pure functions; an AffiliationTracker belongs to one caller.

#ifndef MORGUE_CORE_SRC_TEXT_NAME_LISTS_H_
#define MORGUE_CORE_SRC_TEXT_NAME_LISTS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::internal {

// "Written by X Edited by Y", "By X Photographs by Y": the people after the first are
// not the article's authors. Cuts `text` before such a clause.
// The same in the other languages: "Text: X, Fotos: Y", "Par X, photos Y", "Texto: X /
// Fotografía: Y", "Tekst: X, foto: Y".
void CutOtherContributors(std::string* text);

// A photo or image credit line ("Fotos: X", "Photo by X", "Bild: X", "Фото: X"): it names
// who took the pictures, never who wrote the article.
bool IsPhotoCredit(std::string_view text);

// "Gustavo Ledezma @gledezma": a social-media handle shown with a name is not part of
// it. Only when words other than handles remain.
void RemoveHandles(std::string* text);

// Quotes around a whole names field ("'Jane Doe, John Roe'", "«Jane Doe»").
void StripQuotes(std::string* text);

// "Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Jane Doe (with John Roe)":
// co-authors credited in brackets join the list as if written "X, Y et Z".
void UnwrapCoauthorClause(std::string* text);

// "Bradley M. Kuhn (http://ebb.org/bkuhn/)": a home page in brackets after a name.
void RemoveBracketedUrls(std::string* text);

// One name of a names list and what separated it from the previous one ("" for the
// first).
struct NamePiece {
  std::string text;
  std::string separator;
};

// Splits a names list on ",", ";", " / ", " & ", "·", "、", " 및 " and the word "and" in
// the languages bylines are written in ("und", "et", "y", "e", "och", "og", "i", "a",
// "ve", "и", "і"); ", and" (the serial comma) is one separator. The Dutch "en" is Spanish
// for "in" ("X en Madrid"), so only a "Door" byline splits on it (ParseByline).
std::vector<NamePiece> SplitNamePieces(std::string_view text);

// SplitNamePieces without the separators.
std::vector<std::string> SplitNameList(std::string_view text);

// Decides, piece by piece, which pieces of a names list are the organisation a person
// works for rather than people: after a job title ("X, Technologist, ACLU Speech,
// Privacy, and Technology Project") the comma-separated rest is the affiliation, until
// a ";" or "and", or a piece that is itself followed by a job title ("A, Staff Writer,
// B, Staff Writer").
class AffiliationTracker {
 public:
  explicit AffiliationTracker(const std::vector<NamePiece>& pieces) : pieces_(pieces) {}

  // Whether pieces_[i] is part of an affiliation and should be skipped.
  bool Skip(size_t i);

  // Called after pieces_[i] turned out to be a job title of its own (", Staff Writer").
  void TitleSeen() { in_affiliation_ = true; }

 private:
  static bool HasTitleNounText(const std::string& text);
  const std::vector<NamePiece>& pieces_;
  bool in_affiliation_ = false;
};

// "Joshua Sokol May 20, 2019", "Sarah Archer 1:39 PM ET", "Aleš Vávra před 2 hodinami":
// byline elements often say when along with who. Cuts the text at its first date or
// number and drops the words that lead up to it; unless fewer than two words remain, as
// a name has. Text holding an e-mail address is left alone (addresses have digits). True
// when something was cut.
bool StripTrailingWhen(std::string* text);

// Removes the e-mail address and what wraps it ("(x@y.com)", "<mailto:x@y.com>",
// "E-mail: x@y.com") from `piece`; returns the address, lower-cased, or "".
std::string TakeEmail(std::string* piece);

// TakeEmail for every address in `text`, the addresses dropped.
void RemoveEmails(std::string* text);

// Characters a reader never sees: the soft hyphens of hyphenated text (a name set as
// "Ma|thi|as" with U+00AD at the bars), zero-width (non-)joiners, the word joiner and a
// stray byte order mark. A name is kept as the reader sees it.
void RemoveInvisibleMarks(std::string* text);

// "---- by X", "— Von X", "– Par X": a dash or a bullet set before a byline.
void StripLeadingDashes(std::string* text);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_TEXT_NAME_LISTS_H_
