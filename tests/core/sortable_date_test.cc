// SortableDate, the normalised form behind published_sort, and migration 5 filling it for
// articles archived before it.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/datetime.h"
#include "support/test_support.h"

namespace morgue {
namespace {

struct Case {
  const char* given;
  const char* sortable;
};

TEST(SortableDateTest, NormalisesEveryFormMorgueStores) {
  const Case cases[] = {
      // The forms pages give.
      {"2018-04-05T06:00", "2018-04-05T06:00:00"},
      {"2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z"},
      {"2023-12-20T20:09:56.0000000Z", "2023-12-20T20:09:56Z"},
      // Offsets east and west, with and without a colon, and zero.
      {"2011-01-04T19:42:00+09:00", "2011-01-04T10:42:00Z"},
      {"2011-01-04T19:42:00+0900", "2011-01-04T10:42:00Z"},
      {"2011-01-04T19:42:00-05:00", "2011-01-05T00:42:00Z"},
      {"2011-01-04T19:42:00Z", "2011-01-04T19:42:00Z"},
      {"2011-01-04T19:42:00+00:00", "2011-01-04T19:42:00Z"},
      {"2011-01-04T19:42:00-00:00", "2011-01-04T19:42:00Z"},
      {"2011-01-04T05:30+05:30", "2011-01-04T00:00:00Z"},
      {"2011-01-04T19:42-05:00", "2011-01-05T00:42:00Z"},
      // Across a day, a month, a year, a leap day.
      {"2011-01-01T08:59:59+09:00", "2010-12-31T23:59:59Z"},
      {"2010-12-31T20:00:00-05:00", "2011-01-01T01:00:00Z"},
      {"2012-03-01T01:00:00+09:00", "2012-02-29T16:00:00Z"},
      {"2011-03-01T01:00:00+09:00", "2011-02-28T16:00:00Z"},
      {"2012-02-28T22:00:00-05:00", "2012-02-29T03:00:00Z"},
      // No offset: the local date-time as given, seconds filled in.
      {"2011-01-04T19:42:00", "2011-01-04T19:42:00"},
      {"2011-01-04 19:42:00", "2011-01-04T19:42:00"},
      {"2011-01-04T19:42", "2011-01-04T19:42:00"},
      // Fractional seconds of any length are dropped, never rounded up.
      {"2011-01-04T19:42:07.9Z", "2011-01-04T19:42:07Z"},
      {"2011-01-04T19:42:07.99+09:00", "2011-01-04T10:42:07Z"},
      {"2011-01-04T23:59:59.999999999-05:00", "2011-01-05T04:59:59Z"},
      {"2011-01-04T19:42:07,5", "2011-01-04T19:42:07"},
      // A leap second keeps its 60.
      {"2016-12-31T23:59:60Z", "2016-12-31T23:59:60Z"},
      {"2017-01-01T08:59:60+09:00", "2016-12-31T23:59:60Z"},
      // Dates, months, years as they are.
      {"2011-01-04", "2011-01-04"},
      {"2011-01", "2011-01"},
      {"2011", "2011"},
      // Not ISO 8601: nothing.
      {"", ""},
      {"January 4, 2011", ""},
      {"2011-02-30", ""},
      {"2011-01-04T25:00", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SortableDate(c.given), c.sortable) << c.given;
  }
}

TEST(SortableDateTest, TextOrderIsTimeOrderAcrossOffsets) {
  // In time order; the raw texts are not in text order.
  const std::vector<std::string> in_time_order = {
      "2011-01-04",                 // a date: before every time of its day
      "2011-01-04T14:00:00+09:00",  // 05:00Z
      "2011-01-04T10:00:00Z",
      "2011-01-05T10:00:00+09:00",  // 01:00Z on the 5th
      "2011-01-04T23:30:00-05:00",  // 04:30Z on the 5th
      "2011-01-05T06:00:00.5+01:00",
  };
  std::vector<std::string> sortable;
  for (const std::string& date : in_time_order) sortable.push_back(SortableDate(date));
  EXPECT_TRUE(std::is_sorted(sortable.begin(), sortable.end()));
  EXPECT_FALSE(std::is_sorted(in_time_order.begin(), in_time_order.end()));
}

TEST(SortableDateTest, MigrationFillsArticlesArchivedBefore) {
  testing::TempDir dir;
  const auto path = dir / "old.db";
  for (const char* file :
       {"0001_core.sql", "0002_search.sql", "0003_settings.sql", "0004_deferred_index.sql"}) {
    testing::ExecSql(path, testing::ReadFile(std::filesystem::path(MORGUE_SCHEMA_DIR) / file));
  }
  testing::ExecSql(path,
                   "INSERT INTO articles(id, title, published, added_at) VALUES "
                   "(1, 'East', '2011-01-05T10:00:00+0900', '2020-01-01T00:00:00Z'),"
                   "(2, 'West', '2011-01-04T23:30:00-05:00', '2020-01-01T00:00:00Z'),"
                   "(3, 'Floating', '2018-04-05T06:00', '2020-01-01T00:00:00Z'),"
                   "(4, 'Undated', NULL, '2020-01-01T00:00:00Z');"
                   "PRAGMA user_version = 4;");

  auto archive = Archive::Open(path);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  EXPECT_EQ(testing::QuerySql(path,
                              "SELECT group_concat(coalesce(published_sort, 'NULL'), ' ') "
                              "FROM (SELECT published_sort FROM articles ORDER BY id)"),
            "2011-01-05T01:00:00Z 2011-01-05T04:30:00Z 2018-04-05T06:00:00 NULL");
  EXPECT_EQ(testing::QuerySql(path,
                              "SELECT count(*) FROM sqlite_schema WHERE name = "
                              "'articles_published_sort'"),
            "1");
  // The archive stays readable and writable by any SQLite tool: nothing in the schema
  // needs morgue's function.
  testing::ExecSql(path, "UPDATE articles SET title = 'Renamed' WHERE id = 1");
}

}  // namespace
}  // namespace morgue
