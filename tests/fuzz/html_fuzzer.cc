// The html importer's Import on arbitrary bytes, as if read from page.html.

#include <cstddef>
#include <cstdint>

#include "plugins/html/html_plugin.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  morgue::html_plugin::HtmlImporter importer;
  morgue::fuzz::ImportOne(importer, morgue::fuzz::AsText(data, size), "page.html", "html");
  return 0;
}
