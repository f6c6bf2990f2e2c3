#include "plugins/json/foreign_json.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"

namespace morgue::json_plugin {
namespace {

// What a tool's key becomes in morgue.
enum class Target {
  kIgnore,        // documented by the tool, accepted with any value, not stored
  kTitle,         // string
  kAuthorNames,   // string of names: "A; B", "By X and Y"
  kAuthorList,    // array of name strings
  kPublished,     // string, a date
  kSourceName,    // string, a publication's name
  kSourceHost,    // string, a host name or URL of the publication
  kUrl,           // string
  kCanonicalUrl,  // string
  kBody,          // string, one paragraph a line
  kTagText,       // string of tags separated by ';' or ',' (or an array of strings)
  kTagList,       // array of strings
  kLanguage,      // string
  kSummary,       // string
  kImage,         // string, an image URL
};

struct ToolKey {
  std::string_view name;
  Target target;
};

// Within a tool, the first key that gives a field wins; tags add up.

// trafilatura's JSON output (xml.py build_json_output): the Document slots with url
// renamed "source", sitename "source-hostname" and description "excerpt"; categories and
// tags joined with ';'. "url", "sitename" and "description" are read too, for output of
// other versions and of callers that dump the metadata as it is.
constexpr std::array<ToolKey, 25> kTrafilatura = {{
    {"title", Target::kTitle},         {"author", Target::kAuthorNames},
    {"date", Target::kPublished},      {"source-hostname", Target::kSourceName},
    {"sitename", Target::kSourceName}, {"hostname", Target::kSourceHost},
    {"source", Target::kUrl},          {"url", Target::kUrl},
    {"text", Target::kBody},           {"categories", Target::kTagText},
    {"tags", Target::kTagText},        {"language", Target::kLanguage},
    {"lang", Target::kLanguage},       {"excerpt", Target::kSummary},
    {"description", Target::kSummary}, {"image", Target::kImage},
    {"id", Target::kIgnore},           {"fingerprint", Target::kIgnore},
    {"license", Target::kIgnore},      {"comments", Target::kIgnore},
    {"raw_text", Target::kIgnore},     {"pagetype", Target::kIgnore},
    {"filedate", Target::kIgnore},     {"body", Target::kIgnore},
    {"commentsbody", Target::kIgnore},
}};

// Readability's parse() result.
constexpr std::array<ToolKey, 10> kReadability = {{
    {"title", Target::kTitle},
    {"byline", Target::kAuthorNames},
    {"publishedTime", Target::kPublished},
    {"siteName", Target::kSourceName},
    {"textContent", Target::kBody},
    {"lang", Target::kLanguage},
    {"excerpt", Target::kSummary},
    {"content", Target::kIgnore},  // HTML; textContent is its text
    {"length", Target::kIgnore},
    {"dir", Target::kIgnore},
}};

// newspaper3k / newspaper4k Article attributes, as dumped by users or by to_json().
constexpr std::array<ToolKey, 27> kNewspaper = {{
    {"title", Target::kTitle},
    {"authors", Target::kAuthorList},
    {"publish_date", Target::kPublished},
    {"meta_site_name", Target::kSourceName},
    {"source_url", Target::kSourceHost},
    {"url", Target::kUrl},
    {"canonical_link", Target::kCanonicalUrl},
    {"text", Target::kBody},
    {"tags", Target::kTagList},
    {"keywords", Target::kTagList},
    {"meta_lang", Target::kLanguage},
    {"language", Target::kLanguage},
    {"summary", Target::kSummary},
    {"meta_description", Target::kSummary},
    {"top_image", Target::kImage},
    {"meta_img", Target::kIgnore},
    {"images", Target::kIgnore},
    {"imgs", Target::kIgnore},
    {"movies", Target::kIgnore},
    {"meta_keywords", Target::kIgnore},
    {"keyword_scores", Target::kIgnore},
    {"meta_favicon", Target::kIgnore},
    {"meta_data", Target::kIgnore},
    {"read_more_link", Target::kIgnore},
    {"article_html", Target::kIgnore},
    {"html", Target::kIgnore},
    {"top_img", Target::kIgnore},
}};

std::span<const ToolKey> KeysOf(Shape shape) {
  switch (shape) {
    case Shape::kTrafilatura:
      return kTrafilatura;
    case Shape::kReadability:
      return kReadability;
    case Shape::kNewspaper:
      return kNewspaper;
    case Shape::kMorgue:
      break;
  }
  return {};
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string Field(std::string_view key) { return "field " + Quoted(key); }

Status WrongType(std::string_view key, std::string_view expected, const Json& found) {
  return Status::Corruption(Field(key) + " must be " + std::string(expected) + ", found " +
                            found.type_name());
}

// A string value, or "" for null; an error for anything else.
Status ReadString(std::string_view key, const Json& value, std::string* out) {
  out->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_string()) {
    return WrongType(key, "a string", value);
  }
  *out = value.get<std::string>();
  return Status::OK();
}

Status ReadStringArray(std::string_view key, const Json& value, std::vector<std::string>* out) {
  out->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_array()) {
    return WrongType(key, "an array of strings", value);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      return Status::Corruption(Field(key) + " item " + std::to_string(i + 1) +
                                " must be a string, found " + value[i].type_name());
    }
    out->push_back(value[i].get<std::string>());
  }
  return Status::OK();
}

std::vector<std::string> SplitAny(std::string_view text, std::string_view separators) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string part = CollapseWhitespace(text.substr(start, end - start));
    if (!part.empty()) {
      parts.push_back(std::move(part));
    }
    start = end + 1;
  }
  return parts;
}

// "A; B" and "By X and Y" through SplitAuthorNames; names it refuses (more than four,
// say) but that the tool separated with ';' are kept as the tool gave them.
std::vector<std::string> AuthorNames(std::string_view text) {
  std::vector<std::string> names = SplitAuthorNames(text);
  if (names.empty() && text.find(';') != std::string_view::npos) {
    names = SplitAny(text, ";");
  }
  return names;
}

// Each non-blank line a paragraph, paragraphs separated by a blank line: trafilatura
// writes one paragraph a line, Readability's textContent keeps the page's line breaks,
// newspaper separates paragraphs with blank lines.
std::string Paragraphs(std::string_view text) {
  std::string body;
  for (const std::string& line : SplitAny(text, "\n")) {
    if (!body.empty()) {
      body += "\n\n";
    }
    body += line;
  }
  return body;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// What ParseDate may not take from these tools: Python's str(datetime) "2011-01-04
// 10:42:00+09:00" (a space for the 'T') and JavaScript's fractional seconds
// "2011-01-04T01:42:00.000Z".
std::string NormaliseIsoish(std::string_view text) {
  std::string date = CollapseWhitespace(text);
  const bool iso_day = date.size() >= 13 && IsDigit(date[0]) && IsDigit(date[3]) &&
                       date[4] == '-' && date[7] == '-' && IsDigit(date[11]) && IsDigit(date[12]);
  if (!iso_day) {
    return date;
  }
  if (date[10] == ' ') {
    date[10] = 'T';
  }
  if (date.size() > 19 && date[10] == 'T' && date[19] == '.') {
    size_t end = 20;
    while (end < date.size() && IsDigit(date[end])) {
      ++end;
    }
    date.erase(19, end - 19);
  }
  return date;
}

// The publication's canonical name for a host or URL, or the host without "www.".
std::string SourceFromHost(std::string_view text) {
  if (const Publication* publication = PublicationDirectory::Builtin().FindByDomain(text)) {
    return publication->name;
  }
  std::string host = CollapseWhitespace(text);
  if (size_t scheme = host.find("://"); scheme != std::string::npos) {
    host.erase(0, scheme + 3);
  }
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.starts_with("www.")) {
    host.erase(0, 4);
  }
  return host;
}

// The canonical name of a known publication named (or, as trafilatura sometimes gives
// it, addressed by its domain) as `text`; otherwise the text as given.
std::string SourceFromName(std::string_view text) {
  const PublicationDirectory& directory = PublicationDirectory::Builtin();
  if (const Publication* publication = directory.FindByName(text)) {
    return publication->name;
  }
  if (const Publication* publication = directory.FindByDomain(text)) {
    return publication->name;
  }
  return CollapseWhitespace(text);
}

class Mapper {
 public:
  Mapper(Shape shape, Article* article) : tool_(ShapeName(shape)), article_(article) {}

  Status Map(const ToolKey& key, const Json& value) {
    switch (key.target) {
      case Target::kIgnore:
        return Status::OK();
      case Target::kTitle:
        return SetText(key.name, value, "title", &article_->title);
      case Target::kUrl:
        return SetText(key.name, value, "url", &article_->url);
      case Target::kCanonicalUrl:
        return SetText(key.name, value, "canonical_url", &article_->canonical_url);
      case Target::kLanguage:
        return SetText(key.name, value, "language", &article_->language);
      case Target::kSummary:
        return SetText(key.name, value, "summary", &article_->summary);
      default:
        break;
    }
    if (key.target == Target::kTagText || key.target == Target::kTagList) {
      return AddTags(key, value);
    }
    if (key.target == Target::kAuthorList) {
      std::vector<std::string> names;
      MORGUE_RETURN_IF_ERROR(ReadStringArray(key.name, value, &names));
      SetAuthors(key.name, names);
      return Status::OK();
    }
    std::string text;
    MORGUE_RETURN_IF_ERROR(ReadString(key.name, value, &text));
    if (CollapseWhitespace(text).empty()) {
      return Status::OK();
    }
    switch (key.target) {
      case Target::kAuthorNames:
        SetAuthors(key.name, AuthorNames(text));
        return Status::OK();
      case Target::kPublished:
        return SetDate(key.name, text);
      case Target::kSourceName:
        Set(key.name, "source", SourceFromName(text), &article_->source);
        return Status::OK();
      case Target::kSourceHost:
        Set(key.name, "source", SourceFromHost(text), &article_->source);
        return Status::OK();
      case Target::kBody:
        Set(key.name, "body", Paragraphs(text), &article_->body);
        return Status::OK();
      case Target::kImage:
        if (article_->media.empty()) {
          Media image;
          image.url = CollapseWhitespace(text);
          article_->media.push_back(std::move(image));
          Note("media", key.name);
        }
        return Status::OK();
      default:
        return Status::OK();
    }
  }

 private:
  void Note(const std::string& field, std::string_view key) {
    std::string& rule = article_->provenance[field];
    rule =
        rule.empty() ? std::string(tool_) + ":" + std::string(key) : rule + "+" + std::string(key);
  }

  // Sets *out to `text` unless an earlier key of the tool gave the field.
  void Set(std::string_view key, const std::string& field, std::string text, std::string* out) {
    if (!out->empty() || text.empty()) {
      return;
    }
    *out = std::move(text);
    Note(field, key);
  }

  Status SetText(std::string_view key, const Json& value, const std::string& field,
                 std::string* out) {
    std::string text;
    MORGUE_RETURN_IF_ERROR(ReadString(key, value, &text));
    Set(key, field, CollapseWhitespace(text), out);
    return Status::OK();
  }

  Status SetDate(std::string_view key, const std::string& text) {
    std::string date = ParseDate(NormaliseIsoish(text));
    if (date.empty()) {
      return Status::Corruption(Field(key) + " is not a date morgue can read: " + Quoted(text));
    }
    Set(key, "published", std::move(date), &article_->published);
    return Status::OK();
  }

  void SetAuthors(std::string_view key, const std::vector<std::string>& names) {
    if (!article_->authors.empty()) {
      return;
    }
    for (const std::string& name : names) {
      std::string clean = CollapseWhitespace(name);
      if (!clean.empty()) {
        Author author;
        author.name = std::move(clean);
        article_->authors.push_back(std::move(author));
      }
    }
    if (!article_->authors.empty()) {
      Note("authors", key);
    }
  }

  Status AddTags(const ToolKey& key, const Json& value) {
    std::vector<std::string> tags;
    if (key.target == Target::kTagText && value.is_string()) {
      tags = SplitAny(value.get<std::string>(), ";,");
    } else {
      const std::string_view expected = key.target == Target::kTagText
                                            ? "a string or an array of strings"
                                            : "an array of strings";
      if (!value.is_null() && !value.is_array()) {
        return WrongType(key.name, expected, value);
      }
      MORGUE_RETURN_IF_ERROR(ReadStringArray(key.name, value, &tags));
    }
    bool added = false;
    for (std::string& tag : tags) {
      tag = CollapseWhitespace(tag);
      if (!tag.empty()) {
        article_->tags.push_back(std::move(tag));
        added = true;
      }
    }
    if (added) {
      Note("tags", key.name);
    }
    return Status::OK();
  }

  std::string_view tool_;
  Article* article_;
};

std::string KeyList(std::span<const ToolKey> keys) {
  std::string list;
  for (const ToolKey& key : keys) {
    list += list.empty() ? "" : ", ";
    list += key.name;
  }
  return list;
}

Status ForeignArticle(Shape shape, const Json& object, Article* article) {
  const std::span<const ToolKey> keys = KeysOf(shape);
  for (const auto& item : object.items()) {
    const std::string& name = item.key();
    auto known = std::find_if(keys.begin(), keys.end(),
                              [&name](const ToolKey& key) { return key.name == name; });
    if (known == keys.end()) {
      return Status::Corruption("unknown field " + Quoted(name) + " in a " +
                                std::string(ShapeName(shape)) +
                                " record; its fields: " + KeyList(keys));
    }
  }
  Mapper mapper(shape, article);
  // In the table's order, so that the first key that gives a field wins.
  for (const ToolKey& key : keys) {
    if (auto it = object.find(key.name); it != object.end()) {
      MORGUE_RETURN_IF_ERROR(mapper.Map(key, *it));
    }
  }
  return Status::OK();
}

}  // namespace

Shape DetectShape(const Json& value) {
  if (!value.is_object()) {
    return Shape::kMorgue;
  }
  const bool all_morgue =
      std::all_of(value.items().begin(), value.items().end(),
                  [](const auto& item) { return article_json::IsAcceptedKey(item.key()); });
  if (all_morgue) {
    return Shape::kMorgue;
  }
  auto has = [&value](std::string_view key) { return value.contains(key); };
  if (has("textContent") || has("byline")) {
    return Shape::kReadability;
  }
  if (has("text") &&
      (has("sitename") || has("source-hostname") || has("hostname") || has("fingerprint"))) {
    return Shape::kTrafilatura;
  }
  if (has("authors") && (has("publish_date") || has("text"))) {
    return Shape::kNewspaper;
  }
  return Shape::kMorgue;
}

std::string_view ShapeName(Shape shape) {
  switch (shape) {
    case Shape::kTrafilatura:
      return "trafilatura";
    case Shape::kReadability:
      return "readability";
    case Shape::kNewspaper:
      return "newspaper";
    case Shape::kMorgue:
      break;
  }
  return "morgue";
}

std::optional<Shape> ShapeForFormat(std::string_view format) {
  for (Shape shape : {Shape::kTrafilatura, Shape::kReadability, Shape::kNewspaper}) {
    if (format == ShapeName(shape)) return shape;
  }
  return std::nullopt;
}

Status ArticleFromAnyJson(const Json& value, Article* article, std::optional<Shape> forced) {
  const Shape shape = forced.value_or(DetectShape(value));
  if (shape == Shape::kMorgue) {
    return article_json::ArticleFromJson(value, article);
  }
  return ForeignArticle(shape, value, article);
}

}  // namespace morgue::json_plugin
