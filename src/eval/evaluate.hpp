// Evaluation: a compiled policy, one family's facts, one date → entitlements.
#pragma once

#include "compile/compiled.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

EvalResult evaluate(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of,
                    const EvalOptions& options);

/// Facts that cannot be true on the evaluation date (a birth after it).
std::vector<Diagnostic> check_dates(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of);

}  // namespace fuzhu::detail
