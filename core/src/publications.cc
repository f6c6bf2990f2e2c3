#include "morgue/publications.h"

#include <algorithm>
#include <cctype>

#include "dedup_keys.h"
#include "morgue/text.h"
#include "string_helpers.h"

namespace morgue {

std::string_view EmbeddedPublicationsTsv();  // embedded_publications.cc, made at build time

namespace {

// The key names are compared by: ASCII lower-cased, whitespace folded, surrounding
// punctuation and a leading "the " dropped. Other scripts compare as written.
std::string NameKey(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(LowerAscii(static_cast<char>(u)));
  }
  auto is_trim = [](char c) {
    return c == '.' || c == ',' || c == ':' || c == ';' || c == '"' || c == '\'' || c == '-';
  };
  while (!key.empty() && is_trim(key.back())) key.pop_back();
  while (!key.empty() && is_trim(key.front())) key.erase(0, 1);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  while (!key.empty() && key.front() == ' ') key.erase(0, 1);
  if (key.starts_with("the ")) key.erase(0, 4);
  return key;
}

// The host of a URL, the domain of an e-mail address, or the text as a domain.
std::string DomainOf(std::string_view text) {
  std::string host;
  if (size_t at = text.rfind('@');
      at != std::string_view::npos && text.find("://") == std::string_view::npos) {
    host = std::string(text.substr(at + 1));
  } else if (text.find("://") != std::string_view::npos) {
    std::string key = UrlKey(text);
    host = key.substr(0, key.find_first_of("/?"));
  } else {
    host = std::string(text.substr(0, text.find_first_of("/?#")));
  }
  host = LowerAscii(host);
  while (!host.empty() && (host.back() == '.' || host.back() == '>')) host.pop_back();
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

}  // namespace

PublicationDirectory::PublicationDirectory(std::string_view tsv) {
  bool header = true;
  for (const std::string& line : Split(tsv, '\n')) {
    if (header) {  // name, country, language, domains, aliases
      header = false;
      continue;
    }
    std::vector<std::string> fields;
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find('\t', start);
      if (end == std::string::npos) end = line.size();
      fields.push_back(line.substr(start, end - start));
      start = end + 1;
    }
    if (fields.size() < 4 || fields[0].empty()) continue;
    Publication p;
    p.name = fields[0];
    p.country = fields[1];
    p.language = fields[2];
    p.domains = Split(fields[3], ' ');
    if (fields.size() > 4) p.aliases = Split(fields[4], '|');
    publications_.push_back(std::move(p));
  }
  for (size_t i = 0; i < publications_.size(); ++i) {
    const Publication& p = publications_[i];
    by_name_.emplace(NameKey(p.name), i);
    for (const std::string& alias : p.aliases) by_name_.emplace(NameKey(alias), i);
    for (const std::string& domain : p.domains) by_domain_.emplace(DomainOf(domain), i);
  }
}

const PublicationDirectory& PublicationDirectory::Builtin() {
  static const PublicationDirectory directory(EmbeddedPublicationsTsv());
  return directory;
}

const Publication* PublicationDirectory::FindByName(std::string_view name) const {
  auto it = by_name_.find(NameKey(name));
  return it == by_name_.end() ? nullptr : &publications_[it->second];
}

const Publication* PublicationDirectory::FindByDomain(std::string_view text) const {
  std::string host = DomainOf(text);
  // Most specific first: news.example.co.kr, then example.co.kr, then co.kr (never a
  // directory entry, so the walk stops harmlessly).
  while (host.find('.') != std::string::npos) {
    auto it = by_domain_.find(host);
    if (it != by_domain_.end()) return &publications_[it->second];
    host.erase(0, host.find('.') + 1);
  }
  return nullptr;
}

const Publication* PublicationDirectory::FindCredited(std::string_view line) const {
  std::string text = NameKey(line);
  if (text.empty() || text.size() > 200) return nullptr;
  auto try_name = [this](std::string_view candidate) -> const Publication* {
    std::string key = NameKey(candidate);
    // Credits often end with a year or a rights notice: "The Korea Times 2011. All rights".
    for (const char* tail : {" all rights reserved", " all rights"}) {
      if (size_t at = key.find(tail); at != std::string::npos) key.resize(at);
    }
    while (!key.empty() &&
           (std::isdigit(static_cast<unsigned char>(key.back())) || key.back() == ' ' ||
            key.back() == '.' || key.back() == ',' || key.back() == ')' || key.back() == ']')) {
      key.pop_back();
    }
    if (key.empty()) return nullptr;
    auto it = by_name_.find(NameKey(key));
    return it == by_name_.end() ? nullptr : &publications_[it->second];
  };
  if (const Publication* whole = try_name(text)) return whole;
  // "(Yonhap)", "[Reuters]" anywhere, typically at the end of the body or a caption.
  for (auto [open, close] : {std::pair{'(', ')'}, std::pair{'[', ']'}}) {
    size_t end = text.rfind(close);
    size_t start = end == std::string::npos ? std::string::npos : text.rfind(open, end);
    if (start != std::string::npos) {
      if (const Publication* p = try_name(text.substr(start + 1, end - start - 1))) return p;
    }
  }
  // "From The Korea Times", "Copyright Yonhap", "© AFP", "Source: Reuters".
  for (const char* lead :
       {"from ", "copyright ", "(c) ", "© ", "source: ", "courtesy of ", "originally published in ",
        "originally published by ", "this article first appeared in ", "reprinted from "}) {
    // The lead opens the line (after brackets or dashes at most): in "Passengers queued
    // from dawn." the words are the sentence's, not a credit.
    const size_t at = text.find(lead);
    const bool opens =
        at != std::string::npos &&
        std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at),
                    [](char c) { return std::isalnum(static_cast<unsigned char>(c)) == 0; });
    if (opens) {
      std::string rest = text.substr(at + std::string_view(lead).size());
      if (rest.starts_with("© ")) rest.erase(0, std::string_view("© ").size());
      if (const Publication* p = try_name(rest)) return p;
    }
  }
  // "— AFP", "- Reuters" at the end.
  for (const char* dash : {"— ", "– ", " - "}) {
    if (size_t at = text.rfind(dash); at != std::string::npos) {
      if (const Publication* p = try_name(text.substr(at + std::string_view(dash).size()))) {
        return p;
      }
    }
  }
  return nullptr;
}

}  // namespace morgue
