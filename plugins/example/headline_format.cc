// Lines, blank lines and bylines of the "headline" format (see headline_format.h).

#include "headline_format.h"

#include <string>
#include <utility>

namespace headline {

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

}  // namespace headline
