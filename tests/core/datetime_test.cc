#include "morgue/datetime.h"

#include <gtest/gtest.h>

namespace morgue {
namespace {

TEST(IsIso8601Test, AcceptsTheFormsSourcesUse) {
  for (const char* text :
       {"2011", "2011-01", "2011-01-04", "2011-01-04T19:42", "2011-01-04T19:42:00",
        "2011-01-04T19:42:00Z", "2011-01-04T19:42:00+09:00", "2011-01-04T19:42:00.123-0500",
        "2011-01-04 19:42:00+09:00", "2012-02-29"}) {
    EXPECT_TRUE(IsIso8601(text)) << text;
  }
}

TEST(IsIso8601Test, RejectsWhatIsNotADate) {
  for (const char* text :
       {"", "Tuesday, January 4, 2011", "04/01/2011", "2011-1-4", "2011-13-01", "2011-02-29",
        "2011-01-32", "2011-01-04T24:00", "2011-01-04T19:42:00+25:00", "2011-01-04T19",
        "2011-01-04T19:42:00 junk", "20110104"}) {
    EXPECT_FALSE(IsIso8601(text)) << text;
  }
}

TEST(UtcNowTest, IsAnIsoTimestampInUtc) {
  std::string now = UtcNow();
  EXPECT_TRUE(IsIso8601(now)) << now;
  EXPECT_EQ(now.back(), 'Z');
  EXPECT_EQ(now.size(), 20u);
}

}  // namespace
}  // namespace morgue
