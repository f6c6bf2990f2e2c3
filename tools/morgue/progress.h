// Progress: the progress line of a long command (import, export) on standard error:
// items done of the total, the rate and the time left, redrawn in place a few times a
// second. Shown only when standard error is a terminal and --quiet is not given, so that
// logs and pipes get only the messages and the final summary.
//
// Messages printed while the line is shown must go through Message(), which clears the
// line, prints, and lets the next update redraw it.
//
// Thread-safety: none; one command, one thread.

#ifndef MORGUE_TOOLS_MORGUE_PROGRESS_H_
#define MORGUE_TOOLS_MORGUE_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace morgue::cli {

class Progress {
 public:
  // `noun` names the items ("inputs", "articles"); a `total` of 0 means unknown.
  Progress(std::string noun, int64_t total, bool enabled);
  // Clears the line.
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Whether a line is drawn at all: standard error is a terminal and not --quiet.
  static bool WantedFor(bool quiet);

  // `done` items finished so far; redraws when the last draw is old enough.
  void Update(int64_t done);
  // Text drawn after the figures, e.g. how far into a container the run is; "" for none.
  void SetDetail(std::string detail) { detail_ = std::move(detail); }
  // Prints a whole line (an error, a notice) above the progress line.
  void Message(std::string_view line);
  // Removes the line, e.g. before the summary.
  void Clear();

  // The figures of the line, without terminal control characters; public for tests.
  static std::string Format(std::string_view noun, int64_t done, int64_t total, double seconds);
  // The line as drawn: the figures, then the detail, cut to fit 80 columns.
  static std::string Line(std::string_view noun, int64_t done, int64_t total, double seconds,
                          std::string_view detail);

 private:
  void Draw();

  std::string noun_;
  std::string detail_;
  int64_t total_;
  bool enabled_;
  bool shown_ = false;
  int64_t done_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_PROGRESS_H_
