// Search queries as people type them, made into queries SQLite FTS5 reads.
//
// FTS5's query syntax takes the hyphen of covid-19 for a column filter ("no such column:
// 19") and the punctuation of e-mail, don't, C++, U.S. or note: for syntax errors.
// SearchQueryToFts5 reads a query the way FTS5 does (barewords, "strings", AND, OR, NOT,
// NEAR(...), parentheses, column filters title: -title: {title body}:, ^, prefix* and +)
// and puts in double quotes each word that an FTS5 bareword cannot hold, so that FTS5 finds
// it as the phrase of its parts, split as the index's unicode61 tokenizer split the text:
// covid-19 becomes "covid-19", the phrase covid 19. Punctuation is not indexed, so C++
// finds the word C. Whatever FTS5 already read keeps its meaning.
//
// A word of Korean, Japanese or Chinese characters is also found within a longer run of
// them, as the phrase of its character pairs the index holds beside the text: 협정 becomes
// (협정 OR "협정"), 군사협정 (군사협정 OR "군사 사협 협정"), 협 (협 OR "협" *). Within
// NEAR(...) only the phrase; after ^ and beside + the word as written.
//
// Thread-safety: pure functions, safe to call from any thread.

#ifndef MORGUE_SEARCH_QUERY_H_
#define MORGUE_SEARCH_QUERY_H_

#include <string>
#include <string_view>

#include "morgue/export.h"
#include "morgue/status.h"

namespace morgue {

// The columns of the full-text index, the only names a column filter reads as one:
// "title, subtitle, body, authors, tags".
MORGUE_EXPORT std::string_view SearchColumnNames();

// The FTS5 query for `query`; empty when it has no words. A query that cannot be read even
// so (a double quote or a bracket left open, AND with nothing after it, a '*' before any
// word, ...) is InvalidArgument with a message of the form "<reason>; <what to write
// instead>", e.g. "'AND' needs words on both sides; to search for the word itself, put it
// in double quotes ("AND") or use --literal".
MORGUE_EXPORT Result<std::string> SearchQueryToFts5(std::string_view query);

}  // namespace morgue

#endif  // MORGUE_SEARCH_QUERY_H_
