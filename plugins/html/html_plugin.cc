// The importer and the plugin's entry point.

#include "plugins/html/html_plugin.h"

#include <libxml/parser.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "plugins/html/article_builder.h"
#include "plugins/html/charset.h"
#include "plugins/html/content.h"
#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

// libxml2 sets up its global state on first use, and two threads doing that at once race
// (morgue imports on several threads). Set it up when the plugin is loaded instead, on
// the loading thread, before any importer runs.
[[maybe_unused]] const bool kLibxml2Ready = (xmlInitParser(), true);

constexpr int kProbeHtmlExtension = 80;
constexpr int kProbeMarkupOnly = 60;

bool HasHtmlMarkers(std::string_view head) {
  const std::string lower = LowerAscii(head);
  for (std::string_view marker : {"<html", "<!doctype html", "<head", "<body"}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

constexpr size_t kBytesPerStrayNul = 1000;
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Whether any byte of `word` is below `n` (for n <= 128, exactly: bytes of 0x80 and
// above never count as below it).
bool HasByteBelow(uint64_t word, uint64_t n) {
  return ((word - kOnes * n) & ~word & kHighBits) != 0;
}

// Whether any byte of `word` is `byte`.
bool HasByte(uint64_t word, uint64_t byte) { return HasByteBelow(word ^ (kOnes * byte), 1); }

// std::count(text, '\0'), by memchr: pages hold none or few.
size_t CountNuls(std::string_view text) {
  size_t nuls = 0;
  for (const char* at = text.data();
       const void* nul = std::memchr(at, '\0', static_cast<size_t>(text.data() + text.size() - at));
       at = static_cast<const char*>(nul) + 1) {
    ++nuls;
  }
  return nuls;
}

// Why decoded bytes are binary data rather than a page, or "" when they are text. A page
// has almost no control characters; bytes in no encoding decode to many U+FFFD.
std::string NotTextReason(std::string_view text) {
  // A stray NUL now and then is a damaged page (a browser shows it as nothing); more than
  // one in a thousand bytes is binary data.
  if (const size_t nuls = CountNuls(text); nuls > 0 && nuls * kBytesPerStrayNul > text.size()) {
    return "it holds NUL bytes, so it is binary data, not a web page";
  }
  size_t characters = 0;
  size_t controls = 0;
  const auto count = [&](std::string_view bytes) {
    for (const char c : bytes) {
      const auto byte = static_cast<unsigned char>(c);
      characters += (byte & 0xC0) != 0x80 ? 1 : 0;
      controls += (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f') ||
                          byte == 0x7F
                      ? 1
                      : 0;
    }
  };
  // Eight bytes at a time: a word of printable ASCII (most of a page) is eight characters
  // and no control; a word without a control byte (most of a page in another script) is
  // as many characters as bytes that do not continue one (10xxxxxx); other words are
  // counted byte by byte.
  size_t pos = 0;
  for (; pos + 8 <= text.size(); pos += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    if (HasByteBelow(word, 0x20) || HasByte(word, 0x7F)) {
      count(text.substr(pos, 8));
      continue;
    }
    const uint64_t continuations = word & kHighBits & ~(word << 1);
    characters += 8 - static_cast<size_t>(std::popcount(continuations));
  }
  count(text.substr(pos));
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  size_t replaced = 0;
  for (size_t at = text.find(kReplacement); at != std::string_view::npos;
       at = text.find(kReplacement, at + kReplacement.size())) {
    ++replaced;
  }
  if (controls * 100 > characters) {
    return "it is full of control characters, so it is binary data, not a web page";
  }
  if (replaced * 10 > characters) return "its bytes are not text in any encoding morgue knows";
  return "";
}

}  // namespace

int HtmlImporter::Probe(const ProbeInput& input) const {
  const bool markers = HasHtmlMarkers(input.head);
  if (input.own_extension) return markers ? kProbeCertain : kProbeHtmlExtension;
  return markers ? kProbeMarkupOnly : kProbeNo;
}

Status HtmlImporter::Import(const ImportInput& input, ArticleSink& sink) {
  if (input.bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Corruption("no article found: the page is empty");
  }
  MORGUE_ASSIGN_OR_RETURN(std::string page, DecodePage(input.bytes));
  if (const std::string why = NotTextReason(page); !why.empty()) {
    return Status::Corruption("not HTML: " + why +
                              " (if another plugin reads it, name it with --format)");
  }
  // libxml2 would stop reading at a stray NUL; the page as a browser shows it has none.
  // (The original document keeps them: it is stored as it came.)
  if (page.find('\0') != std::string::npos) std::erase(page, '\0');
  MORGUE_ASSIGN_OR_RETURN(Document document, Document::Parse(page));
  // Metadata only reads the tree; content extraction then reuses (and changes) it.
  PageMetadata meta = ExtractMetadata(document.root());
  MORGUE_ASSIGN_OR_RETURN(Article article,
                          BuildArticle(meta, ExtractContent(std::move(document), page)));
  return sink.Add(std::move(article));
}

}  // namespace morgue::html_plugin

MORGUE_PLUGIN(morgue::html_plugin::HtmlImporter, morgue::NoExporter,
              {.name = "html",
               .version = "1.0.0",
               .formats = "html",
               .extensions = ".html,.htm,.xhtml",
               .description = "blog posts and news-article web pages",
               .media_types = "text/html,text/html,application/xhtml+xml"})
