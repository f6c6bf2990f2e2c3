// Search grams: how the full-text index finds Korean, Japanese and Chinese words inside
// longer runs of text.
//
// FTS5's unicode61 tokenizer makes a whole run of CJK characters one token: "군사협정을"
// is one word, so "협정" finds nothing, and a Japanese or Chinese sentence without spaces
// is one word per sentence. The index therefore holds, after the text of the title, deck
// and body and a token no query asks for (U+E000), the text's grams (articles.*_grams,
// schema/0011_cjk_search.sql): each run of
// CJK characters written as its overlapping pairs, then its last character alone, which
// marks where the run ends ("군사협정을" → "군사 사협 협정 정을 을"). Words of other
// scripts are not repeated there, but letters and digits written against CJK characters in
// one word are ("Galaxy폰을" → "Galaxy 폰을 을"). Still plain unicode61 tokens, so any
// SQLite tool reads the index.
//
// A query's CJK words are looked for both ways: as the words the tokenizer made, and as
// the phrase of their pairs, which is found wherever the characters stand in that order
// within a run ("군사협정" → "군사 사협 협정"). Two characters are their one pair, which
// is also the word ("협정"); one character is every token that starts with it ("협" *,
// which the index's prefix index of one character answers at once).
//
// Thread-safety: pure functions.

#ifndef MORGUE_CORE_SRC_SEARCH_GRAMS_H_
#define MORGUE_CORE_SRC_SEARCH_GRAMS_H_

#include <string>
#include <string_view>

namespace morgue {

// The grams `text` is indexed with: "" when it has no CJK character.
std::string IndexGrams(std::string_view text);

// Whether `text` holds a CJK character.
bool HasCjkText(std::string_view text);

// Whether `text` holds a character the index makes words of (a letter or a digit of any
// script); punctuation alone ("&", "—", "·") makes none.
bool HasWordCharacter(std::string_view text);

// Where a query term stands, which decides what FTS5 syntax may replace it.
enum class TermPlace {
  kFree,    // on its own: it may become a bracketed expression
  kPhrase,  // within NEAR(...): it must stay one phrase
};

// The FTS5 text that finds the query term whose words are `text` (unquoted) and whose FTS5
// form is `fts5_term` (e.g. 협정 or "covid-19"), followed by '*' when `prefix`:
// `fts5_term` as it is when `text` has no CJK character; else the term or the phrase of its
// pairs, e.g. (협정을 OR "협정 정을"), (Galaxy폰 OR "Galaxy 폰" *), or only the phrase
// where it finds all the term would ("협정", "협" *). Words of other scripts
// beside them must appear too: "Samsung 갤럭시" → ("Samsung 갤럭시" OR ("갤럭시" AND
// "Samsung")); where only a phrase may stand (kPhrase), such a term is left as it is.
std::string CjkQueryTerm(std::string_view text, std::string_view fts5_term, bool prefix,
                         TermPlace place);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_SEARCH_GRAMS_H_
