// The mhtml plugin's Probe and MHTML reader on arbitrary bytes, each item checked
// (container_fuzz.h).

#include <cstddef>
#include <cstdint>

#include "plugins/mhtml/mhtml_plugin.h"
#include "tests/fuzz/container_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  morgue::mhtml_plugin::MhtmlImporter importer;
  (void)importer.Probe({.path = "page.mhtml",
                        .head = bytes.substr(0, morgue::kProbeBytes),
                        .extension = ".mhtml",
                        .own_extension = true});
  morgue::fuzz::ReadEveryItem(importer, "mhtml", bytes, {});
  return 0;
}
