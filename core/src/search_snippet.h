// The snippet of a search hit whose query or article holds Korean, Japanese or Chinese.
//
// FTS5's snippet() cuts its piece from the text the index read, which for such words may
// be the grams that follow the text (search_grams.h: "군사 사협 협정"); a person wants the
// sentence. So these snippets are cut from the article's own text: from the column with
// the most hits (body, title, deck), a window of about four characters per snippet token
// from a little before the first hit, each hit between the marks, "…" where the text goes
// on, runs of white space as one space.
//
// Thread-safety: pure function.

#ifndef MORGUE_CORE_SRC_SEARCH_SNIPPET_H_
#define MORGUE_CORE_SRC_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>

#include "morgue/archive.h"
#include "morgue/article.h"

namespace morgue {

// Whether FTS5's `snippet` (cut with `options`' marks) is a piece of the article's own
// text, and not of the grams the index reads after it.
bool SnippetShowsText(std::string_view snippet, const Article& article,
                      const SearchOptions& options);

// `query` as the user typed it: its CJK runs are found as written, its other words (not
// AND, OR, NOT, NEAR or a column's name) at the start of a word, ignoring ASCII case.
std::string CjkSnippet(const Article& article, std::string_view query,
                       const SearchOptions& options);

}  // namespace morgue

#endif  // MORGUE_CORE_SRC_SEARCH_SNIPPET_H_
