// The push parser behind XmlPushReader (xml_push.h).

#include "plugins/feed/xml_push.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>

namespace morgue::feed_plugin {
namespace {

constexpr std::size_t kChunkBytes = 64 * 1024;
// The encoding is guessed from the first bytes, so the parser is made with at least these.
constexpr std::size_t kEncodingGuessBytes = 4;

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

}  // namespace

struct XmlPushReader::State {
  ByteSource& source;
  XmlHandler& handler;
  xmlParserCtxtPtr context = nullptr;
  xmlSAXHandler sax{};
  std::vector<XmlAttribute> attributes;
  // The first error libxml2 reported, and where.
  bool has_error = false;
  std::uint64_t error_offset = 0;
  int error_line = 0;
  std::string error_message;
  bool ended = false;  // the source gave its last byte
  bool done = false;   // the parser has seen the whole document
  std::array<char, kChunkBytes> buffer{};

  State(ByteSource& source_in, XmlHandler& handler_in) : source(source_in), handler(handler_in) {}

  // Where the parser is, in bytes of the document.
  std::uint64_t Position(const xmlChar* at) const {
    // libxml2 may report an error while it makes the parser, before `context` is set.
    if (context == nullptr) return 0;
    const xmlParserInputPtr input = context->input;
    if (input == nullptr || input->base == nullptr) return 0;
    if (at == nullptr) at = input->cur;
    return static_cast<std::uint64_t>(input->consumed) +
           static_cast<std::uint64_t>(at - input->base);
  }

  // The '<' of the start tag the parser has just read: attribute values cannot hold a
  // raw '<', so it is the last one before the parser's position.
  std::uint64_t StartTagOffset() const {
    if (context == nullptr) return 0;
    const xmlParserInputPtr input = context->input;
    if (input == nullptr || input->cur == nullptr || input->base == nullptr)
      return Position(nullptr);
    for (const xmlChar* at = input->cur; at > input->base;) {
      --at;
      if (*at == '<') return Position(at);
    }
    return Position(input->base);
  }

  static void OnStart(void* user, const xmlChar* local, const xmlChar* /*prefix*/,
                      const xmlChar* uri, int /*namespace_count*/, const xmlChar** /*namespaces*/,
                      int attribute_count, int /*defaulted*/, const xmlChar** values) {
    auto& self = *static_cast<State*>(user);
    self.attributes.clear();
    // Five pointers per attribute: local name, prefix, URI, value start, value end.
    for (int i = 0; i < attribute_count; ++i) {
      const xmlChar** attribute = values + 5 * i;
      self.attributes.push_back(
          {View(attribute[2]), View(attribute[0]),
           std::string_view(reinterpret_cast<const char*>(attribute[3]),
                            static_cast<std::size_t>(attribute[4] - attribute[3]))});
    }
    self.handler.StartElement(View(uri), View(local), self.attributes, self.StartTagOffset());
  }

  static void OnEnd(void* user, const xmlChar* local, const xmlChar* /*prefix*/,
                    const xmlChar* uri) {
    static_cast<State*>(user)->handler.EndElement(View(uri), View(local));
  }

  static void OnText(void* user, const xmlChar* text, int length) {
    static_cast<State*>(user)->handler.Text(
        std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)));
  }

  // Only XML's predefined entities exist (the parser resolves those itself): a DTD's
  // entities are never declared, so never expanded.
  static xmlEntityPtr OnEntity(void* /*user*/, const xmlChar* /*name*/) { return nullptr; }

  static void OnError(void* user, xmlErrorPtr error) {
    auto& self = *static_cast<State*>(user);
    if (error == nullptr || error->level < XML_ERR_ERROR || self.has_error) return;
    self.has_error = true;
    self.error_offset = self.Position(nullptr);
    self.error_line = error->line;
    std::string message = error->message != nullptr ? error->message : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    self.error_message = std::move(message);
  }
};

XmlPushReader::XmlPushReader(ByteSource& source, XmlHandler& handler)
    : state_(new State(source, handler)) {
  xmlSAXHandler& sax = state_->sax;
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = &State::OnStart;
  sax.endElementNs = &State::OnEnd;
  sax.characters = &State::OnText;
  sax.cdataBlock = &State::OnText;
  sax.getEntity = &State::OnEntity;
  sax.serror = &State::OnError;
}

XmlPushReader::~XmlPushReader() {
  if (state_->context != nullptr) {
    // For expat compatibility libxml2 keeps a DTD's entity declarations in a document of
    // its own even in SAX mode (never consulted here): it is ours to free.
    if (state_->context->myDoc != nullptr) xmlFreeDoc(state_->context->myDoc);
    xmlFreeParserCtxt(state_->context);
  }
  delete state_;
}

Result<bool> XmlPushReader::Pump() {
  State& state = *state_;
  if (state.done) return false;
  std::size_t filled = 0;
  // The parser is made with the first bytes, which it guesses the encoding from.
  do {
    MORGUE_ASSIGN_OR_RETURN(std::size_t got, state.source.Read(state.buffer.data() + filled,
                                                               state.buffer.size() - filled));
    if (got == 0) {
      state.ended = true;
      break;
    }
    filled += got;
  } while (state.context == nullptr && filled < kEncodingGuessBytes);

  std::size_t given = 0;
  if (state.context == nullptr) {
    xmlInitParser();
    given = std::min(filled, kEncodingGuessBytes);
    state.context = xmlCreatePushParserCtxt(&state.sax, &state, state.buffer.data(),
                                            static_cast<int>(given), nullptr);
    if (state.context == nullptr) return Status::IOError("cannot start the XML parser");
    xmlCtxtUseOptions(state.context, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  }
  // The last call, with no bytes, tells the parser the document ends here: what it then
  // finds missing means the document was cut short.
  const int code = xmlParseChunk(state.context, state.buffer.data() + given,
                                 static_cast<int>(filled - given), 0);
  const int last = (code == 0 && state.ended) ? xmlParseChunk(state.context, nullptr, 0, 1) : 0;
  if (code != 0 || last != 0 || state.has_error || state.context->wellFormed == 0) {
    state.done = true;
    if (!state.has_error) state.error_offset = state.Position(nullptr);
    std::string why = "at byte " + std::to_string(state.error_offset);
    if (state.error_line > 0) why += " (line " + std::to_string(state.error_line) + ")";
    why += ": ";
    if (code == 0 && last != 0) why += "the document ends too soon: ";
    why += state.error_message.empty() ? "not well-formed XML" : state.error_message;
    return Status::Corruption(why);
  }
  if (state.ended) state.done = true;
  return !state.done;
}

}  // namespace morgue::feed_plugin
