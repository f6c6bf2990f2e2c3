// Photo captions and their credits (morgue/text.h: SplitCaptionCredit).

#include <optional>
#include <regex>
#include <string>

#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {
namespace {

using namespace internal;  // NOLINT(google-build-using-namespace)

constexpr size_t kMaxCaptionBytes = 2000;  // longer is prose; and std::regex recurses per byte
constexpr size_t kMaxCreditBytes = 100;
constexpr size_t kMaxCreditWords = 8;

bool IsCreditLowerWord(std::string_view lower) {
  return EqualsAny(
      lower, {"photo", "photos",   "file",  "by",   "of",     "the",         "and",     "for",
              "via",   "courtesy", "staff", "news", "agency", "pool",        "handout", "images",
              "image", "de",       "van",   "von",  "y",      "photographer"});
}

bool LooksLikeCredit(std::string_view credit) {
  if (credit.empty() || credit.size() > kMaxCreditBytes || HasUrl(credit)) {
    return false;
  }
  const std::vector<std::string> words = SplitWords(credit);
  if (words.size() > kMaxCreditWords) {
    return false;
  }
  const std::string lower = LowerAscii(credit);
  if (EqualsAny(lower, {"left", "right", "center", "centre", "top", "bottom", "above", "below",
                        "inset", "l", "r", "l-r", "r-l", "from left", "from right", "front", "back",
                        "file", "file photo"})) {
    return false;
  }
  size_t length = 1;
  const char32_t first = CodePointAt(credit, 0, &length);
  if (!(first >= 'A' && first <= 'Z') && !(first >= 0x80 && IsLetterish(first))) {
    return false;
  }
  return std::all_of(words.begin(), words.end(), [](const std::string& word) {
    size_t n = 1;
    const char32_t c = CodePointAt(word, 0, &n);
    return !(c >= 'a' && c <= 'z') || IsCreditLowerWord(LowerAscii(word));
  });
}

// "Photo: AP" → "AP"; surrounding brackets and a final full stop go.
std::string CleanCredit(std::string_view credit) {
  static const std::regex kLead(
      "^(?:photo(?:graph)?s?|picture|image)\\s*(?:credit)?\\s*(?::|by\\b)\\s*|^credit\\s*:\\s*",
      kRegexFlags);
  std::string text(TrimAscii(credit));
  while (text.size() >= 2 && ((text.front() == '(' && text.back() == ')') ||
                              (text.front() == '[' && text.back() == ']'))) {
    text = std::string(TrimAscii(std::string_view(text).substr(1, text.size() - 2)));
  }
  text = std::regex_replace(text, kLead, "");
  while (text.ends_with('.') && !text.ends_with("..")) {
    text.pop_back();
  }
  return std::string(TrimAscii(text));
}

// The caption before the credit, without the separator that introduced it.
std::string CleanCaption(std::string_view caption) {
  caption = TrimEnd(caption, "/|:");
  for (std::string_view dash : {" —", " –", " -", " --"}) {
    if (caption.ends_with(dash)) {
      caption.remove_suffix(dash.size());
    }
  }
  return std::string(TrimAscii(caption));
}

std::optional<CaptionCredit> SplitAt(const std::string& text, size_t caption_end,
                                     size_t credit_begin, size_t max_words = kMaxCreditWords) {
  CaptionCredit split;
  split.credit = CleanCredit(std::string_view(text).substr(credit_begin));
  if (!LooksLikeCredit(split.credit) || SplitWords(split.credit).size() > max_words) {
    return std::nullopt;
  }
  split.caption = CleanCaption(std::string_view(text).substr(0, caption_end));
  return split;
}

std::optional<CaptionCredit> SplitAtSlash(const std::string& text) {
  const size_t slash = text.rfind(" / ");
  if (slash == std::string::npos) {
    return std::nullopt;
  }
  return SplitAt(text, slash, slash + 3);
}

std::optional<CaptionCredit> SplitAtBrackets(const std::string& text) {
  if (text.empty() || (text.back() != ')' && text.back() != ']')) {
    return std::nullopt;
  }
  const size_t open = text.rfind(text.back() == ')' ? '(' : '[');
  if (open == std::string::npos) {
    return std::nullopt;
  }
  return SplitAt(text, open, open);
}

std::optional<CaptionCredit> SplitAtMarker(const std::string& text) {
  static const std::regex kMarker(
      "(?:^|[\\s(\\[])((?:photo(?:graph)?s?|picture|image)\\s*(?:credit\\s*)?(?::|by\\b)|"
      "credit\\s*:|courtesy\\s+(?:of\\b)?)",
      kRegexFlags);
  size_t last = std::string::npos;
  bool courtesy = false;
  for (std::sregex_iterator it(text.begin(), text.end(), kMarker), end; it != end; ++it) {
    last = static_cast<size_t>(it->position(1));
    courtesy = LowerAscii(it->str(1)).starts_with("courtesy");
  }
  if (last == std::string::npos) {
    return std::nullopt;
  }
  size_t caption_end = last;
  if (caption_end > 0 && (text[caption_end - 1] == '(' || text[caption_end - 1] == '[')) {
    --caption_end;
  }
  // "Courtesy of X" says more than "X"; "Photo: X" does not.
  return SplitAt(text, caption_end, last, courtesy ? kMaxCreditWords + 2 : kMaxCreditWords);
}

std::optional<CaptionCredit> SplitAtDash(const std::string& text) {
  for (std::string_view dash : {" — ", " – ", " -- ", " - "}) {
    const size_t at = text.rfind(dash);
    if (at != std::string::npos) {
      return SplitAt(text, at, at + dash.size(), 4);
    }
  }
  return std::nullopt;
}

}  // namespace

CaptionCredit SplitCaptionCredit(std::string_view text) {
  const std::string collapsed = CollapseWhitespace(text);
  if (collapsed.size() > kMaxCaptionBytes) {
    return {collapsed, ""};
  }
  for (auto split : {SplitAtSlash, SplitAtBrackets, SplitAtMarker, SplitAtDash}) {
    if (std::optional<CaptionCredit> found = split(collapsed)) {
      return *std::move(found);
    }
  }
  return {collapsed, ""};
}

}  // namespace morgue
