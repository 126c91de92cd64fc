// fuzhu (扶助) — an embeddable interpreter for welfare-policy scripts.
//
//   auto compiled = fuzhu::Policy::compile_file("policies/yiyang.policy");
//   if (!compiled.ok()) { std::cerr << fuzhu::render_all(compiled.diagnostics); }
//   auto facts = compiled.policy->read_facts(json_text);
//   auto result = compiled.policy->evaluate(*facts.facts, fuzhu::Date::today());
//   std::cout << fuzhu::to_json(*result.evaluation);
#pragma once

#include "fuzhu/decisions.hpp"
#include "fuzhu/diagnostic.hpp"
#include "fuzhu/facts.hpp"
#include "fuzhu/policy.hpp"
#include "fuzhu/result.hpp"
#include "fuzhu/schema.hpp"
#include "fuzhu/value.hpp"
#include "fuzhu/version.hpp"
