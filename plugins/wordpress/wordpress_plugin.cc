// The plugin's entry point: its descriptor, its probe and its container.

#include "plugins/wordpress/wordpress_plugin.h"

#include <string_view>

#include "plugins/wordpress/wxr_reader.h"

namespace morgue::wordpress_plugin {
namespace {

bool IsTrue(const std::map<std::string, std::string>& parameters, const std::string& name) {
  const auto found = parameters.find(name);
  return found != parameters.end() && (found->second == "true" || found->second == "1");
}

}  // namespace

int WordPressImporter::Probe(const ProbeInput& input) const {
  const std::string_view head = input.head;
  if (head.find("\"http://wordpress.org/export/1.") != std::string_view::npos ||
      head.find("'http://wordpress.org/export/1.") != std::string_view::npos) {
    return kProbeCertain;
  }
  if (input.extension == ".xml" && head.find("<wp:wxr_version>") != std::string_view::npos) {
    return kProbeCertain;
  }
  return kProbeNo;
}

bool WordPressImporter::ReadsContainer(const ProbeInput& input, std::string_view format) const {
  (void)input;
  return format == "wxr";
}

Result<std::unique_ptr<ContainerReader>> WordPressImporter::OpenContainer(const ImportInput& input,
                                                                          ByteSource& source) {
  WxrOptions options;
  options.pages = IsTrue(input.parameters, "pages");
  options.drafts = IsTrue(input.parameters, "drafts");
  return std::unique_ptr<ContainerReader>(new WxrReader(source, options));
}

}  // namespace morgue::wordpress_plugin

MORGUE_PLUGIN(morgue::wordpress_plugin::WordPressImporter, morgue::NoExporter,
              {.name = "wordpress",
               .version = "1.0.0",
               .formats = "wxr",
               .extensions = ".xml",
               .description = "WordPress exports (WXR 1.0-1.2): published posts, pages if asked",
               .media_types = "application/rss+xml"})
