// The did-you-mean of unknown commands and options.

#include "suggest.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace morgue::cli {
namespace {

using Names = std::vector<std::string>;

const Names kCommands = {"init",  "import", "list", "show",  "search",  "export",  "tag",
                         "untag", "tags",   "rm",   "stats", "sources", "plugins", "help"};

TEST(EditDistanceTest, CountsInsertionsDeletionsReplacementsAndSwaps) {
  EXPECT_EQ(EditDistance("search", "search"), 0u);
  EXPECT_EQ(EditDistance("serach", "search"), 1u);  // two letters swapped
  EXPECT_EQ(EditDistance("--tga", "--tag"), 1u);
  EXPECT_EQ(EditDistance("lst", "list"), 1u);
  EXPECT_EQ(EditDistance("expotr", "export"), 1u);
  EXPECT_EQ(EditDistance("sarch", "search"), 1u);
  EXPECT_EQ(EditDistance("", "rm"), 2u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
}

TEST(SuggestTest, OffersTheClosestCommand) {
  EXPECT_EQ(Suggest("serach", kCommands), Names{"search"});
  EXPECT_EQ(Suggest("lsit", kCommands), Names{"list"});
  EXPECT_EQ(Suggest("exprot", kCommands), Names{"export"});
  EXPECT_EQ(Suggest("plugin", kCommands), Names{"plugins"});
}

TEST(SuggestTest, OffersEveryNameAtTheSmallestDistanceInOrder) {
  EXPECT_EQ(Suggest("tg", kCommands), Names{"tag"});
  EXPECT_EQ(Suggest("ta", kCommands), (Names{"tag", "tags"}));  // both begin with it
}

TEST(SuggestTest, OffersNothingForNamesFarFromAll) {
  EXPECT_EQ(Suggest("frobnicate", kCommands), Names{});
  EXPECT_EQ(Suggest("x", kCommands), Names{});
  EXPECT_EQ(Suggest("search", kCommands), Names{}) << "a known name is not mistyped";
}

TEST(SuggestTest, OptionsCountWithoutTheirDashes) {
  const Names options = {"--tag", "--author", "--since", "--until", "--limit", "--json"};
  EXPECT_EQ(Suggest("--tga", options), Names{"--tag"});
  EXPECT_EQ(Suggest("--sinse", options), Names{"--since"});
  EXPECT_EQ(Suggest("--lim", options), Names{"--limit"});
  EXPECT_EQ(Suggest("--zzz", options), Names{});
}

TEST(DidYouMeanTest, JoinsTheSuggestions) {
  EXPECT_EQ(DidYouMean({}), "");
  EXPECT_EQ(DidYouMean({"search"}, "'"), "; did you mean 'search'?");
  EXPECT_EQ(DidYouMean({"--tag", "--tags"}), "; did you mean --tag or --tags?");
  EXPECT_EQ(DidYouMean({"a", "b", "c"}), "; did you mean a, b or c?");
}

}  // namespace
}  // namespace morgue::cli
