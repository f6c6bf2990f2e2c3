// The plugin's entry point: probing, opening a feed, the descriptor.

#include "plugins/feed/feed_plugin.h"

#include <memory>

#include "morgue/text.h"
#include "plugins/feed/feed_reader.h"

namespace morgue::feed_plugin {
namespace {

// The name of the first element of `head`, past the XML declaration, comments, a
// DOCTYPE and processing instructions; "" when the head holds none.
std::string_view RootElement(std::string_view head) {
  std::size_t at = 0;
  while ((at = head.find('<', at)) != std::string_view::npos) {
    if (at + 1 >= head.size()) return {};
    const char next = head[at + 1];
    if (next == '?' || next == '!') {
      const std::string_view close = head.compare(at, 4, "<!--") == 0 ? "-->" : ">";
      const std::size_t end = head.find(close, at + 2);
      if (end == std::string_view::npos) return {};
      at = end + close.size();
      continue;
    }
    const std::size_t end = head.find_first_of(" \t\r\n/>", at + 1);
    if (end == std::string_view::npos) return {};
    return head.substr(at + 1, end - at - 1);
  }
  return {};
}

bool Has(std::string_view head, std::string_view text) {
  return head.find(text) != std::string_view::npos;
}

constexpr int kProbeWordPressExport = kProbePlausible;

}  // namespace

FeedGuess GuessFeed(std::string_view head) {
  const std::string_view root = RootElement(head);
  const std::string_view local =
      root.substr(root.find(':') == std::string_view::npos ? 0 : root.find(':') + 1);
  if (root == "rss") {
    return Has(head, "wordpress.org/export/") ? FeedGuess::kWordPressExport : FeedGuess::kRss;
  }
  if (local == "RDF" && (Has(head, "purl.org/rss/1.0") || Has(head, "netscape.com/rdf/simple"))) {
    return FeedGuess::kRss;
  }
  if (local == "feed" && Has(head, "http://www.w3.org/2005/Atom")) {
    const bool blogger = Has(head, "schemas.google.com/blogger/2018") ||
                         Has(head, "schemas.google.com/blogger/2008/kind#") ||
                         Has(head, ">Blogger</generator>");
    return blogger ? FeedGuess::kBlogger : FeedGuess::kAtom;
  }
  return FeedGuess::kNone;
}

int FeedImporter::Probe(const ProbeInput& input) const {
  switch (GuessFeed(input.head)) {
    case FeedGuess::kRss:
    case FeedGuess::kAtom:
    case FeedGuess::kBlogger:
      return kProbeCertain;
    case FeedGuess::kWordPressExport:
      return kProbeWordPressExport;
    case FeedGuess::kNone:
      break;
  }
  return kProbeNo;
}

bool FeedImporter::ReadsContainer(const ProbeInput& input, std::string_view format) const {
  (void)input;
  return format == "rss" || format == "atom" || format == "blogger";
}

Result<std::unique_ptr<ContainerReader>> FeedImporter::OpenContainer(const ImportInput& input,
                                                                     ByteSource& source) {
  if (!ReadsContainer({}, input.format)) {
    return Status::InvalidArgument("the feed plugin does not read format '" + input.format + "'");
  }
  const auto option = [&](const char* name) {
    const auto found = input.parameters.find(name);
    return found != input.parameters.end() && LowerAscii(found->second) == "true";
  };
  ItemRules rules;
  rules.drafts = option("drafts");
  rules.pages = option("pages");
  // Probing names the plugin's first format, "rss", whatever the feed: it reads any feed,
  // by what the feed is; "atom" and "blogger" say how to read an Atom feed's entries.
  const BloggerRules blogger = input.format == "blogger" ? BloggerRules::kAlways
                               : input.format == "atom"  ? BloggerRules::kNever
                                                         : BloggerRules::kWhereMarked;
  auto reader = std::make_unique<FeedReader>(source, blogger, rules);
  MORGUE_RETURN_IF_ERROR(reader->Open());
  return std::unique_ptr<ContainerReader>(reader.release());
}

}  // namespace morgue::feed_plugin

MORGUE_PLUGIN(morgue::feed_plugin::FeedImporter, morgue::NoExporter,
              {.name = "feed",
               .version = "1.0.0",
               .formats = "rss,atom,blogger",
               .extensions = ".rss,.atom,.xml",
               .description = "RSS and Atom feeds and Blogger exports, one document per item",
               .media_types = "application/rss+xml,application/atom+xml,application/xml"})
