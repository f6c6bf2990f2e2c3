#include "support/postgres_test.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace morgue::testing {
namespace {

std::string ReadState(const std::string& name) {
  std::ifstream in(std::string(MORGUE_TEST_POSTGRES_STATE) + "/" + name);
  if (!in) return "";
  std::stringstream text;
  text << in.rdbuf();
  std::string value = text.str();
  while (!value.empty() && (value.back() == '\n' || value.back() == ' ')) value.pop_back();
  return value;
}

// Runs `sql` through libpq on `conninfo`; returns the first value, or sets `error`.
std::string RunSql(const std::string& conninfo, const std::string& sql, std::string* error) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  std::string value;
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = PQerrorMessage(conn);
    PQfinish(conn);
    return value;
  }
  PGresult* result = PQexec(conn, sql.c_str());
  const ExecStatusType status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    *error = PQresultErrorMessage(result);
  } else if (PQntuples(result) > 0 && PQnfields(result) > 0 && !PQgetisnull(result, 0, 0)) {
    value = PQgetvalue(result, 0, 0);
  }
  PQclear(result);
  PQfinish(conn);
  return value;
}

}  // namespace

void PostgresTest::SetUp() {
  const std::string conninfo = ReadState("conninfo");
  if (conninfo.empty()) {
    std::string reason = ReadState("unavailable");
    if (reason.empty()) reason = "the test server was not started (run the tests with ctest)";
    const char* require = std::getenv("MORGUE_REQUIRE_POSTGRES");
    if (require != nullptr && std::string(require) == "1") {
      FAIL() << "no PostgreSQL server for the tests: " << reason;
    }
    GTEST_SKIP() << "no PostgreSQL server for the tests: " << reason;
  }
  // conninfo is "host=DIR user=morgue dbname=postgres" (postgres_server.sh).
  const size_t host = conninfo.find("host=") + 5;
  socket_dir_ = conninfo.substr(host, conninfo.find(' ', host) - host);
  static std::atomic<int> counter{0};
  dbname_ = "morgue_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  location_ = CreateDatabase("");
}

void PostgresTest::TearDown() {
  for (const std::string& name : databases_) {
    std::string error;
    RunSql(AdminConninfo("postgres"), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", &error);
    EXPECT_TRUE(error.empty()) << "dropping " << name << ": " << error;
  }
}

std::string PostgresTest::AdminConninfo(const std::string& dbname) const {
  return "host=" + socket_dir_ + " user=morgue dbname=" + dbname;
}

std::string PostgresTest::Sql(const std::string& sql) const {
  std::string error;
  std::string value = RunSql(AdminConninfo(dbname_), sql, &error);
  EXPECT_TRUE(error.empty()) << sql << ": " << error;
  return value;
}

std::string PostgresTest::AdminSql(const std::string& sql) const {
  std::string error;
  std::string value = RunSql(AdminConninfo("postgres"), sql, &error);
  EXPECT_TRUE(error.empty()) << sql << ": " << error;
  return value;
}

std::string PostgresTest::CreateDatabase(const std::string& suffix,
                                         const std::string& create_options) {
  const std::string name = dbname_ + suffix;
  AdminSql("CREATE DATABASE " + name + " " + create_options);
  databases_.push_back(name);
  // The socket folder as a URI's host: percent-encoded.
  std::string host;
  for (const char c : socket_dir_) host += c == '/' ? std::string("%2F") : std::string(1, c);
  return "postgresql://morgue@" + host + "/" + name;
}

}  // namespace morgue::testing
