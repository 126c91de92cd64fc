// The plain rendering (src/plain/): small policies, each sentence worked out
// by hand from the rules of docs/plain.md — negations in the label's own
// words, bands by age and by enum, schedules by date, payers' shares, cash
// or in kind.
#include <doctest/doctest.h>

#include <string>

#include "fuzhu/fuzhu.hpp"

namespace {

fuzhu::CompileOptions options() {
  fuzhu::CompileOptions o;
  o.include_dirs = {FUZHU_SOURCE_DIR "/policies"};
  return o;
}

const std::string header =
    "use \"facts.schema\"\n"
    "policy \"测试\" { document \"测试〔2026〕1号\" in force from 2010-01-01 jurisdiction \"益阳市\" }\n";

fuzhu::Policy policy(const std::string& body) {
  auto r = fuzhu::Policy::compile_string(header + body, "plain.policy", options());
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  return *r.policy;
}

const fuzhu::PlainRule& benefit(const fuzhu::Policy& p, const std::string& id, fuzhu::Lang lang = fuzhu::Lang::zh) {
  for (const auto& rule : fuzhu::plain_text(p, lang).benefits)
    if (rule.id == id) return rule;
  FAIL("no benefit " << id);
  throw;
}

const fuzhu::PlainRule& definition(const fuzhu::Policy& p, const std::string& name, fuzhu::Lang lang = fuzhu::Lang::zh) {
  for (const auto& rule : fuzhu::plain_text(p, lang).definitions)
    if (rule.id == name) return rule;
  FAIL("no definition " << name);
  throw;
}

}  // namespace

TEST_CASE("plain: negations read in the label's own words") {
  auto p = policy(
      "define 女方有工作单位 = living(mother) and mother.employer = public\n"
      "benefit a \"甲\" { cites \"一\" when not family.wants_another_child and not child.married and not living(father) }\n"
      "benefit b \"乙\" { cites \"一\" when not 女方有工作单位 and not special_family }\n"
      "benefit c \"丙\" { cites \"一\" when not (age(mother) >= 49) and not household.low_income }\n"
      "benefit d \"丁\" { cites \"一\" when child.status != deceased and not (child.status in { disabled, living }) }\n");
  // 有再生育意愿 → 无再生育意愿; 已婚 → 未婚; 健在 → 已故.
  CHECK(benefit(p, "a").condition == "无再生育意愿，且子女未婚，且男方已故");
  // A definition named by its own words (有 → 无); one without them: 不属于.
  CHECK(benefit(p, "b").condition == "女方无工作单位，且不属于计生特殊家庭");
  // not (≥ 49) is < 49: 未满; a label with no negating word takes 非.
  CHECK(benefit(p, "c").condition == "女方未满49周岁，且非生活困难（低收入、低保）家庭");
  // 子女状况 already names the child.
  CHECK(benefit(p, "d").condition == "子女状况不为死亡，且子女状况不为伤残或健在");
  // English has no negating words in the field names: a yes-or-no fact reads as a form's box.
  CHECK(benefit(p, "a", fuzhu::Lang::en).condition ==
        "the family's wants another child: no, and the child's married: no, and not (the father is living)");
}

TEST_CASE("plain: the issue's example, amounts by band and from a date, payers' shares") {
  auto p = policy(
      "define 扶助对象家庭 = special_family and age(mother) >= 49\n"
      "benefit special_allowance \"特别扶助金\" {\n"
      "  cites \"一（一）\" \"每人每月分别提高到490元、420元\"\n"
      "  when 扶助对象家庭\n  to each parent\n"
      "  monthly schedule { from 2017-09-29 => match child.status { deceased => 490 元, disabled => 420 元 } }\n"
      "  paid by {\n"
      "    \"省级\" : match child.status { deceased => 390 元, disabled => 320 元 }\n"
      "    \"市\" : 4 份 when household.district_kind = city_district\n"
      "    \"区\" : 6 份 when household.district_kind = city_district\n"
      "    \"县\" : 1 份 when household.district_kind = county\n"
      "  }\n}\n");
  const auto& rule = benefit(p, "special_allowance");
  CHECK(rule.condition == "扶助对象家庭");
  CHECK(rule.recipient == "夫妻每人");
  CHECK(rule.amount == "子女死亡每月490元，伤残每月420元（2017-09-29起）");
  // 4 and 6 parts of what the province leaves: 40% and 60%.
  CHECK(rule.payers ==
        "省级：子女死亡每月390元，伤残每月320元；其余部分：市40%、区60%（区县类型为市辖区）；其余部分：县100%（区县类型为县）");
  CHECK(rule.form == "现金");
  CHECK(rule.text == "条件：扶助对象家庭；对象：夫妻每人；金额：子女死亡每月490元，伤残每月420元（2017-09-29起）；出资：" +
                         rule.payers + "；形式：现金");
  CHECK(definition(p, "扶助对象家庭").text == "计生特殊家庭，且女方年满49周岁");
  const auto& en = benefit(p, "special_allowance", fuzhu::Lang::en);
  CHECK(en.amount == "the child is deceased: 490 yuan a month, disabled: 420 yuan a month (from 2017-09-29)");
  CHECK(benefit(p, "special_allowance", fuzhu::Lang::en).payers.find("district kind is city district") != std::string::npos);
  CHECK(en.recipient == "each parent");
}

TEST_CASE("plain: tiers by age, schedules by date, a minimum, in kind") {
  auto p = policy(
      "benefit tiers \"甲\" { cites \"一\" when special_family to each parent where age(person) >= 49\n"
      "  monthly tier age(person) { ..59 => 660 元  60..69 => 710 元  70.. => 760 元 } }\n"
      "benefit dated \"乙\" { cites \"一\" when special_family to household\n"
      "  yearly schedule { from 2017-09-29 => 490 元  from 2020-01-01 => 520.5 元 } }\n"
      "benefit floor \"丙\" { cites \"一\" when bereaved_family to household once at least 5000 元 discretionary }\n"
      "benefit goods \"丁\" { cites \"一\" when special_family to each parent yearly 300 元 in kind }\n"
      "benefit service \"戊\" { cites \"一\" when special_family to household grants \"上门服务\" }\n");
  CHECK(benefit(p, "tiers").recipient == "夫妻每人，须本人年满49周岁");
  CHECK(benefit(p, "tiers").amount == "本人59周岁及以下每月660元，60至69周岁每月710元，70周岁及以上每月760元");
  CHECK(benefit(p, "tiers", fuzhu::Lang::en).amount ==
        "the person aged 59 or under: 660 yuan a month, aged 60 to 69: 710 yuan a month, aged 70 or over: 760 yuan a month");
  CHECK(benefit(p, "dated").amount == "2017-09-29起：每年490元；2020-01-01起：每年520.5元");
  CHECK(benefit(p, "floor").amount == "一次性不低于5000元");
  CHECK(benefit(p, "floor").form == "现金，有条件的地方可发放，不一定发放");
  CHECK(benefit(p, "goods").form == "实物（金额为所给物品或服务的价值）");
  CHECK(benefit(p, "goods", fuzhu::Lang::en).text ==
        "Condition: special family; Recipient: each parent; Amount: 300 yuan a year; "
        "Form: in kind (the amount is the value of what is given)");
  // A service: what is given, and no amount nor form.
  CHECK(benefit(p, "service").text == "条件：计生特殊家庭；对象：本户；内容：上门服务");
}

TEST_CASE("plain: quantifiers, percentages, parts that are not whole percentages, joint payers") {
  auto p = policy(
      "benefit a \"甲\" { cites \"一\" when any parent(age(person) >= 60 and person.self_care = none) to household\n"
      "  once 300 元 paid by { \"甲方\" : 1 份  \"乙方\" : 2 份 } }\n"
      "benefit b \"乙\" { cites \"一\" when all member(has(person.birth_date)) to household\n"
      "  once 300 元 paid by { \"甲方\" : 50%  \"乙方\" : 12.5% \"丙方\" : 37.5% } }\n"
      "benefit c \"丙\" { cites \"一\" when special_family to household paid by { \"区卫生健康局\", \"区计生协会\" } }\n");
  CHECK(benefit(p, "a").condition == "夫妻任一方（年满60周岁且生活自理能力为不能自理）");
  CHECK(benefit(p, "a").payers == "甲方1/3、乙方2/3");
  CHECK(benefit(p, "b").condition == "家庭成员均出生日期已知");
  CHECK(benefit(p, "b").payers == "甲方50%、乙方12.5%、丙方37.5%");
  CHECK(benefit(p, "c").payers == "区卫生健康局、区计生协会");
  // English names the parent: one fact with the quantifier as its subject, several with "that parent".
  CHECK(benefit(p, "a", fuzhu::Lang::en).condition ==
        "either parent: (that parent is aged 60 or over and that parent's self care is none)");
  CHECK(benefit(p, "b", fuzhu::Lang::en).condition == "every member's birth date is known");
}

TEST_CASE("plain: a definition's value, an if without an else, and an amount added to bands") {
  auto p = policy(
      "define accident_date \"子女发生意外日期\" = if child.status = disabled and has(child.injury_date)\n"
      "  then child.injury_date else child.event_date\n"
      "benefit a \"甲\" { cites \"一\" when bereaved_family to household\n"
      "  once at least match household.relocation { dispersed => 30000 元, concentrated => 40000 元, apartment => 50000 元 }\n"
      "    + (if household.relocation = apartment and household.relocation_floors >= 4 then 5000 元 else 0 元) }\n");
  CHECK(definition(p, "accident_date").title == "子女发生意外日期");
  CHECK(definition(p, "accident_date").text == "子女伤残且子女发生伤残日期已知的，子女发生伤残日期；否则子女死亡日期或伤残鉴定日期");
  CHECK(benefit(p, "a").amount ==
        "不低于：分散安置一次性30000元，集中安置一次性40000元，楼房化安置一次性50000元；"
        "另加：避灾扶贫搬迁安置方式为楼房化安置且安置楼房层数不低于4的，一次性5000元");
  // English: a match's first band says "is"; value names read as words; "at least" before a colon has no space.
  CHECK(benefit(p, "a", fuzhu::Lang::en).amount.starts_with(
      "at least: the household's relocation is dispersed: 30000 yuan once, concentrated: 40000 yuan once"));
}

TEST_CASE("plain: explanations carry their benefit's rule, in the language asked for") {
  auto p = policy("benefit a \"甲\" { cites \"一\" when special_family to household once 300 元 }\n");
  auto facts = p.read_facts(R"({"household": {"region": "湖南省益阳市"}, "child": {"status": "deceased"}, "family": {"other_child": false}})");
  REQUIRE(facts.ok());
  fuzhu::EvalOptions options;
  options.explain = true;
  auto zh = p.evaluate(*facts.facts, fuzhu::Date{2026, 6, 1}, options);
  REQUIRE(zh.ok());
  REQUIRE(zh.evaluation->explanations->size() == 1);
  CHECK(zh.evaluation->explanations->front().plain == "条件：计生特殊家庭；对象：本户；金额：一次性300元；形式：现金");
  std::string text = fuzhu::explain_text(*zh.evaluation);
  CHECK(text.find("  规则：条件：计生特殊家庭；对象：本户；金额：一次性300元；形式：现金\n") != std::string::npos);
  CHECK(text.find("全户 household：享有") != std::string::npos);
  CHECK(fuzhu::to_json(*zh.evaluation).find("\"plain\": \"条件：计生特殊家庭") != std::string::npos);
  options.lang = fuzhu::Lang::en;
  auto en = p.evaluate(*facts.facts, fuzhu::Date{2026, 6, 1}, options);
  REQUIRE(en.ok());
  CHECK(en.evaluation->explanations->front().plain ==
        "Condition: special family; Recipient: the household; Amount: 300 yuan once; Form: cash");
  CHECK(fuzhu::explain_text(*en.evaluation).find("  Rule: Condition: special family;") != std::string::npos);
}

TEST_CASE("plain: languages are parsed by name") {
  CHECK(fuzhu::parse_lang("zh") == fuzhu::Lang::zh);
  CHECK(fuzhu::parse_lang("en") == fuzhu::Lang::en);
  CHECK_FALSE(fuzhu::parse_lang("fr").has_value());
}

TEST_CASE("plain: durations, periods since a date, and rates") {
  auto p = policy(
      "benefit a \"甲\" { cites \"一\" when within(child.event_date, 1 年) and elapsed(family.art_rebirth_date, 6 个月)\n"
      "  to household once 120 元 * 1.5 }\n"
      "benefit b \"乙\" { cites \"一\" when child.event_date + 30 日 <= today\n"
      "  and years_between(child.birth_date, child.event_date) >= 18 to household }\n");
  CHECK(benefit(p, "a").condition ==
        "评估当日在子女死亡日期或伤残鉴定日期起1年内，且自辅助生殖再生育子女出生日期起已满6个月");
  CHECK(benefit(p, "a").amount == "一次性120元×1.5");
  CHECK(benefit(p, "b").condition ==
        "子女死亡日期或伤残鉴定日期加30日不晚于评估当日，且子女出生日期至子女死亡日期或伤残鉴定日期的满年数不低于18");
  CHECK(benefit(p, "a", fuzhu::Lang::en).condition ==
        "the evaluation date is within 1 year of the child's event date, and 6 months have passed since the family's art rebirth date");
}

TEST_CASE("plain: payers who always pay read as one list; min and max are bracketed in arithmetic") {
  auto p = policy(
      "benefit a \"甲\" { cites \"一\" when special_family to household\n"
      "  yearly 100 元 * min(family.rebirth_treatment_months, 60) paid by { \"省级\" : 30%  \"市级\" : 30%  \"县级\" : 40% } }\n");
  CHECK(benefit(p, "a").payers == "省级30%、市级30%、县级40%");
  CHECK(benefit(p, "a").amount == "每年100元×（再生育治疗未孕月数与60中较小者）");
}
