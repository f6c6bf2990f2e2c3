// Text helpers for importers: the rules that turn what real pages and saved articles say
// into morgue's fields. Built-in importers use them and so can any third-party plugin, so
// that every importer reads "Tuesday, January 4, 2011" or "By Lee Tae-hoon" the same way.
//
// All functions take and return UTF-8 (except DecodeToUtf8, which makes it) and never
// throw. Thread-safety: pure functions, safe to call from any thread.

#ifndef MORGUE_TEXT_H_
#define MORGUE_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"
#include "morgue/export.h"
#include "morgue/status.h"

namespace morgue {

// ---- Dates ------------------------------------------------------------------------------

// Turns a date as written on news pages and blogs into ISO 8601, keeping the time and the
// offset when the text has them: "Tuesday, January 4, 2011" and "Jan. 4, 2011" and
// "4 January 2011" give "2011-01-04"; "2011-01-04T19:42:00+09:00" stays as it is;
// RFC 822 "Tue, 04 Jan 2011 10:42:00 GMT" gives "2011-01-04T10:42:00Z"; "2011년 1월 4일",
// "2011年1月4日", "2011.01.04", "2011. 1. 4.", "2011/01/04" give "2011-01-04"; "January 4,
// 2011 at 7:42 PM" gives "2011-01-04T19:42".
// Month names, their abbreviations and inflected forms are read in English, German,
// French, Spanish, Italian, Portuguese, Dutch, Danish, Norwegian, Swedish, Polish, Czech,
// Russian, Ukrainian and Turkish, in either case: "4. Januar 2011", "4 janvier 2011",
// "1er janv. 2011", "4 de enero de 2011", "4 gennaio 2011", "4 de janeiro de 2011",
// "4 januari 2011", "4. januar 2011", "4 stycznia 2011", "4. ledna 2011", "4 января
// 2011 г.", "4 січня 2011", "4 Ocak 2011", "Dez. 4, 2011". Dotted numeric dates are
// day-first ("04.01.2011" is 4 January), as every language that writes them means;
// "04.01.11" and "4.01.11" (the month and year with two digits each) are 4 January 2011.
// "12:00 A. M." is midnight, as "12:00 a.m." is.
// Surrounding words are allowed, up to four (longer text is a sentence that mentions a
// date); weekday names and the words of a date line do not count: "Posted on",
// "Updated:", "Veröffentlicht am ... um 14:30 Uhr", "Publié le", "Publicado el",
// "Pubblicato il", "Опубликовано", "Stand:", "Aktualisiert", "입력", "등록 :", "発行",
// "发布时间：". Zones GMT/UT/UTC/Z, the US zones EST...PDT and KST/JST become offsets.
// Returns the first date of the text, or an empty string when the text holds no full date,
// an impossible one (February 30), or only a numeric date whose day and month could be
// swapped ("04/01/2011" with slashes: never guessed).
MORGUE_EXPORT std::string ParseDate(std::string_view text);

// The dates of a date line, told apart by the words that name them, each as ParseDate
// reads it: "Veröffentlicht am 04.01.2011, aktualisiert am 05.01.2011" gives published
// 2011-01-04 and updated 2011-01-05. A date follows the word before it; in Chinese,
// Japanese and Korean lines also the word after it ("2011年1月4日 更新").
struct DateLine {
  std::string published;   // "Published", "Veröffentlicht", "Publié", "Publicado",
                           // "Опубликовано", "입력", "発行", "发布时间"...
  std::string updated;     // "Updated", "Aktualisiert", "Mis à jour", "Actualizado",
                           // "Обновлено", "수정", "更新"...
  std::string unlabelled;  // the first date named by neither (or by "Stand:", the state
                           // the page shows, often its last change)
};
MORGUE_EXPORT DateLine ParseDateLine(std::string_view line);

// ---- Bylines ----------------------------------------------------------------------------

struct Byline {
  std::vector<Author> authors;  // role "author", e-mail when the byline has one
  std::string source;           // a publication named in the byline: "X | Yonhap" → "Yonhap"
};

// Parses a byline line: "By Lee Tae-hoon", "By X and Y", "By X, Y and Z", "X, Staff
// Reporter", "X | Yonhap", "By X (x@example.com)", "X 기자", "Posted by X", and the same
// in other languages: "Von X und Y", "Verfasst von X", "Autor: X", "Autorin: X", "Text:
// X", "Text und Interview: X", "Par X et Y", "Auteur : X", "Por X y Y", "Escrito por X",
// "Di X e Y", "A cura di X", "Door X en Y", "Av X och Y", "Af X og Y", "Autorka: X",
// "Napisał X", "Автор: X", "Yazar: X", "X記者", "记者 X Y" (Chinese names separated by
// spaces), "文/X", "作者：X", "글 X". Names are kept as written (accents, capitals).
// "von", "di", "av", "af", "door" and a label without its colon ("Autor X") count as a
// prefix only before a name of two words or more ("Von Trapp" is a name). Job titles
// ("Staff Writer", "Redakteurin", "Correspondent", "기자") are stripped, and so are a desk
// after a name ("X, Redaktion"), a "@handle", quotes around the whole field, the
// organisation after a title ("By X, Technologist, ACLU" → X), a degree ("X, MA"), a
// date or time shown with the names ("By X May 20, 2019", "X | Stand: 4.1.2022") and
// an "Edited by ...", "Fotos: ...", "Übersetzung ..." clause. Returns nullopt when the
// line is not a byline (a sentence, more than four names as in a sidebar, a bare date,
// a photo credit such as "Fotos: X" or "Photo by X"), and for bare names with nothing
// saying "byline" (no prefix, title, source or e-mail).
MORGUE_EXPORT std::optional<Byline> ParseByline(std::string_view line);

// Splits a names field found in metadata ("X, Y and Z", "X; Y", "X & Y", "X / Y", "X und
// Y", "X et Y", "X y Y", "X e Y", "X och Y", "X i Y", "X и Y") into names, with job titles
// (and the organisation after one), a desk ("X, Redaktion"), degrees, e-mail addresses,
// "@handles", quotes around the field, a bracketed home page, a trailing date or time and
// a leading "By", "Von", "Par", "Autor:"... removed; names keep their spelling. "Smith,
// John" and "Jong, Michiel de" stay one name. Returns nothing for text that does not look
// like names, names more than four, or a photo credit ("Foto: X").
MORGUE_EXPORT std::vector<std::string> SplitAuthorNames(std::string_view names);

// ---- Tags -------------------------------------------------------------------------------

// The tags a page gives, as an importer found them (a keywords field, labels, categories),
// made into the tags morgue stores: character references decoded ("Privacy &amp;
// Technology" is "Privacy & Technology"); a list given as one text (a single item) split
// at commas and semicolons (also "，" "；" "、", and at spaces between Chinese or Japanese
// keywords), while an item of a longer list is split only at a comma with no space after
// it ("Oceans,Whales"; "Mayer, Marissa" stays whole); a hashtag's "#" and quotes around a
// tag dropped; whitespace folded. Machine tokens are dropped: key:value and key=value
// ("Lite:true"; from "Tag:Nodejs" the value is kept), flags ("true"), words joined by
// underscores ("LOCKED_POST_SOURCE_NONE"), numbers, ids and hashes, URLs; so are pieces
// longer than 80 characters or without a letter or digit. Tags that differ only in ASCII
// case or spacing ("GooglePlay", "Google Play") are kept once, the first spelling. The
// archive stores an importer's tags as given: an importer of web pages calls this itself.
MORGUE_EXPORT std::vector<std::string> CleanTags(const std::vector<std::string>& tags);

// As CleanTags, for tags that come one per item already (a page's article:tag, one label
// link each): a list of one is that one tag ("Washington, D.C."), not a list to split; only
// a comma with no space after it still splits an item.
MORGUE_EXPORT std::vector<std::string> CleanEachTag(const std::vector<std::string>& tags);

// ---- Captions, e-mail, credits -------------------------------------------------------------

struct CaptionCredit {
  std::string caption;
  std::string credit;
};

// Splits a photo caption from its credit: "... Tuesday. / Xinhua-Yonhap", "... (Reuters)",
// "... Photo: AP", "... [Yonhap]", "... Photo by Jane Doe". Without a credit the whole
// text is the caption.
MORGUE_EXPORT CaptionCredit SplitCaptionCredit(std::string_view text);

// The first e-mail address in `text`, lower-cased, or "".
MORGUE_EXPORT std::string FindEmail(std::string_view text);

// ---- Encodings --------------------------------------------------------------------------

struct DecodedText {
  std::string text;     // UTF-8, never starting with a byte order mark (not even a repeated one)
  std::string charset;  // the converter used: "UTF-8", "WINDOWS-1252", "CP949" (for EUC-KR)
};

// Converts bytes to UTF-8. A byte order mark decides first, then `declared` (a meta
// charset or an HTTP header; ignored when the bytes contradict it), then detection
// (uchardet). Text that is valid UTF-8 stays as it is. Legacy names are read as their
// supersets, as browsers do: ISO-8859-1 as Windows-1252, EUC-KR as CP949, Shift_JIS as
// CP932, GB2312/GBK as GB18030. Bytes that cannot be converted become U+FFFD, so the
// result is always valid UTF-8. Fails only when no converter for the charset exists.
MORGUE_EXPORT Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                               std::string_view declared = "");

// Folds runs of whitespace (including no-break and other Unicode spaces) to one space
// and trims both ends.
MORGUE_EXPORT std::string CollapseWhitespace(std::string_view text);

// True when `text` is well-formed UTF-8: no overlong forms, surrogates or code points past
// U+10FFFF. What the archive accepts as text. Quick on long ASCII runs (markup): they are
// read 8 bytes at a time.
MORGUE_EXPORT bool IsValidUtf8(std::string_view text);

// ---- ASCII case ---------------------------------------------------------------------------

// 'A'-'Z' as 'a'-'z'; every other byte as it is, whatever the C locale (under a Turkish one
// std::tolower may turn 'I' into a dotless i). For names, extensions, markup and keywords.
constexpr char LowerAscii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with its ASCII letters lower-cased; non-ASCII bytes (UTF-8 or not) untouched.
inline std::string LowerAscii(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    c = LowerAscii(c);
  }
  return lower;
}

}  // namespace morgue

#endif  // MORGUE_TEXT_H_
