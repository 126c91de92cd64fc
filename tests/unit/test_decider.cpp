// Decider, the string-free path of the embedding API: the same decisions as
// Policy::evaluate, with memory reused from family to family.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/decisions_match.hpp"
#include "tests/support/facts.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::Date;

fuzhu::Policy policy(const std::string& name) { return fuzhu::testing::city_policy(name); }

fuzhu::Facts facts(const fuzhu::Policy& p, const std::string& json) { return fuzhu::testing::facts_of(p, json); }

struct Family {
  std::string json;
  Date as_of;
};

// Every family of one case file, on its own date and two more.
std::vector<Family> case_families(const std::string& city) {
  std::ifstream in(fs::path(FUZHU_SOURCE_DIR) / "tests" / "cases" / (city + ".cases.json"));
  auto doc = nlohmann::json::parse(in);
  std::vector<Family> out;
  for (const auto& c : doc.at("cases"))
    for (Date as_of : {*Date::parse(c.at("as_of").get<std::string>()), Date{2018, 3, 1}, Date{2030, 6, 30}})
      out.push_back({c.at("facts").dump(), as_of});
  return out;
}

// One Decider through every family, in the order given: what it decides
// must be what a fresh Policy::evaluate says, whatever family came before.
void decide_all_against_evaluate(const fuzhu::Policy& p, const std::vector<Family>& families) {
  fuzhu::Decider decider(p);
  for (const auto& family : families) {
    auto read = p.read_facts(family.json);
    if (!read.ok()) continue;  // the cases of bad facts
    auto expected = p.evaluate(*read.facts, family.as_of);
    bool decided = decider.decide(*read.facts, family.as_of);
    CAPTURE(family.json);
    CAPTURE(family.as_of.to_string());
    REQUIRE(decided == expected.ok());
    if (!decided) {
      CHECK(decider.errors().size() == expected.errors.size());
      continue;
    }
    CHECK(fuzhu::testing::decisions_differ(p, decider.decisions(), *expected.evaluation) == "");
  }
}

}  // namespace

TEST_CASE("a Decider reused across every case family decides what Policy::evaluate does") {
  for (const char* city : {"yiyang", "zhangdian", "songjiang", "ankang", "foshan"}) {
    CAPTURE(city);
    const fuzhu::Policy p = policy(city);
    std::vector<Family> families = case_families(city);
    decide_all_against_evaluate(p, families);
    // Backwards too: each family now follows a different one.
    std::reverse(families.begin(), families.end());
    decide_all_against_evaluate(p, families);
  }
}

TEST_CASE("a Decider names the special allowance and its payers by index") {
  // 益政办发〔2017〕26号 一（一）: a 失独 family whose mother is 49 or older gets
  // 490 元 a parent a month; in a 市辖区 the 100 元 above the provincial 390
  // is shared 4:6 by the city and the district.
  const fuzhu::Policy p = policy("yiyang");
  fuzhu::Decider decider(p);
  const fuzhu::Facts family = facts(p, R"({
    "household": {"region": "湖南省益阳市赫山区", "district_kind": "city_district"},
    "family": {"other_child": false},
    "child": {"status": "deceased", "event_date": "2020-07-15"},
    "mother": {"birth_date": "1970-05-01"},
    "father": {"birth_date": "1968-01-01"}})");
  REQUIRE(decider.decide(family, Date{2026, 11, 23}));
  const fuzhu::Decisions& d = decider.decisions();
  CHECK(d.in_force);
  CHECK(d.in_jurisdiction == true);
  std::vector<std::string> allowance;
  for (const auto& row : d.granted) {
    if (p.benefit_id(row.benefit) != "special_allowance") continue;
    std::string text = p.recipient_name(row.recipient) + " " + fuzhu::Money{row.fen.value()}.to_string();
    for (std::uint32_t i = row.first_payer; i < row.first_payer + row.payer_count; ++i)
      text += " " + p.payer_name(row.benefit, d.payers[i].payer) + " " + fuzhu::Money{d.payers[i].fen.value()}.to_string();
    allowance.push_back(text);
  }
  CHECK(allowance == std::vector<std::string>{
                         "mother 490 省级特别扶助资金 390 市财政 40 区财政 60",
                         "father 490 省级特别扶助资金 390 市财政 40 区财政 60",
                     });
  CHECK(p.recipient_name(-1) == "household");
}

TEST_CASE("a Decider asks for the facts it lacks, by index") {
  const fuzhu::Policy p = policy("yiyang");
  fuzhu::Decider decider(p);
  // No region: whether the household is in 益阳市 is unknown.
  REQUIRE(decider.decide(facts(p, R"({"child": {"status": "deceased"}, "mother": {"birth_date": "1970-05-01"}})"),
                         Date{2026, 11, 23}));
  const fuzhu::Decisions& d = decider.decisions();
  CHECK_FALSE(d.in_jurisdiction.has_value());
  CHECK(d.granted.empty());
  REQUIRE_FALSE(d.undetermined.empty());
  std::vector<std::string> needs;
  for (int need : d.needs) needs.push_back(p.fact_path(need));
  CHECK(std::find(needs.begin(), needs.end(), "household.region") != needs.end());
}

TEST_CASE("a Decider refuses a family born after the evaluation date, then goes on") {
  const fuzhu::Policy p = policy("yiyang");
  fuzhu::Decider decider(p);
  CHECK_FALSE(decider.decide(facts(p, R"({"mother": {"birth_date": "2030-01-01"}})"), Date{2026, 11, 23}));
  REQUIRE(decider.errors().size() == 1);
  CHECK(decider.errors()[0].message.find("mother.birth_date") != std::string::npos);
  CHECK(decider.decisions().granted.empty());
  // The next family is decided afresh.
  CHECK(decider.decide(facts(p, R"({"household": {"region": "湖南省长沙市"}})"), Date{2026, 11, 23}));
  CHECK(decider.errors().empty());
  CHECK(decider.decisions().in_jurisdiction == false);
}

TEST_CASE("a Decider outside the policy's window grants nothing") {
  const fuzhu::Policy p = policy("yiyang");  // in force from 2017-09-29
  fuzhu::Decider decider(p);
  REQUIRE(decider.decide(facts(p, R"({"household": {"region": "湖南省益阳市赫山区"}})"), Date{2017, 9, 28}));
  CHECK_FALSE(decider.decisions().in_force);
  CHECK(decider.decisions().granted.empty());
  CHECK(decider.decisions().undetermined.empty());
}
