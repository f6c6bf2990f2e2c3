#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "morgue/text.h"
#include "plugins/text/text_article.h"
#include "plugins/text/text_plugin.h"

namespace morgue::text_plugin {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";
// Text has almost no control characters; binary data has them everywhere.
constexpr size_t kMaxControlPerMille = 10;
// Text in the wrong encoding has some U+FFFD; bytes in no encoding at all, many.
constexpr size_t kMaxReplacementPerMille = 100;
constexpr size_t kMinProseWords = 3;

bool IsControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
         c == 0x7F;
}

bool HasUtf16Or32Bom(std::string_view head) {
  return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") ||
         head.starts_with(std::string_view("\x00\x00\xFE\xFF", 4));
}

// Bytes that can be text in an ASCII-compatible encoding: no NUL, few control bytes.
bool LooksLikeTextBytes(std::string_view bytes) {
  if (HasUtf16Or32Bom(bytes)) {
    return true;  // NUL bytes are how UTF-16 writes ASCII
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return false;
  }
  const auto controls = static_cast<size_t>(std::count_if(
      bytes.begin(), bytes.end(), [](char c) { return IsControl(static_cast<unsigned char>(c)); }));
  return controls * 1000 <= bytes.size() * kMaxControlPerMille;
}

// Prose rather than JSON, markup or a program: the first character is not one of those
// formats' openers and there are a few words.
bool LooksLikeProse(std::string_view head) {
  if (head.starts_with(kUtf8Bom)) {
    head.remove_prefix(kUtf8Bom.size());
  }
  const size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos ||
      std::string_view("{[<#%").find(head[first]) != std::string_view::npos) {
    return false;
  }
  size_t words = 0;
  bool in_word = false;
  for (char c : head) {
    const auto u = static_cast<unsigned char>(c);
    const bool letter = std::isalpha(u) != 0 || u >= 0x80;
    words += letter && !in_word ? 1 : 0;
    in_word = letter;
  }
  return words >= kMinProseWords;
}

std::string NormalizeLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';  // a lone CR, as old Mac files end lines
    }
  }
  return out;
}

size_t CountOccurrences(std::string_view text, std::string_view needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// Why decoded text is binary data rather than text, or "" when it is text.
std::string NotTextReason(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return "it holds NUL bytes, so it is binary data, not text";
  }
  size_t characters = 0;
  size_t controls = 0;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    characters += (u & 0xC0) != 0x80 ? 1 : 0;
    controls += IsControl(u) ? 1 : 0;
  }
  if (controls * 1000 > characters * kMaxControlPerMille) {
    return "it is full of control characters, so it is binary data, not text";
  }
  if (CountOccurrences(text, kReplacementChar) * 1000 > characters * kMaxReplacementPerMille) {
    return "its bytes are not text in any encoding morgue knows";
  }
  return "";
}

}  // namespace

int TextImporter::Probe(const ProbeInput& input) const {
  if (input.own_extension) {  // .txt, .text
    return LooksLikeTextBytes(input.head) ? kProbeCertain : kProbeNo;
  }
  if (input.extension.empty()) {
    return LooksLikeTextBytes(input.head) && LooksLikeProse(input.head) ? kProbePlausible
                                                                        : kProbeNo;
  }
  return kProbeNo;
}

Status TextImporter::Import(const ImportInput& input, ArticleSink& sink) {
  if (!input.format.empty() && input.format != "text") {
    return Status::InvalidArgument("unknown format '" + input.format +
                                   "'; the text plugin reads text");
  }
  if (input.bytes.empty()) {
    return Status::Corruption("the input is empty: there is no text to import");
  }
  MORGUE_ASSIGN_OR_RETURN(DecodedText decoded, DecodeToUtf8(input.bytes));
  const std::string text = NormalizeLineEnds(decoded.text);
  if (const std::string why = NotTextReason(text); !why.empty()) {
    return Status::Corruption("not a text file: " + why +
                              " (if another plugin reads it, name it with --format)");
  }
  if (CollapseWhitespace(text).empty()) {
    return Status::Corruption("the input holds only white space: there is no text to import");
  }
  Article article = ParseTextArticle(text);
  if (article.title.empty() && article.body.empty()) {
    return Status::Corruption("no article found: the text has no title and no paragraphs");
  }
  return sink.Add(std::move(article));
}

}  // namespace morgue::text_plugin
