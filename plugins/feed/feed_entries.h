// The items of an RSS feed and the entries of an Atom feed, as the feed writes them:
// EntryCollector listens to the XML as it streams (xml_push.h) and gives each item or
// entry once its end tag has been read, with what the feed said about itself before it.
// Only the current entry is held.
//
// Read: RSS 0.9x and 2.0 (<rss>), RSS 0.90 and 1.0 (<rdf:RDF>), Atom 1.0 (<feed>); the
// content (content:encoded), Dublin Core (dc:creator, dc:date, dc:subject) and Media RSS
// (media:content, media:thumbnail, media:group, media:description, media:credit) modules;
// Blogger's marks on its export's entries
// (the classic kind categories and app:draft, and the blogger:type, blogger:status and
// blogger:trashed of Google Takeout's export).
//
// Thread-safety: one collector per reader.

#ifndef MORGUE_PLUGINS_FEED_FEED_ENTRIES_H_
#define MORGUE_PLUGINS_FEED_FEED_ENTRIES_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/feed/xml_push.h"

namespace morgue::feed_plugin {

enum class FeedKind { kUnknown, kRss, kAtom, kNotFeed };

// What the feed says about itself (its channel, or the Atom feed's own elements).
struct FeedInfo {
  FeedKind kind = FeedKind::kUnknown;
  std::string root;  // the root element's name, for messages about what it is instead
  std::string title;
  std::string link;                  // the site's address
  std::string language;              // RSS <language>, or the root's xml:lang
  std::string generator;             // Atom <generator>, RSS <generator>
  std::vector<std::string> authors;  // the Atom feed's own authors, for entries naming none
};

// A text construct as written: its text, and how to read it ("text", "html", "xhtml",
// or a media type; RSS's HTML fields say "html").
struct FeedText {
  std::string value;
  std::string type;
  bool empty() const { return value.find_first_not_of(" \t\r\n") == std::string::npos; }
};

// A picture of an entry, from Media RSS (media:content, media:thumbnail).
struct FeedMedia {
  bool thumbnail = false;  // a media:thumbnail, not a media:content
  int group = 0;           // the media:group it is in (1 for the entry's first), 0 if none
  std::string url;
  std::string medium;  // "image", "video", ... as written
  std::string type;    // its media type, as written
  FeedText description;
  std::string credit;
};

struct FeedEntry {
  std::uint64_t offset = 0;  // where its start tag is, in bytes of the feed
  std::uint64_t number = 0;  // 1 for the feed's first item
  std::string language;      // its xml:lang, or the feed's
  std::string id;            // guid, atom:id or rdf:about
  std::string link;          // link, atom:link rel=alternate
  FeedText title;
  FeedText content;                        // content:encoded, atom:content
  bool content_elsewhere = false;          // an atom:content with src= and nothing in it
  FeedText summary;                        // description, atom:summary
  std::vector<std::string> authors;        // as written: dc:creator, author, atom:author/name
  std::vector<std::string> author_emails;  // atom:author/email, in step with `authors`
  std::vector<std::string> categories;
  std::string published;         // pubDate, dc:date, atom:published, as written
  std::string updated;           // atom:updated
  std::vector<FeedMedia> media;  // in the order written
  // Each media:group's own media:description and media:credit (FeedMedia::group - 1).
  std::vector<FeedMedia> groups;
  std::string media_credit;  // the entry's own media:credit, for all its pictures
  // Blogger's export.
  std::vector<std::string> kinds;  // terms of the category scheme ".../g/2005#kind"
  bool draft = false;              // app:control/app:draft "yes"
  std::string blogger_type;        // POST, PAGE, COMMENT
  std::string blogger_status;      // LIVE, DRAFT, SOFT_TRASHED, SCHEDULED
  bool trashed = false;            // a blogger:trashed with a date
  std::string meta_description;    // blogger:metaDescription
  bool too_large = false;          // its text passed kMaxEntryBytes and was cut
};

// An entry's text is cut at this size (and the entry marked too_large).
inline constexpr std::size_t kMaxEntryBytes = 64u << 20;

class EntryCollector final : public XmlHandler {
 public:
  const FeedInfo& info() const { return info_; }
  // Entries read completely and not taken yet, in order.
  std::deque<FeedEntry>& ready() { return ready_; }

  void StartElement(std::string_view uri, std::string_view local,
                    const std::vector<XmlAttribute>& attributes, std::uint64_t offset) override;
  void EndElement(std::string_view uri, std::string_view local) override;
  void Text(std::string_view text) override;

 private:
  // Where a piece of text goes; null when nobody wants it.
  std::string* target_ = nullptr;
  int target_depth_ = 0;  // the depth of the element whose text `target_` takes
  // Atom xhtml content: the elements inside it are kept as markup.
  bool in_xhtml_ = false;
  int xhtml_depth_ = 0;
  int depth_ = 0;         // of the element being read; the root is 1
  int entry_depth_ = 0;   // of the entry being read, 0 outside one
  int author_depth_ = 0;  // of the atom:author being read, 0 outside one
  int media_depth_ = 0;   // of the media:content or media:thumbnail being read, 0 outside one
  int group_depth_ = 0;   // of the media:group being read, 0 outside one
  int groups_ = 0;        // media:groups of the entry so far
  bool in_channel_ = false;
  std::string draft_;    // app:draft's text
  std::string trashed_;  // blogger:trashed's text
  std::string author_name_;
  std::string author_email_;
  FeedInfo info_;
  FeedEntry entry_;
  std::uint64_t entries_ = 0;
  std::size_t entry_bytes_ = 0;
  std::deque<FeedEntry> ready_;

  void StartFeedField(std::string_view uri, std::string_view local,
                      const std::vector<XmlAttribute>& attributes);
  void StartEntryField(std::string_view uri, std::string_view local,
                       const std::vector<XmlAttribute>& attributes);
  void StartMediaField(std::string_view local, const std::vector<XmlAttribute>& attributes);
  void Take(std::string& field);
};

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_FEED_ENTRIES_H_
