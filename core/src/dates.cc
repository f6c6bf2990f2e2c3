// Dates as news pages and blogs write them (morgue/text.h: ParseDate). std::regex runs on
// short, whitespace-folded text only.

#include "dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "dates_time_of_day.h"
#include "dates_words.h"
#include "morgue/datetime.h"
#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {
namespace {

using namespace internal;  // NOLINT(google-build-using-namespace)

constexpr int kMaxDateExtraWords = 4;

// A weekday, a month or a word of a date line ("Veröffentlicht am", "Uhr", "입력").
bool IsDateWord(const std::string& word) {
  const std::string lower = LowerSameLength(word);
  return IsWeekdayWord(word) || MonthOfWord(lower) != 0 ||
         RoleOfDateWord(lower) != DateWordRole::kNone;
}

// Words (runs holding a letter) in `text`, date words not counted.
int CountExtraWords(std::string_view text) {
  int count = 0;
  std::string word;
  bool letter = false;
  const auto flush = [&] {
    if (letter && !IsDateWord(word)) {
      ++count;
    }
    word.clear();
    letter = false;
  };
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (IsLetterish(cp) || IsAsciiDigit(cp) || cp == '-' || cp == '\'') {
      letter = letter || IsLetterish(cp);
      word.append(text.substr(pos, length));
    } else {
      flush();
    }
  });
  flush();
  return count;
}

std::string FormatDate(const DateCandidate& date, const TimeOfDay& time) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  std::string out = buffer;
  if (time.found) {
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d", time.hour, time.minute);
    out += buffer;
    out += time.seconds;
    out += time.offset;
  }
  return out;
}

// A date with the time written around it, as ISO 8601, and the bytes it took.
struct DateSpan {
  std::string iso;
  size_t begin = 0;
  size_t end = 0;
};

// The ISO form of the date at `date` with the time around it; an empty iso for an
// impossible date or time, or a date inside a sentence.
DateSpan DateAt(const std::string& text, const DateCandidate& date) {
  if (date.year < 1000 || date.month < 1 || date.month > 12 || date.day < 1) {
    return {};
  }
  size_t extra_begin = date.begin;
  size_t extra_end = date.end;
  TimeOfDay time = ReadTimeAfter(text, date.end);
  if (time.found) {
    extra_end = time.end;
  } else {
    time = ReadTimeBefore(text, date.begin);
    if (time.found) {
      extra_begin = time.begin;
    }
  }
  if (!time.valid) {
    return {};
  }
  const std::string_view rest(text);
  if (CountExtraWords(rest.substr(0, extra_begin)) + CountExtraWords(rest.substr(extra_end)) >
      kMaxDateExtraWords) {
    return {};
  }
  std::string iso = FormatDate(date, time);
  if (!IsIso8601(iso)) {
    return {};
  }
  return {std::move(iso), extra_begin, extra_end};
}

// The last publication or update word in text[begin, end); kNone when there is none.
DateWordRole LastRoleIn(std::string_view text) {
  DateWordRole role = DateWordRole::kNone;
  std::string word;
  const auto flush = [&] {
    const DateWordRole found = RoleOfDateWord(LowerSameLength(word));
    if (found == DateWordRole::kPublished || found == DateWordRole::kUpdated ||
        found == DateWordRole::kStatus) {
      role = found;
    }
    word.clear();
  };
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (IsLetterish(cp)) {
      word.append(text.substr(pos, length));
    } else {
      flush();
    }
  });
  flush();
  return role;
}

}  // namespace

std::vector<DateCandidate> internal::FindDates(const std::string& text) {
  std::vector<DateCandidate> dates;
  // Every form needs a digit.
  if (text.find_first_of("0123456789") == std::string::npos) return dates;
  FindNumericDates(text, &dates);
  FindNamedDates(text, &dates);
  std::stable_sort(dates.begin(), dates.end(), [](const DateCandidate& a, const DateCandidate& b) {
    return a.begin < b.begin;
  });
  return dates;
}

bool internal::IsWeekdayWord(std::string_view word) {
  // The English names and abbreviations (those ReadTimeBefore reads too), in any case, with or
  // without a dot; then the other languages' names.
  static constexpr std::array<std::string_view, 17> kEnglish = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
      "tues",   "wed",     "thu",       "thur",     "thurs",  "fri",      "sat",    "sun"};
  const std::string lower = LowerSameLength(word);
  std::string_view bare = lower;
  if (bare.ends_with('.')) bare.remove_suffix(1);
  if (std::find(kEnglish.begin(), kEnglish.end(), bare) != kEnglish.end()) {
    return true;
  }
  return IsWeekdayName(lower);
}

std::string ParseDate(std::string_view text) {
  const std::string folded = FoldFullWidthDigits(CollapseWhitespace(text));
  if (folded.empty() || folded.size() > kMaxDateText) {
    return "";
  }
  for (const DateCandidate& date : FindDates(folded)) {
    DateSpan span = DateAt(folded, date);
    if (!span.iso.empty()) {
      return std::move(span.iso);
    }
  }
  return "";
}

DateLine ParseDateLine(std::string_view line) {
  DateLine result;
  const std::string folded = FoldFullWidthDigits(CollapseWhitespace(line));
  if (folded.empty() || folded.size() > kMaxDateText) {
    return result;
  }
  std::vector<DateSpan> spans;
  for (const DateCandidate& date : FindDates(folded)) {
    DateSpan span = DateAt(folded, date);
    // Patterns may find the same date twice ("04.01.2011" is also "01.2011...").
    if (!span.iso.empty() && (spans.empty() || span.begin >= spans.back().end)) {
      spans.push_back(std::move(span));
    }
  }
  const std::string_view text(folded);
  size_t before = 0;  // where the words that may name the next date start
  for (size_t i = 0; i < spans.size(); ++i) {
    // The word before the date names it ("Aktualisiert am 5. Januar"); in Chinese,
    // Japanese and Korean lines the word may come after it ("2011年1月4日 発行"), and
    // is then not also the next date's.
    const size_t after = i + 1 == spans.size() ? text.size() : spans[i + 1].begin;
    const std::string_view following = text.substr(spans[i].end, after - spans[i].end);
    DateWordRole role = LastRoleIn(text.substr(before, spans[i].begin - before));
    before = spans[i].end;
    if (role == DateWordRole::kNone && HasCjk(following)) {
      role = LastRoleIn(following);
      if (role != DateWordRole::kNone) before = after;
    }
    std::string* slot = role == DateWordRole::kPublished ? &result.published
                        : role == DateWordRole::kUpdated ? &result.updated
                                                         : &result.unlabelled;
    if (slot->empty()) {
      *slot = spans[i].iso;
    }
  }
  return result;
}

}  // namespace morgue
