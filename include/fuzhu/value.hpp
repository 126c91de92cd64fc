// fuzhu — value types shared by the embedding API: exact money and calendar dates.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzhu/export.hpp"

namespace fuzhu {

/// An amount of money in fen (分, 1/100 yuan). Never a binary float.
struct FUZHU_API Money {
  std::int64_t fen = 0;

  /// Whole yuan as an amount: none when negative (no document or family
  /// states a negative amount) or beyond 64 bits of fen.
  static constexpr std::optional<Money> yuan(std::int64_t y) {
    if (y < 0 || y > INT64_MAX / 100) return std::nullopt;
    return Money{y * 100};
  }
  /// "490", "490.5", "0.05": a decimal with at most two places; nullopt otherwise
  /// or when it does not fit.
  static std::optional<Money> parse(std::string_view decimal);
  /// "490" for whole yuan, "490.50" otherwise: a JSON-ready number.
  std::string to_string() const;

  friend constexpr auto operator<=>(Money, Money) = default;
};

/// A day of the proleptic Gregorian calendar.
struct FUZHU_API Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// "YYYY-MM-DD" naming a real day (2025-02-30 is rejected); nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);
  static Date today();  ///< the local calendar date
  static Date from_days(std::int64_t days_since_epoch);

  std::int64_t days_since_epoch() const;  ///< 1970-01-01 is 0
  std::string to_string() const;          ///< "YYYY-MM-DD"

  friend constexpr auto operator<=>(const Date&, const Date&) = default;
};

/// Full years (周岁) of someone born on `birth` at `on`. Born 29 February, a
/// year is completed on 1 March in years without that day.
FUZHU_API int full_years(const Date& birth, const Date& on);

}  // namespace fuzhu
