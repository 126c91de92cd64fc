// The lexical rules of grammar/grammar.hpp, in the grammar's order of
// alternatives (`primary`: date, loose date, duration, money, percentage,
// number), so that a token ends where the grammar's rule ends.
#include "syntax/tokens.hpp"

#include <array>
#include <utility>

namespace fuzhu::tokens {

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view ideographic_space = "\xE3\x80\x80";  // U+3000
constexpr std::string_view yuan = "\xE5\x85\x83";               // 元
constexpr std::string_view fullwidth_percent = "\xEF\xBC\x85";  // ％
constexpr std::string_view nian = "\xE5\xB9\xB4", yue = "\xE6\x9C\x88", ri = "\xE6\x97\xA5", hao = "\xE5\x8F\xB7";  // 年 月 日 号

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }  // ascii::blank
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The code point at `at` and its length, as PEGTL's peek_utf8 reads it:
// {0, 0} for a malformed, overlong or surrogate sequence.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[at + i])); };
  const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0) == 0x80; };
  const char32_t c0 = byte(0);
  const std::size_t left = s.size() - at;
  if (c0 < 0x80) return {c0, 1};
  if ((c0 & 0xE0) == 0xC0 && left >= 2 && continuation(1)) {
    const char32_t c = ((c0 & 0x1F) << 6) | (byte(1) & 0x3F);
    if (c >= 0x80) return {c, 2};
  } else if ((c0 & 0xF0) == 0xE0 && left >= 3 && continuation(1) && continuation(2)) {
    const char32_t c = ((c0 & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    if (c >= 0x800 && !(c >= 0xD800 && c <= 0xDFFF)) return {c, 3};
  } else if ((c0 & 0xF8) == 0xF0 && left >= 4 && continuation(1) && continuation(2) && continuation(3)) {
    const char32_t c = ((c0 & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    if (c >= 0x10000 && c <= 0x10FFFF) return {c, 4};
  }
  return {0, 0};
}

// The grammar's id_start ranges: CJK ideographs and their extensions.
bool is_cjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x2EBEF);
}

class Scanner {
 public:
  explicit Scanner(std::string_view source) : s_(source) {}

  Tokenized run() {
    Tokenized out;
    if (at(0, byte_order_mark)) pos_ = byte_order_mark.size();
    std::uint32_t newlines = 0;
    while (true) {
      newlines += skip_blanks();
      if (pos_ >= s_.size()) break;
      const std::size_t start = pos_;
      Kind kind = Kind::punct;
      if (!token(kind)) {
        out.stuck_at = start;
        break;
      }
      out.tokens.push_back({kind, s_.substr(start, pos_ - start), static_cast<std::uint32_t>(start), newlines});
      newlines = 0;
    }
    return out;
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;

  bool at(std::size_t p, std::string_view text) const { return s_.substr(std::min(p, s_.size()), text.size()) == text; }
  bool at_char(std::size_t p, char c) const { return p < s_.size() && s_[p] == c; }
  bool digit_at(std::size_t p) const { return p < s_.size() && is_digit(s_[p]); }
  std::size_t digits_at(std::size_t p) const {
    std::size_t n = 0;
    while (digit_at(p + n)) ++n;
    return n;
  }
  std::size_t blanks_at(std::size_t p) const {
    std::size_t n = 0;
    while (p + n < s_.size() && is_blank(s_[p + n])) ++n;
    return n;
  }

  // The grammar's `sp` without comments (a comment is a token here):
  // ascii::space and U+3000. Returns the line breaks skipped.
  std::uint32_t skip_blanks() {
    std::uint32_t newlines = 0;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\n') {
        ++newlines, ++pos_;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
        ++pos_;
      } else if (at(pos_, ideographic_space)) {
        pos_ += ideographic_space.size();
      } else {
        break;
      }
    }
    return newlines;
  }

  bool token(Kind& kind) {
    const char c = s_[pos_];
    if (c == '#') return comment(kind);
    if (c == '"') return string(kind);
    if (is_digit(c)) return literal(kind);
    if (identifier_char(s_, pos_, false)) return word(kind);
    kind = Kind::punct;
    return punct();
  }

  // `#` until the end of the line (grammar: until<eolf>); the line break,
  // "\n" or "\r\n", is not part of it.
  bool comment(Kind& kind) {
    kind = Kind::comment;
    while (pos_ < s_.size() && s_[pos_] != '\n' && !at(pos_, "\r\n")) ++pos_;
    return true;
  }

  // string_char: an escape \" \\ \n, or any byte but '"', '\\' and line breaks.
  bool string(Kind& kind) {
    kind = Kind::string;
    ++pos_;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\n' || c == '\r') return false;
      if (c == '\\') {
        if (pos_ + 1 >= s_.size() || (s_[pos_ + 1] != '"' && s_[pos_ + 1] != '\\' && s_[pos_ + 1] != 'n')) return false;
        ++pos_;
      }
      ++pos_;
    }
    return false;
  }

  bool literal(Kind& kind) {
    std::size_t end = 0;
    if ((end = date(pos_))) kind = Kind::date;
    else if ((end = loose_date(pos_))) kind = Kind::loose_date;
    else if ((end = duration(pos_))) kind = Kind::duration;
    else if ((end = suffixed(pos_, yuan))) kind = Kind::money;
    else if ((end = percentage(pos_))) kind = Kind::rate;
    else {
      end = decimal(pos_);
      kind = end - pos_ == digits_at(pos_) ? Kind::number : Kind::rate;  // 1.5 is a rate
    }
    pos_ = end;
    return true;
  }

  // date_lit: four digits, '-', two, '-', two. The end, or 0.
  std::size_t date(std::size_t p) const {
    if (digits_at(p) < 4 || !at_char(p + 4, '-') || !digit_at(p + 5) || !digit_at(p + 6) || !at_char(p + 7, '-') ||
        !digit_at(p + 8) || !digit_at(p + 9))
      return 0;
    return p + 10;
  }

  // One or two digits at `p` (one_or_two_digits): their end, or 0.
  std::size_t one_or_two(std::size_t p) const { return digit_at(p) ? (digit_at(p + 1) ? p + 2 : p + 1) : 0; }
  static bool loose_separator(char c) { return c == '-' || c == '/' || c == '.'; }

  // loose_date_lit: 2023-7-1 (separators - / .), or 2023年7月1日 (or 号),
  // blanks allowed around each part.
  std::size_t loose_date(std::size_t p) const {
    if (digits_at(p) < 4) return 0;
    std::size_t q = p + 4;
    if (q < s_.size() && loose_separator(s_[q])) {
      std::size_t month = one_or_two(q + 1);
      if (month && month < s_.size() && loose_separator(s_[month])) {
        std::size_t day = one_or_two(month + 1);
        if (day && !digit_at(day)) return day;
      }
      return 0;
    }
    q += blanks_at(q);
    if (!at(q, nian)) return 0;
    q += nian.size();
    q = one_or_two(q + blanks_at(q));
    if (!q) return 0;
    q += blanks_at(q);
    if (!at(q, yue)) return 0;
    q += yue.size();
    q = one_or_two(q + blanks_at(q));
    if (!q) return 0;
    q += blanks_at(q);
    if (at(q, ri)) return q + ri.size();
    if (at(q, hao)) return q + hao.size();
    return 0;
  }

  // duration_lit: digits, blanks, a unit (the first that matches, as PEG's
  // sor), and no identifier character after it.
  std::size_t duration(std::size_t p) const {
    static constexpr std::array<std::string_view, 11> units{
        "\xE4\xB8\xAA\xE6\x9C\x88", "\xE6\x9C\x88", "\xE5\xB9\xB4", "\xE6\x97\xA5", "\xE5\xA4\xA9",  // 个月 月 年 日 天
        "years", "year", "months", "month", "days", "day"};
    std::size_t q = p + digits_at(p);
    q += blanks_at(q);
    for (std::string_view unit : units) {
      if (!at_folded(q, unit)) continue;
      const std::size_t end = q + unit.size();
      return identifier_char(s_, end, true) ? 0 : end;
    }
    return 0;
  }

  bool at_folded(std::size_t p, std::string_view text) const {
    if (p > s_.size() || s_.size() - p < text.size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i)
      if (fold(s_[p + i]) != fold(text[i])) return false;
    return true;
  }

  // decimal: digits, then '.' and digits if there are. Its end.
  std::size_t decimal(std::size_t p) const {
    std::size_t q = p + digits_at(p);
    if (at_char(q, '.') && digit_at(q + 1)) q += 1 + digits_at(q + 1);
    return q;
  }

  // A decimal, blanks, then `suffix` (money_lit with 元). The end, or 0.
  std::size_t suffixed(std::size_t p, std::string_view suffix) const {
    std::size_t q = decimal(p);
    q += blanks_at(q);
    return at(q, suffix) ? q + suffix.size() : 0;
  }

  // percent_lit: a decimal, blanks, '%' or '％'.
  std::size_t percentage(std::size_t p) const {
    if (std::size_t end = suffixed(p, "%")) return end;
    return suffixed(p, fullwidth_percent);
  }

  bool word(Kind& kind) {
    kind = Kind::word;
    pos_ += identifier_char(s_, pos_, false);
    while (std::size_t n = identifier_char(s_, pos_, true)) pos_ += n;
    return true;
  }

  bool punct() {
    static constexpr std::array<std::string_view, 9> multi{
        "=>", "..", "!=", "<=", ">=", "==",
        "\xE2\x89\xA0", "\xE2\x89\xA4", "\xE2\x89\xA5"};  // ≠ ≤ ≥
    for (std::string_view m : multi)
      if (at(pos_, m)) {
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

std::size_t identifier_char(std::string_view text, std::size_t at, bool digits_too) {
  if (at >= text.size()) return 0;
  const char c = text[at];
  if (is_ascii_alpha(c) || c == '_' || (digits_too && is_digit(c))) return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  auto [code, n] = decode(text, at);
  return is_cjk(code) ? n : 0;
}

Tokenized tokenize(std::string_view source) { return Scanner(source).run(); }

}  // namespace fuzhu::tokens
