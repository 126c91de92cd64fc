// Periods as 民法典 201/202 count them, checked on every day of several years
// (leap years, 29 February, month and year ends, the century 2100 that is
// not leap) against a calculation written here independently of the engine:
// the standard library's calendar (std::chrono) for the corresponding day,
// and plain counting, one day at a time, for the periods between two dates.
// Then the same through the language: date ± duration, within, elapsed,
// years_between, months_between, days_between, and the header's `for`.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "eval/period.hpp"
#include "fuzhu/fuzhu.hpp"

namespace {

namespace chr = std::chrono;
using fuzhu::Date;
using fuzhu::Duration;
using fuzhu::DurationUnit;

// ------------------------------------------------- the independent reference

chr::year_month_day ymd(const Date& d) {
  return chr::year_month_day{chr::year{d.year}, chr::month{static_cast<unsigned>(d.month)},
                             chr::day{static_cast<unsigned>(d.day)}};
}

Date date(const chr::year_month_day& d) {
  return Date{static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())),
              static_cast<int>(static_cast<unsigned>(d.day()))};
}

// The corresponding day n months (or years) on; the month's last day when
// it has no such day (std::chrono leaves 2024-02-30 "not ok").
Date reference_shift(const Date& from, std::int64_t count, DurationUnit unit) {
  chr::year_month_day d = ymd(from);
  switch (unit) {
    case DurationUnit::days: return date(chr::year_month_day{chr::sys_days{d} + chr::days{count}});
    case DurationUnit::months: d += chr::months{count}; break;
    case DurationUnit::years: d += chr::years{count}; break;
  }
  if (!d.ok()) d = chr::year_month_day{chr::year_month_day_last{d.year(), chr::month_day_last{d.month()}}};
  return date(d);
}

Date next_day(const Date& d) { return date(chr::year_month_day{chr::sys_days{ymd(d)} + chr::days{1}}); }

// Every day from `first` to `last`, inclusive.
std::vector<Date> days(Date first, const Date& last) {
  std::vector<Date> out;
  for (; !(last < first); first = next_day(first)) out.push_back(first);
  return out;
}

// Several years around the cases that matter: 2020 and 2024 (leap), 2023
// (not), 2000 (leap, divisible by 400) and 2100 (not leap, divisible by 100).
std::vector<Date> test_days() {
  std::vector<Date> out = days({2019, 12, 1}, {2025, 1, 31});
  for (const Date& d : days({1999, 11, 1}, {2000, 4, 30})) out.push_back(d);
  for (const Date& d : days({2099, 11, 1}, {2100, 4, 30})) out.push_back(d);
  return out;
}

const DurationUnit units[] = {DurationUnit::days, DurationUnit::months, DurationUnit::years};

}  // namespace

TEST_CASE("date plus and minus years, months and days is the corresponding day, every day of several years") {
  for (const Date& from : test_days())
    for (DurationUnit unit : units)
      for (std::int64_t count : {0, 1, 2, 3, 6, 11, 12, 13, 25, 48, 100}) {
        const auto plus = fuzhu::shift(from, Duration{count, unit});
        const auto minus = fuzhu::shift(from, Duration{count, unit}, -1);
        REQUIRE(plus.has_value());
        REQUIRE(minus.has_value());
        INFO(from.to_string(), " ± ", Duration{count, unit}.to_string());
        CHECK(*plus == reference_shift(from, count, unit));
        CHECK(*minus == reference_shift(from, -count, unit));
      }
}

TEST_CASE("the examples of LANGUAGE-DESIGN: month ends and 29 February") {
  auto shifted = [](Date d, std::int64_t n, DurationUnit u, int sign = 1) { return *fuzhu::shift(d, Duration{n, u}, sign); };
  CHECK(shifted({2024, 1, 31}, 1, DurationUnit::months) == Date{2024, 2, 29});
  CHECK(shifted({2024, 2, 29}, 1, DurationUnit::years) == Date{2025, 2, 28});
  CHECK(shifted({2023, 3, 31}, 1, DurationUnit::months, -1) == Date{2023, 2, 28});
  CHECK(shifted({2023, 12, 31}, 1, DurationUnit::days) == Date{2024, 1, 1});
  CHECK(shifted({2099, 2, 28}, 1, DurationUnit::years) == Date{2100, 2, 28});  // 2100 has no 29 February
  CHECK(shifted({2096, 2, 29}, 4, DurationUnit::years) == Date{2100, 2, 28});
}

TEST_CASE("a shift past the calendar's ends is refused, at the ends it is not") {
  CHECK(fuzhu::shift({9999, 12, 31}, Duration{0, DurationUnit::days}).has_value());
  CHECK_FALSE(fuzhu::shift({9999, 12, 31}, Duration{1, DurationUnit::days}).has_value());
  CHECK_FALSE(fuzhu::shift({9999, 12, 1}, Duration{1, DurationUnit::months}).has_value());
  CHECK_FALSE(fuzhu::shift({1, 1, 1}, Duration{1, DurationUnit::days}, -1).has_value());
  CHECK(*fuzhu::shift({1, 1, 2}, Duration{1, DurationUnit::days}, -1) == Date{1, 1, 1});
  CHECK_FALSE(fuzhu::shift({2024, 1, 1}, Duration{1'000'000'000, DurationUnit::years}).has_value());
  CHECK_FALSE(fuzhu::shift({2024, 1, 1}, Duration{1'000'000'000, DurationUnit::days}).has_value());
}

TEST_CASE("full years, months and days between two dates, counted one day at a time") {
  // For each start, walk the end forward day by day over four years and
  // more, counting a period each time the end reaches start + (n + 1): the
  // largest n with start + n ≤ end. Backwards it is the same, negated.
  for (const Date& a : test_days())
    for (DurationUnit unit : units) {
      if (unit == DurationUnit::days && a.day != 1) continue;  // days: every month is plenty
      std::int64_t n = 0;
      Date next = reference_shift(a, 1, unit);
      Date b = a;
      for (int step = 0; step < 1600; ++step, b = next_day(b)) {
        while (!(b < next)) next = reference_shift(a, ++n + 1, unit);
        INFO(a.to_string(), " to ", b.to_string());
        REQUIRE(fuzhu::full_periods(a, b, unit) == n);
        REQUIRE(fuzhu::full_periods(b, a, unit) == -n);
      }
    }
}

TEST_CASE("full periods: 29 February and month ends") {
  using U = DurationUnit;
  CHECK(fuzhu::full_periods({2024, 2, 29}, {2025, 2, 27}, U::years) == 0);
  CHECK(fuzhu::full_periods({2024, 2, 29}, {2025, 2, 28}, U::years) == 1);  // 民法典 202: the month's last day
  CHECK(fuzhu::full_periods({2024, 1, 31}, {2024, 2, 29}, U::months) == 1);
  CHECK(fuzhu::full_periods({2024, 1, 31}, {2024, 3, 30}, U::months) == 1);
  CHECK(fuzhu::full_periods({2024, 1, 31}, {2024, 3, 31}, U::months) == 2);
  CHECK(fuzhu::full_periods({2025, 3, 1}, {2024, 3, 1}, U::years) == -1);
  CHECK(fuzhu::full_periods({2024, 12, 31}, {2025, 1, 1}, U::days) == 1);
}

// ------------------------------------------------------------ the language

namespace {

fuzhu::Policy compile(const std::string& body, const std::string& window = "from 2000-01-01") {
  fuzhu::CompileOptions options;
  options.include_dirs = {FUZHU_SOURCE_DIR "/policies"};
  auto r = fuzhu::Policy::compile_string("use \"facts.schema\"\npolicy \"期间\" {\n  document \"测试\"\n  in force " +
                                             window + "\n  jurisdiction \"益阳市\"\n}\n" + body,
                                         "periods.policy", options);
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  return *r.policy;
}

struct Outcome {
  bool granted = false;
  std::int64_t fen = 0;
};

Outcome decide(const fuzhu::Policy& p, const Date& event, const Date& as_of, const std::string& id = "b") {
  auto f = p.new_facts();
  CHECK_FALSE(f.set("household.region", std::string_view("湖南省益阳市")));
  CHECK_FALSE(f.set("child.event_date", event));
  auto r = p.evaluate(f, as_of);
  INFO(fuzhu::render_all(r.errors));
  REQUIRE(r.ok());
  for (const auto& e : r.evaluation->entitlements)
    if (e.benefit == id) return {true, e.amount ? e.amount->fen : 0};
  return {};
}

}  // namespace

TEST_CASE("within and elapsed hold on exactly the days the reference says") {
  // 自子女死亡之日起一年内 / 满一年: from the event, on a day either side of
  // the period's end, for every event day of two years.
  auto p = compile(
      "benefit b \"一年内\" { cites \"一\" when within(child.event_date, 1 年) once 1 元 }\n"
      "benefit e \"满六个月\" { cites \"二\" when elapsed(child.event_date, 6 个月) once 1 元 }\n");
  for (const Date& event : days({2023, 1, 1}, {2024, 12, 31})) {
    const Date end = reference_shift(event, 1, DurationUnit::years);
    const Date after = next_day(end);
    INFO(event.to_string());
    CHECK(decide(p, event, event).granted);
    CHECK(decide(p, event, end).granted);
    CHECK_FALSE(decide(p, event, after).granted);
    const Date half = reference_shift(event, 6, DurationUnit::months);
    CHECK(decide(p, event, half, "e").granted);
    CHECK_FALSE(decide(p, event, reference_shift(half, -1, DurationUnit::days), "e").granted);
  }
  // Before the date, within() does not hold either (a literal date: a
  // dated event of the facts is never after the evaluation date).
  auto q = compile("benefit b \"B\" { cites \"一\" when within(2024-05-01, 30 日) once 1 元 }\n");
  CHECK_FALSE(decide(q, {2024, 1, 1}, {2024, 4, 30}).granted);
  CHECK(decide(q, {2024, 1, 1}, {2024, 5, 1}).granted);
  CHECK(decide(q, {2024, 1, 1}, {2024, 5, 31}).granted);
  CHECK_FALSE(decide(q, {2024, 1, 1}, {2024, 6, 1}).granted);
}

TEST_CASE("date arithmetic and the between functions in a policy agree with the reference") {
  // The evaluation date is about ten months after the event: the between
  // functions count forwards (positive) and backwards (negative, the same
  // magnitude).
  auto p = compile(
      "define later = child.event_date - 1 个月 + 1 年 - 40 天\n"
      "benefit m \"M\" { cites \"一\" when today = later once 1 元 * months_between(child.event_date, today) }\n"
      "benefit d \"D\" { cites \"二\" when today = later once 1 元 * days_between(child.event_date, today) }\n"
      "benefit s \"S\" { cites \"三\" when today = later and years_between(today, child.event_date) = 0\n"
      "  and months_between(child.event_date, today) + months_between(today, child.event_date) = 0\n"
      "  and days_between(child.event_date, today) = 0 - days_between(today, child.event_date) once 1 元 }\n");
  for (const Date& event : days({2023, 12, 1}, {2025, 3, 31})) {
    const Date later = reference_shift(
        reference_shift(reference_shift(event, -1, DurationUnit::months), 1, DurationUnit::years), -40, DurationUnit::days);
    INFO(event.to_string());
    std::int64_t months = 0;  // full months from the event to `later`, counted
    while (!(later < reference_shift(event, months + 1, DurationUnit::months))) ++months;
    std::int64_t day_count = 0;
    for (Date d = event; d < later; d = next_day(d)) ++day_count;
    CHECK(decide(p, event, later, "m").fen == 100 * months);
    CHECK(decide(p, event, later, "d").fen == 100 * day_count);
    CHECK(decide(p, event, later, "s").granted);
    CHECK_FALSE(decide(p, event, next_day(later), "s").granted);
  }
}

TEST_CASE("a date past the calendar is an evaluation error at its place") {
  auto p = compile("benefit b \"B\" { cites \"一\" when child.event_date + 9000 年 > today once 1 元 }\n");
  auto f = p.new_facts();
  CHECK_FALSE(f.set("household.region", std::string_view("湖南省益阳市")));
  CHECK_FALSE(f.set("child.event_date", Date{2020, 1, 1}));
  auto r = p.evaluate(f, Date{2024, 1, 1});
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].code == "E004");
  CHECK(r.errors[0].line == 7);
  CHECK(r.errors[0].message.find("2020-01-01 + 9000 年 is outside the calendar") != std::string::npos);
}

TEST_CASE("in force for N years: the last day is the start plus N, less one day") {
  // 佛山 五: 自2020年1月1日起施行，有效期5年 → the last day is 2024-12-31;
  // 张店: 2021-01-08 for 5 年 → 2026-01-07. At month ends the day D + N is
  // the corresponding day or the month's last (2025-02-28, 2024-02-29), and
  // the day before it is the last in force.
  CHECK(compile("", "from 2020-01-01 for 5 年").info().in_force_to == Date{2024, 12, 31});
  CHECK(compile("", "from 2021-01-08 for 5 years").info().in_force_to == Date{2026, 1, 7});
  CHECK(compile("", "from 2024-02-29 for 1 年").info().in_force_to == Date{2025, 2, 27});
  CHECK(compile("", "from 2024-01-31 for 1 个月").info().in_force_to == Date{2024, 2, 28});
  CHECK(compile("", "from 2024-03-01 for 1 个月").info().in_force_to == Date{2024, 3, 31});
  CHECK(compile("", "from 2024-01-01 for 30 日").info().in_force_to == Date{2024, 1, 30});
  CHECK(compile("", "from 2020-01-01 for 5 年").info().in_force_period == "5 年");
  auto p = compile("benefit b \"B\" { cites \"一\" once 1 元 }\n", "from 2020-01-01 for 5 年");
  CHECK(decide(p, {2020, 1, 1}, {2024, 12, 31}).granted);
  CHECK_FALSE(decide(p, {2020, 1, 1}, {2025, 1, 1}).granted);
  auto r = p.evaluate(p.new_facts(), Date{2025, 1, 1});
  REQUIRE(r.ok());
  CHECK(r.evaluation->in_force_to == Date{2024, 12, 31});
  const std::string json = fuzhu::to_json(*r.evaluation);
  CHECK(json.find("\"in_force\": false,\n  \"in_force_from\": \"2020-01-01\",\n  \"in_force_to\": \"2024-12-31\"") !=
        std::string::npos);
  CHECK(fuzhu::to_text(*r.evaluation).find("NOT in force (2020-01-01 to 2024-12-31)") != std::string::npos);
}

TEST_CASE("money times a rate is rounded to the fen, halves away from zero") {
  auto p = compile(
      "benefit b \"B\" { cites \"一\" once 120 元 * 1.5 }\n"
      "benefit c \"C\" { cites \"二\" once 40% * 0.05 元 }\n"           // 0.02 元
      "benefit d \"D\" { cites \"三\" once 0.03 元 * 50% }\n"           // 0.015 → 0.02
      "benefit e \"E\" { cites \"四\" once 0 元 - 0.03 元 * 50％ + 1 元 }\n"  // 1 - 0.02
      "benefit f \"F\" { cites \"五\" once 1000 元 * 12.3456% }\n"      // 123.456 → 123.46
      "benefit g \"G\" { cites \"六\" once 0.01 元 * 0.333333 }\n");    // 0.00333 → 0
  const Date any{2024, 1, 1};
  CHECK(decide(p, any, any, "b").fen == 18000);
  CHECK(decide(p, any, any, "c").fen == 2);
  CHECK(decide(p, any, any, "d").fen == 2);
  CHECK(decide(p, any, any, "e").fen == 98);
  CHECK(decide(p, any, any, "f").fen == 12346);
  CHECK(decide(p, any, any, "g").fen == 0);
}
