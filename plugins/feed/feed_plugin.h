// The feed plugin: RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds, and Blogger's export of a
// blog (Atom, from Google Takeout or Blogger's "Back up content"), read as containers
// (morgue/container.h): each item or post is a document of its own, its HTML imported
// by whichever importer claims it, with what the feed says of it as hints.
// plugins/feed/README.md says what becomes of each field.
//
// Thread-safety: as the plugin contract says; Probe keeps no state.

#ifndef MORGUE_PLUGINS_FEED_FEED_PLUGIN_H_
#define MORGUE_PLUGINS_FEED_FEED_PLUGIN_H_

#include <string_view>

#include "morgue/plugin.h"

namespace morgue::feed_plugin {

// Which kind of feed the first bytes of an input are, by its root element.
enum class FeedGuess { kNone, kRss, kAtom, kBlogger, kWordPressExport };
FeedGuess GuessFeed(std::string_view head);

class FeedImporter final : public Importer {
 public:
  // An RSS or Atom root element: certain. A WordPress export (RSS with the
  // wordpress.org/export namespace): plausible only, so that an importer of WordPress
  // exports wins. Anything else: no.
  int Probe(const ProbeInput& input) const override;
  // Every format of the plugin is read as a container.
  bool ReadsContainer(const ProbeInput& input, std::string_view format) const override;
  Result<std::unique_ptr<ContainerReader>> OpenContainer(const ImportInput& input,
                                                         ByteSource& source) override;
};

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_FEED_PLUGIN_H_
