// validate: what NormalizeAndValidate accepts and how it tidies it, what it refuses with
// which message, and the tag and body helpers it is made of.

#include "validate.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace morgue {
namespace {

Article Titled(std::string title) {
  Article article;
  article.title = std::move(title);
  return article;
}

// ---- Refused -------------------------------------------------------------------------------

struct Refusal {
  const char* what;
  std::function<void(Article&)> spoil;  // applied to an article that is otherwise fine
  std::vector<std::string> user_tags;
  std::string message;
};

const std::string kBadUtf8 = "caf\xC3";  // a sequence cut short

TEST(NormalizeAndValidate, RefusesWithOneMessageNamingTheField) {
  const Refusal refusals[] = {
      {"no title and no body",
       [](Article& a) { a.title.clear(); },
       {},
       "an article needs a title or a body; this one has neither"},
      {"a title and body of white space only",
       [](Article& a) {
         a.title = " \t ";
         a.body = "\n \n";
       },
       {},
       "an article needs a title or a body; this one has neither"},
      {"a title of NULs only",
       [](Article& a) { a.title = std::string(3, '\0'); },
       {},
       "an article needs a title or a body; this one has neither"},
      {"title",
       [](Article& a) { a.title = kBadUtf8; },
       {},
       "field 'title' is not valid UTF-8 text"},
      {"subtitle",
       [](Article& a) { a.subtitle = kBadUtf8; },
       {},
       "field 'subtitle' is not valid UTF-8 text"},
      {"summary",
       [](Article& a) { a.summary = kBadUtf8; },
       {},
       "field 'summary' is not valid UTF-8 text"},
      {"language",
       [](Article& a) { a.language = kBadUtf8; },
       {},
       "field 'language' is not valid UTF-8 text"},
      {"url",
       [](Article& a) { a.url = "https://example.com/" + kBadUtf8; },
       {},
       "field 'url' is not valid UTF-8 text"},
      {"canonical_url",
       [](Article& a) { a.canonical_url = kBadUtf8; },
       {},
       "field 'canonical_url' is not valid UTF-8 text"},
      {"source",
       [](Article& a) { a.source = kBadUtf8; },
       {},
       "field 'source' is not valid UTF-8 text"},
      {"body",
       [](Article& a) { a.body = "para\n\n" + kBadUtf8; },
       {},
       "field 'body' is not valid UTF-8 text"},
      {"an overlong encoding",
       [](Article& a) { a.body = "\xC0\xAF"; },
       {},
       "field 'body' is not valid UTF-8 text"},
      {"a surrogate",
       [](Article& a) { a.summary = "\xED\xA0\x80"; },
       {},
       "field 'summary' is not valid UTF-8 text"},
      {"UTF-8 before emptiness: a bad title and no body",
       [](Article& a) { a.title = "\xFF"; },
       {},
       "field 'title' is not valid UTF-8 text"},
      {"published",
       [](Article& a) { a.published = "yesterday"; },
       {},
       "field 'published': 'yesterday' is not an ISO 8601 date (write 2011-01-04 or "
       "2011-01-04T19:42:00+09:00)"},
      {"published, as written after trimming",
       [](Article& a) { a.published = " 04/01/2011 "; },
       {},
       "field 'published': '04/01/2011' is not an ISO 8601 date (write 2011-01-04 or "
       "2011-01-04T19:42:00+09:00)"},
      {"updated",
       [](Article& a) { a.updated = "2011-13-01"; },
       {},
       "field 'updated': '2011-13-01' is not an ISO 8601 date (write 2011-01-04 or "
       "2011-01-04T19:42:00+09:00)"},
      {"an author without a name",
       [](Article& a) {
         a.authors = {{"Kim Tae-jong", "", "author"}, {" \t", "x@y.kr", ""}};
       },
       {},
       "field 'authors[1].name' is empty: an author needs a name"},
      {"an author's role",
       [](Article& a) {
         a.authors = {{"Kim Tae-jong", "", "editor"}};
       },
       {},
       "field 'authors[0].role': 'editor' is not a role; use 'author' or 'poster'"},
      {"a role in capitals",
       [](Article& a) {
         a.authors = {{"Kim", "", "Author"}};
       },
       {},
       "field 'authors[0].role': 'Author' is not a role; use 'author' or 'poster'"},
      {"an author's name",
       [](Article& a) {
         a.authors = {{kBadUtf8, "", "author"}};
       },
       {},
       "field 'authors[0].name' is not valid UTF-8 text"},
      {"an author's e-mail",
       [](Article& a) {
         a.authors = {{"Kim", kBadUtf8, "author"}};
       },
       {},
       "field 'authors[0].email' is not valid UTF-8 text"},
      {"a tag",
       [](Article& a) {
         a.tags = {"fine", kBadUtf8};
       },
       {},
       "field 'tags' is not valid UTF-8 text"},
      {"a user's tag", [](Article&) {}, {"fine", kBadUtf8}, "field 'tags' is not valid UTF-8 text"},
      {"a media URL",
       [](Article& a) {
         a.media = {{kBadUtf8, "", ""}};
       },
       {},
       "field 'media.url' is not valid UTF-8 text"},
      {"a caption",
       [](Article& a) {
         a.media = {{"", kBadUtf8, ""}};
       },
       {},
       "field 'media.caption' is not valid UTF-8 text"},
      {"a credit",
       [](Article& a) {
         a.media = {{"", "", kBadUtf8}};
       },
       {},
       "field 'media.credit' is not valid UTF-8 text"},
      {"a provenance field",
       [](Article& a) {
         a.provenance = {{kBadUtf8, "rule"}};
       },
       {},
       "field 'provenance' is not valid UTF-8 text"},
      {"a provenance rule",
       [](Article& a) {
         a.provenance = {{"title", kBadUtf8}};
       },
       {},
       "field 'provenance' is not valid UTF-8 text"},
  };
  for (const Refusal& refusal : refusals) {
    Article article = Titled("A title");
    refusal.spoil(article);
    const Status status = NormalizeAndValidate(article, refusal.user_tags);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << refusal.what;
    EXPECT_EQ(status.message(), refusal.message) << refusal.what;
  }
}

// ---- Accepted ------------------------------------------------------------------------------

struct Acceptance {
  const char* what;
  std::function<void(Article&)> give;
  std::function<void(Article&)> expect;  // makes the expected article from the given one
};

TEST(NormalizeAndValidate, AcceptsAndTidies) {
  const Acceptance cases[] = {
      {"a title alone", [](Article&) {}, [](Article&) {}},
      {"a body alone",
       [](Article& a) {
         a.title.clear();
         a.body = "Only a body.";
       },
       [](Article&) {}},
      {"scalar fields trimmed, inner white space folded",
       [](Article& a) {
         a.title = "  Seoul \t moves\n on ";
         a.source = " Korea   Times ";
         a.url = "\thttps://example.com/a ";
         a.language = " ko\n";
       },
       [](Article& a) {
         a.title = "Seoul moves on";
         a.source = "Korea Times";
         a.url = "https://example.com/a";
         a.language = "ko";
       }},
      {"NUL characters dropped everywhere",
       [](Article& a) {
         a.title = std::string("Ti\0tle", 6);
         a.body = std::string("bo\0dy", 5);
         a.authors = {{std::string("K\0im", 4), std::string("k\0@x.kr", 7), "author"}};
         a.media = {{std::string("u\0rl", 4), "", ""}};
       },
       [](Article& a) {
         a.title = "Title";
         a.body = "body";
         a.authors = {{"Kim", "k@x.kr", "author"}};
         a.media = {{"url", "", ""}};
       }},
      {"the body: LF line ends, trailing spaces cut, one blank line between paragraphs",
       [](Article& a) { a.body = "\n\n  One.  \r\nStill one.\r\n\r\n\r\n\r\nTwo.\t\n\n"; },
       [](Article& a) { a.body = "  One.\nStill one.\n\nTwo."; }},
      {"ISO 8601 dates, trimmed",
       [](Article& a) {
         a.published = " 2011-01-04T19:42:00+09:00 ";
         a.updated = "2011-01-05";
       },
       [](Article& a) {
         a.published = "2011-01-04T19:42:00+09:00";
         a.updated = "2011-01-05";
       }},
      {"authors: names folded, e-mail trimmed, an empty role is 'author'",
       [](Article& a) {
         a.authors = {{" Kim   Tae-jong ", " tjkim@koreatimes.co.kr\n", ""},
                      {"Blog account", "", "poster"}};
       },
       [](Article& a) {
         a.authors = {{"Kim Tae-jong", "tjkim@koreatimes.co.kr", "author"},
                      {"Blog account", "", "poster"}};
       }},
      {"media: fields tidied, an empty one dropped",
       [](Article& a) {
         a.media = {{" https://example.com/a.jpg ", " A  caption ", " Yonhap "},
                    {" ", " \n", ""},
                    {"", "Caption alone", ""}};
       },
       [](Article& a) {
         a.media = {{"https://example.com/a.jpg", "A caption", "Yonhap"},
                    {"", "Caption alone", ""}};
       }},
  };
  for (const Acceptance& c : cases) {
    Article given = Titled("A title");
    c.give(given);
    Article expected = given;
    c.expect(expected);
    const Status status = NormalizeAndValidate(given);
    ASSERT_TRUE(status.ok()) << c.what << ": " << status.ToString();
    EXPECT_EQ(given.title, expected.title) << c.what;
    EXPECT_EQ(given.body, expected.body) << c.what;
    EXPECT_EQ(given.source, expected.source) << c.what;
    EXPECT_EQ(given.url, expected.url) << c.what;
    EXPECT_EQ(given.language, expected.language) << c.what;
    EXPECT_EQ(given.published, expected.published) << c.what;
    EXPECT_EQ(given.updated, expected.updated) << c.what;
    EXPECT_EQ(given.authors, expected.authors) << c.what;
    EXPECT_EQ(given.media, expected.media) << c.what;
    EXPECT_TRUE(given.tags.empty()) << c.what;
    EXPECT_TRUE(given.tag_origins.empty()) << c.what;
  }
}

// ---- Tags ----------------------------------------------------------------------------------

struct TagCase {
  const char* what;
  std::vector<std::string> tags;
  std::map<std::string, std::string> stated;  // the input's tag_origins
  std::vector<std::string> user_tags;
  std::vector<std::string> expected_tags;
  std::map<std::string, std::string> expected_origins;
};

TEST(NormalizeAndValidate, KeepsEachTagOnceWithWhereItCameFrom) {
  const TagCase cases[] = {
      {"the input's tags are the page's, trimmed and folded, not cleaned",
       {" North  Korea ", "2011", "to_read", "Smith, John"},
       {},
       {},
       {"North Korea", "2011", "to_read", "Smith, John"},
       {{"North Korea", "page"}, {"2011", "page"}, {"to_read", "page"}, {"Smith, John", "page"}}},
      {"the same tag in another ASCII case or spacing is kept once, first spelling",
       {"Korea", "KOREA", " korea "},
       {},
       {},
       {"Korea"},
       {{"Korea", "page"}}},
      {"empty tags dropped", {"", "  ", "Seoul"}, {}, {""}, {"Seoul"}, {{"Seoul", "page"}}},
      {"the user's tags (import --tag)",
       {},
       {},
       {"to read", " later "},
       {"to read", "later"},
       {{"to read", "user"}, {"later", "user"}}},
      {"a page's tag the user also gives is both's",
       {"Korea"},
       {},
       {"korea"},
       {"Korea"},
       {{"Korea", "both"}}},
      {"a stated origin is kept, and comes first",
       {"Seoul", "Mine", "Old"},
       {{"Mine", "user"}, {"Old", "unknown"}},
       {},
       {"Mine", "Old", "Seoul"},
       {{"Mine", "user"}, {"Old", "unknown"}, {"Seoul", "page"}}},
      {"an unknown origin completed by a known one",
       {"Old"},
       {{"Old", "unknown"}},
       {"old"},
       {"Old"},
       {{"Old", "user"}}},
      {"a stated origin that is none makes the tag the page's",
       {"Seoul"},
       {{"Seoul", "somewhere"}},
       {},
       {"Seoul"},
       {{"Seoul", "page"}}},
      {"NULs dropped from the user's tags",
       {},
       {},
       {std::string("a\0b", 3)},
       {"ab"},
       {{"ab", "user"}}},
  };
  for (const TagCase& c : cases) {
    Article article = Titled("A title");
    article.tags = c.tags;
    article.tag_origins = c.stated;
    const Status status = NormalizeAndValidate(article, c.user_tags);
    ASSERT_TRUE(status.ok()) << c.what << ": " << status.ToString();
    EXPECT_EQ(article.tags, c.expected_tags) << c.what;
    EXPECT_EQ(article.tag_origins, c.expected_origins) << c.what;
  }
}

TEST(NormalizeTag, TrimsAndFoldsInnerWhiteSpace) {
  const std::pair<std::string, std::string> cases[] = {
      {"Korea", "Korea"},
      {"  North \t Korea\n", "North Korea"},
      {"", ""},
      {" \n ", ""},
      {"Smith, John", "Smith, John"},
      {"a\xC2\xA0"
       "b",
       "a\xC2\xA0"
       "b"},
      {"KOREA", "KOREA"},
  };
  for (const auto& [tag, normal] : cases) EXPECT_EQ(NormalizeTag(tag), normal) << "'" << tag << "'";
}

TEST(IsTagOrigin, KnowsTheFourOrigins) {
  for (const char* origin : {"page", "user", "both", "unknown"}) EXPECT_TRUE(IsTagOrigin(origin));
  for (const char* origin : {"", "Page", "pages", "import", " user"}) {
    EXPECT_FALSE(IsTagOrigin(origin)) << "'" << origin << "'";
  }
}

TEST(MergeTagOrigins, CombinesAStoredOriginWithAnAddedOne) {
  struct Merge {
    const char* stored;
    const char* added;
    const char* merged;
  };
  const Merge cases[] = {
      {"page", "page", "page"},    {"user", "user", "user"},          {"page", "user", "both"},
      {"user", "page", "both"},    {"both", "page", "both"},          {"both", "user", "both"},
      {"unknown", "page", "page"}, {"unknown", "user", "user"},       {"page", "unknown", "page"},
      {"user", "unknown", "user"}, {"unknown", "unknown", "unknown"},
  };
  for (const Merge& c : cases) {
    EXPECT_EQ(MergeTagOrigins(c.stored, c.added), c.merged) << c.stored << " + " << c.added;
  }
}

TEST(NormalizeBody, KeepsOneBlankLineBetweenParagraphs) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"\n\n\n", ""},
      {"One.", "One."},
      {"One.\nTwo.", "One.\nTwo."},
      {"One.\r\nTwo.\r\n", "One.\nTwo."},
      {"One.\n\n\n\nTwo.", "One.\n\nTwo."},
      {"One.  \n \t \nTwo.\t", "One.\n\nTwo."},
      {"  Indented stays.", "  Indented stays."},
      {"\n\nOne.\n\n", "One."},
      {"One.\rStill one.", "One.\rStill one."},  // a lone CR is no line end
  };
  for (const auto& [body, normal] : cases) {
    EXPECT_EQ(NormalizeBody(body), normal) << "'" << body << "'";
  }
}

}  // namespace
}  // namespace morgue
