#include "progress.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <utility>

namespace morgue::cli {
namespace {

// Often enough to look alive, rarely enough to cost nothing on fast imports.
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

std::string Duration(double seconds) {
  const auto total = static_cast<int64_t>(std::llround(seconds));
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof(text), "%lldh%02lldm", static_cast<long long>(total / 3600),
                  static_cast<long long>(total % 3600 / 60));
  } else {
    std::snprintf(text, sizeof(text), "%lldm%02llds", static_cast<long long>(total / 60),
                  static_cast<long long>(total % 60));
  }
  return text;
}

}  // namespace

Progress::Progress(std::string noun, int64_t total, bool enabled)
    : noun_(std::move(noun)),
      total_(total),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawInterval) {}

Progress::~Progress() { Clear(); }

bool Progress::WantedFor(bool quiet) { return !quiet && isatty(STDERR_FILENO) == 1; }

std::string Progress::Format(std::string_view noun, int64_t done, int64_t total, double seconds) {
  std::string line;
  if (total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    const int filled = static_cast<int>(fraction * kBarWidth);
    line += "[" + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(kBarWidth - filled), '.') + "] ";
  }
  line += std::to_string(done);
  if (total > 0) line += "/" + std::to_string(total);
  line += " " + std::string(noun);
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char figures[64];
  std::snprintf(figures, sizeof(figures), ", %.1f/s", rate);
  line += figures;
  if (total > 0 && rate > 0 && done < total) {
    line += ", " + Duration(static_cast<double>(total - done) / rate) + " left";
  }
  return line;
}

void Progress::Update(int64_t done) {
  done_ = done;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  Draw();
}

std::string Progress::Line(std::string_view noun, int64_t done, int64_t total, double seconds,
                           std::string_view detail) {
  std::string line = Format(noun, done, total, seconds);
  if (detail.empty()) return line;
  line += "; ";
  line += detail;
  // Cut to 79 characters (not bytes: never inside a UTF-8 sequence) so it never wraps.
  size_t characters = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++characters > 79) {
      line.resize(i);
      break;
    }
  }
  return line;
}

void Progress::Draw() {
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  // \r and "erase to end of line" redraw in place.
  std::cerr << '\r' << Line(noun_, done_, total_, elapsed.count(), detail_) << "\x1b[K"
            << std::flush;
  shown_ = true;
}

void Progress::Message(std::string_view line) {
  Clear();
  std::cerr << line << '\n';
  if (enabled_) Draw();
}

void Progress::Clear() {
  if (!shown_) return;
  std::cerr << "\r\x1b[K" << std::flush;
  shown_ = false;
}

}  // namespace morgue::cli
