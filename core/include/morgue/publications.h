// The publications directory: news organisations with their canonical names, web and
// e-mail domains and other spellings, shipped with morgue (schema/publications.tsv,
// embedded in libmorgue). Importers use it to name an article's source publication from
// a credit ("(Yonhap)"), a reporter's e-mail domain, a link or og:site_name; archives are
// seeded with it, and users add their own entries with `morgue sources add`.
//
// Thread-safety: the built-in directory is immutable once made and safe to share.

#ifndef MORGUE_PUBLICATIONS_H_
#define MORGUE_PUBLICATIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "morgue/export.h"

namespace morgue {

struct Publication {
  std::string name;                  // canonical, without a leading "The": "Korea Times"
  std::string country;               // ISO 3166-1 alpha-2
  std::string language;              // BCP 47
  std::vector<std::string> domains;  // main first: "koreatimes.co.kr"
  std::vector<std::string> aliases;  // "The Korea Times", "코리아타임스"
};

class MORGUE_EXPORT PublicationDirectory {
 public:
  // The directory compiled into this library.
  static const PublicationDirectory& Builtin();

  // Parses the TSV format of schema/publications.tsv (see schema/PUBLICATIONS.md).
  explicit PublicationDirectory(std::string_view tsv);

  // A publication whose name or alias is `name`, ignoring case, surrounding spaces and a
  // leading "The"; nullptr if none.
  const Publication* FindByName(std::string_view name) const;

  // The publication owning the host of a URL, an e-mail address's domain, or a bare
  // domain; the most specific domain wins ("asia.nikkei.com" before "nikkei.com");
  // nullptr if none.
  const Publication* FindByDomain(std::string_view url_email_or_domain) const;

  // A publication credited in a line of text: "(Yonhap)", "From The Korea Times",
  // "Copyright The Korea Times", "[Reuters]", "— AFP". nullptr if none.
  const Publication* FindCredited(std::string_view line) const;

  const std::vector<Publication>& publications() const { return publications_; }

 private:
  std::vector<Publication> publications_;
  std::unordered_map<std::string, size_t> by_name_;    // name or alias key → index
  std::unordered_map<std::string, size_t> by_domain_;  // domain → index
};

}  // namespace morgue

#endif  // MORGUE_PUBLICATIONS_H_
