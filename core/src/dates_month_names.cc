// Dates written with a month's name: "4 January 2011", "January 4, 2011", "4. Januar
// 2011", "4 de enero de 2011", "4 января 2011 г." (dates.h: FindNamedDates).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dates.h"
#include "dates_words.h"
#include "text_chars.h"

namespace morgue::internal {
namespace {

// A run of digits, of letters, or one other character, in the lower-cased text.
struct Token {
  enum class Kind { kNumber, kWord, kMark } kind;
  size_t begin;
  size_t end;
  std::string_view text;
};

std::vector<Token> Tokenize(std::string_view lower) {
  std::vector<Token> tokens;
  ForEachCodePoint(lower, [&](char32_t cp, size_t pos, size_t length) {
    if (IsSpaceCodePoint(cp)) return;
    const Token::Kind kind = IsAsciiDigit(cp)  ? Token::Kind::kNumber
                             : IsLetterish(cp) ? Token::Kind::kWord
                                               : Token::Kind::kMark;
    if (kind != Token::Kind::kMark && !tokens.empty() && tokens.back().kind == kind &&
        tokens.back().end == pos) {
      tokens.back().end = pos + length;
      tokens.back().text =
          lower.substr(tokens.back().begin, tokens.back().end - tokens.back().begin);
      return;
    }
    tokens.push_back({kind, pos, pos + length, lower.substr(pos, length)});
  });
  return tokens;
}

// Reads tokens[*i...] as one of the forms of a date with a month name, advancing *i.
class NamedDateReader {
 public:
  explicit NamedDateReader(const std::vector<Token>& tokens) : tokens_(tokens) {}

  // "4 January 2011", "4. Januar 2011", "4 de enero de 2011", "1er janvier 2011",
  // "4th of January, 2011", "04-Jan-2011", "4 января 2011 г.".
  bool DayMonthYear(size_t i, DateCandidate* date) const {
    const size_t first = i;
    if (!Day(&i, /*after_month=*/false, &date->day)) return false;
    Skip(&i, {".", "-", "/"});
    Skip(&i, {"of", "de"});
    if (!Month(&i, &date->month) || !Year(&i, first, date)) return false;
    return true;
  }

  // "January 4, 2011", "Jan. 4th 2011", "Sept. 4, 2011".
  bool MonthDayYear(size_t i, DateCandidate* date) const {
    const size_t first = i;
    if (!Month(&i, &date->month) || !Day(&i, /*after_month=*/true, &date->day)) return false;
    return Year(&i, first, date);
  }

 private:
  const Token* At(size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }

  void Skip(size_t* i, std::initializer_list<std::string_view> words) const {
    if (const Token* token = At(*i); token != nullptr && EqualsAny(token->text, words)) ++*i;
  }

  // A day of one or two digits, not the end of a longer number ("2011.04 Jan", "10:04"),
  // with an ordinal ending written onto it ("4th", "1er", "1º").
  bool Day(size_t* i, bool after_month, int* day) const {
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kNumber || token->text.size() > 2) {
      return false;
    }
    if (!after_month && *i > 0) {
      const Token& before = tokens_[*i - 1];
      if (before.end == token->begin && (before.text == "." || before.text == ":" ||
                                         before.text == "," || before.kind == Token::Kind::kWord)) {
        return false;
      }
    }
    *day = std::stoi(std::string(token->text));
    ++*i;
    if (const Token* suffix = At(*i);
        suffix != nullptr && suffix->begin == token->end &&
        EqualsAny(suffix->text, {"st", "nd", "rd", "th", "er", "\xC2\xBA", "\xC2\xAA"})) {
      ++*i;
    }
    return true;
  }

  // A month's name, or its abbreviation with or without a dot.
  bool Month(size_t* i, int* month) const {
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kWord) return false;
    *month = MonthOfWord(token->text);
    if (*month == 0) return false;
    ++*i;
    if (const Token* dot = At(*i); dot != nullptr && dot->text == "." && dot->begin == token->end) {
      ++*i;
    }
    return true;
  }

  // The year after the month or day: four digits, after at most a comma, dash, slash or
  // "de"/"del"; the date spans tokens [first, year].
  bool Year(size_t* i, size_t first, DateCandidate* date) const {
    Skip(i, {",", "-", "/"});
    Skip(i, {"de", "del"});
    const Token* token = At(*i);
    if (token == nullptr || token->kind != Token::Kind::kNumber || token->text.size() != 4) {
      return false;
    }
    date->year = std::stoi(std::string(token->text));
    date->begin = tokens_[first].begin;
    date->end = token->end;
    return true;
  }

  const std::vector<Token>& tokens_;
};

}  // namespace

void FindNamedDates(const std::string& text, std::vector<DateCandidate>* dates) {
  const std::string lower = LowerSameLength(text);
  const std::vector<Token> tokens = Tokenize(lower);
  const NamedDateReader reader(tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    DateCandidate date;
    if (reader.DayMonthYear(i, &date) || reader.MonthDayYear(i, &date)) {
      dates->push_back(date);
    }
  }
}

}  // namespace morgue::internal
