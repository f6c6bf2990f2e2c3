// The PostgreSQL store's connection and schema: how a location is named without its
// password, and the migrations of schema/postgresql/ on a real server (applied once,
// refused when newer or when the database is not UTF-8, rolled back when one fails, safe
// when several processes open one database at once).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "migration.h"
#include "postgres_connection.h"
#include "postgres_migrator.h"
#include "support/postgres_test.h"

namespace morgue {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int Newest() { return EmbeddedPostgresMigrations().back().version; }

TEST(PostgresLocationTest, OnlyPostgresUrisAreDatabases) {
  EXPECT_TRUE(pg::IsPostgresLocation("postgresql://lee@db.example.org/news"));
  EXPECT_TRUE(pg::IsPostgresLocation("postgres://db.example.org/news"));
  EXPECT_FALSE(pg::IsPostgresLocation("morgue.db"));
  EXPECT_FALSE(pg::IsPostgresLocation("/home/lee/postgresql/morgue.db"));
  EXPECT_FALSE(pg::IsPostgresLocation("file:morgue.db"));
}

TEST(PostgresLocationTest, DisplayNameNeverShowsThePassword) {
  EXPECT_EQ(pg::DisplayName("postgresql://lee:s3cret@db.example.org:5433/news"),
            "postgresql://lee@db.example.org:5433/news");
  EXPECT_EQ(pg::DisplayName("postgresql://lee@db.example.org/news?password=s3cret&sslmode=require"),
            "postgresql://lee@db.example.org/news");
  EXPECT_EQ(pg::DisplayName("host=db.example.org user=lee password=s3cret dbname=news"),
            "postgresql://lee@db.example.org/news");
  EXPECT_EQ(pg::DisplayName("postgresql://lee@%2Fvar%2Frun%2Fpostgresql/news"),
            "postgresql://lee@%2Fvar%2Frun%2Fpostgresql/news");
  // libpq cannot read it, and its reason would quote the password: named by scheme only.
  const std::string unreadable = pg::DisplayName("postgresql://lee:s3cr%zzet@db/news");
  EXPECT_THAT(unreadable, Not(HasSubstr("s3cr")));
  EXPECT_THAT(unreadable, HasSubstr("postgresql://"));
}

TEST(PostgresLocationTest, AFailedConnectionNamesTheDatabaseWithoutItsPassword) {
  auto connection = pg::Connection::Open(
      "postgresql://lee:s3cret@%2Fnonexistent%2Fmorgue-socket/news?connect_timeout=5");
  ASSERT_FALSE(connection.ok());
  EXPECT_EQ(connection.status().code(), StatusCode::kIOError);
  EXPECT_THAT(connection.status().message(),
              HasSubstr("archive 'postgresql://lee@%2Fnonexistent%2Fmorgue-socket/news': "
                        "cannot connect: "));
  EXPECT_THAT(connection.status().message(), Not(HasSubstr("s3cret")));
}

TEST(PostgresLocationTest, AnUnreadableLocationIsRefusedWithoutQuotingIt) {
  auto connection = pg::Connection::Open("postgresql://lee:s3cr%zzet@db/news");
  ASSERT_FALSE(connection.ok());
  EXPECT_EQ(connection.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(connection.status().message(), HasSubstr("postgresql://user@host:port/database"));
  EXPECT_THAT(connection.status().message(), Not(HasSubstr("s3cr")));
}

class PostgresSchemaTest : public testing::PostgresTest {
 protected:
  std::unique_ptr<pg::Connection> Connect(const std::string& location) {
    auto connection = pg::Connection::Open(location);
    EXPECT_TRUE(connection.ok()) << connection.status().ToString();
    return connection.ok() ? std::move(connection.value()) : nullptr;
  }
};

TEST_F(PostgresSchemaTest, AnEmptyDatabaseIsBroughtToTheNewestVersionOnce) {
  auto connection = Connect(location());
  ASSERT_NE(connection, nullptr);
  auto version = pg::SchemaVersion(*connection);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, 0);

  auto migrated = pg::Migrate(*connection, EmbeddedPostgresMigrations());
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ(*migrated, Newest());
  EXPECT_EQ(Sql("SELECT version FROM morgue_schema"), std::to_string(Newest()));
  // The archive's tables, as the SQLite archive names them.
  for (const char* table : {"articles",
                            "authors",
                            "article_authors",
                            "sources",
                            "source_domains",
                            "source_aliases",
                            "tags",
                            "article_tags",
                            "article_tags_removed",
                            "media",
                            "article_fields",
                            "imports",
                            "import_failures",
                            "documents",
                            "article_documents",
                            "article_links",
                            "story_signatures",
                            "story_bands",
                            "story_bands_pending",
                            "story_clusters",
                            "story_cluster_sizes",
                            "article_revisions",
                            "morgue_settings",
                            "articles_flat"}) {
    EXPECT_EQ(Sql(std::string("SELECT to_regclass('") + table + "') IS NOT NULL"), "t") << table;
  }

  // Opened again: nothing to do, nothing changed.
  Sql("INSERT INTO articles(title, added_at) VALUES ('Kept', '2026-12-07T00:00:00Z')");
  auto again = Connect(location());
  ASSERT_NE(again, nullptr);
  auto remigrated = pg::Migrate(*again, EmbeddedPostgresMigrations());
  ASSERT_TRUE(remigrated.ok()) << remigrated.status().ToString();
  EXPECT_EQ(*remigrated, Newest());
  EXPECT_EQ(Sql("SELECT string_agg(title, ',') FROM articles"), "Kept");
  EXPECT_EQ(Sql("SELECT count(*) FROM morgue_schema"), "1");
}

TEST_F(PostgresSchemaTest, ADatabaseOfANewerMorgueIsRefusedUntouched) {
  auto connection = Connect(location());
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(pg::Migrate(*connection, EmbeddedPostgresMigrations()).ok());
  const std::string newer = std::to_string(Newest() + 1);
  Sql("UPDATE morgue_schema SET version = " + newer);
  Sql("INSERT INTO morgue_settings(key, value) VALUES ('from', 'a newer morgue')");

  auto reopened = Connect(location());
  ASSERT_NE(reopened, nullptr);
  auto migrated = pg::Migrate(*reopened, EmbeddedPostgresMigrations());
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.status().code(), StatusCode::kNotSupported);
  EXPECT_THAT(migrated.status().message(), HasSubstr("has schema version " + newer));
  EXPECT_THAT(migrated.status().message(),
              HasSubstr("made by a newer morgue; upgrade morgue to open it"));
  EXPECT_THAT(migrated.status().message(), HasSubstr("archive 'postgresql://morgue@"));
  EXPECT_EQ(Sql("SELECT version FROM morgue_schema"), newer);
  EXPECT_EQ(Sql("SELECT value FROM morgue_settings WHERE key = 'from'"), "a newer morgue");
}

TEST_F(PostgresSchemaTest, ADatabaseNotInUtf8IsRefusedWithTheCommandThatMakesOne) {
  const std::string latin = CreateDatabase(
      "_ascii", "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
  auto connection = Connect(latin);
  ASSERT_NE(connection, nullptr);
  auto migrated = pg::Migrate(*connection, EmbeddedPostgresMigrations());
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.status().code(), StatusCode::kNotSupported);
  EXPECT_THAT(migrated.status().message(), HasSubstr("the database's encoding is SQL_ASCII"));
  EXPECT_THAT(migrated.status().message(),
              HasSubstr("createdb --encoding=UTF8 --template=template0"));
  auto version = pg::SchemaVersion(*connection);
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 0);
}

TEST_F(PostgresSchemaTest, AFailedMigrationLeavesTheVersionBeforeIt) {
  std::vector<Migration> migrations = EmbeddedPostgresMigrations();
  const int broken = Newest() + 1;
  migrations.push_back({broken, "9999_broken.sql",
                        "CREATE TABLE half_done (id bigint);\n"
                        "INSERT INTO no_such_table VALUES (1);"});
  auto connection = Connect(location());
  ASSERT_NE(connection, nullptr);
  auto migrated = pg::Migrate(*connection, migrations);
  ASSERT_FALSE(migrated.ok());
  EXPECT_THAT(migrated.status().message(),
              HasSubstr("schema migration postgresql/9999_broken.sql failed"));
  EXPECT_THAT(migrated.status().message(), HasSubstr("no_such_table"));
  // The migrations before it stay applied; nothing of the broken one does.
  EXPECT_EQ(Sql("SELECT version FROM morgue_schema"), std::to_string(Newest()));
  EXPECT_EQ(Sql("SELECT to_regclass('half_done') IS NULL"), "t");
  // The connection is usable afterwards (the failed transaction was rolled back).
  auto version = pg::SchemaVersion(*connection);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, Newest());
}

TEST_F(PostgresSchemaTest, ProcessesOpeningOneDatabaseAtOnceMigrateItOnce) {
  constexpr int kOpeners = 6;
  std::vector<Status> outcomes(kOpeners);
  std::vector<int> versions(kOpeners, -1);
  std::vector<std::thread> openers;
  openers.reserve(kOpeners);
  for (int i = 0; i < kOpeners; ++i) {
    openers.emplace_back([&, i] {
      auto connection = pg::Connection::Open(location());
      if (!connection.ok()) {
        outcomes[i] = connection.status();
        return;
      }
      auto migrated = pg::Migrate(**connection, EmbeddedPostgresMigrations());
      outcomes[i] = migrated.status();
      if (migrated.ok()) versions[i] = *migrated;
    });
  }
  for (std::thread& opener : openers) opener.join();
  for (int i = 0; i < kOpeners; ++i) {
    EXPECT_TRUE(outcomes[i].ok()) << "opener " << i << ": " << outcomes[i].ToString();
    EXPECT_EQ(versions[i], Newest()) << "opener " << i;
  }
  EXPECT_EQ(Sql("SELECT count(*) FROM morgue_schema"), "1");
}

TEST_F(PostgresSchemaTest, NamesAreUniqueWithoutRegardToAsciiCaseAsInSqlite) {
  auto connection = Connect(location());
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(pg::Migrate(*connection, EmbeddedPostgresMigrations()).ok());
  ASSERT_TRUE(connection->Execute("INSERT INTO tags(name) VALUES ('Korea')").ok());
  // SQLite's NOCASE folds ASCII letters only: "KOREA" is the same tag, "Ärzte" and "ärzte"
  // are two.
  Status same = connection->Execute("INSERT INTO tags(name) VALUES ('KOREA')");
  EXPECT_FALSE(same.ok());
  EXPECT_EQ(connection->last_sqlstate(), "23505");  // unique_violation
  EXPECT_TRUE(connection->Execute("INSERT INTO tags(name) VALUES ('Ärzte')").ok());
  EXPECT_TRUE(connection->Execute("INSERT INTO tags(name) VALUES ('ärzte')").ok());
  EXPECT_EQ(Sql("SELECT count(*) FROM tags"), "3");
}

TEST_F(PostgresSchemaTest, QueriesTakeParametersAsTextAndNull) {
  auto connection = Connect(location());
  ASSERT_NE(connection, nullptr);
  ASSERT_TRUE(pg::Migrate(*connection, EmbeddedPostgresMigrations()).ok());
  auto inserted = connection->Query(
      "INSERT INTO articles(title, subtitle, added_at) VALUES ($1, $2, $3) RETURNING id",
      {"North Korea's nuclear test '\"; DROP TABLE articles; --", std::nullopt,
       "2011-01-04T00:00:00Z"});
  ASSERT_TRUE(inserted.ok()) << inserted.status().ToString();
  ASSERT_EQ(inserted->size(), 1);
  const int64_t id = inserted->Int(0, 0);
  auto read =
      connection->Query("SELECT title, subtitle FROM articles WHERE id = $1", {std::to_string(id)});
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 1);
  EXPECT_EQ(read->Text(0, 0), "North Korea's nuclear test '\"; DROP TABLE articles; --");
  EXPECT_TRUE(read->IsNull(0, 1));
}

}  // namespace
}  // namespace morgue
