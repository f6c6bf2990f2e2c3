// A feed's item or a Blogger export's entry made into the ContainerItem the host imports
// (morgue/container.h): its HTML as the document, what the feed says of it as hints;
// or, in a Blogger export, skipped when it is not a published post.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_FEED_FEED_ITEMS_H_
#define MORGUE_PLUGINS_FEED_FEED_ITEMS_H_

#include "morgue/container.h"
#include "plugins/feed/feed_entries.h"

namespace morgue::feed_plugin {

struct ItemRules {
  // Read entries as a Blogger export's: only posts, the author as the poster.
  bool blogger = false;
  bool drafts = false;  // Blogger: drafts and scheduled posts too
  bool pages = false;   // Blogger: the blog's pages too
};

// Whether the feed is Blogger's (its generator says so), or `entry` carries Blogger's
// marks of an export's entries.
bool IsBloggerEntry(const FeedInfo& info, const FeedEntry& entry);

// The item for `entry`. Its id is the entry's own (a Blogger post's "post-<number>"),
// not yet made unique within the feed.
ContainerItem MakeItem(const FeedInfo& info, const FeedEntry& entry, const ItemRules& rules);

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_FEED_ITEMS_H_
