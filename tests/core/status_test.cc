// The Status API (morgue/status.h): each code's factory and stable name, ToString and
// WithContext, and the two macros that pass a failure up, MORGUE_RETURN_IF_ERROR and
// MORGUE_ASSIGN_OR_RETURN.

#include "morgue/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace morgue {
namespace {

// The values cross the plugin boundary and the import worker's channel: they never change.
static_assert(static_cast<int>(StatusCode::kOk) == 0);
static_assert(static_cast<int>(StatusCode::kInvalidArgument) == 1);
static_assert(static_cast<int>(StatusCode::kNotFound) == 2);
static_assert(static_cast<int>(StatusCode::kCorruption) == 3);
static_assert(static_cast<int>(StatusCode::kIOError) == 4);
static_assert(static_cast<int>(StatusCode::kNotSupported) == 5);
static_assert(static_cast<int>(StatusCode::kPluginIncompatible) == 6);
static_assert(static_cast<int>(StatusCode::kPluginFailed) == 7);
static_assert(static_cast<int>(StatusCode::kBusy) == 8);

TEST(StatusTest, EachFactoryGivesItsCodeAndName) {
  struct Case {
    Status status;
    StatusCode code;
    std::string name;
  };
  const std::vector<Case> cases = {
      {Status::OK(), StatusCode::kOk, "ok"},
      {Status::InvalidArgument("m"), StatusCode::kInvalidArgument, "invalid argument"},
      {Status::NotFound("m"), StatusCode::kNotFound, "not found"},
      {Status::Corruption("m"), StatusCode::kCorruption, "corruption"},
      {Status::IOError("m"), StatusCode::kIOError, "I/O error"},
      {Status::NotSupported("m"), StatusCode::kNotSupported, "not supported"},
      {Status::PluginIncompatible("m"), StatusCode::kPluginIncompatible, "plugin incompatible"},
      {Status::PluginFailed("m"), StatusCode::kPluginFailed, "plugin failed"},
      {Status::Busy("m"), StatusCode::kBusy, "busy"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.status.code(), c.code) << c.name;
    EXPECT_EQ(StatusCodeName(c.status.code()), c.name);
    EXPECT_EQ(c.status.ok(), c.code == StatusCode::kOk) << c.name;
  }
  EXPECT_EQ(StatusCodeName(static_cast<StatusCode>(99)), "unknown");
}

TEST(StatusTest, ToStringIsTheMessageAloneOrOk) {
  EXPECT_EQ(Status::OK().ToString(), "OK");
  EXPECT_EQ(Status().ToString(), "OK");
  const Status failed = Status::Corruption("line 3: malformed JSON at column 7");
  EXPECT_EQ(failed.ToString(), "line 3: malformed JSON at column 7");
  EXPECT_EQ(failed.message(), "line 3: malformed JSON at column 7");
}

TEST(StatusTest, WithContextPrefixesTheMessageAndKeepsTheCode) {
  const Status failed =
      Status::InvalidArgument("field 'title' must be a string").WithContext("line 3");
  EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(failed.message(), "line 3: field 'title' must be a string");
  EXPECT_TRUE(Status::OK().WithContext("line 3").ok());
  EXPECT_EQ(Status::OK().WithContext("line 3").message(), "");
}

TEST(ResultTest, HoldsAValueOrAFailure) {
  Result<std::string> value = std::string("page");
  ASSERT_TRUE(value.ok());
  EXPECT_TRUE(value.status().ok());
  EXPECT_EQ(*value, "page");
  EXPECT_EQ(value->size(), 4u);
  Result<std::string> failed = Status::NotFound("no article with id 7");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(failed.status().message(), "no article with id 7");
}

// ---- The macros --------------------------------------------------------------------

// Counts its calls, so that a test can tell that the macros evaluate their argument once.
struct Source {
  int calls = 0;
  Result<int> Number(bool ok, int value) {
    ++calls;
    if (!ok) return Status::Corruption("line " + std::to_string(value) + ": not a number");
    return value;
  }
  Status Check(bool ok) {
    ++calls;
    return ok ? Status::OK() : Status::IOError("cannot write out.json: disk full");
  }
};

Status AddTwo(Source& source, bool first_ok, bool second_ok, int* sum) {
  MORGUE_ASSIGN_OR_RETURN(int first, source.Number(first_ok, 1));
  MORGUE_ASSIGN_OR_RETURN(const int second, source.Number(second_ok, 2));
  *sum = first + second;
  return Status::OK();
}

TEST(AssignOrReturnTest, DeclaresTheValueOrReturnsTheFailureAtOnce) {
  Source source;
  int sum = 0;
  EXPECT_TRUE(AddTwo(source, true, true, &sum).ok());
  EXPECT_EQ(sum, 3);
  EXPECT_EQ(source.calls, 2);

  source.calls = 0;
  sum = 0;
  const Status failed = AddTwo(source, false, true, &sum);
  EXPECT_EQ(failed.code(), StatusCode::kCorruption);
  EXPECT_EQ(failed.message(), "line 1: not a number");
  EXPECT_EQ(source.calls, 1);  // nothing after the failure ran
  EXPECT_EQ(sum, 0);

  source.calls = 0;
  EXPECT_EQ(AddTwo(source, true, false, &sum).message(), "line 2: not a number");
  EXPECT_EQ(source.calls, 2);
}

// In a function returning a Result of another type; the value assigned to an existing
// variable.
Result<std::string> Describe(Source& source, bool ok) {
  int number = 0;
  MORGUE_ASSIGN_OR_RETURN(number, source.Number(ok, 5));
  return "number " + std::to_string(number);
}

TEST(AssignOrReturnTest, WorksInAFunctionReturningAResultAndAssigns) {
  Source source;
  Result<std::string> described = Describe(source, true);
  ASSERT_TRUE(described.ok()) << described.status().ToString();
  EXPECT_EQ(*described, "number 5");
  Result<std::string> failed = Describe(source, false);
  EXPECT_EQ(failed.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(failed.status().message(), "line 5: not a number");
  EXPECT_EQ(source.calls, 2);
}

Result<std::unique_ptr<std::string>> MakeOwned(bool ok) {
  if (!ok) return Status::PluginFailed("out of memory");
  return std::make_unique<std::string>("owned");
}

template <typename First, typename Second>
Result<std::pair<First, Second>> MakePair(First first, Second second) {
  return std::make_pair(first, second);
}

Result<std::string> Take(bool ok) {
  // A move-only value is moved out; a comma outside parentheses may stand in the
  // expression, and `auto` stands for a type that holds one.
  MORGUE_ASSIGN_OR_RETURN(std::unique_ptr<std::string> owned, MakeOwned(ok));
  MORGUE_ASSIGN_OR_RETURN(auto pair, MakePair<int, std::string>(1, *owned));
  return pair.second + " " + std::to_string(pair.first);
}

TEST(AssignOrReturnTest, MovesTheValueAndTakesAnyExpression) {
  Result<std::string> taken = Take(true);
  ASSERT_TRUE(taken.ok()) << taken.status().ToString();
  EXPECT_EQ(*taken, "owned 1");
  EXPECT_EQ(Take(false).status().code(), StatusCode::kPluginFailed);
}

Status WriteBoth(Source& source, bool first_ok, bool second_ok) {
  MORGUE_RETURN_IF_ERROR(source.Check(first_ok));
  MORGUE_RETURN_IF_ERROR(source.Check(second_ok));
  return Status::OK();
}

TEST(ReturnIfErrorTest, ReturnsTheFirstFailureAsItIs) {
  Source source;
  EXPECT_TRUE(WriteBoth(source, true, true).ok());
  EXPECT_EQ(source.calls, 2);
  source.calls = 0;
  const Status failed = WriteBoth(source, false, true);
  EXPECT_EQ(failed.code(), StatusCode::kIOError);
  EXPECT_EQ(failed.message(), "cannot write out.json: disk full");
  EXPECT_EQ(source.calls, 1);
}

}  // namespace
}  // namespace morgue
