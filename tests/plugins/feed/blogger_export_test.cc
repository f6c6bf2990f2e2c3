// Blogger's export of a blog through the feed plugin's container reader, in both forms
// it has had: the classic "Back up content" export (kind categories, app:draft) and
// Google Takeout's feed.atom (blogger:type, blogger:status). The fixtures
// (tests/fixtures/feed/) hold the seed article as one post among others, a comment on
// it, a draft, and the settings, template or page entries each form carries.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::BuildPluginDir;
using ::morgue::testing::ContainerReading;
using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadContainer;
using ::morgue::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kSeedPost[] = "post-4825937157034785536";
constexpr char kOtherPost[] = "post-6019237481559012345";
constexpr char kDraft[] = "post-2286419755301938472";
constexpr char kPage[] = "post-5512098733645120987";

struct Export {
  const char* file;
  const char* format;  // as probing gives it, or as the user names it
};

class BloggerExportTest : public ::testing::TestWithParam<std::tuple<Export, size_t>> {
 protected:
  void SetUp() override { registry_.LoadDirectory(BuildPluginDir()); }

  std::string Bytes() const {
    return ReadFile(FixturesDir() / "feed" / std::get<0>(GetParam()).file);
  }

  ContainerReading Read(std::map<std::string, std::string> parameters = {}) {
    return ReadContainer(registry_, std::get<0>(GetParam()).format, Bytes(), "export.xml",
                         std::get<1>(GetParam()), std::move(parameters));
  }

  PluginRegistry registry_;
};

INSTANTIATE_TEST_SUITE_P(
    Forms, BloggerExportTest,
    ::testing::Combine(::testing::Values(Export{"peninsula-watch.blogger-export.xml", "rss"},
                                         Export{"peninsula-watch.blogger-export.xml", "blogger"},
                                         Export{"peninsula-watch.takeout.atom", "rss"},
                                         Export{"peninsula-watch.takeout.atom", "blogger"}),
                       ::testing::Values(1, 7, 4096)));

// The documents among `items`, by id.
std::map<std::string, ContainerItem> Documents(const std::vector<ContainerItem>& items) {
  std::map<std::string, ContainerItem> documents;
  for (const ContainerItem& item : items) {
    if (item.kind == ContainerItem::kDocument) documents[item.id] = item;
  }
  return documents;
}

std::map<std::string, int> Skipped(const std::vector<ContainerItem>& items) {
  std::map<std::string, int> skipped;
  for (const ContainerItem& item : items) {
    if (item.kind == ContainerItem::kSkipped) ++skipped[item.skip_reason];
  }
  return skipped;
}

TEST_P(BloggerExportTest, PostsAreDocumentsWithTheirLabelsAndPoster) {
  const std::string bytes = Bytes();
  ContainerReading reading = Read();
  ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  std::map<std::string, ContainerItem> documents = Documents(reading.items);
  ASSERT_EQ(documents.size(), 2u);
  ASSERT_EQ(documents.count(kSeedPost), 1u);
  ASSERT_EQ(documents.count(kOtherPost), 1u);

  const ContainerItem& seed = documents[kSeedPost];
  EXPECT_EQ(bytes.substr(seed.offset, 7), "<entry>");
  EXPECT_THAT(seed.bytes, StartsWith("<span class=\"Apple-style-span\""));
  EXPECT_THAT(seed.bytes, HasSubstr("By Lee Tae-hoon<br />"));
  EXPECT_THAT(seed.bytes, HasSubstr("North Korea’s nuclear programs"));
  EXPECT_EQ(seed.extension, ".html");
  EXPECT_EQ(seed.media_type, "text/html");
  EXPECT_EQ(seed.hints.origin, "blogger post");
  EXPECT_EQ(seed.hints.title, "Seoul, Tokyo seek 1st military pact");
  // The blog account posted it: never an author.
  EXPECT_THAT(seed.hints.authors, ElementsAre(Author{"kimchi-watcher", "", "poster"}));
  // The day it was posted, as the blog shows it: not the account's time of day.
  EXPECT_EQ(seed.hints.published, "2011-01-04");
  EXPECT_EQ(seed.hints.updated, "");
  EXPECT_THAT(seed.hints.tags, ElementsAre("defense", "Japan", "South Korea"));
  EXPECT_EQ(seed.hints.source, "");

  EXPECT_EQ(documents[kOtherPost].hints.title,
            "N. Korea proposes 'unconditional' talks with Seoul");
  EXPECT_EQ(documents[kOtherPost].hints.published, "2011-01-05");
}

TEST_P(BloggerExportTest, CommentsDraftsAndTheBlogsOwnEntriesAreSkipped) {
  ContainerReading reading = Read();
  const bool takeout = std::string(std::get<0>(GetParam()).file).ends_with(".atom");
  const std::map<std::string, int> expected =
      takeout ? std::map<std::string, int>{{"comments", 1}, {"drafts", 1}, {"pages", 1}}
              : std::map<std::string, int>{
                    {"comments", 1}, {"drafts", 1}, {"settings", 2}, {"template", 1}};
  EXPECT_EQ(Skipped(reading.items), expected);
  for (const ContainerItem& item : reading.items) EXPECT_NE(item.kind, ContainerItem::kFailed);
}

TEST_P(BloggerExportTest, DraftsAndPagesWhenAsked) {
  ContainerReading reading = Read({{"drafts", "true"}, {"pages", "true"}});
  std::map<std::string, ContainerItem> documents = Documents(reading.items);
  ASSERT_EQ(documents.count(kDraft), 1u);
  EXPECT_EQ(documents[kDraft].hints.title, "Foot-and-mouth: notes");
  const bool takeout = std::string(std::get<0>(GetParam()).file).ends_with(".atom");
  EXPECT_EQ(documents.count(kPage), takeout ? 1u : 0u);
  EXPECT_EQ(Skipped(reading.items).count("drafts"), 0u);
  EXPECT_EQ(Skipped(reading.items).count("pages"), 0u);
}

TEST(BloggerExportAsAtomTest, FormatAtomReadsEveryEntryAsAPlainFeedsEntry) {
  PluginRegistry registry;
  registry.LoadDirectory(BuildPluginDir());
  ContainerReading reading = ReadContainer(
      registry, "atom", ReadFile(FixturesDir() / "feed" / "peninsula-watch.takeout.atom"));
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 5u);
  for (const ContainerItem& item : reading.items) {
    EXPECT_EQ(item.kind, ContainerItem::kDocument) << item.id;
    EXPECT_EQ(item.hints.origin, "atom entry");
  }
}

}  // namespace
}  // namespace morgue
