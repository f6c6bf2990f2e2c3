#include "body_check.h"

#include <algorithm>

#include "import_job.h"

namespace morgue {
namespace {

// Bytes that are not ASCII white space: indentation and blank lines say nothing.
uint64_t TextBytes(std::string_view text) {
  return static_cast<uint64_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
  }));
}

uint64_t TakenBytes(const Article& a) {
  uint64_t bytes = 0;
  for (const std::string* field : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                                   &a.canonical_url, &a.published, &a.updated, &a.source}) {
    bytes += TextBytes(*field);
  }
  for (const Author& author : a.authors) bytes += TextBytes(author.name) + TextBytes(author.email);
  for (const std::string& tag : a.tags) bytes += TextBytes(tag);
  for (const Media& m : a.media) {
    bytes += TextBytes(m.url) + TextBytes(m.caption) + TextBytes(m.credit);
  }
  return bytes;
}

}  // namespace

void BodyCheck::Add(std::string_view input, const std::vector<Article>& articles) {
  input_bytes_ += TextBytes(input);
  for (const Article& article : articles) {
    taken_bytes_ += TakenBytes(article);
    ++articles_;
    bodiless_ += article.body.empty() ? 1 : 0;
  }
}

void BodyCheck::Merge(const BodyCheck& other) {
  input_bytes_ += other.input_bytes_;
  taken_bytes_ += other.taken_bytes_;
  articles_ += other.articles_;
  bodiless_ += other.bodiless_;
}

std::string BodyCheck::Warning() const {
  const uint64_t unread = input_bytes_ > taken_bytes_ ? input_bytes_ - taken_bytes_ : 0;
  if (bodiless_ == 0 || unread <= kUnreadBytesPerArticle * articles_) return "";
  const std::string which = articles_ == 1 ? "the article has"
                                           : std::to_string(bodiless_) + " of " +
                                                 std::to_string(articles_) + " articles have";
  return which + " no body (0 words) though the input holds " + import_job::FormatBytes(unread) +
         " of text that no field took: the importer may have missed the article's text "
         "(check the input, or name another importer with --format)";
}

}  // namespace morgue
