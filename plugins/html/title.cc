#include "plugins/html/title.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/text.h"
#include "plugins/html/body_meta.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

constexpr size_t kMaxTitleBytes = 2000;

// Metadata titles in order of trust (plugins/html/README.md lists them). The entry
// titles of blog engines and itemprop=headline are shown on the page as well.
constexpr auto kTitleOrder = std::to_array<std::string_view>(
    {"json-ld", "dc:title", "dcterm:title", "dc.title", "dcterms.title", "og:title", "headline",
     "twitter:title", "citation_title", "parsely-title", "sailthru.title", "itemprop-headline",
     "wordpress-entry-title", "blogger-post-title", "hentry-title", "html-title"});
constexpr auto kShownRules = std::to_array<std::string_view>(
    {"wordpress-entry-title", "blogger-post-title", "hentry-title", "itemprop-headline"});

// What stands between a headline and a site's name or a section in a title, as written
// in a comparison key (see Key: dashes are "-" there).
constexpr auto kKeySeparators = std::to_array<std::string_view>(
    {" | ", " - ", " : ", ": ", " :: ", " \xC2\xBB ", " \xC2\xAB ", " / ", " // ", " \xC2\xB7 ",
     " \xE2\x80\xA2 ", " \xE2\x94\x82 ", " \xE2\x80\xBA ", " \xE2\x80\xB9 ", " > ", " >> ", " ~ ",
     " \\ "});
// The same in the page's own spelling, for cutting a title.
constexpr auto kSeparators = std::to_array<std::string_view>({" | ",
                                                              " - ",
                                                              " \xE2\x80\x93 ",
                                                              " \xE2\x80\x94 ",
                                                              " : ",
                                                              ": ",
                                                              " :: ",
                                                              " \xC2\xBB ",
                                                              " \xC2\xAB ",
                                                              " / ",
                                                              " // ",
                                                              " \xC2\xB7 ",
                                                              " \xE2\x80\xA2 ",
                                                              " \xE2\x94\x82 ",
                                                              " \xE2\x80\xBA ",
                                                              " \xE2\x80\xB9 ",
                                                              " > ",
                                                              " >> ",
                                                              " ~ ",
                                                              " \\ "});

// Spellings that differ between a page's headline and its metadata copies.
constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
    {"\xE2\x80\x93", "-"},  {"\xE2\x80\x94", "-"},  {"\xE2\x88\x92", "-"},  {"\xE2\x80\x9C", "\""},
    {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x9E", "\""}, {"\xE2\x80\x9F", "\""}, {"\xE2\x80\x98", "'"},
    {"\xE2\x80\x99", "'"},  {"\xE2\x80\x9A", "'"},  {"\xC2\xB4", "'"},      {"\xE2\x80\xA6", "..."},
    {"\xC2\xA0", " "},      {"\xC2\xAD", ""}};

// The lower-case form of the capital `letter` in the Latin, Greek and Cyrillic alphabets
// (a headline set in capitals and its metadata copy in sentence case are one headline),
// or `letter` itself.
char32_t LowerLetter(char32_t letter) {
  if (letter >= U'A' && letter <= U'Z') return letter + 0x20;
  if (letter >= 0xC0 && letter <= 0xDE && letter != 0xD7) return letter + 0x20;  // À-Þ
  if (letter == 0x178) return 0xFF;                                              // Ÿ
  if (letter >= 0x100 && letter <= 0x17E && letter != 0x130 && letter != 0x131 && letter != 0x138 &&
      letter != 0x149) {
    // Latin Extended-A pairs each capital with the next code point: at even code points,
    // and at odd ones from U+0139 to U+0148 and from U+0179.
    const bool odd_pairs = (letter >= 0x139 && letter <= 0x148) || letter >= 0x179;
    const bool capital = odd_pairs ? (letter % 2 == 1) : (letter % 2 == 0);
    return capital ? letter + 1 : letter;
  }
  if (letter >= 0x391 && letter <= 0x3A9 && letter != 0x3A2) return letter + 0x20;  // Greek
  if (letter >= 0x410 && letter <= 0x42F) return letter + 0x20;  // Cyrillic А-Я
  if (letter >= 0x400 && letter <= 0x40F) return letter + 0x50;  // Ѐ-Џ
  return letter;
}

// `text` with the capitals LowerLetter knows lower-cased; other bytes, and bytes that are
// not well-formed UTF-8, as they are.
std::string LowerLetters(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t length = lead < 0x80 ? 1 : lead >= 0xC0 && lead < 0xE0 ? 2 : 0;
    if (length == 1) {
      out += static_cast<char>(LowerLetter(lead));
      ++i;
      continue;
    }
    if (length == 2 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      const char32_t letter =
          LowerLetter(((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu));
      out += static_cast<char>(0xC0 | (letter >> 6));
      out += static_cast<char>(0x80 | (letter & 0x3F));
      i += 2;
      continue;
    }
    out += text[i++];
  }
  return out;
}

// Text as compared: typographic dashes, quotes and the ellipsis in one spelling each,
// lower-cased, whitespace collapsed.
std::string Key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kSpellings) {
      if (text.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += text[i++];
  }
  return LowerLetters(CollapseWhitespace(out));
}

// Letters and digits only: "Garten Freund", "garten-freund" and "GartenFreund" are one name.
std::string Squeezed(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    }
  }
  return out;
}

bool StartsWithAny(std::string_view text, std::span<const std::string_view> separators) {
  return std::any_of(separators.begin(), separators.end(),
                     [text](std::string_view s) { return text.starts_with(s); });
}

bool EndsWithAny(std::string_view text, std::span<const std::string_view> separators) {
  return std::any_of(separators.begin(), separators.end(),
                     [text](std::string_view s) { return text.ends_with(s); });
}

// The names the site goes by: its site name(s) and the host of its address, each
// squeezed ("daheimsolar", "backende" and "backen").
class SiteNames {
 public:
  explicit SiteNames(const PageMetadata& meta) {
    for (const Candidate& site : meta.sites) {
      const std::string key = Key(DecodeLeftoverEntities(site.value));
      Add(key);
      // A site named by its domain ("Example.de").
      if (key.find(' ') == std::string::npos && key.find('.') != std::string::npos) AddLabel(key);
      // "Site | What the site is about": the name is its first part.
      for (std::string_view separator : kKeySeparators) {
        if (const size_t at = key.find(separator); at != std::string::npos) {
          Add(key.substr(0, at));
        }
      }
    }
    for (const Candidate& url : meta.urls) {
      std::string_view host(url.value);
      const size_t scheme = host.find("://");
      if (scheme == std::string_view::npos) continue;
      host = host.substr(scheme + 3);
      host = host.substr(0, host.find_first_of("/?#:"));
      if (host.starts_with("www.")) host.remove_prefix(4);
      const std::string lower = LowerAscii(host);
      if (lower.find('.') == std::string::npos) continue;
      hosts_.push_back(lower);
      Add(lower);
      AddLabel(lower);
    }
  }

  // A whole title part that names the site: "Site", "site.de", "Rezept von Site.de".
  bool IsSite(std::string_view part_key) const {
    const std::string squeezed = Squeezed(part_key);
    return !squeezed.empty() && std::find(names_.begin(), names_.end(), squeezed) != names_.end();
  }

  // A title's part at its start or end that names the site: as IsSite, or a short part
  // that starts with the host's name ("Example Magazin" on example.de).
  bool IsSitePart(std::string_view part_key) const {
    if (IsSite(part_key)) return true;
    const std::string squeezed = Squeezed(part_key);
    if (WordCount(part_key) <= 3) {
      for (const std::string& label : labels_) {
        if (squeezed.starts_with(label)) return true;
      }
    }
    // The site's name cut to its first word ("Example" of "Example Magazine").
    if (part_key.find(' ') == std::string_view::npos && squeezed.size() >= 3) {
      for (const std::string& name : names_) {
        if (name.size() > squeezed.size() && name.starts_with(squeezed)) return true;
      }
    }
    // A bare domain name ("example.de").
    if (part_key.find(' ') == std::string_view::npos) {
      const size_t dot = part_key.rfind('.');
      const std::string_view tld = dot == std::string_view::npos ? "" : part_key.substr(dot + 1);
      if (dot > 0 && tld.size() >= 2 && tld.size() <= 6 &&
          std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        return true;
      }
    }
    // A short part naming the host ("Zobacz na example.pl").
    if (WordCount(part_key) <= 5) {
      for (const std::string& host : hosts_) {
        if (part_key.find(host) != std::string_view::npos) return true;
      }
    }
    return false;
  }

 private:
  void Add(std::string_view key) {
    std::string squeezed = Squeezed(key);
    if (squeezed.size() >= 3) names_.push_back(std::move(squeezed));
  }

  // The first label of a domain: "example" of "example.de".
  void AddLabel(std::string_view domain) {
    std::string label = Squeezed(domain.substr(0, domain.find('.')));
    Add(label);
    if (label.size() >= 5) labels_.push_back(std::move(label));
  }

  std::vector<std::string> names_;
  std::vector<std::string> labels_;  // of at least five letters
  std::vector<std::string> hosts_;
};

// Where `separator` cuts `title` last or first, with the separator's length.
struct Cut {
  size_t at = std::string::npos;
  size_t length = 0;
};

Cut LastCut(std::string_view title) {
  Cut cut;
  for (std::string_view separator : kSeparators) {
    const size_t at = title.rfind(separator);
    if (at == std::string_view::npos) continue;
    // " :: " holds ": ": the longer separator that ends at the same place wins.
    if (cut.at == std::string::npos || at + separator.size() > cut.at + cut.length) {
      cut = {at, separator.size()};
    }
  }
  return cut;
}

Cut FirstCut(std::string_view title) {
  Cut cut;
  for (std::string_view separator : kSeparators) {
    const size_t at = title.find(separator);
    if (at == std::string_view::npos) continue;
    if (cut.at == std::string::npos || at < cut.at ||
        (at == cut.at && separator.size() > cut.length)) {
      cut = {at, separator.size()};
    }
  }
  return cut;
}

// `title` without what is left of a run of separators at its ends ("site.de // »
// Headline" without "site.de").
std::string TrimSeparators(std::string_view title) {
  constexpr auto kSeparatorMarks = std::to_array<std::string_view>(
      {" ", "|", "-", ":", "/", "\\", ">", "~", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB",
       "\xC2\xAB", "\xC2\xB7", "\xE2\x80\xA2", "\xE2\x94\x82", "\xE2\x80\xBA", "\xE2\x80\xB9"});
  for (bool trimmed = true; trimmed && !title.empty();) {
    trimmed = false;
    for (std::string_view mark : kSeparatorMarks) {
      if (title.starts_with(mark)) {
        title.remove_prefix(mark.size());
        trimmed = true;
      }
      if (title.ends_with(mark)) {
        title.remove_suffix(mark.size());
        trimmed = true;
      }
    }
  }
  return CollapseWhitespace(title);
}

// `title` without the parts at either end that name the site ("Headline - Site",
// "Site | Headline", "Headline – Rezept von site.de"), in the page's own spelling.
std::string WithoutSite(std::string title, const SiteNames& sites) {
  bool cut = false;
  for (bool changed = true; changed; cut |= changed) {
    changed = false;
    if (const Cut cut = LastCut(title); cut.at != std::string::npos && cut.at > 0 &&
                                        sites.IsSitePart(Key(title.substr(cut.at + cut.length)))) {
      title.resize(cut.at);
      changed = true;
    }
    if (const Cut cut = FirstCut(title); cut.at != std::string::npos && cut.at > 0 &&
                                         cut.at + cut.length < title.size() &&
                                         sites.IsSitePart(Key(title.substr(0, cut.at)))) {
      title.erase(0, cut.at + cut.length);
      changed = true;
    }
  }
  return cut ? TrimSeparators(title) : CollapseWhitespace(title);
}

// Whether the title `key` is the headline `headline` followed by the site's name or a
// section ("Headline | Site").
bool StartsWithHeadline(std::string_view key, std::string_view headline) {
  return !headline.empty() && key.size() > headline.size() && key.starts_with(headline) &&
         StartsWithAny(key.substr(headline.size()), kKeySeparators);
}

// Whether the title `key` is the headline `headline` after the site's name or a section
// ("Site | Headline", "Section: Headline").
bool EndsWithHeadline(std::string_view key, std::string_view headline) {
  return !headline.empty() && key.size() > headline.size() && key.ends_with(headline) &&
         EndsWithAny(key.substr(0, key.size() - headline.size()), kKeySeparators);
}

// Whether `longer` holds all of `shorter` (three words or more) at word boundaries:
// "Headline in Tennessee" and "Headline", "Recipe of Headline" and "Headline".
bool ContainsAsWords(std::string_view longer, std::string_view shorter) {
  if (WordCount(shorter) < 3 || longer.size() <= shorter.size()) return false;
  const size_t at = (" " + std::string(longer) + " ").find(" " + std::string(shorter) + " ");
  return at != std::string::npos;
}

// Whether `longer` goes on where `start` stops, with words rather than a site's name or
// a section ("Headline | Site" does not go on "Headline").
bool IsCutShort(std::string_view start, std::string_view longer) {
  if (WordCount(start) < 3 || longer.size() <= start.size() + 1 || !longer.starts_with(start) ||
      longer[start.size()] != ' ') {
    return false;
  }
  const std::string_view rest = longer.substr(start.size());
  return std::none_of(kKeySeparators.begin(), kKeySeparators.end(), [rest](std::string_view s) {
    return rest.find(s) != std::string_view::npos;
  });
}

struct Metadata {
  std::string value;  // entities decoded
  std::string key;
  std::string bare_value;  // the value without the site's parts
  std::string bare_key;
  std::string_view rule;
  size_t rank = 0;
};

size_t Rank(std::string_view rule) {
  return static_cast<size_t>(std::find(kTitleOrder.begin(), kTitleOrder.end(), rule) -
                             kTitleOrder.begin());
}

bool IsShownRule(std::string_view rule) {
  return std::find(kShownRules.begin(), kShownRules.end(), rule) != kShownRules.end();
}

// Readability's rule for a <title> nothing else explains: "Headline | Site" and
// "Headline - Site" keep the part before the last separator, "Site | Headline" (when that
// leaves under three words) the part after the first; a result of four words or fewer
// is too short to be the headline and the title stays whole.
std::string CutAtSeparators(const std::string& title) {
  constexpr auto kReadabilitySeparators = std::to_array<std::string_view>(
      {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", " / ", " \\ ", " > "});
  size_t first = std::string::npos;
  size_t first_end = 0;
  size_t last = std::string::npos;
  for (std::string_view separator : kReadabilitySeparators) {
    if (const size_t at = title.find(separator); at != std::string::npos && at < first) {
      first = at;
      first_end = at + separator.size();
    }
    if (const size_t at = title.rfind(separator);
        at != std::string::npos && (last == std::string::npos || at > last)) {
      last = at;
    }
  }
  if (last == std::string::npos) return title;
  std::string cut = title.substr(0, last);
  if (WordCount(cut) < 3) cut = title.substr(first_end);
  return WordCount(cut) <= 4 ? title : cut;
}

// A <title> without the site's name: a heading of the page that the title starts or
// ends with (the start first: "Headline — Site", where the site's banner is a heading
// too), or else the title cut at its separators.
std::string CleanDocumentTitle(const std::string& title, const PageMetadata& meta) {
  const std::string key = Key(title);
  for (bool at_start : {true, false}) {
    for (const std::string& heading : meta.headings) {
      const std::string heading_key = Key(heading);
      if (heading_key.size() >= key.size() || CharCount(heading) < 8) continue;
      if (at_start && key.starts_with(heading_key) &&
          StartsWithAny(std::string_view(key).substr(heading_key.size()), kKeySeparators)) {
        return heading;
      }
      if (!at_start && key.ends_with(heading_key) &&
          EndsWithAny(std::string_view(key).substr(0, key.size() - heading_key.size()),
                      kKeySeparators)) {
        return heading;
      }
    }
  }
  return CutAtSeparators(title);
}

// Lower-case words of letters and digits, with the German letters and the common Latin
// accents written as an address writes them ("wärmepumpe" as "waermepumpe").
std::vector<std::string> AddressWords(std::string_view text) {
  constexpr std::pair<std::string_view, std::string_view> kLetters[] = {
      {"\xC3\xA4", "ae"}, {"\xC3\xB6", "oe"}, {"\xC3\xBC", "ue"}, {"\xC3\x84", "ae"},
      {"\xC3\x96", "oe"}, {"\xC3\x9C", "ue"}, {"\xC3\x9F", "ss"}, {"\xC3\xA9", "e"},
      {"\xC3\xA8", "e"},  {"\xC3\xA0", "a"},  {"\xC3\xA1", "a"},  {"\xC3\xAD", "i"},
      {"\xC3\xB3", "o"},  {"\xC3\xBA", "u"},  {"\xC3\xB1", "n"},  {"\xC3\xA7", "c"}};
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    bool letter = false;
    for (const auto& [from, to] : kLetters) {
      if (text.substr(i).starts_with(from)) {
        word += to;
        i += from.size();
        letter = true;
        break;
      }
    }
    if (letter) continue;
    const char c = text[i++];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += static_cast<char>(c - 'A' + 'a');
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The words of the last part of an address's path ("/wissen/eignet-sich-eine-pumpe.html"),
// written from the headline by most publishing systems.
std::vector<std::string> SlugWords(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url = url.substr(0, url.find_first_of("?#", scheme + 3));
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return {};
  url = url.substr(path);
  while (url.ends_with("/")) url.remove_suffix(1);
  std::string_view slug = url.substr(url.rfind('/') + 1);
  for (std::string_view extension : {".html", ".htm", ".php", ".aspx"}) {
    if (slug.ends_with(extension)) slug.remove_suffix(extension.size());
  }
  return AddressWords(slug);
}

// How many words `headline` has beyond those an address's slug spells, when the slug
// spells it: the headline's words themselves (two or more), or three words or more, each
// of them in the headline, and at least half of the headline's words.
std::optional<size_t> SlugSpells(const std::vector<std::string>& slug, std::string_view headline) {
  const std::vector<std::string> words = AddressWords(headline);
  if (slug.size() >= 2 && slug == words) return 0;
  if (slug.size() < 3 || 2 * slug.size() < words.size()) return std::nullopt;
  const bool all = std::all_of(slug.begin(), slug.end(), [&words](const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  });
  if (!all) return std::nullopt;
  return words.size() > slug.size() ? words.size() - slug.size() : 0;
}

// Each shown headline against the metadata title `title`, the closest agreement first:
// the same headline; the title is the headline followed by the site's name or a section
// ("Headline | Site"), where any heading of the page may be the headline, as the site's
// banner often is the title's other part; the title is the headline after them ("Site |
// Headline", "Section: Headline"); the shown headline has a kicker before the title's
// ("Kicker Headline"), where the title's is the headline; the title holds the headline
// with a word or two more ("Recipe of Headline"). The site's own name is never a headline.
std::optional<TitleChoice> ShownAndAgreed(const std::vector<Candidate>& shown,
                                          const std::vector<std::string>& headings,
                                          const Metadata& title, const SiteNames& sites) {
  const auto agreed = [&title](const Candidate& headline) {
    return TitleChoice{CollapseWhitespace(headline.value),
                       headline.rule + "+" + std::string(title.rule)};
  };
  std::vector<std::pair<Candidate, std::string>> keyed;  // the shown headlines and their keys
  for (const Candidate& headline : shown) {
    if (headline.rule == title.rule) continue;
    if (std::string key = Key(headline.value); !key.empty() && !sites.IsSite(key)) {
      keyed.emplace_back(headline, std::move(key));
    }
  }
  for (const auto& [headline, key] : keyed) {
    if (key == title.key || key == title.bare_key) return agreed(headline);
  }
  // Another heading of the page with the same words: the title as the page writes it.
  for (const std::string& heading : headings) {
    const std::string key = Key(heading);
    if (!key.empty() && (key == title.key || key == title.bare_key)) {
      return TitleChoice{CollapseWhitespace(heading), "heading+" + std::string(title.rule)};
    }
  }
  for (const auto& [headline, key] : keyed) {
    if (StartsWithHeadline(title.key, key) || StartsWithHeadline(title.bare_key, key)) {
      return agreed(headline);
    }
  }
  for (const std::string& heading : headings) {
    const std::string key = Key(heading);
    if (CharCount(heading) >= 8 && !sites.IsSite(key) && StartsWithHeadline(title.key, key)) {
      return TitleChoice{CollapseWhitespace(heading), "heading+" + std::string(title.rule)};
    }
  }
  for (const auto& [headline, key] : keyed) {
    if (EndsWithHeadline(title.key, key) || EndsWithHeadline(title.bare_key, key)) {
      return agreed(headline);
    }
  }
  const std::string_view bare = title.bare_key;
  for (const auto& [headline, key] : keyed) {
    if (WordCount(bare) >= 4 && key.size() > bare.size() + 1 && key.ends_with(bare) &&
        key[key.size() - bare.size() - 1] == ' ') {
      return TitleChoice{title.bare_value, std::string(title.rule) + "+" + headline.rule};
    }
  }
  for (const auto& [headline, key] : keyed) {
    if (ContainsAsWords(bare, key)) return agreed(headline);
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The words of `key` of four letters or more, split at what is neither letter nor digit.
std::vector<std::string> LongWords(std::string_view key) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&words, &word] {
    if (CharCount(word) >= 4) words.push_back(word);
    word.clear();
  };
  for (char c : key) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

// Whether two titles share a word of `min_letters` or more, or such a word of one is part
// of a word of the other ("Geschichte" and "Vereinsgeschichte"): the same subject, told
// two ways.
bool ShareAWord(std::string_view a, std::string_view b, size_t min_letters = 4) {
  for (const auto& [from, to] : {std::pair(a, b), std::pair(b, a)}) {
    for (const std::string& word : LongWords(from)) {
      if (CharCount(word) >= min_letters && to.find(word) != std::string_view::npos) return true;
    }
  }
  return false;
}

// Whether `headline` has a word of four letters or more that `title` does not hold.
bool SaysMoreThan(std::string_view headline, std::string_view title) {
  const std::vector<std::string> words = LongWords(headline);
  return std::any_of(words.begin(), words.end(), [title](const std::string& word) {
    return title.find(word) == std::string_view::npos;
  });
}

// The page's h1 when it has one (or several with the same text) that does not name the site.
std::optional<std::string> OnlyHeadline(const std::vector<std::string>& h1s,
                                        const SiteNames& sites) {
  if (h1s.empty()) return std::nullopt;
  const std::string key = Key(h1s.front());
  for (const std::string& h1 : h1s) {
    if (Key(h1) != key) return std::nullopt;
  }
  if (key.empty() || sites.IsSitePart(key)) return std::nullopt;
  return CollapseWhitespace(h1s.front());
}

// The page's first h1, unless it names the site.
std::optional<std::string> FirstHeadline(const std::vector<std::string>& h1s,
                                         const SiteNames& sites) {
  if (h1s.empty()) return std::nullopt;
  const std::string key = Key(h1s.front());
  if (key.empty() || sites.IsSitePart(key)) return std::nullopt;
  return CollapseWhitespace(h1s.front());
}

// A heading of two words or more that two metadata titles end with, after different
// beginnings.
std::optional<std::string> CommonEndingHeading(const std::vector<Metadata>& metadata,
                                               const std::vector<std::string>& headings,
                                               const SiteNames& sites) {
  for (const std::string& heading : headings) {
    const std::string key = Key(heading);
    if (WordCount(key) < 2 || sites.IsSitePart(key)) continue;
    std::vector<std::string_view> beginnings;
    for (const Metadata& title : metadata) {
      for (const std::string* title_key : {&title.key, &title.bare_key}) {
        if (EndsWithHeadline(*title_key, key)) {
          beginnings.push_back(
              std::string_view(*title_key).substr(0, title_key->size() - key.size()));
          break;
        }
      }
    }
    for (size_t i = 1; i < beginnings.size(); ++i) {
      if (beginnings[i] != beginnings[0]) return CollapseWhitespace(heading);
    }
  }
  return std::nullopt;
}

// Whether `title` ends with a separator that has nothing after it ("Site -", "Site |").
bool EndsWithEmptyPart(std::string_view title) {
  // Only the plain dashes and bar: "::" and "»" also close a title as decoration.
  constexpr auto kDangling =
      std::to_array<std::string_view>({" |", " -", " \xE2\x80\x93", " \xE2\x80\x94"});
  return EndsWithAny(title, kDangling);
}

// `h1` without the kicker that `title` sets off before a separator ("Kicker - Start of
// the headline"), when the h1 runs on from the kicker with the title's next part and
// three words or more; else nothing.
std::optional<std::string> AfterTitlesKicker(const std::string& h1, const std::string& title) {
  const Cut cut = FirstCut(title);
  if (cut.at == std::string::npos || cut.at == 0) return std::nullopt;
  const std::string kicker = Key(title.substr(0, cut.at));
  std::string next = title.substr(cut.at + cut.length);
  if (const Cut end = FirstCut(next); end.at != std::string::npos) next.resize(end.at);
  const std::string h1_key = Key(h1);
  const std::string next_key = Key(next);
  if (kicker.empty() || next_key.empty() || !h1_key.starts_with(kicker + " ") ||
      !std::string_view(h1_key).substr(kicker.size() + 1).starts_with(next_key)) {
    return std::nullopt;
  }
  // The h1's words after as many words as the kicker has.
  std::string rest = CollapseWhitespace(h1);
  for (size_t word = 0; word < WordCount(kicker); ++word) {
    const size_t space = rest.find(' ');
    if (space == std::string::npos) return std::nullopt;
    rest.erase(0, space + 1);
  }
  if (WordCount(rest) < 3) return std::nullopt;
  return rest;
}

// Whether the metadata title at `top` is the only one that says more than the site's name.
bool IsOnlyTitle(const std::vector<Metadata>& metadata, size_t top, const SiteNames& sites) {
  for (size_t other = top + 1; other < metadata.size(); ++other) {
    if (!sites.IsSite(metadata[other].key) && !metadata[other].bare_key.empty()) return false;
  }
  return true;
}

// The first `count` words of `key`.
std::string FirstWords(std::string_view key, size_t count) {
  size_t end = 0;
  for (size_t word = 0; word < count && end != std::string_view::npos; ++word) {
    end = key.find(' ', end + (word > 0 ? 1 : 0));
  }
  return std::string(key.substr(0, end));
}

// Whether the h1 `h1_key` is a headline of its own beside the tab title `title`: about
// the same subject, neither in the title nor starting as the title does.
bool HeadlineOverTabTitle(std::string_view h1_key, const Metadata& title) {
  if (title.key.find(h1_key) != std::string::npos || !ShareAWord(h1_key, title.bare_key)) {
    return false;
  }
  const std::string opening = FirstWords(h1_key, 2);
  return WordCount(opening) < 2 || opening != FirstWords(title.bare_key, 2);
}

// The article's alternative headline (JSON-LD's alternativeHeadline) when the agreed
// headline stops where it goes on with words ("Ten tips" of "Ten tips for a light
// feast"): the page shows the headline cut to fit, and the alternative is the whole one.
std::optional<TitleChoice> WholeAlternativeHeadline(const TitleChoice& agreed,
                                                    const PageMetadata& meta) {
  const std::string key = Key(agreed.value);
  for (const Candidate& subtitle : meta.subtitles) {
    if (subtitle.rule != "json-ld" || subtitle.value.size() > kMaxTitleBytes) continue;
    std::string whole = CollapseWhitespace(DecodeLeftoverEntities(subtitle.value));
    if (IsCutShort(key, Key(whole))) return TitleChoice{std::move(whole), "json-ld-alternative"};
  }
  return std::nullopt;
}

TitleChoice ChooseAmongTitles(const PageMetadata& meta) {
  const SiteNames sites(meta);
  std::vector<Metadata> metadata;
  for (const Candidate& candidate : meta.titles) {
    // A "title" of pages of text is not one (and the comparisons below are not linear).
    if (candidate.value.size() > kMaxTitleBytes) continue;
    std::string value = CollapseWhitespace(DecodeLeftoverEntities(candidate.value));
    if (value.empty()) continue;
    std::string key = Key(value);
    std::string bare_value = WithoutSite(value, sites);
    std::string bare_key = Key(bare_value);
    metadata.push_back({std::move(value), std::move(key), std::move(bare_value),
                        std::move(bare_key), candidate.rule, Rank(candidate.rule)});
  }
  std::stable_sort(metadata.begin(), metadata.end(),
                   [](const Metadata& a, const Metadata& b) { return a.rank < b.rank; });

  // The headlines the page shows: the blog engine's entry title, then its h1s.
  std::vector<Candidate> shown;
  for (const Candidate& candidate : meta.titles) {
    if (IsShownRule(candidate.rule)) shown.push_back(candidate);
  }
  for (const std::string& heading : meta.main_headings) shown.push_back({heading, "h1"});

  // The most trusted metadata title that is more than the site's name decides; a shown
  // headline that agrees with it is the same headline as the page writes it. (A shown
  // headline that only a less trusted title repeats, such as the share card's, is often
  // a display variant of the article's own headline.)
  const auto says_more_than_the_site = [&metadata, &sites](size_t at, bool strictly) {
    const Metadata& title = metadata[at];
    if (sites.IsSite(title.key) || title.bare_key.empty()) return false;
    // "Site - " : a template that left the page's own part empty.
    return !strictly || (!sites.IsSitePart(Key(TrimSeparators(title.bare_value))) &&
                         !EndsWithEmptyPart(title.value));
  };
  size_t top = 0;
  while (top < metadata.size() && !says_more_than_the_site(top, true)) ++top;
  if (top == metadata.size()) {
    if (!meta.main_headings.empty()) return {CollapseWhitespace(meta.main_headings.front()), "h1"};
    // Titles that only name the site and no h1: the page's first heading that is more.
    for (const std::string& heading : meta.headings) {
      if (const std::string key = Key(heading); !key.empty() && !sites.IsSitePart(key)) {
        return {CollapseWhitespace(heading), "heading"};
      }
    }
    // Else the page is about the site itself (its home or "about" page): its title.
    top = 0;
    while (top < metadata.size() && !says_more_than_the_site(top, false)) ++top;
    if (top == metadata.size()) return {};
  }
  const Metadata& title = metadata[top];
  if (std::optional<TitleChoice> agreed = ShownAndAgreed(shown, meta.headings, title, sites)) {
    // A title that stops short of the page's h1 ("Headline" of "Headline in Place") was
    // cut to fit a share card or a search result: the h1 is the whole headline.
    if (std::optional<std::string> h1 = OnlyHeadline(meta.main_headings, sites);
        h1 && IsCutShort(Key(agreed->value), Key(*h1))) {
      return {std::move(*h1), "h1"};
    }
    if (std::optional<TitleChoice> whole = WholeAlternativeHeadline(*agreed, meta)) return *whole;
    return *agreed;
  }

  // The page's first h1 that its comment section quotes as the post's title ("2 Antworten
  // auf „Headline“"): the headline as the blog engine knows it, whatever the share card says.
  if (std::optional<std::string> h1 = FirstHeadline(meta.main_headings, sites)) {
    const std::string h1_key = Key(*h1);
    for (const std::string& quoted : meta.comment_quoted_titles) {
      if (Key(quoted) == h1_key) return {std::move(*h1), "h1+comments-heading"};
    }
  }

  // No headline shown, and titles that end alike after different kickers or sections
  // ("Kicker: Headline", "Section: Headline"): their common end is the headline when the
  // page has it as a heading.
  if (shown.empty()) {
    if (std::optional<std::string> heading = CommonEndingHeading(metadata, meta.headings, sites)) {
      return {std::move(*heading), "heading+titles"};
    }
  }

  // When none agrees: the shown headline or heading that the page's address spells, the
  // closest one (a heading may be the headline without the kicker its h1 holds).
  std::vector<Candidate> spellable = shown;
  for (const std::string& heading : meta.headings) spellable.push_back({heading, "heading"});
  std::optional<TitleChoice> spelled;
  size_t fewest_extra_words = 0;
  for (const Candidate& url : meta.urls) {
    const std::vector<std::string> slug = SlugWords(url.value);
    for (const Candidate& headline : spellable) {
      const std::optional<size_t> extra = SlugSpells(slug, headline.value);
      if (extra && (!spelled || *extra < fewest_extra_words)) {
        spelled = TitleChoice{CollapseWhitespace(headline.value), headline.rule + "+" + url.rule};
        fewest_extra_words = *extra;
      }
    }
  }
  if (spelled) {
    if (std::optional<TitleChoice> whole = WholeAlternativeHeadline(*spelled, meta)) return *whole;
    return *spelled;
  }

  // "Kicker - Headline | Site" where the page's one h1 runs the kicker into the headline
  // ("Kicker Headline ..."): the h1 after the kicker.
  if (std::optional<std::string> h1 = OnlyHeadline(meta.main_headings, sites)) {
    if (std::optional<std::string> headline = AfterTitlesKicker(*h1, title.bare_value)) {
      return {std::move(*headline), "h1-" + std::string(title.rule)};
    }
  }

  // An h1 on the same subject as the page's titles that none of them repeats or holds:
  // the titles were written for search results and share cards ("Topic - Site", "Topic »
  // Question"), the h1 is the headline the page shows. When the <title> is the only
  // title and the h1 the page's one h1, sharing a word is enough; against metadata
  // titles, the page's first h1 (later ones head its sections) shares a word of six
  // letters or more with the title and says something the titles do not (an h1 made of
  // the title's own words is a display variant of it, and the metadata stays). An h1
  // that starts with the title's first two words is the same headline edited in one of
  // the two places, and the title stays, as Readability keeps it.
  if (std::optional<std::string> h1 = FirstHeadline(meta.main_headings, sites);
      h1 && HeadlineOverTabTitle(Key(*h1), title)) {
    const std::string h1_key = Key(*h1);
    const bool lone_tab_title = OnlyHeadline(meta.main_headings, sites).has_value() &&
                                IsOnlyTitle(metadata, top, sites) && title.rule == "html-title";
    const std::vector<Candidate> h1_alone = {{*h1, "h1"}};
    const bool unconfirmed =
        std::none_of(metadata.begin(), metadata.end(), [&](const Metadata& other) {
          return other.key.find(h1_key) != std::string::npos ||
                 ShownAndAgreed(h1_alone, {}, other, sites).has_value() ||
                 !SaysMoreThan(h1_key, other.key);
        });
    if (lone_tab_title || (unconfirmed && ShareAWord(h1_key, title.bare_key, 6))) {
      return {std::move(*h1), "h1"};
    }
  }
  // A page with no h1 at all whose only title is its <title>, in parts ("Site - Section"):
  // its first heading, on the same terms. (A <title> in one piece may be the headline.)
  if (meta.main_headings.empty() && shown.empty() && !meta.headings.empty() &&
      IsOnlyTitle(metadata, top, sites) && title.rule == "html-title" &&
      FirstCut(title.value).at != std::string::npos) {
    const std::string heading = CollapseWhitespace(meta.headings.front());
    if (const std::string key = Key(heading);
        !sites.IsSitePart(key) && HeadlineOverTabTitle(key, title)) {
      return {heading, "heading"};
    }
  }

  // Else that title without the site's part. A share card's title cut short ("...
  // califica a Biden de") gives way to the longer one the page also gives; a <title>
  // nothing explains is cut further as Readability does.
  for (const Metadata& longer : metadata) {
    if (IsCutShort(title.bare_key, longer.bare_key)) {
      return {longer.bare_value, std::string(longer.rule)};
    }
  }
  std::string value = title.bare_value;
  if (title.rule == "html-title" && title.bare_key == title.key) {
    value = CleanDocumentTitle(value, meta);
  }
  return {std::move(value), std::string(title.rule)};
}

// Separators and markers a template leaves before a headline, set off from it by a space
// ("[> Name", "» Headline"): not part of it. A mark touching the words ("-40 degrees") and
// a bracket closed later in the title stay. (Marks after a headline are left: there they
// are as often the site's decoration, "Blog :: Site ::", which the title then still has.)
bool IsStrayMark(std::string_view mark) {
  constexpr std::string_view kMarks[] = {
      "[", ">", "|", "-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC2\xBB", "\xC2\xB7", "\xE2\x80\xA2",
      ":", "/"};
  return std::find(std::begin(kMarks), std::end(kMarks), mark) != std::end(kMarks);
}

// The marks (and spaces) `title` starts with, as a count of bytes; 0 unless a space ends them.
size_t StrayLead(std::string_view title) {
  size_t at = 0;
  while (at < title.size()) {
    size_t length = 1;
    if (static_cast<unsigned char>(title[at]) >= 0x80) {
      length = static_cast<unsigned char>(title[at]) >= 0xE0 ? 3 : 2;
    }
    const std::string_view mark = title.substr(at, length);
    if (mark != " " && !IsStrayMark(mark)) break;
    at += mark.size();
  }
  return at > 0 && at < title.size() && title[at - 1] == ' ' ? at : 0;
}

std::string TrimStrayLead(std::string title) {
  const size_t lead = StrayLead(title);
  if (lead > 0 && !(title[0] == '[' && title.find(']') != std::string::npos)) {
    title.erase(0, lead);
  }
  return title;
}

}  // namespace

TitleChoice ChooseTitle(const PageMetadata& meta) {
  TitleChoice choice = ChooseAmongTitles(meta);
  choice.value = TrimStrayLead(std::move(choice.value));
  return choice;
}

}  // namespace morgue::html_plugin
