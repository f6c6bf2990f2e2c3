// Reading a feed's items and entries from its XML events (feed_entries.h).

#include "plugins/feed/feed_entries.h"

#include <utility>

#include "morgue/text.h"

namespace morgue::feed_plugin {
namespace {

constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";
constexpr std::string_view kRss10 = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss090 = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
constexpr std::string_view kContentModule = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kAtomPublishing = "http://purl.org/atom/app#";
constexpr std::string_view kAtomPublishing2007 = "http://www.w3.org/2007/app";
constexpr std::string_view kBlogger = "http://schemas.google.com/blogger/2018";
constexpr std::string_view kMediaRss = "http://search.yahoo.com/mrss/";
constexpr std::string_view kXml = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kKindScheme = "http://schemas.google.com/g/2005#kind";

// RSS 2.0 and 0.9x elements have no namespace; RSS 1.0 and 0.90 have their own.
bool IsRss(std::string_view uri) { return uri.empty() || uri == kRss10 || uri == kRss090; }

std::string_view AttributeOf(const std::vector<XmlAttribute>& attributes, std::string_view local,
                             std::string_view uri = {}) {
  for (const XmlAttribute& attribute : attributes) {
    if (attribute.local == local && attribute.uri == uri) return attribute.value;
  }
  return {};
}

// HTML's void elements: written self-closed, since "</br>" reads as another <br>.
bool IsVoidElement(std::string_view local) {
  for (std::string_view name : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                "meta", "param", "source", "track", "wbr"}) {
    if (local == name) return true;
  }
  return false;
}

void AppendEscaped(std::string& out, std::string_view text, bool attribute) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default:
        out += c;
    }
  }
}

std::string Trimmed(const std::string& text) { return CollapseWhitespace(text); }

}  // namespace

void EntryCollector::StartElement(std::string_view uri, std::string_view local,
                                  const std::vector<XmlAttribute>& attributes,
                                  std::uint64_t offset) {
  ++depth_;
  if (depth_ == 1) {
    info_.root = std::string(local);
    if (local == "rss" && uri.empty()) {
      info_.kind = FeedKind::kRss;
    } else if (local == "RDF" && uri == kRdf) {
      info_.kind = FeedKind::kRss;
    } else if (local == "feed" && uri == kAtom) {
      info_.kind = FeedKind::kAtom;
    } else {
      info_.kind = FeedKind::kNotFeed;
    }
    info_.language = std::string(AttributeOf(attributes, "lang", kXml));
    return;
  }
  if (info_.kind == FeedKind::kNotFeed) return;
  if (in_xhtml_) {
    // The <div> Atom wraps xhtml content in is not part of it.
    if (depth_ == xhtml_depth_ + 1 && local == "div") return;
    std::string& out = entry_.content.value;
    out += '<';
    out += local;
    for (const XmlAttribute& attribute : attributes) {
      if (!attribute.uri.empty()) continue;
      out += ' ';
      out += attribute.local;
      out += "=\"";
      AppendEscaped(out, attribute.value, true);
      out += '"';
    }
    out += IsVoidElement(local) ? " />" : ">";
    return;
  }
  if (entry_depth_ == 0) {
    const bool rss_item = info_.kind == FeedKind::kRss && local == "item" && IsRss(uri);
    const bool atom_entry = info_.kind == FeedKind::kAtom && local == "entry" && uri == kAtom;
    if (rss_item || atom_entry) {
      entry_ = FeedEntry{};
      entry_.offset = offset;
      entry_.number = ++entries_;
      entry_.language = std::string(AttributeOf(attributes, "lang", kXml));
      if (rss_item) entry_.id = std::string(AttributeOf(attributes, "about", kRdf));
      entry_depth_ = depth_;
      entry_bytes_ = 0;
      return;
    }
    StartFeedField(uri, local, attributes);
    return;
  }
  if (uri == kMediaRss || uri == kMediaRss.substr(0, kMediaRss.size() - 1)) {
    StartMediaField(local, attributes);
  } else if (depth_ == entry_depth_ + 1) {
    StartEntryField(uri, local, attributes);
  } else if (author_depth_ != 0 && depth_ == author_depth_ + 1 && uri == kAtom) {
    if (local == "name") Take(author_name_);
    if (local == "email") Take(author_email_);
  } else if (local == "draft" && (uri == kAtomPublishing || uri == kAtomPublishing2007)) {
    Take(draft_);
  }
}

void EntryCollector::StartFeedField(std::string_view uri, std::string_view local,
                                    const std::vector<XmlAttribute>& attributes) {
  if (info_.kind == FeedKind::kRss) {
    if (depth_ == 2 && local == "channel" && IsRss(uri)) in_channel_ = true;
    if (!in_channel_ || depth_ != 3) return;
    if (!IsRss(uri)) return;
    if (local == "title") Take(info_.title);
    if (local == "link") Take(info_.link);
    if (local == "language") Take(info_.language);
    if (local == "generator") Take(info_.generator);
    return;
  }
  if (depth_ == 3 && author_depth_ != 0 && local == "name" && uri == kAtom) {
    Take(author_name_);
    return;
  }
  if (depth_ != 2 || uri != kAtom) return;
  if (local == "title") Take(info_.title);
  if (local == "generator") Take(info_.generator);
  if (local == "author") {
    author_depth_ = depth_;
    author_name_.clear();
  }
  if (local == "link") {
    const std::string_view rel = AttributeOf(attributes, "rel");
    if (rel.empty() || rel == "alternate")
      info_.link = std::string(AttributeOf(attributes, "href"));
  }
}

void EntryCollector::StartEntryField(std::string_view uri, std::string_view local,
                                     const std::vector<XmlAttribute>& attributes) {
  if (info_.kind == FeedKind::kRss && IsRss(uri)) {
    if (local == "title") Take(entry_.title.value), entry_.title.type = "text";
    if (local == "link") Take(entry_.link);
    if (local == "description") Take(entry_.summary.value), entry_.summary.type = "html";
    if (local == "guid") entry_.id.clear(), Take(entry_.id);
    if (local == "pubDate") Take(entry_.published);
    if (local == "author") entry_.authors.emplace_back(), Take(entry_.authors.back());
    if (local == "category") entry_.categories.emplace_back(), Take(entry_.categories.back());
    return;
  }
  if (uri == kContentModule && local == "encoded") {
    entry_.content.value.clear();
    entry_.content.type = "html";
    Take(entry_.content.value);
    return;
  }
  if (uri == kDublinCore) {
    if (local == "creator") entry_.authors.emplace_back(), Take(entry_.authors.back());
    if (local == "subject") entry_.categories.emplace_back(), Take(entry_.categories.back());
    if (local == "date" && entry_.published.empty()) Take(entry_.published);
    return;
  }
  if (uri == kBlogger) {
    if (local == "type") Take(entry_.blogger_type);
    if (local == "status") Take(entry_.blogger_status);
    if (local == "trashed") Take(trashed_);
    if (local == "metaDescription") Take(entry_.meta_description);
    return;
  }
  if (uri != kAtom) return;
  const auto text_type = [&] {
    const std::string_view type = AttributeOf(attributes, "type");
    return type.empty() ? std::string("text") : LowerAscii(type);
  };
  if (local == "id") Take(entry_.id);
  if (local == "title") entry_.title.type = text_type(), Take(entry_.title.value);
  if (local == "summary") entry_.summary.type = text_type(), Take(entry_.summary.value);
  if (local == "published") Take(entry_.published);
  if (local == "updated") Take(entry_.updated);
  if (local == "content") {
    entry_.content.type = text_type();
    entry_.content_elsewhere = !AttributeOf(attributes, "src").empty();
    if (entry_.content.type == "xhtml") {
      in_xhtml_ = true;
      xhtml_depth_ = depth_;
    } else {
      Take(entry_.content.value);
    }
  }
  if (local == "author") {
    author_depth_ = depth_;
    author_name_.clear();
    author_email_.clear();
  }
  if (local == "link") {
    const std::string_view rel = AttributeOf(attributes, "rel");
    const std::string_view type = AttributeOf(attributes, "type");
    // The first alternate link, or a later one to HTML.
    if ((rel.empty() || rel == "alternate") && (entry_.link.empty() || type == "text/html")) {
      entry_.link = std::string(AttributeOf(attributes, "href"));
    }
  }
  if (local == "category") {
    const std::string_view scheme = AttributeOf(attributes, "scheme");
    std::string_view term = AttributeOf(attributes, "term");
    if (scheme == kKindScheme) {
      entry_.kinds.emplace_back(term);
    } else {
      if (term.empty()) term = AttributeOf(attributes, "label");
      if (!term.empty()) entry_.categories.emplace_back(term);
    }
  }
}

// Media RSS puts its elements in the entry, in a media:group of alternatives, or in a
// media:content; a description or credit belongs to the innermost of them.
void EntryCollector::StartMediaField(std::string_view local,
                                     const std::vector<XmlAttribute>& attributes) {
  if (local == "group" && group_depth_ == 0 && media_depth_ == 0) {
    group_depth_ = depth_;
    ++groups_;
    entry_.groups.emplace_back();
    return;
  }
  if ((local == "content" || local == "thumbnail") && media_depth_ == 0) {
    FeedMedia media;
    media.thumbnail = local == "thumbnail";
    media.group = group_depth_ != 0 ? groups_ : 0;
    media.url = Trimmed(std::string(AttributeOf(attributes, "url")));
    media.medium = LowerAscii(AttributeOf(attributes, "medium"));
    media.type = LowerAscii(AttributeOf(attributes, "type"));
    entry_.media.push_back(std::move(media));
    media_depth_ = depth_;
    return;
  }
  // An entry's own media:description describes the entry (feeds put its summary there),
  // not a picture of it.
  if (local == "description" && (media_depth_ != 0 || group_depth_ != 0)) {
    FeedText& description =
        media_depth_ != 0 ? entry_.media.back().description : entry_.groups.back().description;
    description.value.clear();
    description.type = std::string(AttributeOf(attributes, "type"));
    Take(description.value);
  }
  if (local == "credit") {
    std::string& credit = media_depth_ != 0   ? entry_.media.back().credit
                          : group_depth_ != 0 ? entry_.groups.back().credit
                                              : entry_.media_credit;
    if (credit.empty()) Take(credit);
  }
}

void EntryCollector::Take(std::string& field) {
  target_ = &field;
  target_depth_ = depth_;
}

void EntryCollector::Text(std::string_view text) {
  std::string* out = in_xhtml_ ? &entry_.content.value : target_;
  if (out == nullptr) return;
  if (entry_depth_ != 0) {
    if (entry_bytes_ + text.size() > kMaxEntryBytes) {
      entry_.too_large = true;
      return;
    }
    entry_bytes_ += text.size();
  }
  if (in_xhtml_) {
    AppendEscaped(*out, text, false);
  } else {
    out->append(text);
  }
}

void EntryCollector::EndElement(std::string_view uri, std::string_view local) {
  (void)uri;
  if (in_xhtml_) {
    if (depth_ == xhtml_depth_) {
      in_xhtml_ = false;
    } else if (!(depth_ == xhtml_depth_ + 1 && local == "div") && !IsVoidElement(local)) {
      entry_.content.value += "</";
      entry_.content.value += local;
      entry_.content.value += '>';
    }
  }
  if (target_ != nullptr && depth_ == target_depth_) target_ = nullptr;
  if (media_depth_ != 0 && depth_ == media_depth_) media_depth_ = 0;
  if (group_depth_ != 0 && depth_ == group_depth_) group_depth_ = 0;
  if (author_depth_ != 0 && depth_ == author_depth_) {
    author_depth_ = 0;
    const std::string name = Trimmed(author_name_);
    if (entry_depth_ != 0) {
      if (!name.empty()) {
        entry_.authors.push_back(name);
        entry_.author_emails.push_back(Trimmed(author_email_));
      }
    } else if (!name.empty()) {
      info_.authors.push_back(name);
    }
  }
  if (entry_depth_ != 0 && depth_ == entry_depth_) {
    entry_depth_ = 0;
    entry_.draft = LowerAscii(Trimmed(draft_)) == "yes";
    entry_.trashed = !Trimmed(trashed_).empty();
    draft_.clear();
    trashed_.clear();
    groups_ = 0;
    if (entry_.language.empty()) entry_.language = info_.language;
    if (entry_.authors.empty()) {
      entry_.authors = info_.authors;
      entry_.author_emails.assign(info_.authors.size(), "");
    }
    ready_.push_back(std::move(entry_));
    entry_ = FeedEntry{};
  }
  if (depth_ == 2 && in_channel_) in_channel_ = false;
  --depth_;
}

}  // namespace morgue::feed_plugin
