#include "interrupt.h"

#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <system_error>

namespace morgue::cli {
namespace {

// Written by the handler, read by any thread: a lock-free atomic is async-signal-safe.
std::atomic<int> caught_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void RecordSignal(int signal) { caught_signal.store(signal); }

void Catch(int signal, struct sigaction* previous) {
  // A signal ignored from the start stays ignored: a shell script's `morgue import &`
  // ignores SIGINT, and nohup-like wrappers expect to be obeyed.
  if (sigaction(signal, nullptr, previous) == 0 && previous->sa_handler == SIG_IGN) return;
  struct sigaction action {};
  action.sa_handler = RecordSignal;
  sigemptyset(&action.sa_mask);
  // Restarted system calls keep SQLite's and the terminal's writes whole; the default
  // comes back after the first signal, so a second one ends the process at once.
  action.sa_flags = SA_RESTART | SA_RESETHAND;
  sigaction(signal, &action, previous);
}

}  // namespace

InterruptWatch::InterruptWatch() {
  caught_signal.store(0);
  Catch(SIGINT, &previous_int_);
  Catch(SIGTERM, &previous_term_);
}

InterruptWatch::~InterruptWatch() {
  sigaction(SIGINT, &previous_int_, nullptr);
  sigaction(SIGTERM, &previous_term_, nullptr);
}

int InterruptWatch::Caught() { return caught_signal.load(); }

InterruptibleInput::InterruptibleInput(int fd) : std::istream(nullptr), buffer_(fd) {
  rdbuf(&buffer_);
}

InterruptibleInput::Buffer::int_type InterruptibleInput::Buffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  while (InterruptWatch::Caught() == 0) {
    // poll is never restarted after a handler, and wakes at least every 200 ms should the
    // signal land on another thread.
    pollfd readable{fd_, POLLIN, 0};
    const int ready = ::poll(&readable, 1, 200);
    // An exception thrown here sets the stream's badbit: a failed read is not an end.
    if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category());
    if (ready <= 0) continue;
    const ssize_t n = ::read(fd_, data_.data(), data_.size());
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category());
    if (n == 0) return traits_type::eof();
    setg(data_.data(), data_.data(), data_.data() + n);
    return traits_type::to_int_type(*gptr());
  }
  return traits_type::eof();
}

}  // namespace morgue::cli
