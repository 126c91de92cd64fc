// Value types: exact money, calendar dates, full years, checked arithmetic,
// and jurisdiction matching.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <utility>

#include "eval/arithmetic.hpp"
#include "eval/jurisdiction.hpp"
#include "fuzhu/value.hpp"
#include "io/facts.hpp"
#include "tests/support/dates.hpp"

using fuzhu::Date;
using fuzhu::Money;

namespace {
Date d(const char* text) { return fuzhu::testing::day(text); }
}  // namespace

TEST_CASE("Money parse gives exact fen") {
  CHECK(Money::parse("490")->fen == 49000);
  CHECK(Money::parse("490.5")->fen == 49050);
  CHECK(Money::parse("490.50")->fen == 49050);
  CHECK(Money::parse("0.05")->fen == 5);
  CHECK(Money::parse("0")->fen == 0);
}

TEST_CASE("Money parse rejects malformed decimals") {
  CHECK_FALSE(Money::parse("1.234").has_value());
  CHECK_FALSE(Money::parse("abc").has_value());
  CHECK_FALSE(Money::parse("").has_value());
  CHECK_FALSE(Money::parse("99999999999999999999").has_value());
}

TEST_CASE("Money to_string prints whole yuan bare and fen with two places") {
  CHECK(Money{49000}.to_string() == "490");
  CHECK(Money{49050}.to_string() == "490.50");
  CHECK(Money{5}.to_string() == "0.05");
  CHECK(Money::yuan(5000)->to_string() == "5000");
  CHECK(Money::yuan(0) == Money{0});
  CHECK_FALSE(Money::yuan(-5));                   // refused, not clamped
  CHECK(Money::yuan(92233720368547758) == Money{9223372036854775800});
  CHECK_FALSE(Money::yuan(92233720368547759));    // × 100 leaves 64 bits
  CHECK(Money::parse(Money{12345}.to_string())->fen == 12345);
}

TEST_CASE("Date parse accepts only real days") {
  CHECK_FALSE(Date::parse("2025-02-30").has_value());
  CHECK_FALSE(Date::parse("2023-02-29").has_value());
  CHECK_FALSE(Date::parse("2026-13-01").has_value());
  CHECK_FALSE(Date::parse("yesterday").has_value());
  auto leap = Date::parse("2024-02-29");
  REQUIRE(leap.has_value());
  CHECK(leap->year == 2024);
  CHECK(leap->month == 2);
  CHECK(leap->day == 29);
  CHECK(leap->to_string() == "2024-02-29");
  CHECK(Date::parse("2000-02-29").has_value());  // divisible by 400
  CHECK_FALSE(Date::parse("1900-02-29").has_value());  // divisible by 100 only
}

TEST_CASE("full_years counts completed years on the birthday") {
  CHECK(fuzhu::full_years(d("1977-11-23"), d("2026-11-23")) == 49);
  CHECK(fuzhu::full_years(d("1977-11-23"), d("2026-11-22")) == 48);
  CHECK(fuzhu::full_years(d("1977-11-23"), d("1977-11-23")) == 0);
}

TEST_CASE("full_years for a 29 February birth completes on 1 March") {
  CHECK(fuzhu::full_years(d("2000-02-29"), d("2001-03-01")) == 1);
  CHECK(fuzhu::full_years(d("2000-02-29"), d("2001-02-28")) == 0);
  CHECK(fuzhu::full_years(d("2000-02-29"), d("2004-02-29")) == 4);
  CHECK(fuzhu::full_years(d("2000-02-29"), d("2004-02-28")) == 3);
}

TEST_CASE("days_since_epoch round trips") {
  CHECK(d("1970-01-01").days_since_epoch() == 0);
  CHECK(d("1970-01-02").days_since_epoch() == 1);
  CHECK(d("1969-12-31").days_since_epoch() == -1);
  CHECK(d("2000-03-01").days_since_epoch() - d("2000-02-28").days_since_epoch() == 2);
  CHECK(d("2001-03-01").days_since_epoch() - d("2001-02-28").days_since_epoch() == 1);
  for (const char* text : {"1900-03-01", "1977-11-23", "2000-02-29", "2024-12-31", "2026-11-23"}) {
    Date date = d(text);
    CHECK(Date::from_days(date.days_since_epoch()) == date);
  }
  for (std::int64_t n = -800; n <= 800; n += 37) CHECK(Date::from_days(n).days_since_epoch() == n);
}

TEST_CASE("divide_rounded rounds halves away from zero") {
  using fuzhu::detail::divide_rounded;
  fuzhu::Loc loc;
  CHECK(divide_rounded(10000 * 4, 10, loc) == 4000);
  CHECK(divide_rounded(5, 2, loc) == 3);
  CHECK(divide_rounded(-5, 2, loc) == -3);
  CHECK(divide_rounded(5, -2, loc) == -3);
  CHECK(divide_rounded(4, 3, loc) == 1);
  CHECK(divide_rounded(5, 3, loc) == 2);
  CHECK(divide_rounded(-4, 3, loc) == -1);
  CHECK(divide_rounded(100, 3, loc) == 33);
  CHECK(divide_rounded(200, 3, loc) == 67);
  CHECK_THROWS_AS(divide_rounded(100, 0, loc), fuzhu::detail::EvalError);
  CHECK_THROWS_AS(divide_rounded(std::numeric_limits<std::int64_t>::min(), -1, loc), fuzhu::detail::EvalError);
}

TEST_CASE("checked arithmetic throws EvalError on overflow") {
  using namespace fuzhu::detail;
  fuzhu::Loc loc;
  constexpr auto big = std::numeric_limits<std::int64_t>::max();
  CHECK(checked_mul(49000, 12, loc) == 588000);
  CHECK_THROWS_AS(checked_mul(big, 2, loc), EvalError);
  CHECK_THROWS_AS(checked_mul(big / 2 + 1, 2, loc), EvalError);
  CHECK(checked_mul(big / 2, 2, loc) == big - 1);
  CHECK_THROWS_AS(checked_add(big, 1, loc), EvalError);
  CHECK_THROWS_AS(checked_sub(std::numeric_limits<std::int64_t>::min(), 1, loc), EvalError);
}

TEST_CASE("in_region matches jurisdictions by administrative unit") {
  using fuzhu::detail::in_region;
  CHECK(in_region("淄博市张店区", "山东省淄博市张店区"));
  CHECK_FALSE(in_region("益阳市", "湖南省长沙市岳麓区"));
  CHECK(in_region("陕西省安康市", "安康市汉滨区"));
  CHECK(in_region("益阳市", "湖南省益阳市赫山区"));
  CHECK_FALSE(in_region("陕西省安康市", "湖北省安康市汉滨区"));
  CHECK_FALSE(in_region("淄博市张店区", "山东省淄博市临淄区"));
}

TEST_CASE("the readers' day numbers are Date's, and refuse what Date::parse refuses") {
  // Every day of 1890-2110 and of the first and last years of the calendar:
  // written out, read back to the same day.
  for (auto [first, last] : {std::pair{Date{1, 1, 1}, Date{2, 12, 31}}, std::pair{Date{1890, 1, 1}, Date{2110, 12, 31}},
                             std::pair{Date{9998, 1, 1}, Date{9999, 12, 31}}})
    for (std::int64_t n = first.days_since_epoch(); n <= last.days_since_epoch(); ++n) {
      const std::string text = Date::from_days(n).to_string();
      CAPTURE(text);
      REQUIRE(fuzhu::detail::day_number(text) == n);
    }
  for (const char* bad : {"2025-02-29", "1900-02-29", "2024-02-30", "2025-04-31", "2025-13-01", "2025-00-10",
                          "2025-01-00", "0000-01-01", "2025-1-01", "2025/01/01", "2025-01-0a", "20250-01-01", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(Date::parse(bad).has_value());
    CHECK_FALSE(fuzhu::detail::day_number(bad).has_value());
  }
  CHECK(fuzhu::detail::day_number("2024-02-29") == Date{2024, 2, 29}.days_since_epoch());
  CHECK(fuzhu::detail::day_number("2000-02-29") == Date{2000, 2, 29}.days_since_epoch());
}
