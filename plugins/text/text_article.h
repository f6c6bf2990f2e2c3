// The parts of a news article or blog repost saved as plain text: date line, title, photo
// caption with credit, deck, byline, body, reporter's e-mail, and the blog's footer to
// drop. plugins/text/README.md describes the rules; each field the parser fills is
// recorded in Article::provenance with the rule's name.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_TEXT_TEXT_ARTICLE_H_
#define MORGUE_PLUGINS_TEXT_TEXT_ARTICLE_H_

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue::text_plugin {

// Reads one article from `text`: UTF-8 with "\n" line ends. Fields the text does not
// show stay empty; an input with no words at all gives an article with neither title
// nor body.
Article ParseTextArticle(std::string_view text);

// The language of `text` when its script makes it obvious: "ko" for mostly Hangul, "ja"
// for Japanese kana with kanji, "zh" for Han characters alone, "en" for mostly ASCII
// letters with common English words; "" otherwise.
std::string GuessLanguage(std::string_view text);

}  // namespace morgue::text_plugin

#endif  // MORGUE_PLUGINS_TEXT_TEXT_ARTICLE_H_
