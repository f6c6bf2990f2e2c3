// The WXR reader through the wordpress plugin, loaded as the host loads it: a WordPress
// 6.1.1 export (tests/fixtures/wordpress/), read in reads of 1, 7 and 4096 bytes; a
// WordPress 3.x export (WXR 1.1); the options; broken and truncated exports; an item
// that fails alone; entities never expanded.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::ContainerReading;
using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadContainer;
using ::morgue::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string Export() {
  return ReadFile(FixturesDir() / "wordpress" / "peninsulawatch.WordPress.2023-02-10.xml");
}

// "post-123", "skipped attachments", "failed": one word per item, to compare sequences.
std::vector<std::string> Summary(const ContainerReading& reading) {
  std::vector<std::string> out;
  for (const ContainerItem& item : reading.items) {
    if (item.kind == ContainerItem::kDocument) {
      out.push_back(item.id);
    } else if (item.kind == ContainerItem::kSkipped) {
      out.push_back("skipped " + item.skip_reason);
    } else {
      out.push_back("failed " + item.id + ": " + item.failure.message());
    }
  }
  return out;
}

class WxrReaderTest : public testing::BuiltinPluginTest {
 protected:
  WxrReaderTest() : BuiltinPluginTest("wxr") {}
  ContainerReading Read(std::string bytes, size_t chunk = 4096,
                        std::map<std::string, std::string> parameters = {}) {
    return ReadContainer(registry_, "wxr", std::move(bytes), "export.xml", chunk,
                         std::move(parameters));
  }
};

TEST_F(WxrReaderTest, PublishedPostsAreDocumentsAndTheRestIsSkipped) {
  const std::string xml = Export();
  for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    const ContainerReading reading = Read(xml, chunk);
    ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
    EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
    EXPECT_THAT(Summary(reading),
                ElementsAre("post-118", "skipped attachments", "post-123", "skipped revisions",
                            "skipped drafts", "skipped pages"));
    // Each record starts where its <item> is, in order.
    uint64_t previous = 0;
    for (const ContainerItem& item : reading.items) {
      EXPECT_GT(item.offset, previous);
      EXPECT_EQ(xml.substr(item.offset, 6), "<item>") << item.offset;
      previous = item.offset;
    }
  }
}

TEST_F(WxrReaderTest, APostCarriesItsItemsHints) {
  const ContainerReading reading = Read(Export());
  ASSERT_GE(reading.items.size(), 3u);
  const ContainerItem& post = reading.items[2];
  EXPECT_EQ(post.id, "post-123");
  EXPECT_EQ(post.format, "");
  EXPECT_EQ(post.extension, ".html");
  EXPECT_EQ(post.media_type, "text/html");
  const DocumentHints& hints = post.hints;
  EXPECT_EQ(hints.origin, "wxr item");
  EXPECT_EQ(hints.title, "Seoul, Tokyo seek 1st military pact");
  EXPECT_EQ(hints.url, "https://peninsulawatch.net/2011/01/04/seoul-tokyo-seek-1st-military-pact/");
  EXPECT_EQ(hints.published, "2011-01-04T10:42:00Z");  // wp:post_date_gmt
  EXPECT_EQ(hints.updated, "");                        // never modified
  EXPECT_EQ(hints.captured, "");
  EXPECT_EQ(hints.language, "en-US");
  // Tags only: the category "News" is where the blog files it, not what it is about.
  EXPECT_THAT(hints.tags, ElementsAre("defense", "Japan", "South Korea"));
  EXPECT_THAT(hints.authors, ElementsAre(Author{"kimchi-watcher", "", "poster"}));
  // The page: the title, then the block editor's HTML as stored; no comment in it.
  EXPECT_THAT(post.bytes, HasSubstr("<title>Seoul, Tokyo seek 1st military pact</title>"));
  EXPECT_THAT(post.bytes, HasSubstr("<h1>Seoul, Tokyo seek 1st military pact</h1>\n"
                                    "<!-- wp:paragraph -->\n<p><strong>"));
  EXPECT_THAT(post.bytes, HasSubstr("<figcaption class=\"wp-element-caption\">Japanese"));
  EXPECT_THAT(post.bytes, HasSubstr("North Korea’s nuclear programs"));
  EXPECT_THAT(post.bytes, Not(HasSubstr("GSOMIA text will be made public")));
  EXPECT_THAT(post.bytes, StartsWith("<!DOCTYPE html>\n<html lang=\"en-US\">"));
  // The date as the blog showed it: its local time, with its offset from UTC.
  EXPECT_THAT(post.bytes, HasSubstr("<meta property=\"article:published_time\" "
                                    "content=\"2011-01-04T19:42:00+09:00\">"));
  EXPECT_THAT(post.bytes, HasSubstr("<meta name=\"generator\" content=\"WordPress\">"));
}

TEST_F(WxrReaderTest, ClassicPostsGetWordPressParagraphs) {
  const ContainerReading reading = Read(Export());
  ASSERT_FALSE(reading.items.empty());
  const ContainerItem& post = reading.items[0];
  EXPECT_EQ(post.id, "post-118");
  EXPECT_THAT(post.bytes, HasSubstr("<p>North Korea's leader Kim Jong-il called"));
  EXPECT_THAT(post.bytes, HasSubstr("any further provocation.<br />\n\"The door to dialogue"));
  EXPECT_THAT(post.bytes, HasSubstr("\n<blockquote>We will never tolerate any act that threatens "
                                    "our security.</blockquote>\n<p>Officials in Seoul"));
  EXPECT_THAT(post.hints.tags, ElementsAre("North Korea", "South Korea"));
  EXPECT_EQ(post.hints.published, "2011-01-03T12:05:00Z");
}

TEST_F(WxrReaderTest, PagesAndDraftsWhenAsked) {
  const ContainerReading reading = Read(Export(), 7, {{"pages", "true"}, {"drafts", "true"}});
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Summary(reading), ElementsAre("post-118", "skipped attachments", "post-123",
                                            "skipped revisions", "post-131", "post-2"));
  // A draft has no GMT date yet: its local one, without an offset.
  EXPECT_EQ(reading.items[4].hints.published, "2011-01-06T08:30:00");
  EXPECT_EQ(reading.items[5].hints.title, "About");
}

// A WordPress 3.x export: WXR 1.1, titles without CDATA, a private and a scheduled post.
constexpr char kWxr11[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
    "<!-- generator=\"WordPress/3.0.4\" created=\"2011-01-20 08:14\" -->\n"
    "<rss version=\"2.0\"\n"
    "\txmlns:excerpt=\"http://wordpress.org/export/1.1/excerpt/\"\n"
    "\txmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "\txmlns:wfw=\"http://wellformedweb.org/CommentAPI/\"\n"
    "\txmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
    "\txmlns:wp=\"http://wordpress.org/export/1.1/\"\n>\n\n"
    "<channel>\n\t<title>Old Blog</title>\n\t<link>http://old.example.org</link>\n"
    "\t<language>en</language>\n\t<wp:wxr_version>1.1</wp:wxr_version>\n"
    "\t<wp:author><wp:author_login>editor</wp:author_login>"
    "<wp:author_email>e@example.org</wp:author_email>"
    "<wp:author_display_name><![CDATA[Jane Editor]]></wp:author_display_name>"
    "</wp:author>\n"
    "\t<item>\n\t\t<title>Snow &amp; ice close schools</title>\n"
    "\t\t<link>http://old.example.org/2011/01/snow/</link>\n"
    "\t\t<pubDate>Wed, 19 Jan 2011 07:00:00 +0000</pubDate>\n"
    "\t\t<dc:creator>editor</dc:creator>\n"
    "\t\t<category><![CDATA[Weather]]></category>\n"
    "\t\t<category domain=\"category\" nicename=\"weather\"><![CDATA[Weather]]></category>\n"
    "\t\t<category domain=\"post_tag\" nicename=\"schools\"><![CDATA[schools]]></category>\n"
    "\t\t<content:encoded><![CDATA[Schools closed.\n\nBuses stopped.]]></content:encoded>\n"
    "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n"
    "\t\t<wp:post_id>41</wp:post_id>\n"
    "\t\t<wp:post_date>2011-01-19 08:00:00</wp:post_date>\n"
    "\t\t<wp:post_date_gmt>2011-01-19 07:00:00</wp:post_date_gmt>\n"
    "\t\t<wp:status>publish</wp:status>\n\t\t<wp:post_type>post</wp:post_type>\n"
    "\t</item>\n"
    "\t<item>\n\t\t<title>Members only</title>\n"
    "\t\t<content:encoded><![CDATA[Private.]]></content:encoded>\n"
    "\t\t<wp:post_id>42</wp:post_id>\n\t\t<wp:status>private</wp:status>\n"
    "\t\t<wp:post_type>post</wp:post_type>\n\t</item>\n"
    "\t<item>\n\t\t<title>Tomorrow</title>\n"
    "\t\t<content:encoded><![CDATA[Soon.]]></content:encoded>\n"
    "\t\t<wp:post_id>43</wp:post_id>\n\t\t<wp:status>future</wp:status>\n"
    "\t\t<wp:post_type>post</wp:post_type>\n\t</item>\n"
    "</channel>\n</rss>\n";

TEST_F(WxrReaderTest, ReadsWxr11) {
  const ContainerReading reading = Read(kWxr11, 7);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Summary(reading),
              ElementsAre("post-41", "skipped private posts", "skipped scheduled posts"));
  const ContainerItem& post = reading.items[0];
  EXPECT_EQ(post.hints.title, "Snow & ice close schools");
  EXPECT_THAT(post.hints.authors, ElementsAre(Author{"Jane Editor", "", "poster"}));
  EXPECT_THAT(post.hints.tags, ElementsAre("schools"));
  EXPECT_EQ(post.hints.published, "2011-01-19T07:00:00Z");
  EXPECT_EQ(post.hints.language, "en");
  EXPECT_THAT(post.bytes, HasSubstr("<p>Schools closed.</p>\n<p>Buses stopped.</p>\n"));
}

TEST_F(WxrReaderTest, AnItemThatCannotBeReadFailsAlone) {
  std::string xml = Export();
  // Post 118 without its content, and the attachment without its id.
  const size_t content = xml.find("<content:encoded>");
  xml.erase(content, xml.find("</content:encoded>", content) + 18 - content);
  const ContainerReading reading = Read(xml);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Summary(reading),
              ElementsAre("failed post-118: the post has no content:encoded", "skipped attachments",
                          "post-123", "skipped revisions", "skipped drafts", "skipped pages"));
  std::string no_id = kWxr11;
  no_id.replace(no_id.find("<wp:post_id>41</wp:post_id>"), 27, "<wp:post_id>x1</wp:post_id>");
  EXPECT_THAT(Summary(Read(no_id)),
              ElementsAre("failed : the item's wp:post_id is not a number: x1",
                          "skipped private posts", "skipped scheduled posts"));
}

TEST_F(WxrReaderTest, ATruncatedExportKeepsTheItemsBeforeTheCut) {
  const std::string xml = Export();
  const std::string cut = xml.substr(0, xml.find("Notes for a piece"));
  for (const size_t chunk : {size_t{1}, size_t{4096}}) {
    const ContainerReading reading = Read(cut, chunk);
    EXPECT_THAT(Summary(reading),
                ElementsAre("post-118", "skipped attachments", "post-123", "skipped revisions"));
    EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
    EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  }
}

TEST_F(WxrReaderTest, BrokenXmlNamesWhereItBreaks) {
  std::string xml = Export();
  const size_t draft = xml.find("<title><![CDATA[Yeonpyeong");
  xml.replace(xml.find("</title>", draft), 8, "</titel>");
  const ContainerReading reading = Read(xml, 7);
  EXPECT_THAT(Summary(reading),
              ElementsAre("post-118", "skipped attachments", "post-123", "skipped revisions"));
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("titel"));
}

TEST_F(WxrReaderTest, NotAWordPressExport) {
  ContainerReading reading = Read("<html><body>hello</body></html>");
  EXPECT_TRUE(reading.items.empty());
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_EQ(reading.ended.message().substr(reading.ended.message().find(": ")),
            ": not a WordPress export: the document is <html>, not <rss>");
  // An RSS feed that is not an export.
  reading = Read(
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
      "<item><title>x</title></item></channel></rss>");
  EXPECT_TRUE(reading.items.empty());
  EXPECT_THAT(reading.ended.message(), HasSubstr("an item before any wp:wxr_version"));
  reading = Read("");
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  reading = Read("not xml at all");
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
}

TEST_F(WxrReaderTest, EntitiesAreNeverExpandedNorFetched) {
  std::string xml = kWxr11;
  xml.insert(xml.find("<rss"),
             "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/hostname\">"
             "<!ENTITY lol \"lollollollollollollollollol\">]>\n");
  xml.replace(xml.find("Snow &amp; ice"), 14, "Snow &secret;&lol;&lol;");
  const ContainerReading reading = Read(xml);
  EXPECT_TRUE(reading.items.empty());
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_THAT(reading.ended.message(),
              HasSubstr(": the document declares the entity \"secret\"; a WordPress export "
                        "declares none, and none is expanded"));
  // Undeclared, an entity is an error too, never text.
  std::string undeclared = kWxr11;
  undeclared.replace(undeclared.find("Snow &amp; ice"), 14, "Snow &lol; ice");
  const ContainerReading second = Read(undeclared);
  EXPECT_TRUE(second.items.empty());
  EXPECT_THAT(second.ended.message(), HasSubstr("lol"));
}

}  // namespace
}  // namespace morgue

namespace morgue {
namespace {

class WxrProbeTest : public testing::BuiltinPluginTest {
 protected:
  WxrProbeTest() : BuiltinPluginTest("wxr") {}
  int Score(const std::string& path, const std::string& head) {
    Result<ImporterHandle> importer = registry_.ImporterFor("wxr");
    EXPECT_TRUE(importer.ok());
    return importer.ok() ? importer->Probe({.path = path, .head = head}) : -1;
  }
};

TEST_F(WxrProbeTest, CertainOfAnExportAndOfNothingElse) {
  const std::string xml = testing::ReadFile(testing::FixturesDir() / "wordpress" /
                                            "peninsulawatch.WordPress.2023-02-10.xml");
  const std::string head = xml.substr(0, kProbeBytes);
  EXPECT_EQ(Score("export.xml", head), kProbeCertain);
  EXPECT_EQ(Score("", head), kProbeCertain);  // standard input: the namespace says it
  EXPECT_EQ(Score("export.txt", head), kProbeCertain);
  // Without the namespace in the head, a .xml holding wp:wxr_version still is one.
  EXPECT_EQ(Score("export.xml", "<rss><channel><wp:wxr_version>1.2</wp:wxr_version>"),
            kProbeCertain);
  // A feed, even a WordPress site's own feed, is not an export.
  const std::string feed =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Peninsula Watch</title>"
      "<generator>https://wordpress.org/?v=6.1.1</generator><item><title>x</title></item>";
  EXPECT_EQ(Score("feed.xml", feed), kProbeNo);
  EXPECT_EQ(Score("page.html", "<html><body>wordpress.org/export/1.2/</body></html>"), kProbeNo);
}

}  // namespace
}  // namespace morgue
