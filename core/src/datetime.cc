#include "morgue/datetime.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

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

bool ReadOffset(std::string_view text, size_t& pos) {
  if (pos == text.size()) return true;
  if (text[pos] == 'Z') return ++pos == text.size();
  if (text[pos] != '+' && text[pos] != '-') return false;
  ++pos;
  int hours = 0;
  int minutes = 0;
  if (!ReadNumber(text, pos, 2, hours) || hours > 14) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (!ReadNumber(text, pos, 2, minutes) || minutes > 59) return false;
  return pos == text.size();
}

}  // namespace

bool IsIso8601(std::string_view text) {
  size_t pos = 0;
  int year = 0;
  int month = 0;
  int day = 0;
  if (!ReadNumber(text, pos, 4, year)) return false;
  if (pos == text.size()) return true;
  if (text[pos++] != '-' || !ReadNumber(text, pos, 2, month) || month < 1 || month > 12) {
    return false;
  }
  if (pos == text.size()) return true;
  if (text[pos++] != '-' || !ReadNumber(text, pos, 2, day) || day < 1 ||
      day > DaysInMonth(year, month)) {
    return false;
  }
  if (pos == text.size()) return true;
  if (text[pos] != 'T' && text[pos] != ' ') return false;
  ++pos;
  int hour = 0;
  int minute = 0;
  int second = 0;
  if (!ReadNumber(text, pos, 2, hour) || hour > 23) return false;
  if (pos >= text.size() || text[pos++] != ':') return false;
  if (!ReadNumber(text, pos, 2, minute) || minute > 59) return false;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadNumber(text, pos, 2, second) || second > 60) return false;  // 60: leap second
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      size_t start = pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == start) return false;
    }
  }
  return ReadOffset(text, pos);
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
