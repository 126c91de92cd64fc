// Reading the numbers of a Chinese document: Arabic digits ("490", "0.5")
// and Chinese numerals in their common forms ("四十九", "五百", "一万五千",
// "两千", and the digit-by-digit years "二〇二〇").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace fuzhu::report {

/// A number read from text: mantissa / 10^decimals ("0.5" is 5 / 10^1).
struct Number {
  std::int64_t mantissa = 0;
  int decimals = 0;
  std::size_t bytes = 0;  // how much of the text it took
  bool chinese = false;   // written in Chinese numerals
  bool whole() const { return decimals == 0; }
};

/// The number at the start of `text`, or none. Arabic digits may carry one
/// decimal point; at most 15 digits (larger numbers are not figures).
std::optional<Number> read_number(std::string_view text);

/// Whether `text` starts with a Chinese numeral character (一…九, 零, 〇,
/// 两, 十, 百, 千, 万).
bool starts_with_chinese_numeral(std::string_view text);

}  // namespace fuzhu::report
