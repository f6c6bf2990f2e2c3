// Reading a feed one item at a time (feed_reader.h).

#include "plugins/feed/feed_reader.h"

#include <functional>
#include <utility>

namespace morgue::feed_plugin {

FeedReader::FeedReader(ByteSource& source, BloggerRules blogger, ItemRules rules)
    : xml_(source, collector_), blogger_(blogger), rules_(rules) {}

bool FeedReader::Pump() {
  if (ended_ || !broken_.ok()) return false;
  Result<bool> more = xml_.Pump();
  if (!more.ok()) {
    broken_ = more.status();
    return false;
  }
  if (!*more) ended_ = true;
  return true;
}

Status FeedReader::Open() {
  while (collector_.info().kind == FeedKind::kUnknown && Pump()) {
  }
  const FeedInfo& info = collector_.info();
  if (info.kind == FeedKind::kNotFeed) {
    return Status::Corruption("not an RSS or Atom feed: its root element is <" + info.root + ">");
  }
  if (info.kind == FeedKind::kUnknown) {
    return Status::Corruption(
        "not an RSS or Atom feed: " +
        (broken_.ok() ? std::string("it holds no element") : broken_.message()));
  }
  return Status::OK();
}

Result<bool> FeedReader::Next(ContainerItem& item) {
  std::deque<FeedEntry>& ready = collector_.ready();
  while (ready.empty()) {
    if (!Pump()) {
      if (!broken_.ok()) return broken_;
      return false;
    }
  }
  FeedEntry entry = std::move(ready.front());
  ready.pop_front();
  ItemRules rules = rules_;
  rules.blogger = blogger_ == BloggerRules::kAlways || (blogger_ == BloggerRules::kWhereMarked &&
                                                        IsBloggerEntry(collector_.info(), entry));
  item = MakeItem(collector_.info(), entry, rules);
  if (!ids_.insert(std::hash<std::string>{}(item.id)).second) {
    item.id += "~" + std::to_string(entry.number);
    ids_.insert(std::hash<std::string>{}(item.id));
  }
  return true;
}

}  // namespace morgue::feed_plugin
