// Full-text queries and filter values through the Archive API, on a real archive: a
// malformed query is InvalidArgument naming it, never a crash, and no value a user types
// is read as SQL.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "morgue/archive.h"
#include "morgue/filter.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::QuerySql;
using ::morgue::testing::TempDir;

TEST(LiteralQueryTest, QuotesEveryWordAndDoublesItsQuotes) {
  EXPECT_EQ(LiteralQuery("C++ U.S."), "\"C++\" \"U.S.\"");
  EXPECT_EQ(LiteralQuery("  AND\tNEAR(  "), "\"AND\" \"NEAR(\"");
  EXPECT_EQ(LiteralQuery("say \"hi\""), "\"say\" \"\"\"hi\"\"\"");
  EXPECT_EQ(LiteralQuery(" \n "), "");
  EXPECT_EQ(LiteralQuery(""), "");
}

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
    for (const auto& [title, author, tag] :
         {std::tuple{"One", "Sean O'Brien", "100%"}, std::tuple{"Two", "Ann Smith", "a_b"},
          std::tuple{"Three", "Robert'); DROP TABLE articles;--", "axb"}}) {
      Article article;
      article.title = title;
      article.body = std::string("A harbour story: ") + title + ".";
      article.authors.push_back({.name = author});
      article.tags = {tag};
      auto added = archive_->Add(article);
      ASSERT_TRUE(added.ok()) << added.status().ToString();
    }
  }

  int64_t Count(const Filter& filter) {
    auto count = archive_->Count(filter);
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(QueryTest, MalformedQueriesAreInvalidArgumentsEverywhere) {
  for (const std::string& query :
       std::vector<std::string>{"\"open", "AND", "NEAR(", "*", "NEAR(a b, x)", "harbour AND (",
                                std::string(5000, '('), std::string("harbour\0AND", 11)}) {
    Filter filter;
    filter.query = query;
    auto hits = archive_->Search(filter);
    ASSERT_FALSE(hits.ok()) << query;
    EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument) << hits.status().ToString();
    EXPECT_EQ(hits.status().message().rfind("cannot read the search query '", 0), 0u)
        << hits.status().message();
    EXPECT_EQ(hits.status().message().find('\n'), std::string::npos);
    EXPECT_EQ(hits.status().message().find('\0'), std::string::npos);
    EXPECT_EQ(archive_->Count(filter).status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(archive_->Select(filter).status().code(), StatusCode::kInvalidArgument);
    Status found = archive_->Find(filter, [](const Article&) { return Status::OK(); });
    EXPECT_EQ(found.code(), StatusCode::kInvalidArgument) << found.ToString();
  }
  Filter nul;
  nul.query = std::string("harbour\0", 8);
  EXPECT_EQ(archive_->Search(nul).status().message(),
            "cannot read the search query 'harbour\\x00': it contains a NUL byte; type the query "
            "without it");
  // What FTS5 itself refuses comes in its words, with the same advice.
  Filter near;
  near.query = "NEAR(a b, x)";
  EXPECT_EQ(archive_->Search(near).status().message(),
            "cannot read the search query 'NEAR(a b, x)': expected integer, got \"x\"; put a "
            "phrase in double quotes (\"covid 19\"), or use --literal to search for the words as "
            "written");
}

TEST_F(QueryTest, LiteralQueriesFindWordsWithSyntaxCharacters) {
  Filter filter;
  filter.query = "harbour AND (";
  filter.literal_query = true;
  EXPECT_EQ(Count(filter), 0);  // "and" is not in the bodies
  filter.query = "harbour story.";
  EXPECT_EQ(Count(filter), 3);
  filter.query = "   ";
  auto hits = archive_->Search(filter);
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(QueryTest, HostileFilterValuesMatchLiterally) {
  auto count = [&](auto set) {
    Filter filter;
    set(filter);
    return Count(filter);
  };
  EXPECT_EQ(count([](Filter& f) { f.author = "O'Brien"; }), 1);
  EXPECT_EQ(count([](Filter& f) { f.author = "'); DROP TABLE articles;--"; }), 1);
  EXPECT_EQ(count([](Filter& f) { f.author = "' OR '1'='1"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.author = "%"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.author = "Sm_th"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.author = "\\"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.source = "%"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.source = "' OR 1=1 --"; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.tags = {"100%"}; }), 1);
  EXPECT_EQ(count([](Filter& f) { f.tags = {"1%"}; }), 0);
  EXPECT_EQ(count([](Filter& f) { f.tags = {"a_b"}; }), 1);
  EXPECT_EQ(count([](Filter& f) { f.tags = {"' OR 1=1 --"}; }), 0);

  const std::string evil = "x'); DROP TABLE tags; --";
  ASSERT_TRUE(archive_->Tag(1, {evil}).ok());
  EXPECT_EQ(count([&](Filter& f) { f.tags = {evil}; }), 1);
  ASSERT_TRUE(archive_->Untag(1, {evil}).ok());
  EXPECT_EQ(count([&](Filter& f) { f.tags = {evil}; }), 0);
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles"), "3");
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM tags"), "3");
}

TEST_F(QueryTest, WordsWithPunctuationAreFoundAsPhrases) {
  Article article;
  article.title = "Covid-19 and the e-mail";
  article.body = "Don't call the co-op's office.";
  ASSERT_TRUE(archive_->Add(article).ok());
  auto count = [&](const std::string& query) {
    Filter filter;
    filter.query = query;
    return Count(filter);
  };
  EXPECT_EQ(count("covid-19"), 1);
  EXPECT_EQ(count("title:covid-19 e-mail"), 1);
  EXPECT_EQ(count("body:covid-19"), 0);
  EXPECT_EQ(count("don't co-op's"), 1);
  EXPECT_EQ(count("covid-20"), 0);
}

TEST_F(QueryTest, CountIgnoresOrderLimitAndOffsetButNotTheFilter) {
  Filter filter;
  filter.query = "harbour";
  filter.limit = 1;
  filter.offset = 1;
  filter.order = SortOrder::kTitle;
  EXPECT_EQ(Count(filter), 3);
  filter.author = "smith";
  EXPECT_EQ(Count(filter), 1);
  filter.author.clear();
  filter.query = "harbour NOT two";
  EXPECT_EQ(Count(filter), 2);
  filter.query.clear();
  filter.order = SortOrder::kRelevance;
  EXPECT_EQ(archive_->Count(filter).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace morgue
