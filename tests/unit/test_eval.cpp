// Evaluation of small policies compiled from strings, and reading facts.
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/diagnostics.hpp"
#include "tests/support/facts.hpp"

using fuzhu::Date;
using fuzhu::Money;
using fuzhu::testing::day;
using fuzhu::testing::error_with;
using fuzhu::testing::test_header;
using fuzhu::testing::yiyang_household;

namespace {

fuzhu::Policy compile(const std::string& body, const std::string& window = "from 2010-01-01") {
  return fuzhu::testing::compiled(test_header(window) + body);
}

fuzhu::Evaluation run(const fuzhu::Policy& p, const fuzhu::Facts& f, const char* as_of) {
  auto r = p.evaluate(f, day(as_of));
  INFO(fuzhu::render_all(r.errors));
  REQUIRE(r.ok());
  return *r.evaluation;
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

const fuzhu::Entitlement* entitlement(const fuzhu::Evaluation& ev, const std::string& id,
                                      const std::string& recipient = "") {
  for (const auto& e : ev.entitlements)
    if (e.benefit == id && (recipient.empty() || e.recipient == recipient)) return &e;
  return nullptr;
}

const fuzhu::Undetermined* undetermined(const fuzhu::Evaluation& ev, const std::string& id) {
  for (const auto& u : ev.undetermined)
    if (u.benefit == id) return &u;
  return nullptr;
}

const std::string kleene_body =
    "benefit both \"B\" { when household.low_income and household.housing_hardship to household }\n"
    "benefit either \"E\" { when household.low_income or household.housing_hardship to household }\n"
    "benefit alone \"A\" { when household.housing_hardship to household }\n";

}  // namespace

// fuzhu/result.hpp, "lifetimes": the views point into the compiled policy,
// which every Evaluation (and every copy) keeps alive. Titles longer than a
// std::string's inline buffer, so that a dangling view reads freed heap
// (which the ASan build reports) rather than bytes that happen to remain.
TEST_CASE("an Evaluation's borrowed text outlives the Policy, and its copies outlive it") {
  const std::string long_title = "独生子女家庭特别扶助金（长标题）";
  std::optional<fuzhu::Evaluation> copy;
  {
    fuzhu::Evaluation kept;
    {
      auto p = compile("benefit either \"" + long_title + "\" { when household.low_income or household.housing_hardship to household }\n"
                       "benefit unsure \"" + long_title + " 2\" { when household.housing_hardship to household }\n");
      auto f = yiyang_household(p);
      CHECK_FALSE(f.set("household.low_income", true));
      fuzhu::EvalOptions explain;
      explain.explain = true;
      auto r = p.evaluate(f, day("2026-11-23"), explain);
      REQUIRE(r.ok());
      kept = *r.evaluation;
    }  // every Policy object is gone
    CHECK(kept.keeps_policy_alive != nullptr);
    copy = kept;
  }  // and so is the Evaluation the copy was made from
  REQUIRE(copy->entitlements.size() == 1);
  CHECK(copy->entitlements[0].benefit == "either");
  CHECK(copy->entitlements[0].title == long_title);
  CHECK(copy->entitlements[0].recipient == "household");
  REQUIRE(copy->undetermined.size() == 1);
  CHECK(copy->undetermined[0].title == long_title + " 2");
  CHECK(copy->undetermined[0].needs == std::vector<std::string_view>{"household.housing_hardship"});
  // Explanations borrow too: the expression as written, the facts' paths.
  REQUIRE(copy->explanations.has_value());
  REQUIRE(copy->explanations->size() == 2);
  const fuzhu::Explanation& either = copy->explanations->front();
  CHECK(either.title == long_title);
  REQUIRE(either.condition().has_value());
  CHECK(either.condition()->text == "household.low_income or household.housing_hardship");
  const auto facts_read = either.facts();
  CHECK(std::any_of(facts_read.begin(), facts_read.end(),
                    [](const fuzhu::NamedValue& f) { return f.name == "household.low_income" && f.value == "true"; }));
  CHECK(fuzhu::to_json(*copy).find(long_title) != std::string::npos);
  CHECK(fuzhu::explain_text(*copy).find("household.low_income or household.housing_hardship") != std::string::npos);
}

TEST_CASE("Kleene false and unknown is not granted") {
  auto p = compile(kleene_body);
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("household.low_income", false));
  auto ev = run(p, f, "2026-11-23");
  CHECK(ev.in_force);
  CHECK(ev.in_jurisdiction == true);
  CHECK(contains(ev.not_granted, "both"));
  CHECK(entitlement(ev, "both") == nullptr);
  CHECK(undetermined(ev, "both") == nullptr);
  // false or unknown is unknown
  auto* u = undetermined(ev, "either");
  REQUIRE(u != nullptr);
  CHECK(contains(u->needs, "household.housing_hardship"));
}

TEST_CASE("Kleene true or unknown is granted") {
  auto p = compile(kleene_body);
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("household.low_income", true));
  auto ev = run(p, f, "2026-11-23");
  auto* e = entitlement(ev, "either");
  REQUIRE(e != nullptr);
  CHECK(e->recipient == "household");
  CHECK_FALSE(e->period.has_value());
  CHECK_FALSE(contains(ev.not_granted, "either"));
  // true and unknown is unknown, needing only the unknown side
  auto* u = undetermined(ev, "both");
  REQUIRE(u != nullptr);
  CHECK(contains(u->needs, "household.housing_hardship"));
  CHECK_FALSE(contains(u->needs, "household.low_income"));
}

TEST_CASE("an unknown condition is undetermined and names the fact") {
  auto p = compile(kleene_body);
  auto f = yiyang_household(p);
  auto ev = run(p, f, "2026-11-23");
  auto* u = undetermined(ev, "alone");
  REQUIRE(u != nullptr);
  REQUIRE(u->needs.size() == 1);
  CHECK(u->needs[0] == "household.housing_hardship");
  CHECK(ev.entitlements.empty());
  CHECK(ev.not_granted.empty());
}

TEST_CASE("an unknown region leaves the jurisdiction undecided") {
  auto p = compile("benefit t \"T\" { when true to household }\n");
  auto f = p.new_facts();
  auto ev = run(p, f, "2026-11-23");
  CHECK_FALSE(ev.in_jurisdiction.has_value());
  CHECK(ev.entitlements.empty());
  auto* u = undetermined(ev, "t");
  REQUIRE(u != nullptr);
  CHECK(contains(u->needs, "household.region"));
}

TEST_CASE("a region outside the jurisdiction grants nothing") {
  auto p = compile("benefit t \"T\" { when true to household }\n");
  auto f = p.new_facts();
  CHECK_FALSE(f.set("household.region", std::string_view("湖南省长沙市岳麓区")));
  auto ev = run(p, f, "2026-11-23");
  CHECK(ev.in_jurisdiction == false);
  CHECK(ev.entitlements.empty());
  CHECK(ev.undetermined.empty());
}

TEST_CASE("tier tables pick rows on both sides of boundaries") {
  auto p = compile(
      "benefit t \"T\" {\n"
      "  to mother\n"
      "  monthly tier age(mother) { ..48 => 100 元, 49..59 => 200 元, 60.. => 300 元 }\n"
      "}\n");
  auto amount = [&](const char* birth, const char* as_of) -> std::int64_t {
    auto f = yiyang_household(p);
    CHECK_FALSE(f.set("mother.birth_date", day(birth)));
    auto ev = run(p, f, as_of);
    auto* e = entitlement(ev, "t", "mother");
    REQUIRE(e != nullptr);
    REQUIRE(e->amount.has_value());
    return e->amount->fen;
  };
  CHECK(amount("1977-11-23", "2026-11-22") == 10000);  // 48
  CHECK(amount("1977-11-23", "2026-11-23") == 20000);  // 49
  CHECK(amount("1966-11-23", "2026-11-22") == 20000);  // 59
  CHECK(amount("1966-11-23", "2026-11-23") == 30000);  // 60
}

TEST_CASE("a tier table with a gap makes the benefit undetermined") {
  fuzhu::CompileResult r =
      fuzhu::testing::compile_text(test_header() + "benefit t \"T\" { to mother monthly tier age(mother) { 49..59 => 200 元 } }\n");
  REQUIRE(r.ok());
  auto f = yiyang_household(*r.policy);
  CHECK_FALSE(f.set("mother.birth_date", day("1990-01-01")));
  auto ev = run(*r.policy, f, "2026-11-23");  // 36: no row
  CHECK(entitlement(ev, "t") == nullptr);
  auto* u = undetermined(ev, "t");
  REQUIRE(u != nullptr);
  CHECK(u->reason.find("36") != std::string::npos);
}

TEST_CASE("schedule picks the figure in force at the evaluation date") {
  auto p = compile(
      "benefit t \"T\" {\n"
      "  monthly schedule {\n"
      "    from 2017-09-29 => 490 元\n"
      "    from 2024-01-01 => 590 元\n"
      "  }\n"
      "}\n");
  auto f = yiyang_household(p);
  auto amount = [&](const char* as_of) -> std::int64_t {
    auto ev = run(p, f, as_of);
    auto* e = entitlement(ev, "t");
    REQUIRE(e != nullptr);
    REQUIRE(e->amount.has_value());
    return e->amount->fen;
  };
  CHECK(amount("2017-09-29") == 49000);
  CHECK(amount("2023-12-31") == 49000);
  CHECK(amount("2024-01-01") == 59000);
  CHECK(amount("2026-11-23") == 59000);
  // Before the first row there is no figure.
  auto ev = run(p, f, "2017-09-28");
  CHECK(entitlement(ev, "t") == nullptr);
  auto* u = undetermined(ev, "t");
  REQUIRE(u != nullptr);
  CHECK(u->reason.find("2017-09-29") != std::string::npos);
}

TEST_CASE("a match that does not cover the value is undetermined with a reason") {
  auto p = compile(
      "benefit t \"T\" {\n"
      "  to household\n"
      "  monthly match child.status { deceased => 490 元 }\n"
      "}\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("child.status", std::string_view("disabled")));
  auto ev = run(p, f, "2026-11-23");
  CHECK(entitlement(ev, "t") == nullptr);
  CHECK_FALSE(contains(ev.not_granted, "t"));
  auto* u = undetermined(ev, "t");
  REQUIRE(u != nullptr);
  CHECK_FALSE(u->reason.empty());

  auto g = yiyang_household(p);
  CHECK_FALSE(g.set("child.status", std::string_view("deceased")));
  auto ev2 = run(p, g, "2026-11-23");
  auto* e = entitlement(ev2, "t");
  REQUIRE(e != nullptr);
  CHECK(e->amount->fen == 49000);
}

TEST_CASE("money arithmetic is exact") {
  auto p = compile(
      "benefit a \"A\" { monthly 100 元 * 4 / 10 }\n"
      "benefit b \"B\" { monthly 100 元 / 3 }\n"
      "benefit c \"C\" { monthly 200 元 / 3 }\n"
      "benefit d \"D\" { yearly 0.1元 + 0.2元 }\n"
      "benefit e \"E\" { once 490 元 - 390.5 元 }\n");
  auto f = yiyang_household(p);
  auto ev = run(p, f, "2026-11-23");
  auto fen = [&](const char* id) -> std::int64_t {
    auto* e = entitlement(ev, id);
    REQUIRE(e != nullptr);
    REQUIRE(e->amount.has_value());
    return e->amount->fen;
  };
  CHECK(fen("a") == 4000);   // 40 元
  CHECK(fen("b") == 3333);   // 33.333… → 33.33
  CHECK(fen("c") == 6667);   // 66.666… → 66.67
  CHECK(fen("d") == 30);     // 0.30, not 0.30000000000000004
  CHECK(fen("e") == 9950);
  CHECK(entitlement(ev, "d")->period == fuzhu::Period::yearly);
  CHECK(entitlement(ev, "e")->period == fuzhu::Period::once);
}

TEST_CASE("arithmetic overflow is an evaluation error not a crash") {
  auto p = compile("benefit t \"T\" { monthly household.income_last_year * 1000000000 * 1000000000 }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("household.income_last_year", *Money::yuan(1000000000)));  // 1e11 fen * 1e18 overflows
  auto r = p.evaluate(f, day("2026-11-23"));
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.errors, "overflow"));

  // A small income evaluates fine: 1 fen * 1e9 * 1e9 = 1e18 fen fits in 64 bits.
  auto g = yiyang_household(p);
  CHECK_FALSE(g.set("household.income_last_year", Money{1}));
  auto ev = run(p, g, "2026-11-23");
  auto* e = entitlement(ev, "t");
  REQUIRE(e != nullptr);
  CHECK(e->amount->fen == 1000000000000000000);
}

TEST_CASE("division by zero is an evaluation error") {
  auto p = compile("benefit t \"T\" { monthly 100 元 / household.relocation_floors }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("household.relocation_floors", std::int64_t{0}));
  auto r = p.evaluate(f, day("2026-11-23"));
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.errors, "division by zero"));
}

TEST_CASE("granted() depends on another benefit") {
  auto p = compile(
      "benefit base \"Base\" { when household.low_income to household }\n"
      "benefit extra \"Extra\" { when granted(base) and household.housing_hardship to household }\n");
  {
    auto f = yiyang_household(p);
    CHECK_FALSE(f.set("household.low_income", true));
    CHECK_FALSE(f.set("household.housing_hardship", true));
    auto ev = run(p, f, "2026-11-23");
    CHECK(entitlement(ev, "base") != nullptr);
    CHECK(entitlement(ev, "extra") != nullptr);
  }
  {
    auto f = yiyang_household(p);
    CHECK_FALSE(f.set("household.low_income", false));
    CHECK_FALSE(f.set("household.housing_hardship", true));
    auto ev = run(p, f, "2026-11-23");
    CHECK(contains(ev.not_granted, "base"));
    CHECK(contains(ev.not_granted, "extra"));
  }
  {
    auto f = yiyang_household(p);
    CHECK_FALSE(f.set("household.housing_hardship", true));
    auto ev = run(p, f, "2026-11-23");
    auto* u = undetermined(ev, "extra");
    REQUIRE(u != nullptr);
    CHECK(contains(u->needs, "household.low_income"));
  }
}

TEST_CASE("in_force is false outside the window") {
  auto p = compile("benefit t \"T\" { when true to household monthly 10 元 }\n",
                   "from 2026-01-01 to 2026-12-31");
  auto f = yiyang_household(p);
  auto before = run(p, f, "2025-12-31");
  CHECK_FALSE(before.in_force);
  CHECK(before.entitlements.empty());
  auto first = run(p, f, "2026-01-01");
  CHECK(first.in_force);
  CHECK(entitlement(first, "t") != nullptr);
  auto last = run(p, f, "2026-12-31");
  CHECK(last.in_force);
  CHECK(entitlement(last, "t") != nullptr);
  auto after = run(p, f, "2027-01-01");
  CHECK_FALSE(after.in_force);
  CHECK(after.entitlements.empty());
}

TEST_CASE("Yiyang special allowance lists its payers for a city district") {
  auto r = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/yiyang.policy");
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  auto facts = r.policy->read_facts(R"({
    "household": {"region": "湖南省益阳市赫山区", "district_kind": "city_district"},
    "family": {"other_child": false},
    "child": {"status": "deceased"},
    "mother": {"birth_date": "1970-03-01"},
    "father": {"birth_date": "1968-05-01"}
  })");
  INFO(fuzhu::render_all(facts.diagnostics));
  REQUIRE(facts.ok());
  auto ev = run(*r.policy, *facts.facts, "2026-11-23");
  for (const char* parent : {"mother", "father"}) {
    auto* e = entitlement(ev, "special_allowance", parent);
    REQUIRE(e != nullptr);
    CHECK(e->period == fuzhu::Period::monthly);
    REQUIRE(e->amount.has_value());
    CHECK(e->amount->fen == 49000);
    REQUIRE(e->payers.size() == 3);
    CHECK(e->payers[0].name == "省级特别扶助资金");
    CHECK(e->payers[0].amount->fen == 39000);
    CHECK(e->payers[1].name == "市财政");
    REQUIRE(e->payers[1].amount.has_value());
    CHECK(e->payers[1].amount->fen == 4000);
    CHECK(e->payers[2].name == "区财政");
    REQUIRE(e->payers[2].amount.has_value());
    CHECK(e->payers[2].amount->fen == 6000);
  }
}

TEST_CASE("facts JSON with a wrong type is an error naming the path") {
  auto p = compile("");
  auto r = p.read_facts(R"({"mother": {"birth_date": 5}})");
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.diagnostics, "mother.birth_date"));
}

TEST_CASE("facts JSON with a bad enum value lists the allowed values") {
  auto p = compile("");
  auto r = p.read_facts(R"({"child": {"status": "lost"}})");
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.diagnostics, "child.status: \"lost\" is not one of deceased, disabled, living"));
}

TEST_CASE("facts JSON with an impossible date is an error") {
  auto p = compile("");
  auto r = p.read_facts(R"({"child": {"status": "deceased", "event_date": "2025-02-30"}})");
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.diagnostics, "child.event_date: \"2025-02-30\" is not a date"));
}

TEST_CASE("malformed facts JSON points at the line and column") {
  auto p = compile("");
  // The bare word urban starts at character 42 of line 2.
  auto r = p.read_facts("{\n  \"household\": {\"region\": \"益阳市\", \"area\": urban}\n}\n");
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() >= 1);
  const auto& d = r.diagnostics[0];
  CHECK(d.severity == fuzhu::Severity::error);
  CHECK(d.message.find("malformed JSON") != std::string::npos);
  CHECK(d.line == 2);
  CHECK(d.column == 42);
}

TEST_CASE("an unknown field in the facts is only a warning") {
  auto p = compile("benefit t \"T\" { when child.status = deceased to household }\n");
  auto r = p.read_facts(
      R"({"household": {"region": "湖南省益阳市赫山区"}, "child": {"status": "deceased", "colour": "red"}})");
  REQUIRE(r.ok());
  CHECK_FALSE(fuzhu::has_errors(r.diagnostics));
  bool warned = false;
  for (const auto& d : r.diagnostics)
    if (d.severity == fuzhu::Severity::warning && d.message.find("child.colour") != std::string::npos) warned = true;
  CHECK(warned);
  auto ev = run(p, *r.facts, "2026-11-23");
  CHECK(entitlement(ev, "t") != nullptr);
}

TEST_CASE("a birth date after the evaluation date is an error") {
  auto p = compile("benefit t \"T\" { when true to household }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("mother.birth_date", day("2030-01-01")));
  auto r = p.evaluate(f, day("2026-11-23"));
  CHECK_FALSE(r.ok());
  CHECK(error_with(r.errors, "after the evaluation date"));
  // On the birth day itself it is fine.
  auto ok = p.evaluate(f, day("2030-01-01"));
  CHECK(ok.ok());
}

TEST_CASE("Facts set rejects unknown paths and wrong types") {
  auto p = compile("");
  auto f = p.new_facts();
  CHECK(f.set("child.statu", std::string_view("deceased")).has_value());
  CHECK(f.set("child.status", std::string_view("lost")).has_value());
  CHECK(f.set("child.disability_grade", std::int64_t{7}).has_value());
  CHECK(f.set("mother.birth_date", true).has_value());
  CHECK_FALSE(f.set("child.disability_grade", std::int64_t{4}).has_value());
}

TEST_CASE("a definition that gives a reason gives it to every benefit that uses it") {
  // The figure is set for a deceased or disabled child only: for a living
  // one it is unknown, and so is every condition that compares it, with the
  // same reason each time, whether the definition was worked out for that
  // benefit or earlier for another, and whether or not it is explained.
  auto p = compile(
      "define 标准 = match child.status { deceased => 490 元, disabled => 420 元 }\n"
      "benefit first \"一\" { when 标准 > 400 元 to household }\n"
      "benefit second \"二\" { when 标准 > 400 元 to household }\n");
  auto f = yiyang_household(p);
  CHECK_FALSE(f.set("child.status", std::string_view("living")));
  for (bool explain : {false, true}) {
    fuzhu::EvalOptions options;
    options.explain = explain;
    auto r = p.evaluate(f, day("2026-11-23"), options);
    REQUIRE(r.ok());
    for (const char* id : {"first", "second"}) {
      CAPTURE(id);
      auto* u = undetermined(*r.evaluation, id);
      REQUIRE(u != nullptr);
      CHECK(u->reason == "the policy sets no figure for child.status = living");
    }
  }
}
