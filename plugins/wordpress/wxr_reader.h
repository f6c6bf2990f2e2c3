// Reads a WordPress export (WXR 1.0-1.2: RSS 2.0 with WordPress's "wp:" elements) as a
// container: each published post becomes a document (its content as WordPress shows it,
// wrapped in a small HTML page) with the item's title, link, dates, tags and account as
// hints; pages, attachments, menu items, revisions, drafts are skipped and counted.
//
// Streaming with libxml2's SAX push parser: memory holds a chunk of the export and the
// items it completed, whatever the export's size. No DTD loaded, no entity expanded, no
// network.
//
// Thread-safety: one thread at a time, as any ContainerReader.

#ifndef MORGUE_PLUGINS_WORDPRESS_WXR_READER_H_
#define MORGUE_PLUGINS_WORDPRESS_WXR_READER_H_

#include <libxml/parser.h>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/container.h"

namespace morgue::wordpress_plugin {

// Where each <item> tag starts in the bytes, found as they are handed to the parser
// (which reads ahead, so its own position is not the item's): a scan that knows
// comments, CDATA sections and processing instructions, the only places a literal
// "<item" can be other than a tag.
class ItemTagScanner {
 public:
  void Scan(const char* bytes, std::size_t size);
  // The offset of the next <item> tag not yet taken, or nullopt when none was seen.
  std::optional<std::uint64_t> Take();

 private:
  enum class State { kText, kAngle, kComment, kCData, kInstruction };
  State state_ = State::kText;
  std::string pending_;  // what follows '<', or the last bytes of a comment/CDATA/PI
  std::uint64_t position_ = 0;
  std::uint64_t angle_ = 0;  // where the '<' was
  std::deque<std::uint64_t> starts_;
};

// What ImportInput::parameters may ask of the reader.
struct WxrOptions {
  bool pages = false;   // {"pages", "true"}: pages are imported as posts are
  bool drafts = false;  // {"drafts", "true"}: drafts, pending, private, scheduled posts too
};

class WxrReader final : public ContainerReader {
 public:
  WxrReader(ByteSource& source, WxrOptions options);
  ~WxrReader() override;
  WxrReader(const WxrReader&) = delete;
  WxrReader& operator=(const WxrReader&) = delete;

  Result<bool> Next(ContainerItem& item) override;

  // One <item> as read, before it is judged.
  struct Item {
    std::uint64_t offset = 0;
    std::string title, link, creator, content, excerpt;
    std::string post_id, post_date, post_date_gmt, modified_gmt, status, post_type;
    bool has_post_id = false;
    bool has_content = false;
    std::vector<std::string> tags;
  };

 private:
  // The reader a SAX event (whose context is the parser) is for.
  static WxrReader* Self(void* context);
  // libxml2's SAX events.
  static void OnStart(void* context, const xmlChar* local, const xmlChar* prefix,
                      const xmlChar* uri, int namespaces_count, const xmlChar** namespaces,
                      int attributes_count, int defaulted_count, const xmlChar** attributes);
  static void OnEnd(void* context, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri);
  static void OnText(void* context, const xmlChar* text, int size);
  static void OnError(void* context, xmlErrorPtr error);
  static void OnEntityDeclaration(void* context, const xmlChar* name, int type,
                                  const xmlChar* public_id, const xmlChar* system_id,
                                  xmlChar* content);

  void Start(std::string_view local, std::string_view prefix, const xmlChar* uri,
             int attributes_count, const xmlChar** attributes);
  void End();
  void EndField();
  // Gives the parser the next bytes of the source; sets failed_ or ended_.
  void Feed();
  Status Broken(const std::string& why, std::uint64_t at) const;
  void Fail(Status why);
  void Judge(Item& item, ContainerItem& out) const;

  ByteSource& source_;
  WxrOptions options_;
  xmlParserCtxtPtr parser_ = nullptr;
  ItemTagScanner item_tags_;
  std::deque<Item> ready_;         // items read, not yet given
  std::optional<Status> failure_;  // why the rest cannot be read
  bool ended_ = false;             // the parser has seen the whole source (or failed)

  // Where the parse is.
  int depth_ = 0;  // of the element being read; the <rss> is 1
  bool seen_root_ = false;
  bool seen_version_ = false;
  bool in_item_ = false;
  bool in_author_ = false;
  bool in_language_ = false;
  bool in_category_ = false;
  std::string category_domain_;
  std::string* field_ = nullptr;  // the item's (or author's) field the text goes to
  std::string text_;              // the text of the element being read
  Item item_;
  std::string author_login_, author_name_;
  std::string language_;                              // the channel's <language>
  std::map<std::string, std::string> display_names_;  // account login -> display name
};

}  // namespace morgue::wordpress_plugin

#endif  // MORGUE_PLUGINS_WORDPRESS_WXR_READER_H_
