#include "morgue/datetime.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "datetime_compare.h"

namespace morgue {
namespace {

// Reads exactly `digits` decimal digits at text[pos]; advances pos.
bool ReadNumber(std::string_view text, size_t& pos, int digits, int& value) {
  if (pos + digits > text.size()) return false;
  value = 0;
  for (int i = 0; i < digits; ++i) {
    char c = text[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    value = value * 10 + (c - '0');
  }
  pos += digits;
  return true;
}

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// The parts of an ISO 8601 text; what it leaves out stays 0 (or false).
struct DateParts {
  int year = 0;
  int month = 0;
  int day = 0;
  bool has_time = false;
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_offset = false;
  int offset_minutes = 0;  // east of UTC
};

bool ReadOffset(std::string_view text, size_t& pos, DateParts& parts) {
  if (pos == text.size()) return true;
  parts.has_offset = true;
  if (text[pos] == 'Z') return ++pos == text.size();
  if (text[pos] != '+' && text[pos] != '-') return false;
  const int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  int hours = 0;
  int minutes = 0;
  if (!ReadNumber(text, pos, 2, hours) || hours > 14) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (!ReadNumber(text, pos, 2, minutes) || minutes > 59) return false;
  parts.offset_minutes = sign * (hours * 60 + minutes);
  return pos == text.size();
}

// Reads one of the forms IsIso8601 accepts into *parts.
bool ParseIso8601(std::string_view text, DateParts& parts) {
  size_t pos = 0;
  if (!ReadNumber(text, pos, 4, parts.year)) return false;
  if (pos == text.size()) return true;
  if (text[pos++] != '-' || !ReadNumber(text, pos, 2, parts.month) || parts.month < 1 ||
      parts.month > 12) {
    return false;
  }
  if (pos == text.size()) return true;
  if (text[pos++] != '-' || !ReadNumber(text, pos, 2, parts.day) || parts.day < 1 ||
      parts.day > DaysInMonth(parts.year, parts.month)) {
    return false;
  }
  if (pos == text.size()) return true;
  if (text[pos] != 'T' && text[pos] != ' ') return false;
  ++pos;
  parts.has_time = true;
  if (!ReadNumber(text, pos, 2, parts.hour) || parts.hour > 23) return false;
  if (pos >= text.size() || text[pos++] != ':') return false;
  if (!ReadNumber(text, pos, 2, parts.minute) || parts.minute > 59) return false;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    // 60: a leap second.
    if (!ReadNumber(text, pos, 2, parts.second) || parts.second > 60) return false;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == start) return false;
    }
  }
  return ReadOffset(text, pos, parts);
}

}  // namespace

bool IsIso8601(std::string_view text) {
  DateParts parts;
  return ParseIso8601(text, parts);
}

std::string SortableDate(std::string_view text) {
  DateParts p;
  if (!ParseIso8601(text, p)) return {};
  if (!p.has_time) return std::string(text);  // "2011", "2011-01", "2011-01-04"
  if (p.has_offset && p.offset_minutes != 0) {
    // Shift hours and minutes only: the seconds (a leap second's 60 too) stay as given.
    namespace chrono = std::chrono;
    int minutes = p.hour * 60 + p.minute - p.offset_minutes;
    int day_shift = 0;
    if (minutes < 0) {
      minutes += 24 * 60;
      day_shift = -1;
    } else if (minutes >= 24 * 60) {
      minutes -= 24 * 60;
      day_shift = 1;
    }
    p.hour = minutes / 60;
    p.minute = minutes % 60;
    if (day_shift != 0) {
      const chrono::sys_days shifted =
          chrono::sys_days(chrono::year_month_day(chrono::year(p.year),
                                                  chrono::month(static_cast<unsigned>(p.month)),
                                                  chrono::day(static_cast<unsigned>(p.day)))) +
          chrono::days(day_shift);
      const chrono::year_month_day date(shifted);
      p.year = static_cast<int>(date.year());
      p.month = static_cast<int>(static_cast<unsigned>(date.month()));
      p.day = static_cast<int>(static_cast<unsigned>(date.day()));
    }
  }
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d%s", p.year, p.month, p.day,
                p.hour, p.minute, p.second, p.has_offset ? "Z" : "");
  return buffer;
}

bool DatesDisagree(std::string_view a, std::string_view b) {
  DateParts x;
  DateParts y;
  if (!ParseIso8601(a, x) || !ParseIso8601(b, y)) return a != b;
  // The parts both give, as written: a year, a month, a day.
  if (x.year != y.year) return true;
  if (x.month != 0 && y.month != 0 && x.month != y.month) return true;
  if (x.day != 0 && y.day != 0 && x.day != y.day) return true;
  if (!x.has_time || !y.has_time) return false;
  // Two instants; else the local time as written, to the minute.
  if (x.has_offset && y.has_offset) return SortableDate(a) != SortableDate(b);
  return x.hour != y.hour || x.minute != y.minute;
}

std::string UtcNow() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace morgue
