// ParseDate: never crashes, and returns ISO 8601 or nothing.

#include <cstddef>
#include <cstdint>
#include <string>

#include "morgue/datetime.h"
#include "morgue/text.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string date = morgue::ParseDate(morgue::fuzz::AsText(data, size));
  if (!date.empty() && !morgue::IsIso8601(date)) morgue::fuzz::Fail("not ISO 8601", date);
  return 0;
}
