// Whole-line rules of saved articles (morgue/text_lines.h), one row per form and language:
// repost credit lines, posted/updated lines, blog interface strings, prose lines.

#include "morgue/text_lines.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace morgue {
namespace {

struct CreditCase {
  const char* line;
  const char* source;  // nullptr: not a credit line
  const char* published;
  const char* link;
};

TEST(ParseRepostCreditTest, ReadsTheOriginalsPublicationDateAndLink) {
  const std::vector<CreditCase> cases = {
      {"From The Korea Times, January 4, 2011. Original: koreatimes.co.kr", "Korea Times",
       "2011-01-04", "koreatimes.co.kr"},
      {"Source: Reuters, 4 January 2011, https://www.reuters.com/article/idUS1", "Reuters",
       "2011-01-04", "https://www.reuters.com/article/idUS1"},
      {"Source : Le Monde, 2011-01-04", "Le Monde", "2011-01-04", ""},
      {"Quelle: Süddeutsche Zeitung vom 2011-01-04, sueddeutsche.de", "Süddeutsche Zeitung",
       "2011-01-04", "sueddeutsche.de"},
      {"Fuente: El País, 2011-01-04. Enlace: elpais.com", "El País", "2011-01-04", "elpais.com"},
      {"출처: 코리아타임스 2011.01.04 원문: http://www.koreatimes.co.kr/www/nation/1.html",
       "Korea Times", "2011-01-04", "http://www.koreatimes.co.kr/www/nation/1.html"},
      {"출처 : 연합뉴스 2011년 1월 4일", "Yonhap", "2011-01-04", ""},
      {"原文: 朝日新聞 2011年1月4日 http://www.asahi.com/international/1.html", "Asahi Shimbun",
       "2011-01-04", "http://www.asahi.com/international/1.html"},
      {"出典：共同通信 2011年1月4日", "Kyodo News", "2011-01-04", ""},
      {"Via Yonhap: https://en.yna.co.kr/view/AEN20110104", "Yonhap", "",
       "https://en.yna.co.kr/view/AEN20110104"},
      // A name the directory does not know counts only with both a date and a link.
      {"Source: Peninsula Daily, 4 January 2011, https://peninsula-daily.example/a/1",
       "Peninsula Daily", "2011-01-04", "https://peninsula-daily.example/a/1"},
      {"Source: Peninsula Daily, 4 January 2011", nullptr, "", ""},
      {"From Monday, January 3, 2011 the office opens at nine.", nullptr, "", ""},
      {"From the moment he arrived, nothing was the same.", nullptr, "", ""},
      {"Source: Reuters", nullptr, "", ""},                   // a plain credit, no original named
      {"The Korea Times, January 4, 2011", nullptr, "", ""},  // no lead
      {"From The Korea Times, January 4, 2011, a report that officials in Seoul and Tokyo "
       "denied within hours, saying that no deadline had been set and no declaration was "
       "ever discussed.",
       nullptr, "", ""},
  };
  for (const CreditCase& c : cases) {
    SCOPED_TRACE(c.line);
    std::optional<RepostCredit> credit = ParseRepostCredit(c.line);
    if (c.source == nullptr) {
      EXPECT_FALSE(credit.has_value()) << credit->source;
      continue;
    }
    ASSERT_TRUE(credit.has_value());
    EXPECT_EQ(credit->source, c.source);
    EXPECT_EQ(credit->published, c.published);
    EXPECT_EQ(credit->link, c.link);
  }
}

struct PostedUpdatedCase {
  const char* line;
  const char* published;  // nullptr: not such a line
  const char* updated;
};

TEST(ParsePostedUpdatedTest, KeepsPublishedAndUpdatedApart) {
  const std::vector<PostedUpdatedCase> cases = {
      {"Posted : 2011-01-04 17:26 | Updated : 2011-01-04 18:02", "2011-01-04T17:26",
       "2011-01-04T18:02"},
      {"Published January 4, 2011 Last updated January 5, 2011", "2011-01-04", "2011-01-05"},
      {"입력 2011.01.04 17:26 | 수정 2011.01.04 18:02", "2011-01-04T17:26", "2011-01-04T18:02"},
      {"등록 : 2011-01-04 17:26 수정 : 2011-01-05 09:10", "2011-01-04T17:26", "2011-01-05T09:10"},
      {"Veröffentlicht am 2011-01-04 17:26, aktualisiert am 2011-01-04 18:02", "2011-01-04T17:26",
       "2011-01-04T18:02"},
      {"Publié le 2011-01-04 à 17:26, mis à jour le 2011-01-04 à 18:02", "2011-01-04T17:26",
       "2011-01-04T18:02"},
      {"Publicado: 2011-01-04 · Actualizado: 2011-01-05", "2011-01-04", "2011-01-05"},
      {"公開日：2011年1月4日 更新日：2011年1月5日", "2011-01-04", "2011-01-05"},
      {"发布时间：2011年1月4日 更新时间：2011年1月5日", "2011-01-04", "2011-01-05"},
      {"Posted : 2011-01-04 17:26", nullptr, nullptr},  // no update: a plain date line
      {"Updated rules take effect on 2011-01-04", nullptr, nullptr},
      {"Posted 2011-01-04 | Updated yesterday", nullptr, nullptr},
  };
  for (const PostedUpdatedCase& c : cases) {
    SCOPED_TRACE(c.line);
    std::optional<PostedUpdated> dates = ParsePostedUpdated(c.line);
    if (c.published == nullptr) {
      EXPECT_FALSE(dates.has_value());
      continue;
    }
    ASSERT_TRUE(dates.has_value());
    EXPECT_EQ(dates->published, c.published);
    EXPECT_EQ(dates->updated, c.updated);
  }
}

TEST(BlogInterfaceLineTest, TellsPlatformStringsFromArticleText) {
  const std::vector<std::pair<const char*, bool>> cases = {
      // Blogger, Korean interface
      {"댓글 없음:", true},
      {"댓글 쓰기", true},
      {"최근 게시물 이전 게시물 홈", true},
      {"피드 구독하기: 댓글 (Atom)", true},
      {"게시자: 눈사람 시간: 오후 9:10", true},
      {"라벨: 날씨, 강원", true},
      {"이메일로 전송 BlogThis! 트위터에서 공유 Facebook에서 공유", true},
      // Tistory, Naver blog
      {"공감 3 댓글 0", true},
      {"구독하기", true},
      {"'일상' 카테고리의 다른 글", true},
      {"공감한 사람 보러가기 이웃추가", true},
      // Blogger (Japanese), livedoor, Ameba, FC2
      {"コメントを投稿", true},
      {"カテゴリ:ニュース", true},
      {"コメント(0) トラックバック(0)", true},
      {"いいね！ リブログ", true},
      {"テーマ：日記", true},
      {"投稿者: 山田 時刻: 21:10", true},
      // Article text, and English (read by the importers' own footer rules)
      {"공감을 얻은 정책이 발표됐다.", false},
      {"댓글 기능이 오늘부터 바뀐다고 회사는 밝혔다.", false},
      {"コメントは控えたいと首相は述べた。", false},
      {"Post a Comment", false},
      {"박민수 기자", false},
  };
  for (const auto& [line, expected] : cases) {
    EXPECT_EQ(IsBlogInterfaceLine(line), expected) << line;
  }
}

TEST(BlogInterfacePosterTest, NamesTheAccountNotTheTime) {
  EXPECT_EQ(BlogInterfacePoster("게시자: 눈사람 시간: 오후 9:10"), "눈사람");
  EXPECT_EQ(BlogInterfacePoster("게시자: kimchi-watcher 오후 9:10 라벨: 날씨"), "kimchi-watcher");
  EXPECT_EQ(BlogInterfacePoster("投稿者: 山田 時刻: 21:10"), "山田");
  EXPECT_EQ(BlogInterfacePoster("게시자: 오후 9:10"), "");
  EXPECT_EQ(BlogInterfacePoster("박민수 기자"), "");
}

TEST(ProseLineTest, SentencesOfTheirOwnAreProse) {
  const std::vector<std::pair<const char*, bool>> cases = {
      {"ACSA stipulates obligations on sharing military supplies and services such as food, "
       "fuel and transportation.",
       true},
      {"“The pact, if signed, will open a new chapter,” he said.", true},
      {"눈은 6일 오전까지 이어질 것으로 보여 출근길 안전에 각별한 주의가 필요하다.", true},
      {"政府は四日、日本との軍事協定の締結を検討していると明らかにした。", true},
      {"By Lee Tae-hoon", false},
      {"Defense chiefs to hold meeting in Seoul Jan. 10-11", false},
      {"38 Jong-ro, Jongno-gu, Seoul", false},
      {"The rain fell.", false},  // too short to tell from a poem's line
      {"leeth@koreatimes.co.kr", false},
  };
  for (const auto& [line, expected] : cases) {
    EXPECT_EQ(IsProseLine(line), expected) << line;
  }
}

TEST(LinesAreParagraphsTest, ProseRunsSplitAddressesAndPoemsDoNot) {
  const std::string a =
      "South Korea is considering signing its first military agreement with Japan.";
  const std::string b = "The official said the two ministers will discuss the matter in Seoul.";
  const std::string c = "ACSA stipulates obligations on sharing military supplies and services.";
  EXPECT_TRUE(LinesAreParagraphs({a, b}));
  EXPECT_TRUE(LinesAreParagraphs({"By Lee Tae-hoon", a, b, c}));
  // One paragraph and its e-mail line: the lines of one block.
  EXPECT_FALSE(LinesAreParagraphs({a, "leeth@koreatimes.co.kr"}));
  EXPECT_FALSE(LinesAreParagraphs({"Seoul Global Center", "38 Jong-ro, Jongno-gu", "Seoul 03188"}));
  EXPECT_FALSE(LinesAreParagraphs({"The rain fell.", "The river rose.", "And we were gone."}));
  // Hard-wrapped prose: most lines stop mid-sentence.
  EXPECT_FALSE(LinesAreParagraphs({"South Korea is considering signing its first military",
                                   "agreement with Japan by the end of this year, a senior",
                                   "official said on condition of anonymity.", "Critics say"}));
  EXPECT_FALSE(LinesAreParagraphs({a}));
}

}  // namespace
}  // namespace morgue
