// The "headline" importer: reads one article from a .headline file.
//
//   Snow closes Seoul schools            <- line 1: the title
//   By Kim Tong-hyung and Lee Hyo-sik    <- optional byline: "By " and names
//                                        <- blank line
//   Classes resume on Monday, ...        <- the body, to the end of the file
//
// The body keeps its paragraphs (separated by blank lines); everything else is left
// for the archive to fill in or validate.

#include <morgue/plugin.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// Splits text into lines, dropping the "\r" of Windows line ends.
std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    lines.push_back(line);
    if (eol == std::string_view::npos) {
      break;
    }
    text.remove_prefix(eol + 1);
  }
  return lines;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// "Kim Tong-hyung and Lee Hyo-sik", "A, B and C": one Author each, in byline order.
std::vector<morgue::Author> ParseByline(std::string_view byline) {
  std::string names(byline);
  for (size_t at; (at = names.find(" and ")) != std::string::npos;) {
    names.replace(at, 5, ",");
  }
  std::vector<morgue::Author> authors;
  for (std::string_view rest = names; !rest.empty();) {
    const size_t comma = rest.find(',');
    std::string_view name = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (name.starts_with(' ')) {
      name.remove_prefix(1);
    }
    while (name.ends_with(' ')) {
      name.remove_suffix(1);
    }
    if (name.empty()) {
      continue;
    }
    morgue::Author author;
    author.name = std::string(name);
    authors.push_back(std::move(author));
  }
  return authors;
}

class HeadlineImporter : public morgue::Importer {
 public:
  // The format has no magic bytes: only the file name can say "certain". Read from
  // standard input, the user names it with --format headline.
  int Probe(const morgue::ProbeInput& input) const override {
    return input.own_extension ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    const std::vector<std::string_view> lines = Lines(input.bytes);
    size_t i = 0;
    while (i < lines.size() && IsBlank(lines[i])) {
      ++i;
    }
    if (i == lines.size()) {
      return morgue::Status::Corruption("no title: the file is empty");
    }
    const size_t title_line = i + 1;  // 1-based, for messages

    morgue::Article article;
    article.title = std::string(lines[i++]);
    if (i < lines.size() && lines[i].starts_with("By ")) {
      article.authors = ParseByline(lines[i++].substr(3));
      article.provenance["authors"] = "headline-byline";
    }
    while (i < lines.size() && IsBlank(lines[i])) {
      ++i;
    }
    size_t end = lines.size();
    while (end > i && IsBlank(lines[end - 1])) {
      --end;
    }
    for (; i < end; ++i) {
      if (!article.body.empty()) {
        article.body += '\n';
      }
      article.body += lines[i];
    }
    // The sink validates the article; say where it came from if it is refused.
    return sink.Add(std::move(article)).WithContext("line " + std::to_string(title_line));
  }
};

}  // namespace

MORGUE_PLUGIN(HeadlineImporter, morgue::NoExporter,
              {.name = "headline",
               .version = "1.0.0",
               .formats = "headline",
               .extensions = ".headline",
               .description = "one article per file: title, optional 'By' line, body",
               .media_types = "text/x-headline"})
