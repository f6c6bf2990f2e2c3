// JSON-LD (schema.org) metadata: the Article-like objects of every
// <script type="application/ld+json">, also inside @graph and arrays, with @id
// references to authors and publishers resolved within the page.

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kRule = "json-ld";
constexpr int kMaxJsonDepth = 32;

bool IsArticleType(const Json& type) {
  if (type.is_array()) {
    for (const Json& each : type) {
      if (IsArticleType(each)) return true;
    }
    return false;
  }
  if (!type.is_string()) return false;
  const std::string name = type.get<std::string>();
  // NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report, ...
  return name.find("Article") != std::string::npos || name.find("Posting") != std::string::npos ||
         name == "Report";
}

// A page rather than what it holds: WebPage and its kinds (ItemPage, AboutPage...).
bool IsPageType(const Json& type) {
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), [](const Json& each) { return IsPageType(each); });
  }
  return type.is_string() && type.get<std::string>().ends_with("Page");
}

// Lower-cased words: runs of ASCII letters and digits, and of non-ASCII bytes.
std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : LowerAscii(text)) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

constexpr double kSimilar = 0.75;

// How much of `text` (by the length of its words) `title` repeats: 1 when every word of
// it is in the title, 0 when none is.
double Similarity(const std::string& text, const std::string& title) {
  const std::vector<std::string> title_words = Words(title);
  const std::set<std::string> known(title_words.begin(), title_words.end());
  size_t total = 0;
  size_t found = 0;
  for (const std::string& word : Words(text)) {
    total += word.size();
    if (known.contains(word)) found += word.size();
  }
  return total == 0 ? 0.0 : static_cast<double>(found) / static_cast<double>(total);
}

std::string StringOf(const Json& value) {
  if (value.is_string()) return CollapseWhitespace(value.get<std::string>());
  if (value.is_array() && !value.empty()) return StringOf(value.front());
  return {};
}

// Every object of the page's JSON-LD, flattened, so @id references can be followed.
void Flatten(const Json& value, std::vector<const Json*>& out) {
  if (value.is_array()) {
    for (const Json& each : value) Flatten(each, out);
  } else if (value.is_object()) {
    out.push_back(&value);
    if (auto graph = value.find("@graph"); graph != value.end()) Flatten(*graph, out);
  }
}

class JsonLdReader {
 public:
  JsonLdReader(const std::vector<const Json*>& objects, std::string document_title,
               PageMetadata& meta)
      : meta_(meta), document_title_(std::move(document_title)) {
    for (const Json* object : objects) {
      if (auto id = object->find("@id"); id != object->end() && id->is_string()) {
        by_id_.emplace(id->get<std::string>(), object);
      }
    }
  }

  void Read(const Json& article) {
    // With both, the one the page's <title> repeats is the article's (Wikipedia's
    // headline is a description of the page type; Aktuálně.cz's name is the site's).
    std::string headline = StringOf(Field(article, "headline"));
    std::string name = StringOf(Field(article, "name"));
    if (!name.empty() && !headline.empty() && name != headline &&
        Similarity(headline, document_title_) <= kSimilar &&
        Similarity(name, document_title_) > kSimilar) {
      std::swap(headline, name);
    }
    Add(meta_.titles, headline.empty() ? name : headline);
    Add(meta_.subtitles, StringOf(Field(article, "alternativeHeadline")));
    Add(meta_.published, StringOf(Field(article, "datePublished")));
    Add(meta_.updated, StringOf(Field(article, "dateModified")));
    Add(meta_.summaries, StringOf(Field(article, "description")));
    Add(meta_.languages, StringOf(Field(article, "inLanguage")));
    if (const Json& url = Field(article, "url"); url.is_string()) Add(meta_.urls, StringOf(url));
    ReadAuthors(Field(article, "author"));
    ReadPublisher(Field(article, "publisher"));
    ReadKeywords(Field(article, "keywords"));
    ReadImages(Field(article, "image"));
  }

  // A WebPage's author: "json-ld-page" (or "json-ld-organization" for a body). SEO
  // plugins fill it with the posting account's display name, so a login (one word
  // without a capital letter, "jdoe") names no one.
  void ReadPageAuthors(const Json& page) {
    const size_t before = meta_.authors.size();
    ReadAuthors(Field(page, "author"), "json-ld-page");
    if (meta_.authors.size() == before) return;
    const std::vector<std::string>& names = meta_.authors.back().names;
    if (std::any_of(names.begin(), names.end(), [](const std::string& name) {
          return name.find(' ') == std::string::npos && LowerAscii(name) == name;
        })) {
      meta_.authors.pop_back();
    }
  }

 private:
  static const Json& Field(const Json& object, const char* name) {
    static const Json kNull;
    auto it = object.find(name);
    return it == object.end() ? kNull : *it;
  }

  // The object an {"@id": ...} reference names, or the value itself.
  const Json& Resolve(const Json& value) const {
    if (value.is_object() && value.size() <= 2 && value.contains("@id")) {
      const Json& id = value["@id"];
      if (id.is_string()) {
        if (auto it = by_id_.find(id.get<std::string>()); it != by_id_.end()) return *it->second;
      }
    }
    return value;
  }

  static void Add(std::vector<Candidate>& to, std::string value) {
    if (!value.empty()) to.push_back({std::move(value), std::string(kRule)});
  }

  void CollectNames(const Json& value, std::vector<std::string>& names) const {
    if (value.is_array()) {
      for (const Json& each : value) CollectNames(each, names);
    } else if (value.is_string()) {
      for (std::string& name : NamesFromText(value.get<std::string>())) {
        names.push_back(std::move(name));
      }
    } else if (value.is_object()) {
      const Json& resolved = Resolve(value);
      if (std::string name = StringOf(Field(resolved, "name")); !name.empty()) {
        // A person's name field may still carry a handle or a label ("X @x", "Von X").
        std::vector<std::string> cleaned = NamesFromText(name);
        if (cleaned.empty()) cleaned.push_back(name);
        for (std::string& each : cleaned) names.push_back(std::move(each));
      }
    }
  }

  // Whether every author object is an organisation (Organization, NewsMediaOrganization,
  // Corporation...): the page names a body, not a person, as its author.
  bool AllOrganisations(const Json& value) const {
    if (value.is_array()) {
      return !value.empty() && std::all_of(value.begin(), value.end(), [this](const Json& each) {
        return AllOrganisations(each);
      });
    }
    if (!value.is_object()) return false;
    const Json& type = Field(Resolve(value), "@type");
    const std::string name = StringOf(type);
    return name.find("Organization") != std::string::npos ||
           name.find("Corporation") != std::string::npos;
  }

  void ReadAuthors(const Json& value, std::string_view person_rule = kRule) {
    std::vector<std::string> names;
    CollectNames(value, names);
    if (names.empty()) return;
    meta_.authors.push_back({std::move(names), AllOrganisations(value)
                                                   ? std::string("json-ld-organization")
                                                   : std::string(person_rule)});
  }

  void ReadPublisher(const Json& value) {
    const Json& publisher = Resolve(value.is_array() && !value.empty() ? value.front() : value);
    if (publisher.is_string()) {
      Add(meta_.sites, StringOf(publisher));
    } else if (publisher.is_object()) {
      Add(meta_.sites, StringOf(Field(publisher, "name")));
    }
  }

  // keywords is one text listing them ("a, b, c"), or an array of keywords; CleanTags
  // (when the tags are chosen) decodes and splits them.
  void ReadKeywords(const Json& value) {
    std::vector<std::string> tags;
    if (value.is_string()) tags = CleanTags({value.get<std::string>()});
    if (value.is_array()) {
      for (const Json& each : value) {
        if (each.is_string()) tags.push_back(each.get<std::string>());
      }
    }
    if (!tags.empty()) meta_.tags.push_back({std::move(tags), std::string(kRule)});
  }

  void ReadImages(const Json& value) {
    if (value.is_array()) {
      for (const Json& each : value) ReadImages(each);
      return;
    }
    const Json& image = Resolve(value);
    if (!image.is_object()) return;
    const std::string caption = StringOf(Field(image, "caption"));
    if (caption.empty()) return;
    CaptionCredit split = SplitCaptionCredit(caption);
    std::string url = StringOf(Field(image, "url"));
    if (url.empty()) url = StringOf(Field(image, "contentUrl"));
    meta_.media.push_back({url, split.caption, split.credit});
  }

  PageMetadata& meta_;
  std::string document_title_;
  std::map<std::string, const Json*> by_id_;
};

}  // namespace

void ExtractJsonLd(Node* root, PageMetadata& meta) {
  std::vector<Json> documents;
  for (Node* script : FindAll(root, [](const Node* node) {
         return IsTag(node, "script") &&
                LowerAscii(Attr(node, "type")).find("ld+json") != std::string::npos;
       })) {
    // The raw script text: Text() skips script content on purpose.
    xmlChar* raw = xmlNodeGetContent(script);
    if (raw == nullptr) continue;
    std::string text = reinterpret_cast<const char*>(raw);
    xmlFree(raw);
    // Pages wrap the JSON in <![CDATA[ ]]> or <!-- -->: drop the wrappers (whose own
    // "[" and "]" are no JSON), then keep what lies between the outermost brackets.
    for (std::string_view wrapper : {"<![CDATA[", "<!--"}) {
      if (const size_t at = text.find(wrapper);
          at != std::string::npos && text.find_first_of("{[") >= at) {
        text.erase(0, at + wrapper.size());
      }
    }
    for (std::string_view wrapper : {"]]>", "-->"}) {
      if (const size_t at = text.rfind(wrapper);
          at != std::string::npos && text.find_last_of("}]", at) != std::string::npos &&
          text.find_first_of("}]", at + wrapper.size()) == std::string::npos) {
        text.erase(at);
      }
    }
    const size_t begin = text.find_first_of("{[");
    if (begin == std::string::npos) continue;
    const size_t end = text.find_last_of(text[begin] == '{' ? '}' : ']');
    if (end == std::string::npos || end < begin) continue;
    // Values nested deeper than any real JSON-LD are dropped while parsing, so that the
    // recursive reads below stay shallow on hostile pages.
    const Json::parser_callback_t shallow = [](int depth, Json::parse_event_t, Json&) {
      return depth <= kMaxJsonDepth;
    };
    Json parsed = Json::parse(text.substr(begin, end - begin + 1), shallow,
                              /*allow_exceptions=*/false);
    if (!parsed.is_discarded()) documents.push_back(std::move(parsed));
  }
  std::vector<const Json*> objects;
  for (const Json& document : documents) Flatten(document, objects);
  Node* title = FindFirst(root, [](const Node* n) { return IsTag(n, "title"); });
  JsonLdReader reader(objects, title == nullptr ? std::string() : CollapseWhitespace(Text(title)),
                      meta);
  const size_t authors_before = meta.authors.size();
  for (const Json* object : objects) {
    if (auto type = object->find("@type"); type != object->end() && IsArticleType(*type)) {
      reader.Read(*object);
    }
  }
  // Without an article object naming its author, the page's own (a WebPage's "author",
  // as SEO plugins write it for posts) names who wrote it.
  if (meta.authors.size() == authors_before) {
    for (const Json* object : objects) {
      if (auto type = object->find("@type"); type != object->end() && IsPageType(*type)) {
        reader.ReadPageAuthors(*object);
      }
    }
  }
}

}  // namespace morgue::html_plugin
