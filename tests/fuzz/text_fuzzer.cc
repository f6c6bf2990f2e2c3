// The text importer's Import on arbitrary bytes, as if read from article.txt.

#include <cstddef>
#include <cstdint>

#include "plugins/text/text_plugin.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  morgue::text_plugin::TextImporter importer;
  morgue::fuzz::ImportOne(importer, morgue::fuzz::AsText(data, size), "article.txt", "text");
  return 0;
}
