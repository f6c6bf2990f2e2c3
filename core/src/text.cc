// Text helpers for importers (morgue/text.h) that belong to no one rule: whitespace and
// e-mail addresses. Dates, bylines, captions and encodings each have their own text_*.cc.

#include "morgue/text.h"

#include <string>

#include "text_chars.h"

namespace morgue {

using namespace internal;  // NOLINT(google-build-using-namespace)

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    // The run of characters up to the next space is copied whole; only non-ASCII bytes
    // need decoding to tell.
    size_t end = pos;
    size_t space_length = 0;
    while (end < text.size()) {
      const auto byte = static_cast<unsigned char>(text[end]);
      size_t length = 1;
      if (byte < 0x80 ? IsAsciiSpace(byte) : IsSpaceCodePoint(CodePointAt(text, end, &length))) {
        space_length = length;
        break;
      }
      end += length;
    }
    if (end > pos) {
      if (pending_space) out += ' ';
      out.append(text.substr(pos, end - pos));
    }
    if (space_length > 0) pending_space = !out.empty();
    pos = end + space_length;
  }
  return out;
}

std::string FindEmail(std::string_view text) {
  const auto [begin, end] = FindEmailSpan(text);
  return begin == std::string_view::npos ? "" : LowerAscii(text.substr(begin, end - begin));
}

}  // namespace morgue
