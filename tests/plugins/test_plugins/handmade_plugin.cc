// Test plugins whose descriptor is written by hand, the way a plugin built against
// another SDK or compiler would look to the host. Configured by compile definitions:
//   HANDMADE_NAME          the plugin name
//   HANDMADE_ABI           the ABI version to claim (default: this SDK's)
//   HANDMADE_SIZE          the descriptor size to claim (default: this SDK's)
//   HANDMADE_TAG           the compiler tag to claim (default: this compiler's)
//   HANDMADE_NULL_FACTORY  the importer factory returns null
//   HANDMADE_NO_FACTORY    declare an importer but export no factory for it

#include <morgue/plugin.h>

#include <cstdlib>

#ifndef HANDMADE_ABI
#define HANDMADE_ABI ::morgue::kPluginAbiVersion
#endif
#ifndef HANDMADE_SIZE
#define HANDMADE_SIZE sizeof(::morgue::PluginDescriptor)
#endif
#ifndef HANDMADE_TAG
#define HANDMADE_TAG MORGUE_COMPILER_TAG
#endif

namespace handmade {

#if !defined(HANDMADE_NO_FACTORY)
morgue::Importer* CreateImporter() {
#if defined(HANDMADE_NULL_FACTORY)
  return nullptr;
#else
  // The host must refuse this plugin from its descriptor alone, before any C++ object
  // crosses; calling the factory is the bug the test would catch.
  std::abort();
#endif
}
#endif

extern const morgue::PluginDescriptor kDescriptor;
const morgue::PluginDescriptor kDescriptor = {HANDMADE_ABI,
                                              HANDMADE_SIZE,
                                              HANDMADE_TAG,
                                              HANDMADE_NAME,
                                              "0.0.1",
                                              morgue::kImporterKind,
                                              HANDMADE_NAME,
                                              "",
                                              "hand-written descriptor",
                                              morgue::kPluginLayoutFingerprint,
                                              MORGUE_SDK_VERSION,
                                              ""};

}  // namespace handmade

MORGUE_PLUGIN_EXPORT_AS(handmade::kDescriptor, morgue_plugin_descriptor)
#if !defined(HANDMADE_NO_FACTORY)
MORGUE_PLUGIN_EXPORT_AS(handmade::CreateImporter, morgue_create_importer)
#endif
