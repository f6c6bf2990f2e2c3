// The archive through its public API, on real SQLite files.

#include "morgue/archive.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "support/test_support.h"

namespace morgue {
namespace {

using testing::TempDir;

Article SeedArticle() {
  Article a;
  a.title = "Seoul, Tokyo seek 1st military pact";
  a.subtitle = "Defense chiefs to hold meeting in Seoul Jan. 10-11";
  a.authors = {{"Lee Tae-hoon", "leeth@koreatimes.co.kr", "author"}};
  a.published = "2011-01-04";
  a.source = "Korea Times";
  a.language = "en";
  a.tags = {"japan", "defense"};
  a.media = {{"", "Japanese Prime Minister Naoto Kan speaks.", "Xinhua-Yonhap"}};
  a.body =
      "South Korea is considering signing its first military agreement with Japan.\n\n"
      "The official said that Defense Minister Kim Kwan-jin will discuss the matter.";
  a.provenance = {{"title", "test-rule"}, {"published", "blogger-date-header"}};
  return a;
}

Article Simple(std::string title, std::string body, std::string published = "") {
  Article a;
  a.title = std::move(title);
  a.body = std::move(body);
  a.published = std::move(published);
  return a;
}

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  int64_t AddOk(const Article& article) {
    auto added = archive_->Add(article);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_FALSE(added.ok() && added->duplicate) << "unexpected duplicate: " << article.title;
    return added.ok() ? added->id : 0;
  }

  std::vector<int64_t> Ids(const Filter& filter) {
    std::vector<int64_t> ids;
    Status status = archive_->Find(filter, [&ids](const Article& a) {
      ids.push_back(a.id);
      return Status::OK();
    });
    EXPECT_TRUE(status.ok()) << status.ToString();
    return ids;
  }

  std::string Query(const std::string& sql) { return testing::QuerySql(dir_ / "a.db", sql); }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(ArchiveTest, AddThenGetGivesBackEveryField) {
  int64_t id = AddOk(SeedArticle());
  auto got = archive_->Get(id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  Article expected = SeedArticle();
  EXPECT_EQ(got->title, expected.title);
  EXPECT_EQ(got->subtitle, expected.subtitle);
  EXPECT_EQ(got->authors, expected.authors);
  EXPECT_EQ(got->published, "2011-01-04");
  EXPECT_EQ(got->source, "Korea Times");
  EXPECT_EQ(got->language, "en");
  EXPECT_EQ(got->tags, (std::vector<std::string>{"defense", "japan"}));  // sorted
  EXPECT_EQ(got->media, expected.media);
  EXPECT_EQ(got->body, expected.body);
  EXPECT_EQ(got->provenance, expected.provenance);
  EXPECT_EQ(got->word_count, 23);  // "Kwan-jin" is one word
  EXPECT_EQ(got->body_hash.size(), 64u);
  EXPECT_EQ(got->added_at.back(), 'Z');
}

TEST_F(ArchiveTest, GetOfUnknownIdIsNotFound) {
  auto got = archive_->Get(42);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(got.status().message(), "no article with id 42");
}

TEST_F(ArchiveTest, NormalisesWhitespaceAndParagraphs) {
  Article a = Simple("  Spaced   out\ttitle ", "First line\r\n\r\n\r\n\r\nSecond para  \r\n");
  a.tags = {" north   korea ", "North Korea", ""};
  int64_t id = AddOk(a);
  auto got = archive_->Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->title, "Spaced out title");
  EXPECT_EQ(got->body, "First line\n\nSecond para");
  EXPECT_EQ(got->tags, std::vector<std::string>{"north korea"});
}

TEST_F(ArchiveTest, RefusesInvalidArticlesNamingTheField) {
  struct Case {
    Article article;
    std::string message_part;
  };
  Article bad_date = Simple("t", "b", "4 January 2011");
  Article bad_utf8 = Simple("bad \xC3\x28 text", "b");
  Article bad_role = Simple("t", "b");
  bad_role.authors = {{"Someone", "", "editor"}};
  Article nameless = Simple("t", "b");
  nameless.authors = {{"  ", "x@example.com", "author"}};
  const Case cases[] = {
      {Article{}, "needs a title or a body"},
      {Simple("  ", "\n\n"), "needs a title or a body"},
      {bad_date, "field 'published': '4 January 2011' is not an ISO 8601 date"},
      {bad_utf8, "field 'title' is not valid UTF-8"},
      {bad_role, "'editor' is not a role"},
      {nameless, "field 'authors[0].name' is empty"},
  };
  for (const Case& c : cases) {
    auto added = archive_->Add(c.article);
    ASSERT_FALSE(added.ok()) << c.message_part;
    EXPECT_EQ(added.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(added.status().message().find(c.message_part), std::string::npos)
        << added.status().message();
  }
  EXPECT_EQ(archive_->Stats()->articles, 0);
}

TEST_F(ArchiveTest, SameCanonicalUrlIsADuplicateMergedIntoTheFirst) {
  Article first = Simple("Pact talks", "Body one.");
  first.canonical_url = "https://www.koreatimes.co.kr/www/nation/2011/01/113_79124.html";
  first.tags = {"defense"};
  int64_t id = AddOk(first);

  // The same body as another rendering gives it (spacing differs); the title left out. A
  // changed body would be a new revision (revisions_test.cc).
  Article again = Simple("", "Body  one.\n");
  again.canonical_url = "http://koreatimes.co.kr/www/nation/2011/01/113_79124.html/#comments";
  again.subtitle = "Deck filled later";
  again.tags = {"japan"};
  again.authors = {{"Lee Tae-hoon", "", "author"}};
  auto added = archive_->Add(again);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(added->duplicate);
  EXPECT_EQ(added->id, id);

  auto got = archive_->Get(id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->title, "Pact talks");  // kept
  EXPECT_EQ(got->body, "Body one.");    // kept
  EXPECT_EQ(got->revision, 1);
  EXPECT_EQ(got->subtitle, "Deck filled later");                         // filled
  EXPECT_EQ(got->tags, (std::vector<std::string>{"defense", "japan"}));  // merged
  ASSERT_EQ(got->authors.size(), 1u);                                    // the first had none
  EXPECT_EQ(archive_->Stats()->articles, 1);
}

TEST_F(ArchiveTest, ArticlesFoundAtTheSameAddressAreNotDuplicates) {
  // A blog's front page or a feed holds many articles: only a canonical URL identifies one.
  Article first = Simple("Story one", "First story.");
  first.url = "https://blog.example/";
  Article second = Simple("Story two", "Second story.");
  second.url = "https://blog.example/";
  AddOk(first);
  AddOk(second);
  EXPECT_EQ(archive_->Stats()->articles, 2);
}

TEST_F(ArchiveTest, AMergeFillsOnlyWhatWasMissingAndCreditsOnlyThat) {
  // The same title as the full rendering's: another title would make a new revision.
  Article title_only = Simple(SeedArticle().title, "");
  title_only.canonical_url = "https://www.example.org/a.html";
  title_only.provenance = {{"title", "first-rule"}};
  int64_t id = AddOk(title_only);
  Article full = SeedArticle();
  full.canonical_url = "https://example.org/a.html";
  full.source = "Unheard-of Paper";  // stored article has none: it is taken
  full.provenance = {{"title", "second-rule"}, {"subtitle", "deck-rule"}};
  auto merged = archive_->Add(full);
  ASSERT_TRUE(merged.ok() && merged->duplicate);
  auto got = archive_->Get(id);
  EXPECT_EQ(got->title, SeedArticle().title);
  EXPECT_EQ(got->body, full.body);
  EXPECT_EQ(got->word_count, 23);
  EXPECT_EQ(got->source, "Unheard-of Paper");
  EXPECT_EQ(got->provenance, (std::map<std::string, std::string>{{"title", "first-rule"},
                                                                 {"subtitle", "deck-rule"}}));
  Filter f;
  f.query = "Kitazawa OR considering";  // the filled body is searchable
  EXPECT_EQ(archive_->Search(f)->size(), 1u);

  // A second duplicate (the same address) naming yet another paper adds no publication.
  Article again = SeedArticle();
  again.canonical_url = full.canonical_url;
  again.source = "Never Stored Gazette";
  ASSERT_TRUE(archive_->Add(again)->duplicate);
  EXPECT_TRUE(archive_->Sources("Never Stored")->empty());
}

TEST_F(ArchiveTest, NulCharactersAreDropped) {
  Article a = Simple(std::string("nul\0inside", 10), std::string("body\0text", 9));
  int64_t id = AddOk(a);
  EXPECT_EQ(archive_->Get(id)->title, "nulinside");
  EXPECT_EQ(archive_->Get(id)->body, "bodytext");
}

TEST_F(ArchiveTest, SameBodyWithOtherSpacingIsADuplicate) {
  int64_t id = AddOk(Simple("One", "Alpha beta.\n\nGamma delta."));
  auto added = archive_->Add(Simple("One (repost)", "  alpha   BETA.\r\n\r\nGamma\tdelta.  "));
  ASSERT_TRUE(added.ok());
  EXPECT_TRUE(added->duplicate);
  EXPECT_EQ(added->id, id);
  auto different = archive_->Add(Simple("Two", "Alpha beta. Gamma delta epsilon."));
  ASSERT_TRUE(different.ok());
  EXPECT_FALSE(different->duplicate);
}

TEST_F(ArchiveTest, IdsAreNeverReusedAfterRemoval) {
  AddOk(Simple("a", ""));
  int64_t b = AddOk(Simple("b", ""));
  ASSERT_TRUE(archive_->Remove(b).ok());
  int64_t c = AddOk(Simple("c", ""));
  EXPECT_GT(c, b);
}

TEST_F(ArchiveTest, FiltersCombine) {
  Article seed = SeedArticle();
  int64_t kt = AddOk(seed);
  Article yonhap = Simple("North fires artillery", "Shells landed near the border.",
                          "2011-01-08T20:15:00+09:00");
  yonhap.source = "Yonhap";
  yonhap.authors = {{"Kim Soo-jin", "", "author"}};
  yonhap.tags = {"north korea", "defense"};
  int64_t yn = AddOk(yonhap);
  Article jt = Simple("Fisheries talks resume", "Japan and China agreed.", "2010-12-30");
  jt.source = "Japan Times";
  jt.tags = {"japan"};
  int64_t jp = AddOk(jt);
  int64_t undated = AddOk(Simple("Undated note", "No date here."));

  Filter f;
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{yn, kt, jp, undated}));  // newest first
  f.order = SortOrder::kPublishedAsc;
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{jp, kt, yn, undated}));
  f = {};
  f.tags = {"defense"};
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{yn, kt}));
  f.tags = {"defense", "JAPAN"};  // every tag, any case
  EXPECT_EQ(Ids(f), std::vector<int64_t>{kt});
  f = {};
  f.author = "tae-HOON";
  EXPECT_EQ(Ids(f), std::vector<int64_t>{kt});
  f.author = "koreatimes.co.kr";  // e-mail matches too
  EXPECT_EQ(Ids(f), std::vector<int64_t>{kt});
  f = {};
  f.source = "korea times";
  EXPECT_EQ(Ids(f), std::vector<int64_t>{kt});
  f.source = "times";
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{kt, jp}));
  f = {};
  f.since = "2011-01-01";
  f.until = "2011-01-04";  // the whole day
  EXPECT_EQ(Ids(f), std::vector<int64_t>{kt});
  f.until = "2011-01-08";
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{yn, kt}));
  f = {};
  f.ids = {jp, undated, 999};
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{jp, undated}));
  f = {};
  f.order = SortOrder::kIdAsc;
  f.limit = 2;
  f.offset = 1;
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{yn, jp}));
  EXPECT_EQ(*archive_->Count(f), 4);
  f = {};
  f.order = SortOrder::kTitle;
  EXPECT_EQ(Ids(f), (std::vector<int64_t>{jp, yn, kt, undated}));
  f = {};
  f.since = "last week";
  Status bad = archive_->Find(f, [](const Article&) { return Status::OK(); });
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("'last week' is not an ISO 8601 date"), std::string::npos);
}

TEST_F(ArchiveTest, SearchRanksTitleHitsFirstAndMarksTheSnippet) {
  int64_t in_body = AddOk(Simple("Weather report", "Cold winds and a military parade downtown."));
  int64_t in_title = AddOk(Simple("Military pact talks", "Ministers meet next week."));
  Filter f;
  f.query = "military";
  auto hits = archive_->Search(f);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].article.id, in_title);
  EXPECT_EQ((*hits)[1].article.id, in_body);
  EXPECT_LT((*hits)[0].rank, (*hits)[1].rank);
  EXPECT_NE((*hits)[1].snippet.find("[military]"), std::string::npos) << (*hits)[1].snippet;

  SearchOptions marks;
  marks.open_mark = "<b>";
  marks.close_mark = "</b>";
  auto marked = archive_->Search(f, marks);
  ASSERT_TRUE(marked.ok());
  EXPECT_NE((*marked)[0].snippet.find("<b>Military</b>"), std::string::npos);
}

TEST_F(ArchiveTest, SearchFindsAuthorsAndTagsAndCombinesWithFilters) {
  Article seed = SeedArticle();
  int64_t id = AddOk(seed);
  AddOk(Simple("Other", "Unrelated text about Lee."));
  Filter f;
  f.query = "authors:lee";
  auto hits = archive_->Search(f);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article.id, id);
  f.query = "tags:defense";
  EXPECT_EQ(archive_->Search(f)->size(), 1u);
  f.query = "lee";
  f.tags = {"japan"};
  ASSERT_EQ(archive_->Search(f)->size(), 1u);
}

TEST_F(ArchiveTest, MalformedQueryIsAClearError) {
  AddOk(Simple("Anything", "at all"));
  Filter f;
  f.query = "\"unbalanced";
  auto hits = archive_->Search(f);
  ASSERT_FALSE(hits.ok());
  EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(hits.status().message().find("cannot read the search query '\"unbalanced'"),
            std::string::npos)
      << hits.status().message();
}

TEST_F(ArchiveTest, TaggingKeepsTheSearchIndexInStep) {
  int64_t id = AddOk(Simple("Budget vote", "Parliament passed the budget."));
  Filter f;
  f.query = "tags:economy";
  EXPECT_TRUE(archive_->Search(f)->empty());
  ASSERT_TRUE(archive_->Tag(id, {"economy", "Politics"}).ok());
  EXPECT_EQ(archive_->Search(f)->size(), 1u);
  EXPECT_EQ(archive_->Get(id)->tags, (std::vector<std::string>{"economy", "Politics"}));
  ASSERT_TRUE(archive_->Untag(id, {"ECONOMY", "not-there"}).ok());
  EXPECT_TRUE(archive_->Search(f)->empty());
  EXPECT_EQ(archive_->Get(id)->tags, std::vector<std::string>{"Politics"});
  auto tags = archive_->Tags();
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 1u);  // "economy" is gone with its last article
  EXPECT_EQ((*tags)[0].tag, "Politics");
  EXPECT_EQ(archive_->Tag(999, {"x"}).code(), StatusCode::kNotFound);
  EXPECT_EQ(archive_->Untag(999, {"x"}).code(), StatusCode::kNotFound);
  EXPECT_EQ(archive_->Tag(id, {"  "}).code(), StatusCode::kInvalidArgument);
}

TEST_F(ArchiveTest, TagsAreCountedMostUsedFirst) {
  Article a = Simple("a", "");
  a.tags = {"japan", "korea"};
  Article b = Simple("b", "");
  b.tags = {"korea"};
  AddOk(a);
  AddOk(b);
  auto tags = archive_->Tags();
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 2u);
  EXPECT_EQ((*tags)[0].tag, "korea");
  EXPECT_EQ((*tags)[0].articles, 2);
  EXPECT_EQ((*tags)[1].tag, "japan");
  EXPECT_EQ((*tags)[1].articles, 1);
}

TEST_F(ArchiveTest, RemoveTakesTheArticleOutOfEverything) {
  int64_t id = AddOk(SeedArticle());
  ASSERT_TRUE(archive_->Remove(id).ok());
  EXPECT_EQ(archive_->Get(id).status().code(), StatusCode::kNotFound);
  Filter f;
  f.query = "military";
  EXPECT_TRUE(archive_->Search(f)->empty());
  EXPECT_EQ(Query("SELECT count(*) FROM article_authors"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM media"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM article_fields"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM tags"), "0");
  EXPECT_EQ(archive_->Remove(id).code(), StatusCode::kNotFound);
  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
}

TEST_F(ArchiveTest, FlatViewShowsAuthorsTagsAndSource) {
  AddOk(SeedArticle());
  EXPECT_EQ(Query("SELECT authors FROM articles_flat"), "Lee Tae-hoon");
  EXPECT_EQ(Query("SELECT author_emails FROM articles_flat"), "leeth@koreatimes.co.kr");
  EXPECT_EQ(Query("SELECT tags FROM articles_flat"), "defense; japan");
  EXPECT_EQ(Query("SELECT source FROM articles_flat"), "Korea Times");
  EXPECT_EQ(Query("SELECT published FROM articles_flat"), "2011-01-04");
}

TEST_F(ArchiveTest, PostersAreKeptButAreNotAuthors) {
  Article a = SeedArticle();
  a.authors.push_back({"blogger-account", "", "poster"});
  int64_t id = AddOk(a);
  EXPECT_EQ(Query("SELECT authors FROM articles_flat"), "Lee Tae-hoon");
  auto got = archive_->Get(id);
  ASSERT_EQ(got->authors.size(), 2u);
  EXPECT_EQ(got->authors[1].role, "poster");
  Filter f;
  f.query = "authors:account";
  EXPECT_TRUE(archive_->Search(f)->empty());
}

TEST_F(ArchiveTest, SearchIndexMatchesTheTextAfterEveryKindOfChange) {
  int64_t id = AddOk(SeedArticle());
  ASSERT_TRUE(archive_->Tag(id, {"pact"}).ok());
  AddOk(Simple("Second", "Another body."));
  Article bodiless = Simple("Third", "");
  bodiless.canonical_url = "https://example.com/third";
  int64_t third = AddOk(bodiless);
  Article filler = Simple("", "The body arrives with a later input.");
  filler.canonical_url = "https://example.com/third";
  filler.tags = {"late"};
  ASSERT_TRUE(archive_->Add(filler)->duplicate);
  ASSERT_TRUE(archive_->Untag(id, {"pact", "japan"}).ok());
  ASSERT_TRUE(archive_->Remove(third).ok());
  EXPECT_EQ(archive_->Add(Article{}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "2");
  Filter f;
  f.query = "arrives";
  EXPECT_TRUE(archive_->Search(f)->empty());
  // FTS5's own consistency check compares the index with the content it points at and
  // fails the test when they disagree. and the articles disagree.
  testing::ExecSql(dir_ / "a.db",
                   "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')");
  EXPECT_EQ(Query("PRAGMA integrity_check"), "ok");
}

TEST_F(ArchiveTest, StatsCountWhatIsStored) {
  AddOk(SeedArticle());
  Article other = Simple("Other", "Text", "2012-05-01");
  other.source = "Yonhap";
  AddOk(other);
  auto stats = archive_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2);
  EXPECT_EQ(stats->authors, 1);
  EXPECT_EQ(stats->sources, 2);
  EXPECT_EQ(stats->tags, 2);
  EXPECT_EQ(stats->earliest_published, "2011-01-04");
  EXPECT_EQ(stats->latest_published, "2012-05-01");
  EXPECT_GT(stats->file_bytes, 0);
  EXPECT_EQ(stats->schema_version, Archive::LatestSchemaVersion());
}

TEST_F(ArchiveTest, CursorStreamsTheFilteredArticles) {
  for (int i = 0; i < 50; ++i) {
    AddOk(Simple("Article " + std::to_string(i), "Body number " + std::to_string(i)));
  }
  Filter f;
  f.order = SortOrder::kIdAsc;
  f.limit = 20;
  auto cursor = archive_->Select(f);
  ASSERT_TRUE(cursor.ok());
  Article a;
  int count = 0;
  while ((*cursor)->Next(&a)) {
    EXPECT_EQ(a.title, "Article " + std::to_string(count));
    ++count;
  }
  EXPECT_TRUE((*cursor)->status().ok());
  EXPECT_EQ(count, 20);
}

// The cursor reads articles in batches: across batch boundaries, in any order and with
// a filter, every article comes back as Get gives it, in the filter's order.
TEST_F(ArchiveTest, CursorGivesWhatGetGivesInTheFiltersOrderAcrossBatches) {
  for (int i = 0; i < 150; ++i) {
    Article a = SeedArticle();
    a.title = "Article " + std::to_string(i);
    a.body = "Body number " + std::to_string(i) + ".";
    a.published = "2011-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1);
    a.authors = {{"Author " + std::to_string(i % 7), "", "author"},
                 {"Poster " + std::to_string(i), "p@example.com", "poster"}};
    a.tags = {"tag" + std::to_string(i % 3), i % 2 == 0 ? "Even" : "odd"};
    if (i % 5 == 0) a.media.clear();
    if (i % 4 == 0) a.provenance.clear();
    AddOk(a);
  }
  for (SortOrder order : {SortOrder::kIdAsc, SortOrder::kIdDesc, SortOrder::kPublishedAsc}) {
    for (const std::string tag : {"", "tag1"}) {
      SCOPED_TRACE(std::to_string(static_cast<int>(order)) + " tag " + tag);
      Filter f;
      f.order = order;
      if (!tag.empty()) f.tags = {tag};
      const std::vector<int64_t> ids = Ids(f);
      ASSERT_EQ(ids.size(), tag.empty() ? 150u : 50u);
      auto cursor = archive_->Select(f);
      ASSERT_TRUE(cursor.ok()) << cursor.status().ToString();
      Article a;
      size_t count = 0;
      while ((*cursor)->Next(&a)) {
        ASSERT_LT(count, ids.size());
        Result<Article> expected = archive_->Get(ids[count]);
        ASSERT_TRUE(expected.ok());
        EXPECT_EQ(a, *expected) << "article " << ids[count];
        ++count;
      }
      EXPECT_TRUE((*cursor)->status().ok()) << (*cursor)->status().ToString();
      EXPECT_EQ(count, ids.size());
    }
  }
}

// An export sees the archive as it was when it began, even when another process
// commits while it runs: the last batch is read after the select itself has finished.
TEST_F(ArchiveTest, CursorReadsOneSnapshotWhileAnotherProcessWrites) {
  for (int i = 0; i < 100; ++i) {
    Article a = SeedArticle();
    a.title = "Article " + std::to_string(i);
    a.body = "Body number " + std::to_string(i) + ".";
    AddOk(a);
  }
  Filter f;
  f.order = SortOrder::kIdAsc;
  auto cursor = archive_->Select(f);
  ASSERT_TRUE(cursor.ok());
  Article a;
  ASSERT_TRUE((*cursor)->Next(&a));  // the first batch of 64 is read
  // Another connection removes an article of the last batch and retitles another.
  testing::ExecSql(dir_ / "a.db",
                   "DELETE FROM articles WHERE id = 100; "
                   "UPDATE articles SET title = 'Changed' WHERE id = 90");
  size_t count = 1;
  std::string title_90;
  while ((*cursor)->Next(&a)) {
    ++count;
    if (a.id == 90) title_90 = a.title;
  }
  EXPECT_TRUE((*cursor)->status().ok()) << (*cursor)->status().ToString();
  EXPECT_EQ(count, 100u);
  EXPECT_EQ(title_90, "Article 89");
  cursor->reset();
  EXPECT_EQ(Query("SELECT count(*) FROM articles"), "99");  // the write itself stands
}

// SetParts leaves out the parts not asked for and reads the rest as before.
TEST_F(ArchiveTest, CursorReadsOnlyThePartsAskedFor) {
  const int64_t id = AddOk(SeedArticle());
  Result<Article> whole = archive_->Get(id);
  ASSERT_TRUE(whole.ok());
  ASSERT_FALSE(whole->authors.empty());
  ASSERT_FALSE(whole->tags.empty());
  ASSERT_FALSE(whole->media.empty());
  ASSERT_FALSE(whole->provenance.empty());

  auto read = [&](const ArticleParts& parts) {
    auto cursor = archive_->Select(Filter());
    EXPECT_TRUE(cursor.ok());
    (*cursor)->SetParts(parts);
    Article a;
    EXPECT_TRUE((*cursor)->Next(&a));
    EXPECT_FALSE((*cursor)->Next(&a));
    EXPECT_TRUE((*cursor)->status().ok());
    return a;
  };
  EXPECT_EQ(read(ArticleParts()), *whole);

  Article expected = *whole;
  expected.authors.clear();
  expected.tags.clear();
  expected.tag_origins.clear();  // part of the tags
  expected.media.clear();
  expected.provenance.clear();
  expected.cluster = 0;  // the story part
  expected.cluster_size = 0;
  expected.similar.clear();
  EXPECT_EQ(read(ArticleParts::None()), expected);

  ArticleParts tags_only = ArticleParts::None();
  tags_only.tags = true;
  expected.tags = whole->tags;
  expected.tag_origins = whole->tag_origins;
  EXPECT_EQ(read(tags_only), expected);

  ArticleParts all_but_tags;
  all_but_tags.tags = false;
  expected = *whole;
  expected.tags.clear();
  expected.tag_origins.clear();
  EXPECT_EQ(read(all_but_tags), expected);
}

TEST(ArchiveConcurrencyTest, TwoConnectionsWritingAtOnceTakeTurns) {
  // Each thread has its own connection, as two `morgue import` processes would; the
  // busy timeout and BEGIN IMMEDIATE make them queue instead of failing with "locked".
  TempDir dir;
  ASSERT_TRUE(Archive::Open(dir / "a.db").ok());
  std::vector<Status> failures[2];
  auto writer = [&dir, &failures](int n) {
    auto archive = Archive::Open(dir / "a.db");
    if (!archive.ok()) {
      failures[n].push_back(archive.status());
      return;
    }
    for (int i = 0; i < 50; ++i) {
      std::string name = "Writer " + std::to_string(n) + " piece " + std::to_string(i);
      auto added = (*archive)->Add(Simple(name, name + " body"));
      if (!added.ok()) failures[n].push_back(added.status());
    }
  };
  std::thread first(writer, 0);
  std::thread second(writer, 1);
  first.join();
  second.join();
  for (const auto& list : failures) {
    for (const Status& failure : list) ADD_FAILURE() << failure.ToString();
  }
  auto archive = Archive::Open(dir / "a.db");
  ASSERT_TRUE(archive.ok());
  EXPECT_EQ((*archive)->Stats()->articles, 100);
}

}  // namespace
}  // namespace morgue
