// Turning a page's bytes into UTF-8: the byte order mark first, then the charset the page
// declares in its first bytes (<meta charset> or http-equiv Content-Type), then detection.
//
// Thread-safety: pure functions.

#ifndef MORGUE_PLUGINS_HTML_CHARSET_H_
#define MORGUE_PLUGINS_HTML_CHARSET_H_

#include <string>
#include <string_view>

#include "morgue/status.h"

namespace morgue::html_plugin {

// How many leading bytes are searched for a charset declaration, as browsers do.
inline constexpr size_t kCharsetScanBytes = 4096;

// The charset a <meta> tag in the first kCharsetScanBytes declares, e.g. "euc-kr";
// "" when there is none.
std::string DeclaredCharset(std::string_view bytes);

// The page as valid UTF-8 without a byte order mark.
Result<std::string> DecodePage(std::string_view bytes);

}  // namespace morgue::html_plugin

#endif  // MORGUE_PLUGINS_HTML_CHARSET_H_
