// <meta> tags (OpenGraph, article:*, Dublin Core, Highwire citation_*, Parse.ly,
// Sailthru, plain name=author/date/keywords...) and <link rel=canonical>.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

enum class Field { kTitle, kAuthor, kPublished, kUpdated, kSite, kUrl, kTags, kSummary, kLanguage };

struct MetaRule {
  std::string_view key;  // property / name / itemprop, lower-case
  Field field;
};

// In document order each key adds a candidate named after the key itself (e.g.
// "og:title"); article_builder.cc ranks them.
constexpr auto kMetaRules = std::to_array<MetaRule>({
    {"og:title", Field::kTitle},
    {"twitter:title", Field::kTitle},
    {"dc:title", Field::kTitle},
    {"dcterm:title", Field::kTitle},
    {"dc.title", Field::kTitle},
    {"dcterms.title", Field::kTitle},
    {"citation_title", Field::kTitle},
    {"parsely-title", Field::kTitle},
    {"sailthru.title", Field::kTitle},
    {"headline", Field::kTitle},
    {"author", Field::kAuthor},
    {"article:author", Field::kAuthor},
    {"og:article:author", Field::kAuthor},
    {"byl", Field::kAuthor},
    {"dc:creator", Field::kAuthor},
    {"dcterm:creator", Field::kAuthor},
    {"dc.creator", Field::kAuthor},
    {"dcterms.creator", Field::kAuthor},
    {"citation_author", Field::kAuthor},
    {"parsely-author", Field::kAuthor},
    {"sailthru.author", Field::kAuthor},
    {"article:published_time", Field::kPublished},
    {"og:article:published_time", Field::kPublished},
    {"datepublished", Field::kPublished},
    {"date", Field::kPublished},
    {"pubdate", Field::kPublished},
    {"publishdate", Field::kPublished},
    {"publish-date", Field::kPublished},
    {"dc.date", Field::kPublished},
    {"dc.date.issued", Field::kPublished},
    {"dcterms.date", Field::kPublished},
    {"dcterms.issued", Field::kPublished},
    {"dcterms.created", Field::kPublished},
    {"citation_publication_date", Field::kPublished},
    {"citation_date", Field::kPublished},
    {"parsely-pub-date", Field::kPublished},
    {"sailthru.date", Field::kPublished},
    {"article:modified_time", Field::kUpdated},
    {"og:updated_time", Field::kUpdated},
    {"datemodified", Field::kUpdated},
    {"dc.date.modified", Field::kUpdated},
    {"dcterms.modified", Field::kUpdated},
    {"og:site_name", Field::kSite},
    {"dc.publisher", Field::kSite},
    {"dcterms.publisher", Field::kSite},
    {"citation_publisher", Field::kSite},
    {"citation_journal_title", Field::kSite},
    {"og:url", Field::kUrl},
    {"article:tag", Field::kTags},
    {"news_keywords", Field::kTags},
    {"keywords", Field::kTags},
    {"parsely-tags", Field::kTags},
    {"sailthru.tags", Field::kTags},
    {"description", Field::kSummary},
    {"og:description", Field::kSummary},
    {"twitter:description", Field::kSummary},
    {"dc.description", Field::kSummary},
    {"og:locale", Field::kLanguage},
    {"content-language", Field::kLanguage},
});

bool LooksLikeUrl(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://") || text.starts_with("//");
}

// Adds `values` to the last candidate when it came from the same key (repeated
// article:tag or citation_author tags), or as a new candidate.
template <typename C>
void AddList(std::vector<C>& to, std::vector<std::string> values, std::string_view rule,
             std::vector<std::string> C::*member) {
  if (values.empty()) return;
  if (!to.empty() && to.back().rule == rule) {
    auto& list = to.back().*member;
    list.insert(list.end(), values.begin(), values.end());
    return;
  }
  C candidate;
  candidate.*member = std::move(values);
  candidate.rule = std::string(rule);
  to.push_back(std::move(candidate));
}

void AddMeta(const MetaRule& rule, const std::string& content, PageMetadata& meta) {
  const std::string value = CollapseWhitespace(content);
  if (value.empty()) return;
  const std::string name(rule.key);
  switch (rule.field) {
    case Field::kTitle:
      meta.titles.push_back({value, name});
      break;
    case Field::kAuthor:
      // article:author is often a profile URL, which names no one.
      if (!LooksLikeUrl(value)) {
        AddList(meta.authors, NamesFromText(value), name, &NamesCandidate::names);
      }
      break;
    case Field::kPublished:
      meta.published.push_back({value, name});
      break;
    case Field::kUpdated:
      meta.updated.push_back({value, name});
      break;
    case Field::kSite:
      meta.sites.push_back({value, name});
      break;
    case Field::kUrl:
      meta.urls.push_back({value, name});
      break;
    case Field::kTags:
      // article:tag names one tag per tag (a repeated one adds up); the other keys hold a
      // list in one text, which CleanTags decodes and splits.
      AddList(meta.tags,
              rule.key == "article:tag" ? std::vector<std::string>{value} : CleanTags({value}),
              name, &ListCandidate::values);
      break;
    case Field::kSummary:
      meta.summaries.push_back({value, name});
      break;
    case Field::kLanguage:
      meta.languages.push_back({value, name});
      break;
  }
}

// A meta tag's keys: property, name, itemprop and http-equiv may each name it, and
// property may hold several space-separated keys.
std::vector<std::string> MetaKeys(const Node* node) {
  std::vector<std::string> keys;
  for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
    const std::string value = LowerAscii(Attr(node, attr));
    size_t pos = 0;
    while (pos < value.size()) {
      size_t end = value.find(' ', pos);
      if (end == std::string::npos) end = value.size();
      if (end > pos) keys.push_back(value.substr(pos, end - pos));
      pos = end + 1;
    }
  }
  return keys;
}

// Labels of the "twitter:labelN"/"twitter:dataN" pairs (shown in link previews) that say
// the paired value is the article's writer, in the languages blog engines write them.
bool IsWriterLabel(const std::string& label) {
  const std::string lower = LowerAscii(CollapseWhitespace(label));
  for (std::string_view writer :
       {"written by", "author", "verfasst von", "geschrieben von", "autor", "autorin", "écrit par",
        "auteur", "escrito por", "scritto da", "autore", "geschreven door", "skrevet av",
        "skrevet af", "skriven av", "napisane przez", "napsal", "автор", "yazar"}) {
    if (lower == writer) return true;
  }
  return false;
}

// twitter:label1 "Verfasst von" + twitter:data1 "Nina Falk": the writer as the page's
// engine states it.
void ExtractLabelledWriter(const std::map<std::string, std::string>& labels,
                           const std::map<std::string, std::string>& data, PageMetadata& meta) {
  for (const auto& [number, label] : labels) {
    auto value = data.find(number);
    if (value == data.end() || !IsWriterLabel(label)) continue;
    if (std::vector<std::string> names = NamesFromText(CollapseWhitespace(value->second));
        !names.empty()) {
      meta.authors.push_back({std::move(names), "twitter:data"});
      return;
    }
  }
}

}  // namespace

void ExtractMetaTags(Node* root, PageMetadata& meta) {
  std::map<std::string, std::string> twitter_labels;
  std::map<std::string, std::string> twitter_data;
  Walk(root, [&](Node* node) {
    if (IsTag(node, "meta") && HasAttr(node, "content")) {
      const std::string content = Attr(node, "content");
      for (const std::string& key : MetaKeys(node)) {
        if (key.starts_with("twitter:label")) twitter_labels[key.substr(13)] = content;
        if (key.starts_with("twitter:data")) twitter_data[key.substr(12)] = content;
        for (const MetaRule& rule : kMetaRules) {
          if (rule.key == key) AddMeta(rule, content, meta);
        }
      }
    } else if (IsTag(node, "link") && HasToken(node, "rel", "canonical")) {
      if (std::string href = CollapseWhitespace(Attr(node, "href")); !href.empty()) {
        meta.urls.push_back({href, "link-canonical"});
      }
    }
    return true;
  });
  ExtractLabelledWriter(twitter_labels, twitter_data, meta);
}

}  // namespace morgue::html_plugin
