// The PostgreSQL store's tests run against a real server: the throwaway one ctest starts
// for them (tests/support/postgres_server.sh, fixture postgres_server). PostgresTest gives
// each test a database of its own on it, made empty before the test and dropped after.
//
// When the server could not start, the test is skipped with the reason, or fails with it
// when MORGUE_REQUIRE_POSTGRES=1 (the README's test command and CI set it).
//
// Thread-safety: none needed; each test uses its own objects.

#ifndef MORGUE_TESTS_SUPPORT_POSTGRES_TEST_H_
#define MORGUE_TESTS_SUPPORT_POSTGRES_TEST_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace morgue::testing {

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The test's database as a morgue user names it: a postgresql:// URI.
  const std::string& location() const { return location_; }
  // The server's administrative connection (libpq key=value form), on database `dbname`.
  std::string AdminConninfo(const std::string& dbname) const;

  // Runs `sql` on the test's database as the server's superuser, with libpq alone (not
  // morgue's code), and returns the first column of the first row ("" when none or NULL);
  // fails the test on an error.
  std::string Sql(const std::string& sql) const;
  // The same on the server's `postgres` database, for CREATE and DROP DATABASE.
  std::string AdminSql(const std::string& sql) const;
  // A further empty database on the server, dropped after the test, made by
  // `create_options` (e.g. "ENCODING 'SQL_ASCII' ..."); returns its postgresql:// URI.
  std::string CreateDatabase(const std::string& suffix, const std::string& create_options = "");

 private:
  std::string socket_dir_;
  std::string dbname_;
  std::string location_;
  std::vector<std::string> databases_;
};

}  // namespace morgue::testing

#endif  // MORGUE_TESTS_SUPPORT_POSTGRES_TEST_H_
