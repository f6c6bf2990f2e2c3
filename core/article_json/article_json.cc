// The Article <-> JSON mapping (see article_json.h): reading an article object field by
// field with messages naming the field, and building one as a Json value.

#include "core/article_json/article_json.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/article_json/article_keys.h"
#include "morgue/datetime.h"

namespace morgue::article_json {
namespace {

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
    case Kind::kCluster:
    case Kind::kClusterSize:
    case Kind::kSimilar:
    case Kind::kRevision:
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
    case Kind::kCluster:
      return article.cluster;
    case Kind::kClusterSize:
      return article.cluster_size;
    case Kind::kRevision:
      return article.revision;
    case Kind::kSimilar: {
      Json similar = Json::array();
      for (const StoryLink& link : article.similar) {
        similar.push_back(
            {{"id", link.id}, {"kind", Text(link.kind)}, {"similarity", link.similarity}});
      }
      return similar;
    }
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

}  // namespace morgue::article_json
