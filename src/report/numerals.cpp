#include "report/numerals.hpp"

#include <array>
#include <utility>

#include "report/text.hpp"

namespace fuzhu::report {

namespace {

constexpr std::int64_t max_mantissa = 999'999'999'999'999;  // 15 digits

// The Chinese numeral characters: a digit's value, or a unit's (十 百 千 万).
struct NumeralChar {
  std::string_view text;
  int value;
  bool unit;
};
constexpr std::array<NumeralChar, 15> numeral_chars = {{
    {"零", 0, false}, {"〇", 0, false}, {"一", 1, false}, {"二", 2, false}, {"两", 2, false},
    {"三", 3, false}, {"四", 4, false}, {"五", 5, false}, {"六", 6, false}, {"七", 7, false},
    {"八", 8, false}, {"九", 9, false}, {"十", 10, true}, {"百", 100, true}, {"千", 1000, true},
}};
constexpr std::string_view wan = "万";

const NumeralChar* numeral_at(std::string_view s) {
  for (const NumeralChar& c : numeral_chars)
    if (s.starts_with(c.text)) return &c;
  return nullptr;
}

std::optional<Number> read_arabic(std::string_view text) {
  Number n;
  std::size_t i = 0;
  bool point = false;
  int digits = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_ascii_digit(c)) {
      if (++digits > 15) return std::nullopt;
      n.mantissa = n.mantissa * 10 + (c - '0');
      if (point) ++n.decimals;
    } else if (c == '.' && !point && i + 1 < text.size() && is_ascii_digit(text[i + 1]) && digits > 0) {
      point = true;
    } else {
      break;
    }
    ++i;
  }
  if (digits == 0) return std::nullopt;
  n.bytes = i;
  return n;
}

// 四十九, 五百, 一千二百, 一万五千, 十一: units multiply the digit before them
// (a bare 十 is ten); 万 multiplies all before it.
std::optional<Number> read_with_units(std::string_view text) {
  std::int64_t total = 0, section = 0, digit = 0;
  std::size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    if (const NumeralChar* c = numeral_at(text.substr(i))) {
      if (c->unit) {
        section += (digit == 0 && c->value == 10 ? 1 : digit) * c->value;
        digit = 0;
      } else {
        digit = c->value;
      }
      i += c->text.size();
    } else if (any && text.substr(i).starts_with(wan) && total == 0) {
      total = (section + digit) * 10000;
      section = digit = 0;
      i += wan.size();
    } else {
      break;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  Number n;
  n.mantissa = total + section + digit;
  n.bytes = i;
  n.chinese = true;
  return n;
}

// 二〇二〇: digits one after another, without units (years).
std::optional<Number> read_digit_by_digit(std::string_view text) {
  Number n;
  std::size_t i = 0;
  int digits = 0;
  while (const NumeralChar* c = numeral_at(text.substr(i))) {
    if (c->unit) return std::nullopt;
    n.mantissa = n.mantissa * 10 + c->value;
    i += c->text.size();
    if (++digits > 15) return std::nullopt;
  }
  if (digits < 2) return std::nullopt;
  n.bytes = i;
  n.chinese = true;
  return n;
}

bool has_unit(std::string_view numeral) {
  for (std::size_t i = 0; i < numeral.size();) {
    const NumeralChar* c = numeral_at(numeral.substr(i));
    if (!c) return true;  // 万
    if (c->unit) return true;
    i += c->text.size();
  }
  return false;
}

}  // namespace

bool starts_with_chinese_numeral(std::string_view text) { return numeral_at(text) != nullptr; }

std::optional<Number> read_number(std::string_view text) {
  if (!text.empty() && is_ascii_digit(text.front())) return read_arabic(text);
  // A Chinese numeral starts with a digit or 十 (十一); 百, 千 and 万 alone
  // are words (百姓, 千万).
  const NumeralChar* first = numeral_at(text);
  if (!first || (first->unit && first->value != 10)) return std::nullopt;
  std::optional<Number> n = read_with_units(text);
  if (!n) return std::nullopt;
  if (!has_unit(text.substr(0, n->bytes)))
    if (auto digits = read_digit_by_digit(text)) return digits;
  if (n->mantissa > max_mantissa) return std::nullopt;
  return n;
}

}  // namespace fuzhu::report
