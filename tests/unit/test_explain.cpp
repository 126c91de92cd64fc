// `fuzhu eval --explain`: why each benefit is granted, not granted or
// undetermined. Values below are worked out by hand from the families.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compile/policy.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/facts.hpp"
#include "api/internal.hpp"

namespace {

using fuzhu::Decision;
using fuzhu::Explanation;
using fuzhu::ExplainNode;

const char* const yiyang_policy = FUZHU_SOURCE_DIR "/policies/yiyang.policy";

fuzhu::Policy compile_file(const std::string& path) {
  auto r = fuzhu::Policy::compile_file(path);
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  return *r.policy;
}

fuzhu::Policy compile_string(const std::string& body) {
  return fuzhu::testing::compiled(fuzhu::testing::test_header() + body);
}

fuzhu::Evaluation evaluate(const fuzhu::Policy& p, const std::string& facts_json, const char* as_of,
                           bool explain = true) {
  fuzhu::EvalOptions options;
  options.explain = explain;
  return fuzhu::testing::evaluated(p, facts_json, fuzhu::testing::day(as_of), options);
}

// A bereaved family registered in Yiyang; the mother born on `mother_born`.
std::string bereaved(const std::string& mother_born, bool with_father = true) {
  std::string father = with_father ? R"(, "father": {"birth_date": "1968-10-20", "employer": "public"})" : "";
  return R"({"household": {"region": "湖南省益阳市赫山区", "area": "urban", "district_kind": "city_district"},
             "family": {"other_child": false},
             "child": {"status": "deceased", "birth_date": "1995-04-02", "event_date": "2020-07-15"},
             "mother": {"birth_date": ")" + mother_born + R"(", "employer": "none"})" + father + "}";
}

const Explanation& row(const fuzhu::Evaluation& e, const std::string& benefit, const std::string& recipient) {
  REQUIRE(e.explanations.has_value());
  const Explanation* found = nullptr;
  for (const auto& x : *e.explanations)
    if (x.benefit == benefit && x.recipient == recipient) found = &x;
  INFO("the explanation of ", benefit, " for ", recipient);
  REQUIRE(found != nullptr);
  return *found;
}

// The first node, depth first, whose text is `text`.
const ExplainNode* find(const ExplainNode& n, const std::string& text) {
  if (n.text == text) return &n;
  for (const auto& part : n.parts)
    if (const ExplainNode* found = find(part, text)) return found;
  return nullptr;
}

std::string fact(const Explanation& x, const std::string& path) {
  for (const auto& f : x.facts())
    if (f.name == path) return f.value;
  return "(not read)";
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

}  // namespace

TEST_CASE("explain: a mother of 47 fails the age comparison with her value") {
  // Born 1979-06-01, on 2026-11-23 she has had her 47th birthday (June) and
  // not her 48th: 47 < 49, so 扶助对象家庭 is false and no allowance is paid.
  auto p = compile_file(yiyang_policy);
  auto e = evaluate(p, bereaved("1979-06-01"), "2026-11-23");
  const Explanation& x = row(e, "special_allowance", "mother");
  CHECK(x.decision == Decision::not_granted);
  REQUIRE(x.condition().has_value());
  CHECK(x.condition()->text == "扶助对象家庭");
  CHECK(x.condition()->definition == "计生特困家庭 and age(mother) >= 49");
  CHECK(x.condition()->value == "false");
  const auto condition = x.condition();  // built on request: keep it while pointing into it
  const ExplainNode* age = find(*condition, "age(mother) >= 49");
  REQUIRE(age != nullptr);
  CHECK(age->value == "false");
  REQUIRE(age->operands.size() == 1);
  CHECK(age->operands[0].name == "age(mother)");
  CHECK(age->operands[0].value == "47");
  CHECK(fact(x, "mother.birth_date") == "1979-06-01");
  CHECK(fact(x, "child.status") == "deceased");
  CHECK(x.amount() == std::nullopt);

  std::string text = fuzhu::to_text(e);
  CHECK(text.find("age(mother) >= 49 → 否   [age(mother) = 47]") != std::string::npos);
  CHECK(text.find("女方 mother：不享有") != std::string::npos);
}

TEST_CASE("explain: an undetermined benefit names the missing fact") {
  // Mother 56: 扶助对象家庭 holds, but household.low_income was not given, so
  // 医疗救助 (when 扶助对象家庭 and household.low_income) cannot be decided.
  auto p = compile_file(yiyang_policy);
  auto e = evaluate(p, bereaved("1970-03-01"), "2026-11-23");
  const Explanation& x = row(e, "medical_assistance", "household");
  CHECK(x.decision == Decision::undetermined);
  REQUIRE(x.needs().size() == 1);
  CHECK(x.needs()[0] == "household.low_income");
  CHECK(fact(x, "household.low_income") == "unknown");
  REQUIRE(x.condition().has_value());
  CHECK(x.condition()->value == "unknown");
  const auto condition = x.condition();
  const ExplainNode* missing = find(*condition, "household.low_income");
  REQUIRE(missing != nullptr);
  CHECK(missing->value == "unknown");
  CHECK(fuzhu::to_text(e).find("全户 household：待定 — 需补充：household.low_income") != std::string::npos);
}

TEST_CASE("explain: a granted benefit shows its clause and amount") {
  auto p = compile_file(yiyang_policy);
  auto e = evaluate(p, bereaved("1970-03-01"), "2026-11-23");
  const Explanation& x = row(e, "special_allowance", "father");
  CHECK(x.decision == Decision::granted);
  CHECK(x.cite == "一（一）");
  CHECK(x.quote == "每人每月分别提高到490元、420元");
  REQUIRE(x.amount().has_value());
  CHECK(x.amount()->value == "490 元");
  CHECK(x.amount()->note == "2017-09-29起的金额");
  {  // The notes are in the reader's language.
    fuzhu::EvalOptions english;
    english.explain = true;
    english.lang = fuzhu::Lang::en;
    auto en = fuzhu::testing::evaluated(p, bereaved("1970-03-01"), fuzhu::testing::day("2026-11-23"), english);
    const Explanation& y = row(en, "special_allowance", "father");
    REQUIRE(y.amount().has_value());
    CHECK(y.amount()->note == "the figure from 2017-09-29");
  }
  std::string text = fuzhu::to_text(e);
  CHECK(text.find("special_allowance 特别扶助金  一（一）「每人每月分别提高到490元、420元」") != std::string::npos);
  CHECK(text.find("男方 father：享有, 每月 490 元") != std::string::npos);
  // A definition is broken down once; later uses refer back to it.
  CHECK(occurrences(text, "计生特困家庭 = special_family →") == 1);
  CHECK(occurrences(text, "计生特困家庭 → 是（同上）") >= 1);
}

TEST_CASE("explain: per-person rows say why a recipient is left out") {
  auto p = compile_file(yiyang_policy);
  auto e = evaluate(p, bereaved("1970-03-01", false), "2026-11-23");
  CHECK(row(e, "special_allowance", "mother").decision == Decision::granted);
  const Explanation& father = row(e, "special_allowance", "father");
  CHECK(father.decision == Decision::not_granted);
  CHECK(father.reason == "there is no father in the facts");
  // Only the benefit's condition: the mother's amount (490 元, the child
  // died) is hers, not the absent father's.
  REQUIRE(father.condition().has_value());
  CHECK(row(e, "special_allowance", "mother").amount()->value == "490 元");
  CHECK_FALSE(father.amount().has_value());
  // guardianship: `where person.incapacitated` is asked of the mother only.
  CHECK(row(e, "guardianship", "mother").where().has_value());
  CHECK_FALSE(row(e, "guardianship", "father").where().has_value());
  const Explanation& child = row(e, "health_management", "child");
  CHECK(child.decision == Decision::not_granted);
  CHECK(child.reason == "the child is deceased (child.status = deceased)");
  // destitute_support: where age(person) >= 60 and person.destitute; the
  // mother is 56, so the second part is not needed.
  const Explanation& destitute = row(e, "destitute_support", "mother");
  REQUIRE(destitute.where().has_value());
  CHECK(destitute.where()->value == "false");
  REQUIRE(destitute.where()->parts.size() == 2);
  CHECK(destitute.where()->parts[0].operands.at(0).value == "56");
  CHECK_FALSE(destitute.where()->parts[1].evaluated);
}

TEST_CASE("explain: outside its window a policy explains every benefit by that") {
  auto p = compile_file(yiyang_policy);
  std::string family = bereaved("1960-03-01");
  family.replace(family.find("2020-07-15"), 10, "2016-07-15");  // a death after the date would be an error (X008)
  auto e = evaluate(p, family, "2017-01-01");
  REQUIRE(e.explanations.has_value());
  CHECK_FALSE(e.explanations->empty());
  for (const auto& x : *e.explanations) {
    CHECK(x.decision == Decision::not_granted);
    CHECK(x.reason == "the policy is not in force on 2017-01-01 (in force from 2017-09-29)");
  }
}

TEST_CASE("explain: a family registered elsewhere gets every row, with the reason and nothing to build") {
  // 张店 is outside Yiyang's jurisdiction (益阳市): every benefit, every
  // recipient, not granted for that reason; no condition was evaluated.
  auto p = compile_file(yiyang_policy);
  std::string family = bereaved("1960-03-01");
  family.replace(family.find("湖南省益阳市赫山区"), std::string("湖南省益阳市赫山区").size(), "山东省淄博市张店区");
  auto e = evaluate(p, family, "2026-11-23");
  REQUIRE(e.explanations.has_value());
  CHECK(e.explanations->size() > 24);  // Yiyang's 24 benefits, several of them per parent
  for (const auto& x : *e.explanations) {
    CAPTURE(x.benefit);
    CHECK(x.decision == Decision::not_granted);
    CHECK(x.reason == "the household is registered outside 益阳市 (household.region = \"山东省淄博市张店区\")");
    CHECK_FALSE(x.condition().has_value());
    CHECK(x.facts().empty());
    CHECK(x.needs().empty());
  }
}

TEST_CASE("concurrency: explanation rows are built on request, alike from several threads at once") {
  // The trees come from the Evaluation's trace, read by each call with its
  // own marks: four threads building every row's trees get what one does.
  auto p = compile_file(yiyang_policy);
  const fuzhu::Evaluation e = evaluate(p, bereaved("1970-03-01"), "2026-11-23");
  const std::string alone = fuzhu::to_json(e);
  std::vector<std::string> built(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < built.size(); ++t)
    threads.emplace_back([&, t] { built[t] = fuzhu::to_json(e); });
  for (auto& thread : threads) thread.join();
  for (const auto& json : built) CHECK(json == alone);
  // A copy of the Evaluation shares the trace: its rows build the same tree.
  const fuzhu::Evaluation copy = e;
  const Explanation& x = row(copy, "special_allowance", "father");
  REQUIRE(x.amount().has_value());
  CHECK(x.amount()->value == "490 元");
}

TEST_CASE("explain: JSON names every benefit once per recipient row") {
  auto p = compile_file(yiyang_policy);
  auto e = evaluate(p, bereaved("1970-03-01"), "2026-11-23");
  auto j = nlohmann::json::parse(fuzhu::to_json(e));
  REQUIRE(j.contains("explanations"));
  std::map<std::string, std::vector<std::string>> recipients;
  for (const auto& x : j["explanations"]) {
    CHECK(x["decision"].is_string());
    recipients[x["benefit"].get<std::string>()].push_back(x["recipient"].get<std::string>());
  }
  std::set<std::string> ids;
  for (const auto& b : fuzhu::detail::compiled_of(p).benefits) ids.insert(b.id);
  CHECK(recipients.size() == ids.size());
  for (const auto& id : ids) {
    INFO(id);
    REQUIRE(recipients.count(id) == 1);
    const auto& rows = recipients[id];
    CHECK(std::set<std::string>(rows.begin(), rows.end()).size() == rows.size());
  }
  // 特别扶助金 is to each parent; 健康管理 to each member; 医疗救助 to the household.
  CHECK(recipients["special_allowance"] == std::vector<std::string>{"mother", "father"});
  CHECK(recipients["health_management"] == std::vector<std::string>{"mother", "father", "child"});
  CHECK(recipients["medical_assistance"] == std::vector<std::string>{"household"});
  // Every field of the usual object is there, unchanged.
  auto plain = nlohmann::json::parse(fuzhu::to_json(evaluate(p, bereaved("1970-03-01"), "2026-11-23", false)));
  j.erase("explanations");
  CHECK(j == plain);
}

TEST_CASE("explain: conditions are quoted as written and granted() names the outcome") {
  auto p = compile_string(
      "benefit first \"甲\" {\n  cites \"一\"\n  when household.low_income and\n"
      "    (family.wants_to_adopt or family.wants_another_child)  # 收养或再生育\n}\n"
      "benefit second \"乙\" {\n  cites \"二\"\n  when granted(first)\n}\n");
  auto e = evaluate(p, R"({"household": {"region": "湖南省益阳市", "low_income": true}, "family": {"wants_to_adopt": true}})",
                    "2026-11-23");
  const Explanation& first = row(e, "first", "household");
  CHECK(first.decision == Decision::granted);
  REQUIRE(first.condition().has_value());
  CHECK(first.condition()->text == "household.low_income and (family.wants_to_adopt or family.wants_another_child)");
  REQUIRE(first.condition()->parts.size() == 2);
  const auto condition = first.condition();
  const ExplainNode& either = condition->parts[1];
  CHECK(either.text == "family.wants_to_adopt or family.wants_another_child");
  CHECK(either.value == "true");
  REQUIRE(either.parts.size() == 2);
  CHECK_FALSE(either.parts[1].evaluated);
  const Explanation& second = row(e, "second", "household");
  REQUIRE(second.condition().has_value());
  CHECK(second.condition()->note == "甲（first）：享有");
}

TEST_CASE("explain: explaining changes no result for any family of the policy cases") {
  namespace fs = std::filesystem;
  int families = 0;
  for (const auto& file : fs::directory_iterator(FUZHU_SOURCE_DIR "/tests/cases")) {
    if (file.path().extension() != ".json") continue;
    std::ifstream in(file.path());
    auto cases = nlohmann::json::parse(in);
    auto policy = compile_file((file.path().parent_path() / cases.at("policy").get<std::string>()).string());
    for (const auto& c : cases.at("cases")) {
      INFO(file.path().filename().string(), ": ", c.value("name", ""));
      auto facts = policy.read_facts(c.value("facts", nlohmann::json::object()).dump());
      auto as_of = fuzhu::Date::parse(c.at("as_of").get<std::string>());
      if (!facts.ok() || !as_of) continue;  // cases that expect bad facts
      fuzhu::EvalOptions explain;
      explain.explain = true;
      auto plain = policy.evaluate(*facts.facts, *as_of);
      auto explained = policy.evaluate(*facts.facts, *as_of, explain);
      REQUIRE(plain.ok() == explained.ok());
      if (!plain.ok()) continue;
      REQUIRE(explained.evaluation->explanations.has_value());
      CHECK_FALSE(plain.evaluation->explanations.has_value());
      std::set<std::string> explained_ids;
      for (const auto& x : *explained.evaluation->explanations) explained_ids.emplace(x.benefit);
      CHECK(explained_ids.size() == fuzhu::detail::compiled_of(policy).benefits.size());
      explained.evaluation->explanations.reset();
      CHECK(fuzhu::to_json(*explained.evaluation) == fuzhu::to_json(*plain.evaluation));
      ++families;
    }
  }
  CHECK(families >= 5);
}

// Issue 11, item 11: definitions and granted() reused in a chain. Each link
// uses the one before twice, so there are 2^28 paths through the chain; the
// old code copied needs and explanation trees along every path (gigabytes,
// then bad_alloc). Work must grow with the policy's size: one mention of
// the fact that decides all, and each definition's body shown once.
namespace {

std::string doubled_definitions(int depth) {
  std::string body = "define d0 = age(mother) >= 49\n";
  for (int i = 1; i <= depth; ++i) body += fmt::format("define d{} = d{} and d{}\n", i, i - 1, i - 1);
  return body + fmt::format("benefit chain \"链\" {{\n  cites \"一\"\n  to household once 100 元\n  when d{}\n}}\n", depth);
}

std::string doubled_grants(int depth) {
  std::string body = "benefit b0 \"链\" {\n  cites \"一\"\n  to household once 1 元\n  when age(mother) >= 49\n}\n";
  for (int i = 1; i <= depth; ++i)
    body += fmt::format("benefit b{} \"链\" {{\n  cites \"一\"\n  to household once 1 元\n  when granted(b{}) and granted(b{})\n}}\n",
                        i, i - 1, i - 1);
  return body;
}

std::size_t node_count(const ExplainNode& n) {
  std::size_t count = 1;
  for (const auto& part : n.parts) count += node_count(part);
  return count;
}

const char* const mother_unknown_age = R"({"household": {"region": "湖南省益阳市赫山区"}, "mother": {}})";
const char* const mother_aged_66 = R"({"household": {"region": "湖南省益阳市赫山区"}, "mother": {"birth_date": "1960-01-01"}})";

}  // namespace

TEST_CASE("a definition reused down a chain of 28 is needed, decided and explained once") {
  auto p = compile_string(doubled_definitions(28));
  auto unknown = evaluate(p, mother_unknown_age, "2026-11-23", false);
  REQUIRE(unknown.undetermined.size() == 1);
  CHECK(unknown.undetermined[0].needs == std::vector<std::string_view>{"mother.birth_date"});

  auto known = evaluate(p, mother_aged_66, "2026-11-23", true);
  REQUIRE(known.entitlements.size() == 1);
  const Explanation& x = known.explanations->front();
  REQUIRE(x.condition().has_value());
  // d28 and its body's two uses of d27, the first expanded, down to d0:
  // two nodes a link, and d0's comparison.
  CHECK(node_count(*x.condition()) <= 2 * 28 + 4);
  CHECK(x.facts().size() == 1);
}

TEST_CASE("granted() reused down a chain of 30 benefits needs the one fact once") {
  auto p = compile_string(doubled_grants(30));
  auto unknown = evaluate(p, mother_unknown_age, "2026-11-23", true);
  REQUIRE(unknown.undetermined.size() == 31);
  for (const auto& u : unknown.undetermined) CHECK(u.needs == std::vector<std::string_view>{"mother.birth_date"});
  auto known = evaluate(p, mother_aged_66, "2026-11-23", true);
  CHECK(known.entitlements.size() == 31);
}
