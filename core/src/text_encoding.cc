// Character sets: conversion to UTF-8 with glibc iconv, detection with uchardet
// (morgue/text.h: DecodeToUtf8, IsValidUtf8).

#include <iconv.h>
#include <uchardet.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "morgue/text.h"
#include "text_chars.h"

namespace morgue {
namespace {

using namespace internal;  // NOLINT(google-build-using-namespace)

// The charset iconv should use for a declared or detected name: the superset browsers
// use for the legacy names (WHATWG Encoding), upper-cased.
std::string ConverterFor(std::string_view name) {
  std::string lower = LowerAscii(TrimAscii(name));
  std::erase_if(lower, [](char c) { return c == '"' || c == '\''; });
  if (lower.empty()) {
    return "";
  }
  if (EqualsAny(lower, {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                        "us-ascii", "ascii", "cp819", "ibm819", "cp1252", "windows-1252",
                        "x-cp1252", "ansi_x3.4-1968"})) {
    return "WINDOWS-1252";
  }
  if (EqualsAny(lower, {"euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "korean",
                        "windows-949", "cp949", "uhc", "x-windows-949", "csksc56011987"})) {
    return "CP949";
  }
  if (EqualsAny(lower, {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
                        "windows-31j", "cp932", "ms932"})) {
    return "CP932";
  }
  if (EqualsAny(lower,
                {"gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "csgb2312", "chinese", "gb18030"})) {
    return "GB18030";
  }
  if (EqualsAny(lower, {"utf8", "utf-8"})) {
    return "UTF-8";
  }
  std::string upper = lower;
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return upper;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

struct Converted {
  std::string text;
  size_t errors = 0;  // sequences replaced by U+FFFD
};

// The length of the well-formed UTF-8 sequence at the start of `bytes` (no overlong
// forms, surrogates or code points past U+10FFFF), or 0.
size_t Utf8SequenceLength(std::string_view bytes) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (bytes.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

// UTF-8 checked by hand, each byte that starts no well-formed sequence replaced by
// U+FFFD: glibc's iconv lets lead bytes F5-F7 (code points past U+10FFFF) through.
Converted CheckUtf8(std::string_view bytes) {
  Converted out;
  out.text.reserve(bytes.size());
  while (!bytes.empty()) {
    const size_t length = Utf8SequenceLength(bytes);
    if (length == 0) {
      out.text += kReplacementChar;
      ++out.errors;
      bytes.remove_prefix(1);
    } else {
      out.text.append(bytes.substr(0, length));
      bytes.remove_prefix(length);
    }
  }
  return out;
}

// Converts `bytes` from `charset` to UTF-8, replacing what cannot be converted by U+FFFD
// (one per skipped code unit of `unit` bytes). nullopt when iconv knows no such charset.
std::optional<Converted> Convert(std::string_view bytes, const std::string& charset,
                                 size_t unit = 1) {
  if (charset == "UTF-8") return CheckUtf8(bytes);
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) {  // NOLINT: iconv's documented failure value
    return std::nullopt;
  }
  const std::unique_ptr<void, IconvCloser> cd(raw);
  Converted out;
  out.text.reserve(bytes.size() + bytes.size() / 2);
  // iconv's prototype takes char** but does not write through it.
  char* in = const_cast<char*>(bytes.data());  // NOLINT
  size_t in_left = bytes.size();
  std::array<char, 4096> buffer{};
  while (in_left > 0) {
    char* out_ptr = buffer.data();
    size_t out_left = buffer.size();
    const size_t result = iconv(raw, &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.text.append(buffer.data(), static_cast<size_t>(out_ptr - buffer.data()));
    if (result != static_cast<size_t>(-1) || error == E2BIG) {
      continue;
    }
    // EILSEQ (invalid) or EINVAL (cut short at the end): skip a unit and go on.
    const size_t skip = std::min(unit, in_left);
    out.text += kReplacementChar;
    ++out.errors;
    in += skip;
    in_left -= skip;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);
  }
  char* out_ptr = buffer.data();
  size_t out_left = buffer.size();
  iconv(raw, nullptr, nullptr, &out_ptr, &out_left);
  out.text.append(buffer.data(), static_cast<size_t>(out_ptr - buffer.data()));
  return out;
}

std::string DetectCharset(std::string_view bytes) {
  struct Deleter {
    void operator()(uchardet_t ud) const { uchardet_delete(ud); }
  };
  const std::unique_ptr<std::remove_pointer_t<uchardet_t>, Deleter> detector(uchardet_new());
  if (detector == nullptr ||
      uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) {
    return "";
  }
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  return charset == nullptr ? "" : ConverterFor(charset);
}

struct Bom {
  std::string_view bytes;
  const char* charset;
  size_t unit;
};

}  // namespace

bool IsValidUtf8(std::string_view text) {
  // Markup and Latin text are long ASCII runs: read 8 bytes at a time. An ASCII byte never
  // lies inside a multi-byte sequence, so skipping them checks nothing less.
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & kHighBits) != 0) break;
      pos += 8;
    }
    if (pos == text.size()) break;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t length = Utf8SequenceLength(text.substr(pos));
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

namespace {

Result<DecodedText> DecodeWithoutLeadingMarks(std::string_view bytes, std::string_view declared) {
  // UTF-32 marks first: FF FE 00 00 also starts with the UTF-16LE mark.
  static constexpr std::array<Bom, 5> kBoms = {{
      {std::string_view("\xEF\xBB\xBF", 3), "UTF-8", 1},
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE", 4},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE", 4},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE", 2},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE", 2},
  }};
  for (const Bom& bom : kBoms) {
    if (bytes.starts_with(bom.bytes)) {
      std::optional<Converted> converted =
          Convert(bytes.substr(bom.bytes.size()), bom.charset, bom.unit);
      if (!converted) {
        return Status::NotSupported(std::string("no converter for ") + bom.charset +
                                    " is installed (glibc's gconv modules)");
      }
      return DecodedText{std::move(converted->text), bom.charset};
    }
  }
  std::optional<Converted> utf8 = Convert(bytes, "UTF-8");
  if (utf8 && utf8->errors == 0) {
    return DecodedText{std::move(utf8->text), "UTF-8"};
  }
  // Declared, then detected: each only when iconv has it. A declaration the bytes
  // contradict (conversion errors) is ignored; a detection is a best guess and kept.
  const std::string declared_charset = ConverterFor(declared);
  if (!declared_charset.empty() && declared_charset != "UTF-8") {
    std::optional<Converted> converted = Convert(bytes, declared_charset);
    if (converted && converted->errors == 0) {
      return DecodedText{std::move(converted->text), declared_charset};
    }
  }
  const std::string detected = DetectCharset(bytes);
  if (!detected.empty()) {
    if (detected == "UTF-8" && utf8) {
      return DecodedText{std::move(utf8->text), "UTF-8"};
    }
    if (std::optional<Converted> converted = Convert(bytes, detected)) {
      // English with a few curly quotes is often guessed as another Latin code page
      // that agrees with Windows-1252 on those bytes; then say what browsers would.
      std::optional<Converted> western = Convert(bytes, "WINDOWS-1252");
      if (western && western->errors == 0 && western->text == converted->text) {
        return DecodedText{std::move(western->text), "WINDOWS-1252"};
      }
      return DecodedText{std::move(converted->text), detected};
    }
  }
  std::optional<Converted> fallback = Convert(bytes, "WINDOWS-1252");
  if (!fallback) {
    return Status::NotSupported(
        "no converter for WINDOWS-1252 is installed (glibc's gconv modules)");
  }
  return DecodedText{std::move(fallback->text), "WINDOWS-1252"};
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  MORGUE_ASSIGN_OR_RETURN(DecodedText decoded, DecodeWithoutLeadingMarks(bytes, declared));
  // A second mark after the first (a file saved twice by an editor that adds one), or a
  // mark a legacy conversion produced, is no more text than the first.
  std::string& text = decoded.text;
  constexpr std::string_view kMark = "\xEF\xBB\xBF";
  size_t marks = 0;
  while (std::string_view(text).substr(marks).starts_with(kMark)) marks += kMark.size();
  text.erase(0, marks);
  return decoded;
}

}  // namespace morgue
