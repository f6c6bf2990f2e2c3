// The text helpers importers share (morgue/text.h), on what real pages and saved
// articles say.

#include "morgue/text.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;

// ---- ParseDate ------------------------------------------------------------------------------

struct DateCase {
  const char* text;
  const char* expected;
};

TEST(ParseDateTest, ReadsTheFormsNewsPagesAndBlogsUse) {
  const DateCase cases[] = {
      // The header's examples.
      {"Tuesday, January 4, 2011", "2011-01-04"},
      {"Jan. 4, 2011", "2011-01-04"},
      {"4 January 2011", "2011-01-04"},
      {"2011-01-04T19:42:00+09:00", "2011-01-04T19:42:00+09:00"},
      {"Tue, 04 Jan 2011 10:42:00 GMT", "2011-01-04T10:42:00Z"},
      {"2011년 1월 4일", "2011-01-04"},
      {"2011年1月4日", "2011-01-04"},
      {"2011.01.04", "2011-01-04"},
      {"2011/01/04", "2011-01-04"},
      {"January 4, 2011 at 7:42 PM", "2011-01-04T19:42"},
      // Month names, abbreviations, ordinals, orders.
      {"Jan 4 2011", "2011-01-04"},
      {"Sept. 4, 2011", "2011-09-04"},
      {"Sep 4, 2011", "2011-09-04"},
      {"September 4, 2011", "2011-09-04"},
      {"January 4th, 2011", "2011-01-04"},
      {"4th of January, 2011", "2011-01-04"},
      {"04 Jan 2011", "2011-01-04"},
      {"4-Jan-2011", "2011-01-04"},
      {"Mon, 3 Jan 2011", "2011-01-03"},
      {"Thurs. Jan. 6, 2011", "2011-01-06"},
      // Surrounding words.
      {"Posted on January 4, 2011", "2011-01-04"},
      {"Updated: Jan 4, 2011 10:42 a.m. EST", "2011-01-04T10:42-05:00"},
      {"등록 : 2011-01-15 10:30", "2011-01-15T10:30"},
      {"등록 : 2011-01-15 10:30 | 수정 : 2011-01-15 19:45", "2011-01-15T10:30"},
      {"Published 7:42 PM, Tuesday, January 4, 2011", "2011-01-04T19:42"},
      // ISO 8601 and RFC 822/1123.
      {"2011-01-15 10:30", "2011-01-15T10:30"},
      {"2011-01-04T19:42", "2011-01-04T19:42"},
      {"2011-01-04T10:42:00.123Z", "2011-01-04T10:42:00.123Z"},
      {"2011-01-04T10:42:00+00:00", "2011-01-04T10:42:00+00:00"},
      {"2011-01-04T19:42:00+0900", "2011-01-04T19:42:00+09:00"},
      {"Tue, 4 Jan 2011 10:42:00 +0900", "2011-01-04T10:42:00+09:00"},
      {"Tue, 04 Jan 2011 10:42:00 UT", "2011-01-04T10:42:00Z"},
      {"Tue, 04 Jan 2011 05:42:00 EST", "2011-01-04T05:42:00-05:00"},
      {"Tue, 04 Jan 2011 02:42:00 PST", "2011-01-04T02:42:00-08:00"},
      {"Tue, 04 Jan 2011 04:42:00 CDT", "2011-01-04T04:42:00-05:00"},
      {"Tue 4 Jan 2011 19.42 GMT", "2011-01-04T19:42Z"},
      {"2011-01-04 19:42 KST", "2011-01-04T19:42+09:00"},
      // 12-hour clock.
      {"January 4, 2011 7 p.m. PST", "2011-01-04T19:00-08:00"},
      {"January 4, 2011, 12:05 AM", "2011-01-04T00:05"},
      {"January 4, 2011, 12:05 PM", "2011-01-04T12:05"},
      // East Asian forms.
      {"2011년 1월 4일 오후 7:42", "2011-01-04T19:42"},
      {"2011년 1월 4일 오전 7:42", "2011-01-04T07:42"},
      {"2011. 1. 4. 오후 7:42", "2011-01-04T19:42"},
      {"2011年1月4日(火) 19時42分", "2011-01-04T19:42"},
      {"２０１１年１月４日", "2011-01-04"},
      // Numeric forms whose order is certain.
      {"13/01/2011", "2011-01-13"},
      {"01/13/2011", "2011-01-13"},
      {"04.04.2011", "2011-04-04"},
      // Leap years.
      {"February 29, 2012", "2012-02-29"},
  };
  for (const DateCase& c : cases) {
    EXPECT_EQ(ParseDate(c.text), c.expected) << c.text;
  }
}

TEST(ParseDateTest, RefusesWhatIsNotOneFullDate) {
  for (const char* text : {
           "",
           "04/01/2011",  // 4 January or April 1: not guessed
           "1/4/2011",
           "February 30, 2011",
           "February 29, 2011",
           "2011-13-01",
           "2011-01-04T24:00",
           "January 4, 2011 at 25:00",
           "January 4, 2011 at 13:00 PM",
           "January 2011",
           "Jan. 10-11",
           "Defense chiefs to hold meeting in Seoul Jan. 10-11",
           "Seoul, Tokyo seek 1st military pact",
           "Posted by kimchi-watcher at 7:42 PM",
           // A sentence that mentions a date is not a date line.
           "The ministry said on January 4, 2011 that no agreement had been reached",
       }) {
    EXPECT_EQ(ParseDate(text), "") << text;
  }
}

// ---- ParseByline ----------------------------------------------------------------------------

struct BylineCase {
  const char* line;
  std::vector<Author> authors;
  const char* source;
};

Author Named(const char* name, const char* email = "") {
  Author author;
  author.name = name;
  author.email = email;
  return author;
}

TEST(ParseBylineTest, ReadsBylinesAsPagesWriteThem) {
  const std::vector<BylineCase> cases = {
      {"By Lee Tae-hoon", {Named("Lee Tae-hoon")}, ""},
      {"BY LEE TAE-HOON", {Named("LEE TAE-HOON")}, ""},
      {"By: Kim Se-jeong", {Named("Kim Se-jeong")}, ""},
      {"By Lee Tae-hoon.", {Named("Lee Tae-hoon")}, ""},
      {"By Lee Tae-hoon and Kim Se-jeong", {Named("Lee Tae-hoon"), Named("Kim Se-jeong")}, ""},
      {"By Hiroshi Tanaka, Li Wei and Kim Soo-jin",
       {Named("Hiroshi Tanaka"), Named("Li Wei"), Named("Kim Soo-jin")},
       ""},
      {"By Jane Doe & John Roe", {Named("Jane Doe"), Named("John Roe")}, ""},
      {"Lee Tae-hoon, Staff Reporter", {Named("Lee Tae-hoon")}, ""},
      {"By Park Si-soo, Senior Reporter", {Named("Park Si-soo")}, ""},
      {"By Kim Jae-kyoung, Washington Correspondent", {Named("Kim Jae-kyoung")}, ""},
      {"By Kang Hyun-kyung, Chief Editorial Writer", {Named("Kang Hyun-kyung")}, ""},
      {"By Jane Doe, Contributor", {Named("Jane Doe")}, ""},
      {"Kim Tong-hyung | Yonhap", {Named("Kim Tong-hyung")}, "Yonhap"},
      {"By Lee Tae-hoon | Jan. 4, 2011", {Named("Lee Tae-hoon")}, ""},
      {"Written by Jane Doe | Reuters", {Named("Jane Doe")}, "Reuters"},
      {"By Jane Doe (Reuters)", {Named("Jane Doe")}, "Reuters"},
      {"By Choe Sang-Hun, The New York Times", {Named("Choe Sang-Hun")}, "The New York Times"},
      {"By Lee Tae-hoon (leeth@koreatimes.co.kr)",
       {Named("Lee Tae-hoon", "leeth@koreatimes.co.kr")},
       ""},
      {"By Lee Tae-hoon <LeeTH@KoreaTimes.co.kr>",
       {Named("Lee Tae-hoon", "leeth@koreatimes.co.kr")},
       ""},
      {"By Lee Tae-hoon | Staff Reporter | leeth@koreatimes.co.kr",
       {Named("Lee Tae-hoon", "leeth@koreatimes.co.kr")},
       ""},
      {"By Justin McCurry in Tokyo", {Named("Justin McCurry")}, ""},
      {"By Ursula von der Leyen", {Named("Ursula von der Leyen")}, ""},
      {"By J.R. Smith", {Named("J.R. Smith")}, ""},
      {"By John Smith, Jr.", {Named("John Smith, Jr.")}, ""},
      {"박지민 기자", {Named("박지민")}, ""},
      {"박지민 기자 jimin@hani.co.kr", {Named("박지민", "jimin@hani.co.kr")}, ""},
      {"도쿄/김도형 특파원 aip209@hani.co.kr", {Named("김도형", "aip209@hani.co.kr")}, ""},
      {"(서울=연합뉴스) 홍길동 기자 =", {Named("홍길동")}, "연합뉴스"},
      {"山田太郎記者", {Named("山田太郎")}, ""},
      // Still a byline; the caller decides it names the poster.
      {"Posted by kimchi-watcher", {Named("kimchi-watcher")}, ""},
      {"Posted by kimchi-watcher at 7:42 PM", {Named("kimchi-watcher")}, ""},
      {"By The Associated Press", {}, "The Associated Press"},
      // After a job title, the comma-separated rest is the person's organisation.
      {"By Jane Doe, Senior Staff Technologist, Example Union Speech, Privacy, and Technology "
       "Project",
       {Named("Jane Doe")},
       ""},
      {"By Ann Lee, Staff Writer, and Bo Kim, Staff Writer",
       {Named("Ann Lee"), Named("Bo Kim")},
       ""},
      // French "Par ... et ...".
      {"Par Marie Dupont et Jean Martin", {Named("Marie Dupont"), Named("Jean Martin")}, ""},
      // Co-authors credited in brackets (Le Monde), in French and English.
      {"Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
       {Named("Martin Untersinger"), Named("Damien Leloup"), Named("Morgane Tual")},
       ""},
      {"By Jane Doe (with John Roe)", {Named("Jane Doe"), Named("John Roe")}, ""},
      // A date or time shown with the names.
      {"By Jane Doe May 20, 2019", {Named("Jane Doe")}, ""},
      {"By Jane Doe | Updated 3 hours ago", {Named("Jane Doe")}, ""},
      // Editors and photographers are not the authors; degrees are not names.
      {"Written by Jane Doe Edited by John Roe", {Named("Jane Doe")}, ""},
      {"By Jane Doe, MA", {Named("Jane Doe")}, ""},
  };
  for (const BylineCase& c : cases) {
    std::optional<Byline> byline = ParseByline(c.line);
    ASSERT_TRUE(byline.has_value()) << c.line;
    EXPECT_EQ(byline->authors, c.authors) << c.line;
    EXPECT_EQ(byline->source, c.source) << c.line;
    for (const Author& author : byline->authors) {
      EXPECT_EQ(author.role, "author") << c.line;
    }
  }
}

TEST(ParseBylineTest, RefusesLinesThatAreNotBylines) {
  for (const char* line : {
           "",
           "   ",
           "By",
           "By the time the talks ended, nothing was agreed.",
           "By 2012, the two countries may sign the pact.",
           "Seoul, Tokyo seek 1st military pact",
           "Defense chiefs to hold meeting in Seoul Jan. 10-11",
           "Japanese Prime Minister Naoto Kan",  // names, but nothing says "byline"
           "Lee Tae-hoon",
           "Tuesday, January 4, 2011",
           "By Lee Tae-hoon, see http://www.koreatimes.co.kr/",
           // A sidebar's list of contributors, not a byline.
           "By Ann Lee, Bo Kim, Cy Park, Di Choi and Ed Han",
           "서울시는 16일 오전 6시부터 한파 종합지원상황실을 운영하기로 했다",
           "기상청 관계자는 당분간 추위가 계속된다고 기자들에게 말했다",
       }) {
    EXPECT_FALSE(ParseByline(line).has_value()) << line;
  }
}

// ---- SplitAuthorNames -----------------------------------------------------------------------

TEST(SplitAuthorNamesTest, SplitsNamesFieldsFromMetadata) {
  using Names = std::vector<std::string>;
  const std::vector<std::pair<const char*, Names>> cases = {
      {"Lee Tae-hoon", {"Lee Tae-hoon"}},
      {"Lee Tae-hoon, Kim Se-jeong and Park Si-soo",
       {"Lee Tae-hoon", "Kim Se-jeong", "Park Si-soo"}},
      {"Jane Doe; John Roe", {"Jane Doe", "John Roe"}},
      {"Jane Doe & John Roe", {"Jane Doe", "John Roe"}},
      {"By Lee Tae-hoon, Staff Reporter", {"Lee Tae-hoon"}},
      {"Hiroshi Tanaka, Tokyo Correspondent; Li Wei", {"Hiroshi Tanaka", "Li Wei"}},
      {"Jane Doe <jane@example.com>", {"Jane Doe"}},
      {"Smith, John", {"Smith, John"}},  // surname first: one person
      {"박지민 기자", {"박지민"}},
      {"kimchi-watcher", {"kimchi-watcher"}},  // a blog account in <meta name="author">
      // Surname first, with initials or particles.
      {"Kooman, F.", {"Kooman, F."}},
      {"Jong, Anna de", {"Jong, Anna de"}},
      // A job title and the organisation after it.
      {"Jane Doe, Technologist, Example Union", {"Jane Doe"}},
      {"Jane Doe, Games Editor; John Roe", {"Jane Doe", "John Roe"}},
      {"Jane Doe Games Editor", {"Jane Doe"}},
      // When, shown next to who.
      {"Jane Doe 1:39 PM ET", {"Jane Doe"}},
      {"Anna Nováková před 2 hodinami", {"Anna Nováková"}},
      {"Par Marie Dupont et Jean Martin", {"Marie Dupont", "Jean Martin"}},
      {"Martin Untersinger (avec Damien Leloup et Morgane Tual)",
       {"Martin Untersinger", "Damien Leloup", "Morgane Tual"}},
      // A home page in brackets, a degree.
      {"Jane Doe (http://example.org/jane/)", {"Jane Doe"}},
      {"Jane Doe, MD", {"Jane Doe"}},
  };
  for (const auto& [text, names] : cases) {
    EXPECT_EQ(SplitAuthorNames(text), names) << text;
  }
}

TEST(SplitAuthorNamesTest, ReturnsNothingForTextThatIsNotNames) {
  for (const char* text : {"", "This is a sentence about the talks.", "Staff Reporter",
                           "Ann Lee, Bo Kim, Cy Park, Di Choi, Ed Han", "Read more at 10:30",
                           "http://example.com/author/jane",
                           // A headline with a number is not a name and a date.
                           "Jane Doe on the real trouble with tickets, $25,000 each"}) {
    EXPECT_EQ(SplitAuthorNames(text), std::vector<std::string>()) << text;
  }
}

// ---- SplitCaptionCredit ---------------------------------------------------------------------

TEST(SplitCaptionCreditTest, SplitsTheCreditsNewsPagesUse) {
  const std::vector<std::pair<const char*, CaptionCredit>> cases = {
      {"Japanese Prime Minister Naoto Kan speaks during his New Year news conference at his "
       "official residence in Tokyo, Tuesday. / Xinhua-Yonhap",
       {"Japanese Prime Minister Naoto Kan speaks during his New Year news conference at his "
        "official residence in Tokyo, Tuesday.",
        "Xinhua-Yonhap"}},
      {"Protesters rally in Seoul, Tuesday. (Reuters)",
       {"Protesters rally in Seoul, Tuesday.", "Reuters"}},
      {"Protesters rally in Seoul. [Yonhap]", {"Protesters rally in Seoul.", "Yonhap"}},
      {"A man walks past a screen. Photo: AP", {"A man walks past a screen.", "AP"}},
      {"Kan speaks in Tokyo. Photo by Jane Doe", {"Kan speaks in Tokyo.", "Jane Doe"}},
      {"Kan speaks in Tokyo. Credit: Korea Times file",
       {"Kan speaks in Tokyo.", "Korea Times file"}},
      {"Kan speaks in Tokyo. (AP Photo/Lee Jin-man)",
       {"Kan speaks in Tokyo.", "AP Photo/Lee Jin-man"}},
      {"Kan speaks in Tokyo — AFP", {"Kan speaks in Tokyo", "AFP"}},
      {"Kan speaks in Tokyo. Courtesy of the Ministry of Defense",
       {"Kan speaks in Tokyo.", "Courtesy of the Ministry of Defense"}},
      {"  Kan speaks\u00a0in Tokyo. /  Xinhua-Yonhap ", {"Kan speaks in Tokyo.", "Xinhua-Yonhap"}},
  };
  for (const auto& [text, expected] : cases) {
    const CaptionCredit split = SplitCaptionCredit(text);
    EXPECT_EQ(split.caption, expected.caption) << text;
    EXPECT_EQ(split.credit, expected.credit) << text;
  }
}

TEST(SplitCaptionCreditTest, WithoutACreditTheWholeTextIsTheCaption) {
  for (const char* text : {"Kan speaks in Tokyo, Tuesday.", "Leaders pose for a photo (left)",
                           "Seoul / Tokyo talks resume in Seoul",
                           "Smoke rises over the island - the shelling lasted an hour"}) {
    const CaptionCredit split = SplitCaptionCredit(text);
    EXPECT_EQ(split.caption, text);
    EXPECT_EQ(split.credit, "") << text;
  }
}

// ---- FindEmail, CollapseWhitespace ---------------------------------------------------------

TEST(FindEmailTest, FindsTheFirstAddressLowerCased) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"leeth@koreatimes.co.kr", "leeth@koreatimes.co.kr"},
      {"박지민 기자 jimin@hani.co.kr", "jimin@hani.co.kr"},
      {"By Lee Tae-hoon (LeeTH@KoreaTimes.co.kr)", "leeth@koreatimes.co.kr"},
      {"<a href=\"mailto:jane.doe+news@example.com\">", "jane.doe+news@example.com"},
      {"Write to a@b.org or c@d.org.", "a@b.org"},
      {"E-mail: kim@yna.co.kr.", "kim@yna.co.kr"},
      {"no address here", ""},
      {"@koreatimes", ""},
      {"follow @leeth on twitter", ""},
      {"user@localhost", ""},
  };
  for (const auto& [text, email] : cases) {
    EXPECT_EQ(FindEmail(text), email) << text;
  }
}

TEST(CollapseWhitespaceTest, FoldsAsciiAndUnicodeSpaces) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"  Seoul,\t\tTokyo \n seek  ", "Seoul, Tokyo seek"},
      {"Seoul,\u00a0Tokyo", "Seoul, Tokyo"},        // no-break space
      {"Seoul,\u2003\u2009Tokyo", "Seoul, Tokyo"},  // em space, thin space
      {"Seoul,\u200bTokyo", "Seoul, Tokyo"},        // zero-width space
      {"\u3000서울\u3000아침", "서울 아침"},        // ideographic space
      {"\r\n", ""},
      {"", ""},
      {"Kan’s “pact”", "Kan’s “pact”"},  // other characters untouched
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(CollapseWhitespace(text), expected) << text;
  }
}

TEST(TextHelpersTest, LongInputsAreRefusedQuicklyNotCrashed) {
  // std::regex in libstdc++ recurses per character: a megabyte must never reach it.
  const std::string long_word(1 << 20, 'x');
  const std::string text = "By " + long_word + " (" + long_word +
                           "@example.com) / Photo: " + long_word + " January 4, 2011";
  EXPECT_EQ(ParseDate(text), "");
  EXPECT_FALSE(ParseByline(text).has_value());
  EXPECT_TRUE(SplitAuthorNames(text).empty());
  EXPECT_EQ(SplitCaptionCredit(text).credit, "");
  EXPECT_EQ(FindEmail(text).size(), long_word.size() + std::string("@example.com").size());
  EXPECT_EQ(CollapseWhitespace(text).size(), text.size());
}

// ---- DecodeToUtf8 ---------------------------------------------------------------------------

std::string Canonical() { return ReadFile(FixturesDir() / "korea-times-2011-01-04.txt"); }
std::string Variant(const std::string& name) { return ReadFile(FixturesDir() / "articles" / name); }

// UTF-8 to `charset` with iconv(3), to make test inputs in legacy encodings.
std::string Encode(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {  // NOLINT: iconv's failure value
    ADD_FAILURE() << "iconv cannot write " << charset;
    return "";
  }
  std::string in = utf8;
  std::string out(in.size() * 4, '\0');
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  const size_t result = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  EXPECT_NE(result, static_cast<size_t>(-1)) << "iconv to " << charset << ": errno " << errno;
  out.resize(out.size() - out_left);
  return out;
}

TEST(DecodeToUtf8Test, ReadsTheKoreaTimesFixtureInEveryEncoding) {
  const std::string canonical = Canonical();

  Result<DecodedText> utf8 = DecodeToUtf8(canonical);
  ASSERT_TRUE(utf8.ok()) << utf8.status().ToString();
  EXPECT_EQ(utf8->text, canonical);
  EXPECT_EQ(utf8->charset, "UTF-8");

  Result<DecodedText> bom = DecodeToUtf8(Variant("korea-times-2011-01-04.bom.txt"));
  ASSERT_TRUE(bom.ok()) << bom.status().ToString();
  EXPECT_EQ(bom->text, canonical) << "the byte order mark must go";
  EXPECT_EQ(bom->charset, "UTF-8");

  // No declaration and not UTF-8: 0x92-0x94 are Windows-1252's curly quotes.
  Result<DecodedText> cp1252 = DecodeToUtf8(Variant("korea-times-2011-01-04.cp1252.txt"));
  ASSERT_TRUE(cp1252.ok()) << cp1252.status().ToString();
  EXPECT_EQ(cp1252->text, canonical);
  EXPECT_EQ(cp1252->charset, "WINDOWS-1252");
}

TEST(DecodeToUtf8Test, DetectsTheKoreanFixtureAsEucKr) {
  Result<DecodedText> decoded = DecodeToUtf8(Variant("hankyoreh-2011-01-15.euckr.txt"));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->charset, "CP949");  // EUC-KR's superset, as browsers read it
  const std::string& text = decoded->text;
  EXPECT_TRUE(
      text.starts_with("등록 : 2011-01-15 10:30\n\n서울 아침 영하 17도…올겨울 최강 한파\n\n"
                       "16일 중부지방 한파경보…수도관 동파·빙판길 주의\n\n박지민 기자\n\n"
                       "주말인 16일 서울의 아침 최저기온이 영하 17도까지"))
      << text.substr(0, 200);
  EXPECT_NE(text.find("“시베리아에서"), std::string::npos);
  EXPECT_NE(text.find("5~10도가량"), std::string::npos);
  EXPECT_TRUE(text.ends_with("말했다.\n\njimin@hani.co.kr\n"));
  EXPECT_EQ(text.find("\xEF\xBF\xBD"), std::string::npos) << "no replacement characters";
}

TEST(DecodeToUtf8Test, DetectsAndHonoursEastAsianLegacyCharsets) {
  const std::string japanese =
      "菅直人首相は４日、首相官邸で年頭の記者会見を行い、日韓の防衛協力について「両国の関係をさらに"
      "深めていきたい」と述べた。北沢俊美防衛相は来週ソウルを訪問し、金寛鎮国防相と会談する予定だ"
      "。";
  const std::string shift_jis = Encode(japanese, "SHIFT_JIS");
  ASSERT_NE(shift_jis, japanese);

  Result<DecodedText> detected = DecodeToUtf8(shift_jis);
  ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  EXPECT_EQ(detected->text, japanese);
  EXPECT_EQ(detected->charset, "CP932");

  Result<DecodedText> declared = DecodeToUtf8(shift_jis, "Shift_JIS");
  ASSERT_TRUE(declared.ok());
  EXPECT_EQ(declared->text, japanese);
  EXPECT_EQ(declared->charset, "CP932");

  const std::string chinese = "中国外交部发言人表示，中日双方同意恢复东海问题谈判。";
  Result<DecodedText> gb = DecodeToUtf8(Encode(chinese, "GB2312"), "gb2312");
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(gb->text, chinese);
  EXPECT_EQ(gb->charset, "GB18030");

  const std::string korean = "서울 아침 영하 17도…올겨울 최강 한파";
  Result<DecodedText> kr = DecodeToUtf8(Encode(korean, "EUC-KR"), "ks_c_5601-1987");
  ASSERT_TRUE(kr.ok());
  EXPECT_EQ(kr->text, korean);
  EXPECT_EQ(kr->charset, "CP949");
}

TEST(DecodeToUtf8Test, ByteOrderMarksDecideFirst) {
  Result<DecodedText> le =
      DecodeToUtf8(std::string("\xFF\xFE"
                               "K\0a\0n\0\x19\x20s\0",
                               12));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->text, "Kan’s");
  EXPECT_EQ(le->charset, "UTF-16LE");

  Result<DecodedText> be = DecodeToUtf8(std::string("\xFE\xFF\xD5\x5C\xAE\x00", 6), "ISO-8859-1");
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->text, "한글");
  EXPECT_EQ(be->charset, "UTF-16BE");
}

TEST(DecodeToUtf8Test, NoByteOrderMarkStaysAtTheStartEvenWhenRepeated) {
  // A file saved twice by an editor that adds a mark each time (found by fuzzing).
  Result<DecodedText> twice = DecodeToUtf8("\xEF\xBB\xBF\xEF\xBB\xBF\xEF\xBB\xBFKorea");
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->text, "Korea");
  EXPECT_EQ(twice->charset, "UTF-8");
  // A UTF-16 mark followed by an encoded one.
  Result<DecodedText> utf16 = DecodeToUtf8(std::string("\xFF\xFE\xFF\xFEK\0", 6));
  ASSERT_TRUE(utf16.ok());
  EXPECT_EQ(utf16->text, "K");
  // A mark in the middle is text and stays.
  Result<DecodedText> inside = DecodeToUtf8(
      "a\xEF\xBB\xBF"
      "b");
  ASSERT_TRUE(inside.ok());
  EXPECT_EQ(inside->text,
            "a\xEF\xBB\xBF"
            "b");
}

TEST(DecodeToUtf8Test, DeclaredCharsetsAreReadAsBrowsersReadThem) {
  // ISO-8859-1 is read as Windows-1252: 0x92 is a curly apostrophe, not a C1 control.
  Result<DecodedText> latin1 = DecodeToUtf8("Japan\x92s caf\xE9", "ISO-8859-1");
  ASSERT_TRUE(latin1.ok());
  EXPECT_EQ(latin1->text, "Japan’s café");
  EXPECT_EQ(latin1->charset, "WINDOWS-1252");

  // Valid UTF-8 stays UTF-8 whatever the declaration says.
  Result<DecodedText> utf8 = DecodeToUtf8("Japan’s café", "ISO-8859-1");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(utf8->text, "Japan’s café");
  EXPECT_EQ(utf8->charset, "UTF-8");

  // A declaration the bytes contradict, or one iconv does not know, is ignored.
  for (const char* declared : {"utf-8", "x-no-such-charset"}) {
    Result<DecodedText> wrong = DecodeToUtf8("Japan\x92s caf\xE9", declared);
    ASSERT_TRUE(wrong.ok()) << declared;
    EXPECT_EQ(wrong->text, "Japan’s café") << declared;
  }
}

TEST(DecodeToUtf8Test, BytesThatCannotBeConvertedBecomeReplacementCharacters) {
  // A lone high surrogate at the end of UTF-16.
  Result<DecodedText> cut =
      DecodeToUtf8(std::string("\xFF\xFE"
                               "A\0\x3D\xD8",
                               6));
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut->text, "A\xEF\xBF\xBD");
  // A broken sequence after a UTF-8 byte order mark.
  Result<DecodedText> broken = DecodeToUtf8("\xEF\xBB\xBFSeoul \xE2\x80 Tokyo");
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->text.find("Seoul "), 0u);
  EXPECT_NE(broken->text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_TRUE(broken->text.ends_with(" Tokyo"));
}

TEST(DecodeToUtf8Test, AlwaysGivesValidUtf8) {
  std::string bytes;
  uint32_t state = 12345;  // a fixed sequence of pseudo-random bytes, every value present
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245u + 12345u;
    bytes += static_cast<char>(i < 256 ? i : (state >> 16) & 0xFF);
  }
  Result<DecodedText> decoded = DecodeToUtf8(bytes);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  // Valid UTF-8 decodes to itself as UTF-8.
  Result<DecodedText> again = DecodeToUtf8(decoded->text);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->charset, "UTF-8") << "decoded as " << decoded->charset;
  EXPECT_EQ(again->text, decoded->text);

  Result<DecodedText> empty = DecodeToUtf8("");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->text, "");
}

// Found by fuzzing (tests/fixtures/fuzz/decode/utf8-lead-byte-f6): glibc's iconv passes
// lead bytes F5-F7 of "UTF-8" through, making code points past U+10FFFF.
TEST(DecodeToUtf8Test, ReplacesCodePointsPastUnicodeInUtf8) {
  Result<DecodedText> bom = DecodeToUtf8("\xEF\xBB\xBFSeoul \xF6\xB5\xB5\xB2 Tokyo");
  ASSERT_TRUE(bom.ok()) << bom.status().ToString();
  EXPECT_EQ(bom->charset, "UTF-8");
  EXPECT_EQ(bom->text, "Seoul \uFFFD\uFFFD\uFFFD\uFFFD Tokyo");

  // Mostly UTF-8, so detected as UTF-8 despite the stray bytes.
  const std::string text = "“The pact will open a new chapter,” he said. ";
  Result<DecodedText> detected = DecodeToUtf8(text + "\xF4\x90\x80\x80" + text);
  ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  EXPECT_EQ(detected->charset, "UTF-8");
  EXPECT_EQ(detected->text, text + "\uFFFD\uFFFD\uFFFD\uFFFD" + text);
}

}  // namespace
}  // namespace morgue
