// MIME pieces (mime.h).

#include "plugins/mhtml/mime.h"

#include <cctype>

namespace morgue::mhtml_plugin {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

std::string Headers::Get(std::string_view name) const {
  const std::string wanted = Lower(name);
  for (const auto& [field, value] : fields) {
    if (Lower(field) == wanted) return std::string(Trim(value));
  }
  return "";
}

void AddHeaderLine(std::string_view line, Headers& headers) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return;
  if ((line.front() == ' ' || line.front() == '\t')) {
    if (!headers.fields.empty()) headers.fields.back().second += " " + std::string(Trim(line));
    return;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;  // not a field: ignored, as mail readers do
  headers.fields.emplace_back(std::string(Trim(line.substr(0, colon))),
                              std::string(Trim(line.substr(colon + 1))));
}

std::string MainValue(std::string_view field) {
  return Lower(Trim(field.substr(0, field.find(';'))));
}

std::string Parameter(std::string_view field, std::string_view name) {
  const std::string wanted = Lower(name);
  size_t at = field.find(';');
  while (at != std::string_view::npos) {
    size_t start = at + 1;
    while (start < field.size() && (field[start] == ' ' || field[start] == '\t')) ++start;
    const size_t equals = field.find('=', start);
    if (equals == std::string_view::npos) return "";
    const std::string key = Lower(Trim(field.substr(start, equals - start)));
    std::string value;
    size_t next;
    if (equals + 1 < field.size() && field[equals + 1] == '"') {
      const size_t close = field.find('"', equals + 2);
      value = std::string(field.substr(equals + 2, close == std::string_view::npos
                                                       ? std::string_view::npos
                                                       : close - equals - 2));
      next = close == std::string_view::npos ? close : field.find(';', close);
    } else {
      next = field.find(';', equals);
      value = std::string(Trim(
          field.substr(equals + 1, next == std::string_view::npos ? next : next - equals - 1)));
    }
    if (key == wanted) return value;
    at = next;
  }
  return "";
}

std::string DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '=') {
      out += text[i];
      continue;
    }
    // A soft line break: "=" then spaces, then the line end.
    size_t after = i + 1;
    while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
    if (after < text.size() && (text[after] == '\r' || text[after] == '\n')) {
      if (text[after] == '\r' && after + 1 < text.size() && text[after + 1] == '\n') ++after;
      i = after;
      continue;
    }
    if (after >= text.size()) break;  // "=" at the very end: a soft break
    if (i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
      continue;
    }
    out += '=';
  }
  return out;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  int padding = 0;
  for (const char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      value = c - '0' + 52;
    } else if (c == '+') {
      value = 62;
    } else if (c == '/') {
      value = 63;
    } else if (c == '=') {
      ++padding;
      continue;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      continue;
    } else {
      return std::nullopt;
    }
    if (padding != 0) return std::nullopt;  // data after the padding
    bits = (bits << 6) | static_cast<unsigned>(value);
    if (++count == 4) {
      out += static_cast<char>((bits >> 16) & 0xFF);
      out += static_cast<char>((bits >> 8) & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 1) return std::nullopt;
  if (count == 2) out += static_cast<char>((bits >> 4) & 0xFF);
  if (count == 3) {
    out += static_cast<char>((bits >> 10) & 0xFF);
    out += static_cast<char>((bits >> 2) & 0xFF);
  }
  return out;
}

}  // namespace morgue::mhtml_plugin
