// Totals keep cash, in-kind value, minimum and discretionary amounts apart
// (issue 10.4, catalog "Cash or in kind"), in eval's JSON and text and in
// simulate. The families are worked out by hand in the comments.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/facts.hpp"
#include "sim/report.hpp"
#include "sim/simulate.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::AmountKind;
using fuzhu::Period;

using fuzhu::testing::evaluated;

fuzhu::Policy city(const std::string& name) { return fuzhu::testing::city_policy(name); }

// Zhangdian, 2024-06-01, bereaved: mother 48, father 55. Cash: the festival
// gift 2 × 300 = 600 a year. In kind: the father's check-up 300 (50–64) and
// the happiness insurance 300 for each parent (45+): 900 a year.
const std::string zhangdian_family =
    R"({"household": {"region": "山东省淄博市张店区"}, "family": {"other_child": false},
        "child": {"status": "deceased", "birth_date": "1996-02-01", "event_date": "2015-08-01"},
        "mother": {"birth_date": "1976-01-01"}, "father": {"birth_date": "1969-01-01"}})";

// Ankang, 2024-06-01, bereaved, rural, resettled in an apartment building of
// three storeys: 20000 once in cash, and at least 50000 once for building.
const std::string ankang_family =
    R"({"household": {"region": "陕西省安康市汉滨区", "area": "rural", "relocation": "apartment", "relocation_floors": 3},
        "family": {"other_child": false},
        "child": {"status": "deceased", "birth_date": "1990-02-01", "event_date": "2012-08-01"},
        "mother": {"birth_date": "1966-01-01"}, "father": {"birth_date": "1964-01-01"}})";

// Yiyang, 2026-11-23, the child died this year, mother 56: at least 5000
// once where the locality pays it (有条件的地方可): discretionary.
const std::string yiyang_family =
    R"({"household": {"region": "湖南省益阳市赫山区", "district_kind": "city_district"}, "family": {"other_child": false},
        "child": {"status": "deceased", "birth_date": "1996-02-01", "event_date": "2026-03-10"},
        "mother": {"birth_date": "1970-03-01", "employer": "none"}, "father": {"birth_date": "1968-10-20", "employer": "none"}})";

}  // namespace

TEST_CASE("eval keeps Zhangdian's in-kind check-up and insurance out of the cash total") {
  auto e = evaluated(city("zhangdian"), zhangdian_family, fuzhu::Date{2024, 6, 1});
  CHECK(fuzhu::total(e, Period::yearly)->fen == 60000);
  CHECK(fuzhu::total(e, Period::yearly, AmountKind::in_kind)->fen == 90000);
  const std::string json = fuzhu::to_json(e);
  CHECK(json.find("\"yearly\": {\n      \"cash\": 600,\n      \"in_kind\": 900,\n      \"minimum\": 0,\n      \"discretionary\": 0\n    }") !=
        std::string::npos);
  CHECK(json.find("\"benefit\": \"happiness_insurance\"") != std::string::npos);
  CHECK(json.find("\"in_kind\": true") != std::string::npos);
  const std::string text = fuzhu::to_text(e);
  CHECK(text.find("totals: per month 0 元, per year 600 元, once 0 元\n") != std::string::npos);
  CHECK(text.find("in kind (实物, the value of what is given): per month 0 元, per year 900 元, once 0 元") != std::string::npos);
}

TEST_CASE("eval keeps Ankang's at-least building subsidy apart from cash") {
  auto e = evaluated(city("ankang"), ankang_family, fuzhu::Date{2024, 6, 1});
  CHECK(fuzhu::total(e, Period::once)->fen == 2000000);
  CHECK(fuzhu::total(e, Period::once, AmountKind::minimum)->fen == 5000000);
  CHECK(fuzhu::to_text(e).find("at least (不低于, the figure may be higher): per month 0 元, per year 0 元, once 50000 元") !=
        std::string::npos);
}

TEST_CASE("a discretionary at-least amount counts as discretionary only") {
  auto e = evaluated(city("yiyang"), yiyang_family, fuzhu::Date{2026, 11, 23});
  CHECK(fuzhu::total(e, Period::once)->fen == 0);
  CHECK(fuzhu::total(e, Period::once, AmountKind::minimum)->fen == 0);
  CHECK(fuzhu::total(e, Period::once, AmountKind::discretionary)->fen == 500000);
}

TEST_CASE("simulate keeps the kinds apart, in benefit rows, totals, a year's cost and payers") {
  fs::path path = fs::temp_directory_path() / ("fuzhu_totals_" + std::to_string(::getpid()) + ".jsonl");
  std::string line = zhangdian_family;
  std::erase(line, '\n');
  std::ofstream(path) << line << "\n" << line << "\n";
  fuzhu::sim::SimulateOptions o;
  o.as_of = fuzhu::Date{2024, 6, 1};
  auto policy = city("zhangdian");
  auto result = fuzhu::sim::simulate(policy, path.string(), o);
  REQUIRE(result.ok());
  const auto& t = result.tally;
  // Two families: cash 2 × 600, in kind 2 × 900 a year.
  CHECK(t.total[AmountKind::cash].fen[1] == 120000);
  CHECK(t.total[AmountKind::in_kind].fen[1] == 180000);
  CHECK(t.benefits.at("happiness_insurance").kind == AmountKind::in_kind);
  CHECK(t.benefits.at("festival_gift").kind == AmountKind::cash);
  const std::string text = fuzhu::sim::report_text(policy, {path.string(), o.as_of}, t);
  CHECK(text.find("a year's cost (12 × per month + per year): 1200 元; besides the cash: in kind (实物) 1800 元") !=
        std::string::npos);
  const std::string json = fuzhu::sim::report_json(policy, {path.string(), o.as_of}, t);
  CHECK(json.find("\"yearly\": {\n      \"cash\": \"1200\",\n      \"in_kind\": \"1800\",") != std::string::npos);
  CHECK(json.find("\"year_cost\": {\n    \"cash\": \"1200\",\n    \"in_kind\": \"1800\",") != std::string::npos);
  fs::remove(path);
}
