// The public result of an evaluation: the decisions (fuzhu/decisions.hpp),
// which name benefits, recipients and facts by index, turned into the
// Evaluation of fuzhu/result.hpp, which names them with strings.
#pragma once

#include "compile/policy.hpp"
#include "fuzhu/decisions.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

/// Fills `out`, a new Evaluation (which may already hold explanations), with
/// the public result for decisions.
void materialise(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const Decisions& d,
                 Evaluation& out);

}  // namespace fuzhu::detail
