// Status and Result<T>: how every morgue call reports success or failure.
//
// A Status is either OK or carries a code and a human-readable message that names
// what failed and why ("'a.json' line 3: field 'title' must be a string, found number").
// Result<T> holds either a value or a non-OK Status. No exception crosses the public API
// of libmorgue or of a plugin: failures travel as Status values.
//
// Thread-safety: Status and Result are plain values; distinct objects may be used from
// different threads, and const methods may be called concurrently.

#ifndef MORGUE_STATUS_H_
#define MORGUE_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace morgue {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller's input is wrong: bad field, bad query, bad option
  kNotFound,            // no such article, tag, plugin or file
  kCorruption,          // stored data or an input file is not what it claims to be
  kIOError,             // the file system or SQLite failed to read or write
  kNotSupported,        // e.g. an archive made by a newer morgue
  kPluginIncompatible,  // a plugin's ABI version or compiler tag does not match
  kPluginFailed,        // a plugin threw or reported failure while working
  kBusy,                // another process held the archive longer than the busy timeout
};

// Returns the stable lower-case name of a code, e.g. "invalid argument".
constexpr std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidArgument:
      return "invalid argument";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kIOError:
      return "I/O error";
    case StatusCode::kNotSupported:
      return "not supported";
    case StatusCode::kPluginIncompatible:
      return "plugin incompatible";
    case StatusCode::kPluginFailed:
      return "plugin failed";
    case StatusCode::kBusy:
      return "busy";
  }
  return "unknown";
}

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status OK() { return {}; }
  static Status InvalidArgument(std::string msg) {
    return {StatusCode::kInvalidArgument, std::move(msg)};
  }
  static Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {StatusCode::kCorruption, std::move(msg)}; }
  static Status IOError(std::string msg) { return {StatusCode::kIOError, std::move(msg)}; }
  static Status NotSupported(std::string msg) {
    return {StatusCode::kNotSupported, std::move(msg)};
  }
  static Status PluginIncompatible(std::string msg) {
    return {StatusCode::kPluginIncompatible, std::move(msg)};
  }
  static Status PluginFailed(std::string msg) {
    return {StatusCode::kPluginFailed, std::move(msg)};
  }
  static Status Busy(std::string msg) { return {StatusCode::kBusy, std::move(msg)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "OK", or the message alone: messages are written to be shown to users as they are.
  std::string ToString() const { return ok() ? std::string("OK") : message_; }

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithContext(std::string_view prefix) const {
    if (ok()) return *this;
    return {code_, std::string(prefix) + ": " + message_};
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "Result needs a value or a failed Status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // OK when a value is held, the failure otherwise.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(data_); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace morgue

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define MORGUE_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::morgue::Status morgue_status_ = (expr);        \
    if (!morgue_status_.ok()) return morgue_status_; \
  } while (false)

#endif  // MORGUE_STATUS_H_
