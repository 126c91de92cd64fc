// fuzhu diff, the library side: the canonical text of a benefit's parts, the
// line diff, the plain words of a change, and the comparison of Yiyang with
// the version changed by hand in tests/versions/yiyang_2027.policy (its
// header says what changed). The plain wordings expected are worked out from
// the change and the rendering's rules (docs/plain.md, docs/diff.md): the
// schema's labels, 每月 before each figure, 自D起 before a new row.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "compile/policy.hpp"
#include "fuzhu/fuzhu.hpp"
#include "versions/canonical.hpp"
#include "versions/family_diff.hpp"
#include "versions/policy_diff.hpp"
#include "api/internal.hpp"
#include "api/syntax_of.hpp"

namespace {

namespace fs = std::filesystem;
using namespace fuzhu::versions;

const fs::path source_dir = FUZHU_SOURCE_DIR;

fuzhu::Policy compiled(const fs::path& path) {
  // tests/versions/ uses "../../policies/facts.schema": below the policies
  // folder, which `use` may read when the host names it.
  fuzhu::CompileOptions options;
  options.policies_dir = source_dir / "policies";
  auto result = fuzhu::Policy::compile_file(path, options);
  INFO(fuzhu::render_all(result.diagnostics));
  REQUIRE(result.ok());
  return *result.policy;
}

// A policy of Yiyang's header and schema with `benefits` as its body.
fuzhu::Policy with_benefits(const std::string& benefits) {
  const std::string source =
      "use \"facts.schema\"\n"
      "policy \"测试\" { document \"测试〔2026〕1号\" in force from 2026-01-01 jurisdiction \"益阳市\" }\n" +
      benefits;
  auto result = fuzhu::Policy::compile_string(source, (source_dir / "policies" / "test.policy").string());
  INFO(fuzhu::render_all(result.diagnostics));
  REQUIRE(result.ok());
  return *result.policy;
}

// The policy's syntax tree, checked again from its kept texts (a compiled
// policy keeps no tree); the last one first_benefit asked for stays here.
std::unique_ptr<fuzhu::Program> syntax_tree;

const fuzhu::ast::Benefit& first_benefit(const fuzhu::Policy& p) {
  syntax_tree = fuzhu::detail::syntax_of(p);
  return *syntax_tree->benefits.front();
}

std::vector<std::string> part(const BenefitParts& parts, const std::string& name) {
  for (const auto& p : parts.parts)
    if (p.name == name) return p.lines;
  FAIL("no part " << name);
  return {};
}

PolicyDiff diff(const fuzhu::Policy& before, const fuzhu::Policy& after, fuzhu::Lang lang = fuzhu::Lang::zh) {
  return diff_policies(*fuzhu::detail::syntax_of(before), *fuzhu::detail::syntax_of(after), lang);
}

// The plain lines of a changed benefit as "LABEL：TEXT".
std::vector<std::string> plain_lines(const BenefitDiff& b, const char* colon = "：") {
  std::vector<std::string> out;
  for (const auto& c : b.plain) out.push_back(c.label + colon + c.text);
  return out;
}

}  // namespace

TEST_CASE("canonical text: one spelling whatever the layout, parentheses only where needed") {
  auto p = with_benefits(
      "benefit b \"测试\" {\n  cites \"一\"\n"
      "  条件 (bereaved_family 并且 年龄(mother)>=49) 或者 ((child.status = disabled))\n"
      "  to each parent where not (person.destitute or person.incapacitated)\n"
      "  monthly at least (100 元 + 20.5 元) * 2\n  in kind\n"
      "  paid by { \"市\" : 40% \"区\" : 60% }\n}\n");
  const BenefitParts parts = canonical_parts(first_benefit(p));
  CHECK(part(parts, "condition") ==
        std::vector<std::string>{"when (bereaved_family and age(mother) >= 49) or child.status = disabled"});
  CHECK(part(parts, "recipients") ==
        std::vector<std::string>{"to each parent where not (person.destitute or person.incapacitated)"});
  CHECK(part(parts, "amount") == std::vector<std::string>{"monthly at least (100 元 + 20.50 元) * 2"});
  CHECK(part(parts, "kind") == std::vector<std::string>{"in kind"});
  CHECK(part(parts, "payers") == std::vector<std::string>{"\"市\" : 40%", "\"区\" : 60%"});
  CHECK(part(parts, "cites") == std::vector<std::string>{"cites \"一\""});
}

TEST_CASE("canonical text: a table at the top of an amount gets a line an arm") {
  auto p = with_benefits(
      "benefit b \"测试\" {\n  when special_family\n  to household\n"
      "  yearly tier age(mother) { ..59 => 100 元, 60..69 => 200 元, 70.. => 300 元 }\n}\n");
  CHECK(part(canonical_parts(first_benefit(p)), "amount") ==
        std::vector<std::string>{"yearly tier age(mother) {", "  ..59 => 100 元", "  60..69 => 200 元", "  70.. => 300 元",
                                 "}"});
}

TEST_CASE("diff_lines keeps the common lines and marks the rest, removed before added") {
  auto lines = diff_lines({"a", "b", "c"}, {"a", "x", "c", "d"});
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].mark == ' ');
  CHECK((lines[1].mark == '-' && lines[1].text == "b"));
  CHECK((lines[2].mark == '+' && lines[2].text == "x"));
  CHECK((lines[3].mark == ' ' && lines[3].text == "c"));
  CHECK((lines[4].mark == '+' && lines[4].text == "d"));
}

TEST_CASE("a policy against itself, and against its English-keyword form, has no difference") {
  auto yiyang = compiled(source_dir / "policies" / "yiyang.policy");
  CHECK(diff(yiyang, yiyang).empty());
  // ankang.policy is written with the Chinese keywords; the same benefits in
  // English keywords and another layout are the same policy.
  auto ankang = compiled(source_dir / "policies" / "ankang.policy");
  auto english = with_benefits(
      "benefit x \"测试\" {\n  when special_family\n  to each parent\n  monthly 100 元\n}\n");
  auto chinese = with_benefits("待遇 x \"测试\" {\n  条件 special_family\n  发给 每位 父母\n  每月 100元\n}\n");
  CHECK(diff(english, chinese).empty());
  CHECK(diff(ankang, ankang).empty());
}

TEST_CASE("Yiyang changed by hand: the condition and the schedule row of special_allowance, nothing else") {
  auto before = compiled(source_dir / "policies" / "yiyang.policy");
  auto after = compiled(source_dir / "tests" / "versions" / "yiyang_2027.policy");
  const PolicyDiff d = diff(before, after);
  CHECK(d.header.empty());
  CHECK(d.definitions.empty());
  CHECK(d.unchanged_benefits == 23);  // Yiyang has 24 benefits
  REQUIRE(d.benefits.size() == 1);
  const BenefitDiff& b = d.benefits[0];
  CHECK(b.change == Change::changed);
  CHECK(b.id == "special_allowance");
  REQUIRE(b.parts.size() == 2);
  CHECK(b.parts[0].name == "condition");
  REQUIRE(b.parts[0].lines.size() == 2);
  CHECK((b.parts[0].lines[0].mark == '-' && b.parts[0].lines[0].text == "when 扶助对象家庭"));
  CHECK((b.parts[0].lines[1].mark == '+' && b.parts[0].lines[1].text == "when 扶助对象家庭 and family.glory_certificate"));
  CHECK(b.parts[1].name == "amount");
  REQUIRE(b.parts[1].lines.size() == 4);
  CHECK(b.parts[1].lines[0].text == "monthly schedule {");
  CHECK(b.parts[1].lines[1].mark == ' ');
  CHECK((b.parts[1].lines[2].mark == '+' &&
         b.parts[1].lines[2].text == "  from 2027-01-01 => match child.status { deceased => 520 元, disabled => 450 元 }"));
  CHECK(b.parts[1].lines[3].text == "}");
}

TEST_CASE("benefits added and removed; a changed definition marks the benefits that read it") {
  auto before = with_benefits(
      "define 对象 = special_family\n"
      "benefit a \"甲\" {\n  when 对象\n  to household\n}\n"
      "benefit b \"乙\" {\n  when special_family\n  to household\n}\n");
  auto after = with_benefits(
      "define 对象 = special_family and age(mother) >= 49\n"
      "benefit a \"甲\" {\n  when 对象\n  to household\n}\n"
      "benefit c \"丙\" {\n  when special_family\n  to household\n  once 100 元\n}\n");
  const PolicyDiff d = diff(before, after);
  REQUIRE(d.definitions.size() == 1);
  CHECK(d.definitions[0].name == "对象");
  CHECK(d.definitions[0].before == "define 对象 = special_family");
  CHECK(d.definitions[0].after == "define 对象 = special_family and age(mother) >= 49");
  REQUIRE(d.benefits.size() == 3);
  CHECK((d.benefits[0].id == "a" && d.benefits[0].change == Change::changed));
  CHECK(d.benefits[0].parts.empty());  // not a line of it changed ...
  CHECK(d.benefits[0].definitions_changed == std::vector<std::string>{"对象"});  // ... but what it reads did
  CHECK((d.benefits[1].id == "c" && d.benefits[1].change == Change::added));
  CHECK((d.benefits[2].id == "b" && d.benefits[2].change == Change::removed));
  for (const auto& p : d.benefits[1].parts)
    for (const auto& line : p.lines) CHECK(line.mark == '+');
}

TEST_CASE("a family's entitlements: granted, lost, changed and undetermined rows") {
  fuzhu::Evaluation before, after;
  fuzhu::Entitlement x;
  x.benefit = "special_allowance";
  x.recipient = "mother";
  x.period = fuzhu::Period::monthly;
  x.amount = fuzhu::Money{49000};
  before.entitlements.push_back(x);
  x.recipient = "father";
  before.entitlements.push_back(x);
  x.amount = fuzhu::Money{52000};
  after.entitlements.push_back(x);  // father: 490 → 520
  fuzhu::Undetermined u;
  u.benefit = "special_allowance";
  u.recipients = {"mother"};
  u.needs = {"family.glory_certificate"};
  after.undetermined.push_back(u);  // mother: 490 → undetermined
  auto rows = diff_family(before, after);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].recipient == "father");
  CHECK(rows[0].outcome == Outcome::changed);
  CHECK(rows[0].before == "490 元 a month");
  CHECK(rows[0].after == "520 元 a month");
  CHECK(rows[1].recipient == "mother");
  CHECK(rows[1].outcome == Outcome::undetermined);
  CHECK(rows[1].after == "undetermined (needs family.glory_certificate)");
  CHECK(rows[0].plain_before == "每月490元");
  CHECK(rows[0].plain_after == "每月520元");
  CHECK(rows[1].plain_after == "无法确定（需补充：family.glory_certificate）");
  // With the schema the fact is named by its label (facts.schema), the path after it.
  auto yiyang = compiled(source_dir / "tests" / "versions" / "yiyang_2027.policy");
  auto named = diff_family(before, after, fuzhu::Lang::zh, &yiyang.schema());
  CHECK(named[1].plain_after == "无法确定（需补充：持有《独生子女父母光荣证》（family.glory_certificate））");
  CHECK(diff_family(before, after, fuzhu::Lang::en, &yiyang.schema())[1].plain_after ==
        "undetermined (missing facts: family.glory_certificate)");
  auto back = diff_family(after, before);  // the mother first now: the old version named her first
  REQUIRE(back.size() == 2);
  CHECK((back[0].recipient == "mother" && back[0].outcome == Outcome::granted));
  CHECK((back[1].recipient == "father" && back[1].outcome == Outcome::changed));
  CHECK(diff_family(before, fuzhu::Evaluation{})[0].outcome == Outcome::lost);
}

TEST_CASE("Yiyang changed by hand, in plain words: the added condition and the new row from 2027-01-01") {
  auto before = compiled(source_dir / "policies" / "yiyang.policy");
  auto after = compiled(source_dir / "tests" / "versions" / "yiyang_2027.policy");
  // family.glory_certificate is labelled 持有《独生子女父母光荣证》 in facts.schema; a
  // family's field reads without a subject. The 2017 row gives 490 / 420 a
  // parent a month, the 2027 row 520 / 450 (the file's header).
  const PolicyDiff zh = diff(before, after);
  REQUIRE(zh.benefits.size() == 1);
  CHECK(plain_lines(zh.benefits[0]) ==
        std::vector<std::string>{"条件：新增「持有《独生子女父母光荣证》」",
                                 "金额：子女死亡每月490元，伤残每月420元 → 自2027-01-01起子女死亡每月520元，伤残每月450元"});
  CHECK(zh.benefits[0].plain[0].part == "condition");
  CHECK(zh.benefits[0].plain[1].part == "amount");
  // The payers' figures (390 / 320 and the 4:6 parts of the rest) did not change.

  const PolicyDiff en = diff(before, after, fuzhu::Lang::en);
  REQUIRE(en.benefits.size() == 1);
  CHECK(plain_lines(en.benefits[0], ": ") ==
        std::vector<std::string>{"Condition: added “the family's glory certificate: yes”",
                                 "Amount: the child is deceased: 490 yuan a month, disabled: 420 yuan a month → from 2027-01-01: "
                                 "the child is deceased: 520 yuan a month, disabled: 450 yuan a month"});

  // Back again: the condition goes, and from 2027 the 2017 figures stay in force.
  const PolicyDiff back = diff(after, before);
  REQUIRE(back.benefits.size() == 1);
  CHECK(plain_lines(back.benefits[0]) ==
        std::vector<std::string>{"条件：删去「持有《独生子女父母光荣证》」",
                                 "金额：自2027-01-01起子女死亡每月520元，伤残每月450元 → 仍为子女死亡每月490元，伤残每月420元"});
}

TEST_CASE("plain words of every kind of change: a row changed, removed and added; payers; recipients; definitions") {
  auto before = with_benefits(
      "define 对象 = special_family\n"
      "benefit a \"甲\" {\n  when 对象 and age(mother) >= 49\n  to each parent\n"
      "  monthly schedule {\n    from 2020-01-01 => 100 元\n    from 2022-01-01 => 150 元\n  }\n"
      "  paid by { \"市\" : 40% \"区\" : 60% }\n}\n"
      "benefit b \"乙\" {\n  when special_family\n  to household\n  once 3000 元\n}\n");
  auto after = with_benefits(
      "define 对象 = special_family and age(mother) >= 49\n"
      "benefit a \"甲\" {\n  when 对象 and age(mother) >= 50\n  to household\n"
      "  monthly schedule {\n    from 2020-01-01 => 120 元\n    from 2024-01-01 => 200 元\n  }\n"
      "  paid by { \"市\" : 50% \"区\" : 50% }\n}\n"
      "benefit c \"丙\" {\n  when special_family\n  to household\n  once 100 元\n}\n");
  const PolicyDiff d = diff(before, after);
  // 对象 gains a condition: special_family (计生特殊家庭) stays.
  REQUIRE(d.definitions.size() == 1);
  CHECK(d.definitions[0].plain == std::vector<std::string>{"新增「女方年满49周岁」"});
  REQUIRE(d.benefits.size() == 3);
  // a: 49 → 50 replaces one condition; the 2020 row changes (100 → 120); the
  // 2022 row goes (120 stays in force); a 2024 row comes (replacing the 150
  // that was in force then); each payer's share changes.
  CHECK(plain_lines(d.benefits[0]) == std::vector<std::string>{
                                          "条件：「女方年满49周岁」 → 「女方年满50周岁」",
                                          "对象：夫妻每人 → 本户",
                                          "金额：自2020-01-01起每月100元 → 每月120元",
                                          "金额：自2022-01-01起每月150元 → 仍为每月120元",
                                          "金额：每月150元 → 自2024-01-01起每月200元",
                                          "出资：「市40%」 → 「市50%」",
                                          "出资：「区60%」 → 「区50%」",
                                      });
  CHECK(d.benefits[0].definitions_changed == std::vector<std::string>{"对象"});
  // Added and removed: the whole sentence, as fuzhu plain says it.
  CHECK(d.benefits[1].id == "c");
  CHECK(d.benefits[1].plain_text == "条件：计生特殊家庭；对象：本户；金额：一次性100元；形式：现金");
  CHECK(d.benefits[1].plain.empty());
  CHECK(d.benefits[2].id == "b");
  CHECK(d.benefits[2].plain_text == "条件：计生特殊家庭；对象：本户；金额：一次性3000元；形式：现金");
}

TEST_CASE("a family's entitlement in plain words") {
  fuzhu::Entitlement x;
  x.period = fuzhu::Period::monthly;
  x.amount = fuzhu::Money{49000};
  x.payers = {{"省级特别扶助资金", fuzhu::Money{39000}}, {"市财政", fuzhu::Money{4000}}, {"区财政", fuzhu::Money{6000}}};
  CHECK(describe_plain(x, fuzhu::Lang::zh) == "每月490元；出资：省级特别扶助资金390元、市财政40元、区财政60元");
  CHECK(describe_plain(x, fuzhu::Lang::en) ==
        "490 yuan a month; paid by: 省级特别扶助资金 390 yuan, 市财政 40 yuan, 区财政 60 yuan");
  x.period = fuzhu::Period::once;
  x.minimum = true;
  x.amount = fuzhu::Money{500000};
  x.payers.clear();
  CHECK(describe_plain(x, fuzhu::Lang::zh) == "一次性不低于5000元");
  CHECK(describe_plain(x, fuzhu::Lang::en) == "at least 5000 yuan once");
}
