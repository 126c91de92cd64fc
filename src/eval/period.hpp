// Periods of time as Chinese civil law counts them (民法典 第二百零一、二百零二
// 条): a period of years or months ends on the corresponding day of its last
// month, or on that month's last day where it has no such day; a period of
// days is plain days. Years, months and days never convert into each other.
// Used wherever a policy adds a duration to a date: in expressions, and in
// the header's `in force from D for N 年`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "fuzhu/value.hpp"

namespace fuzhu {

enum class DurationUnit : std::uint8_t { days, months, years };

/// `count` whole units: 1 年, 6 个月, 30 日.
struct Duration {
  std::int64_t count = 0;
  DurationUnit unit = DurationUnit::days;

  /// One integer for a value slot: count and unit together.
  std::int64_t encode() const { return count * 4 + static_cast<std::int64_t>(unit); }
  static Duration decode(std::int64_t n) { return {n / 4, static_cast<DurationUnit>(n % 4)}; }
  /// "1 年", "6 个月", "30 日": how --explain and the report write it.
  std::string to_string() const;
};

/// `from` plus (sign +1) or minus (sign -1) `period`; nullopt when the day
/// falls outside the calendar (years 1 to 9999). 2024-01-31 + 1 个月 is
/// 2024-02-29; 2024-02-29 + 1 年 is 2025-02-28; 2023-03-31 − 1 个月 is 2023-02-28.
std::optional<Date> shift(const Date& from, const Duration& period, int sign = 1);

/// Full periods of `unit` from `a` to `b`: the largest n with a + n ≤ b when
/// a ≤ b, and −(full periods from b to a) when b is before a. Days: b − a.
std::int64_t full_periods(const Date& a, const Date& b, DurationUnit unit);

}  // namespace fuzhu
