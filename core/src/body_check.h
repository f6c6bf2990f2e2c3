// BodyCheck: notices an input whose importer made articles without a body although the
// input held much more text than the articles' fields took, so that no input becomes an
// article of 0 words without the user being told (README "Importing").
//
// An input is a whole file, or the parts of one read in parts: Add is called once per
// piece with its bytes and the articles made of them, Warning once at the end.
//
// Thread-safety: a plain value type.

#ifndef MORGUE_CORE_BODY_CHECK_H_
#define MORGUE_CORE_BODY_CHECK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/article.h"

namespace morgue {

class BodyCheck {
 public:
  // Text no article field took, per article, above which an article without a body
  // earns a warning: more than a headline and its metadata, less than a short article.
  static constexpr uint64_t kUnreadBytesPerArticle = 300;

  void Add(std::string_view input, const std::vector<Article>& articles);
  void Merge(const BodyCheck& other);

  // Empty, or why the input deserves a warning: "the article has no body (0 words)
  // though the input holds 1.2 KiB of text that no field took: …".
  std::string Warning() const;

 private:
  uint64_t input_bytes_ = 0;  // bytes of the input that are not white space
  uint64_t taken_bytes_ = 0;  // the same, of the articles' fields
  uint64_t articles_ = 0;
  uint64_t bodiless_ = 0;
};

}  // namespace morgue

#endif  // MORGUE_CORE_BODY_CHECK_H_
