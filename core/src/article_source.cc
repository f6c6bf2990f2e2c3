// Which publication an article is from: the name or alias it gives (a leading "The" aside,
// a domain given as the name), else the domain of its own address, else its reporters'
// e-mail domains; a named publication the archive does not know yet is added.

#include <string>
#include <vector>

#include "archive_impl.h"
#include "dedup_keys.h"

namespace morgue {

namespace {

// The host of an http(s) URL, lower-cased, without "www."; empty otherwise.
std::string HostOf(const std::string& url) {
  std::string key = UrlKey(url);
  return key.substr(0, key.find_first_of("/?"));
}

}  // namespace

Result<int64_t> Archive::Impl::SourceByDomain(std::string host) {
  // The most specific known domain wins: news.example.co.kr, then example.co.kr.
  while (host.find('.') != std::string::npos) {
    Result<int64_t> id = db->SelectId("SELECT source_id FROM source_domains WHERE " +
                                          db->dialect().EqualIgnoringCase("domain", "?1"),
                                      host);
    if (!id.ok() || *id != 0) return id;
    host.erase(0, host.find('.') + 1);
  }
  return int64_t{0};
}

Result<int64_t> Archive::Impl::ResolveSource(const Article& a) {
  Result<int64_t> known = KnownSource(a);
  if (!known.ok() || *known != 0 || a.source.empty()) return known;
  // A publication first seen here.
  MORGUE_ASSIGN_OR_RETURN(auto* insert,
                          db->Cached("INSERT INTO sources(name, origin) VALUES (?1, 'import')"));
  insert->Bind(1, a.source);
  return insert->RunForId();
}

Result<int64_t> Archive::Impl::KnownSource(const Article& a) {
  if (!a.source.empty()) {
    // A name or alias the archive knows; a domain given as the name; a leading "The"
    // the directory leaves out.
    std::vector<std::string> names = {a.source};
    if (LowerAscii(a.source).starts_with("the ")) names.push_back(a.source.substr(4));
    for (const std::string& name : names) {
      Result<int64_t> id = FindSource(*db, name);
      if (!id.ok() || *id != 0) return id;
    }
    if (a.source.find(' ') == std::string::npos && a.source.find('.') != std::string::npos) {
      return SourceByDomain(LowerAscii(a.source));
    }
    return int64_t{0};
  }
  // No name: the article's own address, then its reporters' e-mail domains.
  std::vector<std::string> hosts = {HostOf(a.canonical_url), HostOf(a.url)};
  for (const Author& author : a.authors) {
    size_t at = author.email.rfind('@');
    if (author.role == "author" && at != std::string::npos) {
      hosts.push_back(LowerAscii(author.email.substr(at + 1)));
    }
  }
  for (const std::string& host : hosts) {
    if (host.empty()) continue;
    Result<int64_t> id = SourceByDomain(host);
    if (!id.ok() || *id != 0) return id;
  }
  return int64_t{0};
}

}  // namespace morgue
