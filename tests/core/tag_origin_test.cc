// Where each tag came from, in a real archive: the page's tags (cleaned), the user's, both;
// a removed tag that a re-import does not bring back; counts and filters by origin; and an
// archive made before origins were kept (schema 7), upgraded.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using Origins = std::map<std::string, std::string>;
using Tags = std::vector<std::string>;

Article Page() {
  Article article;
  article.title = "Budget passes after all-night session";
  article.body = "Parliament passed the budget at dawn after a session that lasted all night.";
  article.canonical_url = "https://news.example.org/2011/01/04/budget";
  // As an importer of pages gives them: cleaned by it (CleanTags), one item per tag.
  article.tags = {"Economy", " Parliament  & Government "};
  return article;
}

class TagOriginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Archive::Open(dir_ / "a.db");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    archive_ = std::move(opened).value();
    auto added = archive_->Add(Page());
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    id_ = added->id;
  }

  Article Stored() {
    auto article = archive_->Get(id_);
    EXPECT_TRUE(article.ok()) << article.status().ToString();
    return article.ok() ? *article : Article();
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

  testing::TempDir dir_;
  std::unique_ptr<Archive> archive_;
  int64_t id_ = 0;
};

TEST_F(TagOriginTest, TheInputsTagsAreStoredAsThePages) {
  Article stored = Stored();
  EXPECT_EQ(stored.tags, (Tags{"Economy", "Parliament & Government"}));
  EXPECT_EQ(stored.tag_origins,
            (Origins{{"Economy", "page"}, {"Parliament & Government", "page"}}));
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db",
                              "SELECT group_concat(origin) FROM article_tags WHERE article_id = " +
                                  std::to_string(id_)),
            "page,page");
}

TEST_F(TagOriginTest, TagsOfARecordAreKeptAsWrittenNotCleaned) {
  // A JSON record or an export made before tags had origins: the user's own data. What
  // CleanTags would drop or split on a web page ("2011", "to_read", "todo:later", a
  // "Last, First" name) is kept.
  Article record;
  record.title = "Minutes of the harbour board";
  record.body = "The board met on Tuesday and approved the new ferry timetable.";
  record.tags = {"2011", "to_read", "todo:later", "Smith, John"};
  auto added = archive_->Add(record);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  auto stored = archive_->Get(added->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->tags, (Tags{"2011", "Smith, John", "to_read", "todo:later"}));  // sorted
}

TEST_F(TagOriginTest, TagMakesAUsersTagAndMarksAPagesTagAsBoth) {
  TagChanges changes;
  ASSERT_TRUE(archive_->Tag(id_, {"to-read", "economy"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{"to-read"});
  EXPECT_EQ(changes.adopted, Tags{"economy"});
  EXPECT_TRUE(changes.unchanged.empty());
  EXPECT_EQ(
      Stored().tag_origins,
      (Origins{{"Economy", "both"}, {"Parliament & Government", "page"}, {"to-read", "user"}}));
  // The user's own tag is the user's as written: no cleaning.
  ASSERT_TRUE(archive_->Tag(id_, {"2011"}, &changes).ok());
  EXPECT_EQ(Stored().tag_origins.at("2011"), "user");
  ASSERT_TRUE(archive_->Tag(id_, {"to-read"}, &changes).ok());
  EXPECT_EQ(changes.unchanged, Tags{"to-read"});
}

TEST_F(TagOriginTest, AnUntaggedPageTagStaysRemovedWhenThePageComesAgain) {
  TagChanges changes;
  ASSERT_TRUE(archive_->Untag(id_, {"economy"}, &changes).ok());
  EXPECT_EQ(changes.changed, Tags{"economy"});
  auto again = archive_->Add(Page());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(Stored().tags, Tags{"Parliament & Government"});
  // Tagging it by hand brings it back, as the user's, and forgets the removal.
  ASSERT_TRUE(archive_->Tag(id_, {"Economy"}).ok());
  EXPECT_EQ(Stored().tag_origins.at("Economy"), "user");
  ASSERT_TRUE(archive_->Add(Page()).ok());
  EXPECT_EQ(Stored().tag_origins.at("Economy"), "both");
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM article_tags_removed"), "0");
}

TEST_F(TagOriginTest, RemovingTheArticleForgetsItsRemovedTags) {
  ASSERT_TRUE(archive_->Untag(id_, {"economy"}).ok());
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT name FROM article_tags_removed"), "Economy");
  ASSERT_TRUE(archive_->Remove(id_).ok());
  EXPECT_EQ(testing::QuerySql(dir_ / "a.db", "SELECT count(*) FROM article_tags_removed"), "0");
}

TEST_F(TagOriginTest, TagsCountsByOrigin) {
  Article other;
  other.title = "Harbour reopens";
  other.body = "The harbour reopened on Monday.";
  other.tags = {"Economy"};
  auto added = archive_->Add(other);
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(archive_->Tag(added->id, {"economy", "to-read"}).ok());
  auto tags = archive_->Tags();
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->size(), 3u);
  EXPECT_EQ((*tags)[0].tag, "Economy");
  EXPECT_EQ((*tags)[0].articles, 2);
  EXPECT_EQ((*tags)[0].from_page, 2);
  EXPECT_EQ((*tags)[0].from_user, 1);
  EXPECT_EQ((*tags)[2].tag, "to-read");
  EXPECT_EQ((*tags)[2].from_page, 0);
  EXPECT_EQ((*tags)[2].from_user, 1);
}

TEST_F(TagOriginTest, FilterByOrigin) {
  Article other;
  other.title = "Harbour reopens";
  other.body = "The harbour reopened on Monday.";
  auto added = archive_->Add(other);
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(archive_->Tag(added->id, {"economy"}).ok());
  const int64_t mine = added->id;

  Filter filter;
  filter.tags = {"economy"};
  EXPECT_EQ(Ids(filter).size(), 2u);
  filter.tag_origin = "user";
  EXPECT_EQ(Ids(filter), std::vector<int64_t>{mine});
  filter.tag_origin = "page";
  EXPECT_EQ(Ids(filter), std::vector<int64_t>{id_});
  // Without --tag: any tag of that origin.
  filter.tags.clear();
  filter.tag_origin = "user";
  EXPECT_EQ(Ids(filter), std::vector<int64_t>{mine});
  auto count = archive_->Count(filter);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 1);
  filter.tag_origin = "robot";
  auto refused = archive_->Count(filter);
  EXPECT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().message(),
            "tag origin: 'robot' is not an origin; use 'page' or 'user'");
}

TEST_F(TagOriginTest, StatedOriginsAreKeptAsInAMorgueExport) {
  Article exported;
  exported.title = "Exported article";
  exported.body = "An article read back from a morgue export.";
  exported.tags = {"Mayer, Marissa", "to-read", "2011"};
  exported.tag_origins = {{"Mayer, Marissa", "page"}, {"to-read", "user"}, {"2011", "both"}};
  auto added = archive_->Add(exported);
  ASSERT_TRUE(added.ok());
  auto stored = archive_->Get(added->id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->tag_origins,
            (Origins{{"2011", "both"}, {"Mayer, Marissa", "page"}, {"to-read", "user"}}));
}

// The schema of morgue before origins were kept, made with the migration files themselves.
void MakeSchemaSevenArchive(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // Migration 5 calls the function morgue registers on its own connection; the identity
  // suffices for an archive whose dates are already sortable.
  sqlite3_create_function_v2(
      db, "morgue_sortable_date", 1, SQLITE_UTF8, nullptr,
      [](sqlite3_context* context, int, sqlite3_value** values) {
        sqlite3_result_value(context, values[0]);
      },
      nullptr, nullptr, nullptr);
  std::string sql = "PRAGMA application_id = 1297237845;";  // "MRGU", as morgue writes it
  for (const char* file :
       {"0001_core.sql", "0002_search.sql", "0003_settings.sql", "0004_deferred_index.sql",
        "0005_published_sort.sql", "0006_article_title_index.sql", "0007_import_outcome.sql"}) {
    sql += testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / file) + "\n";
  }
  sql +=
      "INSERT INTO articles(id, title, body, added_at) VALUES "
      "(1, 'Harbour report', 'Boats returned at dawn.', '2020-01-01T00:00:00Z');"
      "INSERT INTO tags(id, name) VALUES (1, 'harbours'), (2, 'mine');"
      "INSERT INTO article_tags(article_id, tag_id) VALUES (1, 1), (1, 2);"
      "PRAGMA user_version = 7;";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
      << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(TagOriginMigrationTest, TagsArchivedBeforeOriginsWereKeptAreUnknown) {
  testing::TempDir dir;
  const auto path = dir / "old.db";
  MakeSchemaSevenArchive(path);
  auto archive = Archive::Open(path);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ((*archive)->schema_version(), Archive::LatestSchemaVersion());
  auto stored = (*archive)->Get(1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->tags, (Tags{"harbours", "mine"}));
  EXPECT_EQ(stored->tag_origins, (Origins{{"harbours", "unknown"}, {"mine", "unknown"}}));
  auto counts = (*archive)->Tags();
  ASSERT_TRUE(counts.ok());
  ASSERT_EQ(counts->size(), 2u);
  EXPECT_EQ((*counts)[0].articles, 1);
  EXPECT_EQ((*counts)[0].from_page + (*counts)[0].from_user, 0);
  // What the user says now is known: their tag is theirs.
  TagChanges changes;
  ASSERT_TRUE((*archive)->Tag(1, {"mine"}, &changes).ok());
  EXPECT_EQ(changes.adopted, Tags{"mine"});
  stored = (*archive)->Get(1);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->tag_origins.at("mine"), "user");
  EXPECT_EQ(stored->tag_origins.at("harbours"), "unknown");
}

}  // namespace
}  // namespace morgue
