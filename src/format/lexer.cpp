// The lexical rules of grammar/grammar.hpp, by hand: the grammar's `sp`
// drops comments and line breaks, which the formatter must keep.
#include <array>

#include "format/token.hpp"

namespace fuzhu::format {

namespace {

constexpr std::string_view yuan = "\xE5\x85\x83";              // 元
constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000

// Multi-word keywords: a run of blanks between the words (keywords.def).
struct Phrase {
  std::string_view first, second, third;  // third empty: two words
};
constexpr std::array phrases{Phrase{"in", "force", ""},   Phrase{"in", "kind", ""},  Phrase{"at", "least", ""},
                             Phrase{"paid", "by", ""},
                             Phrase{"paid", "to", ""},    Phrase{"parent", "who", "died"},
                             Phrase{"not", "transcribed", ""}};
constexpr std::string_view fullwidth_percent = "\xEF\xBC\x85";  // ％

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

// The code point at `at` and its length in bytes (0 when not UTF-8 there).
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[at + i]); };
  const unsigned char lead = b(0);
  std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || at + n > s.size()) return {0, 0};
  char32_t c = n == 1 ? lead : n == 2 ? (lead & 0x1Fu) : n == 3 ? (lead & 0x0Fu) : (lead & 0x07u);
  for (std::size_t i = 1; i < n; ++i) c = (c << 6) | (b(i) & 0x3Fu);
  return {c, n};
}

bool is_cjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2EBEF);
}

// Length of the identifier character at `at` (id_char of the grammar), or 0.
std::size_t id_char(std::string_view s, std::size_t at, bool digits_too) {
  if (at >= s.size()) return 0;
  const char c = s[at];
  if (is_ascii_alpha(c) || c == '_' || (digits_too && is_digit(c))) return 1;
  auto [code, n] = decode(s, at);
  return is_cjk(code) ? n : 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : s_(source) {}

  std::optional<std::vector<Token>> run() {
    std::vector<Token> out;
    int newlines = 0;
    while (true) {
      newlines += skip_space();
      if (pos_ >= s_.size()) break;
      Token t;
      t.offset = static_cast<std::uint32_t>(pos_);
      t.newlines_before = newlines;
      newlines = 0;
      const std::size_t start = pos_;
      if (!token(t.kind)) return std::nullopt;
      t.text = s_.substr(start, pos_ - start);
      out.push_back(t);
    }
    return out;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;

  bool at(std::string_view text) const { return s_.substr(pos_, text.size()) == text; }

  // Blanks, line breaks and ideographic spaces; returns the line breaks.
  int skip_space() {
    int newlines = 0;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\n') {
        ++newlines, ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
        ++pos_;
      } else if (at(ideographic_space)) {
        pos_ += ideographic_space.size();
      } else {
        break;
      }
    }
    return newlines;
  }

  bool token(TokenKind& kind) {
    const char c = s_[pos_];
    if (c == '#') return comment(kind);
    if (c == '"') return string(kind);
    if (is_digit(c)) return number(kind);
    if (id_char(s_, pos_, false)) return word(kind);
    kind = TokenKind::punct;
    return punct();
  }

  bool comment(TokenKind& kind) {
    kind = TokenKind::comment;
    while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
    return true;
  }

  bool string(TokenKind& kind) {
    kind = TokenKind::string;
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] != '"' && s_[pos_] != '\n') pos_ += s_[pos_] == '\\' ? 2 : 1;
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    ++pos_;
    return true;
  }

  std::size_t digits_at(std::size_t p) const {
    std::size_t n = 0;
    while (p + n < s_.size() && is_digit(s_[p + n])) ++n;
    return n;
  }

  // The unit of a duration at `p` (grammar's duration_unit), or 0.
  std::size_t duration_unit(std::size_t p) const {
    for (std::string_view unit : {std::string_view{"\xE4\xB8\xAA\xE6\x9C\x88"}, std::string_view{"\xE6\x9C\x88"},  // 个月 月
                                  std::string_view{"\xE5\xB9\xB4"}, std::string_view{"\xE6\x97\xA5"},                // 年 日
                                  std::string_view{"\xE5\xA4\xA9"}, std::string_view{"years"}, std::string_view{"year"},  // 天
                                  std::string_view{"months"}, std::string_view{"month"}, std::string_view{"days"},
                                  std::string_view{"day"}})
      if (equal_folded(s_.substr(p, unit.size()), unit) && !id_char(s_, p + unit.size(), true)) return unit.size();
    return 0;
  }

  // A date (YYYY-MM-DD), else a number; a number followed by 元 is money, by
  // % a rate, by a unit (年, months, …) a duration.
  bool number(TokenKind& kind) {
    if (digits_at(pos_) == 4 && at_char(pos_ + 4, '-') && digits_at(pos_ + 5) >= 2 && at_char(pos_ + 7, '-') &&
        digits_at(pos_ + 8) >= 2) {
      kind = TokenKind::date;
      pos_ += 10;
      return true;
    }
    kind = TokenKind::number;
    pos_ += digits_at(pos_);
    bool whole = true;
    if (at_char(pos_, '.') && digits_at(pos_ + 1) > 0) {
      pos_ += 1 + digits_at(pos_ + 1);
      whole = false;
    }
    std::size_t p = pos_;
    while (p < s_.size() && is_blank(s_[p])) ++p;
    if (s_.substr(p, yuan.size()) == yuan) {
      kind = TokenKind::money;
      pos_ = p + yuan.size();
    } else if (at_char(p, '%') || s_.substr(p, fullwidth_percent.size()) == fullwidth_percent) {
      kind = TokenKind::rate;
      pos_ = p + (at_char(p, '%') ? 1 : fullwidth_percent.size());
    } else if (const std::size_t unit = whole ? duration_unit(p) : 0) {
      kind = TokenKind::duration;
      pos_ = p + unit;
    } else if (!whole) {
      kind = TokenKind::rate;
    }
    return true;
  }

  bool at_char(std::size_t p, char c) const { return p < s_.size() && s_[p] == c; }

  std::size_t word_end(std::size_t p) const {
    std::size_t n = id_char(s_, p, false);
    if (n == 0) return p;
    p += n;
    while ((n = id_char(s_, p, true)) > 0) p += n;
    return p;
  }

  // An identifier or keyword; "in force", "at least" and "paid by" are one
  // token, as the grammar matches them wherever a name or keyword may stand.
  bool word(TokenKind& kind) {
    kind = TokenKind::word;
    const std::size_t start = pos_;
    pos_ = word_end(pos_);
    const std::string_view first = s_.substr(start, pos_ - start);
    for (const auto& phrase : phrases) {
      if (!equal_folded(first, phrase.first)) continue;
      std::size_t end = next_word(pos_, phrase.second);
      if (end != 0 && !phrase.third.empty()) end = next_word(end, phrase.third);
      if (end != 0) {
        pos_ = end;
        break;
      }
    }
    return true;
  }

  // The end of `word` when it follows `from` after one or more blanks; else 0.
  std::size_t next_word(std::size_t from, std::string_view word) const {
    std::size_t p = from;
    while (p < s_.size() && is_blank(s_[p])) ++p;
    if (p == from) return 0;
    const std::size_t end = word_end(p);
    return equal_folded(s_.substr(p, end - p), word) ? end : 0;
  }

  bool punct() {
    static constexpr std::array multi{std::string_view{"=>"}, std::string_view{".."},
                                      std::string_view{"!="}, std::string_view{"<="},
                                      std::string_view{">="}, std::string_view{"\xE2\x89\xA0"},  // ≠
                                      std::string_view{"\xE2\x89\xA4"},                          // ≤
                                      std::string_view{"\xE2\x89\xA5"}};                         // ≥
    for (auto m : multi)
      if (at(m)) {
        pos_ += m.size();
        return true;
      }
    static constexpr std::string_view single = "{}(),:.=<>+-*/";
    if (single.find(s_[pos_]) == std::string_view::npos) return false;
    ++pos_;
    return true;
  }
};

}  // namespace

std::optional<std::vector<Token>> lex(std::string_view source) { return Lexer(source).run(); }

}  // namespace fuzhu::format
