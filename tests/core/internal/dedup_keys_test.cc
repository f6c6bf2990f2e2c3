// The dedup keys: which bodies NormalizedBodyHash takes for the same and which not, the
// forms UrlKey gives one key, and CountWords across scripts.

#include "dedup_keys.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <string>

#include "storage_codec.h"

namespace morgue {
namespace {

// ---- NormalizedBodyHash --------------------------------------------------------------------

struct BodyPair {
  std::string a;
  std::string b;
};

TEST(NormalizedBodyHash, IsTheSha256OfTheFoldedBody) {
  EXPECT_EQ(NormalizedBodyHash("Hello world"), Sha256Hex("hello world"));
  EXPECT_EQ(NormalizedBodyHash("  First line.\r\n\r\n  Second\tLINE. "),
            Sha256Hex("first line. second line."));
}

TEST(NormalizedBodyHash, TakesTheseBodiesForTheSame) {
  const BodyPair same[] = {
      {"Seoul, Jan. 4", "seoul, jan. 4"},                 // ASCII case
      {"one two", "one   two"},                           // a run of spaces
      {"one two", "one\ttwo"},                            // tab
      {"one\ntwo", "one\r\ntwo"},                         // line ends
      {"para one.\n\npara two.", "para one. para two."},  // blank lines
      {"one two", "  one two  \n"},                       // ends trimmed
      {"one two", "one\f\vtwo"},                          // form feed, vertical tab
      {"\xEC\x84\x9C\xEC\x9A\xB8 news", "\xEC\x84\x9C\xEC\x9A\xB8  NEWS"},  // 서울
  };
  for (const BodyPair& pair : same) {
    EXPECT_EQ(NormalizedBodyHash(pair.a), NormalizedBodyHash(pair.b))
        << "'" << pair.a << "' and '" << pair.b << "'";
  }
}

TEST(NormalizedBodyHash, TellsTheseBodiesApart) {
  const BodyPair different[] = {
      {"one two", "onetwo"},                       // a space is not nothing
      {"one two", "one, two"},                     // punctuation counts
      {"one two", "one two."},                     // so does a final full stop
      {"\xC3\xA9t\xC3\xA9", "\xC3\x89T\xC3\x89"},  // été, ÉTÉ: only ASCII folds
      {"one two", "one\xC2\xA0two"},               // a no-break space is not ASCII
      {"one two", "one\xE2\x80\x83two"},           // nor an em space
      {"one two", std::string("one\0two", 7)},     // NUL is a byte like any other
      {"Hello world", "Hello world!"},
  };
  for (const BodyPair& pair : different) {
    EXPECT_NE(NormalizedBodyHash(pair.a), NormalizedBodyHash(pair.b))
        << "'" << pair.a << "' and '" << pair.b << "'";
  }
}

TEST(NormalizedBodyHash, IsEmptyForABodyWithNothingButSpace) {
  for (const char* body : {"", " ", "\n\n", " \t\r\n\f\v "}) {
    EXPECT_EQ(NormalizedBodyHash(body), "") << "'" << body << "'";
  }
  EXPECT_NE(NormalizedBodyHash("\xC2\xA0"), "");  // a no-break space alone is text
}

// ---- UrlKey --------------------------------------------------------------------------------

struct UrlCase {
  std::string url;
  std::string key;
};

TEST(UrlKey, GivesTheseKeys) {
  const UrlCase cases[] = {
      {"https://www.koreatimes.co.kr/www/nation/2011/01/113_79140.html",
       "koreatimes.co.kr/www/nation/2011/01/113_79140.html"},
      // http and https alike; scheme and host in any case; the path's case kept.
      {"http://example.com/News/1", "example.com/News/1"},
      {"HTTPS://WWW.Example.COM/News/1", "example.com/News/1"},
      // Default ports dropped, others kept.
      {"https://example.com:443/a", "example.com/a"},
      {"http://example.com:80/a", "example.com/a"},
      {"http://example.com:8080/a", "example.com:8080/a"},
      {"https://www.example.com:443/", "example.com"},
      // Fragment dropped, query kept; trailing slashes of the whole key dropped.
      {"https://example.com/a#comments", "example.com/a"},
      {"https://example.com/a/?page=2", "example.com/a/?page=2"},
      {"https://example.com?page=2#top", "example.com?page=2"},
      {"https://example.com/a///", "example.com/a"},
      {"https://example.com/", "example.com"},
      {"https://example.com", "example.com"},
      // White space around the address.
      {" \thttps://example.com/a\n", "example.com/a"},
      // Only "www." at the start of the host goes.
      {"https://news.www.example.com/a", "news.www.example.com/a"},
      {"https://www2.example.com/a", "www2.example.com/a"},
  };
  for (const UrlCase& c : cases) EXPECT_EQ(UrlKey(c.url), c.key) << c.url;
}

TEST(UrlKey, IsEmptyForWhatIsNoAbsoluteHttpAddress) {
  for (const char* url : {"", "   ", "example.com/a", "/www/nation/1.html", "ftp://example.com/a",
                          "mailto:desk@example.com", "file:///tmp/a.html", "https://", "https:///a",
                          "https://www./a", "javascript://x"}) {
    EXPECT_EQ(UrlKey(url), "") << "'" << url << "'";
  }
}

TEST(UrlKey, OneArticleUnderItsAddressForms) {
  const std::string key = UrlKey("https://www.example.com/2011/01/story.html");
  for (const char* form :
       {"http://example.com/2011/01/story.html", "https://EXAMPLE.com:443/2011/01/story.html#c1",
        "http://www.example.com:80/2011/01/story.html/"}) {
    EXPECT_EQ(UrlKey(form), key) << form;
  }
  EXPECT_NE(UrlKey("https://example.com/2011/01/Story.html"), key);
  EXPECT_NE(UrlKey("https://example.com/2011/01/story.html?print=1"), key);
}

// ---- CountWords ----------------------------------------------------------------------------

struct WordCase {
  std::string text;
  int64_t words;
};

TEST(CountWords, CountsWordsAcrossScripts) {
  const WordCase cases[] = {
      {"", 0},
      {" \n\t ", 0},
      {"one", 1},
      {"one two  three\nfour", 4},
      {"Hello, world!", 2},
      {"(one)[two]{three}", 3},
      {"3.5 million", 3},  // the full stop breaks "3.5"
      // Hyphens and apostrophes join.
      {"Kwan-jin", 1},
      {"Korea's", 1},
      {"Korea\xE2\x80\x99s", 1},  // ’
      {"2011-01-04", 1},
      {"a - b", 2},
      {"-", 0},
      {"' '", 0},
      // Spaces and punctuation beyond ASCII.
      {"one\xC2\xA0two", 2},                  // no-break space
      {"one\xE2\x80\x94two", 2},              // em dash
      {"one\xE2\x80\xA6two", 2},              // …
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", 1},  // “quoted”
      // Alphabets with spaces.
      {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80",
       2},  // Привет, мир
      {"\xCE\x9A\xCE\xB1\xCE\xBB\xCE\xB7\xCE\xBC\xCE\xAD\xCF\x81\xCE\xB1 "
       "\xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5",
       2},  // Καλημέρα κόσμε
      // Korean is written with spaces: a run of Hangul is one word.
      {"\xEB\x8C\x80\xED\x95\x9C\xEB\xAF\xBC\xEA\xB5\xAD \xEC\x84\x9C\xEC\x9A\xB8",
       2},                                   // 대한민국 서울
      {"Seoul\xEC\x84\x9C\xEC\x9A\xB8", 1},  // Seoul서울
      // Chinese and Japanese without spaces: one word per ideograph or kana.
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 3},              // 東京都
      {"\xE3\x81\xB2\xE3\x82\x89\xE3\x81\x8C\xE3\x81\xAA", 4},  // ひらがな
      {"\xE3\x82\xAB\xE3\x82\xBF\xE3\x82\xAB\xE3\x83\x8A", 4},  // カタカナ
      {"\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C\xE3\x80\x82",
       4},                                      // 你好，世界。
      {"\xE6\x9D\xB1\xE4\xBA\xAC Tokyo", 3},    // 東京 Tokyo
      {"Tokyo\xE6\x9D\xB1\xE4\xBA\xAC", 3},     // Tokyo東京: a word, then two
      {"\xF0\xA0\x80\x80\xF0\xA0\x80\x81", 2},  // two ideographs of plane 2
  };
  for (const WordCase& c : cases) EXPECT_EQ(CountWords(c.text), c.words) << "'" << c.text << "'";
}

TEST(CountWords, EveryAsciiSpaceAndPunctuationMarkButHyphenAndApostropheSeparatesWords) {
  for (int c = 1; c < 0x80; ++c) {
    const bool joins = c == '-' || c == '\'';
    const bool separates = !joins && (std::isspace(c) != 0 || std::ispunct(c) != 0);
    const std::string text = std::string("ab") + static_cast<char>(c) + "cd";
    EXPECT_EQ(CountWords(text), separates ? 2 : 1) << "character " << c;
  }
}

}  // namespace
}  // namespace morgue
