// Status and Result<T>: how every morgue call reports success or failure.
//
// A Status is either OK or carries a code and a human-readable message that names
// what failed and why ("'a.json' line 3: field 'title' must be a string, found number").
// Result<T> holds either a value or a non-OK Status. No exception crosses the public API
// of libmorgue or of a plugin: failures travel as Status values, passed up with
// MORGUE_RETURN_IF_ERROR and MORGUE_ASSIGN_OR_RETURN (at the end of this file).
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

// Each code has one meaning, chosen by what the caller can do about the failure; the
// message says the rest. The values are stable: they cross the plugin boundary and the
// import worker's channel (whose reader refuses a value past the last code), so a new
// code goes at the end.
enum class StatusCode {
  kOk = 0,
  // The caller's request is wrong: an option, format name, field list, query or filter,
  // or an Article handed to the archive with a field it refuses. Fix the request; the
  // same call fails the same way.
  kInvalidArgument,
  // Something the caller named does not exist: an article, document, tag, plugin,
  // archive or file. Name another; the command line counts it as a partial failure.
  kNotFound,
  // Data read is not what its format says: an input that is not in the format it is
  // read as or holds no article (malformed JSON, a page that is not HTML, an empty
  // file), a damaged archive or stored document, a garbled reply of the import worker.
  // Retrying cannot help: skip the input or repair the data.
  kCorruption,
  // The file system or SQLite failed to read or write (a full disk, a permission). The
  // same call may succeed once the cause is fixed.
  kIOError,
  // The request is valid but this build cannot carry it out: an archive made by a newer
  // morgue, a character set with no converter installed, a page past the parser's size.
  kNotSupported,
  // A plugin cannot be loaded: its ABI, C++ runtime or layout does not match, or its
  // file is unsafe to load. Rebuild or replace the plugin.
  kPluginIncompatible,
  // A plugin broke while working: it threw, crashed, ran past the time limit or out of
  // memory, or broke its contract. The input may be fine; the plugin needs a fix.
  kPluginFailed,
  // Another process held the archive longer than the busy timeout. Try again later.
  kBusy,
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

  // One factory per code; StatusCode says when to use each.
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

// Returns early from the enclosing function when `expr` yields a non-OK Status:
//   MORGUE_RETURN_IF_ERROR(sink.Add(std::move(article)));
#define MORGUE_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::morgue::Status morgue_status_ = (expr);        \
    if (!morgue_status_.ok()) return morgue_status_; \
  } while (false)

// Evaluates `expr`, a Result<T>; returns its Status early from the enclosing function
// (which returns Status or any Result) when it failed, else moves its value into `lhs`,
// which declares a variable or names an existing one:
//   MORGUE_ASSIGN_OR_RETURN(std::string page, DecodePage(input.bytes));
//   MORGUE_ASSIGN_OR_RETURN(auto document, Document::Parse(page));
//   MORGUE_ASSIGN_OR_RETURN(page, Reencode(page));  // assigns
// It expands to several statements, so it cannot be the unbraced body of an if or a
// loop, and to a hidden variable named after the line, so use it once per line. `lhs`
// must not contain a comma outside parentheses (write `auto` for such a type); `expr`
// may.
#define MORGUE_ASSIGN_OR_RETURN(lhs, ...) \
  MORGUE_ASSIGN_OR_RETURN_IMPL_(MORGUE_STATUS_CONCAT_(morgue_result_, __LINE__), lhs, __VA_ARGS__)

// Implementation details of MORGUE_ASSIGN_OR_RETURN.
#define MORGUE_ASSIGN_OR_RETURN_IMPL_(result, lhs, ...) \
  auto result = (__VA_ARGS__);                          \
  if (!result.ok()) return result.status();             \
  lhs = std::move(result).value()
#define MORGUE_STATUS_CONCAT_(a, b) MORGUE_STATUS_CONCAT_INNER_(a, b)
#define MORGUE_STATUS_CONCAT_INNER_(a, b) a##b

#endif  // MORGUE_STATUS_H_
