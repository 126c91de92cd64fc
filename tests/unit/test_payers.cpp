// Payers: splitting an amount exactly, undetermined splits, payees and
// benefits for parents who died. Every figure here is worked out by hand in
// the comment beside it. The checker's warnings and the payer syntax errors
// are tested as files: tests/check/payers.policy, payers_syntax.policy.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eval/payers.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/facts.hpp"

using fuzhu::ast::ShareKind;
using fuzhu::detail::ShareOf;
using fuzhu::detail::split_amount;
using fuzhu::detail::SplitOutcome;

namespace {

std::vector<std::int64_t> split(std::int64_t amount, const std::vector<ShareOf>& shares) {
  std::vector<std::int64_t> fen(shares.size());
  const SplitOutcome outcome = split_amount(amount, shares, fen);
  REQUIRE(outcome.problem == SplitOutcome::Problem::none);
  return fen;
}

SplitOutcome::Problem problem(std::int64_t amount, const std::vector<ShareOf>& shares) {
  std::vector<std::int64_t> fen(shares.size());
  return split_amount(amount, shares, fen).problem;
}

ShareOf figure(std::int64_t fen) { return {ShareKind::figure, fen}; }
ShareOf percent(std::int64_t ppm) { return {ShareKind::percent, ppm}; }
ShareOf parts(std::int64_t n) { return {ShareKind::parts, n}; }

const std::string header =
    "use \"facts.schema\"\n"
    "policy \"测试\" { document \"测试〔2026〕1号\" in force from 2010-01-01 jurisdiction \"益阳市\" }\n";

fuzhu::Policy policy(const std::string& body) { return fuzhu::testing::compiled(header + body, "payers.policy"); }

fuzhu::EvalResult evaluate(const fuzhu::Policy& p, const std::string& family) {
  return p.evaluate(fuzhu::testing::facts_of(p, family), fuzhu::Date{2026, 6, 1});
}

const fuzhu::Entitlement& only(const fuzhu::EvalResult& r) {
  INFO(fuzhu::render_all(r.errors));
  REQUIRE(r.ok());
  REQUIRE(r.evaluation->entitlements.size() == 1);
  return r.evaluation->entitlements.front();
}

std::string payers(const fuzhu::Entitlement& e) {
  std::string out;
  for (const auto& p : e.payers) out += std::string(p.name) + " " + (p.amount ? p.amount->to_string() : "-") + ";";
  return out;
}

const char* region = R"("household": {"region": "湖南省益阳市赫山区")";

}  // namespace

TEST_CASE("parts split what is left exactly: 4:6 of 100 元, and 1:2 of 100 元 gives the last payer the fen") {
  // 390 元 to the province, 100 元 left: 40 and 60.
  CHECK(split(49000, {figure(39000), parts(4), parts(6)}) == std::vector<std::int64_t>{39000, 4000, 6000});
  // 100 元 × 1/3 = 33.333… → 33.33; the last takes 100 − 33.33 = 66.67.
  CHECK(split(10000, {parts(1), parts(2)}) == std::vector<std::int64_t>{3333, 6667});
  // 1:1:1 of 100 元: cumulative 33.33, 66.67, 100 → 33.33, 33.34, 33.33.
  CHECK(split(10000, {parts(1), parts(1), parts(1)}) == std::vector<std::int64_t>{3333, 3334, 3333});
  // 2 fen among four equal parts: cumulative 0.5→1, 1, 1.5→2, 2 → 1, 0, 1, 0; none negative.
  CHECK(split(2, {parts(1), parts(1), parts(1), parts(1)}) == std::vector<std::int64_t>{1, 0, 1, 0});
}

TEST_CASE("percentages that make 100 % split the amount exactly") {
  // 50 % of 100.01 元 is 50.005: cumulative 50.01 then 100.01 → 50.01 and 50.00.
  CHECK(split(10001, {percent(500000), percent(500000)}) == std::vector<std::int64_t>{5001, 5000});
  // 33.33 % + 33.33 % + 33.34 % of 100 元: 33.33, 33.33, 33.34.
  CHECK(split(10000, {percent(333300), percent(333300), percent(333400)}) == std::vector<std::int64_t>{3333, 3333, 3334});
  // 40 % of 100 元 and a figure of 60 元.
  CHECK(split(10000, {percent(400000), figure(6000)}) == std::vector<std::int64_t>{4000, 6000});
  // 100 % to one payer.
  CHECK(split(500000, {percent(1000000)}) == std::vector<std::int64_t>{500000});
}

TEST_CASE("shares that do not add up are a problem, never a silent split") {
  // 800 元 split as 266.67 + 400: short of 800.
  CHECK(problem(80000, {figure(26667), figure(40000)}) == SplitOutcome::Problem::short_of);
  CHECK(problem(10000, {figure(6000), figure(6000)}) == SplitOutcome::Problem::exceeds);
  CHECK(problem(10000, {percent(400000), percent(500000)}) == SplitOutcome::Problem::short_of);
  // The figures leave less than nothing for the parts.
  CHECK(problem(10000, {figure(12000), parts(1)}) == SplitOutcome::Problem::exceeds);
  CHECK(problem(10000, {figure(-100), parts(1)}) == SplitOutcome::Problem::negative_figure);
  // No share at all for an amount.
  CHECK(problem(10000, {}) == SplitOutcome::Problem::short_of);
}

TEST_CASE("amount in a share is the row's amount") {
  auto p = policy(
      "benefit b \"测试\" { cites \"一\" to each parent monthly 490 元\n"
      "  paid by { \"省\" : amount - 100 元, \"市\" : 4 份, \"区\" : 6 份 } }\n");
  auto r = evaluate(p, std::string("{") + region + R"(}, "mother": {"birth_date": "1970-01-01"}})");
  // 490 − 100 = 390 to the province; 100 left, 4:6.
  CHECK(payers(only(r)) == "省 390;市 40;区 60;");
}

TEST_CASE("a payer's condition on an unknown fact leaves the split undetermined, naming the fact") {
  auto p = policy(
      "benefit b \"测试\" { cites \"一\" to each parent monthly 490 元\n"
      "  paid by { \"省\" : 390 元\n"
      "    \"市\" : 4 份 when household.district_kind = city_district\n"
      "    \"区\" : 6 份 when household.district_kind = city_district\n"
      "    \"县\" : 1 份 when household.district_kind = county } }\n");
  auto r = evaluate(p, std::string("{") + region + R"(}, "mother": {"birth_date": "1970-01-01"}})");
  const auto& e = only(r);
  CHECK(e.payers_undetermined);
  CHECK(e.payers.empty());  // never 390 of 490
  CHECK(e.payers_needs == std::vector<std::string_view>{"household.district_kind"});
  const std::string json = fuzhu::to_json(*r.evaluation);
  CHECK(json.find("\"payers\": null,\n      \"payers_needs\": [\n        \"household.district_kind\"\n      ]") != std::string::npos);
  CHECK(fuzhu::to_text(*r.evaluation).find("paid by: undetermined (ask for household.district_kind)") != std::string::npos);

  auto county = evaluate(p, std::string("{") + region + R"(, "district_kind": "county"}, "mother": {"birth_date": "1970-01-01"}})");
  CHECK(payers(only(county)) == "省 390;县 100;");
  CHECK(fuzhu::to_text(*county.evaluation).find("paid by 省 390 元 + 县 100 元") != std::string::npos);
}

TEST_CASE("shares that do not add up for a family are an error at paid by") {
  auto p = policy(
      "benefit b \"测试\" { cites \"一\" monthly match household.area { urban => 800 元, rural => 600 元 }\n"
      "  paid by { \"市\" : 400 元, \"区\" : 400 元 } }\n");
  CHECK(evaluate(p, std::string("{") + region + R"(, "area": "urban"}})").ok());
  auto r = evaluate(p, std::string("{") + region + R"(, "area": "rural"}})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].code == "E002");
  CHECK(r.errors[0].line == 4);  // the paid by clause
  CHECK(r.errors[0].message.find("come to 800 元, more than its amount 600 元") != std::string::npos);
}

TEST_CASE("no payer applying is an error, not an entitlement nobody pays") {
  auto p = policy(
      "benefit b \"测试\" { cites \"一\" once 5000 元\n"
      "  paid by { \"女方工作单位\" : 100% when exists(mother) and mother.employer = public } }\n");
  auto r = evaluate(p, std::string("{") + region + R"(}, "mother": {"employer": "none"}})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].code == "E003");
}

TEST_CASE("joint payers without shares are listed without amounts") {
  auto p = policy("benefit b \"测试\" { cites \"一\" once 3000 元 paid by { \"区卫生健康局\", \"区计生协会\" } }\n");
  auto r = evaluate(p, std::string("{") + region + "}}");
  CHECK(payers(only(r)) == "区卫生健康局 -;区计生协会 -;");
}

TEST_CASE("a benefit to each parent who died gives one row per parent not living, paid to the relatives") {
  auto p = policy(
      "benefit funeral \"丧葬补助\" { cites \"一\" to each parent who died once 2000 元 paid to \"亲属\" }\n");
  auto r = evaluate(p, std::string("{") + region +
                           R"(}, "mother": {"birth_date": "1950-01-01", "alive": false}, "father": {"birth_date": "1948-01-01"}})");
  const auto& e = only(r);
  CHECK(e.recipient == "mother");
  CHECK(e.amount->fen == 200000);
  CHECK(e.paid_to == "亲属");
  CHECK(fuzhu::to_json(*r.evaluation).find("\"paid_to\": \"亲属\"") != std::string::npos);
  CHECK(fuzhu::to_text(*r.evaluation).find("paid to 亲属") != std::string::npos);
  // Both living, or absent: no row.
  auto none = evaluate(p, std::string("{") + region + R"(}, "father": {"birth_date": "1948-01-01"}})");
  REQUIRE(none.ok());
  CHECK(none.evaluation->entitlements.empty());
}

