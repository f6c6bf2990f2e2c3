// XML read as it streams in: libxml2's push parser fed from a ByteSource, one chunk at a
// time, with every element, attribute and piece of text handed to an XmlHandler. Nothing
// is kept of the document but the parser's own window onto it, so memory stays flat
// whatever the document's size.
//
// Safe on hostile input: no tree is built, the network is never used
// (XML_PARSE_NONET), no DTD is loaded and no entity it declares is ever expanded (the
// handler knows only XML's five predefined entities; a reference to another one is an
// error, or dropped when the document names an external DTD), and libxml2's limits on
// depth and text size stay on.
//
// Thread-safety: one XmlPushReader per thread; libxml2 is initialised once per process.

#ifndef MORGUE_PLUGINS_FEED_XML_PUSH_H_
#define MORGUE_PLUGINS_FEED_XML_PUSH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/container.h"
#include "morgue/status.h"

namespace morgue::feed_plugin {

struct XmlAttribute {
  std::string_view uri;  // the namespace URI, empty for none
  std::string_view local;
  std::string_view value;
};

// What the parser found, in document order. Views are valid during the call only.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  // `offset` is where the element's '<' is in the document, in bytes (of the document as
  // stored when it is UTF-8; of its UTF-8 conversion otherwise). xml:lang comes as an
  // attribute of the XML namespace.
  virtual void StartElement(std::string_view uri, std::string_view local,
                            const std::vector<XmlAttribute>& attributes, std::uint64_t offset) = 0;
  virtual void EndElement(std::string_view uri, std::string_view local) = 0;
  // Text and CDATA sections, in as many pieces as the parser likes.
  virtual void Text(std::string_view text) = 0;
};

class XmlPushReader {
 public:
  XmlPushReader(ByteSource& source, XmlHandler& handler);
  ~XmlPushReader();
  XmlPushReader(const XmlPushReader&) = delete;
  XmlPushReader& operator=(const XmlPushReader&) = delete;

  // Reads the next chunk of the source and parses it, calling the handler. Returns false
  // once the whole document has been parsed; Corruption naming the byte offset and line
  // ("at byte 812 (line 30): ...") when it is not well-formed or ends too soon, the
  // source's own error when it cannot be read.
  Result<bool> Pump();

 private:
  struct State;
  State* state_;
};

}  // namespace morgue::feed_plugin

#endif  // MORGUE_PLUGINS_FEED_XML_PUSH_H_
