// The layout fingerprint of the SDK's data: one number, computed at compile time, from the
// size and alignment of every type whose objects cross between libmorgue, a plugin and
// the host (Article and its parts, Status, ArticleCursor, the structs of text.h,
// text_lines.h and publications.h) and the offset and size of every member of those
// that are plain structs. plugin.h adds its own classes and puts the result in every
// plugin's descriptor; the host refuses a plugin whose fingerprint differs from its own,
// which is what a layout change without an ABI raise looks like.
//
// Thread-safety: constants only.

#ifndef MORGUE_SDK_LAYOUT_H_
#define MORGUE_SDK_LAYOUT_H_

#include <cstddef>
#include <cstdint>

#include "morgue/article.h"
#include "morgue/article_cursor.h"
#include "morgue/publications.h"
#include "morgue/status.h"
#include "morgue/text.h"
#include "morgue/text_lines.h"

namespace morgue::internal {

// 64-bit FNV-1a over the eight bytes of each number, least significant first.
constexpr std::uint64_t Mix(std::uint64_t hash, std::uint64_t value) {
  for (int byte = 0; byte < 8; ++byte) {
    hash ^= (value >> (8 * byte)) & 0xFF;
    hash *= 0x100000001B3ULL;
  }
  return hash;
}

// All a class with private members or virtual functions shows of its layout.
template <typename T>
constexpr std::uint64_t Shape(std::uint64_t hash) {
  return Mix(Mix(hash, sizeof(T)), alignof(T));
}

}  // namespace morgue::internal

// A member's offset and size. Article holds a std::map, so it is not standard-layout and
// offsetof is only conditionally supported on it: GCC and Clang give the offset and warn.
#define MORGUE_LAYOUT_FIELD(hash, Type, member)                                            \
  ::morgue::internal::Mix(::morgue::internal::Mix(hash, __builtin_offsetof(Type, member)), \
                          sizeof(Type::member))

namespace morgue {

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
// The size of each member's type (a std::string's, a std::vector's) is what is measured,
// not the size of its contents.
// NOLINTBEGIN(bugprone-sizeof-container)
inline constexpr std::uint64_t kSdkDataLayoutFingerprint = [] {
  using namespace internal;                    // NOLINT(google-build-using-namespace)
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a's offset basis
  hash = MORGUE_LAYOUT_FIELD(hash, Author, name);
  hash = MORGUE_LAYOUT_FIELD(hash, Author, email);
  hash = MORGUE_LAYOUT_FIELD(hash, Author, role);
  hash = Shape<Author>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, Media, url);
  hash = MORGUE_LAYOUT_FIELD(hash, Media, caption);
  hash = MORGUE_LAYOUT_FIELD(hash, Media, credit);
  hash = Shape<Media>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, StoryLink, id);
  hash = MORGUE_LAYOUT_FIELD(hash, StoryLink, kind);
  hash = MORGUE_LAYOUT_FIELD(hash, StoryLink, similarity);
  hash = Shape<StoryLink>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, id);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, title);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, subtitle);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, body);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, summary);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, language);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, url);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, canonical_url);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, published);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, updated);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, source);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, authors);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, tags);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, tag_origins);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, media);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, provenance);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, word_count);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, body_hash);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, added_at);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, cluster);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, cluster_size);
  hash = MORGUE_LAYOUT_FIELD(hash, Article, similar);
  hash = Shape<Article>(hash);
  hash = Shape<Status>(hash);
  hash = Shape<Result<Article>>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, ArticleParts, authors);
  hash = MORGUE_LAYOUT_FIELD(hash, ArticleParts, tags);
  hash = MORGUE_LAYOUT_FIELD(hash, ArticleParts, media);
  hash = MORGUE_LAYOUT_FIELD(hash, ArticleParts, provenance);
  hash = MORGUE_LAYOUT_FIELD(hash, ArticleParts, story);
  hash = Shape<ArticleParts>(hash);
  hash = Shape<ArticleCursor>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, DateLine, published);
  hash = MORGUE_LAYOUT_FIELD(hash, DateLine, updated);
  hash = MORGUE_LAYOUT_FIELD(hash, DateLine, unlabelled);
  hash = Shape<DateLine>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, Byline, authors);
  hash = MORGUE_LAYOUT_FIELD(hash, Byline, source);
  hash = Shape<Byline>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, CaptionCredit, caption);
  hash = MORGUE_LAYOUT_FIELD(hash, CaptionCredit, credit);
  hash = Shape<CaptionCredit>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, DecodedText, text);
  hash = MORGUE_LAYOUT_FIELD(hash, DecodedText, charset);
  hash = Shape<DecodedText>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, RepostCredit, source);
  hash = MORGUE_LAYOUT_FIELD(hash, RepostCredit, published);
  hash = MORGUE_LAYOUT_FIELD(hash, RepostCredit, link);
  hash = Shape<RepostCredit>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, PostedUpdated, published);
  hash = MORGUE_LAYOUT_FIELD(hash, PostedUpdated, updated);
  hash = Shape<PostedUpdated>(hash);
  hash = MORGUE_LAYOUT_FIELD(hash, Publication, name);
  hash = MORGUE_LAYOUT_FIELD(hash, Publication, country);
  hash = MORGUE_LAYOUT_FIELD(hash, Publication, language);
  hash = MORGUE_LAYOUT_FIELD(hash, Publication, domains);
  hash = MORGUE_LAYOUT_FIELD(hash, Publication, aliases);
  hash = Shape<Publication>(hash);
  return Shape<PublicationDirectory>(hash);
}();
// NOLINTEND(bugprone-sizeof-container)
#pragma GCC diagnostic pop

}  // namespace morgue

#endif  // MORGUE_SDK_LAYOUT_H_
