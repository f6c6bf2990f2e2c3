// Article: one news article or blog post with its metadata, as importers produce it and
// as the archive stores and returns it.
//
// Strings are UTF-8; an empty string means "unknown". Dates are ISO 8601 as written by
// the source: a date ("2011-01-04") or a date and time with its offset where known
// ("2011-01-04T19:42:00+09:00"); never the time of import.
//
// Thread-safety: a plain value type.

#ifndef MORGUE_ARTICLE_H_
#define MORGUE_ARTICLE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace morgue {

struct Author {
  std::string name;
  std::string email;
  // "author" for the people who wrote the article. A blog account that reposted it is
  // "poster": kept for the record, never counted as an author.
  std::string role = "author";

  bool operator==(const Author&) const = default;
};

struct Media {
  std::string url;      // image URL as found in the input; may be empty for a caption alone
  std::string caption;  // without the credit
  std::string credit;   // e.g. "Xinhua-Yonhap"

  bool operator==(const Media&) const = default;
};

// An article linked to another as telling the same story (Article::similar,
// Archive::Links).
struct StoryLink {
  int64_t id = 0;  // the other article
  // "copy": the same body, another outlet or address; "near": the same story with
  // changes (a near-duplicate body).
  std::string kind;
  double similarity = 0;  // 1 for a copy; else the estimated share of shared word runs

  bool operator==(const StoryLink&) const = default;
};

// Where a tag of an article came from (Article::tag_origins).
inline constexpr char kTagOriginPage[] = "page";        // the input gave it
inline constexpr char kTagOriginUser[] = "user";        // `morgue tag`, `morgue import --tag`
inline constexpr char kTagOriginBoth[] = "both";        // the input gave it and the user added it
inline constexpr char kTagOriginUnknown[] = "unknown";  // archived before origins were kept

struct Article {
  // Assigned by the archive; 0 for an article not stored yet.
  int64_t id = 0;

  std::string title;
  std::string subtitle;  // the deck
  std::string body;      // plain text, paragraphs separated by one blank line
  std::string summary;
  std::string language;       // BCP 47 tag such as "en" or "ko", when known
  std::string url;            // where the input was found
  std::string canonical_url;  // the article's own address, when the input names it
  std::string published;      // ISO 8601
  std::string updated;        // ISO 8601
  std::string source;         // the publication, e.g. "Korea Times"

  std::vector<Author> authors;  // in byline order
  std::vector<std::string> tags;
  // Where each of `tags` came from, by tag: kTagOriginPage, User, Both or Unknown. Filled
  // by the archive when reading. When adding, a tag with an origin here keeps it and is
  // stored as written (a morgue export's tags, cleaned when first archived); every other
  // tag is the input's own, origin "page", stored as given (trimmed); an importer that
  // reads pages cleans their tags itself with CleanTags (morgue/text.h).
  std::map<std::string, std::string> tag_origins;
  std::vector<Media> media;

  // Field provenance: for each metadata field, the rule that produced it, e.g.
  // {"published", "blogger-date-header"}. Keys are field names as above.
  std::map<std::string, std::string> provenance;

  // Filled in by the archive when reading; ignored when adding.
  int64_t word_count = 0;
  std::string body_hash;  // hex SHA-256 of the normalised body; empty without a body
  std::string added_at;   // UTC time the article was first archived
  // Which revision of the article these values are: 1 as first archived; each import of
  // its canonical URL with a changed title, subtitle, body, byline or publication date
  // adds one (Archive::Revisions). 0 for an article not stored yet.
  int64_t revision = 0;

  // The article's story cluster: the articles linked to it as copies or near-duplicates,
  // directly or through others. Filled in by the archive when reading (with
  // ArticleParts::story); ignored when adding.
  int64_t cluster = 0;             // the cluster's lowest article id; its own when linked to none
  int64_t cluster_size = 0;        // the cluster's articles, this one included (1: linked to none)
  std::vector<StoryLink> similar;  // the articles linked to it, the most alike first

  bool operator==(const Article&) const = default;
};

}  // namespace morgue

#endif  // MORGUE_ARTICLE_H_
