#include "validate.h"

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "morgue/datetime.h"
#include "morgue/text.h"
#include "string_helpers.h"

namespace morgue {
namespace {

std::string FoldSpaces(std::string_view s) {
  std::string out;
  bool pending = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

Status CheckUtf8(std::string_view field, std::string_view value) {
  if (IsValidUtf8(value)) return Status::OK();
  return Status::InvalidArgument("field '" + std::string(field) + "' is not valid UTF-8 text");
}

Status CheckDate(std::string_view field, const std::string& value) {
  if (value.empty() || IsIso8601(value)) return Status::OK();
  return Status::InvalidArgument("field '" + std::string(field) + "': '" + value +
                                 "' is not an ISO 8601 date (write 2011-01-04 or "
                                 "2011-01-04T19:42:00+09:00)");
}

}  // namespace

std::string NormalizeTag(std::string_view tag) { return FoldSpaces(tag); }

bool IsTagOrigin(std::string_view origin) {
  return origin == kTagOriginPage || origin == kTagOriginUser || origin == kTagOriginBoth ||
         origin == kTagOriginUnknown;
}

std::string MergeTagOrigins(std::string_view stored, std::string_view added) {
  if (stored == added || added == kTagOriginUnknown) return std::string(stored);
  if (stored == kTagOriginUnknown) return std::string(added);
  return kTagOriginBoth;
}

std::string NormalizeBody(std::string_view body) {
  std::string out;
  out.reserve(body.size());
  size_t blank_lines = 0;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    while (!line.empty() && IsAsciiSpace(line.back())) line.remove_suffix(1);
    if (line.empty()) {
      ++blank_lines;
    } else {
      if (!out.empty()) out += blank_lines > 0 ? "\n\n" : "\n";
      out += line;
      blank_lines = 0;
    }
    pos = end + 1;
  }
  return out;
}

Status NormalizeAndValidate(Article& a, const std::vector<std::string>& user_tags) {
  struct Field {
    const char* name;
    std::string* value;
  };
  const Field scalars[] = {
      {"title", &a.title},         {"subtitle", &a.subtitle}, {"summary", &a.summary},
      {"language", &a.language},   {"url", &a.url},           {"canonical_url", &a.canonical_url},
      {"published", &a.published}, {"updated", &a.updated},   {"source", &a.source},
  };
  // NUL characters cut text short in SQLite's functions and in most readers; an input
  // that has them is merely odd, so they are dropped rather than refused.
  for (const Field& field : scalars) std::erase(*field.value, '\0');
  std::erase(a.body, '\0');
  for (Author& author : a.authors) {
    std::erase(author.name, '\0');
    std::erase(author.email, '\0');
  }
  for (std::string& tag : a.tags) std::erase(tag, '\0');
  for (Media& m : a.media) {
    std::erase(m.url, '\0');
    std::erase(m.caption, '\0');
    std::erase(m.credit, '\0');
  }
  for (const Field& field : scalars) {
    MORGUE_RETURN_IF_ERROR(CheckUtf8(field.name, *field.value));
    *field.value = FoldSpaces(*field.value);
  }
  MORGUE_RETURN_IF_ERROR(CheckUtf8("body", a.body));
  a.body = NormalizeBody(a.body);
  if (a.title.empty() && a.body.empty()) {
    return Status::InvalidArgument("an article needs a title or a body; this one has neither");
  }
  MORGUE_RETURN_IF_ERROR(CheckDate("published", a.published));
  MORGUE_RETURN_IF_ERROR(CheckDate("updated", a.updated));

  for (size_t i = 0; i < a.authors.size(); ++i) {
    Author& author = a.authors[i];
    std::string where = "authors[" + std::to_string(i) + "]";
    MORGUE_RETURN_IF_ERROR(CheckUtf8(where + ".name", author.name));
    MORGUE_RETURN_IF_ERROR(CheckUtf8(where + ".email", author.email));
    author.name = FoldSpaces(author.name);
    author.email = std::string(TrimAscii(author.email));
    if (author.role.empty()) author.role = "author";
    if (author.name.empty()) {
      return Status::InvalidArgument("field '" + where + ".name' is empty: an author needs a name");
    }
    if (author.role != "author" && author.role != "poster") {
      return Status::InvalidArgument("field '" + where + ".role': '" + author.role +
                                     "' is not a role; use 'author' or 'poster'");
    }
  }

  // Each tag once, with where it came from. The input's tags are the page's and are
  // cleaned (split into one tag each, machine tokens dropped), except those whose origin
  // the input states, as a morgue export does: those were cleaned when first archived.
  // `user_tags` are the user's, as given.
  std::vector<std::string> tags;
  std::map<std::string, std::string> origins;
  std::map<std::string, size_t> index;  // ASCII-lower-cased name -> position in `tags`
  auto add = [&](std::string tag, const std::string& origin) {
    if (tag.empty()) return;
    auto [at, inserted] = index.try_emplace(LowerAscii(tag), tags.size());
    if (inserted) {
      origins[tag] = origin;
      tags.push_back(std::move(tag));
      return;
    }
    std::string& existing = origins[tags[at->second]];
    existing = MergeTagOrigins(existing, origin);
  };
  std::vector<std::string> page_tags;
  std::vector<std::pair<std::string, std::string>> stated;  // tag, origin
  for (const std::string& raw : a.tags) {
    MORGUE_RETURN_IF_ERROR(CheckUtf8("tags", raw));
    auto origin = a.tag_origins.find(raw);
    if (origin != a.tag_origins.end() && IsTagOrigin(origin->second)) {
      stated.emplace_back(NormalizeTag(raw), origin->second);
    } else {
      page_tags.push_back(raw);
    }
  }
  for (auto& [tag, origin] : stated) add(std::move(tag), origin);
  // Kept as the importer gives them (only trimmed): an importer reading pages cleans what
  // it reads (the html plugin with CleanTags); a JSON record or an older morgue export is
  // the user's own data, and "2011", "to_read" or "Smith, John" stay as they are.
  for (const std::string& raw : page_tags) add(NormalizeTag(raw), kTagOriginPage);
  for (std::string raw : user_tags) {
    std::erase(raw, '\0');
    MORGUE_RETURN_IF_ERROR(CheckUtf8("tags", raw));
    add(NormalizeTag(raw), kTagOriginUser);
  }
  a.tags = std::move(tags);
  a.tag_origins = std::move(origins);

  std::vector<Media> media;
  for (Media& m : a.media) {
    MORGUE_RETURN_IF_ERROR(CheckUtf8("media.url", m.url));
    MORGUE_RETURN_IF_ERROR(CheckUtf8("media.caption", m.caption));
    MORGUE_RETURN_IF_ERROR(CheckUtf8("media.credit", m.credit));
    m.url = std::string(TrimAscii(m.url));
    m.caption = FoldSpaces(m.caption);
    m.credit = FoldSpaces(m.credit);
    if (!m.url.empty() || !m.caption.empty() || !m.credit.empty()) media.push_back(std::move(m));
  }
  a.media = std::move(media);

  for (const auto& [field, rule] : a.provenance) {
    MORGUE_RETURN_IF_ERROR(CheckUtf8("provenance", field));
    MORGUE_RETURN_IF_ERROR(CheckUtf8("provenance", rule));
  }
  return Status::OK();
}

}  // namespace morgue
