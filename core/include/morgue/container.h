// Containers: inputs that hold documents another importer reads. A web archive (WARC)
// holds HTTP responses, a feed or a blog export holds posts, a saved web page (MHTML)
// holds its HTML among images. An importer that reads such a format does not make
// articles itself: it opens the container (Importer::OpenContainer) and hands each
// document back to the host, one ContainerItem at a time, with what the container knows
// about it (DocumentHints). The host imports each document with whichever importer
// claims it, exactly as if it had been a file of its own named
// "<container>#<item id>": its own report, failure line, original and provenance; one
// unreadable record fails alone and the rest is imported.
//
// Hints fill only what the document does not state itself: a feed item's title is used
// when the post's HTML has none, never instead of the one it has.
//
// Thread-safety: a ContainerReader and the ByteSource it reads are used from one thread
// at a time.

#ifndef MORGUE_CONTAINER_H_
#define MORGUE_CONTAINER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "morgue/article.h"
#include "morgue/status.h"

namespace morgue {

// The bytes of a container, in order from its first byte, without holding it whole: the
// host reads the file (or standard input) as the reader asks.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` bytes into `buffer`; returns how many it read, 0 only at the end.
  virtual Result<std::size_t> Read(char* buffer, std::size_t size) = 0;
};

// What a container knows about a document it holds. Empty fields are unknown. The host
// copies a hint into each article made of the document only where the article has
// nothing in that field, and records `origin` as the field's provenance.
struct DocumentHints {
  std::string origin;  // where the hints come from, e.g. "rss item", "blogger post"
  std::string url;     // the document's address (WARC-Target-URI, an item's link)
  // When the document was captured (WARC-Date), ISO 8601. Kept with its original; never
  // taken as the publication date.
  std::string captured;
  std::string title;
  std::vector<Author> authors;    // with their roles: a blog account is a "poster"
  std::string published;          // ISO 8601, as the container dates the item
  std::string updated;            // ISO 8601
  std::string source;             // the publication the container speaks for, if any
  std::string language;           // BCP 47
  std::vector<std::string> tags;  // categories, labels
  std::string summary;
  std::vector<Media> media;  // the item's pictures with their captions (a feed's media:content)

  bool operator==(const DocumentHints&) const = default;
};

// One record of a container, as ContainerReader::Next gives it.
struct ContainerItem {
  enum Kind : std::uint32_t {
    kDocument = 1,  // a document to import
    kSkipped = 2,   // a record that holds no document to import (counted by skip_reason)
    kFailed = 3,    // a record that should hold a document but cannot be read
  };
  Kind kind = kDocument;
  // Names the record after '#' in reports ("archive.warc.gz#<urn:uuid:…>",
  // "export.xml#post-123"): stable across runs, unique within the container. Empty: the
  // host uses the offset.
  std::string id;
  std::uint64_t offset = 0;  // where the record starts in the container, in bytes
  // kDocument: the document as it was published (a WARC response's HTTP payload decoded
  // from its transfer and content encodings, a post's HTML): what the archive keeps as
  // its original.
  std::string bytes;
  // How to read `bytes`: a format name that an importer offers (e.g. "html"), or empty to
  // let the importers probe them; the extension and media type they would have as a file
  // (e.g. ".html", "text/html"), for probing and for the stored original.
  std::string format;
  std::string extension;
  std::string media_type;
  DocumentHints hints;
  // Provenance the host records on every article made of the document, by field, over
  // what the importer recorded: e.g. {"body", "rss-summary"} for a feed item that
  // carries only its summary.
  std::map<std::string, std::string> provenance;
  // kSkipped: what kind of record, as a short plural the host counts and reports, e.g.
  // "request records", "redirects", "images".
  std::string skip_reason;
  // kFailed: why the record cannot be read ("chunked encoding cut short").
  Status failure;
};

// An open container, read one item at a time.
class ContainerReader {
 public:
  virtual ~ContainerReader() = default;
  // Fills `item` (reset by the host first) with the next record and returns true, or
  // returns false at the end of the container. A container that is broken from some
  // point on (truncated, not in the format any more) returns Corruption naming the
  // offset ("at byte 81920: ..."): the items given before it stand.
  virtual Result<bool> Next(ContainerItem& item) = 0;
};

}  // namespace morgue

#endif  // MORGUE_CONTAINER_H_
