#include "segment_score.h"

#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <regex>
#include <set>

namespace morgue::bench {
namespace {

// Decodes UTF-8. The texts are valid UTF-8 (the caller replaces invalid bytes as the
// RESULTS.jsonl writer does); a stray byte would stand for itself.
std::u32string Decode(const std::string& text) {
  std::u32string out;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80           ? 1
                 : (byte >> 5) == 0x6  ? 2
                 : (byte >> 4) == 0xE  ? 3
                 : (byte >> 3) == 0x1E ? 4
                                       : 1;
    if (i + length > text.size()) length = 1;
    char32_t code = length == 1 ? byte : byte & (0x7F >> length);
    for (int k = 1; k < length; ++k)
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out += code;
    i += length;
  }
  return out;
}

std::string Encode(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Python's str.isspace(), which is what `\s` and strip() use on str.
bool IsPythonSpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

std::u32string Collapse(const std::u32string& text) {
  std::u32string out;
  bool space = false;
  for (char32_t c : text) {
    if (IsPythonSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += U' ';
    space = false;
    out += c;
  }
  return out;
}

// Python's str.lower() for the one-to-one mappings, from the C.UTF-8 locale's tables.
std::string LowerCase(const std::string& text) {
  static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", nullptr);
  std::u32string code_points = Decode(text);
  for (char32_t& c : code_points) {
    c = utf8 != nullptr ? static_cast<char32_t>(towlower_l(static_cast<wint_t>(c), utf8))
                        : (c >= U'A' && c <= U'Z' ? c - U'A' + U'a' : c);
  }
  return Encode(code_points);
}

// score.py's SEPARATORS and LEAD, applied to plain text, whose only whitespace is ' '.
const std::regex& Separators() {
  static const std::regex pattern(R"(\s*(?:;|,|\s/\s|\s&\s|\s(?:und|and|et|y|e|och|og|i)\s)\s*)",
                                  std::regex::icase);
  return pattern;
}

const std::regex& LeadingBy() {
  static const std::regex pattern(R"(^(?:by|von|par|por|di|door|av)\s+)", std::regex::icase);
  return pattern;
}

std::vector<std::string> NameSet(const std::vector<std::string>& raw) {
  static const std::set<std::string> degrees = {"phd", "ph.d.", "md", "dr", "dr.", "prof", "prof."};
  std::set<std::string> names;
  for (const std::string& name : raw) {
    std::string plain = LowerCase(PlainText(name));
    if (!plain.empty() && !degrees.count(plain)) names.insert(std::move(plain));
  }
  return {names.begin(), names.end()};
}

std::string StringField(const nlohmann::json& truth, const char* field) {
  auto it = truth.find(field);
  return it != truth.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The first ten characters, as Python's [:10] slices a str.
std::string FirstTen(const std::string& text) {
  std::u32string code_points = Decode(text);
  if (code_points.size() > 10) code_points.resize(10);
  return Encode(code_points);
}

}  // namespace

std::string CollapseWhitespace(const std::string& text) { return Encode(Collapse(Decode(text))); }

std::string PlainText(const std::string& text) {
  std::u32string out;
  for (char32_t c : Decode(text)) {
    switch (c) {
      case 0x2013:
      case 0x2014:
      case 0x2212:
        out += U'-';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x00AB:
      case 0x00BB:
        out += U'"';
        break;
      case 0x2018:
      case 0x2019:
        out += U'\'';
        break;
      case 0x00A0:
        out += U' ';
        break;
      case 0x2026:
        out += U"...";
        break;
      default:
        out += c;
    }
  }
  return Encode(Collapse(out));
}

std::vector<std::string> TruthAuthorNames(const std::string& truth) {
  const std::string plain = PlainText(truth);
  std::vector<std::string> pieces;
  // re.split: the text between separator matches, the empty ends included.
  std::sregex_token_iterator it(plain.begin(), plain.end(), Separators(), -1), end;
  for (; it != end; ++it) {
    pieces.push_back(
        std::regex_replace(it->str(), LeadingBy(), "", std::regex_constants::format_first_only));
  }
  return NameSet(pieces);
}

std::vector<std::string> ResultAuthorNames(const std::vector<std::string>& authors) {
  return NameSet(authors);
}

void SegmentScore::Add(const nlohmann::json& truth, const Extraction& extraction) {
  const std::string body = CollapseWhitespace(extraction.body);
  for (const auto& segment : truth.at("with")) {
    if (body.find(CollapseWhitespace(segment.get<std::string>())) != std::string::npos) {
      ++true_positives;
    } else {
      ++false_negatives;
    }
  }
  for (const auto& segment : truth.at("without")) {
    if (body.find(CollapseWhitespace(segment.get<std::string>())) != std::string::npos) {
      ++false_positives;
    } else {
      ++true_negatives;
    }
  }
  if (const std::string expected = StringField(truth, "title"); !expected.empty()) {
    ++title.pages;
    title.right += PlainText(extraction.title) == PlainText(expected);
  }
  if (const std::string expected = StringField(truth, "date"); !expected.empty()) {
    ++date.pages;
    date.right += FirstTen(extraction.published) == FirstTen(expected);
  }
  if (const std::string expected = StringField(truth, "author"); !expected.empty()) {
    ++author.pages;
    author.right += ResultAuthorNames(extraction.authors) == TruthAuthorNames(expected);
  }
}

double SegmentScore::Precision() const {
  const int found = true_positives + false_positives;
  return found == 0 ? 0.0 : static_cast<double>(true_positives) / found;
}

double SegmentScore::Recall() const {
  const int wanted = true_positives + false_negatives;
  return wanted == 0 ? 0.0 : static_cast<double>(true_positives) / wanted;
}

double SegmentScore::Accuracy() const {
  const int all = true_positives + false_positives + false_negatives + true_negatives;
  return static_cast<double>(true_positives + true_negatives) / std::max(all, 1);
}

double SegmentScore::F1() const {
  if (true_positives == 0) return 0.0;
  return 2.0 * true_positives / (2.0 * true_positives + false_positives + false_negatives);
}

}  // namespace morgue::bench
