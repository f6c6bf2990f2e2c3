#include "plugins/html/article_builder.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "morgue/publications.h"
#include "morgue/text.h"
#include "plugins/html/body_meta.h"
#include "plugins/html/dom.h"

namespace morgue::html_plugin {
namespace {

using Order = std::span<const std::string_view>;

// ---- Orders of trust (plugins/html/README.md lists them) --------------------------------

constexpr auto kTitleOrder = std::to_array<std::string_view>(
    {"json-ld", "dc:title", "dcterm:title", "dc.title", "dcterms.title", "og:title", "headline",
     "twitter:title", "citation_title", "parsely-title", "sailthru.title", "itemprop-headline",
     "wordpress-entry-title", "blogger-post-title", "hentry-title", "html-title"});
constexpr auto kSubtitleOrder = std::to_array<std::string_view>({"json-ld", "dom-subtitle"});
constexpr auto kAuthorOrder = std::to_array<std::string_view>(
    {"json-ld", "dc:creator", "dcterm:creator", "itemprop-author", "author", "article:author",
     "og:article:author", "byl", "dc.creator", "dcterms.creator", "citation_author",
     "parsely-author", "sailthru.author", "hentry-author", "dom-byline"});
constexpr auto kPosterOrder = std::to_array<std::string_view>(
    {"blogger-post-author", "wordpress-author", "hentry-author", "json-ld", "author",
     "article:author", "itemprop-author", "dom-byline"});
constexpr auto kPublishedOrder = std::to_array<std::string_view>({"json-ld",
                                                                  "article:published_time",
                                                                  "og:article:published_time",
                                                                  "itemprop-date-published",
                                                                  "datepublished",
                                                                  "citation_publication_date",
                                                                  "citation_date",
                                                                  "dc.date.issued",
                                                                  "dc.date",
                                                                  "dcterms.issued",
                                                                  "dcterms.date",
                                                                  "dcterms.created",
                                                                  "parsely-pub-date",
                                                                  "sailthru.date",
                                                                  "date",
                                                                  "pubdate",
                                                                  "publishdate",
                                                                  "publish-date",
                                                                  "hentry-published",
                                                                  "wordpress-entry-date",
                                                                  "blogger-timestamp",
                                                                  "blogger-date-header",
                                                                  "time-datetime",
                                                                  "dom-date"});
// A repost's own date is not on the page; the blog's dates are when it was posted, and
// the blog's visible date (in the poster's time zone) is the best day for it.
constexpr auto kRepostDateOrder = std::to_array<std::string_view>(
    {"blogger-date-header", "wordpress-entry-date", "blogger-timestamp", "hentry-published",
     "time-datetime", "json-ld", "article:published_time", "dom-date"});
constexpr auto kUpdatedOrder = std::to_array<std::string_view>(
    {"json-ld", "article:modified_time", "og:updated_time", "itemprop-date-modified",
     "datemodified", "dc.date.modified", "dcterms.modified", "hentry-updated"});
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

bool StartsWithSeparator(std::string_view rest) {
  for (std::string_view separator : kTitleSeparators) {
    if (rest.starts_with(separator)) return true;
  }
  return false;
}

bool EndsWithSeparator(std::string_view rest) {
  for (std::string_view separator : kTitleSeparators) {
    if (rest.ends_with(separator)) return true;
  }
  return false;
}

// Readability's rule for a <title> nothing else explains: "Headline | Site" and
// "Headline - Site" keep the part before the last separator, "Site | Headline" (when that
// leaves under three words) the part after the first; a result of four words or fewer
// is too short to be the headline and the title stays whole.
std::string CutAtSeparators(const std::string& title) {
  constexpr auto kSeparators = std::to_array<std::string_view>(
      {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " \xC2\xBB ", " / ", " \\ ", " > "});
  size_t first = std::string::npos;
  size_t first_end = 0;
  size_t last = std::string::npos;
  for (std::string_view separator : kSeparators) {
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

// A page title without the site's name: a heading of the page that the title starts or
// ends with (the start first: "Headline — Site", where the site's banner is a heading
// too), or the title with a known site name cut off, or else cut at its separators.
std::string CleanTitle(const std::string& title, const PageMetadata& meta) {
  for (bool at_start : {true, false}) {
    for (const std::string& heading : meta.headings) {
      if (heading.size() >= title.size() || CharCount(heading) < 8) continue;
      std::string_view view(title);
      if (at_start && view.starts_with(heading) &&
          StartsWithSeparator(view.substr(heading.size()))) {
        return heading;
      }
      if (!at_start && view.ends_with(heading) &&
          EndsWithSeparator(view.substr(0, view.size() - heading.size()))) {
        return heading;
      }
    }
  }
  for (const Candidate& site : meta.sites) {
    std::string_view view(title);
    if (site.value.size() >= title.size()) continue;
    if (view.ends_with(site.value)) {
      std::string_view rest = view.substr(0, view.size() - site.value.size());
      if (EndsWithSeparator(rest)) {
        for (std::string_view separator : kTitleSeparators) {
          if (rest.ends_with(separator)) {
            return std::string(rest.substr(0, rest.size() - separator.size()));
          }
        }
      }
    }
    if (view.starts_with(site.value)) {
      std::string_view rest = view.substr(site.value.size());
      for (std::string_view separator : kTitleSeparators) {
        if (rest.starts_with(separator)) return std::string(rest.substr(separator.size()));
      }
    }
  }
  return CutAtSeparators(title);
}

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
  std::string tag = AsciiLower(language.substr(0, language.find_first_of("-_")));
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
    // The raw text, before metadata lines leave it, tells snippets from summaries.
    std::string page_text;
    for (const Block& block : content_.blocks) page_text += FoldForCompare(block.text) + " ";
    ChooseTitle();
    body_meta_ = TakeInBodyMetadata(content_.blocks, article_.title);
    repost_ = meta_.is_blog && (!body_meta_.authors.empty() || !body_meta_.credit.empty() ||
                                EmailPublication() != nullptr);
    ChooseBody();
    if (article_.body.empty()) return Status::InvalidArgument("no article found");
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
    if (const Candidate* title = Best(meta_.titles, kTitleOrder)) {
      // Metadata titles are meant as the article's; only <title> carries the site's name.
      std::string value =
          title->rule == "html-title" ? CleanTitle(title->value, meta_) : title->value;
      SetField(article_, &Article::title, "title", std::move(value), title->rule);
    }
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
    if (const NamesCandidate* authors = Best(meta_.authors, kAuthorOrder)) {
      article_.authors = NamesToAuthors(authors->names, "author");
      article_.provenance["authors"] = authors->rule;
    } else if (!body_meta_.authors.empty()) {
      article_.authors = body_meta_.authors;
      article_.provenance["authors"] = "in-body-byline";
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
      if (!body_meta_.published.empty()) {
        SetField(article_, &Article::published, "published", body_meta_.published, "in-body-date");
        return;
      }
      auto [date, rule] = FirstDate(meta_.published, kRepostDateOrder);
      // The day the blog posted it; its time is the posting's, not the article's.
      SetField(article_, &Article::published, "published", date.substr(0, 10), rule);
      return;
    }
    auto [published, rule] = FirstDate(meta_.published, kPublishedOrder);
    if (published.empty() && !body_meta_.published.empty()) {
      published = body_meta_.published;
      rule = "in-body-date";
    }
    SetField(article_, &Article::published, "published", published, rule);
    auto [updated, updated_rule] = FirstDate(meta_.updated, kUpdatedOrder);
    if (updated != article_.published) {
      SetField(article_, &Article::updated, "updated", updated, updated_rule);
    }
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
               "in-body-credit");
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
  void ChooseTags() {
    std::vector<std::string> cleaned;
    if (const ListCandidate* tags =
            Best<ListCandidate>(meta_.tags, kTagOrder, [&cleaned](const ListCandidate& c) {
              cleaned = CleanTags(c.values);
              return !cleaned.empty();
            })) {
      cleaned = CleanTags(tags->values);
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
