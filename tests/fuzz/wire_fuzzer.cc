// The wire format between the import host and its worker (core/src/import_wire.h) on
// arbitrary bytes: read as a stream of frames, each payload decoded as every message
// kind, and the whole input decoded as one payload too. A decoder either refuses with a
// Corruption that says why, or succeeds with a message whose encoding decodes to the same
// encoding again. Allocation is bounded by what the bytes hold (libFuzzer's -rss_limit_mb
// and -malloc_limit_mb catch the rest).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "import_wire.h"

namespace wire = morgue::import_job::wire;

namespace {

// Smaller than any real limit, so that lying lengths are met often.
constexpr uint64_t kMaxPayload = 1 << 16;

[[noreturn]] void Fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz check failed: %s: %s\n", what, detail.c_str());
  std::abort();
}

void CheckRefusal(const morgue::Status& status, const char* what) {
  if (status.code() != morgue::StatusCode::kCorruption || status.message().empty()) {
    Fail(what, status.ToString());
  }
}

// Decoding `payload` with `decode` and re-encoding with `encode` is stable: the encoding
// of what was decoded decodes to the same encoding.
template <typename Decode, typename Encode>
void CheckKind(std::string_view payload, Decode decode, Encode encode, const char* what) {
  auto decoded = decode(payload);
  if (!decoded.ok()) {
    CheckRefusal(decoded.status(), what);
    return;
  }
  const std::string encoded = encode(*decoded);
  auto again = decode(encoded);
  if (!again.ok()) Fail(what, "its own encoding is refused: " + again.status().ToString());
  if (encode(*again) != encoded) Fail(what, "a round trip changed the encoding");
}

void CheckPayload(std::string_view payload) {
  CheckKind(payload, wire::DecodeInput, wire::EncodeInput, "an input message");
  CheckKind(payload, wire::DecodeChosen, wire::EncodeChosen, "a chosen message");
  CheckKind(payload, wire::DecodeReply, wire::EncodeReply, "a reply");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view rest = bytes;
  while (true) {
    morgue::Result<std::optional<std::string_view>> frame = wire::NextFrame(rest, kMaxPayload);
    if (!frame.ok()) {
      CheckRefusal(frame.status(), "a frame");
      break;
    }
    if (!frame->has_value()) break;  // cut short: a reader waits for more
    const std::string_view payload = **frame;
    if (payload.empty() || payload.size() > kMaxPayload) Fail("a frame", "a payload out of bounds");
    if (wire::FrameLength(rest) != payload.size()) Fail("a frame", "a length that is not its own");
    CheckPayload(payload);
    rest.remove_prefix(wire::kFrameHeader + payload.size());
  }
  CheckPayload(bytes);
  return 0;
}
