// Text helpers for importers, about whole lines of a saved article: the credit line of a
// repost ("From The Korea Times, January 4, 2011. Original: koreatimes.co.kr"), a news
// page's "Posted : … | Updated : …" line, the strings of a blog platform's interface
// ("댓글 쓰기", "コメント(0)") and whether lines split by single line breaks are
// paragraphs. The html and text importers use them, and so can any third-party plugin.
//
// All functions take UTF-8 and never throw. Thread-safety: pure functions, safe to call
// from any thread.

#ifndef MORGUE_TEXT_LINES_H_
#define MORGUE_TEXT_LINES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/export.h"

namespace morgue {

// What a repost's credit line says about the original article.
struct RepostCredit {
  std::string source;     // the credited publication (the directory's name when it knows it)
  std::string published;  // the original's date, ISO 8601 as ParseDate gives it; may be ""
  std::string link;       // the original's address or domain as written; may be ""
};

// Reads a credit line that names where a reposted article first appeared: a lead ("From",
// "Source:", "Via", "Quelle:", "Source :", "Fuente:", "Fonte:", "Bron:", "Источник:",
// "출처:", "原文:", "出典:", "来源:"), the publication, and its date and/or a link to the
// original ("Original: koreatimes.co.kr", "http://…"). A publication the directory knows
// needs a date or a link with it; an unknown name needs both, so that a sentence starting
// "From Monday, January 3, …" is never a credit. Returns nullopt for anything else and for
// lines longer than a credit (30 words).
MORGUE_EXPORT std::optional<RepostCredit> ParseRepostCredit(std::string_view line);

// Publication and last-update times stated together on one line: "Posted : 2011-01-04
// 17:26 | Updated : 2011-01-04 18:02", "입력 2011.01.04 17:26 | 수정 2011.01.04 18:02",
// "Veröffentlicht am 4. Januar 2011, aktualisiert am 5. Januar 2011", "Publié le … Mis à
// jour le …", "Publicado … Actualizado …", "更新 …". The line must name the update ("Updated",
// "수정", "Aktualisiert", "Mis à jour", "Actualizado", "Aggiornato", "Обновлено", "更新") and
// both parts must hold a date. Returns nullopt otherwise.
struct PostedUpdated {
  std::string published;  // ISO 8601, as precise as written
  std::string updated;
};
MORGUE_EXPORT std::optional<PostedUpdated> ParsePostedUpdated(std::string_view line);

// True for a line made only of a blog platform's interface strings, in Korean or Japanese
// (Blogger's Korean and Japanese interface, Tistory, Naver blog, Daum, livedoor, Ameba,
// FC2, Hatena): "댓글 없음:", "댓글 쓰기", "공감", "구독하기", "이전 게시물 홈",
// "コメント(0)", "いいね！", "リブログ", and lines led by "게시자:", "라벨:", "카테고리:",
// "カテゴリ:", "テーマ：". Article sentences are never matched: the whole line must be
// interface strings, counts and separators.
MORGUE_EXPORT bool IsBlogInterfaceLine(std::string_view line);

// The poster a Korean or Japanese blog footer names: "게시자: 눈사람 시간: 오후 9:10"
// gives "눈사람", "投稿者: 山田 時刻: 21:10" gives "山田". "" when the line is not one.
MORGUE_EXPORT std::string BlogInterfacePoster(std::string_view line);

// A line of article prose: it ends like a sentence (".", "!", "?", "。", "다." ..., maybe
// inside closing quotes) and is long enough to be one: at least six words and 30
// characters, or 20 characters of text written without spaces (Chinese, Japanese).
MORGUE_EXPORT bool IsProseLine(std::string_view line);

// Whether lines separated by single line breaks (one <br>, one newline) are paragraphs
// each rather than the lines of one block (an address, a poem, a list, hard-wrapped text):
// true when at least two of them are prose and prose makes up at least two thirds of them.
MORGUE_EXPORT bool LinesAreParagraphs(const std::vector<std::string>& lines);

}  // namespace morgue

#endif  // MORGUE_TEXT_LINES_H_
