// RSS and Atom feeds through the feed plugin's container reader (the real plugin library,
// loaded as the host loads it), read from a source that hands the bytes over 1, 7 or 4096
// at a time: items split across reads, dates normalised, ids, offsets, hints, the
// summary used when a feed carries no content, broken and cut-short feeds, items that
// cannot be read, and entities that must never be expanded.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/plugin_registry.h"
#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::BuildPluginDir;
using ::morgue::testing::ContainerReading;
using ::morgue::testing::ReadContainer;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// An RSS 2.0 feed as WordPress 6 writes one (content:encoded, dc:creator, categories).
constexpr char kRss2[] = R"(<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:media="http://search.yahoo.com/mrss/">
<channel>
	<title>Harbour Notes</title>
	<atom:link href="https://harbour-notes.example/feed/" rel="self" type="application/rss+xml" />
	<link>https://harbour-notes.example</link>
	<description>Notes from the harbour</description>
	<language>en-US</language>
	<generator>https://wordpress.org/?v=6.1.1</generator>
	<item>
		<title>Ferries return &#038; the quay reopens</title>
		<link>https://harbour-notes.example/2023/03/ferries-return/</link>
		<dc:creator><![CDATA[Mira Okafor and Tom Reyes]]></dc:creator>
		<pubDate>Tue, 14 Mar 2023 08:30:00 +0000</pubDate>
		<category><![CDATA[Harbour]]></category>
		<category><![CDATA[Transport]]></category>
		<guid isPermaLink="false">https://harbour-notes.example/?p=412</guid>
		<description><![CDATA[The ferries are back after three weeks.]]></description>
		<content:encoded><![CDATA[<p>The ferries are back after three weeks of repairs to the quay.</p>
<p>Crews worked through the night.</p>]]></content:encoded>
		<media:content url="https://harbour-notes.example/quay.jpg" medium="image" />
		<enclosure url="https://harbour-notes.example/podcast.mp3" length="1200" type="audio/mpeg" />
	</item>
	<item>
		<title>Storm warning</title>
		<link>https://harbour-notes.example/2023/03/storm-warning/</link>
		<author>harbourmaster@harbour-notes.example (Lena Brandt)</author>
		<pubDate>Wed, 15 Mar 2023 17:05:00 GMT</pubDate>
		<description>&lt;p&gt;Gale-force winds are expected &lt;b&gt;tonight&lt;/b&gt;.&lt;/p&gt;</description>
	</item>
	<item>
		<title>No address</title>
		<description>Just words.</description>
	</item>
</channel>
</rss>
)";

// RSS 1.0 (RDF), as Slash and many journals still write it.
constexpr char kRss1[] = R"(<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/">
 <channel rdf:about="https://journal.example/rss">
  <title>Journal</title>
  <link>https://journal.example/</link>
  <description>A journal</description>
  <items><rdf:Seq><rdf:li rdf:resource="https://journal.example/a/1"/></rdf:Seq></items>
 </channel>
 <item rdf:about="https://journal.example/a/1">
  <title>Tides and the moon</title>
  <link>https://journal.example/a/1</link>
  <description>Why tides follow the moon.</description>
  <dc:creator>Ada Lind</dc:creator>
  <dc:date>2022-11-02T09:15:00+01:00</dc:date>
  <dc:subject>Science</dc:subject>
 </item>
</rdf:RDF>
)";

// Atom 1.0 with each kind of content.
constexpr char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de-DE">
  <title>Werkstatt</title>
  <link href="https://werkstatt.example/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-05-02T10:00:00Z</updated>
  <author><name>Jo Feed</name></author>
  <entry>
    <title type="html">Holz &amp;amp; Leim</title>
    <link rel="alternate" type="text/html" href="https://werkstatt.example/holz"/>
    <link rel="edit" href="https://werkstatt.example/edit/1"/>
    <id>tag:werkstatt.example,2024:1</id>
    <published>2024-05-01T18:30:00+02:00</published>
    <updated>2024-05-02T09:00:00+02:00</updated>
    <author><name>Karla Hahn</name><email>karla@werkstatt.example</email></author>
    <category term="Holz" label="Holzarbeiten"/>
    <summary>Eine kurze Einführung.</summary>
    <content type="html">&lt;p&gt;Leim braucht Zeit.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Schrauben</title>
    <id>tag:werkstatt.example,2024:2</id>
    <updated>2024-05-02T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Nie <b>zu</b> fest<br/>anziehen &amp; prüfen.</p><img src="s.jpg" alt=""/></div></content>
  </entry>
  <entry>
    <title>Notiz</title>
    <id>tag:werkstatt.example,2024:3</id>
    <updated>2024-05-02T10:00:00Z</updated>
    <content type="text">Erste Zeile &lt;ohne&gt; HTML.
zweite Zeile

Neuer Absatz.</content>
  </entry>
  <entry>
    <title>Nur Zusammenfassung</title>
    <id>tag:werkstatt.example,2024:4</id>
    <updated>2024-05-02T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Nur dies.&lt;/p&gt;</summary>
  </entry>
</feed>
)";

class FeedReaderTest : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override { registry_.LoadDirectory(BuildPluginDir()); }

  ContainerReading Read(const std::string& bytes, const std::string& format = "rss",
                        std::map<std::string, std::string> parameters = {}) {
    return ReadContainer(registry_, format, bytes, "feed.xml", GetParam(), std::move(parameters));
  }

  PluginRegistry registry_;
};

INSTANTIATE_TEST_SUITE_P(Chunks, FeedReaderTest, ::testing::Values(1, 7, 4096));

std::vector<std::string> Names(const std::vector<Author>& authors) {
  std::vector<std::string> names;
  for (const Author& author : authors) names.push_back(author.name + "/" + author.role);
  return names;
}

TEST_P(FeedReaderTest, Rss2ItemsWithContentSummaryAndDates) {
  const std::string feed = kRss2;
  ContainerReading reading = Read(feed);
  ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 3u);

  const ContainerItem& first = reading.items[0];
  EXPECT_EQ(first.kind, ContainerItem::kDocument);
  EXPECT_EQ(first.id, "https://harbour-notes.example/?p=412");
  EXPECT_EQ(feed.substr(first.offset, 6), "<item>");
  EXPECT_EQ(first.bytes,
            "<p>The ferries are back after three weeks of repairs to the quay.</p>\n"
            "<p>Crews worked through the night.</p>");
  EXPECT_EQ(first.format, "");
  EXPECT_EQ(first.extension, ".html");
  EXPECT_EQ(first.media_type, "text/html");
  EXPECT_TRUE(first.provenance.empty());
  EXPECT_EQ(first.hints.origin, "rss item");
  EXPECT_EQ(first.hints.title, "Ferries return & the quay reopens");
  EXPECT_EQ(first.hints.url, "https://harbour-notes.example/2023/03/ferries-return/");
  EXPECT_THAT(Names(first.hints.authors), ElementsAre("Mira Okafor/author", "Tom Reyes/author"));
  EXPECT_EQ(first.hints.published, "2023-03-14T08:30:00+00:00");
  EXPECT_EQ(first.hints.updated, "");
  EXPECT_EQ(first.hints.captured, "");
  EXPECT_THAT(first.hints.tags, ElementsAre("Harbour", "Transport"));
  EXPECT_EQ(first.hints.summary, "The ferries are back after three weeks.");
  EXPECT_EQ(first.hints.language, "en");
  // A blog's feed names the blog, which is no publication.
  EXPECT_EQ(first.hints.source, "");
  // The media:content picture, without a caption the feed does not give; the podcast
  // enclosure is not a picture.
  EXPECT_THAT(first.hints.media,
              ElementsAre(Media{"https://harbour-notes.example/quay.jpg", "", ""}));

  // Only a description: it is the document, marked as the feed's summary.
  const ContainerItem& second = reading.items[1];
  EXPECT_EQ(second.id, "https://harbour-notes.example/2023/03/storm-warning/");
  EXPECT_EQ(feed.substr(second.offset, 6), "<item>");
  EXPECT_EQ(second.bytes, "<p>Gale-force winds are expected <b>tonight</b>.</p>");
  EXPECT_EQ(second.provenance.at("body"), "feed-summary");
  EXPECT_EQ(second.hints.summary, "");
  ASSERT_EQ(second.hints.authors.size(), 1u);
  EXPECT_EQ(second.hints.authors[0],
            (Author{"Lena Brandt", "harbourmaster@harbour-notes.example", "author"}));
  EXPECT_EQ(second.hints.published, "2023-03-15T17:05:00Z");

  // Neither guid nor link: named by its place.
  EXPECT_EQ(reading.items[2].id, "item-3");
  EXPECT_EQ(reading.items[2].bytes, "Just words.");
}

// Media RSS as news sites write it: one picture in two sizes with its caption and credit,
// media:group alternatives, a video, thumbnails, and an item's own media:description
// (its summary, not a caption).
TEST_P(FeedReaderTest, MediaRssPicturesBecomeTheItemsCaptionedPictures) {
  const std::string feed = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Daily Courier</title><link>https://courier.example/</link>
 <item><title>Two sizes</title><link>https://courier.example/a</link>
  <description>Port strike ends.</description>
  <media:content width="140" url="https://img.example/quay-140.jpg">
   <media:description type="plain">Dockers leave the  quay on Monday.</media:description>
   <media:credit scheme="urn:ebu">Photograph: Ana Ruiz/Reuters</media:credit>
  </media:content>
  <media:content width="460" url="https://img.example/quay-460.jpg">
   <media:description type="plain">Dockers leave the quay on Monday.</media:description>
   <media:credit scheme="urn:ebu">Photograph: Ana Ruiz/Reuters</media:credit>
  </media:content>
  <media:description>Item summary, not a caption</media:description>
 </item>
 <item><title>Groups</title><link>https://courier.example/b</link>
  <description>Storm.</description>
  <media:group>
   <media:content url="https://img.example/storm.mp4" medium="video" />
   <media:content url="https://img.example/storm-big.png" type="image/png" />
   <media:content url="https://img.example/storm-small.png" type="image/png" />
   <media:description type="html">Waves at &lt;b&gt;the pier&lt;/b&gt;</media:description>
   <media:credit>AP</media:credit>
  </media:group>
  <media:content url="https://img.example/map.webp?w=300" />
  <media:thumbnail url="https://img.example/thumb.jpg" />
 </item>
 <item><title>Thumbnail only</title><link>https://courier.example/c</link>
  <description>Quiet day.</description>
  <media:thumbnail url="https://img.example/quiet.jpg" width="75" />
  <media:content url="https://img.example/talk.mp3" type="audio/mpeg" />
 </item>
</channel></rss>)";
  ContainerReading reading = Read(feed);
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 3u);
  EXPECT_THAT(reading.items[0].hints.media, ElementsAre(Media{"https://img.example/quay-140.jpg",
                                                              "Dockers leave the quay on Monday.",
                                                              "Photograph: Ana Ruiz/Reuters"}));
  EXPECT_THAT(reading.items[1].hints.media,
              ElementsAre(Media{"https://img.example/storm-big.png", "Waves at the pier", "AP"},
                          Media{"https://img.example/map.webp?w=300", "", ""}));
  EXPECT_THAT(reading.items[2].hints.media,
              ElementsAre(Media{"https://img.example/quiet.jpg", "", ""}));
}

TEST_P(FeedReaderTest, Rss1ItemsAreNamedByTheirAddress) {
  ContainerReading reading = Read(kRss1);
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 1u);
  const ContainerItem& item = reading.items[0];
  EXPECT_EQ(item.id, "https://journal.example/a/1");
  EXPECT_EQ(item.bytes, "Why tides follow the moon.");
  EXPECT_EQ(item.provenance.at("body"), "feed-summary");
  EXPECT_EQ(item.hints.title, "Tides and the moon");
  EXPECT_THAT(Names(item.hints.authors), ElementsAre("Ada Lind/author"));
  EXPECT_EQ(item.hints.published, "2022-11-02T09:15:00+01:00");
  EXPECT_THAT(item.hints.tags, ElementsAre("Science"));
}

TEST_P(FeedReaderTest, AtomEntriesOfEveryContentType) {
  const std::string feed = kAtom;
  ContainerReading reading = Read(feed, "atom");
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 4u);

  const ContainerItem& html = reading.items[0];
  EXPECT_EQ(html.id, "tag:werkstatt.example,2024:1");
  EXPECT_EQ(feed.substr(html.offset, 7), "<entry>");
  EXPECT_EQ(html.bytes, "<p>Leim braucht Zeit.</p>");
  EXPECT_EQ(html.hints.origin, "atom entry");
  EXPECT_EQ(html.hints.title, "Holz & Leim");
  EXPECT_EQ(html.hints.url, "https://werkstatt.example/holz");
  ASSERT_EQ(html.hints.authors.size(), 1u);
  EXPECT_EQ(html.hints.authors[0], (Author{"Karla Hahn", "karla@werkstatt.example", "author"}));
  EXPECT_EQ(html.hints.published, "2024-05-01T18:30:00+02:00");
  EXPECT_EQ(html.hints.updated, "2024-05-02T09:00:00+02:00");
  EXPECT_THAT(html.hints.tags, ElementsAre("Holz"));
  EXPECT_EQ(html.hints.summary, "Eine kurze Einführung.");
  EXPECT_EQ(html.hints.language, "de");

  // XHTML is written back as markup, without Atom's wrapping <div>.
  const ContainerItem& xhtml = reading.items[1];
  EXPECT_EQ(xhtml.bytes,
            "<p>Nie <b>zu</b> fest<br />anziehen &amp; prüfen.</p><img src=\"s.jpg\" alt=\"\" />");
  // The feed's author stands for entries that name none.
  EXPECT_THAT(Names(xhtml.hints.authors), ElementsAre("Jo Feed/author"));
  EXPECT_EQ(xhtml.hints.published, "");
  EXPECT_EQ(xhtml.hints.updated, "2024-05-02T10:00:00Z");

  EXPECT_EQ(reading.items[2].bytes,
            "<p>Erste Zeile &lt;ohne&gt; HTML.<br />\nzweite Zeile</p>\n<p>Neuer Absatz.</p>\n");

  EXPECT_EQ(reading.items[3].bytes, "<p>Nur dies.</p>");
  EXPECT_EQ(reading.items[3].provenance.at("body"), "feed-summary");
}

TEST_P(FeedReaderTest, ANewsSitesFeedNamesItsPublication) {
  ContainerReading reading = Read(
      "<rss version='2.0'><channel><title>The Korea Times News</title>"
      "<link>https://www.koreatimes.co.kr/</link>"
      "<item><title>T</title><link>https://www.koreatimes.co.kr/www/nation/1.html</link>"
      "<description>Text.</description></item></channel></rss>");
  ASSERT_EQ(reading.items.size(), 1u);
  EXPECT_EQ(reading.items[0].hints.source, "Korea Times");
}

TEST_P(FeedReaderTest, ItemsThatCannotBeReadFailAloneAndTheRestGoesOn) {
  ContainerReading reading = Read(
      "<feed xmlns='http://www.w3.org/2005/Atom'>"
      "<entry><id>a</id><title>Picture</title><content "
      "type='image/png'>iVBORw0KGgo=</content></entry>"
      "<entry><id>b</id><title>Elsewhere</title><content src='https://x.example/b'/></entry>"
      "<entry><id>c</id><title>Empty</title></entry>"
      "<entry><id>d</id><content type='html'>&lt;p&gt;Fine.&lt;/p&gt;</content></entry>"
      "</feed>");
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 4u);
  EXPECT_EQ(reading.items[0].kind, ContainerItem::kFailed);
  EXPECT_EQ(reading.items[0].failure.message(),
            "the item cannot be imported: its content is image/png, not text or HTML");
  EXPECT_EQ(reading.items[1].kind, ContainerItem::kFailed);
  EXPECT_THAT(reading.items[1].failure.message(), HasSubstr("its content is elsewhere"));
  EXPECT_EQ(reading.items[2].kind, ContainerItem::kFailed);
  EXPECT_EQ(reading.items[2].failure.message(),
            "the item cannot be imported: it has neither content nor a summary");
  EXPECT_EQ(reading.items[3].kind, ContainerItem::kDocument);
  EXPECT_EQ(reading.items[3].bytes, "<p>Fine.</p>");
}

TEST_P(FeedReaderTest, RepeatedIdsStillNameEachItemOnce) {
  ContainerReading reading = Read(
      "<rss><channel><item><guid>same</guid><description>One.</description></item>"
      "<item><guid>same</guid><description>Two.</description></item></channel></rss>");
  ASSERT_EQ(reading.items.size(), 2u);
  EXPECT_EQ(reading.items[0].id, "same");
  EXPECT_EQ(reading.items[1].id, "same~2");
}

TEST_P(FeedReaderTest, ABrokenFeedKeepsTheItemsBeforeAndNamesWhere) {
  const std::string feed =
      "<rss><channel><item><guid>1</guid><description>One.</description></item>\n"
      "<item><guid>2</guid><description>Two.</item>\n"
      "<item><guid>3</guid><description>Three.</description></item></channel></rss>";
  ContainerReading reading = Read(feed);
  ASSERT_TRUE(reading.opened.ok());
  ASSERT_EQ(reading.items.size(), 1u);
  EXPECT_EQ(reading.items[0].id, "1");
  EXPECT_TRUE(reading.ended.code() == StatusCode::kCorruption) << reading.ended.ToString();
  EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("(line 2): "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("mismatch"));
  const size_t at = std::stoul(reading.ended.message().substr(8));
  EXPECT_GE(at, feed.find("</item>\n<item><guid>3"));
  EXPECT_LE(at, feed.find("<item><guid>3"));
}

TEST_P(FeedReaderTest, ACutShortFeedSaysSo) {
  std::string feed = kRss2;
  feed.resize(feed.find("Gale-force"));
  ContainerReading reading = Read(feed);
  ASSERT_EQ(reading.items.size(), 1u);
  EXPECT_TRUE(reading.ended.code() == StatusCode::kCorruption) << reading.ended.ToString();
  EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("the document ends too soon"));
}

TEST_P(FeedReaderTest, NotAFeedIsRefusedWhenOpened) {
  ContainerReading page = Read("<!DOCTYPE html><html><body><p>Hi</p></body></html>");
  EXPECT_TRUE(page.opened.code() == StatusCode::kCorruption);
  EXPECT_EQ(page.opened.message(), "not an RSS or Atom feed: its root element is <html>");
  ContainerReading empty = Read("");
  EXPECT_TRUE(empty.opened.code() == StatusCode::kCorruption);
  EXPECT_THAT(empty.opened.message(), StartsWith("not an RSS or Atom feed: at byte 0"));
  ContainerReading binary = Read(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  EXPECT_TRUE(binary.opened.code() == StatusCode::kCorruption);
}

TEST_P(FeedReaderTest, EntitiesAreNeverExpandedNorFetched) {
  // An external entity (XXE) and an internal one: neither is declared to the parser.
  ContainerReading external = Read(
      "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
      "<rss><channel><item><guid>1</guid><description>&xxe;</description></item>"
      "</channel></rss>");
  for (const ContainerItem& item : external.items) EXPECT_THAT(item.bytes, Not(HasSubstr("root:")));
  EXPECT_TRUE(external.ended.code() == StatusCode::kCorruption) << external.ended.ToString();
  EXPECT_THAT(external.ended.message(), HasSubstr("xxe"));

  ContainerReading laughs = Read(
      "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'>"
      "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;'>]>"
      "<rss><channel><item><guid>1</guid><description>&c;</description></item>"
      "</channel></rss>");
  for (const ContainerItem& item : laughs.items) EXPECT_THAT(item.bytes, Not(HasSubstr("aaaa")));
  EXPECT_TRUE(laughs.ended.code() == StatusCode::kCorruption) << laughs.ended.ToString();

  // RSS 0.91's public DTD is named, never loaded: the feed reads as it is.
  ContainerReading netscape = Read(
      "<?xml version='1.0'?><!DOCTYPE rss PUBLIC '-//Netscape Communications//DTD RSS 0.91//EN' "
      "'http://my.netscape.com/publish/formats/rss-0.91.dtd'>"
      "<rss version='0.91'><channel><title>Old</title><item><title>A</title>"
      "<link>http://old.example/a</link><description>Old &amp; gold.</description></item>"
      "</channel></rss>");
  EXPECT_TRUE(netscape.ended.ok()) << netscape.ended.ToString();
  ASSERT_EQ(netscape.items.size(), 1u);
  EXPECT_EQ(netscape.items[0].bytes, "Old & gold.");
}

class FeedProbeTest : public ::testing::Test {
 protected:
  void SetUp() override { registry_.LoadDirectory(BuildPluginDir()); }
  int Score(const std::string& head, const std::string& path = "feed.xml") {
    for (const ProbeScore& score : registry_.ProbeAll(ProbeInput{path, head, ".xml"})) {
      if (score.plugin == "feed") return score.score;
    }
    return -1;
  }
  PluginRegistry registry_;
};

TEST_F(FeedProbeTest, FeedsAreCertainAndWordPressExportsAreLeftToTheirImporter) {
  EXPECT_EQ(Score(kRss2), kProbeCertain);
  EXPECT_EQ(Score(kRss1), kProbeCertain);
  EXPECT_EQ(Score(kAtom), kProbeCertain);
  const std::string wxr =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<!-- generator=\"WordPress/6.1.1\" -->\n"
      "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\"\n"
      "\txmlns:wp=\"http://wordpress.org/export/1.2/\">\n<channel>";
  EXPECT_GT(Score(wxr), kProbeNo);
  EXPECT_LT(Score(wxr), kProbeCertain);
  EXPECT_EQ(Score("<!DOCTYPE html><html><body>rss feed</body></html>", "page.html"), kProbeNo);
  EXPECT_EQ(Score("<p>A post's <b>HTML</b></p>", "post.html"), kProbeNo);
}

}  // namespace
}  // namespace morgue
