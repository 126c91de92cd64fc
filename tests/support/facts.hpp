// Families for tests: facts read from JSON, a family known only by its
// registration in Yiyang, and the evaluation of a policy for a family. The
// test stops, showing the diagnostics, when facts or an evaluation that
// should succeed do not.
#pragma once

#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <fuzhu/fuzhu.hpp>

namespace fuzhu::testing {

/// The facts `json` holds for `policy`.
inline Facts facts_of(const Policy& policy, const std::string& json) {
  auto read = policy.read_facts(json);
  INFO(render_all(read.diagnostics));
  REQUIRE(read.ok());
  return *read.facts;
}

/// A family registered in 湖南省益阳市赫山区; every other fact unknown.
inline Facts yiyang_household(const Policy& policy) {
  Facts facts = policy.new_facts();
  CHECK_FALSE(facts.set("household.region", std::string_view("湖南省益阳市赫山区")));
  return facts;
}

/// What `policy` gives the family `json` on `as_of`.
inline Evaluation evaluated(const Policy& policy, const std::string& json, const Date& as_of,
                            const EvalOptions& options = {}) {
  Facts facts = facts_of(policy, json);
  auto r = policy.evaluate(facts, as_of, options);
  INFO(render_all(r.errors));
  REQUIRE(r.ok());
  return *r.evaluation;
}

}  // namespace fuzhu::testing
