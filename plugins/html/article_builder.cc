#include "plugins/html/article_builder.h"

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "plugins/html/author_names.h"
#include "plugins/html/body_meta.h"
#include "plugins/html/date_choice.h"
#include "plugins/html/dom.h"
#include "plugins/html/title.h"

namespace morgue::html_plugin {
namespace {

using Order = std::span<const std::string_view>;

// ---- Orders of trust (plugins/html/README.md lists them) --------------------------------

constexpr auto kSubtitleOrder = std::to_array<std::string_view>({"json-ld", "dom-subtitle"});
constexpr auto kAuthorOrder = std::to_array<std::string_view>(
    {"json-ld", "json-ld-page", "dc:creator", "dcterm:creator", "itemprop-author", "twitter:data",
     "author", "article:author", "og:article:author", "byl", "dc.creator", "dcterms.creator",
     "citation_author", "parsely-author", "sailthru.author", "hentry-author",
     "json-ld-organization", "dom-byline", "header-byline"});
// What a reader sees on the page next to the headline: preferred over what metadata says
// when they disagree, since metadata often carries the CMS account or the site.
constexpr auto kVisibleAuthorRules =
    std::to_array<std::string_view>({"dom-byline", "header-byline"});
constexpr auto kPosterOrder = std::to_array<std::string_view>(
    {"blogger-post-author", "wordpress-author", "hentry-author", "json-ld", "author",
     "article:author", "itemprop-author", "dom-byline"});
// A repost's own date is not on the page; the blog's dates are when it was posted, and
// the blog's visible date (in the poster's time zone) is the best day for it.
constexpr auto kRepostDateOrder = std::to_array<std::string_view>(
    {"blogger-date-header", "wordpress-entry-date", "blogger-timestamp", "hentry-published",
     "time-datetime", "json-ld", "article:published_time", "dom-date"});
constexpr auto kSiteOrder =
    std::to_array<std::string_view>({"json-ld", "og:site_name", "dc.publisher", "dcterms.publisher",
                                     "citation_publisher", "citation_journal_title"});
constexpr auto kUrlOrder = std::to_array<std::string_view>({"link-canonical", "og:url", "json-ld"});
constexpr auto kTagOrder =
    std::to_array<std::string_view>({"blogger-labels", "rel-tag", "article:tag", "json-ld",
                                     "news_keywords", "parsely-tags", "sailthru.tags", "keywords"});
constexpr auto kSummaryOrder = std::to_array<std::string_view>(
    {"description", "og:description", "twitter:description", "json-ld", "dc.description"});
constexpr auto kLanguageOrder =
    std::to_array<std::string_view>({"html-lang", "json-ld", "content-language", "og:locale"});

size_t Rank(const std::string& rule, Order order) {
  auto it = std::find(order.begin(), order.end(), rule);
  return static_cast<size_t>(it - order.begin());
}

// The most trusted candidate accepted by `accept`, earliest in the page on ties.
template <typename C>
const C* Best(const std::vector<C>& candidates, Order order,
              const std::function<bool(const C&)>& accept = nullptr) {
  const C* best = nullptr;
  size_t best_rank = order.size();
  for (const C& candidate : candidates) {
    const size_t rank = Rank(candidate.rule, order);
    // `accept` (which may parse a date) only for candidates that would win.
    if (rank >= best_rank || (accept && !accept(candidate))) continue;
    best = &candidate;
    best_rank = rank;
  }
  return best;
}

// ---- Fields ---------------------------------------------------------------------------

constexpr auto kTitleSeparators =
    std::to_array<std::string_view>({" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " : ", ": ",
                                     " :: ", " \xC2\xBB ", " / ", " \xC2\xB7 "});

void SetField(Article& article, std::string Article::*field, const char* name, std::string value,
              const std::string& rule) {
  if (value.empty()) return;
  article.*field = std::move(value);
  article.provenance[name] = rule;
}

std::vector<Author> NamesToAuthors(const std::vector<std::string>& names, const char* role) {
  std::vector<Author> authors;
  for (const std::string& name : names) {
    const bool seen = std::any_of(authors.begin(), authors.end(),
                                  [&name](const Author& a) { return a.name == name; });
    if (!name.empty() && !seen) authors.push_back({name, "", role});
  }
  return authors;
}

std::string Primary(const std::string& language) {
  std::string tag = LowerAscii(language.substr(0, language.find_first_of("-_")));
  const bool letters =
      !tag.empty() && tag.size() <= 3 &&
      std::all_of(tag.begin(), tag.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return letters ? tag : std::string();
}

// Whether a description is the engine's snippet of the text rather than a summary.
bool IsSnippet(const std::string& summary, const std::string& page_text, const std::string& title) {
  std::string folded = FoldForCompare(summary);
  if (!title.empty() && folded.starts_with(FoldForCompare(title))) return true;
  const std::string probe = folded.substr(0, std::min<size_t>(folded.size(), 60));
  return probe.size() >= 30 && page_text.find(probe) != std::string::npos;
}

class Builder {
 public:
  Builder(const PageMetadata& meta, Content content) : meta_(meta), content_(std::move(content)) {}

  Result<Article> Build() {
    // The raw text, before metadata lines leave it, tells snippets from summaries (when
    // the page has any).
    std::string page_text;
    if (!meta_.summaries.empty()) {
      for (const Block& block : content_.blocks) page_text += FoldForCompare(block.text) + " ";
    }
    ChooseTitle();
    body_meta_ = TakeInBodyMetadata(content_.blocks, article_.title);
    // A credit line naming the original makes any page a repost; on a blog, a byline, a
    // credit or a reporter's e-mail in the text does.
    repost_ = body_meta_.repost_credit ||
              (meta_.is_blog && (!body_meta_.authors.empty() || !body_meta_.credit.empty() ||
                                 EmailPublication() != nullptr));
    ChooseBody();
    if (article_.body.empty()) return Status::Corruption("no article found");
    ChooseSubtitle();
    ChooseAuthors();
    ChooseDates();
    ChooseSource();
    ChooseUrl();
    ChooseTags();
    ChooseSummary(page_text);
    ChooseLanguage();
    ChooseMedia();
    return std::move(article_);
  }

 private:
  const Publication* EmailPublication() const {
    std::string email = body_meta_.email;
    for (const Author& author : body_meta_.authors) {
      if (email.empty()) email = author.email;
    }
    return email.empty() ? nullptr : PublicationDirectory::Builtin().FindByDomain(email);
  }

  void ChooseTitle() {
    TitleChoice title = html_plugin::ChooseTitle(meta_);
    SetField(article_, &Article::title, "title", std::move(title.value), title.rule);
  }

  void ChooseBody() {
    std::string body;
    for (const Block& block : content_.blocks) {
      if (!body.empty()) body += "\n\n";
      body += block.text;
    }
    SetField(article_, &Article::body, "body", std::move(body), "main-content");
  }

  void ChooseSubtitle() {
    const std::string title = FoldForCompare(article_.title);
    if (!body_meta_.subtitle.empty()) {
      SetField(article_, &Article::subtitle, "subtitle", body_meta_.subtitle, "in-body-deck");
      return;
    }
    if (const Candidate* subtitle = Best<Candidate>(
            meta_.subtitles, kSubtitleOrder,
            [&title](const Candidate& c) { return FoldForCompare(c.value) != title; })) {
      SetField(article_, &Article::subtitle, "subtitle", subtitle->value, subtitle->rule);
    }
  }

  void ChooseAuthors() {
    if (repost_) {
      article_.authors = body_meta_.authors;
      if (!article_.authors.empty()) article_.provenance["authors"] = "in-body-byline";
      const NamesCandidate* poster = Best(meta_.posters, kPosterOrder);
      if (poster == nullptr) poster = Best(meta_.authors, kPosterOrder);
      if (poster != nullptr) {
        for (Author& author : NamesToAuthors(poster->names, "poster")) {
          if (std::none_of(article_.authors.begin(), article_.authors.end(),
                           [&author](const Author& a) { return a.name == author.name; })) {
            article_.authors.push_back(std::move(author));
          }
        }
        article_.provenance["posters"] = poster->rule;
      }
      return;
    }
    const NamesCandidate* chosen = ChooseAuthorCandidate();
    // An organisation metadata names gives way to a person the text's own byline names.
    if (chosen != nullptr && NamesOrganisation(*chosen) && HasTextByline()) chosen = nullptr;
    if (const NamesCandidate* authors = chosen) {
      article_.authors = NamesToAuthors(authors->names, "author");
      article_.provenance["authors"] = authors->rule;
    } else if (!body_meta_.authors.empty()) {
      article_.authors = body_meta_.authors;
      article_.provenance["authors"] = "in-body-byline";
    } else if (std::vector<std::string> names = BodyLeadByline(); !names.empty()) {
      article_.authors = NamesToAuthors(names, "author");
      article_.provenance["authors"] = "body-lead-byline";
    } else if (std::vector<std::string> names = BodyEndByline(); !names.empty()) {
      article_.authors = NamesToAuthors(names, "author");
      article_.provenance["authors"] = "body-end-byline";
    } else if (std::vector<std::string> names = BodyEndSignature(); !names.empty()) {
      article_.authors = NamesToAuthors(names, "author");
      article_.provenance["authors"] = "body-end-signature";
    } else if (const NamesCandidate* poster = Best(meta_.posters, kPosterOrder)) {
      // A blogger's own post: the account is its author.
      article_.authors = NamesToAuthors(poster->names, "author");
      article_.provenance["authors"] = poster->rule;
    }
    if (!body_meta_.email.empty() && article_.authors.size() == 1 &&
        article_.authors[0].email.empty()) {
      article_.authors[0].email = body_meta_.email;
    }
  }

  // Whether a candidate names a body rather than people: a JSON-LD Organization, or names
  // that all end in a legal form ("Example Energie AG", "Verein Beispiel e.V.").
  static bool NamesOrganisation(const NamesCandidate& candidate) {
    return candidate.rule == "json-ld-organization" ||
           std::all_of(candidate.names.begin(), candidate.names.end(),
                       [](const std::string& name) { return IsOrganisationName(name); });
  }

  bool HasTextByline() const {
    return !body_meta_.authors.empty() || !BodyLeadByline().empty() || !BodyEndByline().empty();
  }

  // A byline line among the article's first blocks (never its last three, so that a
  // short article's closing line is not taken for it), after a deck or a subheading ("von X"
  // under an intro, "Par X" under a section's title): a block of one short line that
  // opens with a byline word. A byline naming only a news agency morgue's directory knows
  // ("Par AFP") gives the agency, the page's own statement of who wrote it.
  std::vector<std::string> BodyLeadByline() const {
    constexpr size_t kLeadBlocks = 8;
    constexpr size_t kClosingBlocks = 3;
    const size_t blocks = content_.blocks.size();
    const size_t lead =
        blocks > kClosingBlocks ? std::min(kLeadBlocks, blocks - kClosingBlocks) : 0;
    for (size_t i = 0; i < lead; ++i) {
      const std::string& text = content_.blocks[i].text;
      if (text.find('\n') != std::string::npos || !SaysByline(text)) continue;
      std::optional<Byline> byline = ParseByline(text);
      if (!byline) continue;
      std::vector<std::string> names;
      for (const Author& author : byline->authors) names.push_back(author.name);
      if (names.empty() && !byline->source.empty()) names.push_back(byline->source);
      if (!names.empty()) return names;
    }
    return {};
  }

  // A byline closing the article ("Text: X", "Autor: X", "X 기자" without an e-mail):
  // one of the last lines of the body that says it is a byline, or a label line ("Von:",
  // "Autor:") with the names on the line after it.
  std::vector<std::string> BodyEndByline() const {
    const std::vector<std::string> lines = LastLines();
    for (size_t i = lines.size(); i-- > 0;) {
      std::string line = lines[i];
      if (line.ends_with(':') && i + 1 < lines.size()) line += " " + lines[i + 1];
      if (!SaysByline(line)) continue;
      if (std::optional<Byline> byline = ParseByline(line); byline && !byline->authors.empty()) {
        std::vector<std::string> names;
        for (const Author& author : byline->authors) names.push_back(author.name);
        return names;
      }
    }
    return {};
  }

  // The body's last lines (at most three, from its last two blocks), in reading order.
  std::vector<std::string> LastLines() const {
    constexpr size_t kLastLines = 3;
    constexpr size_t kLastBlocks = 2;
    std::vector<std::string> lines;
    for (size_t b = content_.blocks.size(), blocks = 0; b-- > 0 && blocks < kLastBlocks; ++blocks) {
      const std::string& text = content_.blocks[b].text;
      for (size_t end = text.size(); end > 0 && lines.size() < kLastLines;) {
        const size_t start = text.rfind('\n', end - 1);
        const size_t begin = start == std::string::npos ? 0 : start + 1;
        lines.insert(lines.begin(), CollapseWhitespace(text.substr(begin, end - begin)));
        if (start == std::string::npos) break;
        end = start;
      }
      if (lines.size() >= kLastLines) break;
    }
    return lines;
  }

  // A signature closing the article: its last block is one emphasised line that is a
  // person's name of two to four words ("<p><strong>Jana Beispiel</strong></p>"), as
  // reviews and columns sign off.
  std::vector<std::string> BodyEndSignature() const {
    constexpr size_t kMinWords = 2;
    constexpr size_t kMaxWords = 4;
    if (content_.blocks.empty()) return {};
    const Block& last = content_.blocks.back();
    const size_t words = WordCount(last.text);
    if (!last.emphasized || last.heading || last.text.find('\n') != std::string::npos ||
        words < kMinWords || words > kMaxWords) {
      return {};
    }
    std::vector<std::string> names = SplitAuthorNames(last.text);
    if (names.size() != 1 || names[0] != last.text) return {};
    return names;
  }

  // Whether `name` is the site itself: its name (og:site_name, JSON-LD publisher) or the
  // name in its address ("stadtkurier" of www.stadtkurier.de).
  bool IsSiteName(const std::string& name) const {
    const std::string folded = FoldName(name);
    if (folded.empty()) return false;
    for (const Candidate& site : meta_.sites) {
      if (FoldName(site.value) == folded) return true;
    }
    for (const Candidate& url : meta_.urls) {
      std::string host = url.value.substr(
          url.value.find("//") == std::string::npos ? 0 : url.value.find("//") + 2);
      host = host.substr(0, host.find('/'));
      for (const char* prefix : {"www.", "m.", "amp."}) {
        if (host.starts_with(prefix)) host = host.substr(std::string_view(prefix).size());
      }
      if (FoldName(host.substr(0, host.find('.'))) == folded || FoldName(host) == folded) {
        return true;
      }
    }
    return false;
  }

  bool IsVisible(const NamesCandidate& candidate) const {
    return std::find(kVisibleAuthorRules.begin(), kVisibleAuthorRules.end(), candidate.rule) !=
           kVisibleAuthorRules.end();
  }

  // Whether none of a candidate's names is a CMS account or a domain, and, when
  // `allow_site` is false, none is the site's own name (unless the page shows it as its
  // byline).
  bool NamesAuthors(const NamesCandidate& candidate, bool allow_site) const {
    const bool visible = IsVisible(candidate);
    return !candidate.names.empty() &&
           std::none_of(
               candidate.names.begin(), candidate.names.end(), [&](const std::string& name) {
                 return IsAccountOrDomain(name) || (!allow_site && !visible && IsSiteName(name));
               });
  }

  // The most trusted candidate that names people rather than an account, a domain or the
  // site itself; the site's name only when nothing else names anyone (the page's own
  // statement that the site wrote it). The visible byline wins over an organisation
  // metadata names.
  const NamesCandidate* ChooseAuthorCandidate() const {
    const std::function<bool(const NamesCandidate&)> people = [this](const NamesCandidate& c) {
      return NamesAuthors(c, /*allow_site=*/false);
    };
    const NamesCandidate* best = Best(meta_.authors, kAuthorOrder, people);
    if (best == nullptr) {
      best = Best<NamesCandidate>(meta_.authors, kAuthorOrder, [this](const NamesCandidate& c) {
        return NamesAuthors(c, /*allow_site=*/true);
      });
    }
    const NamesCandidate* visible = Best(meta_.authors, kVisibleAuthorRules, people);
    if (best != nullptr && visible != nullptr && visible->rule == "dom-byline" &&
        best->rule == "json-ld-organization") {
      return visible;
    }
    if (const NamesCandidate* more = CoauthorsConfirmed(best, people)) return more;
    if (const NamesCandidate* header = HeaderBylineOverMetadata(best, people)) return header;
    return best;
  }

  // The byline line under the headline ("Von X", "By X") when it names none of the people
  // the chosen metadata names: metadata then names whoever posted the page (a guest
  // author's editor, the CMS account) or something else entirely (a cited book's
  // author), while the line is what the reader is told.
  const NamesCandidate* HeaderBylineOverMetadata(
      const NamesCandidate* best, const std::function<bool(const NamesCandidate&)>& people) const {
    if (best == nullptr || IsVisible(*best)) return nullptr;
    const auto header =
        std::find_if(meta_.authors.begin(), meta_.authors.end(),
                     [](const NamesCandidate& c) { return c.rule == "header-byline"; });
    if (header == meta_.authors.end() || !people(*header) || SharesName(*header, *best)) {
      return nullptr;
    }
    // The page's byline element agreeing with the metadata outweighs the line.
    const auto element =
        std::find_if(meta_.authors.begin(), meta_.authors.end(),
                     [](const NamesCandidate& c) { return c.rule == "dom-byline"; });
    if (element != meta_.authors.end() && SharesName(*element, *best)) return nullptr;
    return &*header;
  }

  // When the chosen candidate names only the first of several writers: another source
  // that names them all, and a third that names the same people, from different kinds
  // of markup (the author tag and the visible byline, say). One source alone listing more
  // names may have taken in a company or a person the article is about.
  const NamesCandidate* CoauthorsConfirmed(
      const NamesCandidate* best, const std::function<bool(const NamesCandidate&)>& people) const {
    if (best == nullptr) return nullptr;
    for (const NamesCandidate& more : meta_.authors) {
      if (!people(more) || !NamesEveryoneAndMore(more, *best)) continue;
      for (const NamesCandidate& again : meta_.authors) {
        // The byline element and the byline line are one line of the page read twice.
        const bool independent = again.rule != more.rule && !(IsVisible(again) && IsVisible(more));
        if (&again != &more && independent && SameNames(again, more)) return &more;
      }
    }
    return nullptr;
  }

  static bool SameNames(const NamesCandidate& a, const NamesCandidate& b) {
    return a.names.size() == b.names.size() &&
           std::all_of(a.names.begin(), a.names.end(), [&b](const std::string& name) {
             return std::any_of(b.names.begin(), b.names.end(), [&name](const std::string& other) {
               return FoldName(name) == FoldName(other);
             });
           });
  }

  // Whether `more` names every person `fewer` names, and someone else besides.
  static bool NamesEveryoneAndMore(const NamesCandidate& more, const NamesCandidate& fewer) {
    if (more.names.size() <= fewer.names.size()) return false;
    return std::all_of(fewer.names.begin(), fewer.names.end(), [&more](const std::string& name) {
      return std::any_of(more.names.begin(), more.names.end(), [&name](const std::string& other) {
        return FoldName(name) == FoldName(other);
      });
    });
  }

  static bool SharesName(const NamesCandidate& a, const NamesCandidate& b) {
    return std::any_of(a.names.begin(), a.names.end(), [&b](const std::string& name) {
      return std::any_of(b.names.begin(), b.names.end(), [&name](const std::string& other) {
        return FoldName(name) == FoldName(other);
      });
    });
  }

  // The first candidate in `order` that parses as a date.
  std::pair<std::string, std::string> FirstDate(const std::vector<Candidate>& candidates,
                                                Order order) const {
    std::string date;  // of the best so far: Best accepts only candidates that win
    const Candidate* best = Best<Candidate>(candidates, order, [&date](const Candidate& c) {
      std::string parsed = ParseDate(c.value);
      if (parsed.empty()) return false;
      date = std::move(parsed);
      return true;
    });
    if (best == nullptr) return {};
    return {date, best->rule};
  }

  void ChooseDates() {
    if (repost_) {
      // The original's date as its credit line gives it; the blog's dates are the repost's.
      if (!body_meta_.credit_published.empty()) {
        SetField(article_, &Article::published, "published", body_meta_.credit_published,
                 "repost-credit");
        return;
      }
      if (!body_meta_.published.empty()) {
        SetField(article_, &Article::published, "published", body_meta_.published, "in-body-date");
        return;
      }
      auto [date, rule] = FirstDate(meta_.published, kRepostDateOrder);
      // The day the blog posted it; its time is the posting's, not the article's.
      SetField(article_, &Article::published, "published", date.substr(0, 10), rule);
      return;
    }
    const ChosenDates dates = ChooseArticleDates(meta_, body_meta_.published);
    SetField(article_, &Article::published, "published", dates.published, dates.published_rule);
    std::string updated = dates.updated;
    std::string updated_rule = dates.updated_rule;
    // A "Posted : … | Updated : …" line gives both; its update goes with its publication.
    if (updated.empty() && dates.published_rule == "in-body-date" && !body_meta_.updated.empty() &&
        body_meta_.updated != dates.published) {
      updated = body_meta_.updated;
      updated_rule = "in-body-date";
    }
    SetField(article_, &Article::updated, "updated", updated, updated_rule);
  }

  // A publication's canonical name for a site or credit name, or the name as given.
  static std::string Canonical(const std::string& name) {
    const Publication* publication = PublicationDirectory::Builtin().FindByName(name);
    return publication != nullptr ? publication->name : name;
  }

  bool SourceFromBody() {
    const PublicationDirectory& directory = PublicationDirectory::Builtin();
    if (!body_meta_.credit.empty()) {
      SetField(article_, &Article::source, "source", Canonical(body_meta_.credit),
               body_meta_.repost_credit ? "repost-credit" : "in-body-credit");
      return true;
    }
    if (const Publication* publication = EmailPublication()) {
      SetField(article_, &Article::source, "source", publication->name, "email-domain");
      return true;
    }
    if (repost_) {
      for (const std::string& link : content_.links) {
        if (const Publication* publication = directory.FindByDomain(link)) {
          SetField(article_, &Article::source, "source", publication->name, "in-body-link");
          SetField(article_, &Article::canonical_url, "canonical_url", link, "in-body-link");
          return true;
        }
      }
    }
    return false;
  }

  bool SourceFromPage() {
    const PublicationDirectory& directory = PublicationDirectory::Builtin();
    if (const Candidate* site = Best(meta_.sites, kSiteOrder)) {
      SetField(article_, &Article::source, "source", Canonical(site->value), site->rule);
      return true;
    }
    for (const Candidate& url : meta_.urls) {
      if (const Publication* publication = directory.FindByDomain(url.value)) {
        SetField(article_, &Article::source, "source", publication->name, "url-domain");
        return true;
      }
    }
    // "<headline> : <section> : <site>": the last part of the <title>, when known.
    for (const Candidate& title : meta_.titles) {
      if (title.rule != "html-title") continue;
      for (std::string_view separator : kTitleSeparators) {
        const size_t at = title.value.rfind(separator);
        if (at == std::string::npos) continue;
        const std::string last = title.value.substr(at + separator.size());
        if (const Publication* publication = directory.FindByName(last)) {
          SetField(article_, &Article::source, "source", publication->name, "title-suffix");
          return true;
        }
      }
    }
    return false;
  }

  void ChooseSource() {
    // A repost names its publication inside the body; an original page in its metadata.
    if (repost_) {
      if (!SourceFromBody()) SourceFromPage();
    } else if (!SourceFromPage()) {
      SourceFromBody();
    }
  }

  void ChooseUrl() {
    // A repost's canonical URL is the blog post's, not the article's.
    if (repost_) return;
    if (const Candidate* url = Best<Candidate>(meta_.urls, kUrlOrder, [](const Candidate& c) {
          return c.value.starts_with("http://") || c.value.starts_with("https://");
        })) {
      SetField(article_, &Article::canonical_url, "canonical_url", url->value, url->rule);
    }
  }

  // The most trusted list that still holds tags once cleaned: a JSON-LD keywords list of
  // nothing but CMS flags gives way to the page's visible labels or its meta keywords.
  // Each candidate holds one tag per item by now (lists given as one text were split where
  // they were read), so a lone article:tag "Washington, D.C." stays one tag.
  void ChooseTags() {
    std::vector<std::string> cleaned;
    if (const ListCandidate* tags =
            Best<ListCandidate>(meta_.tags, kTagOrder, [&cleaned](const ListCandidate& c) {
              cleaned = CleanEachTag(c.values);
              return !cleaned.empty();
            })) {
      cleaned = CleanEachTag(tags->values);
      std::set<std::string> seen;
      for (std::string& tag : cleaned) {
        if (seen.insert(FoldForCompare(tag)).second) article_.tags.push_back(std::move(tag));
      }
      article_.provenance["tags"] = tags->rule;
    }
  }

  void ChooseSummary(const std::string& page_text) {
    const std::string& title = article_.title;
    if (const Candidate* summary = Best<Candidate>(
            meta_.summaries, kSummaryOrder,
            [&](const Candidate& c) { return !IsSnippet(c.value, page_text, title); })) {
      SetField(article_, &Article::summary, "summary", summary->value, summary->rule);
    }
  }

  void ChooseLanguage() {
    if (const Candidate* language =
            Best<Candidate>(meta_.languages, kLanguageOrder,
                            [](const Candidate& c) { return !Primary(c.value).empty(); })) {
      SetField(article_, &Article::language, "language", Primary(language->value), language->rule);
    }
  }

  void ChooseMedia() {
    article_.media = content_.media;
    if (!article_.media.empty()) {
      article_.provenance["media"] = "content-caption";
    } else if (!body_meta_.captions.empty()) {
      // A caption written as a line above the byline: the image is the article's first.
      article_.media = body_meta_.captions;
      if (!content_.images.empty()) article_.media.front().url = content_.images.front();
      article_.provenance["media"] = "in-body-caption";
    } else if (!meta_.media.empty()) {
      article_.media = meta_.media;
      article_.provenance["media"] = "json-ld";
    }
  }

  const PageMetadata& meta_;
  Content content_;
  InBodyMeta body_meta_;
  bool repost_ = false;
  Article article_;
};

}  // namespace

Result<Article> BuildArticle(const PageMetadata& meta, Content content) {
  return Builder(meta, std::move(content)).Build();
}

}  // namespace morgue::html_plugin
