// The time of day written around a date (dates_time_of_day.h). std::regex runs on short,
// whitespace-folded text only.

#include "dates_time_of_day.h"

#include <array>
#include <cstdio>
#include <regex>
#include <string>
#include <string_view>
#include <utility>

#include "text_chars.h"

namespace morgue::internal {
namespace {

#define MORGUE_WEEKDAY                                                                             \
  "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|" \
  "sun)"
#define MORGUE_ZONE_NAME "(gmt|utc|ut|z|est|edt|cst|cdt|mst|mdt|pst|pdt|kst|jst)"

int ToInt(const std::ssub_match& match) { return match.matched ? std::stoi(match.str()) : -1; }

// 12-hour clock to 24-hour; false for an hour the marker makes impossible.
bool ApplyMeridiem(std::string_view marker, int* hour) {
  if (marker.empty()) {
    return *hour <= 23;
  }
  if (*hour < 1 || *hour > 12) {
    return false;
  }
  const std::string lower = LowerAscii(marker);
  const bool pm = lower.starts_with('p') || marker == "오후" || marker == "午後";
  *hour = (*hour % 12) + (pm ? 12 : 0);
  return true;
}

std::string ZoneOffset(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kZones = {{
      {"gmt", "Z"},
      {"utc", "Z"},
      {"ut", "Z"},
      {"z", "Z"},
      {"est", "-05:00"},
      {"edt", "-04:00"},
      {"cst", "-06:00"},
      {"cdt", "-05:00"},
      {"mst", "-07:00"},
      {"mdt", "-06:00"},
      {"pst", "-08:00"},
      {"pdt", "-07:00"},
      {"kst", "+09:00"},
      {"jst", "+09:00"},
  }};
  const std::string lower = LowerAscii(name);
  for (const auto& [zone, offset] : kZones) {
    if (lower == zone) {
      return std::string(offset);
    }
  }
  return "";
}

// A zone or offset at text[pos]: "GMT", " +0900", "+09:00", "Z", " (KST)", "GMT+9".
// Returns the offset ("" if none) and advances *pos past it.
std::string ReadZone(const std::string& text, size_t* pos) {
  static const std::regex kZone("^\\s*\\(?\\s*(?:" MORGUE_ZONE_NAME
                                "(?![a-z]))?\\s*(?:([+-])([0-9]{1,2})(?::?([0-9]{2}))?"
                                "(?![0-9]))?\\s*\\)?",
                                kRegexFlags);
  std::smatch m;
  // Anchored: match_continuous tries the start only, instead of every later position.
  if (!std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(*pos), text.end(), m, kZone,
                         std::regex_constants::match_continuous)) {
    return "";
  }
  std::string offset;
  if (m[2].matched && (m[4].matched || m[1].matched)) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%s%02d:%02d", m[2].str().c_str(), ToInt(m[3]),
                  m[4].matched ? ToInt(m[4]) : 0);
    offset = buffer;
  } else if (m[1].matched) {
    offset = ZoneOffset(m[1].str());
  }
  if (!offset.empty()) {
    *pos += static_cast<size_t>(m.length(0));
  }
  return offset;
}

}  // namespace

TimeOfDay ReadTimeAfter(const std::string& text, size_t pos) {
  static const std::regex kTime(
      "^\\s*(?:\\([^)0-9]{1,12}\\)\\s*)?(?:(?:,|\\||@|-|–|—|\\.|at\\b|t(?=[0-9])|um\\b|om\\b|"
      "alle\\b|a las\\b|kl\\.?|(?:à|às|в)(?=\\s))\\s*)?"
      "(오전|오후|午前|午後)?\\s*([0-9]{1,2})(?:([:.])([0-9]{2})(?::([0-9]{2})(\\.[0-9]+)?)?"
      "|\\s*(시|時)(?:\\s*([0-9]{1,2})\\s*(?:분|分))?)?"
      "(?:\\s*(a\\.?m\\.?|p\\.?m\\.?|[ap]\\.\\s?m\\.)(?![a-z]))?(?![0-9])",
      kRegexFlags);
  TimeOfDay time;
  std::smatch m;
  if (!std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(pos), text.end(), m, kTime,
                         std::regex_constants::match_continuous)) {
    return time;
  }
  const bool minutes = m[4].matched;
  const bool hour_word = m[7].matched;  // 시, 時
  const bool meridiem = m[1].matched || m[9].matched;
  if (!minutes && !hour_word && !meridiem) {
    return time;  // a bare number after a date is not a time
  }
  time.found = true;
  time.begin = pos;
  time.end = pos + static_cast<size_t>(m.length(0));
  time.hour = ToInt(m[2]);
  time.minute = minutes ? ToInt(m[4]) : (m[8].matched ? ToInt(m[8]) : 0);
  if (m[5].matched) {
    time.seconds = ":" + m[5].str() + m[6].str();
  }
  const std::string marker = m[1].matched ? m[1].str() : m[9].str();
  time.valid = ApplyMeridiem(marker, &time.hour) && time.minute <= 59;
  time.offset = ReadZone(text, &time.end);
  // "19.42" is a time only when a zone or a.m./p.m. says so; otherwise it is a number.
  if (m[3].matched && m[3].str() == "." && marker.empty() && time.offset.empty()) {
    return {};
  }
  return time;
}

TimeOfDay ReadTimeBefore(const std::string& text, size_t date_begin) {
  static const std::regex kTime(
      "(오전|오후)?\\s*\\b([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:\\s*(a\\.?m\\.?|p\\.?m\\.?|[ap]"
      "\\.\\s?m\\.))?"
      "\\s*(?:\\(?" MORGUE_ZONE_NAME "\\)?)?\\s*(?:[,|@-]|on)?\\s*(?:" MORGUE_WEEKDAY
      "\\.?,?\\s*)?$",
      kRegexFlags);
  TimeOfDay time;
  const std::string prefix = text.substr(0, date_begin);
  std::smatch m;
  if (prefix.find(':') == std::string::npos || !std::regex_search(prefix, m, kTime)) {
    return time;
  }
  time.found = true;
  time.begin = static_cast<size_t>(m.position(0));
  time.end = date_begin;
  time.hour = ToInt(m[2]);
  time.minute = ToInt(m[3]);
  if (m[4].matched) {
    time.seconds = ":" + m[4].str();
  }
  const std::string marker = m[1].matched ? m[1].str() : m[5].str();
  time.valid = ApplyMeridiem(marker, &time.hour) && time.minute <= 59;
  if (m[6].matched) {
    time.offset = ZoneOffset(m[6].str());
  }
  return time;
}

#undef MORGUE_WEEKDAY
#undef MORGUE_ZONE_NAME

}  // namespace morgue::internal
