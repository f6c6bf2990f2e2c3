// The WXR reader (wxr_reader.h). What WordPress writes is wp-admin/includes/export.php:
// an <rss> whose <channel> holds wp:wxr_version, the site's wp:author, wp:category and
// wp:tag lists, then one <item> per post, page, attachment, menu item or revision.

#include "plugins/wordpress/wxr_reader.h"

#include <libxml/entities.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <utility>

#include "morgue/datetime.h"
#include "plugins/wordpress/wpautop.h"

namespace morgue::wordpress_plugin {
namespace {

// No network, no DTD loaded, no entity substituted (XML_PARSE_NOENT is not set).
constexpr int kParseOptions = XML_PARSE_NONET;

enum class Space { kNone, kWordPress, kExcerpt, kContent, kDublinCore, kOther };

// Which vocabulary an element is of, by its namespace URI (the prefixes are WordPress's
// habit, not a promise).
Space SpaceOf(const xmlChar* uri) {
  if (uri == nullptr) return Space::kNone;
  const std::string_view ns(reinterpret_cast<const char*>(uri));
  constexpr std::string_view kWordPress = "http://wordpress.org/export/1.";
  if (ns.starts_with(kWordPress)) {
    return ns.ends_with("/excerpt/") ? Space::kExcerpt : Space::kWordPress;
  }
  if (ns == "http://purl.org/rss/1.0/modules/content/") return Space::kContent;
  if (ns == "http://purl.org/dc/elements/1.1/") return Space::kDublinCore;
  return Space::kOther;
}

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2011-01-04 10:42:00" as ISO 8601 ("2011-01-04T10:42:00" + zone), or "" for anything
// else, such as the "0000-00-00 00:00:00" of a draft never published.
std::string IsoDate(std::string_view wp_date, std::string_view zone) {
  const std::string date = Trimmed(wp_date);
  if (date.size() != 19 || date.starts_with("0000")) return "";
  for (size_t i = 0; i < date.size(); ++i) {
    const char expected = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 || i == 16 ? ':' : '0';
    if (expected == '0' ? !std::isdigit(static_cast<unsigned char>(date[i]))
                        : date[i] != expected) {
      return "";
    }
  }
  // A date that is none ("2011-00-00 00:00:00", February 30th) is no date.
  std::string iso = date.substr(0, 10) + "T" + date.substr(11) + std::string(zone);
  return IsIso8601(iso) ? iso : "";
}

// Seconds since 1970 of "YYYY-MM-DDTHH:MM:SS" (IsoDate's form, no zone).
std::int64_t EpochSeconds(std::string_view iso) {
  const auto number = [&](size_t at, size_t size) {
    std::int64_t value = 0;
    for (size_t i = at; i < at + size; ++i) value = value * 10 + (iso[i] - '0');
    return value;
  };
  std::int64_t year = number(0, 4);
  const std::int64_t month = number(5, 2);
  const std::int64_t day = number(8, 2);
  year -= month <= 2 ? 1 : 0;  // days from civil (H. Hinnant's algorithm)
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const std::int64_t days = era * 146097 + day_of_era - 719468;
  return days * 86400 + number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2);
}

// When the post was published as the blog showed it: its local time with the blog's
// offset from UTC (the difference of wp:post_date and wp:post_date_gmt), e.g.
// "2011-01-04T19:42:00+09:00"; the UTC time when the two disagree beyond any zone, the
// local time alone when there is no UTC one (a draft).
std::string ShownDate(const std::string& local, const std::string& utc) {
  if (local.empty() || utc.empty()) return local.empty() ? utc : local;
  const std::int64_t offset = EpochSeconds(local) - EpochSeconds(utc.substr(0, 19));
  if (offset % 900 != 0 || offset < -14 * 3600 || offset > 14 * 3600) return utc;
  const std::int64_t minutes = (offset < 0 ? -offset : offset) / 60;
  std::string zone = offset < 0 ? "-" : "+";
  zone += std::to_string(minutes / 60 / 10) + std::to_string(minutes / 60 % 10) + ":" +
          std::to_string(minutes % 60 / 10) + std::to_string(minutes % 10);
  return local + zone;
}

// What WordPress shows of a title in a page: as stored, but never markup of ours.
std::string TitleText(std::string_view title) {
  std::string out;
  for (const char c : title) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string AttributeValue(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '"') {
      out += "&quot;";
    } else if (c == '<' || c == '>' || c == '&') {
      out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;";
    } else {
      out += c;
    }
  }
  return out;
}

// The post as a page of its own: its title and its content as WordPress shows it.
std::string PostPage(const WxrReader::Item& item, const std::string& language) {
  const std::string title = TitleText(Trimmed(item.title));
  std::string page = "<!DOCTYPE html>\n<html";
  if (!language.empty()) page += " lang=\"" + AttributeValue(language) + "\"";
  // A blog's page says what made it, as WordPress's own pages do: the html importer reads
  // a blog's byline, dates and account by a blog's rules.
  page +=
      ">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"WordPress\">\n"
      "<title>" +
      title + "</title>\n";
  // As the post's own page states it (WordPress's SEO plugins write this meta), so that
  // the html importer weighs the date by its own rules (a repost's is the day only).
  const std::string shown =
      ShownDate(IsoDate(item.post_date, ""), IsoDate(item.post_date_gmt, "Z"));
  if (!shown.empty()) {
    page += "<meta property=\"article:published_time\" content=\"" + shown + "\">\n";
  }
  page += "</head>\n<body>\n<article>\n";
  if (!title.empty()) page += "<h1>" + title + "</h1>\n";
  page += AutoParagraphs(item.content);
  page += "</article>\n</body>\n</html>\n";
  return page;
}

// Why an item of `type` is not an article ("" when it is one).
std::string TypeSkipReason(const std::string& type, const WxrOptions& options) {
  if (type == "post" || type.empty()) return "";
  if (type == "page") return options.pages ? "" : "pages";
  if (type == "attachment") return "attachments";
  if (type == "revision") return "revisions";
  if (type == "nav_menu_item") return "menu items";
  return "other post types";  // reusable blocks, templates, custom_css, a plugin's types
}

// Why a post of `status` is not imported ("" when it is).
std::string StatusSkipReason(const std::string& status, const WxrOptions& options) {
  if (status == "publish" || status.empty()) return "";
  if (status == "draft" || status == "pending") return options.drafts ? "" : "drafts";
  if (status == "private") return options.drafts ? "" : "private posts";
  if (status == "future") return options.drafts ? "" : "scheduled posts";
  if (status == "auto-draft") return "drafts";  // an editor's autosave, never a post
  if (status == "trash") return "trashed posts";
  return "posts of other statuses";
}

}  // namespace

WxrReader* WxrReader::Self(void* context) {
  return static_cast<WxrReader*>(static_cast<xmlParserCtxtPtr>(context)->_private);
}

void ItemTagScanner::Scan(const char* bytes, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i, ++position_) {
    const char c = bytes[i];
    switch (state_) {
      case State::kText:
        if (c == '<') {
          state_ = State::kAngle;
          angle_ = position_;
          pending_.clear();
        }
        break;
      case State::kAngle: {
        pending_ += c;
        if (pending_ == "!--") {
          state_ = State::kComment;
          pending_.clear();
        } else if (pending_ == "![CDATA[") {
          state_ = State::kCData;
          pending_.clear();
        } else if (pending_ == "?") {
          state_ = State::kInstruction;
          pending_.clear();
        } else if (pending_.size() == 5 && pending_.starts_with("item")) {
          if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (starts_.size() < 100000) starts_.push_back(angle_);
          }
          state_ = State::kText;
        } else if (!std::string_view("!--").starts_with(pending_) &&
                   !std::string_view("![CDATA[").starts_with(pending_) &&
                   !std::string_view("item").starts_with(pending_)) {
          state_ = c == '<' ? State::kAngle : State::kText;
          angle_ = position_;
          pending_.clear();
        }
        break;
      }
      case State::kComment:
      case State::kCData:
      case State::kInstruction: {
        pending_ += c;
        if (pending_.size() > 3) pending_.erase(0, 1);
        const std::string_view end = state_ == State::kComment ? "-->"
                                     : state_ == State::kCData ? "]]>"
                                                               : "?>";
        if (std::string_view(pending_).ends_with(end)) {
          state_ = State::kText;
          pending_.clear();
        }
        break;
      }
    }
  }
}

std::optional<std::uint64_t> ItemTagScanner::Take() {
  if (starts_.empty()) return std::nullopt;
  const std::uint64_t start = starts_.front();
  starts_.pop_front();
  return start;
}

WxrReader::WxrReader(ByteSource& source, WxrOptions options) : source_(source), options_(options) {
  xmlSAXHandler sax;
  xmlSAXVersion(&sax, 2);
  // Nothing is built: the events below keep what an item needs, and the rest is dropped.
  sax.startElementNs = &WxrReader::OnStart;
  sax.endElementNs = &WxrReader::OnEnd;
  sax.characters = &WxrReader::OnText;
  sax.cdataBlock = &WxrReader::OnText;
  sax.ignorableWhitespace = &WxrReader::OnText;
  sax.serror = &WxrReader::OnError;
  sax.comment = nullptr;
  sax.processingInstruction = nullptr;
  // An entity is never expanded: WordPress declares none, and a declaration ends the read.
  sax.reference = nullptr;
  sax.entityDecl = &WxrReader::OnEntityDeclaration;
  sax.getEntity = [](void* context, const xmlChar* name) -> xmlEntityPtr {
    (void)context;
    return xmlGetPredefinedEntity(name);
  };
  sax.startElement = nullptr;
  sax.endElement = nullptr;
  // The events get the parser (libxml2's own DTD handlers need it), which points here.
  parser_ = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
  if (parser_ != nullptr) {
    parser_->_private = this;
    xmlCtxtUseOptions(parser_, kParseOptions);
  }
}

WxrReader::~WxrReader() {
  if (parser_ != nullptr) {
    if (parser_->myDoc != nullptr) xmlFreeDoc(parser_->myDoc);
    xmlFreeParserCtxt(parser_);
  }
}

void WxrReader::OnStart(void* context, const xmlChar* local, const xmlChar* prefix,
                        const xmlChar* uri, int namespaces_count, const xmlChar** namespaces,
                        int attributes_count, int defaulted_count, const xmlChar** attributes) {
  (void)namespaces_count;
  (void)namespaces;
  (void)defaulted_count;
  Self(context)->Start(View(local), View(prefix), uri, attributes_count, attributes);
}

void WxrReader::OnEnd(void* context, const xmlChar* local, const xmlChar* prefix,
                      const xmlChar* uri) {
  (void)local;
  (void)prefix;
  (void)uri;
  Self(context)->End();
}

void WxrReader::OnText(void* context, const xmlChar* text, int size) {
  auto* self = Self(context);
  if (size <= 0) return;
  if ((self->depth_ == 4 && (self->field_ != nullptr || self->in_category_)) ||
      (self->depth_ == 3 && self->in_language_)) {
    self->text_.append(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  }
}

void WxrReader::OnEntityDeclaration(void* context, const xmlChar* name, int type,
                                    const xmlChar* public_id, const xmlChar* system_id,
                                    xmlChar* content) {
  (void)type;
  (void)public_id;
  (void)system_id;
  (void)content;
  WxrReader* self = Self(context);
  const long consumed = xmlByteConsumed(self->parser_);
  self->Fail(self->Broken("the document declares the entity \"" + std::string(View(name)) +
                              "\"; a WordPress export declares none, and none is expanded",
                          static_cast<std::uint64_t>(std::max(consumed, 0L))));
}

void WxrReader::OnError(void* context, xmlErrorPtr error) {
  auto* self = Self(context);
  if (error == nullptr || error->level < XML_ERR_ERROR || self->failure_) return;
  std::string message = Trimmed(error->message == nullptr ? "" : error->message);
  if (message.empty()) message = "the XML is not well-formed";
  if (error->line > 0) message += " (line " + std::to_string(error->line) + ")";
  const long consumed = self->parser_ == nullptr ? 0 : xmlByteConsumed(self->parser_);
  self->Fail(self->Broken(message, static_cast<std::uint64_t>(std::max(consumed, 0L))));
}

Status WxrReader::Broken(const std::string& why, std::uint64_t at) const {
  return Status::Corruption("at byte " + std::to_string(at) + ": " + why);
}

void WxrReader::Fail(Status why) {
  if (!failure_) failure_ = std::move(why);
  if (parser_ != nullptr) xmlStopParser(parser_);
}

void WxrReader::Start(std::string_view local, std::string_view prefix, const xmlChar* uri,
                      int attributes_count, const xmlChar** attributes) {
  ++depth_;
  if (failure_) return;
  std::optional<std::uint64_t> item_start;
  if (local == "item" && prefix.empty()) item_start = item_tags_.Take();
  const Space space = SpaceOf(uri);
  if (depth_ == 1) {
    if (local != "rss") {
      Fail(Broken("not a WordPress export: the document is <" + std::string(local) + ">, not <rss>",
                  0));
      return;
    }
    seen_root_ = true;
  } else if (depth_ == 3) {
    if (space == Space::kWordPress && local == "wxr_version") {
      seen_version_ = true;
    } else if (space == Space::kNone && local == "language") {
      in_language_ = true;
      text_.clear();
    } else if (space == Space::kWordPress && local == "author") {
      in_author_ = true;
      author_login_.clear();
      author_name_.clear();
    } else if (space == Space::kNone && local == "item") {
      const std::uint64_t offset = item_start ? *item_start : 0;
      if (!seen_version_) {
        Fail(Broken("not a WordPress export: an item before any wp:wxr_version", offset));
        return;
      }
      item_ = Item();
      item_.offset = offset;
      in_item_ = true;
    }
  } else if (depth_ == 4 && in_author_ && space == Space::kWordPress) {
    text_.clear();
    field_ = local == "author_login"          ? &author_login_
             : local == "author_display_name" ? &author_name_
                                              : nullptr;
  } else if (depth_ == 4 && in_item_) {
    text_.clear();
    field_ = nullptr;
    if (space == Space::kNone && local == "title") {
      field_ = &item_.title;
    } else if (space == Space::kNone && local == "link") {
      field_ = &item_.link;
    } else if (space == Space::kNone && local == "category") {
      in_category_ = true;
      category_domain_.clear();
      // Attributes come as (local, prefix, URI, value start, value end) quintuples.
      for (int i = 0; attributes != nullptr && i < attributes_count; ++i) {
        const xmlChar** attribute = attributes + static_cast<std::ptrdiff_t>(i) * 5;
        if (View(attribute[0]) == "domain" && attribute[1] == nullptr) {
          category_domain_.assign(reinterpret_cast<const char*>(attribute[3]),
                                  reinterpret_cast<const char*>(attribute[4]));
        }
      }
    } else if (space == Space::kDublinCore && local == "creator") {
      field_ = &item_.creator;
    } else if (space == Space::kContent && local == "encoded") {
      field_ = &item_.content;
      item_.has_content = true;
    } else if (space == Space::kExcerpt && local == "encoded") {
      field_ = &item_.excerpt;
    } else if (space == Space::kWordPress) {
      if (local == "post_id") {
        field_ = &item_.post_id;
        item_.has_post_id = true;
      } else if (local == "post_date") {
        field_ = &item_.post_date;
      } else if (local == "post_date_gmt") {
        field_ = &item_.post_date_gmt;
      } else if (local == "post_modified_gmt") {
        field_ = &item_.modified_gmt;
      } else if (local == "status") {
        field_ = &item_.status;
      } else if (local == "post_type") {
        field_ = &item_.post_type;
      }
    }
  }
}

void WxrReader::EndField() {
  if (in_category_) {
    std::string name = Trimmed(text_);
    if (category_domain_ == "post_tag" && !name.empty() &&
        std::find(item_.tags.begin(), item_.tags.end(), name) == item_.tags.end()) {
      item_.tags.push_back(std::move(name));
    }
  } else if (field_ != nullptr) {
    *field_ = std::move(text_);
  }
  field_ = nullptr;
  in_category_ = false;
  text_.clear();
}

void WxrReader::End() {
  const int depth = depth_--;
  if (failure_) return;
  if (depth == 4 && (in_item_ || in_author_)) {
    EndField();
  } else if (depth == 3 && in_language_) {
    language_ = Trimmed(text_);
    text_.clear();
    in_language_ = false;
  } else if (depth == 3 && in_author_) {
    in_author_ = false;
    const std::string login = Trimmed(author_login_);
    const std::string name = Trimmed(author_name_);
    if (!login.empty() && !name.empty() && display_names_.size() < 10000) {
      display_names_[login] = name;
    }
  } else if (depth == 3 && in_item_) {
    in_item_ = false;
    ready_.push_back(std::move(item_));
    item_ = Item();
  }
}

void WxrReader::Feed() {
  constexpr std::size_t kChunk = 16 * 1024;
  if (parser_ == nullptr) {
    Fail(Status::IOError("cannot start the XML parser"));
    ended_ = true;
    return;
  }
  char buffer[kChunk];
  Result<std::size_t> read = source_.Read(buffer, kChunk);
  if (!read.ok()) {
    Fail(read.status());
    ended_ = true;
    return;
  }
  const std::size_t size = std::min(*read, kChunk);
  item_tags_.Scan(buffer, size);
  const int terminate = size == 0 ? 1 : 0;
  const int code = xmlParseChunk(parser_, buffer, static_cast<int>(size), terminate);
  if (code != 0 && !failure_) {
    Fail(Broken("the XML cannot be read (libxml2 error " + std::to_string(code) + ")",
                static_cast<std::uint64_t>(std::max(xmlByteConsumed(parser_), 0L))));
  }
  if (failure_) {
    ended_ = true;
    return;
  }
  if (terminate != 0) {
    ended_ = true;
    const auto at = static_cast<std::uint64_t>(std::max(xmlByteConsumed(parser_), 0L));
    if (!seen_root_) {
      Fail(Broken("not a WordPress export: the document is empty", at));
    } else if (in_item_) {
      Fail(Broken("the export ends inside an item", at));
    }
  }
}

void WxrReader::Judge(Item& item, ContainerItem& out) const {
  out.offset = item.offset;
  const std::string post_id = Trimmed(item.post_id);
  if (AllDigits(post_id)) out.id = "post-" + post_id;
  const std::string type = Trimmed(item.post_type);
  const std::string status = Trimmed(item.status);
  std::string reason = TypeSkipReason(type, options_);
  if (reason.empty()) reason = StatusSkipReason(status, options_);
  if (!reason.empty()) {
    out.kind = ContainerItem::kSkipped;
    out.skip_reason = std::move(reason);
    return;
  }
  if (!item.has_post_id || out.id.empty()) {
    out.kind = ContainerItem::kFailed;
    out.failure =
        Status::Corruption(item.has_post_id ? "the item's wp:post_id is not a number: " + post_id
                                            : "the item has no wp:post_id");
    return;
  }
  if (!item.has_content) {
    out.kind = ContainerItem::kFailed;
    out.failure = Status::Corruption("the post has no content:encoded");
    return;
  }
  if (Trimmed(item.content).empty()) {
    out.kind = ContainerItem::kSkipped;
    out.skip_reason = "empty posts";
    return;
  }

  out.kind = ContainerItem::kDocument;
  out.bytes = PostPage(item, language_);
  out.extension = ".html";
  out.media_type = "text/html";
  DocumentHints& hints = out.hints;
  hints.origin = "wxr item";
  hints.url = Trimmed(item.link);
  hints.title = Trimmed(item.title);
  hints.published = IsoDate(item.post_date_gmt, "Z");
  if (hints.published.empty()) hints.published = IsoDate(item.post_date, "");
  const std::string modified = IsoDate(item.modified_gmt, "Z");
  if (modified != hints.published) hints.updated = modified;
  hints.language = language_;
  hints.tags = std::move(item.tags);
  hints.summary = Trimmed(item.excerpt);
  const std::string login = Trimmed(item.creator);
  if (!login.empty()) {
    const auto known = display_names_.find(login);
    hints.authors.push_back(
        Author{known == display_names_.end() ? login : known->second, "", "poster"});
  }
}

Result<bool> WxrReader::Next(ContainerItem& item) {
  while (ready_.empty() && !ended_) Feed();
  if (!ready_.empty()) {
    Item read = std::move(ready_.front());
    ready_.pop_front();
    Judge(read, item);
    return true;
  }
  if (failure_) {
    Status failure = std::move(*failure_);
    failure_ = Status::OK();  // given once; Next then says the end
    if (!failure.ok()) return failure;
  }
  return false;
}

}  // namespace morgue::wordpress_plugin
