// Periods of time (see period.hpp).
#include "eval/period.hpp"

#include <fmt/format.h>

namespace fuzhu {

namespace {

bool leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int last_day(std::int64_t year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

// `months` months after `from` (before, when negative), on the corresponding
// day or the last day of the month that has none.
std::optional<Date> shift_months(const Date& from, std::int64_t months) {
  const std::int64_t index = std::int64_t{from.year} * 12 + (from.month - 1) + months;
  const std::int64_t year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  const int month = static_cast<int>(index - year * 12) + 1;
  if (year < 1 || year > 9999) return std::nullopt;
  const int day = std::min(from.day, last_day(year, month));
  return Date{static_cast<int>(year), month, day};
}

// The largest n ≥ 0 with a + n months ≤ b, for a ≤ b.
std::int64_t full_months(const Date& a, const Date& b) {
  std::int64_t n = (std::int64_t{b.year} - a.year) * 12 + (b.month - a.month);
  // a + n lands in b's month; on a later day than b, one month fewer fits.
  if (n > 0 && std::min(a.day, last_day(b.year, b.month)) > b.day) --n;
  return n;
}

}  // namespace

std::string Duration::to_string() const {
  switch (unit) {
    case DurationUnit::days: return fmt::format("{} 日", count);
    case DurationUnit::months: return fmt::format("{} 个月", count);
    case DurationUnit::years: return fmt::format("{} 年", count);
  }
  return "";
}

std::optional<Date> shift(const Date& from, const Duration& period, int sign) {
  const std::int64_t count = sign < 0 ? -period.count : period.count;
  switch (period.unit) {
    case DurationUnit::days: {
      constexpr std::int64_t first = -719162, last = 2932896;  // 0001-01-01 and 9999-12-31
      const std::int64_t day = from.days_since_epoch() + count;
      if (day < first || day > last) return std::nullopt;
      return Date::from_days(day);
    }
    case DurationUnit::months: return shift_months(from, count);
    case DurationUnit::years: return shift_months(from, count * 12);
  }
  return std::nullopt;
}

std::int64_t full_periods(const Date& a, const Date& b, DurationUnit unit) {
  if (b < a) return -full_periods(b, a, unit);
  switch (unit) {
    case DurationUnit::days: return b.days_since_epoch() - a.days_since_epoch();
    case DurationUnit::months: return full_months(a, b);
    case DurationUnit::years: return full_months(a, b) / 12;
  }
  return 0;
}

}  // namespace fuzhu
