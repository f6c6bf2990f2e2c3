// The importer and the plugin's entry point.

#include "plugins/html/html_plugin.h"

#include <array>
#include <string>
#include <string_view>

#include "plugins/html/article_builder.h"
#include "plugins/html/charset.h"
#include "plugins/html/content.h"
#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"

namespace morgue::html_plugin {
namespace {

constexpr int kProbeHtmlExtension = 80;
constexpr int kProbeMarkupOnly = 60;

bool HasHtmlMarkers(std::string_view head) {
  const std::string lower = AsciiLower(head);
  for (std::string_view marker : {"<html", "<!doctype html", "<head", "<body"}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

bool IsHtmlExtension(const std::filesystem::path& path) {
  const std::string extension = AsciiLower(path.extension().string());
  return extension == ".html" || extension == ".htm" || extension == ".xhtml";
}

}  // namespace

int HtmlImporter::Probe(const ProbeInput& input) const {
  const bool markers = HasHtmlMarkers(input.head);
  if (IsHtmlExtension(input.path)) return markers ? kProbeCertain : kProbeHtmlExtension;
  return markers ? kProbeMarkupOnly : kProbeNo;
}

Status HtmlImporter::Import(const ImportInput& input, ArticleSink& sink) {
  if (input.bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("no article found: the page is empty");
  }
  Result<std::string> page = DecodePage(input.bytes);
  if (!page.ok()) return page.status();
  Result<Document> document = Document::Parse(*page);
  if (!document.ok()) return document.status();
  PageMetadata meta = ExtractMetadata(document->root());
  Result<Article> article = BuildArticle(meta, ExtractContent(*page));
  if (!article.ok()) return article.status();
  return sink.Add(std::move(article.value()));
}

}  // namespace morgue::html_plugin

MORGUE_PLUGIN(morgue::html_plugin::HtmlImporter, morgue::NoExporter,
              {.name = "html",
               .version = "1.0.0",
               .formats = "html",
               .extensions = ".html,.htm,.xhtml",
               .description = "blog posts and news-article web pages"})
