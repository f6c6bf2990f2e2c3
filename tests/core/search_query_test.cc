// SearchQueryToFts5: queries as people type them, in, and the FTS5 query, out. Every
// rewritten query is also run by SQLite's FTS5 on a real table, so an output FTS5 would
// refuse fails here too.

#include "morgue/search_query.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace morgue {
namespace {

struct Rewrite {
  std::string query;
  std::string fts5;
};

// FTS5's verdict on `fts5`: "" when it reads it, else its error.
std::string Fts5Error(const std::string& fts5) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(title, subtitle, body, authors, tags,"
                         " tokenize = 'unicode61 remove_diacritics 2');"
                         "INSERT INTO t VALUES ('a', 'b', 'c', 'd', 'e');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &stmt, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(stmt, 1, fts5.data(), static_cast<int>(fts5.size()), SQLITE_TRANSIENT);
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(stmt);
  std::string error = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return error;
}

void ExpectRewrites(const std::vector<Rewrite>& table) {
  for (const Rewrite& row : table) {
    Result<std::string> fts5 = SearchQueryToFts5(row.query);
    ASSERT_TRUE(fts5.ok()) << row.query << ": " << fts5.status().ToString();
    EXPECT_EQ(*fts5, row.fts5) << "query: " << row.query;
    if (!fts5->empty()) {
      EXPECT_EQ(Fts5Error(*fts5), "") << "query: " << row.query << " -> " << *fts5;
    }
  }
}

TEST(SearchQueryTest, WordsFts5CannotHoldBecomePhrasesOfTheirParts) {
  ExpectRewrites({
      {"covid-19", "\"covid-19\""},
      {"e-mail", "\"e-mail\""},
      {"don't", "\"don't\""},
      {"C++", "\"C++\""},
      {"U.S.", "\"U.S.\""},
      {"3.5", "\"3.5\""},
      {"AT&T", "\"AT&T\""},
      {"co-op's", "\"co-op's\""},
      {"1,000", "\"1,000\""},
      {"lee@example.com", "\"lee@example.com\""},
      {"and/or", "\"and/or\""},
      {"#metoo", "\"#metoo\""},
      {"50%", "\"50%\""},
      {"harbour.", "\"harbour.\""},
      {"x=y;", "\"x=y;\""},
      {"a\\b", "\"a\\b\""},
      // A non-ASCII apostrophe is a bareword character to FTS5, which then splits the word
      // at it as the index did: don’t already reads as the phrase don t.
      {"don’t", "don’t"},
      {"Covid-19 vaccine e-mails", "\"Covid-19\" vaccine \"e-mails\""},
      {"  covid-19\t\nvaccine  ", "\"covid-19\" vaccine"},
  });
}

TEST(SearchQueryTest, WhatFts5ReadsAlreadyIsKeptAsItIs) {
  ExpectRewrites({
      {"harbour", "harbour"},
      {"harbour ship", "harbour ship"},
      {"military AND (pact OR agreement)", "military AND (pact OR agreement)"},
      {"harbour NOT ship", "harbour NOT ship"},
      {"\"military pact\"", "\"military pact\""},
      {"\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\""},
      {"harb*", "harb*"},
      {"harbour *", "harbour *"},
      {"a*b", "a*b"},
      {"\"military pa\"*", "\"military pa\"*"},
      {"^harbour", "^harbour"},
      {"^\"harbour reopens\"", "^\"harbour reopens\""},
      {"title:harbour", "title:harbour"},
      {"TITLE:harbour", "TITLE:harbour"},
      {"title: harbour", "title: harbour"},
      {"title :harbour", "title :harbour"},
      {"title : harbour", "title : harbour"},
      {"title:(harbour OR ship)", "title:(harbour OR ship)"},
      {"-title:harbour", "-title:harbour"},
      {"- title:harbour", "- title:harbour"},
      {"{title body}:harbour", "{title body}:harbour"},
      {"-{title body}: harbour", "-{title body}: harbour"},
      {"\"title\":harbour", "\"title\":harbour"},
      {"NEAR(harbour ship)", "NEAR(harbour ship)"},
      {"NEAR(harbour ship, 5)", "NEAR(harbour ship, 5)"},
      {"NEAR (harbour ship,5)", "NEAR (harbour ship,5)"},
      {"harbour + master", "harbour + master"},
      {"harbour +master", "harbour +master"},
      {"harbour+ master", "harbour+ master"},
      {"harbour* + master", "harbour* + master"},
      {"a^b", "a^b"},
      {"near and or not", "near and or not"},
      {"b*+ b", "b*+ b"},
      {"1*AND x", "1*AND x"},
      {"x OR^y", "x OR^y"},
      {"y*tags:x", "y*tags:x"},
      {"NEAR", "NEAR"},
      {"snake_case", "snake_case"},
      {"", ""},
      {"   ", ""},
  });
}

TEST(SearchQueryTest, SyntaxAroundSuchWordsKeepsWorking) {
  ExpectRewrites({
      {"title:covid-19", "title:\"covid-19\""},
      {"title: covid-19", "title: \"covid-19\""},
      {"-title:covid-19", "-title:\"covid-19\""},
      {"{title body}:e-mail", "{title body}:\"e-mail\""},
      {"covid-19*", "\"covid-19\"*"},
      {"co-op*", "\"co-op\"*"},
      {"^covid-19", "^\"covid-19\""},
      {"(covid-19 OR sars) AND e-mail", "(\"covid-19\" OR sars) AND \"e-mail\""},
      {"covid-19 NOT U.S.", "\"covid-19\" NOT \"U.S.\""},
      {"NEAR(covid-19 e-mail, 10)", "NEAR(\"covid-19\" \"e-mail\", 10)"},
      {"C++ programming", "\"C++\" programming"},
      {"C++ + programming", "\"C++\" + programming"},
      {"a+b", "\"a+b\""},
      {"+1", "\"+1\""},
      {"AND*", "\"AND\"*"},
  });
}

TEST(SearchQueryTest, AGroupBesideAWordIsJoinedWithAndAsWordsAre) {
  // FTS5 refuses these; words side by side already mean AND.
  ExpectRewrites({
      {"harbour (ship OR boat)", "harbour AND (ship OR boat)"},
      {"(ship OR boat) harbour", "(ship OR boat) AND harbour"},
      {"(a)(b)", "(a) AND (b)"},
      {"covid-19 (e-mail OR ward)", "\"covid-19\" AND (\"e-mail\" OR ward)"},
      {"title:(a) b", "title:(a) AND b"},
      {"harb*(a)", "harb* AND (a)"},
  });
}

TEST(SearchQueryTest, OnlyRealColumnsAreColumnFilters) {
  ExpectRewrites({
      {"note: harbour", "\"note:\" harbour"},
      {"note:harbour", "\"note:harbour\""},
      {"nosuchcolumn: x", "\"nosuchcolumn:\" x"},
      {"http://example.com/a?b=c", "\"http://example.com/a?b=c\""},
      {"title:http://example.com", "title:\"http://example.com\""},
      {"title:note:x", "title:\"note:x\""},
      {"10:30", "\"10:30\""},
      {":harbour", "\":harbour\""},
      {"\"covid\":19", "\"covid\" \":19\""},
  });
}

TEST(SearchQueryTest, PunctuationAloneIsLeftOut) {
  // The index keeps no punctuation, so these words could never be found.
  ExpectRewrites({
      {"harbour & ship", "harbour ship"},
      {"harbour - ship", "harbour ship"},
      {"harbour -", "harbour"},
      {"... harbour", "harbour"},
      {"&", ""},
  });
}

struct Unreadable {
  std::string query;
  std::string message;
};

TEST(SearchQueryTest, WhatCannotBeReadSaysWhyAndWhatToWriteInstead) {
  const std::string literal = "or use --literal to search for the words as written";
  const std::vector<Unreadable> table = {
      {"\"unbalanced", "a double quote (\") is not closed; close it with another one, " + literal},
      {"\"", "a double quote (\") is not closed; close it with another one, " + literal},
      {"harbour AND (", "'(' is not closed; close it with ')', " + literal},
      {"NEAR(harbour", "'NEAR(' is not closed; close it with ')', " + literal},
      {std::string(10000, '('), "'(' is not closed; close it with ')', " + literal},
      {")", "')' closes no '('; open it with '(' or leave it out, " + literal},
      {"()", "the brackets '()' hold no words; put words between them, " + literal},
      {"AND",
       "'AND' needs words on both sides; to search for the word itself, put it in double "
       "quotes (\"AND\") or use --literal"},
      {"harbour OR",
       "'OR' needs words on both sides; to search for the word itself, put it in double "
       "quotes (\"OR\") or use --literal"},
      {"harbour AND AND ship",
       "'AND' needs words on both sides; to search for the word itself, put it in double "
       "quotes (\"AND\") or use --literal"},
      {"NOT harbour",
       "'NOT' needs words on both sides; to leave a word out, write NOT after the words to "
       "find (ship NOT harbour); to search for the word itself, put it in double quotes "
       "(\"NOT\") or use --literal"},
      {"title:",
       "'title:' needs a word, a \"phrase\" or (words) after it; write e.g. title:harbour, " +
           literal},
      {"harbour title: AND ship",
       "'title:' needs a word, a \"phrase\" or (words) after it; write e.g. title:harbour, " +
           literal},
      {"{title body",
       "'{' is not closed; close it with '}' and follow it with ':' (e.g. "
       "{title body}:harbour), " +
           literal},
      {"{title note}:x",
       "'note' is not a column of the index; the columns are title, subtitle, body, authors, "
       "tags"},
      {"{title body} harbour",
       "'{title body}' needs ':' and words after it; write e.g. {title body}:harbour, " + literal},
      {"harbour }", "'}' closes no '{'; open it with '{' or leave it out, " + literal},
      {"{}:harbour",
       "the braces '{}' name no column; name columns in them: "
       "{title body}:harbour, " +
           literal},
      {"*",
       "'*' needs a word right before it; write it after the start of a word (harbour* finds "
       "harbours), " +
           literal},
      {"*harbour",
       "'*' needs a word right before it; write it after the start of a word (harbour* finds "
       "harbours), " +
           literal},
      {"^",
       "'^' needs a word right after it; write it before a word (^harbour: a column that "
       "starts with harbour), " +
           literal},
      {"harbour +",
       "'+' needs a word on each side; write it between words (harbour + master: the "
       "phrase), " +
           literal},
      {"-harbour",
       "a '-' before 'harbour' does not leave it out; to leave a word out write NOT before "
       "it, after the words to find (ship NOT harbour); to search for it as written put it "
       "in double quotes (\"-harbour\")"},
      {"ship -covid-19",
       "a '-' before 'covid-19' does not leave it out; to leave a word out write NOT before "
       "it, after the words to find (ship NOT covid-19); to search for it as written put it "
       "in double quotes (\"-covid-19\")"},
      {"-\"harbour master\"",
       "a '-' before 'harbour master' does not leave it out; to leave a word out write NOT "
       "before it, after the words to find (ship NOT harbour master); to search for it as "
       "written put it in double quotes (\"-harbour master\")"},
  };
  for (const Unreadable& row : table) {
    Result<std::string> fts5 = SearchQueryToFts5(row.query);
    ASSERT_FALSE(fts5.ok()) << row.query << " -> " << *fts5;
    EXPECT_EQ(fts5.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(fts5.status().message(), row.message) << row.query.substr(0, 40);
  }
}

// The rows FTS5 finds for `fts5` in `db`'s table t; false when FTS5 refuses the query.
bool Rows(sqlite3* db, const std::string& fts5, std::set<int64_t>* rows) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &stmt, nullptr) !=
      SQLITE_OK) {
    return false;
  }
  sqlite3_bind_text(stmt, 1, fts5.data(), static_cast<int>(fts5.size()), SQLITE_TRANSIENT);
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows->insert(sqlite3_column_int64(stmt, 0));
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE;
}

TEST(SearchQueryTest, NoQueryFts5AcceptsIsRefusedOrFindsOtherRows) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE VIRTUAL TABLE t USING fts5(title, subtitle, body, authors, tags);"
                         "INSERT INTO t VALUES ('a b', 'c', 'd e', 'f', 'g');"
                         "INSERT INTO t VALUES ('b a c', 'x y', 'a', 'b', 'c');"
                         "INSERT INTO t VALUES ('x', 'a', 'b c d', 'title', 'body');"
                         "INSERT INTO t VALUES ('c x y', '1 a', 'b 1', 'a', 'x y');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  // Random queries of words, syntax and punctuation, FTS5's and the rewriter's readings.
  const std::vector<std::string> atoms = {
      "a",    "b", "c", "x", "y", "1", "title", "body", "tags", "note", ":",  "-",
      "+",    "*", "^", "(", ")", "{", "}",     "\"",   ",",    "AND",  "OR", "NOT",
      "NEAR", " ", " ", "'", ".", "&", "C++",   "x-y",  "é",    "’",    "\t", "5"};
  std::mt19937 random(11);
  int accepted = 0;
  for (int n = 0; n < 100000; ++n) {
    std::string query;
    for (int i = 0, length = 1 + static_cast<int>(random() % 10); i < length; ++i) {
      query += atoms[random() % atoms.size()];
    }
    std::set<int64_t> as_written;
    if (!Rows(db, query, &as_written)) continue;
    ++accepted;
    Result<std::string> fts5 = SearchQueryToFts5(query);
    ASSERT_TRUE(fts5.ok()) << "[" << query << "]: " << fts5.status().ToString();
    std::set<int64_t> rewritten;
    if (!fts5->empty()) {
      ASSERT_TRUE(Rows(db, *fts5, &rewritten)) << "[" << query << "] -> [" << *fts5 << "]";
    }
    EXPECT_EQ(rewritten, as_written) << "[" << query << "] -> [" << *fts5 << "]";
  }
  EXPECT_GT(accepted, 10000);
  sqlite3_close(db);
}

TEST(SearchQueryTest, CjkWordsBecomeTheWordOrThePhraseOfTheirPairs) {
  // Found inside longer runs of CJK text through the pairs the index holds beside it
  // (search_grams.h); a group beside a word is joined with AND as FTS5 needs.
  ExpectRewrites({
      {"협정", "\"협정\""},
      {"협정을", "(협정을 OR \"협정 정을\")"},
      {"군사협정 NOT 국방부", "(군사협정 OR \"군사 사협 협정\") NOT (국방부 OR \"국방 방부\")"},
      {"harbour 협정을", "harbour AND (협정을 OR \"협정 정을\")"},
      {"협정을 harbour", "(협정을 OR \"협정 정을\") AND harbour"},
      {"title:협정을*", "title:(협정을 * OR \"협정 정을\")"},
      {"title:협정*", "title:\"협정\" *"},
      {"\"첫 한파\"", "\"첫 한파\""},
      {"협", "\"협\" *"},
      {"NEAR(군사협정 체결, 5)", "NEAR(\"군사 사협 협정\" \"체결\", 5)"},
      // Where FTS5 needs the word itself: after ^ and beside +, and in a NEAR group with
      // words of other scripts (the pairs stand after the text).
      {"^협정", "^협정"},
      {"협정 + 체결", "협정 + 체결"},
      {"협정* + 체결", "협정* + 체결"},
      {"NEAR(Samsung 갤럭시)", "NEAR(Samsung 갤럭시)"},
      // Words after NOT stay together when the groups are joined with AND.
      {"선박 NOT 항구에 선장이",
       "\"선박\" NOT ((항구에 OR \"항구 구에\") AND (선장이 OR \"선장 장이\"))"},
      {"ship NOT harbour (master OR mate)", "ship NOT (harbour AND (master OR mate))"},
      // Punctuation alone is passed over, not an empty phrase joined with AND.
      {"협정 —", "\"협정\""},
      {"협정을 —", "(협정을 OR \"협정 정을\")"},
      {"— 협정을", "(협정을 OR \"협정 정을\")"},
  });
}

TEST(SearchQueryTest, CjkWordsInAnySyntaxGiveQueriesFts5Reads) {
  // Random queries of CJK words, other words and syntax: whatever the rewriter accepts,
  // FTS5 reads.
  const std::vector<std::string> atoms = {
      "협정", "군사협정을", "協定", "ニュース", "협", "Galaxy폰", "a",  "title", ":", "-",
      "+",    "*",          "^",    "(",        ")",  "{",        "}",  "\"",    ",", "AND",
      "OR",   "NOT",        "NEAR", " ",        " ",  "x-y",      "\t", "5"};
  std::mt19937 random(15);
  int accepted = 0;
  for (int n = 0; n < 6000; ++n) {
    std::string query;
    for (int i = 0, length = 1 + static_cast<int>(random() % 8); i < length; ++i) {
      query += atoms[random() % atoms.size()];
    }
    Result<std::string> fts5 = SearchQueryToFts5(query);
    if (!fts5.ok() || fts5->empty()) continue;
    ++accepted;
    ASSERT_EQ(Fts5Error(*fts5), "") << "[" << query << "] -> [" << *fts5 << "]";
  }
  EXPECT_GT(accepted, 600);
}

TEST(SearchQueryTest, ColumnNamesAreTheIndexColumns) {
  EXPECT_EQ(SearchColumnNames(), "title, subtitle, body, authors, tags");
}

}  // namespace
}  // namespace morgue
