// FeedReader: a feed or a Blogger export read as a container (morgue/container.h), one
// item at a time as the XML streams in from the host's ByteSource.
//
// Thread-safety: one thread at a time, as the container contract says.

#ifndef MORGUE_PLUGINS_FEED_FEED_READER_H_
#define MORGUE_PLUGINS_FEED_FEED_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>

#include "morgue/container.h"
#include "plugins/feed/feed_entries.h"
#include "plugins/feed/feed_items.h"
#include "plugins/feed/xml_push.h"

namespace morgue::feed_plugin {

// How the entries are read: as Blogger's where they carry its marks, as Blogger's
// always (format "blogger"), or as a plain feed's (format "atom").
enum class BloggerRules { kWhereMarked, kAlways, kNever };

class FeedReader final : public ContainerReader {
 public:
  FeedReader(ByteSource& source, BloggerRules blogger, ItemRules rules);
  // Reads up to the root element: Corruption when the input is not an RSS or Atom feed.
  Status Open();
  Result<bool> Next(ContainerItem& item) override;

 private:
  EntryCollector collector_;
  XmlPushReader xml_;
  BloggerRules blogger_;
  ItemRules rules_;
  Status broken_;  // what stopped the reading, given once the items before it are
  bool ended_ = false;
  // Hashes of the ids given so far: a feed that repeats an id still names each item once.
  std::unordered_set<std::uint64_t> ids_;

  // Parses the next chunk; false once nothing is left to parse.
  bool Pump();
};

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_FEED_READER_H_
