#include "plugins/html/date_choice.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "morgue/text.h"

namespace morgue::html_plugin {
namespace {

// Metadata written for machines, in order of trust (plugins/html/README.md lists them).
constexpr auto kMachineOrder = std::to_array<std::string_view>({"json-ld",
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
                                                                "blogger-date-header"});
// What a reader of the article sees: the date line near the headline, then the <time>
// of the article.
constexpr auto kShownOrder =
    std::to_array<std::string_view>({"visible-date-line", "visible-date", "time-element",
                                     "abbr-published", "visible-date-in-text"});
// Dates found by looser rules: the page's first <time>, an element whose class names a
// date.
constexpr auto kLooseOrder = std::to_array<std::string_view>({"time-datetime", "dom-date"});
constexpr auto kUpdatedOrder = std::to_array<std::string_view>(
    {"json-ld", "article:modified_time", "og:updated_time", "itemprop-date-modified",
     "datemodified", "dc.date.modified", "dcterms.modified", "hentry-updated", "visible-date-line",
     "time-element"});

// The updated dates of the metadata alone.
constexpr auto kMachineUpdatedOrder = std::to_array<std::string_view>(
    {"json-ld", "article:modified_time", "og:updated_time", "itemprop-date-modified",
     "datemodified", "dc.date.modified", "dcterms.modified"});

struct Dated {
  std::string iso;
  std::string rule;
  explicit operator bool() const { return !iso.empty(); }
  std::string_view day() const { return std::string_view(iso).substr(0, 10); }
};

// The most trusted candidate in `order` that parses as a date.
Dated First(const std::vector<Candidate>& candidates, std::span<const std::string_view> order) {
  Dated best;
  size_t best_rank = order.size();
  for (const Candidate& candidate : candidates) {
    const size_t rank =
        static_cast<size_t>(std::find(order.begin(), order.end(), candidate.rule) - order.begin());
    if (rank >= best_rank) continue;
    if (std::string date = ParseDate(candidate.value); !date.empty()) {
      best = {std::move(date), candidate.rule};
      best_rank = rank;
    }
  }
  return best;
}

std::string ValueOf(const std::vector<Candidate>& candidates, std::string_view rule) {
  for (const Candidate& candidate : candidates) {
    if (candidate.rule == rule) return candidate.value;
  }
  return "";
}

// Days since 1970-01-01 of a "YYYY-MM-DD" day (proleptic Gregorian).
long DayNumber(std::string_view day) {
  const auto number = [day](size_t at, size_t length) {
    return std::atol(std::string(day.substr(at, length)).c_str());
  };
  long year = number(0, 4);
  const long month = number(5, 2);
  const long d = number(8, 2);
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

long DaysApart(std::string_view a, std::string_view b) {
  return std::labs(DayNumber(a.substr(0, 10)) - DayNumber(b.substr(0, 10)));
}

// Minutes since 1970-01-01T00:00Z of an ISO 8601 date-time with an offset; -1 without a
// time or an offset.
long long Instant(std::string_view iso) {
  if (iso.size() < 16 || iso[10] != 'T') return -1;
  const auto number = [iso](size_t at) {
    return std::atoi(std::string(iso.substr(at, 2)).c_str());
  };
  const size_t zone = iso.find_first_of("Z+-", 16);
  if (zone == std::string_view::npos) return -1;
  long long minutes = DayNumber(iso.substr(0, 10)) * 1440LL + number(11) * 60LL + number(14);
  if (iso[zone] != 'Z' && iso.size() >= zone + 6) {
    const int offset = number(zone + 1) * 60 + number(zone + 4);
    minutes -= iso[zone] == '+' ? offset : -offset;
  }
  return minutes;
}

// The same instant as `machine` written in the page's own zone, when a source gives
// it so ("2022-05-04T03:37Z" and "2022-05-03T23:37-04:00"): its day is the local one.
Dated InLocalZone(const Dated& machine, const std::vector<Dated>& machines) {
  const long long instant = Instant(machine.iso);
  if (instant < 0) return machine;
  for (const Dated& other : machines) {
    const bool utc = other.iso.ends_with("Z") || other.iso.ends_with("+00:00");
    if (!utc && Instant(other.iso) == instant) return other;
  }
  return machine;
}

// Every candidate in `order` that parses as a date, most trusted first.
std::vector<Dated> All(const std::vector<Candidate>& candidates,
                       std::span<const std::string_view> order) {
  std::vector<std::pair<size_t, Dated>> ranked;
  for (const Candidate& candidate : candidates) {
    const size_t rank =
        static_cast<size_t>(std::find(order.begin(), order.end(), candidate.rule) - order.begin());
    if (rank >= order.size()) continue;
    if (std::string date = ParseDate(candidate.value); !date.empty()) {
      ranked.push_back({rank, {std::move(date), candidate.rule}});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Dated> dates;
  dates.reserve(ranked.size());
  for (auto& [rank, date] : ranked) dates.push_back(std::move(date));
  return dates;
}

// The day a page states beside its metadata, from the readings `rule` gives (the two of a
// date line whose slashes could be read either way, "3/5/2022"; the date in the <title>):
// the reading one day from the machine date (the page's local day), named `chosen_rule`;
// nothing when a reading is the machine's own day or none or several are near it.
Dated OneDayFromMachine(const PageMetadata& meta, const Dated& machine, std::string_view rule,
                        std::string_view chosen_rule) {
  std::vector<Dated> near;
  for (const Candidate& candidate : meta.published) {
    if (candidate.rule != rule) continue;
    const long apart = DaysApart(candidate.value, machine.iso);
    if (apart == 0) return {};
    if (apart == 1) near.push_back({candidate.value, std::string(chosen_rule)});
  }
  return near.size() == 1 ? near.front() : Dated{};
}

// Whether the metadata says the page was modified on `date`'s day.
bool ModifiedOnDayOf(const PageMetadata& meta, const Dated& date) {
  for (const Dated& modified : All(meta.updated, kMachineUpdatedOrder)) {
    if (DaysApart(modified.iso, date.iso) == 0) return true;
  }
  return false;
}

// The published date, from the sources checked against each other.
Dated ChoosePublished(const PageMetadata& meta, const std::string& in_body_date) {
  const std::vector<Dated> machines = All(meta.published, kMachineOrder);
  const Dated machine = machines.empty() ? Dated{} : InLocalZone(machines.front(), machines);
  Dated shown = First(meta.published, kShownOrder);
  Dated loose = First(meta.published, kLooseOrder);
  if (!loose && !in_body_date.empty()) loose = {in_body_date, "in-body-date"};
  const std::string url_day = ValueOf(meta.published, "url-path");
  const std::string url_month = ValueOf(meta.published, "url-month");
  Dated url = url_day.empty() ? Dated{} : Dated{url_day, "url-path"};
  // A date the address contradicts (another day, another month) is not the article's.
  const auto url_allows = [&](const Dated& date) {
    if (!url_day.empty()) return DaysApart(date.iso, url_day) <= 1;
    if (!url_month.empty()) return date.iso.starts_with(url_month);
    return true;
  };

  if (!machine) {
    // A date in the text that does not say what it is counts only as a loose one.
    const bool in_text = shown.rule == "visible-date-in-text";
    if (shown && !in_text) return url_allows(shown) ? shown : Dated{};
    if (url) return url;
    const Dated& last = loose ? loose : shown;
    return last && url_allows(last) ? last : Dated{};
  }
  // The machine date the address agrees with, the most trusted first: metadata can
  // disagree with itself (an old JSON-LD date beside the page's <meta>).
  if (url) {
    for (const Dated& candidate : machines) {
      if (DaysApart(candidate.iso, url.iso) == 0) return candidate;
    }
  }
  if (shown) {
    // Or the one the page shows.
    for (const Dated& candidate : machines) {
      if (DaysApart(candidate.iso, shown.iso) == 0) return candidate;
    }
    const bool says_what_it_is = shown.rule != "visible-date-in-text";
    // The day before: the machine date is in UTC just after midnight ("2022-05-04T03:37Z"),
    // the page shows the evening's local day.
    if (DayNumber(shown.day()) + 1 == DayNumber(machine.day()) && url_allows(shown)) return shown;
    // A page showing as its date, later than the metadata's publication, the day the
    // metadata says it was modified: the article was republished that day, and its date
    // is the one it shows.
    if (DayNumber(shown.day()) > DayNumber(machine.day()) && says_what_it_is &&
        ModifiedOnDayOf(meta, shown) && url_allows(shown)) {
      return shown;
    }
    // A page showing the day after a machine date keeps the machine date: "2018-06-12T23:00Z"
    // is often a CMS's local midnight written in UTC, and the metadata is the statement the
    // page makes of it.
    if (DaysApart(machine.iso, shown.iso) == 1) return url_allows(machine) ? machine : Dated{};
    if (url && DaysApart(url.iso, shown.iso) == 0) return shown;
    // A "published" date on the day the metadata says the page was modified, later than
    // the day the page shows, is the last save's: the page's own date is the shown one.
    if (DayNumber(shown.day()) < DayNumber(machine.day()) && says_what_it_is &&
        ModifiedOnDayOf(meta, machine)) {
      return shown;
    }
    // Far apart: a date line that says "published" contradicts the metadata, and nothing
    // settles which is right. A date shown without saying what it is (an event's, a
    // comment's) does not outweigh the metadata.
    if (shown.rule == "visible-date-line") return {};
  }
  if (Dated either = OneDayFromMachine(meta, machine, "visible-date-either-way", "visible-date")) {
    return either;
  }
  if (Dated titled = OneDayFromMachine(meta, machine, "title-date", "title-date");
      titled && url_allows(titled)) {
    return titled;
  }
  if (url && DaysApart(url.iso, machine.iso) == 1) return url;
  return url_allows(machine) ? machine : Dated{};
}

}  // namespace

ChosenDates ChooseArticleDates(const PageMetadata& meta, const std::string& in_body_date) {
  ChosenDates chosen;
  const Dated published = ChoosePublished(meta, in_body_date);
  chosen.published = published.iso;
  chosen.published_rule = published.rule;
  const Dated updated = First(meta.updated, kUpdatedOrder);
  if (updated && updated.iso != chosen.published) {
    chosen.updated = updated.iso;
    chosen.updated_rule = updated.rule;
  }
  return chosen;
}

}  // namespace morgue::html_plugin
