// The wire format between ProcessRunner and RunImportWorker (import_worker.h): frames of
// an 8-byte little-endian length and a payload that starts with a type byte, carrying the
// input to the worker and what the importers made of it back. Decoding checks every
// length against what is there, so no byte string makes it read out of bounds or allocate
// more than the frame holds; what is not a well-formed message is a Corruption status.
//
// Thread-safety: free functions on values, safe from any thread.

#ifndef MORGUE_CORE_SRC_IMPORT_WIRE_H_
#define MORGUE_CORE_SRC_IMPORT_WIRE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "import_job.h"
#include "morgue/status.h"

namespace morgue::import_job::wire {

// The type byte that opens each payload.
constexpr char kHello = 'H';   // the worker is ready (nothing follows)
constexpr char kInput = 'I';   // parent to worker: a JobInput
constexpr char kChosen = 'C';  // worker to parent: the importer chosen, before it runs
constexpr char kReply = 'R';   // worker to parent: the Collected result

// The size of a frame's length field.
constexpr size_t kFrameHeader = 8;

std::string EncodeInput(const JobInput& input);
Result<JobInput> DecodeInput(std::string_view payload);
std::string EncodeChosen(const std::string& plugin);
Result<std::string> DecodeChosen(std::string_view payload);
// Collected::worker_signal is not sent.
std::string EncodeReply(const Collected& collected);
Result<Collected> DecodeReply(std::string_view payload);

// A frame around `payload`.
std::string Frame(std::string_view payload);
// The length field at the start of `header`, which holds at least kFrameHeader bytes.
uint64_t FrameLength(std::string_view header);
// Whether a frame may announce `size` bytes: not empty, and no more than `max_payload`.
constexpr bool FrameLengthFits(uint64_t size, uint64_t max_payload) {
  return size != 0 && size <= max_payload;
}
// The payload of the frame that opens `bytes` (a view into them; the frame takes
// kFrameHeader more bytes), or nullopt when `bytes` do not hold all of it yet. A length
// of 0 or above `max_payload` is a Corruption: "a message of N bytes".
Result<std::optional<std::string_view>> NextFrame(std::string_view bytes, uint64_t max_payload);

}  // namespace morgue::import_job::wire

#endif  // MORGUE_CORE_SRC_IMPORT_WIRE_H_
