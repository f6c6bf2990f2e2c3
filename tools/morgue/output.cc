#include "output.h"

#include <array>
#include <cstdio>
#include <iostream>
#include <utility>

namespace morgue::cli {
namespace {

// Decodes the UTF-8 character at text[*pos] and advances *pos past it. Returns -1 (and
// advances one byte) for a byte that does not start a valid character.
int32_t NextCodePoint(std::string_view text, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(*pos);
  int length = lead < 0x80           ? 1
               : (lead >> 5) == 0x6  ? 2
               : (lead >> 4) == 0xE  ? 3
               : (lead >> 3) == 0x1E ? 4
                                     : 0;
  if (length == 0 || *pos + length > text.size()) {
    ++*pos;
    return -1;
  }
  int32_t code = length == 1 ? lead : lead & (0x7F >> length);
  for (int i = 1; i < length; ++i) {
    unsigned char next = byte(*pos + i);
    if ((next & 0xC0) != 0x80) {
      ++*pos;
      return -1;
    }
    code = (code << 6) | (next & 0x3F);
  }
  *pos += length;
  return code;
}

int CodePointWidth(int32_t code) {
  if (code < 0) {
    return 1;
  }
  if (code == 0x200B || code == 0x200C || code == 0x200D || code == 0xFEFF) {
    return 0;
  }
  constexpr std::array<std::pair<int32_t, int32_t>, 6> kZeroWidth = {{
      {0x0300, 0x036F},
      {0x1160, 0x11FF},
      {0x1AB0, 0x1AFF},
      {0x1DC0, 0x1DFF},
      {0x20D0, 0x20FF},
      {0xFE00, 0xFE0F},
  }};
  for (const auto& [first, last] : kZeroWidth) {
    if (code >= first && code <= last) {
      return 0;
    }
  }
  constexpr std::array<std::pair<int32_t, int32_t>, 13> kWide = {{
      {0x1100, 0x115F},
      {0x2E80, 0x303E},
      {0x3041, 0x33FF},
      {0x3400, 0x4DBF},
      {0x4E00, 0x9FFF},
      {0xA000, 0xA4CF},
      {0xAC00, 0xD7A3},
      {0xF900, 0xFAFF},
      {0xFE30, 0xFE4F},
      {0xFF00, 0xFF60},
      {0xFFE0, 0xFFE6},
      {0x1F300, 0x1F64F},
      {0x20000, 0x3FFFD},
  }};
  for (const auto& [first, last] : kWide) {
    if (code >= first && code <= last) {
      return 2;
    }
  }
  return 1;
}

std::string Pad(std::string_view text, int width, bool align_right) {
  int missing = width - DisplayWidth(text);
  std::string padding(missing > 0 ? missing : 0, ' ');
  return align_right ? padding + std::string(text) : std::string(text) + padding;
}

}  // namespace

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (size_t pos = 0; pos < text.size();) {
    width += CodePointWidth(NextCodePoint(text, &pos));
  }
  return width;
}

std::string Truncate(std::string_view text, int width) {
  if (DisplayWidth(text) <= width) {
    return std::string(text);
  }
  if (width <= 0) {
    return "";
  }
  const int room = width - 1;  // one column for the ellipsis
  int used = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t next = pos;
    int w = CodePointWidth(NextCodePoint(text, &next));
    if (used + w > room) {
      break;
    }
    used += w;
    pos = next;
  }
  return std::string(text.substr(0, pos)) + "…";
}

std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      c = ' ';
    }
  }
  return line;
}

std::string HumanBytes(int64_t bytes) {
  static constexpr std::array<const char*, 5> kUnits = {"KiB", "MiB", "GiB", "TiB", "PiB"};
  if (bytes < 1024) {
    return std::to_string(bytes) + " B";
  }
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  value /= 1024;
  while (value >= 1024 && unit + 1 < kUnits.size()) {
    value /= 1024;
    ++unit;
  }
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1f %s", value, kUnits[unit]);
  return text.data();
}

std::string TableRow(const std::vector<Column>& columns, const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
    if (i > 0) {
      line += "  ";
    }
    std::string cell = Truncate(OneLine(cells[i]), columns[i].width);
    bool last = i + 1 == columns.size();
    line += last && !columns[i].align_right ? cell
                                            : Pad(cell, columns[i].width, columns[i].align_right);
  }
  return line;
}

std::string TableHeader(const std::vector<Column>& columns) {
  std::vector<std::string> headers;
  headers.reserve(columns.size());
  for (const Column& column : columns) {
    headers.push_back(column.header);
  }
  return TableRow(columns, headers);
}

std::string DumpJson(const Json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void PrintJson(const Json& value) { std::cout << DumpJson(value) << '\n'; }

void JsonArrayWriter::Add(const Json& element) {
  out_ << (any_ ? ",\n  " : "[\n  ") << DumpJson(element, -1);
  any_ = true;
}

void JsonArrayWriter::Close() { out_ << (any_ ? "\n]\n" : "[]\n"); }

}  // namespace morgue::cli
