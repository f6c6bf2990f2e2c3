#include "help.h"

#include <algorithm>
#include <utility>

#include "output.h"

namespace morgue::cli {

void SetExamples(CLI::App* command, const std::vector<std::string>& examples) {
  std::string block = "Examples:\n";
  for (const std::string& example : examples) {
    block += "  " + example + "\n";
  }
  // What `morgue` gives every command (the exit codes); a command under another one
  // would otherwise inherit that one's examples too.
  const CLI::App* root = command;
  while (root->get_parent() != nullptr) root = root->get_parent();
  const std::string inherited = root->get_footer();
  command->footer(inherited.empty() ? block : block + "\n" + inherited);
}

void SetHelpDetails(CLI::App* command, std::function<std::string()> details) {
  // CLI11 puts this before the footer text, a newline between.
  command->footer([details = std::move(details)] { return details(); });
}

std::string Wrap(const std::string& text, std::size_t indent, std::size_t width) {
  // The first line keeps its own indentation.
  std::size_t start = std::min(text.find_first_not_of(' '), text.size());
  std::string out = text.substr(0, start);
  std::size_t column = start;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (column > indent && column + 1 + word.size() > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (column > 0 && !out.ends_with(' ')) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    start = end + 1;
  }
  return out;
}

std::string ImportFormatsHelp(const PluginRegistry& plugins) {
  std::string text = "Formats (detected when --format is not given; `morgue plugins` says more):\n";
  bool any = false;
  for (const auto& info : plugins.plugins()) {
    if (!info->imports()) continue;
    any = true;
    const std::string line = "  " + info->name + ": " + Join(info->formats, ", ");
    text += Wrap(line, 4) + "\n";
  }
  if (!any) text += "  none: no importer plugins are loaded\n";
  return text;
}

std::string ExportFormatsHelp(const PluginRegistry& plugins) {
  // Formats taking the same fields (csv and tsv, json and jsonl) share one entry.
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> groups;
  for (const auto& info : plugins.plugins()) {
    if (!info->exports()) continue;
    for (const std::string& format : plugins.ExportFormatsOf(info->name)) {
      std::vector<std::string> fields = plugins.ExportFields(format);
      auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
        return group.second == fields && !fields.empty();
      });
      if (same != groups.end()) {
        same->first.push_back(format);
      } else {
        groups.emplace_back(std::vector<std::string>{format}, std::move(fields));
      }
    }
  }
  std::string text = "Formats and their --fields (`morgue plugins` says more):\n";
  for (const auto& [formats, fields] : groups) {
    const std::string line = "  " + Join(formats, ", ") + ": " +
                             (fields.empty() ? std::string("fields: see the plugin's documentation")
                                             : "fields: " + Join(fields, ", "));
    text += Wrap(line, 4) + "\n";
  }
  if (groups.empty()) text += "  none: no exporter plugins are loaded\n";
  return text;
}

}  // namespace morgue::cli
