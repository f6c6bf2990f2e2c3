// The warc plugin's importer and its entry point (warc_plugin.h).

#include "plugins/warc/warc_plugin.h"

#include <zlib.h>

#include <array>
#include <memory>
#include <string>

#include "plugins/warc/ascii_text.h"
#include "plugins/warc/warc_reader.h"

namespace morgue::warc_plugin {
namespace {

constexpr std::string_view kMagic = "WARC/1.";

// Whether gzip data starts with a WARC record once inflated: only the first bytes are
// inflated.
bool InflatesToWarc(std::string_view head) {
  if (head.size() < 2 || static_cast<unsigned char>(head[0]) != 0x1f ||
      static_cast<unsigned char>(head[1]) != 0x8b) {
    return false;
  }
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  std::array<char, kMagic.size()> start{};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  stream.avail_in = static_cast<uInt>(head.size());
  stream.next_out = reinterpret_cast<Bytef*>(start.data());
  stream.avail_out = static_cast<uInt>(start.size());
  int code = Z_OK;
  while (code == Z_OK && stream.avail_out > 0 && stream.avail_in > 0) {
    code = inflate(&stream, Z_NO_FLUSH);
  }
  const std::size_t produced = start.size() - stream.avail_out;
  inflateEnd(&stream);
  return std::string_view(start.data(), produced) == kMagic;
}

}  // namespace

int WarcImporter::Probe(const ProbeInput& input) const {
  if (input.head.starts_with(kMagic) || InflatesToWarc(input.head)) return kProbeCertain;
  const std::string name = Lower(input.path.filename().string());
  if (input.own_extension || name.ends_with(".warc.gz")) return kProbePlausible;
  return kProbeNo;
}

bool WarcImporter::ReadsContainer(const ProbeInput& input, std::string_view format) const {
  (void)input;
  (void)format;
  return true;
}

Result<std::unique_ptr<ContainerReader>> WarcImporter::OpenContainer(const ImportInput& input,
                                                                     ByteSource& source) {
  (void)input;
  auto reader = std::make_unique<WarcReader>(source);
  MORGUE_RETURN_IF_ERROR(reader->Open());
  return std::unique_ptr<ContainerReader>(reader.release());
}

}  // namespace morgue::warc_plugin

MORGUE_PLUGIN(morgue::warc_plugin::WarcImporter, morgue::NoExporter,
              {.name = "warc",
               .version = "1.0.0",
               .formats = "warc",
               .extensions = ".warc",
               .description = "the HTML pages of web archives (WARC 1.0 and 1.1, plain or gzip)",
               .media_types = "application/warc"})
