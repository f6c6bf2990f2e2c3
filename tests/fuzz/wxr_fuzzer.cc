// The wordpress plugin's Probe and WXR reader on arbitrary bytes, as an export of its
// own and with pages and drafts asked for, each item checked (container_fuzz.h).

#include <cstddef>
#include <cstdint>

#include "plugins/wordpress/wordpress_plugin.h"
#include "tests/fuzz/container_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes = morgue::fuzz::AsText(data, size);
  morgue::wordpress_plugin::WordPressImporter importer;
  (void)importer.Probe({.path = "export.xml",
                        .head = bytes.substr(0, morgue::kProbeBytes),
                        .extension = ".xml",
                        .own_extension = true});
  morgue::fuzz::ReadEveryItem(importer, "wxr", bytes, {});
  morgue::fuzz::ReadEveryItem(importer, "wxr", bytes, {{"pages", "true"}, {"drafts", "true"}});
  return 0;
}
