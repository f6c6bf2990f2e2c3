// Interrupts of a long command (import): SIGINT (Ctrl-C) and SIGTERM are caught while an
// InterruptWatch lives, so that the command can stop between two items, keep what is
// whole and say so, instead of dying silently. The handler only records the signal and
// restores the default disposition: a second Ctrl-C ends the process at once. A signal
// the process was started ignoring (`morgue import &` in a script) stays ignored.
//
// InterruptibleInput reads a file descriptor (standard input) as a std::istream that
// ends early, rather than blocking on, once an interrupt was caught.
//
// Thread-safety: InterruptWatch::Caught may be called from any thread; make one
// InterruptWatch at a time, on the main thread. An InterruptibleInput is used from one
// thread.

#ifndef MORGUE_TOOLS_MORGUE_INTERRUPT_H_
#define MORGUE_TOOLS_MORGUE_INTERRUPT_H_

#include <signal.h>

#include <array>
#include <istream>
#include <streambuf>

namespace morgue::cli {

class InterruptWatch {
 public:
  // Catches SIGINT and SIGTERM from now on.
  InterruptWatch();
  // Restores the dispositions found when it was made.
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  // The signal caught since the watch began, or 0.
  static int Caught();
  // The exit code for a command stopped by `signal`, as a shell reports it: 128 + signal.
  static int ExitCodeFor(int signal) { return 128 + signal; }

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

class InterruptibleInput : public std::istream {
 public:
  explicit InterruptibleInput(int fd);

 private:
  class Buffer : public std::streambuf {
   public:
    explicit Buffer(int fd) : fd_(fd) {}

   protected:
    int_type underflow() override;

   private:
    int fd_;
    std::array<char, 1 << 16> data_{};
  };
  Buffer buffer_;
};

}  // namespace morgue::cli

#endif  // MORGUE_TOOLS_MORGUE_INTERRUPT_H_
