#include "plugins/json/article_json.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <utility>

#include "morgue/datetime.h"

namespace morgue::json_plugin {
namespace {

enum class Kind {
  kId,
  kText,
  kAuthors,
  kTags,
  kTagOrigins,
  kMedia,
  kWordCount,
  kProvenance,
  kPublishedSort
};

struct KeySpec {
  std::string_view name;
  Kind kind;
  std::string Article::*text = nullptr;  // for Kind::kText
};

// The one place that fixes the keys and their order; README.md follows it. The first
// kDefaultKeys are written by default, the rest only when asked for with --fields.
constexpr size_t kDefaultKeys = 17;
constexpr std::array<KeySpec, 18> kKeys = {{
    {"id", Kind::kId},
    {"title", Kind::kText, &Article::title},
    {"subtitle", Kind::kText, &Article::subtitle},
    {"authors", Kind::kAuthors},
    {"published", Kind::kText, &Article::published},
    {"updated", Kind::kText, &Article::updated},
    {"source", Kind::kText, &Article::source},
    {"url", Kind::kText, &Article::url},
    {"canonical_url", Kind::kText, &Article::canonical_url},
    {"language", Kind::kText, &Article::language},
    {"summary", Kind::kText, &Article::summary},
    {"tags", Kind::kTags},
    // Where each tag came from: {"Japan": "page", "to-read": "user"}; "tags" stays as it
    // was, for readers that know nothing of origins.
    {"tag_origins", Kind::kTagOrigins},
    {"media", Kind::kMedia},
    {"word_count", Kind::kWordCount},
    {"provenance", Kind::kProvenance},
    {"body", Kind::kText, &Article::body},
    // Derived from published (see SortableDate); ignored on import.
    {"published_sort", Kind::kPublishedSort},
}};

// Keys the archive derives that are not written by default, accepted on import so that
// output of other tools (or of `morgue show --json`) can be read back.
constexpr std::array<std::string_view, 3> kIgnoredKeys = {"body_hash", "added_at", "documents"};

const KeySpec* FindKey(std::string_view name) {
  for (const KeySpec& spec : kKeys) {
    if (spec.name == name) {
      return &spec;
    }
  }
  return nullptr;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

Status WrongType(const std::string& what, std::string_view expected, const Json& found) {
  return Status::Corruption(what + " must be " + std::string(expected) + ", found " +
                            found.type_name());
}

// Null means "unknown", like an empty string.
Status ReadText(const Json& value, const std::string& what, std::string* out) {
  if (value.is_null()) {
    out->clear();
    return Status::OK();
  }
  if (!value.is_string()) {
    return WrongType(what, "a string", value);
  }
  *out = value.get_ref<const std::string&>();
  return Status::OK();
}

std::string Item(std::string_view key, size_t index) {
  return "field " + Quoted(key) + " item " + std::to_string(index + 1);
}

Status UnknownKey(const std::string& where, const std::string& key, std::string_view valid) {
  return Status::Corruption(where + " has unknown key " + Quoted(key) +
                            "; valid keys: " + std::string(valid));
}

Status ReadAuthor(const Json& value, const std::string& where, Author* author) {
  if (value.is_string()) {
    author->name = value.get_ref<const std::string&>();
    return Status::OK();
  }
  if (!value.is_object()) {
    return WrongType(where, "a string or an object", value);
  }
  for (const auto& [key, item] : value.items()) {
    const std::string what = where + ": key " + Quoted(key);
    if (key == "name") {
      MORGUE_RETURN_IF_ERROR(ReadText(item, what, &author->name));
    } else if (key == "email") {
      MORGUE_RETURN_IF_ERROR(ReadText(item, what, &author->email));
    } else if (key == "role") {
      // The archive checks the value ("author" or "poster") and defaults an empty one.
      MORGUE_RETURN_IF_ERROR(ReadText(item, what, &author->role));
    } else {
      return UnknownKey(where, key, "name, email, role");
    }
  }
  return Status::OK();
}

Status ReadAuthors(const Json& value, std::vector<Author>* authors) {
  authors->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_array()) {
    return WrongType("field 'authors'", "an array", value);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    Author author;
    MORGUE_RETURN_IF_ERROR(ReadAuthor(value[i], Item("authors", i), &author));
    authors->push_back(std::move(author));
  }
  return Status::OK();
}

Status ReadTags(const Json& value, std::vector<std::string>* tags) {
  tags->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_array()) {
    return WrongType("field 'tags'", "an array", value);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      return WrongType(Item("tags", i), "a string", value[i]);
    }
    tags->push_back(value[i].get<std::string>());
  }
  return Status::OK();
}

Status ReadMedia(const Json& value, std::vector<Media>* media) {
  media->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_array()) {
    return WrongType("field 'media'", "an array", value);
  }
  for (size_t i = 0; i < value.size(); ++i) {
    const std::string where = Item("media", i);
    if (!value[i].is_object()) {
      return WrongType(where, "an object", value[i]);
    }
    Media item;
    for (const auto& [key, text] : value[i].items()) {
      const std::string what = where + ": key " + Quoted(key);
      if (key == "url") {
        MORGUE_RETURN_IF_ERROR(ReadText(text, what, &item.url));
      } else if (key == "caption") {
        MORGUE_RETURN_IF_ERROR(ReadText(text, what, &item.caption));
      } else if (key == "credit") {
        MORGUE_RETURN_IF_ERROR(ReadText(text, what, &item.credit));
      } else {
        return UnknownKey(where, key, "url, caption, credit");
      }
    }
    media->push_back(std::move(item));
  }
  return Status::OK();
}

Status ReadProvenance(const Json& value, std::map<std::string, std::string>* provenance) {
  provenance->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_object()) {
    return WrongType("field 'provenance'", "an object", value);
  }
  for (const auto& [key, rule] : value.items()) {
    MORGUE_RETURN_IF_ERROR(
        ReadText(rule, "field 'provenance' key " + Quoted(key), &(*provenance)[key]));
  }
  return Status::OK();
}

// Origins of tags: an object of tag -> "page", "user", "both" or "unknown", as morgue
// writes it. The archive keeps them for the tags in "tags".
Status ReadTagOrigins(const Json& value, std::map<std::string, std::string>* origins) {
  origins->clear();
  if (value.is_null()) {
    return Status::OK();
  }
  if (!value.is_object()) {
    return WrongType("field 'tag_origins'", "an object", value);
  }
  for (const auto& [tag, origin] : value.items()) {
    const std::string what = "field 'tag_origins' key " + Quoted(tag);
    std::string text;
    MORGUE_RETURN_IF_ERROR(ReadText(origin, what, &text));
    if (text != kTagOriginPage && text != kTagOriginUser && text != kTagOriginBoth &&
        text != kTagOriginUnknown) {
      return Status::Corruption(what + ": " + Quoted(text) +
                                " is not an origin (page, user, both, unknown)");
    }
    (*origins)[tag] = text;
  }
  return Status::OK();
}

Status ReadKey(const KeySpec& spec, const Json& value, Article* article) {
  switch (spec.kind) {
    case Kind::kId:
    case Kind::kWordCount:
    case Kind::kPublishedSort:
      return Status::OK();  // the archive assigns and derives these
    case Kind::kText:
      return ReadText(value, "field " + Quoted(spec.name), &(article->*spec.text));
    case Kind::kAuthors:
      return ReadAuthors(value, &article->authors);
    case Kind::kTags:
      return ReadTags(value, &article->tags);
    case Kind::kTagOrigins:
      return ReadTagOrigins(value, &article->tag_origins);
    case Kind::kMedia:
      return ReadMedia(value, &article->media);
    case Kind::kProvenance:
      return ReadProvenance(value, &article->provenance);
  }
  return Status::OK();
}

// Empty strings go out as null: one rule at every level, so "unknown" looks the same
// wherever it appears.
Json Text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json WriteKey(const KeySpec& spec, const Article& article) {
  switch (spec.kind) {
    case Kind::kId:
      return article.id;
    case Kind::kWordCount:
      return article.word_count;
    case Kind::kText:
      return Text(article.*spec.text);
    case Kind::kAuthors: {
      Json authors = Json::array();
      for (const Author& author : article.authors) {
        authors.push_back({{"name", Text(author.name)},
                           {"email", Text(author.email)},
                           {"role", Text(author.role)}});
      }
      return authors;
    }
    case Kind::kTags: {
      Json tags = Json::array();
      for (const std::string& tag : article.tags) {
        tags.push_back(tag);
      }
      return tags;
    }
    case Kind::kTagOrigins: {
      Json origins = Json::object();
      for (const std::string& tag : article.tags) {
        auto origin = article.tag_origins.find(tag);
        origins[tag] = origin == article.tag_origins.end() ? kTagOriginUnknown : origin->second;
      }
      return origins;
    }
    case Kind::kMedia: {
      Json media = Json::array();
      for (const Media& item : article.media) {
        media.push_back({{"url", Text(item.url)},
                         {"caption", Text(item.caption)},
                         {"credit", Text(item.credit)}});
      }
      return media;
    }
    case Kind::kProvenance: {
      Json provenance = Json::object();
      for (const auto& [field, rule] : article.provenance) {
        provenance[field] = Text(rule);
      }
      return provenance;
    }
    case Kind::kPublishedSort:
      return Text(SortableDate(article.published));
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string_view>& ArticleKeys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> names;
    names.reserve(kKeys.size());
    for (const KeySpec& spec : kKeys) {
      names.push_back(spec.name);
    }
    return names;
  }();
  return keys;
}

std::string ArticleKeyList() {
  std::string list;
  for (std::string_view key : ArticleKeys()) {
    if (!list.empty()) {
      list += ", ";
    }
    list += key;
  }
  return list;
}

Status ArticleFromJson(const Json& object, Article* article) {
  if (!object.is_object()) {
    return Status::Corruption(std::string("expected an article object, found ") +
                              object.type_name());
  }
  for (const auto& [key, value] : object.items()) {
    if (const KeySpec* spec = FindKey(key)) {
      MORGUE_RETURN_IF_ERROR(ReadKey(*spec, value, article));
    } else if (std::find(kIgnoredKeys.begin(), kIgnoredKeys.end(), key) == kIgnoredKeys.end()) {
      return Status::Corruption("unknown field " + Quoted(key) +
                                "; valid fields: " + ArticleKeyList() +
                                " (body_hash, added_at and documents are also accepted "
                                "and ignored)");
    }
  }
  return Status::OK();
}

bool IsAcceptedKey(std::string_view key) {
  return FindKey(key) != nullptr ||
         std::find(kIgnoredKeys.begin(), kIgnoredKeys.end(), key) != kIgnoredKeys.end();
}

Status CheckKeys(const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    if (FindKey(key) == nullptr) {
      return Status::InvalidArgument("unknown field " + Quoted(key) +
                                     "; valid fields: " + ArticleKeyList());
    }
  }
  return Status::OK();
}

Json ArticleToJson(const Article& article, const std::vector<std::string>& keys) {
  Json object = Json::object();
  if (keys.empty()) {
    for (size_t i = 0; i < kDefaultKeys; ++i) {
      object[std::string(kKeys[i].name)] = WriteKey(kKeys[i], article);
    }
    return object;
  }
  for (const std::string& key : keys) {
    if (const KeySpec* spec = FindKey(key)) {
      object[key] = WriteKey(*spec, article);
    }
  }
  return object;
}

}  // namespace morgue::json_plugin

namespace morgue::json_plugin {
namespace {

// How many bytes from `p` make one well-formed UTF-8 character (Unicode table 3-7), or 0
// when they do not; then *bad is the length of the maximal ill-formed start, the part
// that nlohmann's decoder rejects as one and replaces by one U+FFFD.
size_t Utf8Length(const unsigned char* p, const unsigned char* end, size_t* bad) {
  const unsigned char lead = *p;
  size_t need = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    *bad = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (p + k >= end || p[k] < low || p[k] > high) {
      *bad = k;
      return 0;
    }
    low = 0x80;
    high = 0xBF;
  }
  return need + 1;
}

// Bytes a JSON string can hold as they are: printable ASCII other than '"' and '\'.
constexpr bool IsPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

// Whether any of the 8 bytes in `word` may not be plain: below 0x20, '"', '\\' or
// above 0x7F (exact for "none", the common case, which lets bodies go 8 bytes a step).
bool AnyNotPlain(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const uint64_t quote = word ^ (kOnes * '"');
  const uint64_t backslash = word ^ (kOnes * '\\');
  const uint64_t found = ((word - kOnes * 0x20) & ~word) | ((quote - kOnes) & ~quote) |
                         ((backslash - kOnes) & ~backslash) | word;
  return (found & kHighs) != 0;
}

void AppendInteger(int64_t value, std::string* out) {
  char digits[24];
  const auto [end, error] = std::to_chars(digits, digits + sizeof digits, value);
  out->append(digits, end);
}

class Writer {
 public:
  Writer(std::string* out, int indent) : out_(out), indent_(indent) {}

  void Null() { out_->append("null"); }
  void Integer(int64_t value) { AppendInteger(value, out_); }
  void String(std::string_view text) { AppendJsonString(text, out_); }
  // Empty is null, as in ArticleToJson.
  void Text(const std::string& text) {
    if (text.empty()) {
      Null();
    } else {
      AppendJsonString(text, out_);
    }
  }

  // Objects and arrays: Open, then Key/Item before each member, then Close. `empty`
  // says there will be no members: nlohmann writes {} and [] then, even when indenting.
  void Open(char bracket, bool empty) {
    out_->push_back(bracket);
    first_ = true;
    if (!empty) ++depth_;
  }
  void Close(char bracket, bool empty) {
    if (!empty) {
      --depth_;
      Newline();
    }
    out_->push_back(bracket);
    first_ = false;
  }
  void Key(std::string_view key) {
    Item();
    AppendJsonString(key, out_);
    out_->append(indent_ < 0 ? ":" : ": ");
  }
  void Item() {
    if (!first_) out_->push_back(',');
    first_ = false;
    Newline();
  }

 private:
  void Newline() {
    if (indent_ < 0) return;
    out_->push_back('\n');
    out_->append(static_cast<size_t>(depth_ * indent_), ' ');
  }

  std::string* out_;
  int indent_;
  int depth_ = 0;
  bool first_ = true;
};

void WriteValue(const KeySpec& spec, const Article& article, Writer& w) {
  switch (spec.kind) {
    case Kind::kId:
      w.Integer(article.id);
      return;
    case Kind::kWordCount:
      w.Integer(article.word_count);
      return;
    case Kind::kText:
      w.Text(article.*spec.text);
      return;
    case Kind::kAuthors:
      w.Open('[', article.authors.empty());
      for (const Author& author : article.authors) {
        w.Item();
        w.Open('{', false);
        w.Key("name");
        w.Text(author.name);
        w.Key("email");
        w.Text(author.email);
        w.Key("role");
        w.Text(author.role);
        w.Close('}', false);
      }
      w.Close(']', article.authors.empty());
      return;
    case Kind::kTags:
      // Tags are strings as they are, even empty (the archive never stores one).
      w.Open('[', article.tags.empty());
      for (const std::string& tag : article.tags) {
        w.Item();
        w.String(tag);
      }
      w.Close(']', article.tags.empty());
      return;
    case Kind::kTagOrigins:
      // In the order of "tags"; a tag the archive has no origin for is "unknown".
      w.Open('{', article.tags.empty());
      for (const std::string& tag : article.tags) {
        auto origin = article.tag_origins.find(tag);
        w.Key(tag);
        w.String(origin == article.tag_origins.end() ? std::string_view(kTagOriginUnknown)
                                                     : std::string_view(origin->second));
      }
      w.Close('}', article.tags.empty());
      return;
    case Kind::kMedia:
      w.Open('[', article.media.empty());
      for (const Media& item : article.media) {
        w.Item();
        w.Open('{', false);
        w.Key("url");
        w.Text(item.url);
        w.Key("caption");
        w.Text(item.caption);
        w.Key("credit");
        w.Text(item.credit);
        w.Close('}', false);
      }
      w.Close(']', article.media.empty());
      return;
    case Kind::kProvenance:
      w.Open('{', article.provenance.empty());
      for (const auto& [field, rule] : article.provenance) {
        w.Key(field);
        w.Text(rule);
      }
      w.Close('}', article.provenance.empty());
      return;
    case Kind::kPublishedSort:
      w.Text(SortableDate(article.published));
      return;
  }
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto* run = p;  // the start of the bytes not copied yet
  out->push_back('"');
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, sizeof word);
      if (!AnyNotPlain(word)) {
        p += 8;
        continue;
      }
    }
    if (IsPlain(*p)) {
      ++p;
      continue;
    }
    if (*p >= 0x80) {
      size_t bad = 0;
      if (const size_t length = Utf8Length(p, end, &bad); length > 0) {
        p += length;
        continue;
      }
      out->append(reinterpret_cast<const char*>(run), p - run);
      out->append("\xEF\xBF\xBD");
      p += bad;
      run = p;
      continue;
    }
    out->append(reinterpret_cast<const char*>(run), p - run);
    switch (*p) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\f':
        out->append("\\f");
        break;
      case '\r':
        out->append("\\r");
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[*p >> 4], kHex[*p & 0xF]};
        out->append(escape, sizeof escape);
      }
    }
    ++p;
    run = p;
  }
  out->append(reinterpret_cast<const char*>(run), p - run);
  out->push_back('"');
}

ArticleJsonWriter::ArticleJsonWriter(const std::vector<std::string>& keys, int indent)
    : indent_(indent) {
  if (keys.empty()) {
    for (size_t i = 0; i < kDefaultKeys; ++i) keys_.push_back(i);
    return;
  }
  for (const std::string& key : keys) {
    const KeySpec* spec = FindKey(key);
    if (spec == nullptr) continue;
    const auto index = static_cast<size_t>(spec - kKeys.data());
    // A key asked for twice is written once, where first asked, as ArticleToJson does.
    if (std::find(keys_.begin(), keys_.end(), index) == keys_.end()) keys_.push_back(index);
  }
}

void ArticleJsonWriter::Append(const Article& article, std::string* out) const {
  Writer w(out, indent_);
  w.Open('{', keys_.empty());
  for (size_t index : keys_) {
    w.Key(kKeys[index].name);
    WriteValue(kKeys[index], article, w);
  }
  w.Close('}', keys_.empty());
}

ArticleParts ArticleJsonWriter::parts() const {
  ArticleParts parts = ArticleParts::None();
  for (size_t index : keys_) {
    switch (kKeys[index].kind) {
      case Kind::kAuthors:
        parts.authors = true;
        break;
      case Kind::kTags:
      case Kind::kTagOrigins:
        parts.tags = true;
        break;
      case Kind::kMedia:
        parts.media = true;
        break;
      case Kind::kProvenance:
        parts.provenance = true;
        break;
      default:
        break;
    }
  }
  return parts;
}

}  // namespace morgue::json_plugin
