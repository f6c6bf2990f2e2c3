// Shared by the fuzz targets: an in-memory ArticleSink, an input's extension as the host
// hands it to the linked plugin, and the checks that turn a result breaking a documented
// promise into an abort, which libFuzzer reports as a crash.
//
// Thread-safety: none needed; libFuzzer calls a target from one thread.

#ifndef MORGUE_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define MORGUE_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/article.h"
#include "morgue/datetime.h"
#include "morgue/plugin.h"
#include "morgue/plugin_registry.h"
#include "morgue/status.h"
#include "morgue/text.h"

// The descriptor of the plugin whose objects the target links (MORGUE_PLUGIN exports it).
extern "C" const void* const morgue_plugin_descriptor;

namespace morgue::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void Fail(std::string_view what, std::string_view value) {
  std::fprintf(stderr, "fuzz check failed: %.*s: '%.*s'\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(value.size()), value.data());
  std::abort();
}

inline void CheckUtf8(std::string_view what, std::string_view value) {
  if (!IsValidUtf8(value)) Fail(std::string(what) + " is not valid UTF-8", value);
}

inline bool HasNonSpace(std::string_view text) {
  return text.find_first_not_of(" \t\n\r\f\v") != std::string_view::npos;
}

// What the archive checks before storing an article (core/src/validate.cc). The html and
// text importers decode any input to UTF-8 themselves, so an article they add must always
// pass: otherwise the whole input fails to import.
inline void CheckStorable(const Article& a) {
  for (const std::string* field : {&a.title, &a.subtitle, &a.body, &a.summary, &a.language, &a.url,
                                   &a.canonical_url, &a.published, &a.updated, &a.source}) {
    CheckUtf8("an article field", *field);
  }
  if (!HasNonSpace(a.title) && !HasNonSpace(a.body)) Fail("an article without title or body", "");
  for (const std::string* date : {&a.published, &a.updated}) {
    if (!date->empty() && !IsIso8601(*date)) Fail("a date that is not ISO 8601", *date);
  }
  for (const Author& author : a.authors) {
    CheckUtf8("an author name", author.name);
    CheckUtf8("an author e-mail", author.email);
    if (!HasNonSpace(author.name)) Fail("an author without a name", author.name);
    if (author.role != "author" && author.role != "poster") Fail("an unknown role", author.role);
  }
  for (const std::string& tag : a.tags) CheckUtf8("a tag", tag);
  for (const Media& m : a.media) {
    CheckUtf8("a media url", m.url);
    CheckUtf8("a caption", m.caption);
    CheckUtf8("a credit", m.credit);
  }
  for (const auto& [field, rule] : a.provenance) {
    CheckUtf8("a provenance field", field);
    CheckUtf8("a provenance rule", rule);
  }
}

// Keeps what an importer adds, checked with CheckStorable when `check` is set.
class MemorySink final : public ArticleSink {
 public:
  explicit MemorySink(bool check) : check_(check) {}
  Status Add(Article article) override {
    if (check_) CheckStorable(article);
    articles_.push_back(std::move(article));
    return Status::OK();
  }
  const std::vector<Article>& articles() const { return articles_; }

 private:
  bool check_;
  std::vector<Article> articles_;
};

// An input's extension as the host hands it to the linked plugin (PluginRegistry fills
// ProbeInput and ImportInput so): lower-cased, with the dot, and whether the plugin's
// descriptor lists it among its extensions (which built-in descriptors write lower-case).
struct HostExtension {
  std::string extension;
  bool own = false;
};

inline HostExtension ExtensionAsHostGives(const std::string& path) {
  HostExtension out{ExtensionOf(path)};
  const auto* descriptor = static_cast<const PluginDescriptor*>(morgue_plugin_descriptor);
  std::string_view rest = descriptor->extensions;
  while (!out.extension.empty() && !rest.empty() && !out.own) {
    const size_t comma = rest.find(',');
    out.own = rest.substr(0, comma) == out.extension;
    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
  }
  return out;
}

// Runs an importer that promises one article per input on `bytes`, as the host would.
inline void ImportOne(Importer& importer, std::string_view bytes, const std::string& path,
                      const std::string& format) {
  const HostExtension extension = ExtensionAsHostGives(path);
  const int score = importer.Probe({.path = path,
                                    .head = bytes.substr(0, kProbeBytes),
                                    .extension = extension.extension,
                                    .own_extension = extension.own});
  if (score < kProbeNo || score > kProbeCertain) Fail("a probe score out of range", path);
  MemorySink sink(/*check=*/true);
  const Status status = importer.Import({.name = path,
                                         .path = path,
                                         .bytes = bytes,
                                         .format = format,
                                         .extension = extension.extension},
                                        sink);
  if (status.ok() && sink.articles().size() != 1) Fail("an import without one article", path);
  if (!status.ok() && status.message().empty()) Fail("a failure without a message", path);
}

}  // namespace morgue::fuzz

#endif  // MORGUE_TESTS_FUZZ_FUZZ_SUPPORT_H_
