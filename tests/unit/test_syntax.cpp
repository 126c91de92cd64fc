// Keyword spellings, caret rendering and grammar health. The errors
// themselves (positions, codes, suggestions) are tested as files:
// tests/check/syntax.policy, names.policy, types.policy.
#include <doctest/doctest.h>

#include <string>
#include <tao/pegtl/contrib/analyze.hpp>

#include "fuzhu/fuzhu.hpp"
#include "grammar/grammar.hpp"
#include "tests/support/compile.hpp"

namespace {

fuzhu::CompileResult compile(const std::string& source) { return fuzhu::testing::compile_text(source); }

// Lines 1-7.
const std::string header =
    "use \"facts.schema\"\n"                 // 1
    "\n"                                      // 2
    "policy \"测试\" {\n"                     // 3
    "  document \"测试〔2026〕1号\"\n"        // 4
    "  in force from 2026-01-01\n"            // 5
    "  jurisdiction \"益阳市\"\n"             // 6
    "}\n";                                    // 7

std::vector<fuzhu::Diagnostic> errors_of(const fuzhu::CompileResult& r) {
  std::vector<fuzhu::Diagnostic> out;
  for (const auto& d : r.diagnostics)
    if (d.severity == fuzhu::Severity::error) out.push_back(d);
  return out;
}

}  // namespace

TEST_CASE("the header alone compiles") {
  auto r = compile(header);
  CHECK(r.ok());
  CHECK_FALSE(fuzhu::has_errors(r.diagnostics));
  REQUIRE(r.ok());
  CHECK(r.policy->info().jurisdiction == "益阳市");
  CHECK(r.policy->info().document == "测试〔2026〕1号");
}

TEST_CASE("render puts the caret under the right character of a CJK line") {
  auto r = compile(header + "benefit 甲 \"甲乙丙\" { when true to household )\n");
  auto errors = errors_of(r);
  REQUIRE(errors.size() >= 1);
  std::string text = errors[0].render();
  CHECK(text.rfind("test.policy:8:42: error: ", 0) == 0);
  // 41 characters precede ')': 37 narrow ones and 4 CJK ones, 2 cells each.
  std::string caret_line = "  " + std::string(37 + 4 * 2, ' ') + "^\n";
  CHECK(text.find("\n  benefit 甲 \"甲乙丙\" { when true to household )\n" + caret_line) != std::string::npos);
  CHECK(text.size() >= caret_line.size());
  CHECK(text.substr(text.size() - caret_line.size()) == caret_line);
}

TEST_CASE("render of a hand-made diagnostic pads CJK by two cells") {
  fuzhu::Diagnostic d;
  d.file = "x.policy";
  d.line = 3;
  d.column = 4;  // under 'b'
  d.message = "boom";
  d.source_line = "甲乙ab";
  CHECK(d.render() == "x.policy:3:4: error: boom\n  甲乙ab\n       ^\n");
}

namespace {

// One policy, three spellings; evaluated against a bereaved family.
std::string body_en =
    "benefit allowance \"扶助金\" {\n"
    "  when child.status = deceased and not family.other_child\n"
    "  to each parent\n"
    "  monthly 490 元\n"
    "  paid by \"市财政\"\n"
    "}\n";
std::string body_upper =
    "BENEFIT allowance \"扶助金\" {\n"
    "  When child.status = deceased AND NOT family.other_child\n"
    "  TO EACH PARENT\n"
    "  Monthly 490 元\n"
    "  PAID   BY \"市财政\"\n"
    "}\n";
std::string body_zh =
    "待遇 allowance \"扶助金\" {\n"
    "  条件 child.status = deceased 并且 非 family.other_child\n"
    "  发给 每位 父母\n"
    "  每月 490 元\n"
    "  出资 \"市财政\"\n"
    "}\n";

void check_grants_two_parents(const std::string& body) {
  auto r = compile(header + body);
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  auto facts = r.policy->new_facts();
  CHECK_FALSE(facts.set("household.region", std::string_view("湖南省益阳市赫山区")));
  CHECK_FALSE(facts.set("child.status", std::string_view("deceased")));
  CHECK_FALSE(facts.set("family.other_child", false));
  CHECK_FALSE(facts.set("mother.birth_date", *fuzhu::Date::parse("1970-01-01")));
  CHECK_FALSE(facts.set("father.birth_date", *fuzhu::Date::parse("1968-01-01")));
  auto result = r.policy->evaluate(facts, *fuzhu::Date::parse("2026-06-01"));
  REQUIRE(result.ok());
  const auto& ev = *result.evaluation;
  REQUIRE(ev.entitlements.size() == 2);
  for (const auto& e : ev.entitlements) {
    CHECK(e.benefit == "allowance");
    CHECK(e.period == fuzhu::Period::monthly);
    REQUIRE(e.amount.has_value());
    CHECK(e.amount->fen == 49000);
    REQUIRE(e.payers.size() == 1);
    CHECK(e.payers[0].name == "市财政");
  }
  CHECK(ev.undetermined.empty());
}

}  // namespace

TEST_CASE("English keywords work in lower case") { check_grants_two_parents(body_en); }

TEST_CASE("English keywords are case-insensitive") { check_grants_two_parents(body_upper); }

TEST_CASE("Chinese keywords parse the same") { check_grants_two_parents(body_zh); }

TEST_CASE("a Chinese header parses the same") {
  auto r = compile(
      "引用 \"facts.schema\"\n"
      "政策 \"测试\" {\n"
      "  文号 \"测试〔2026〕1号\"\n"
      "  施行 自 2026-01-01 至 2026-12-31\n"
      "  适用地区 \"益阳市\"\n"
      "  状态 征求意见稿\n"
      "}\n");
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  const auto& info = r.policy->info();
  CHECK(info.document == "测试〔2026〕1号");
  CHECK(info.status == "draft");
  REQUIRE(info.in_force_from.has_value());
  REQUIRE(info.in_force_to.has_value());
  CHECK(info.in_force_from->to_string() == "2026-01-01");
  CHECK(info.in_force_to->to_string() == "2026-12-31");
}

TEST_CASE("the grammar has no left recursion or empty loops") {
  CHECK(tao::pegtl::analyze<fuzhu::grammar::file>(-1) == 0);
}

TEST_CASE("a name is any identifier but a reserved word, and may begin a reserved phrase") {
  // `paid` and `at` begin `paid to` and `at least` but are not reserved
  // alone; `引用规则` only starts with the keyword 引用; USE_x with `use`.
  auto ok = compile(header + "define paid = true\ndefine at = paid\ndefine 引用规则 = at\ndefine USE_x = 引用规则\n");
  INFO(fuzhu::render_all(ok.diagnostics));
  CHECK(errors_of(ok).empty());
  for (const char* reserved : {"define Use = true\n", "define 引用 = true\n", "define AT  least = true\n",
                               "define paid\tTo = true\n", "define parent = true\n"}) {
    CAPTURE(reserved);
    CHECK_FALSE(errors_of(compile(header + reserved)).empty());
  }
}
