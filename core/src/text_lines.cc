// Whole-line rules of saved articles (morgue/text_lines.h): repost credits, posted/updated
// lines, blog interface strings, prose lines. Lines only: nothing here reads a whole page.

#include "morgue/text_lines.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {
namespace {

using namespace internal;  // NOLINT(google-build-using-namespace)

constexpr size_t kMaxCreditWords = 30;
constexpr size_t kMaxCreditNameWords = 6;
constexpr size_t kMaxPostedUpdatedChars = 200;
constexpr size_t kMaxInterfaceLineChars = 160;
constexpr size_t kMinProseWords = 6;
constexpr size_t kMinProseChars = 30;
constexpr size_t kMinUnspacedProseChars = 20;

// Case-insensitive (ASCII) prefix test; `lead` is lower-case.
bool StartsWithFolded(std::string_view text, std::string_view lead) {
  return text.size() >= lead.size() && LowerAscii(text.substr(0, lead.size())) == lead;
}

std::string_view TrimPunctuation(std::string_view text) {
  constexpr std::string_view kMarks = " .,;:|-\t";
  while (!text.empty() && kMarks.find(text.front()) != std::string_view::npos) {
    text.remove_prefix(1);
  }
  while (!text.empty() && kMarks.find(text.back()) != std::string_view::npos) {
    text.remove_suffix(1);
  }
  return text;
}

// ---- Repost credits -------------------------------------------------------------------------

// Leads of a credit line, lower-case, with their own punctuation.
constexpr auto kCreditLeads = std::to_array<std::string_view>({"originally published in ",
                                                               "originally published by ",
                                                               "originally appeared in ",
                                                               "this article first appeared in ",
                                                               "this article appeared in ",
                                                               "reprinted from ",
                                                               "republished from ",
                                                               "from ",
                                                               "via ",
                                                               "source:",
                                                               "source :",
                                                               "sources:",
                                                               "quelle:",
                                                               "quelle :",
                                                               "fuente:",
                                                               "fonte:",
                                                               "bron:",
                                                               "kilde:",
                                                               "källa:",
                                                               "źródło:",
                                                               "zdroj:",
                                                               "источник:",
                                                               "джерело:",
                                                               "kaynak:",
                                                               "출처:",
                                                               "출처 :",
                                                               "원문:",
                                                               "기사원문:",
                                                               "原文:",
                                                               "原文：",
                                                               "出典:",
                                                               "出典：",
                                                               "出处:",
                                                               "出处：",
                                                               "来源:",
                                                               "来源：",
                                                               "來源:",
                                                               "來源："});

// Labels of the link to the original.
constexpr auto kLinkLabels = std::to_array<std::string_view>({"original article:",
                                                              "original:",
                                                              "original :",
                                                              "link:",
                                                              "url:",
                                                              "read more:",
                                                              "원문:",
                                                              "원문 보기:",
                                                              "기사원문:",
                                                              "原文:",
                                                              "原文：",
                                                              "元記事:",
                                                              "元記事：",
                                                              "原文链接:",
                                                              "原文链接：",
                                                              "lien:",
                                                              "enlace:",
                                                              "originalartikel:",
                                                              "original-artikel:",
                                                              "zum original:"});

bool LooksLikeDomain(std::string_view word) {
  word = TrimPunctuation(word);
  const size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || word.size() - dot < 3) return false;
  for (char c : word) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '/' || c == '_';
    if (!ok) return false;
  }
  const std::string_view tld = word.substr(dot + 1);
  return std::all_of(tld.begin(), tld.end(), [](char c) { return IsAsciiAlpha(c); }) ||
         word.find('/') != std::string_view::npos;
}

// Removes the link (and its label) from `text` and returns it.
std::string TakeLink(std::string& text) {
  std::string link;
  std::vector<std::string> kept;
  for (const std::string& word : SplitWords(text)) {
    const std::string lower = LowerAscii(word);
    if (link.empty() && (lower.starts_with("http://") || lower.starts_with("https://") ||
                         lower.starts_with("www.") || LooksLikeDomain(word))) {
      link = std::string(TrimPunctuation(word));
      continue;
    }
    kept.push_back(word);
  }
  text = JoinWords(kept, 0, kept.size());
  if (link.empty()) return link;
  for (std::string_view label : kLinkLabels) {
    std::string lower = LowerAscii(text);
    // The label may follow a full stop or comma; it is dropped with the link.
    if (size_t at = lower.rfind(label); at != std::string::npos) {
      text.erase(at, label.size());
    } else if (label.ends_with(':')) {
      const std::string bare(label.substr(0, label.size() - 1));
      if (lower.ends_with(" " + bare)) text.resize(text.size() - bare.size());
    }
  }
  return link;
}

// Words that join a publication's name to its date: "vom", "du", "del", "on".
bool IsConnector(std::string_view word) {
  static constexpr auto kConnectors = std::to_array<std::string_view>(
      {"on", "of", "dated", "vom", "am", "du", "le", "del", "de", "el", "il", "van", "op", "от"});
  const std::string lower = LowerAscii(word);
  return std::find(kConnectors.begin(), kConnectors.end(), lower) != kConnectors.end();
}

// The publication's name: the text before the first comma, bracket, separator or digit.
std::string NamePart(std::string_view rest) {
  size_t end = rest.size();
  for (std::string_view stop : {",", "(", "[", " | ", " - ", " — ", " – ", "，", "、"}) {
    if (size_t at = rest.find(stop); at != std::string_view::npos) end = std::min(end, at);
  }
  for (size_t i = 0; i < end; ++i) {
    if (IsAsciiDigit(static_cast<unsigned char>(rest[i]))) {
      end = i;
      break;
    }
  }
  std::vector<std::string> words = SplitWords(rest.substr(0, end));
  while (!words.empty() && IsConnector(words.back())) words.pop_back();
  return std::string(TrimPunctuation(JoinWords(words, 0, words.size())));
}

// ---- Blog interface strings -------------------------------------------------------------------

// Whole interface strings of Korean and Japanese blog platforms, longest first where one
// starts another.
constexpr auto kInterfacePhrases = std::to_array<std::string_view>(
    {// Blogger (Korean interface)
     "댓글 없음", "댓글 쓰기", "최근 게시물", "이전 게시물", "피드 구독하기", "댓글 (Atom)",
     "게시물 (Atom)", "이메일로 전송", "트위터에서 공유", "Facebook에서 공유", "Pinterest에 공유",
     "BlogThis!", "블로그 보관함", "내 소개", "전체 프로필 보기", "홈",
     // Tistory, Naver, Daum
     "공감한 사람 보러가기", "공감", "구독하기", "공유하기", "신고하기", "신고", "이웃추가",
     "본문 기타 기능", "댓글쓰기", "댓글", "저작자표시", "비영리", "변경금지", "관련글", "좋아요",
     "스크랩", "인쇄", "블로그 카테고리 이동", "맨 위로",
     // Blogger (Japanese interface), livedoor, Ameba, FC2, Hatena
     "コメントを投稿", "コメントする", "コメント", "トラックバック", "次の投稿", "前の投稿",
     "ホーム", "登録: コメントの投稿", "登録: 投稿コメント (Atom)", "投稿コメント (Atom)",
     "このエントリーをはてなブックマークに追加", "はてなブックマーク", "いいね！", "いいね!",
     "いいね", "リブログ", "フォロー", "読者になる", "アメンバー", "シェア", "ツイート", "記事一覧",
     "スポンサーサイト", "拍手", "Tweet"});

// Leads of interface lines that carry values: the poster, the time, labels, a category.
constexpr auto kInterfaceLeads =
    std::to_array<std::string_view>({"게시자:",     "게시자 :",     "작성자:",
                                     "라벨:",       "라벨 :",       "카테고리:",
                                     "카테고리 :",  "태그:",        "카테고리의 다른 글",
                                     "投稿者:",     "投稿者：",     "ラベル:",
                                     "ラベル：",    "カテゴリ:",    "カテゴリ：",
                                     "カテゴリー:", "カテゴリー：", "テーマ:",
                                     "テーマ：",    "ジャンル:",    "ジャンル：",
                                     "タグ:",       "タグ：",       "登録:",
                                     "登録："});

// Skips a count and separators after a phrase: "(0)", "0", ":", "|", "·".
std::string_view SkipCountAndSeparators(std::string_view rest) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view mark : {" ", ":", "：", "|", "·", "・", "(", ")", "（", "）", "[", "]",
                                  "/", ",", "、", "+", "-"}) {
      if (rest.starts_with(mark)) {
        rest.remove_prefix(mark.size());
        changed = true;
      }
    }
    while (!rest.empty() && IsAsciiDigit(static_cast<unsigned char>(rest.front()))) {
      rest.remove_prefix(1);
      changed = true;
    }
  }
  return rest;
}

// ---- Prose ------------------------------------------------------------------------------------

bool EndsLikeSentence(std::string_view line) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view closing : {"”", "’", "\"", "'", ")", "」", "』", "）", "»"}) {
      if (line.ends_with(closing)) {
        line.remove_suffix(closing.size());
        changed = true;
      }
    }
  }
  for (std::string_view end : {".", "!", "?", "。", "！", "？", "…"}) {
    if (line.ends_with(end)) return true;
  }
  return false;
}

}  // namespace

std::optional<RepostCredit> ParseRepostCredit(std::string_view line) {
  std::string text = CollapseWhitespace(line);
  if (text.empty() || SplitWords(text).size() > kMaxCreditWords) return std::nullopt;
  std::string_view matched_lead;
  for (std::string_view lead : kCreditLeads) {
    if (StartsWithFolded(text, lead)) {
      matched_lead = lead;
      break;
    }
  }
  if (matched_lead.empty()) return std::nullopt;
  std::string rest(TrimAscii(std::string_view(text).substr(matched_lead.size())));
  RepostCredit credit;
  credit.link = TakeLink(rest);
  const std::string name = NamePart(rest);
  if (name.empty() || SplitWords(name).size() > kMaxCreditNameWords) return std::nullopt;
  const std::string after_name = rest.substr(std::min(rest.size(), rest.find(name) + name.size()));
  credit.published = ParseDate(TrimPunctuation(after_name));
  const PublicationDirectory& directory = PublicationDirectory::Builtin();
  const Publication* known = directory.FindByName(name);
  if (known == nullptr) known = directory.FindCredited(name);
  if (known != nullptr) {
    credit.source = known->name;
  } else if (!credit.link.empty() && !credit.published.empty()) {
    credit.source = name;
  } else {
    return std::nullopt;
  }
  if (credit.published.empty() && credit.link.empty()) return std::nullopt;
  return credit;
}

std::optional<PostedUpdated> ParsePostedUpdated(std::string_view line) {
  if (line.size() > kMaxPostedUpdatedChars) return std::nullopt;
  // The date line's own reading (morgue/text.h), which knows the words for "published"
  // and "updated" in each language; a line without a "published" word ("Posted : …")
  // gives its first date as the publication.
  const DateLine dates = ParseDateLine(line);
  PostedUpdated posted{dates.published.empty() ? dates.unlabelled : dates.published, dates.updated};
  if (posted.published.empty() || posted.updated.empty()) return std::nullopt;
  return posted;
}

bool IsBlogInterfaceLine(std::string_view line) {
  const std::string text = CollapseWhitespace(line);
  if (text.empty() || text.size() > kMaxInterfaceLineChars || !HasCjk(text)) return false;
  for (std::string_view lead : kInterfaceLeads) {
    if (text.starts_with(lead) || (lead.front() != ' ' && text.ends_with(lead))) return true;
  }
  std::string_view rest = SkipCountAndSeparators(text);
  while (!rest.empty()) {
    bool found = false;
    for (std::string_view phrase : kInterfacePhrases) {
      if (rest.starts_with(phrase)) {
        rest = SkipCountAndSeparators(rest.substr(phrase.size()));
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string BlogInterfacePoster(std::string_view line) {
  const std::string text = CollapseWhitespace(line);
  if (text.size() > kMaxInterfaceLineChars) return "";
  for (std::string_view lead : {"게시자:", "게시자 :", "작성자:", "投稿者:", "投稿者："}) {
    if (!text.starts_with(lead)) continue;
    std::vector<std::string> words = SplitWords(std::string_view(text).substr(lead.size()));
    // The name runs up to the time ("시간:", "오후 9:10", "時刻:", "21:10").
    size_t end = 0;
    while (end < words.size() && !HasDigit(words[end]) && !words[end].ends_with(":") &&
           !words[end].ends_with("：") && words[end] != "오전" && words[end] != "오후") {
      ++end;
    }
    if (end == 0 || end > 3) return "";
    return JoinWords(words, 0, end);
  }
  return "";
}

bool IsProseLine(std::string_view line) {
  const std::string text = CollapseWhitespace(line);
  if (!EndsLikeSentence(text)) return false;
  const size_t chars = CountCodePoints(text);
  if (SplitWords(text).size() >= kMinProseWords && chars >= kMinProseChars) return true;
  // Chinese and Japanese write sentences without spaces.
  return HasCjk(text) && text.find(' ') == std::string::npos && chars >= kMinUnspacedProseChars;
}

bool LinesAreParagraphs(const std::vector<std::string>& lines) {
  size_t prose = 0;
  for (const std::string& line : lines) prose += IsProseLine(line) ? 1 : 0;
  return prose >= 2 && prose * 3 >= lines.size() * 2;
}

}  // namespace morgue
