// A descriptor's extension and media type lists are parallel: item i of one goes with
// item i of the other. An empty extension item (",," or ", ,") is dropped together with
// its media type, so every extension the host keeps stands beside its own media type.
// With a real test plugin whose descriptor has such a list.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/plugin_registry.h"

namespace morgue {
namespace {

TEST(DescriptorListsTest, EmptyExtensionItemsDropTheirMediaTypes) {
  PluginRegistry registry;
  ASSERT_TRUE(registry.LoadFile(MORGUE_SPARSE_PLUGIN).ok());
  ASSERT_EQ(registry.plugins().size(), 1U);
  const LoadedPluginInfo& info = *registry.plugins().front();
  // Declared: ".spa,,.spb, ,.spc" beside "text/x-spa,text/x-blank-one,text/x-spb,
  // text/x-blank-two,text/x-spc".
  EXPECT_EQ(info.extensions, (std::vector<std::string>{".spa", ".spb", ".spc"}));
  EXPECT_EQ(info.media_types, (std::vector<std::string>{"text/x-spa", "text/x-spb", "text/x-spc"}));
  EXPECT_EQ(info.MediaTypeOf(".spa"), "text/x-spa");
  EXPECT_EQ(info.MediaTypeOf(".spb"), "text/x-spb");
  EXPECT_EQ(info.MediaTypeOf(".spc"), "text/x-spc");
  EXPECT_EQ(info.MediaTypeOf(""), "application/octet-stream");
}

}  // namespace
}  // namespace morgue
