// Revisions: an article's canonical URL added again with a changed title, subtitle, body,
// byline or publication date makes a new revision of the same article, never a new article
// and never a silent overwrite; the earlier values stay readable, in order; what differs
// only in form (spacing, a byline's case, a date's precision) or fills a gap is a
// duplicate as before; an earlier revision added again is that revision; the search index,
// the story links and an export of every revision follow.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "morgue/archive.h"
#include "support/made_up_text.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using testing::MadeUpBody;
using testing::TempDir;

constexpr char kUrl[] = "https://news.example/2011/01/04/pact.html";

Article Version(std::string title, std::string body) {
  Article a;
  a.title = std::move(title);
  a.body = std::move(body);
  a.canonical_url = kUrl;
  a.published = "2011-01-04";
  a.source = "Korea Times";
  a.authors = {{"Lee Tae-hoon", "", "author"}};
  return a;
}

constexpr char kFirstBody[] =
    "Defense ministers of South Korea and Japan will meet in Seoul next week.\n\n"
    "The talks follow months of preparation.";
constexpr char kSecondBody[] =
    "Defense ministers of South Korea and Japan will meet in Seoul on Jan. 10.\n\n"
    "The talks follow months of preparation.";
constexpr char kThirdBody[] =
    "Defense ministers of South Korea and Japan met in Seoul on Jan. 10.\n\n"
    "The talks followed months of preparation.";

class RevisionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
  }

  AddResult Add(const Article& article) {
    auto added = archive_->Add(article);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : AddResult{};
  }

  std::vector<Revision> Revisions(int64_t id) {
    auto revisions = archive_->Revisions(id);
    EXPECT_TRUE(revisions.ok()) << revisions.status().ToString();
    return revisions.ok() ? *revisions : std::vector<Revision>{};
  }

  int64_t Count(const std::string& query) {
    Filter filter;
    filter.query = query;
    auto count = archive_->Count(filter);
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }

  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(RevisionsTest, ChangedTitleAndBodyAreANewRevisionOfTheSameArticle) {
  const AddResult first = Add(Version("Seoul, Tokyo seek first military pact", kFirstBody));
  EXPECT_EQ(first.revision, 0);
  const AddResult second = Add(Version("Seoul, Tokyo seek 1st military pact", kSecondBody));
  EXPECT_EQ(second.id, first.id);
  EXPECT_TRUE(second.duplicate);
  EXPECT_EQ(second.revision, 2);

  auto article = archive_->Get(first.id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(article->body, kSecondBody);
  EXPECT_EQ(article->revision, 2);

  const std::vector<Revision> revisions = Revisions(first.id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].number, 1);
  EXPECT_TRUE(revisions[0].changed.empty());
  EXPECT_FALSE(revisions[0].superseded_at.empty());
  EXPECT_EQ(revisions[0].article.title, "Seoul, Tokyo seek first military pact");
  EXPECT_EQ(revisions[0].article.body, kFirstBody);
  EXPECT_EQ(revisions[0].article.revision, 1);
  EXPECT_EQ(testing::AuthorNames(revisions[0].article), std::vector<std::string>{"Lee Tae-hoon"});
  EXPECT_EQ(revisions[1].number, 2);
  EXPECT_EQ(revisions[1].changed, (std::vector<std::string>{"title", "body"}));
  EXPECT_TRUE(revisions[1].superseded_at.empty());
  EXPECT_EQ(revisions[1].article.body, kSecondBody);

  // Search reads the current revision only.
  EXPECT_EQ(Count("\"Jan. 10\""), 1);
  EXPECT_EQ(Count("\"next week\""), 0);
  auto stats = archive_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
}

TEST_F(RevisionsTest, RevisionsComeInOrderAndAnEarlierOneAgainIsADuplicate) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  EXPECT_EQ(Add(Version("Pact talks", kSecondBody)).revision, 2);
  EXPECT_EQ(Add(Version("Pact talks held", kThirdBody)).revision, 3);
  // An older capture of the page imported after the latest: kept already.
  const AddResult again = Add(Version("Pact talks", kFirstBody));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.revision, 0);
  EXPECT_EQ(Add(Version("Pact talks held", kThirdBody)).revision, 0);

  const std::vector<Revision> revisions = Revisions(id);
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[0].article.body, kFirstBody);
  EXPECT_EQ(revisions[1].article.body, kSecondBody);
  EXPECT_EQ(revisions[1].changed, std::vector<std::string>{"body"});
  EXPECT_EQ(revisions[2].article.title, "Pact talks held");
  EXPECT_EQ(revisions[2].changed, (std::vector<std::string>{"title", "body"}));
  EXPECT_LE(revisions[0].stored_at, revisions[1].stored_at);
  EXPECT_EQ(revisions[0].superseded_at, revisions[1].stored_at);
  EXPECT_EQ(revisions[1].superseded_at, revisions[2].stored_at);
  EXPECT_EQ(archive_->Get(id)->body, kThirdBody);
}

TEST_F(RevisionsTest, DifferencesOfFormAndFilledGapsAreNoRevision) {
  const int64_t id = Add(Version("Seoul, Tokyo seek pact", kFirstBody)).id;
  Article same = Version("Seoul,  Tokyo seek pact ", kFirstBody);
  same.authors = {{"LEE TAE-HOON", "", "author"}};
  same.published = "2011-01-04T09:30:00+09:00";  // the same day, with its time
  same.subtitle = "Defense chiefs to meet in Seoul";
  const AddResult added = Add(same);
  EXPECT_TRUE(added.duplicate);
  EXPECT_EQ(added.revision, 0);
  auto article = archive_->Get(id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->revision, 1);
  EXPECT_EQ(article->subtitle, "Defense chiefs to meet in Seoul");  // filled, as any duplicate
  EXPECT_EQ(Revisions(id).size(), 1u);
}

TEST_F(RevisionsTest, ATruncatedRenderingOrADateWrittenWithASpaceIsNoRevision) {
  Article first = Version("Pact talks", kFirstBody);
  first.published = "2011-01-04T19:42:00+09:00";
  first.language = "en";
  const int64_t id = Add(first).id;
  // A teaser of the same page: its first paragraph only; the same moment written otherwise.
  Article teaser = Version("Pact talks",
                           "Defense ministers of South Korea and Japan will meet in "
                           "Seoul next week.");
  teaser.published = "2011-01-04 10:42:00Z";
  teaser.language = "ko";
  const AddResult added = Add(teaser);
  EXPECT_TRUE(added.duplicate);
  EXPECT_EQ(added.revision, 0);
  auto article = archive_->Get(id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->body, kFirstBody);
  EXPECT_EQ(article->language, "en");
}

TEST_F(RevisionsTest, ARevisionKeepsWhatDiffersOnlyInForm) {
  Article first = Version("Pact talks", kFirstBody);
  first.published = "2011-01-04T19:42:00+09:00";
  const int64_t id = Add(first).id;
  // A corrected headline on a teaser of the page, its date without the time.
  Article teaser =
      Version("Pact talks begin",
              "Defense ministers of South Korea and Japan will meet in Seoul next week.");
  teaser.published = "2011-01-04";
  const AddResult added = Add(teaser);
  EXPECT_EQ(added.revision, 2);
  auto article = archive_->Get(id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Pact talks begin");
  EXPECT_EQ(article->body, kFirstBody);  // the whole body, not the teaser
  EXPECT_EQ(article->published, "2011-01-04T19:42:00+09:00");
  EXPECT_EQ(Revisions(id).back().changed, std::vector<std::string>{"title"});
}

TEST_F(RevisionsTest, AChangedBylineOrDateIsARevisionAndTheOldOneIsKept) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  Article corrected = Version("Pact talks", kFirstBody);
  corrected.authors = {{"Kim Se-jeong", "", "author"}, {"Lee Tae-hoon", "", "author"}};
  corrected.published = "2011-01-05";
  EXPECT_EQ(Add(corrected).revision, 2);

  auto article = archive_->Get(id);
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(testing::AuthorNames(*article),
            (std::vector<std::string>{"Kim Se-jeong", "Lee Tae-hoon"}));
  EXPECT_EQ(article->published, "2011-01-05");
  EXPECT_EQ(Count("authors:kim"), 1);
  const std::vector<Revision> revisions = Revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[1].changed, (std::vector<std::string>{"authors", "published"}));
  EXPECT_EQ(testing::AuthorNames(revisions[0].article), std::vector<std::string>{"Lee Tae-hoon"});
  EXPECT_EQ(revisions[0].article.published, "2011-01-04");
}

TEST_F(RevisionsTest, TheKeptBylineAndFieldRulesAreJsonAnyToolReads) {
  Article first = Version("Pact talks", kFirstBody);
  first.authors = {{"Lee Tae-hoon", "thlee@koreatimes.co.kr", "author"},
                   {"Kim \"Jun\" Ho", "", "poster"}};
  first.provenance = {{"title", "og:title"}, {"authors", "byline \\ e-mail"}};
  const int64_t id = Add(first).id;
  Article corrected = Version("Pact talks", kFirstBody);
  corrected.authors = {{"Kim Se-jeong", "", "author"}};
  EXPECT_EQ(Add(corrected).revision, 2);
  // The first revision's byline in byline order, its field rules by field, as compact
  // JSON with its keys in a fixed order: what sqlite3 or any JSON reader sees.
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db",
                              "SELECT authors || ' ' || provenance FROM article_revisions "
                              "WHERE article_id = " +
                                  std::to_string(id) + " AND revision = 1"),
            R"([{"name":"Lee Tae-hoon","email":"thlee@koreatimes.co.kr","role":"author"},)"
            R"({"name":"Kim \"Jun\" Ho","email":"","role":"poster"}] )"
            R"({"authors":"byline \\ e-mail","title":"og:title"})");
  const std::vector<Revision> revisions = Revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].article.authors.size(), 2u);
  EXPECT_EQ(revisions[0].article.provenance.at("authors"), "byline \\ e-mail");
}

TEST_F(RevisionsTest, OnlyTheSameAddressMakesARevision) {
  Article a = Version("Pact talks", kFirstBody);
  a.canonical_url.clear();
  Article b = Version("Pact talks", kSecondBody);
  b.canonical_url.clear();
  const AddResult first = Add(a);
  const AddResult second = Add(b);
  EXPECT_NE(first.id, second.id);
  EXPECT_FALSE(second.duplicate);
  EXPECT_EQ(second.revision, 0);
}

TEST_F(RevisionsTest, ARevisedBodyFindsItsNearDuplicates) {
  const std::string wire = MadeUpBody(1, 12);
  Article other = Version("Wire story", wire);
  other.canonical_url = "https://other.example/wire";
  other.source = "Other Paper";
  const int64_t other_id = Add(other).id;
  const int64_t id = Add(Version("Something else", MadeUpBody(30, 41))).id;
  // The page now carries the wire story with a line of its own.
  const AddResult revised =
      Add(Version("Wire story", wire + "\n\nReporting by the paper's own staff in Seoul."));
  EXPECT_EQ(revised.id, id);
  EXPECT_EQ(revised.revision, 2);
  EXPECT_EQ(revised.near_duplicates, std::vector<int64_t>{other_id});
  auto links = archive_->Links(id);
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0].id, other_id);
}

TEST_F(RevisionsTest, ASelectOfEveryRevisionGivesTheEarlierOnesBeforeTheArticle) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  Add(Version("Pact talks", kSecondBody));
  Add(Version("Pact talks held", kThirdBody));
  Article unrevised = Version("Another story", MadeUpBody(60, 65));
  unrevised.canonical_url = "https://news.example/another";
  const int64_t other = Add(unrevised).id;

  Filter filter;
  filter.order = SortOrder::kIdAsc;
  filter.every_revision = true;
  auto cursor = archive_->Select(filter);
  ASSERT_TRUE(cursor.ok());
  std::vector<std::pair<int64_t, int64_t>> rows;  // (id, revision)
  std::vector<std::string> bodies;
  for (Article a; (*cursor)->Next(&a); a = Article()) {
    rows.emplace_back(a.id, a.revision);
    bodies.push_back(a.body);
  }
  ASSERT_TRUE((*cursor)->status().ok()) << (*cursor)->status().ToString();
  EXPECT_EQ(rows,
            (std::vector<std::pair<int64_t, int64_t>>{{id, 1}, {id, 2}, {id, 3}, {other, 1}}));
  ASSERT_EQ(bodies.size(), 4u);
  EXPECT_EQ(bodies[0], kFirstBody);
  EXPECT_EQ(bodies[1], kSecondBody);
  EXPECT_EQ(bodies[2], kThirdBody);

  filter.every_revision = false;
  auto count = archive_->Count(filter);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 2);
}

TEST_F(RevisionsTest, AStoredRevisionCanBeRevertedAndTheRevertUndone) {
  Article first = Version("Pact talks", kFirstBody);
  first.provenance = {{"title", "og-title"}};
  first.tags = {"defense"};
  const int64_t id = Add(first).id;
  // A re-extraction reads a subtitle and another title from the same original.
  Article extracted = Version("Seoul, Tokyo open pact talks", kFirstBody);
  extracted.subtitle = "Defense chiefs to meet";
  extracted.tags = {"ignored"};
  auto stored = archive_->StoreRevision(id, extracted, 0, "re-extraction by html 9.9");
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(*stored, 2);
  EXPECT_EQ(*archive_->StoreRevision(id, extracted, 0, "re-extraction by html 9.9"), 0);
  EXPECT_EQ(Count("subtitle:chiefs"), 1);
  auto article = archive_->Get(id);
  EXPECT_EQ(testing::RuleOf(*article, "title"), "");  // the re-extraction gave no rule
  EXPECT_EQ(article->title, "Seoul, Tokyo open pact talks");
  EXPECT_EQ(article->subtitle, "Defense chiefs to meet");
  EXPECT_EQ(article->tags, std::vector<std::string>{"defense"});  // a re-extraction adds none
  std::vector<Revision> revisions = Revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[1].origin, "re-extraction by html 9.9");
  EXPECT_EQ(revisions[1].changed, (std::vector<std::string>{"title", "subtitle"}));

  // Reverting brings back the first revision exactly: the subtitle it lacked is gone again.
  auto reverted = archive_->Revert(id);
  ASSERT_TRUE(reverted.ok()) << reverted.status().ToString();
  EXPECT_EQ(*reverted, 3);
  article = archive_->Get(id);
  EXPECT_EQ(article->title, "Pact talks");
  EXPECT_EQ(article->subtitle, "");
  EXPECT_EQ(Count("subtitle:chiefs"), 0);
  EXPECT_EQ(testing::RuleOf(*article, "title"), "og-title");  // the rule comes back too
  revisions = Revisions(id);
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions[2].origin, "revert to revision 1");
  // And reverting again undoes the revert.
  ASSERT_TRUE(archive_->Revert(id).ok());
  EXPECT_EQ(archive_->Get(id)->subtitle, "Defense chiefs to meet");
  EXPECT_EQ(Revisions(id).back().number, 4);
  EXPECT_EQ(Revisions(id).back().origin, "revert to revision 2");
}

TEST_F(RevisionsTest, ARevertEmptiesWhatTheRevisionBeforeLacked) {
  Article bare = Version("Pact talks", "");
  bare.authors.clear();
  bare.published.clear();
  bare.source.clear();
  const int64_t id = Add(bare).id;
  // A re-extraction finds the body, byline and date the first import missed.
  Article found = Version("Pact talks", MadeUpBody(70, 80));
  found.authors = {{"Kim Se-jeong", "someone@unheard-of-paper.example", "author"}};
  ASSERT_EQ(*archive_->StoreRevision(id, found, 0, "re-extraction by test 1"), 2);
  auto article = archive_->Get(id);
  EXPECT_EQ(article->source, "");  // a re-extraction never sets the publication
  EXPECT_EQ(Count("authors:kim"), 1);
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT published_sort FROM articles"), "2011-01-04");
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM story_signatures"), "1");

  ASSERT_EQ(*archive_->Revert(id), 3);
  article = archive_->Get(id);
  EXPECT_EQ(article->body, "");
  EXPECT_TRUE(article->authors.empty());
  EXPECT_EQ(article->published, "");
  EXPECT_EQ(article->word_count, 0);
  EXPECT_EQ(Count("authors:kim"), 0);
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db",
                              "SELECT coalesce(published_sort, 'none') || ' ' || "
                              "coalesce(body_hash, 'none') || ' ' || authors_text FROM articles"),
            "none none ");
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM story_signatures"), "0");
  // Its old body's band keys are gone: another article with that body finds no near-duplicate.
  Article other = Version("Another paper's copy", MadeUpBody(70, 80) + "\n\nA credit.");
  other.canonical_url = "https://other.example/copy";
  other.source = "Other Paper";
  EXPECT_TRUE(Add(other).near_duplicates.empty());
}

TEST_F(RevisionsTest, AReExtractionsShorterBodyIsAChange) {
  const int64_t id = Add(Version("Pact talks", kFirstBody + std::string("\n\nShare this"))).id;
  ASSERT_EQ(*archive_->StoreRevision(id, Version("Pact talks", kFirstBody), 0, "re-extraction"), 2);
  EXPECT_EQ(archive_->Get(id)->body, kFirstBody);
}

TEST_F(RevisionsTest, AnArticleWithOneRevisionHasNothingToRevert) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  auto reverted = archive_->Revert(id);
  EXPECT_EQ(reverted.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(archive_->Revert(id + 1).status().code(), StatusCode::kNotFound);
}

TEST_F(RevisionsTest, RemovingAnArticleRemovesItsRevisions) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  Add(Version("Pact talks", kSecondBody));
  ASSERT_TRUE(archive_->Remove(id).ok());
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM article_revisions"), "0");
  EXPECT_EQ(archive_->Revisions(id).status().code(), StatusCode::kNotFound);
}

TEST_F(RevisionsTest, AnArchiveFromBeforeRevisionsHasEveryArticleAtItsFirst) {
  const int64_t id = Add(Version("Pact talks", kFirstBody)).id;
  archive_.reset();
  testing::DowngradeToSchema12(dir_ / "a.db");
  SetUp();
  auto article = archive_->Get(id);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(article->revision, 1);
  // And the next changed import of its address is its second revision.
  EXPECT_EQ(Add(Version("Pact talks", kSecondBody)).revision, 2);
  EXPECT_EQ(Revisions(id).size(), 2u);
}

}  // namespace
}  // namespace morgue
