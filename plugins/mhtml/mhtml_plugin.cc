// The plugin's entry point: its descriptor, its probe and its container.

#include "plugins/mhtml/mhtml_plugin.h"

#include <string>

#include "plugins/mhtml/mhtml_reader.h"
#include "plugins/mhtml/mime.h"

namespace morgue::mhtml_plugin {

int MhtmlImporter::Probe(const ProbeInput& input) const {
  // The head's header block, up to the first blank line.
  std::string_view head = input.head;
  size_t end = head.find("\r\n\r\n");
  if (end == std::string_view::npos) end = head.find("\n\n");
  if (end == std::string_view::npos) return kProbeNo;
  Headers headers;
  size_t start = 0;
  while (start < end) {
    size_t newline = head.find('\n', start);
    if (newline == std::string_view::npos || newline > end) newline = end;
    AddHeaderLine(head.substr(start, newline - start), headers);
    start = newline + 1;
  }
  const std::string type = headers.Get("Content-Type");
  if (!MainValue(type).starts_with("multipart/related") || Parameter(type, "boundary").empty()) {
    return kProbeNo;
  }
  if (input.own_extension || !headers.Get("Snapshot-Content-Location").empty() ||
      headers.Get("From") == "<Saved by Blink>") {
    return kProbeCertain;
  }
  return kProbePlausible;
}

bool MhtmlImporter::ReadsContainer(const ProbeInput& input, std::string_view format) const {
  (void)input;
  return format == "mhtml";
}

Result<std::unique_ptr<ContainerReader>> MhtmlImporter::OpenContainer(const ImportInput& input,
                                                                      ByteSource& source) {
  (void)input;
  return std::unique_ptr<ContainerReader>(new MhtmlReader(source));
}

}  // namespace morgue::mhtml_plugin

MORGUE_PLUGIN(morgue::mhtml_plugin::MhtmlImporter, morgue::NoExporter,
              {.name = "mhtml",
               .version = "1.0.0",
               .formats = "mhtml",
               .extensions = ".mht,.mhtml",
               .description = "web pages saved as one file (MHTML) by Chrome, Edge and others",
               .media_types = "multipart/related,multipart/related"})
