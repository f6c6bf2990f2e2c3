// Feed entries as container items (feed_items.h).

#include "plugins/feed/feed_items.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "plugins/feed/html_text.h"

namespace morgue::feed_plugin {
namespace {

enum class BloggerKind { kPost, kPage, kComment, kSettings, kTemplate, kOther };

BloggerKind KindOf(const FeedEntry& entry) {
  const std::string type = LowerAscii(CollapseWhitespace(entry.blogger_type));
  if (type == "post") return BloggerKind::kPost;
  if (type == "page") return BloggerKind::kPage;
  if (type == "comment") return BloggerKind::kComment;
  if (!type.empty()) return BloggerKind::kOther;
  for (const std::string& term : entry.kinds) {
    const std::string kind = term.substr(term.rfind('#') + 1);
    if (kind == "post") return BloggerKind::kPost;
    if (kind == "page") return BloggerKind::kPage;
    if (kind == "comment") return BloggerKind::kComment;
    if (kind == "settings") return BloggerKind::kSettings;
    if (kind == "template") return BloggerKind::kTemplate;
  }
  // A Blogger feed of posts (rather than an export) marks none.
  return entry.kinds.empty() ? BloggerKind::kPost : BloggerKind::kOther;
}

// Why a Blogger entry is not imported, or "" when it is.
std::string BloggerSkipReason(const FeedEntry& entry, const ItemRules& rules) {
  switch (KindOf(entry)) {
    case BloggerKind::kComment:
      return "comments";
    case BloggerKind::kSettings:
      return "settings";
    case BloggerKind::kTemplate:
      return "template";
    case BloggerKind::kOther:
      return "other entries";
    case BloggerKind::kPage:
      if (!rules.pages) return "pages";
      break;
    case BloggerKind::kPost:
      break;
  }
  const std::string status = LowerAscii(CollapseWhitespace(entry.blogger_status));
  if (entry.trashed || status == "soft_trashed" || status == "deleted") return "trashed posts";
  // DRAFT, SCHEDULED (and any other state but LIVE) are not published yet.
  const bool unpublished = entry.draft || (!status.empty() && status != "live");
  if (unpublished && !rules.drafts) return "drafts";
  return "";
}

bool IsHtmlType(const std::string& type) {
  return type == "html" || type == "text/html" || type == "xhtml" ||
         type == "application/xhtml+xml";
}

bool IsTextType(const std::string& type) { return type == "text" || type == "text/plain"; }

// A text construct's plain text.
std::string PlainText(const FeedText& text) {
  return IsTextType(text.type) ? CollapseWhitespace(text.value) : HtmlToText(text.value);
}

// "tag:blogger.com,1999:blog-735….post-4825…" is "post-4825…": unique within its blog's
// export, and short enough to name the post in reports.
std::string BloggerId(const std::string& id) {
  const std::size_t dot = id.rfind('.');
  if (id.rfind("tag:blogger.com,", 0) == 0 && dot != std::string::npos) return id.substr(dot + 1);
  return id;
}

// The people an item names: RSS's "jane@example.com (Jane Doe)", a dc:creator of
// several names, an Atom author with an e-mail (Blogger's "noreply@blogger.com" is
// nobody's).
std::vector<Author> AuthorsOf(const FeedEntry& entry, const std::string& role) {
  std::vector<Author> authors;
  for (std::size_t i = 0; i < entry.authors.size(); ++i) {
    std::string raw = CollapseWhitespace(entry.authors[i]);
    std::string email = i < entry.author_emails.size() ? entry.author_emails[i] : "";
    if (const std::size_t open = raw.find('('); open != std::string::npos && raw.back() == ')') {
      const std::string before = CollapseWhitespace(raw.substr(0, open));
      if (before.find('@') != std::string::npos && before.find(' ') == std::string::npos) {
        email = before;
        raw = CollapseWhitespace(raw.substr(open + 1, raw.size() - open - 2));
      }
    }
    if (raw.find('@') != std::string::npos && raw.find(' ') == std::string::npos) continue;
    if (LowerAscii(email) == "noreply@blogger.com") email.clear();
    std::vector<std::string> names = SplitAuthorNames(raw);
    if (names.empty() && !raw.empty()) names.push_back(raw);
    for (std::string& name : names) {
      authors.push_back({std::move(name), names.size() == 1 ? email : "", role});
    }
  }
  return authors;
}

// An ISO 8601 date of a feed's date as written (RFC 822 or ISO 8601), or "".
std::string DateOf(const std::string& written) { return ParseDate(CollapseWhitespace(written)); }

// "en-US" is "en", as the html importer keeps languages.
std::string PrimaryLanguage(const std::string& tag) {
  std::string language = LowerAscii(CollapseWhitespace(tag));
  const std::size_t dash = language.find_first_of("-_");
  if (dash != std::string::npos) language.resize(dash);
  return language;
}

// The publication whose site the item or the feed is on, when the directory knows it:
// a blog's feed names the blog, which is no publication, so its title is never taken.
std::string SourceOf(const FeedInfo& info, const FeedEntry& entry) {
  const PublicationDirectory& directory = PublicationDirectory::Builtin();
  for (const std::string* link : {&entry.link, &info.link}) {
    if (link->empty()) continue;
    if (const Publication* publication = directory.FindByDomain(*link)) return publication->name;
  }
  return "";
}

// The entry's HTML, from its content or else its summary; "" with `why` set when it has
// none that can be read.
std::string DocumentOf(const FeedEntry& entry, bool& from_summary, std::string& why) {
  from_summary = false;
  for (const FeedText* text : {&entry.content, &entry.summary}) {
    if (text->empty()) continue;
    from_summary = text == &entry.summary;
    if (IsHtmlType(text->type)) return text->value;
    if (IsTextType(text->type)) return TextToHtml(text->value);
    why = "its content is " + text->type + ", not text or HTML";
    return "";
  }
  if (entry.content_elsewhere) {
    why = "its content is elsewhere (atom:content src=) and it has no summary";
  } else if (why.empty()) {
    why = "it has neither content nor a summary";
  }
  return "";
}

// A media:content or media:thumbnail that is a picture: as its medium or media type says,
// or, when it says neither, as its address's file name says.
bool IsPicture(const FeedMedia& media) {
  if (media.url.empty()) return false;
  if (!media.medium.empty()) return media.medium == "image";
  if (!media.type.empty()) return media.type.rfind("image/", 0) == 0;
  std::string path = LowerAscii(media.url.substr(0, media.url.find_first_of("?#")));
  for (std::string_view extension : {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}) {
    if (path.size() > extension.size() &&
        path.compare(path.size() - extension.size(), extension.size(), extension) == 0) {
      return true;
    }
  }
  return false;
}

// The entry's pictures with their captions and credits: its media:content pictures (one of
// each media:group, whose contents are one picture in several sizes), else its thumbnails.
// Two in a row with the same caption and credit are one picture in two sizes.
std::vector<Media> PicturesOf(const FeedEntry& entry) {
  for (const bool thumbnails : {false, true}) {
    std::vector<Media> pictures;
    int last_group = 0;
    for (const FeedMedia& media : entry.media) {
      if (media.thumbnail != thumbnails || !IsPicture(media)) continue;
      if (media.group != 0 && media.group == last_group) continue;
      last_group = media.group;
      // What the picture does not say, its group or else its entry may.
      const FeedMedia* group =
          media.group != 0 && static_cast<std::size_t>(media.group) <= entry.groups.size()
              ? &entry.groups[media.group - 1]
              : nullptr;
      const FeedText& description =
          media.description.empty() && group != nullptr ? group->description : media.description;
      const std::string& credit = !media.credit.empty()                        ? media.credit
                                  : group != nullptr && !group->credit.empty() ? group->credit
                                                                               : entry.media_credit;
      Media picture;
      picture.url = media.url;
      picture.caption = IsHtmlType(description.type) ? HtmlToText(description.value)
                                                     : CollapseWhitespace(description.value);
      picture.credit = CollapseWhitespace(credit);
      const bool same_as_last = !pictures.empty() && !picture.caption.empty() &&
                                pictures.back().caption == picture.caption &&
                                pictures.back().credit == picture.credit;
      const bool seen = std::any_of(pictures.begin(), pictures.end(),
                                    [&](const Media& m) { return m.url == picture.url; });
      if (!same_as_last && !seen) pictures.push_back(std::move(picture));
    }
    if (!pictures.empty()) return pictures;
  }
  return {};
}

}  // namespace

bool IsBloggerEntry(const FeedInfo& info, const FeedEntry& entry) {
  return !entry.kinds.empty() || !entry.blogger_type.empty() ||
         CollapseWhitespace(info.generator) == "Blogger";
}

ContainerItem MakeItem(const FeedInfo& info, const FeedEntry& entry, const ItemRules& rules) {
  ContainerItem item;
  item.offset = entry.offset;
  std::string id = CollapseWhitespace(entry.id);
  if (rules.blogger) id = BloggerId(id);
  if (id.empty()) id = CollapseWhitespace(entry.link);
  if (id.empty()) id = "item-" + std::to_string(entry.number);
  item.id = std::move(id);

  if (rules.blogger) {
    if (std::string reason = BloggerSkipReason(entry, rules); !reason.empty()) {
      item.kind = ContainerItem::kSkipped;
      item.skip_reason = std::move(reason);
      return item;
    }
  }
  if (entry.too_large) {
    item.kind = ContainerItem::kFailed;
    item.failure = Status::Corruption("the item is larger than " +
                                      std::to_string(kMaxEntryBytes >> 20) + " MiB");
    return item;
  }
  bool from_summary = false;
  std::string why;
  std::string html = DocumentOf(entry, from_summary, why);
  if (html.empty()) {
    item.kind = ContainerItem::kFailed;
    item.failure = Status::Corruption(std::string(rules.blogger ? "the post" : "the item") +
                                      " cannot be imported: " + why);
    return item;
  }
  item.kind = ContainerItem::kDocument;
  item.bytes = std::move(html);
  item.extension = ".html";
  item.media_type = "text/html";
  if (from_summary) item.provenance["body"] = "feed-summary";

  DocumentHints& hints = item.hints;
  hints.origin = rules.blogger                  ? "blogger post"
                 : info.kind == FeedKind::kAtom ? "atom entry"
                                                : "rss item";
  hints.url = CollapseWhitespace(entry.link);
  // RSS titles are text, yet feeds write character references in them ("&#39;"), and so
  // does Blogger in its text titles ("&amp;#39;").
  hints.title = !IsTextType(entry.title.type) ? HtmlToText(entry.title.value)
                : info.kind == FeedKind::kAtom && !rules.blogger
                    ? CollapseWhitespace(entry.title.value)
                    : DecodeReferences(entry.title.value);
  hints.authors = AuthorsOf(entry, rules.blogger ? "poster" : "author");
  hints.language = PrimaryLanguage(entry.language);
  hints.tags = CleanEachTag(entry.categories);
  hints.media = PicturesOf(entry);
  hints.published = DateOf(entry.published);
  if (rules.blogger) {
    // A blog's times are when its account posted, which for a repost is not when the
    // article appeared: the day is what the post and the article agree on, as the html
    // importer reads a Blogger page. Its updated time is the account's last edit.
    if (hints.published.size() > 10) hints.published.resize(10);
    hints.summary = CollapseWhitespace(entry.meta_description);
  } else {
    hints.updated = DateOf(entry.updated);
    if (hints.updated == hints.published) hints.updated.clear();
    if (!from_summary && !entry.summary.empty()) hints.summary = PlainText(entry.summary);
    hints.source = SourceOf(info, entry);
  }
  return item;
}

}  // namespace morgue::feed_plugin
