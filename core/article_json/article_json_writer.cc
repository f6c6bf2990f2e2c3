// The byte-exact JSON writer (see article_json_writer.h): strings escaped as nlohmann
// escapes them, eight plain bytes a step, and articles written key by key with
// nlohmann's layout, without building a Json value.

#include "core/article_json/article_json_writer.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "core/article_json/article_json.h"
#include "core/article_json/article_keys.h"
#include "morgue/datetime.h"

namespace morgue::article_json {
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
  // As nlohmann writes it (the shortest text that reads back the same), which is what
  // ArticleToJson gives.
  void Number(double value) { out_->append(Json(value).dump()); }
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
    case Kind::kCluster:
      w.Integer(article.cluster);
      return;
    case Kind::kClusterSize:
      w.Integer(article.cluster_size);
      return;
    case Kind::kRevision:
      w.Integer(article.revision);
      return;
    case Kind::kSimilar:
      w.Open('[', article.similar.empty());
      for (const StoryLink& link : article.similar) {
        w.Item();
        w.Open('{', false);
        w.Key("id");
        w.Integer(link.id);
        w.Key("kind");
        w.Text(link.kind);
        w.Key("similarity");
        w.Number(link.similarity);
        w.Close('}', false);
      }
      w.Close(']', article.similar.empty());
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
      case Kind::kCluster:
      case Kind::kClusterSize:
      case Kind::kSimilar:
        parts.story = true;
        break;
      default:
        break;
    }
  }
  return parts;
}

}  // namespace morgue::article_json
