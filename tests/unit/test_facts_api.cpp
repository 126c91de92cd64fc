// The facts API without traps (issue 12): each set() overload chosen
// exactly, get/unset/clear, schema introspection, and facts that carry their
// schema's identity (issue 11.9).
#include <doctest/doctest.h>

#include <string>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "api/internal.hpp"

using fuzhu::Date;
using fuzhu::FactType;
using fuzhu::FactValue;
using fuzhu::Money;

namespace {

fuzhu::Policy compile(const std::string& text, const std::string& name = "test.policy") {
  return fuzhu::testing::compiled(text, name);
}

fuzhu::Policy yiyang() { return fuzhu::testing::city_policy("yiyang"); }

template <typename V>
concept settable = requires(fuzhu::Facts f, V v) { f.set("child.disability_grade", v); };

}  // namespace

// ------------------------------------------------------------ set and get

// A pointer converts to bool, and an int literal to bool and to int64 alike:
// the overloads must make neither trap possible.
static_assert(settable<int> && settable<long> && settable<long long> && settable<unsigned> && settable<short>);
static_assert(settable<const char*> && settable<std::string> && settable<std::string_view> && settable<bool>);
static_assert(!settable<double> && !settable<float> && !settable<std::nullptr_t>);

TEST_CASE("facts.set with a string literal sets the enum value, never the bool overload") {
  auto f = yiyang().new_facts();
  CHECK_FALSE(f.set("child.status", "deceased"));
  auto got = f.get("child.status");
  REQUIRE(got.ok());
  REQUIRE(got.value.has_value());
  CHECK(std::get<std::string>(*got.value) == "deceased");
  // A string literal given to a bool field is refused, naming the field.
  auto error = f.set("family.other_child", "false");
  REQUIRE(error.has_value());
  CHECK(*error == "family.other_child: expected true or false, not the string \"false\"");
}

TEST_CASE("facts.set with an int literal sets an int field; other integer types too") {
  auto f = yiyang().new_facts();
  CHECK_FALSE(f.set("child.disability_grade", 3));
  CHECK(std::get<std::int64_t>(*f.get("child.disability_grade").value) == 3);
  CHECK_FALSE(f.set("child.disability_grade", 2u));
  CHECK_FALSE(f.set("child.disability_grade", short{1}));
  CHECK_FALSE(f.set("child.disability_grade", 4LL));
  CHECK(std::get<std::int64_t>(*f.get("child.disability_grade").value) == 4);
  auto out_of_range = f.set("child.disability_grade", 7);
  REQUIRE(out_of_range.has_value());
  CHECK(*out_of_range == "child.disability_grade: 7 is outside 1..4");
  auto huge = f.set("child.disability_grade", std::uint64_t{18'000'000'000'000'000'000u});
  REQUIRE(huge.has_value());
  CHECK(*huge == "child.disability_grade: the number is too large");
  // A whole number for money is whole yuan.
  CHECK_FALSE(f.set("household.income_last_year", 30000));
  CHECK(std::get<Money>(*f.get("household.income_last_year").value) == Money{3'000'000});
}

TEST_CASE("facts.get gives each kind of value, unknown ones as none, a bad path as an error") {
  auto f = yiyang().new_facts();
  CHECK_FALSE(f.set("family.other_child", false));
  CHECK_FALSE(f.set("household.region", std::string("湖南省益阳市赫山区")));
  CHECK_FALSE(f.set("mother.birth_date", Date{1970, 3, 1}));
  CHECK_FALSE(f.set("mother.medical_out_of_pocket", Money{1234}));
  CHECK(std::get<bool>(*f.get("family.other_child").value) == false);
  CHECK(std::get<std::string>(*f.get("household.region").value) == "湖南省益阳市赫山区");
  CHECK(std::get<Date>(*f.get("mother.birth_date").value) == Date{1970, 3, 1});
  CHECK(fuzhu::to_string(*f.get("mother.medical_out_of_pocket").value) == "12.34");
  CHECK(fuzhu::to_string(*f.get("mother.birth_date").value) == "1970-03-01");
  auto unknown = f.get("father.birth_date");
  CHECK(unknown.ok());
  CHECK_FALSE(unknown.value.has_value());
  auto bad = f.get("mother.birthday");
  CHECK_FALSE(bad.ok());
  CHECK(*bad.error == "mother.birthday: no such fact in the schema");
}

TEST_CASE("facts.unset forgets one fact or a whole person; clear forgets everything") {
  auto f = yiyang().new_facts();
  CHECK_FALSE(f.present("mother"));
  CHECK_FALSE(f.set("mother.birth_date", Date{1970, 3, 1}));
  CHECK_FALSE(f.set("mother.employer", "public"));
  CHECK(f.present("mother"));
  CHECK_FALSE(f.unset("mother.employer"));
  CHECK_FALSE(f.get("mother.employer").value.has_value());
  CHECK(f.get("mother.birth_date").value.has_value());
  CHECK(f.present("mother"));  // one fact forgotten, the person stays
  CHECK_FALSE(f.unset("mother"));
  CHECK_FALSE(f.present("mother"));
  CHECK_FALSE(f.get("mother.birth_date").value.has_value());
  CHECK_FALSE(f.add_person("mother"));
  CHECK_FALSE(f.get("mother.birth_date").value.has_value());  // absent means forgotten, not hidden
  CHECK(*f.unset("grandmother") == "grandmother: no such fact or root in the schema");
  CHECK_FALSE(f.set("child.status", "living"));
  f.clear();
  CHECK_FALSE(f.get("child.status").value.has_value());
  CHECK_FALSE(f.present("mother"));
  CHECK(f.present("household"));  // a root that is not optional is always there
}

// ------------------------------------------------------- introspection

TEST_CASE("schema introspection: path, type, choices with labels, label, roles, declaring file") {
  auto policy = yiyang();
  const fuzhu::FactsSchema& s = policy.schema();
  // facts.schema: household 8, family 6, child 22 (Individual's 15 and 7 of its own), mother 15, father 15.
  REQUIRE(s.facts.size() == 66);
  for (std::size_t i = 0; i < s.facts.size(); ++i) {
    CHECK(s.facts[i].index == static_cast<int>(i));
    CHECK(policy.fact_path(s.facts[i].index) == s.facts[i].path);
  }
  const fuzhu::FactInfo* status = s.find("child.status");
  REQUIRE(status != nullptr);
  CHECK(status->type == FactType::enumeration);
  CHECK(status->label == "子女状况");
  REQUIRE(status->choices.size() == 3);
  CHECK(status->choices[0].name == "deceased");
  CHECK(status->choices[0].label == "死亡");
  CHECK(status->roles == std::vector<std::string>{"deceased_when deceased"});
  CHECK(status->declared.file.ends_with("facts.schema"));
  CHECK(status->declared.line == 70);
  CHECK_FALSE(status->added);
  const fuzhu::FactInfo* grade = s.find("child.disability_grade");
  CHECK(grade->type_text == "int 1..4");
  CHECK(grade->min == 1);
  CHECK(grade->max == 4);
  CHECK(s.find("mother.alive")->default_value == "true");
  CHECK(s.find("mother.birth_date")->roles == std::vector<std::string>{"birth"});
  CHECK(s.find("household.region")->roles == std::vector<std::string>{"region"});
  const fuzhu::FactRootInfo* mother = s.root("mother");
  REQUIRE(mother != nullptr);
  CHECK(mother->label == "女方");
  CHECK(mother->optional);
  CHECK(mother->person);
  CHECK(mother->roles == std::vector<std::string>{"parent", "age_else father"});
  CHECK(s.facts[static_cast<std::size_t>(mother->first_fact)].path == "mother.birth_date");
  CHECK(s.root("child")->roles == std::vector<std::string>{"member"});
  CHECK(s.root("household")->person == false);
  CHECK(s.find("no.such") == nullptr);
}

TEST_CASE("schema introspection: the facts a policy reads") {
  auto policy = compile(
      "use \"facts.schema\"\n"
      "policy \"读\" { document \"测试〔2026〕8号\" in force from 2010-01-01 jurisdiction \"益阳市\" }\n"
      "benefit a \"甲\" { cites \"一\" when special_family and age(mother) >= 49 to each parent where person.unemployed }\n");
  const auto& s = policy.schema();
  auto read = [&](const char* path) { return s.find(path)->read; };
  // The condition, through the definition special_family.
  CHECK(read("child.status"));
  CHECK(read("child.disability_grade"));
  CHECK(read("family.other_child"));
  // age(mother), and the father's birth date standing in for an absent mother.
  CHECK(read("mother.birth_date"));
  CHECK(read("father.birth_date"));
  // `where` for each parent; whether a recipient is living; the jurisdiction.
  CHECK(read("mother.unemployed"));
  CHECK(read("father.unemployed"));
  CHECK(read("mother.alive"));
  CHECK(read("household.region"));
  // Not read: the child's own unemployed, and what no rule mentions.
  CHECK_FALSE(read("child.unemployed"));
  CHECK_FALSE(read("household.relocation_floors"));
  CHECK_FALSE(read("child.injury_date"));
}

// --------------------------------------------------------- schema identity

namespace {

// A self-contained schema; `statuses` is the order of its enum's values.
std::string policy_with(const std::string& statuses) {
  return "enum ChildStatus { " + statuses + " }\n"
         "record Household { region: string role region }\n"
         "record Adult { birth_date: date role birth }\n"
         "record Child : Adult { status: ChildStatus role deceased_when deceased }\n"
         "facts { household: Household, child: Child role member, mother: optional Adult role parent }\n"
         "policy \"身份\" { document \"测试〔2026〕9号\" in force from 2010-01-01 jurisdiction \"益阳市\" }\n"
         "benefit consolation \"抚慰\" { cites \"一\" when child.status = deceased once 1000 元 }\n";
}

const char* bereaved = R"({"household": {"region": "益阳市"}, "child": {"birth_date": "2000-01-01", "status": "deceased"}})";

}  // namespace

TEST_CASE("identity: facts read for a schema with an enum reordered are refused, never misread") {
  auto a = compile(policy_with("deceased, disabled, living"), "a.policy");
  auto b = compile(policy_with("living, disabled, deceased"), "b.policy");
  CHECK(a.schema().fingerprint != b.schema().fingerprint);
  CHECK(a.schema().fingerprint.size() == 16);
  auto facts = a.read_facts(bereaved);
  REQUIRE(facts.ok());
  auto own = a.evaluate(*facts.facts, Date{2026, 1, 1});
  REQUIRE(own.ok());
  CHECK(own.evaluation->entitlements.size() == 1);
  // Read for a, evaluated by b: b would read value 0 as `living`.
  auto other = b.evaluate(*facts.facts, Date{2026, 1, 1});
  CHECK_FALSE(other.ok());
  REQUIRE(other.errors.size() == 1);
  CHECK(other.errors[0].code == "X005");
  CHECK(other.errors[0].message.find(a.schema().fingerprint) != std::string::npos);
  fuzhu::Decider decider(b);
  CHECK_FALSE(decider.decide(*facts.facts, Date{2026, 1, 1}));
  REQUIRE(decider.errors().size() == 1);
  CHECK(decider.errors()[0].code == "X005");
}

TEST_CASE("identity: an added field changes the fingerprint; labels and roles do not") {
  auto plain = compile(policy_with("deceased, disabled, living"));
  auto added = compile(policy_with("deceased, disabled, living") + "extend record Household { since: date }\n");
  CHECK(plain.schema().fingerprint != added.schema().fingerprint);
  std::string labelled = policy_with("deceased \"死亡\", disabled, living");
  labelled.replace(labelled.find("record Household {"), 18, "record Household \"户\" {");
  const std::string role = " role deceased_when deceased";
  labelled.erase(labelled.find(role), role.size());
  CHECK(compile(labelled).schema().fingerprint == plain.schema().fingerprint);
  auto facts = added.read_facts(bereaved);
  REQUIRE(facts.ok());
  CHECK(plain.evaluate(*facts.facts, Date{2026, 1, 1}).errors.at(0).code == "X005");
}

TEST_CASE("identity: the same schema compiled again (a hot reload) reads the same facts") {
  auto before = yiyang();
  auto after = yiyang();  // another compilation, another Schema object
  CHECK(&fuzhu::detail::compiled_of(before) != &fuzhu::detail::compiled_of(after));
  CHECK(before.schema().fingerprint == after.schema().fingerprint);
  auto facts = before.read_facts(R"({"household": {"region": "湖南省益阳市赫山区"}})");
  REQUIRE(facts.ok());
  CHECK(after.evaluate(*facts.facts, Date{2026, 1, 1}).ok());
  fuzhu::Decider decider(after);
  CHECK(decider.decide(*facts.facts, Date{2026, 1, 1}));
  // Policies of one shared schema share the fingerprint: compare reads once.
  auto songjiang = fuzhu::Policy::compile_file(FUZHU_SOURCE_DIR "/policies/songjiang.policy");
  REQUIRE(songjiang.ok());
  CHECK(songjiang.policy->schema().fingerprint == before.schema().fingerprint);
  CHECK(songjiang.policy->evaluate(*facts.facts, Date{2026, 1, 1}).ok());
}

// ---------------------------------------------- policies taken together

TEST_CASE("policies taken together: one added fact with two types is D015 naming both places") {
  const std::string header = "use \"facts.schema\"\npolicy \"合\" { document \"测试〔2026〕12号\" in force from 2010-01-01 jurisdiction \"益阳市\" }\n";
  auto as_date = compile(header + "extend record Household { since: date }\n", "a.policy");
  auto as_date_too = compile(header + "extend record Household { since: date \"登记日期\" }\n", "b.policy");
  auto as_int = compile(header + "\nextend record Household { since: int }\n", "c.policy");
  auto plain = compile(header, "d.policy");
  CHECK(fuzhu::conflicting_facts({&as_date.schema(), &as_date_too.schema(), &plain.schema()}).empty());
  auto conflicts = fuzhu::conflicting_facts({&as_date.schema(), &plain.schema(), &as_int.schema()});
  REQUIRE(conflicts.size() == 1);
  CHECK(conflicts[0].code == "D015");
  CHECK(conflicts[0].path == "household.since");
  CHECK(conflicts[0].file == "c.policy");
  CHECK(conflicts[0].line == 4);
  CHECK(conflicts[0].column == 27);
  CHECK(conflicts[0].message.find("is int here, but date at a.policy:3:27") != std::string::npos);
}
