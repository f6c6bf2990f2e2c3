// morgue plugins: what was loaded from where, and what was refused and why.

#include <iostream>
#include <memory>
#include <string>

#include "commands/commands.h"
#include "output.h"

namespace morgue::cli {
namespace {

int RunPlugins(Context& context, bool json) {
  const PluginRegistry& registry = context.plugins(/*report_unsafe=*/false);
  if (json) {
    Json plugins = Json::array();
    for (const auto& info : registry.plugins()) {
      plugins.push_back({{"name", info->name},
                         {"version", info->version},
                         {"kind", info->KindName()},
                         {"formats", info->formats},
                         {"extensions", info->extensions},
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
    std::cout << "  extensions: " << Join(info->extensions, ", ") << '\n';
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
  context.AddGlobalOptions(sub);
  sub->add_flag("--json", *json, "Print JSON: plugins, refused libraries, search path");
  return {sub, [&context, json] { return RunPlugins(context, *json); }};
}

}  // namespace morgue::cli
