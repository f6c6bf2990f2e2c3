// The grams of CJK text for the full-text index, and the query terms that find them
// (search_grams.h).

#include "search_grams.h"

#include <string>
#include <string_view>
#include <vector>

#include "text_chars.h"

namespace morgue {
namespace {

using internal::ForEachCodePoint;
using internal::IsCjkCharacter;

bool IsWordCharacter(char32_t cp) {
  if (cp < 0x80) return internal::IsAsciiAlpha(cp) || internal::IsAsciiDigit(cp);
  return IsCjkCharacter(cp) || internal::IsLetterish(cp);
}

// A piece of a word: a run of CJK characters (each character apart), or of others.
struct Piece {
  bool cjk = false;
  std::vector<std::string_view> characters;
};

// The words of `text` (runs of letters and digits of any script) that hold a CJK
// character, each as its pieces, in order; the other words go to `other_words`.
std::vector<std::vector<Piece>> CjkWords(std::string_view text,
                                         std::vector<std::string>* other_words = nullptr) {
  std::vector<std::vector<Piece>> words;
  std::vector<Piece> word;
  bool has_cjk = false;
  std::string other;  // the word's text, when it has no CJK character
  const auto end_word = [&] {
    if (has_cjk) {
      words.push_back(std::move(word));
    } else if (!word.empty() && other_words != nullptr) {
      other_words->push_back(other);
    }
    word.clear();
    other.clear();
    has_cjk = false;
  };
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (!IsWordCharacter(cp)) {
      end_word();
      return;
    }
    const bool cjk = IsCjkCharacter(cp);
    if (word.empty() || word.back().cjk != cjk) word.push_back({cjk, {}});
    word.back().characters.push_back(text.substr(pos, length));
    other.append(text.substr(pos, length));
    has_cjk = has_cjk || cjk;
  });
  end_word();
  return words;
}

// Appends `gram` to the space-separated `out`.
void Append(std::string* out, std::string_view gram) {
  if (!out->empty()) out->push_back(' ');
  out->append(gram);
}

// A piece as the index holds it: other scripts as written; a CJK run as its pairs, then
// its last character when `mark_end` (a run of one character is that character).
void AppendPiece(const Piece& piece, bool mark_end, std::string* out) {
  if (!piece.cjk) {
    std::string written;
    for (std::string_view c : piece.characters) written.append(c);
    Append(out, written);
    return;
  }
  const auto& run = piece.characters;
  for (size_t i = 0; i + 1 < run.size(); ++i) {
    Append(out, std::string(run[i]) + std::string(run[i + 1]));
  }
  if (mark_end || run.size() == 1) Append(out, run.back());
}

}  // namespace

bool HasCjkText(std::string_view text) {
  // Every CJK character is U+1100 or above, three or four bytes in UTF-8 with a first
  // byte of 0xE1 or more: only those are decoded (most text has none, or only the
  // typographic quotes and dashes of U+2000).
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (static_cast<unsigned char>(text[pos]) < 0xE1) continue;
    size_t length = 1;
    if (IsCjkCharacter(internal::CodePointAt(text, pos, &length))) return true;
    pos += length - 1;
  }
  return false;
}

bool HasWordCharacter(std::string_view text) {
  bool found = false;
  ForEachCodePoint(text,
                   [&](char32_t cp, size_t, size_t) { found = found || IsWordCharacter(cp); });
  return found;
}

std::string IndexGrams(std::string_view text) {
  // Most articles hold no CJK text: one scan instead of splitting every word.
  if (!HasCjkText(text)) return {};
  std::string grams;
  for (const auto& word : CjkWords(text)) {
    for (const Piece& piece : word) AppendPiece(piece, /*mark_end=*/true, &grams);
  }
  return grams;
}

std::string CjkQueryTerm(std::string_view text, std::string_view fts5_term, bool prefix,
                         TermPlace place) {
  std::string term(fts5_term);
  if (prefix) term += " *";
  std::vector<std::string> other_words;
  const auto words = CjkWords(text, &other_words);
  if (words.empty()) return term;

  // Every CJK run but the last piece of all ends where the query's run ends; that one may
  // go on in the text, and when it is one character it is any pair that starts with it.
  std::string grams;
  bool open_end = false;
  for (size_t w = 0; w < words.size(); ++w) {
    for (size_t p = 0; p < words[w].size(); ++p) {
      const bool last = w + 1 == words.size() && p + 1 == words[w].size();
      AppendPiece(words[w][p], /*mark_end=*/!last, &grams);
      open_end = last && words[w][p].cjk && words[w][p].characters.size() == 1;
    }
  }
  std::string phrase = "\"" + grams + "\"";
  if (open_end) phrase += " *";

  if (place == TermPlace::kPhrase) return other_words.empty() ? phrase : term;
  if (other_words.empty()) {
    // Where the phrase finds all the term would, the phrase alone: one character (with the
    // index's one-character prefix index, "협" * is every token that starts with it), and
    // two, whose pair is the word itself.
    const bool one_token = grams.find(' ') == std::string::npos;
    if (phrase == term || (one_token && words.size() == 1 && words[0].size() == 1 &&
                           words[0][0].cjk && words[0][0].characters.size() <= 2)) {
      return prefix && !open_end ? phrase + " *" : phrase;
    }
    return "(" + term + " OR " + phrase + ")";
  }
  std::string all = phrase;
  for (const std::string& word : other_words) all += " AND \"" + word + "\"";
  return "(" + term + " OR (" + all + "))";
}

}  // namespace morgue
