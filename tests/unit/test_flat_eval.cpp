// The flat evaluator against the tree walker, its reference: the five
// policies and the new-document policies on thousands of generated
// families, and the layout of flat code on a small policy.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "api/internal.hpp"
#include "fuzhu/fuzhu.hpp"
#include "tests/support/evaluators_agree.hpp"
#include "tests/support/random_family.hpp"

namespace {

namespace fs = std::filesystem;
using fuzhu::Date;

std::vector<fs::path> policy_files() {
  std::vector<fs::path> files;
  for (const char* dir : {"policies", "tests/documents"})
    for (const auto& entry : fs::directory_iterator(fs::path(FUZHU_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".policy") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

fuzhu::Policy compile_file(const fs::path& file) {
  fuzhu::CompileOptions options;
  options.include_dirs = {FUZHU_SOURCE_DIR "/policies"};  // the documents' policies use its facts.schema
  auto compiled = fuzhu::Policy::compile_file(file, options);
  INFO(fuzhu::render_all(compiled.diagnostics));
  REQUIRE(compiled.ok());
  return *compiled.policy;
}

struct Tally {
  int families = 0, granted = 0, undetermined = 0, errors = 0;
};

// Both evaluators over `count` generated families, on two dates, with and
// without assuming the jurisdiction; memory reused throughout, as a Decider
// reuses it.
Tally compare(const fuzhu::detail::CompiledPolicy& policy, int count) {
  using namespace fuzhu::detail;
  Scratch tree;
  tree.fit(policy);
  FlatScratch flat;
  flat.fit(policy);
  fuzhu::testing::RandomFamilies families(policy.schema, policy.info.jurisdiction, 20261201);
  Tally tally;
  for (int i = 0; i < count; ++i) {
    for (const Date& as_of : {Date{2026, 11, 23}, Date{2024, 6, 1}}) {
      const FactsData facts = families.next(as_of);
      const bool possible = check_facts(policy, facts, as_of).empty();
      REQUIRE(flat_facts_possible(policy, facts, as_of, flat) == possible);  // Decider's fast test
      if (!possible) continue;
      ++tally.families;
      for (bool assume : {false, true}) {
        fuzhu::EvalOptions options;
        options.assume_in_jurisdiction = assume;
        const std::string differ = fuzhu::testing::evaluators_differ(policy, facts, as_of, options, tree, flat);
        INFO("family ", i, " on ", as_of.to_string(), assume ? ", jurisdiction assumed" : "");
        REQUIRE(differ == "");
        Decisions d;
        try {
          flat_decide(policy, facts, as_of, options, flat, d);
        } catch (const EvalError&) {
          ++tally.errors;
        }
        // Each row's needed facts in slot order, once each (the order both evaluators give).
        for (const auto& u : d.undetermined) {
          const auto first = d.needs.begin() + u.first_need, last = first + u.need_count;
          REQUIRE(std::adjacent_find(first, last, std::greater_equal<int>()) == last);
        }
        tally.granted += static_cast<int>(d.granted.size());
        tally.undetermined += static_cast<int>(d.undetermined.size());
      }
    }
  }
  return tally;
}

}  // namespace

TEST_CASE("the flat evaluator decides every policy as the tree walker does, family by family") {
  for (const fs::path& file : policy_files()) {
    CAPTURE(file.string());
    const fuzhu::Policy policy = compile_file(file);
    const Tally tally = compare(fuzhu::detail::compiled_of(policy), 600);
    MESSAGE(file.filename().string(), ": ", tally.families, " families, ", tally.granted, " rows granted, ",
            tally.undetermined, " undetermined, ", tally.errors, " errors");
    // Not vacuous: most families are possible, and some get something while
    // others lack a fact.
    CHECK(tally.families > 600);
    CHECK(tally.granted > 50);
    CHECK(tally.undetermined > 50);
  }
}

TEST_CASE("the flat evaluator explains every policy as the tree walker does, node by node") {
  for (const fs::path& file : policy_files()) {
    CAPTURE(file.string());
    const fuzhu::Policy policy = compile_file(file);
    const auto& code = fuzhu::detail::compiled_of(policy);
    fuzhu::testing::RandomFamilies families(code.schema, code.info.jurisdiction, 20261202);
    int explained = 0, shown_parts = 0;
    for (int i = 0; i < 150; ++i) {
      const Date as_of = i % 2 ? Date{2026, 11, 23} : Date{2024, 6, 1};
      const fuzhu::detail::FactsData facts = families.next(as_of);
      if (!fuzhu::detail::check_facts(code, facts, as_of).empty()) continue;
      for (bool assume : {false, true})
        for (fuzhu::Lang lang : {fuzhu::Lang::zh, fuzhu::Lang::en}) {
          fuzhu::EvalOptions options;
          options.assume_in_jurisdiction = assume;
          options.lang = lang;
          INFO("family ", i, " on ", as_of.to_string(), assume ? ", jurisdiction assumed" : "");
          REQUIRE(fuzhu::testing::explanations_differ(code, facts, as_of, options) == "");
        }
      // Not vacuous: the explanations compared have conditions with parts.
      fuzhu::detail::FlatScratch flat;
      flat.fit(code);
      fuzhu::detail::ExplanationRows rows(code, facts, as_of, fuzhu::Lang::zh);
      fuzhu::detail::Decisions decisions;
      try {
        fuzhu::detail::flat_decide(code, facts, as_of, fuzhu::EvalOptions{}, flat, decisions, &rows);
      } catch (const fuzhu::detail::EvalError&) {
        continue;
      }
      ++explained;
      const fuzhu::detail::Explained done = rows.finish();
      for (const auto& x : done.rows)
        if (const auto condition = x.condition()) shown_parts += static_cast<int>(condition->parts.size());
    }
    CHECK(explained > 60);
    CHECK(shown_parts > explained);
  }
}

TEST_CASE("flat code stores a subexpression two benefits share once, and keeps it for the family") {
  fuzhu::CompileOptions options;
  options.include_dirs = {FUZHU_SOURCE_DIR "/policies"};
  auto r = fuzhu::Policy::compile_string(
      "use \"facts.schema\"\n"
      "policy \"测试\" {\n  document \"测试〔2026〕1号\"\n  in force from 2010-01-01\n  jurisdiction \"益阳市\"\n}\n"
      "benefit a \"A\" { when age(mother) >= 49 to mother monthly 100 元 }\n"
      "benefit b \"B\" { when age(mother) >= 49 and family.other_child to mother monthly 200 元 }\n",
      "test.policy", options);
  INFO(fuzhu::render_all(r.diagnostics));
  REQUIRE(r.ok());
  using fuzhu::detail::Op;
  const fuzhu::detail::FlatCode& flat = *fuzhu::detail::compiled_of(*r.policy).flat;
  // The second `age(mother) >= 49` is the first one's node.
  const int shared = flat.benefits[0].condition;
  CHECK(shared == flat.kid(flat.node(flat.benefits[1].condition), 0));
  const fuzhu::detail::FlatNode& at_least = flat.node(shared);
  REQUIRE(at_least.op == Op::ge);
  CHECK(flat.node(flat.kid(at_least, 1)).n == 49);
  int comparisons_with_49 = 0;
  for (const auto& n : flat.nodes)
    if (n.op == Op::ge && flat.node(flat.kid(n, 1)).op == Op::constant && flat.node(flat.kid(n, 1)).n == 49)
      ++comparisons_with_49;
  CHECK(comparisons_with_49 == 1);
  // Two places use the comparison: it is kept for the family. Its parts are
  // reached through it only, so they are not.
  CHECK(at_least.memo >= 0);
  CHECK(flat.node(flat.kid(at_least, 0)).memo == -1);
}
