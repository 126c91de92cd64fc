// The facts schema as data: roles instead of names, the stand-in age of an
// absent mother, dated events, facts a policy declares for itself, labels.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "compile/policy.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/facts.hpp"
#include "api/internal.hpp"
#include "api/syntax_of.hpp"

using fuzhu::Date;

namespace {

using fuzhu::testing::day;

fuzhu::Policy compile(const std::string& text) { return fuzhu::testing::compiled(text); }

const std::string yiyang_header = fuzhu::testing::test_header();

fuzhu::Evaluation run(const fuzhu::Policy& p, const std::string& json, const char* as_of) {
  return fuzhu::testing::evaluated(p, json, day(as_of));
}

// The errors of evaluating `json` on `as_of` (empty when it evaluates).
std::vector<fuzhu::Diagnostic> errors(const fuzhu::Policy& p, const std::string& json, const char* as_of) {
  return p.evaluate(fuzhu::testing::facts_of(p, json), day(as_of)).errors;
}

std::vector<std::string> rows(const fuzhu::Evaluation& e) {
  std::vector<std::string> out;
  for (const auto& x : e.entitlements) out.push_back(std::string(x.benefit) + " " + std::string(x.recipient));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

// ------------------------------------------------------------------ roles

// A schema whose every name differs from facts.schema's: the engine finds the
// birth date, alive, deceased, region, parents and members by their roles.
const std::string renamed_schema = R"(
enum 状况 { 死亡, 健在 }
record 户 { 户籍: string role region }
record 人 {
  生日: date role birth
  在: bool = true role alive
}
record 孩子 : 人 {
  状态: 状况 role deceased_when 死亡
  死亡日: date role event
}
facts {
  家: 户
  孩: 孩子 role member
  妈: optional 人 role parent, age_else 爸
  爸: optional 人 role parent
}
policy "改名" { document "测试〔2026〕7号" in force from 2010-01-01 jurisdiction "益阳市" }
benefit 每人 "每人" { cites "一" to each member yearly 10 元 }
benefit 双亲 "双亲" { cites "二" when any parent(age(person) >= 60) to each parent yearly 20 元 }
benefit 孩子补助 "孩子" { cites "三" to 孩 yearly 30 元 }
benefit 妈妈年龄 "妈妈年龄" { cites "四" when age(妈) >= 49 }
)";

TEST_CASE("roles, not names: a schema named otherwise finds its persons, living and region") {
  auto p = compile(renamed_schema);
  const std::string family = R"({"家": {"户籍": "湖南省益阳市赫山区"},
      "孩": {"生日": "2000-01-01", "状态": "健在"},
      "妈": {"生日": "1960-06-01"}, "爸": {"生日": "1958-06-01", "在": false}})";
  auto e = run(p, family, "2026-01-01");
  const auto r = rows(e);
  // Members: the parents first (the father died: 在 = false), then the child.
  CHECK(r == std::vector<std::string>{"每人 妈", "每人 孩", "双亲 妈", "孩子补助 孩", "妈妈年龄 household"});
  // The region is the role's field: outside the jurisdiction, nothing.
  auto outside = run(p, R"({"家": {"户籍": "上海市松江区"}})", "2026-01-01");
  CHECK(outside.entitlements.empty());
  CHECK(outside.in_jurisdiction == false);
}

TEST_CASE("roles: the deceased_when value ends a member's benefits, and its event date is checked") {
  auto p = compile(renamed_schema);
  auto e = run(p, R"({"家": {"户籍": "益阳市"}, "孩": {"生日": "2000-01-01", "状态": "死亡", "死亡日": "2020-01-01"}})",
               "2026-01-01");
  CHECK_FALSE(has(rows(e), "孩子补助 孩"));
  auto bad = errors(p, R"({"家": {"户籍": "益阳市"}, "孩": {"生日": "2000-01-01", "死亡日": "2027-01-01"}})", "2026-01-01");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].code == "X008");
  CHECK(bad[0].path == "孩.死亡日");
}

TEST_CASE("roles are carried into the compiled schema") {
  auto p = compile(renamed_schema);
  const auto& s = *fuzhu::detail::compiled_of(p).schema;
  const auto& mother = s.roots[static_cast<std::size_t>(s.root_index("妈"))];
  CHECK(mother.parent);
  CHECK(mother.member);
  CHECK(mother.person);
  CHECK(mother.age_else == s.root_index("爸"));
  CHECK(s.path_of(s.region_slot) == "家.户籍");
  CHECK(s.parents == std::vector<int>{s.root_index("妈"), s.root_index("爸")});
  CHECK(s.members == std::vector<int>{s.root_index("妈"), s.root_index("爸"), s.root_index("孩")});
  const auto& child = s.roots[static_cast<std::size_t>(s.root_index("孩"))];
  CHECK(s.path_of(child.status_slot) == "孩.状态");
  CHECK(child.deceased == 0);
  CHECK(child.event_slots == std::vector<int>{s.slot_of("孩.死亡日")});
}

// ------------------------------------------------- a family with no mother

// facts.md, "past childbearing age": with no mother object, the father's own
// age stands in for hers; a mother who died keeps her age.
TEST_CASE("no mother: the father's age stands in for age(mother) and age_on(mother, d)") {
  auto p = compile(yiyang_header +
                   "benefit a \"甲\" { cites \"一\" when age(mother) >= 49 }\n"
                   "benefit b \"乙\" { cites \"二\" when age_on(mother, 2020-01-01) >= 49 }\n");
  // The father is born 1970-06-15: 49 on 2019-06-15, 48 the day before.
  const std::string single_father =
      R"({"household": {"region": "益阳市"}, "father": {"birth_date": "1970-06-15"}})";
  auto on_birthday = run(p, single_father, "2019-06-15");
  CHECK(has(rows(on_birthday), "a household"));
  CHECK(has(rows(on_birthday), "b household"));  // 2020-01-01: 49
  auto day_before = run(p, single_father, "2019-06-14");
  CHECK_FALSE(has(rows(day_before), "a household"));
  CHECK(day_before.undetermined.empty());  // decided: never "needs mother.birth_date"
  CHECK(std::find(day_before.not_granted.begin(), day_before.not_granted.end(), "a") != day_before.not_granted.end());
}

TEST_CASE("no mother: an unknown father's birth date is asked for, never the mother's") {
  auto p = compile(yiyang_header + "benefit a \"甲\" { cites \"一\" when age(mother) >= 49 }\n");
  auto e = run(p, R"({"household": {"region": "益阳市"}, "father": {"employer": "none"}})", "2026-01-01");
  REQUIRE(e.undetermined.size() == 1);
  CHECK(e.undetermined[0].needs == std::vector<std::string_view>{"father.birth_date"});
}

TEST_CASE("a mother who died keeps her own age; the father's does not stand in") {
  auto p = compile(yiyang_header + "benefit a \"甲\" { cites \"一\" when age(mother) >= 49 }\n");
  // Mother born 1980 (46 on 2026-01-01), father born 1950 (76).
  auto e = run(p, R"({"household": {"region": "益阳市"}, "mother": {"birth_date": "1980-01-01", "alive": false},
                     "father": {"birth_date": "1950-01-01"}})", "2026-01-01");
  CHECK_FALSE(has(rows(e), "a household"));
  auto unknown = run(p, R"({"household": {"region": "益阳市"}, "mother": {"alive": false},
                           "father": {"birth_date": "1950-01-01"}})", "2026-01-01");
  REQUIRE(unknown.undetermined.size() == 1);
  CHECK(unknown.undetermined[0].needs == std::vector<std::string_view>{"mother.birth_date"});
}

TEST_CASE("neither mother nor father: age(mother) is undetermined with a reason, needing nothing") {
  auto p = compile(yiyang_header + "benefit a \"甲\" { cites \"一\" when age(mother) >= 49 }\n");
  auto e = run(p, R"({"household": {"region": "益阳市"}})", "2026-01-01");
  REQUIRE(e.undetermined.size() == 1);
  CHECK(e.undetermined[0].needs.empty());
  CHECK(e.undetermined[0].reason == "there is no mother in the facts, nor a father whose age stands in");
}

// ------------------------------------------------------------------ events

TEST_CASE("every dated event after the evaluation date is an error naming the fact and both dates") {
  auto p = compile(yiyang_header + "benefit a \"甲\" { cites \"一\" when special_family }\n");
  struct Case {
    const char* facts;
    const char* path;
    const char* message;
  };
  const Case cases[] = {
      {R"("child": {"birth_date": "2000-01-01", "event_date": "2026-07-16"})", "child.event_date",
       "child.event_date: 2026-07-16 is after the evaluation date 2026-07-15"},
      {R"("child": {"birth_date": "2000-01-01", "injury_date": "2030-01-01"})", "child.injury_date",
       "child.injury_date: 2030-01-01 is after the evaluation date 2026-07-15"},
      {R"("family": {"art_rebirth_date": "2026-08-01"})", "family.art_rebirth_date",
       "family.art_rebirth_date: 2026-08-01 is after the evaluation date 2026-07-15"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.path);
    auto bad = errors(p, std::string(R"({"household": {"region": "益阳市"}, )") + c.facts + "}", "2026-07-15");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].code == "X008");
    CHECK(bad[0].path == c.path);
    CHECK(bad[0].message == c.message);
  }
  // On the evaluation date itself the event has happened: no error.
  CHECK(errors(p, R"({"household": {"region": "益阳市"}, "child": {"birth_date": "2000-01-01", "event_date": "2026-07-15"}})",
               "2026-07-15")
            .empty());
}

TEST_CASE("an event before the person's own birth stays an error") {
  auto p = compile(yiyang_header + "benefit a \"甲\" { cites \"一\" when special_family }\n");
  auto bad = errors(p, R"({"child": {"birth_date": "2002-01-11", "injury_date": "2001-05-12"}})", "2026-07-15");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].code == "X007");
  CHECK(bad[0].message == "child.injury_date: 2001-05-12 is before the birth date 2002-01-11 (child.birth_date)");
}

TEST_CASE("a date without role event may lie in the future") {
  auto p = compile(yiyang_header +
                   "extend record Family { appointment: date \"预约日期\" }\n"
                   "extend record Household { registered_since: date \"户籍登记日期\" role event }\n"
                   "benefit a \"甲\" { cites \"一\" when has(family.appointment) }\n");
  CHECK(errors(p, R"({"family": {"appointment": "2030-01-01"}})", "2026-07-15").empty());
  auto bad = errors(p, R"({"household": {"registered_since": "2026-07-16"}})", "2026-07-15");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].code == "X008");
  CHECK(bad[0].message == "household.registered_since: 2026-07-16 is after the evaluation date 2026-07-15");
}

// ---------------------------------------------------- a policy's own facts

TEST_CASE("a policy adds fields, enums, records and roots, and reads them") {
  auto p = compile(yiyang_header + R"(
enum CareLevel "失能等级" { mild "轻度", severe "重度" }
record CareHome "养老机构" { name: string "机构名称", beds: int 0..10000 "床位" }
extend record Individual { care_level: CareLevel "失能等级", hospital_days: int 0..366 }
extend record Household { registered_since: date "户籍登记日期" role event }
extend facts { care_home: optional CareHome "养老机构" }
benefit nursing "护理补贴" {
  cites "一"
  when exists(care_home) and care_home.beds >= 50
  to each member where person.care_level = severe
  monthly 100 元
}
)");
  // Individual's added fields reach the child too (Child includes Individual).
  auto e = run(p, R"({"household": {"region": "益阳市"}, "care_home": {"beds": 120},
                     "mother": {"birth_date": "1960-01-01", "care_level": "severe"},
                     "father": {"birth_date": "1960-01-01", "care_level": "mild"},
                     "child": {"birth_date": "1990-01-01", "status": "disabled", "care_level": "severe"}})",
               "2026-01-01");
  CHECK(rows(e) == std::vector<std::string>{"nursing mother", "nursing child"});
  const auto& s = *fuzhu::detail::compiled_of(p).schema;
  CHECK(s.slot_of("child.care_level") >= 0);
  CHECK(s.slot_of("care_home.beds") >= 0);
  const auto& field = s.field_of(s.slot_of("household.registered_since"));
  CHECK(field.added);
  CHECK(field.label == "户籍登记日期");
  CHECK(field.declared.file == "test.policy");
  CHECK(field.declared.line == 11);
}

TEST_CASE("two used files adding one field with one type is one fact") {
  // Written twice, once in the policy: no error, one slot.
  auto p = compile(yiyang_header +
                   "extend record Household { registered_since: date }\n"
                   "extend record Household { registered_since: date \"户籍登记日期\" }\n");
  const auto& s = *fuzhu::detail::compiled_of(p).schema;
  int count = 0;
  for (const auto& path : s.slot_paths) count += path == "household.registered_since";
  CHECK(count == 1);
}

TEST_CASE("a family file made for one policy stays valid for another: an added field is a warning") {
  auto with = compile(yiyang_header + "extend record Household { registered_since: date }\n");
  auto without = compile(yiyang_header);
  const std::string family = R"({"household": {"region": "益阳市", "registered_since": "2020-01-01"}})";
  auto read = without.read_facts(family);
  REQUIRE(read.ok());
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == "X004");
  CHECK(read.diagnostics[0].path == "household.registered_since");
  CHECK(with.read_facts(family).diagnostics.empty());
}

// ------------------------------------------------------------------ labels

TEST_CASE("labels are carried into the compiled schema; facts.schema labels every field") {
  auto p = compile(yiyang_header + "define d \"计生特殊家庭的别名\" = special_family\nbenefit a \"甲\" { cites \"一\" when d }\n");
  const auto& s = *fuzhu::detail::compiled_of(p).schema;
  CHECK(s.field_of(s.slot_of("mother.birth_date")).label == "出生日期");
  CHECK(s.field_of(s.slot_of("child.disability_grade")).label == "残疾等级");
  const auto& status = s.field_of(s.slot_of("child.status"));
  CHECK(status.enum_labels == std::vector<std::string>{"死亡", "伤残", "健在"});
  CHECK(s.roots[static_cast<std::size_t>(s.root_index("mother"))].label == "女方");
  CHECK(s.roots[static_cast<std::size_t>(s.root_index("child"))].record_label == "独生子女");
  for (std::size_t slot = 0; slot < s.slot_paths.size(); ++slot) {
    CAPTURE(s.slot_paths[slot]);
    CHECK_FALSE(s.field_of(static_cast<int>(slot)).label.empty());
  }
  const auto tree = fuzhu::detail::syntax_of(p);
  const auto& program = *tree;
  const auto* def = program.definitions[0];
  for (const auto* d : program.definitions)
    if (d->name == "d") def = d;
  CHECK(def->label == "计生特殊家庭的别名");
  for (const auto* d : program.definitions)
    if (d->name == "special_family") CHECK(d->label == "计生特殊家庭");
}
