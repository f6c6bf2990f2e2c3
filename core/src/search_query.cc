#include "morgue/search_query.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "search_grams.h"

namespace morgue {
namespace {

// The columns of articles_fts (schema/0002_search.sql).
constexpr std::array<std::string_view, 5> kColumns = {"title", "subtitle", "body", "authors",
                                                      "tags"};

constexpr std::string_view kLiteral = "or use --literal to search for the words as written";

enum class Kind {
  kWord,    // a word FTS5 reads as one: a bareword, or a word put in double quotes
  kString,  // a "string" as the user wrote it
  kAnd,
  kOr,
  kNot,
  kNear,  // NEAR, before its '('
  kOpen,
  kClose,
  kOpenBrace,
  kCloseBrace,
  kColumn,  // a column's name: before ':', or within braces
  kColon,
  kComma,  // within NEAR(...), before the distance
  kStar,   // after a word: every word that starts with it
  kCaret,  // before a word: the column starts with it
  kPlus,   // between words: they make one phrase
  kMinus,  // before a column filter: every other column
  kNone,   // no token: before the first one, after the last
};

struct Token {
  Kind kind;
  std::string text;     // as it goes into the FTS5 query
  std::string written;  // as the user wrote it, for messages
  bool space_before = false;
  bool joined = false;  // an AND that JoinGroups put between terms side by side
};

// FTS5 skips ' ', '\t', '\n' and '\r'; the other ASCII spaces separate words here too.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Characters that end a word whatever follows them.
bool IsBreak(char c) {
  return IsSpace(c) || c == '"' || c == '(' || c == ')' || c == '{' || c == '}';
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// What an FTS5 bareword may hold (sqlite3Fts5IsBareword): ASCII letters and digits, '_',
// 0x1A and every byte of a non-ASCII UTF-8 character.
bool IsBarewordChar(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || IsAsciiAlnum(u) || u == '_' || u == 0x1a;
}

bool IsBareword(std::string_view word) {
  for (char c : word) {
    if (!IsBarewordChar(c)) return false;
  }
  return !word.empty();
}

// False for ASCII punctuation alone ("&", "...", "-"), of which the index keeps nothing.
bool MayHoldWords(std::string_view word) {
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || IsAsciiAlnum(u)) return true;
  }
  return false;
}

bool IsOperator(std::string_view word) { return word == "AND" || word == "OR" || word == "NOT"; }

bool IsColumn(std::string_view name) {
  for (std::string_view column : kColumns) {
    if (name.size() != column.size()) continue;
    bool same = true;
    for (size_t i = 0; i < name.size() && same; ++i) {
      char c = name[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == column[i];
    }
    if (same) return true;
  }
  return false;
}

// The text of an FTS5 "string": without its quotes, doubled quotes made single.
std::string Unquote(std::string_view quoted) {
  std::string text;
  for (size_t i = 1; i + 1 < quoted.size(); ++i) {
    text.push_back(quoted[i]);
    if (quoted[i] == '"') ++i;
  }
  return text;
}

Status Unreadable(const std::string& reason, std::string_view advice) {
  return Status::InvalidArgument(reason + "; " + std::string(advice));
}

class Rewriter {
 public:
  explicit Rewriter(std::string_view query) : query_(query) {}

  Result<std::string> Run() {
    size_t i = 0;
    while (i < query_.size()) {
      const char c = query_[i];
      if (IsSpace(c)) {
        space_ = true;
        ++i;
      } else if (c == '"') {
        const size_t end = StringEnd(i);
        if (end == std::string_view::npos) {
          return Unreadable("a double quote (\") is not closed",
                            "close it with another one, " + std::string(kLiteral));
        }
        Push(Kind::kString, std::string(query_.substr(i, end - i)));
        i = end;
      } else if (c == '(') {
        near_.push_back(!tokens_.empty() && tokens_.back().kind == Kind::kNear);
        Push(Kind::kOpen, "(");
        ++i;
      } else if (c == ')') {
        if (!near_.empty()) near_.pop_back();
        Push(Kind::kClose, ")");
        ++i;
      } else if (c == '{') {
        in_braces_ = true;
        Push(Kind::kOpenBrace, "{");
        ++i;
      } else if (c == '}') {
        in_braces_ = false;
        Push(Kind::kCloseBrace, "}");
        ++i;
      } else {
        const size_t end = ChunkEnd(i);
        Chunk(query_.substr(i, end - i), end);
        i = end;
      }
    }
    MORGUE_RETURN_IF_ERROR(ResolveMinuses());
    DropEmptyWords();
    ExpandCjk();
    JoinGroups();
    MORGUE_RETURN_IF_ERROR(Check());
    return Render();
  }

 private:
  // The index just past the "string" opening at `start`, or npos when it is not closed.
  size_t StringEnd(size_t start) const {
    for (size_t i = start + 1; i < query_.size(); ++i) {
      if (query_[i] != '"') continue;
      if (i + 1 < query_.size() && query_[i + 1] == '"') {
        ++i;  // a doubled quote stands for one
        continue;
      }
      return i + 1;
    }
    return std::string_view::npos;
  }

  size_t ChunkEnd(size_t start) const {
    size_t end = start;
    while (end < query_.size() && !IsBreak(query_[end])) ++end;
    return end;
  }

  // The first character at or after `i` that is not a space; '\0' at the end.
  char NextChar(size_t i) const {
    while (i < query_.size() && IsSpace(query_[i])) ++i;
    return i < query_.size() ? query_[i] : '\0';
  }

  // The run of non-break characters that starts at the first non-space at or after `i`.
  std::string_view NextChunk(size_t i) const {
    while (i < query_.size() && IsSpace(query_[i])) ++i;
    return query_.substr(i, ChunkEnd(i) - i);
  }

  void Push(Kind kind, std::string text, std::string written = {}) {
    if (written.empty()) written = text;
    tokens_.push_back({kind, std::move(text), std::move(written), space_});
    space_ = false;
  }

  bool LastIs(Kind kind) const { return !tokens_.empty() && tokens_.back().kind == kind; }

  // The length of the column name `text` starts with when it is a column filter: the name
  // and ':' there, or the whole of `text` a name with ':' the next character after `end`.
  size_t ColumnFilterLength(std::string_view text, size_t end) const {
    const size_t colon = text.find(':');
    if (colon != std::string_view::npos) return IsColumn(text.substr(0, colon)) ? colon : 0;
    return IsColumn(text) && NextChar(end) == ':' ? text.size() : 0;
  }

  // Adds the column filter that starts at chunk[i], if one does; returns where it ends.
  size_t ColumnFilter(std::string_view chunk, size_t i, size_t end) {
    if (i >= chunk.size()) return i;
    const size_t name = ColumnFilterLength(chunk.substr(i), end);
    if (name == 0) return i;
    Push(Kind::kColumn, std::string(chunk.substr(i, name)));
    i += name;
    if (i < chunk.size()) {
      Push(Kind::kColon, ":");
      ++i;
    }
    return i;
  }

  // A run of characters between spaces, quotes, brackets and braces, ending at `end`.
  void Chunk(std::string_view chunk, size_t end) {
    if (in_braces_) {
      Push(Kind::kColumn, std::string(chunk));
      return;
    }
    if (IsOperator(chunk)) {
      Push(chunk == "AND"  ? Kind::kAnd
           : chunk == "OR" ? Kind::kOr
                           : Kind::kNot,
           std::string(chunk));
      return;
    }
    if (chunk == "NEAR" && NextChar(end) == '(') {
      Push(Kind::kNear, "NEAR");
      return;
    }
    if (chunk == "+") {
      Push(Kind::kPlus, "+");
      return;
    }
    size_t i = 0;
    // The ':' after a column's name, a "quoted" one or {columns}, with spaces between.
    if (chunk[0] == ':') {
      if (LastIs(Kind::kString) && IsColumn(Unquote(tokens_.back().text))) {
        tokens_.back().kind = Kind::kColumn;
      }
      if (LastIs(Kind::kColumn) || LastIs(Kind::kCloseBrace)) {
        Push(Kind::kColon, ":");
        i = 1;
      }
    }
    if (i == 0 && chunk[0] == '-') {
      // Before a column filter it means the other columns; ResolveMinuses decides the rest.
      Push(Kind::kMinus, "-");
      i = 1;
    }
    i = ColumnFilter(chunk, i, end);
    std::string word;
    for (; i < chunk.size(); ++i) {
      const char c = chunk[i];
      if (c == '*' || c == '^' || (c == ',' && InNear())) {
        Word(&word, /*before_star=*/c == '*');
        Push(c == '*' ? Kind::kStar : c == '^' ? Kind::kCaret : Kind::kComma, std::string(1, c));
        // After a prefix FTS5 reads a new term, which may be a column filter: x*title:y.
        if (c == '*') i = ColumnFilter(chunk, i + 1, end) - 1;
        continue;
      }
      if (c == '+') {
        // FTS5 joins "a +b" and "a+ b" into a phrase; keep that. A '+' within or after a
        // word (a+b, C++) belongs to the word.
        const bool after_phrase =
            LastIs(Kind::kWord) || LastIs(Kind::kString) || LastIs(Kind::kStar);
        const bool before_phrase = i + 1 < chunk.size() ? chunk[i + 1] != '+' : WordFollows(end);
        if (word.empty() && after_phrase && before_phrase) {
          Push(Kind::kPlus, "+");
          continue;
        }
        const bool closes_word = i + 1 == chunk.size() && !word.empty() && word.back() != '+';
        if (closes_word && WordFollows(end)) {
          Word(&word);
          Push(Kind::kPlus, "+");
          continue;
        }
      }
      word.push_back(c);
    }
    Word(&word);
  }

  bool InNear() const { return !near_.empty() && near_.back(); }

  // Whether the next thing after `end` is a word or a "string" that '+' could join.
  bool WordFollows(size_t end) const {
    const char next = NextChar(end);
    if (next == '"') return true;
    const std::string_view chunk = NextChunk(end);
    return !chunk.empty() && IsBarewordChar(chunk[0]) && !IsOperator(chunk);
  }

  // Adds `*word` as a term and empties it: as it is when FTS5 reads it as one bareword,
  // else in double quotes, so that FTS5 finds the phrase of its parts. AND, OR and NOT
  // split off by '^' or ',' are operators to FTS5 (x*AND y); before '*' they are words.
  void Word(std::string* word, bool before_star = false) {
    if (word->empty()) return;
    if (!MayHoldWords(*word)) {
      space_ = true;  // punctuation alone: nothing of it is indexed
    } else if (IsOperator(*word) && !before_star) {
      Push(*word == "AND" ? Kind::kAnd : *word == "OR" ? Kind::kOr : Kind::kNot, *word);
    } else if (IsBareword(*word) && !IsOperator(*word)) {
      Push(Kind::kWord, *word);
    } else {
      Push(Kind::kWord, "\"" + *word + "\"", *word);
    }
    word->clear();
  }

  // A '-' stays before a column filter; written against a word it is an error (it does
  // not leave the word out); on its own, between words, it is punctuation and goes.
  Status ResolveMinuses() {
    std::vector<Token> kept;
    for (size_t k = 0; k < tokens_.size(); ++k) {
      Token& token = tokens_[k];
      if (token.kind != Kind::kMinus) {
        kept.push_back(std::move(token));
        continue;
      }
      Token* next = k + 1 < tokens_.size() ? &tokens_[k + 1] : nullptr;
      const Kind next_kind = next != nullptr ? next->kind : Kind::kNone;
      if (next_kind == Kind::kColumn || next_kind == Kind::kOpenBrace) {
        kept.push_back(std::move(token));
      } else if (next != nullptr && !next->space_before &&
                 (next_kind == Kind::kWord || next_kind == Kind::kString)) {
        const std::string word = next_kind == Kind::kString ? Unquote(next->text) : next->written;
        std::string advice =
            "to leave a word out write NOT before it, after the words to find "
            "(ship NOT ";
        advice += word;
        advice += "); to search for it as written put it in double quotes (\"-";
        advice += word;
        advice += "\")";
        return Unreadable("a '-' before '" + word + "' does not leave it out", advice);
      } else if (next != nullptr) {
        next->space_before = next->space_before || token.space_before || k > 0;
      }
    }
    tokens_ = std::move(kept);
    return Status::OK();
  }

  // FTS5 reads words side by side as AND, but not a (group) beside a word or another
  // group: "harbour (ship OR boat)" is refused. Read it as the words are read.
  void JoinGroups() {
    std::vector<Token> joined;
    for (Token& token : tokens_) {
      if (!joined.empty()) {
        const Kind before = joined.back().kind;
        const bool after_term = before == Kind::kWord || before == Kind::kString ||
                                before == Kind::kStar || before == Kind::kClose;
        const bool starts_term = token.kind == Kind::kWord || token.kind == Kind::kString ||
                                 token.kind == Kind::kCaret || token.kind == Kind::kColumn ||
                                 token.kind == Kind::kMinus || token.kind == Kind::kOpenBrace ||
                                 token.kind == Kind::kNear || token.kind == Kind::kOpen;
        if ((after_term && token.kind == Kind::kOpen) || (before == Kind::kClose && starts_term)) {
          joined.push_back({Kind::kAnd, "AND", "AND", true, /*joined=*/true});
          token.space_before = true;
        }
      }
      joined.push_back(std::move(token));
    }
    tokens_ = std::move(joined);
    BracketJoinedAfterNot();
  }

  // FTS5 reads words side by side before NOT, but a written AND after it: "a NOT b c"
  // leaves out b and c together, "a NOT b AND c" is (a NOT b) AND c. So the terms after a
  // NOT that JoinGroups joined with AND are put in brackets, to keep their meaning.
  void BracketJoinedAfterNot() {
    std::vector<int> opens(tokens_.size() + 1, 0);
    std::vector<int> closes(tokens_.size() + 1, 0);
    for (size_t k = 0; k < tokens_.size(); ++k) {
      if (tokens_[k].kind != Kind::kNot) continue;
      int depth = 0;
      bool joined = false;
      size_t end = k + 1;
      for (; end < tokens_.size(); ++end) {
        const Token& token = tokens_[end];
        if (token.kind == Kind::kOpen) ++depth;
        if (token.kind == Kind::kClose && depth-- == 0) break;
        if (depth > 0) continue;
        if (token.kind == Kind::kAnd && token.joined) joined = true;
        const bool operator_token = (token.kind == Kind::kAnd && !token.joined) ||
                                    token.kind == Kind::kOr || token.kind == Kind::kNot;
        if (operator_token) break;
      }
      if (joined && end > k + 1) {
        ++opens[k + 1];
        ++closes[end];
      }
    }
    std::vector<Token> bracketed;
    for (size_t k = 0; k <= tokens_.size(); ++k) {
      for (int i = 0; i < closes[k]; ++i) bracketed.push_back({Kind::kClose, ")", ")", false});
      if (k == tokens_.size()) break;
      for (int i = 0; i < opens[k]; ++i) {
        bracketed.push_back({Kind::kOpen, "(", "(", tokens_[k].space_before});
        tokens_[k].space_before = false;
      }
      bracketed.push_back(std::move(tokens_[k]));
    }
    tokens_ = std::move(bracketed);
  }

  // What FTS5 would refuse, said in the user's terms.
  Status Check() const {
    auto kind_at = [this](size_t k) { return k < tokens_.size() ? tokens_[k].kind : Kind::kNone; };
    auto is_phrase = [](Kind kind) { return kind == Kind::kWord || kind == Kind::kString; };
    auto ends_term = [](Kind kind) {
      return kind == Kind::kWord || kind == Kind::kString || kind == Kind::kStar ||
             kind == Kind::kClose;
    };
    auto starts_term = [](Kind kind) {
      return kind == Kind::kWord || kind == Kind::kString || kind == Kind::kOpen ||
             kind == Kind::kCaret || kind == Kind::kColumn || kind == Kind::kMinus ||
             kind == Kind::kOpenBrace || kind == Kind::kNear;
    };
    std::vector<size_t> open;  // the '(' not closed yet
    bool in_braces = false;
    std::string columns;  // the names within the braces, for a message
    for (size_t k = 0; k < tokens_.size(); ++k) {
      const Token& token = tokens_[k];
      const Kind before = k > 0 ? tokens_[k - 1].kind : Kind::kNone;
      const Kind after = kind_at(k + 1);
      switch (token.kind) {
        case Kind::kAnd:
        case Kind::kOr:
        case Kind::kNot:
          if (!ends_term(before) || !starts_term(after)) {
            std::string advice = "to search for the word itself, put it in double quotes (\"";
            advice += token.text;
            advice += "\") or use --literal";
            if (token.kind == Kind::kNot && k == 0) {
              advice.insert(0,
                            "to leave a word out, write NOT after the words to find (ship NOT "
                            "harbour); ");
            }
            return Unreadable("'" + token.text + "' needs words on both sides", advice);
          }
          break;
        case Kind::kOpen:
          open.push_back(k);
          break;
        case Kind::kClose:
          if (open.empty()) {
            return Unreadable("')' closes no '('",
                              "open it with '(' or leave it out, " + std::string(kLiteral));
          }
          if (before == Kind::kOpen) {
            return Unreadable("the brackets '()' hold no words",
                              "put words between them, " + std::string(kLiteral));
          }
          open.pop_back();
          break;
        case Kind::kOpenBrace:
          if (in_braces) {
            return Unreadable("'{' within braces",
                              "list column names in one pair: {title body}:harbour");
          }
          in_braces = true;
          columns.clear();
          break;
        case Kind::kColumn:
        case Kind::kString:
          if (in_braces) {
            const std::string name = token.kind == Kind::kString ? Unquote(token.text) : token.text;
            if (!IsColumn(name)) {
              return Unreadable("'" + token.written + "' is not a column of the index",
                                "the columns are " + std::string(SearchColumnNames()));
            }
            columns += (columns.empty() ? "" : " ") + token.written;
          }
          break;
        case Kind::kCloseBrace:
          if (in_braces && columns.empty()) {
            return Unreadable(
                "the braces '{}' name no column",
                "name columns in them: {title body}:harbour, " + std::string(kLiteral));
          }
          if (!in_braces) {
            return Unreadable("'}' closes no '{'",
                              "open it with '{' or leave it out, " + std::string(kLiteral));
          }
          in_braces = false;
          if (after != Kind::kColon) {
            return Unreadable("'{" + columns + "}' needs ':' and words after it",
                              "write e.g. {title body}:harbour, " + std::string(kLiteral));
          }
          break;
        case Kind::kColon:
          if (!(is_phrase(after) || after == Kind::kOpen || after == Kind::kCaret ||
                after == Kind::kNear)) {
            const std::string filter =
                before == Kind::kColumn ? tokens_[k - 1].written : "{" + columns + "}";
            return Unreadable("'" + filter + ":' needs a word, a \"phrase\" or (words) after it",
                              "write e.g. " + filter + ":harbour, " + std::string(kLiteral));
          }
          break;
        case Kind::kStar:
          if (!is_phrase(before)) {
            return Unreadable("'*' needs a word right before it",
                              "write it after the start of a word (harbour* finds harbours), " +
                                  std::string(kLiteral));
          }
          break;
        case Kind::kCaret:
          if (!is_phrase(after)) {
            return Unreadable("'^' needs a word right after it",
                              "write it before a word (^harbour: a column that starts with "
                              "harbour), " +
                                  std::string(kLiteral));
          }
          break;
        case Kind::kPlus:
          if (!(is_phrase(before) || before == Kind::kStar) || !is_phrase(after)) {
            return Unreadable(
                "'+' needs a word on each side",
                "write it between words (harbour + master: the phrase), " + std::string(kLiteral));
          }
          break;
        default:
          break;
      }
    }
    if (in_braces) {
      return Unreadable("'{' is not closed",
                        "close it with '}' and follow it with ':' (e.g. {title body}:harbour), " +
                            std::string(kLiteral));
    }
    if (!open.empty()) {
      const size_t first = open.front();
      const bool near = first > 0 && tokens_[first - 1].kind == Kind::kNear;
      return Unreadable(std::string(near ? "'NEAR('" : "'('") + " is not closed",
                        "close it with ')', " + std::string(kLiteral));
    }
    return Status::OK();
  }

  // A word of punctuation alone ("—", "·") is an empty phrase, which FTS5 passes over
  // beside other terms but which matches nothing once joined with AND (JoinGroups does
  // beside a group). Where it only stands beside terms, it goes; before or after syntax
  // that needs a word, it stays for Check and FTS5 to read as before.
  void DropEmptyWords() {
    auto ends_term = [](Kind kind) {
      return kind == Kind::kWord || kind == Kind::kString || kind == Kind::kStar ||
             kind == Kind::kClose || kind == Kind::kNone;
    };
    auto starts_term = [](Kind kind) {
      return kind == Kind::kWord || kind == Kind::kString || kind == Kind::kOpen ||
             kind == Kind::kColumn || kind == Kind::kCaret || kind == Kind::kNear ||
             kind == Kind::kMinus || kind == Kind::kOpenBrace || kind == Kind::kNone;
    };
    std::vector<Token> kept;
    for (size_t k = 0; k < tokens_.size(); ++k) {
      const Kind before = kept.empty() ? Kind::kNone : kept.back().kind;
      const Kind after = k + 1 < tokens_.size() ? tokens_[k + 1].kind : Kind::kNone;
      const bool alone = before == Kind::kNone && after == Kind::kNone;
      const bool empty = tokens_[k].kind == Kind::kWord && !HasWordCharacter(tokens_[k].written);
      if (empty && !alone && ends_term(before) && starts_term(after)) {
        if (k + 1 < tokens_.size()) {
          tokens_[k + 1].space_before = tokens_[k + 1].space_before || tokens_[k].space_before;
        }
        continue;
      }
      kept.push_back(std::move(tokens_[k]));
    }
    tokens_ = std::move(kept);
  }

  // Korean, Japanese and Chinese words are also found within longer runs of text
  // (search_grams.h): each becomes the word or the phrase of its pairs. Left alone where
  // FTS5 needs a single word or a phrase of words: after '^', beside '+', in braces, and in
  // a NEAR group with words of other scripts (InNearWithOtherScripts).
  void ExpandCjk() {
    const std::vector<bool> in_mixed_near = InNearWithOtherScripts();
    std::vector<Token> expanded;
    std::vector<bool> near;  // the open brackets, true for those of NEAR(
    bool in_braces = false;
    for (size_t k = 0; k < tokens_.size(); ++k) {
      Token token = tokens_[k];
      const Kind before = k > 0 ? tokens_[k - 1].kind : Kind::kNone;
      const Kind after = k + 1 < tokens_.size() ? tokens_[k + 1].kind : Kind::kNone;
      const Kind after_star =
          after == Kind::kStar && k + 2 < tokens_.size() ? tokens_[k + 2].kind : Kind::kNone;
      if (token.kind == Kind::kOpen) near.push_back(before == Kind::kNear);
      if (token.kind == Kind::kClose && !near.empty()) near.pop_back();
      if (token.kind == Kind::kOpenBrace) in_braces = true;
      if (token.kind == Kind::kCloseBrace) in_braces = false;
      const bool term = token.kind == Kind::kWord || token.kind == Kind::kString;
      if (!term || in_braces || in_mixed_near[k] || before == Kind::kCaret ||
          before == Kind::kPlus || after == Kind::kPlus || after_star == Kind::kPlus) {
        expanded.push_back(std::move(token));
        continue;
      }
      const std::string words =
          token.kind == Kind::kString ? Unquote(token.text) : std::string(token.written);
      if (!HasCjkText(words)) {
        expanded.push_back(std::move(token));
        continue;
      }
      const bool prefix = after == Kind::kStar;
      const TermPlace place = !near.empty() && near.back() ? TermPlace::kPhrase : TermPlace::kFree;
      std::string cjk_term = CjkQueryTerm(words, token.text, prefix, place);
      if (prefix) ++k;  // the '*' is in the term now
      if (place == TermPlace::kPhrase || cjk_term.front() != '(') {
        token.text = std::move(cjk_term);
        expanded.push_back(std::move(token));
        continue;
      }
      // A bracketed group, as brackets the user wrote: JoinGroups joins it to the words
      // beside it with AND, as FTS5 needs. Its '(' and ')' are the term's own.
      expanded.push_back({Kind::kOpen, "(", token.written, token.space_before});
      token.text = cjk_term.substr(1, cjk_term.size() - 2);
      token.space_before = false;
      expanded.push_back(std::move(token));
      expanded.push_back({Kind::kClose, ")", ")", false});
    }
    tokens_ = std::move(expanded);
  }

  // For each token, whether it is within a NEAR(...) that has a phrase without CJK
  // characters: its pairs stand after the text, far from the other words, so such a group
  // keeps its words as written.
  std::vector<bool> InNearWithOtherScripts() const {
    std::vector<bool> in_mixed(tokens_.size(), false);
    for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
      if (tokens_[k].kind != Kind::kNear || tokens_[k + 1].kind != Kind::kOpen) continue;
      size_t end = k + 2;
      bool other_script = false;
      bool distance = false;  // after the ',' of NEAR(a b, 10)
      for (; end < tokens_.size() && tokens_[end].kind != Kind::kClose; ++end) {
        const Token& token = tokens_[end];
        if (token.kind == Kind::kComma) distance = true;
        if (distance || (token.kind != Kind::kWord && token.kind != Kind::kString)) continue;
        const std::string words =
            token.kind == Kind::kString ? Unquote(token.text) : std::string(token.written);
        other_script = other_script || !HasCjkText(words);
      }
      if (!other_script) continue;
      for (size_t i = k; i < end && i < tokens_.size(); ++i) in_mixed[i] = true;
    }
    return in_mixed;
  }

  std::string Render() const {
    std::string fts;
    for (const Token& token : tokens_) {
      // Two "strings" side by side would read as one with a quote in it.
      const bool strings_meet = !fts.empty() && fts.back() == '"' && token.text.front() == '"';
      if (!fts.empty() && (token.space_before || strings_meet)) fts.push_back(' ');
      fts += token.text;
    }
    return fts;
  }

  std::string_view query_;
  std::vector<Token> tokens_;
  bool space_ = false;      // a space came before the next token
  bool in_braces_ = false;  // within {columns}
  std::vector<bool> near_;  // the open brackets, true for those of NEAR(
};

}  // namespace

std::string_view SearchColumnNames() { return "title, subtitle, body, authors, tags"; }

Result<std::string> SearchQueryToFts5(std::string_view query) { return Rewriter(query).Run(); }

}  // namespace morgue
