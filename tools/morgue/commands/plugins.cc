// morgue plugins: what was loaded from where, and what was refused and why.

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands/commands.h"
#include "help.h"
#include "output.h"

namespace morgue::cli {
namespace {

using Strings = std::vector<std::string>;

// ".html text/html, .xhtml application/xhtml+xml": each extension with the media type the
// plugin declares for it, leaving out those without one; "" when it declares none.
std::string MediaTypesLine(const LoadedPluginInfo& info) {
  Strings pairs;
  for (size_t i = 0; i < info.extensions.size() && i < info.media_types.size(); ++i) {
    if (!info.media_types[i].empty())
      pairs.push_back(info.extensions[i] + ' ' + info.media_types[i]);
  }
  return Join(pairs, ", ");
}

int RunPlugins(Context& context, bool json) {
  const PluginRegistry& registry = context.plugins(/*report_unsafe=*/false);
  if (json) {
    Json plugins = Json::array();
    for (const auto& info : registry.plugins()) {
      plugins.push_back({{"name", info->name},
                         {"version", info->version},
                         {"kind", info->KindName()},
                         {"formats", info->formats},
                         {"import_formats", info->imports() ? info->formats : Strings()},
                         {"export_formats", registry.ExportFormatsOf(info->name)},
                         {"extensions", info->extensions},
                         {"media_types", info->media_types},  // one for each extension
                         {"description", info->description},
                         {"path", info->path.string()}});
    }
    Json refused = Json::array();
    for (const RefusedPlugin& plugin : registry.refused()) {
      refused.push_back({{"path", plugin.path.string()}, {"reason", plugin.reason.message()}});
    }
    Json search_path = Json::array();
    for (const auto& dir : context.PluginSearchPath()) {
      search_path.push_back(dir.string());
    }
    PrintJson({{"plugins", plugins}, {"refused", refused}, {"search_path", search_path}});
    return kExitOk;
  }
  for (const auto& info : registry.plugins()) {
    std::cout << info->name << ' ' << info->version << "  (" << info->KindName() << ")\n";
    if (!info->description.empty()) {
      std::cout << "  " << info->description << '\n';
    }
    std::cout << "  formats:    " << Join(info->formats, ", ") << '\n';
    // A plugin lists its formats once for both ways; say which it only reads.
    if (info->imports() && info->exports()) {
      const Strings written = registry.ExportFormatsOf(info->name);
      Strings read_only;
      for (const std::string& format : info->formats) {
        if (std::find(written.begin(), written.end(), format) == written.end()) {
          read_only.push_back(format);
        }
      }
      if (!read_only.empty()) {
        std::cout << "  exports:    " << Join(written, ", ") << " (" << Join(read_only, ", ")
                  << ": import only)\n";
      }
    }
    std::cout << "  extensions: " << Join(info->extensions, ", ") << '\n';
    if (const std::string media = MediaTypesLine(*info); !media.empty()) {
      std::cout << "  media:      " << media << '\n';
    }
    std::cout << "  path:       " << info->path.string() << '\n';
  }
  if (!registry.refused().empty()) {
    std::cout << (registry.plugins().empty() ? "" : "\n") << "refused:\n";
    for (const RefusedPlugin& plugin : registry.refused()) {
      // The reason names the file already.
      std::cout << "  " << plugin.reason.message() << '\n';
    }
  }
  if (registry.plugins().empty()) {
    std::string dirs;
    for (const auto& dir : context.PluginSearchPath()) {
      dirs += "\n  " + dir.string();
    }
    context.Info("no plugins found; searched:" + dirs);
  }
  return kExitOk;
}

}  // namespace

Command AddPluginsCommand(CLI::App& app, Context& context) {
  auto json = std::make_shared<bool>(false);
  CLI::App* sub = app.add_subcommand("plugins", "List the importer and exporter plugins");
  SetExamples(sub, {"morgue plugins", "morgue --plugin-dir ~/my-plugins plugins --json"});
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print JSON: plugins, refused libraries, search path");
  return {sub, [&context, json] { return RunPlugins(context, *json); }};
}

}  // namespace morgue::cli
