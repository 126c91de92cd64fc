// Evaluation: a compiled policy, one family's facts, one date → entitlements.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compile/policy.hpp"
#include "eval/jurisdiction.hpp"
#include "eval/kleene.hpp"
#include "eval/payers.hpp"
#include "fuzhu/decisions.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

class ExplanationRows;

using fuzhu::Decisions;

/// What one thread reuses from family to family: once grown, evaluating
/// allocates nothing. fit() it to the policy before evaluating.
struct Scratch {
  void fit(const CompiledPolicy& policy);

  struct Outcome {                       // one benefit, one recipient
    Tri granted = Tri::false_;
    std::uint32_t first_need = 0, need_count = 0;  // into outcome_needs
  };
  std::vector<std::uint8_t> definition_done;
  std::vector<Value> definition_value;
  std::vector<std::uint32_t> definition_first_need, definition_need_count;  // into definition_needs
  std::vector<int> definition_needs;
  std::vector<std::string> definition_reason;  // the reason a definition gave, if any
  std::vector<Outcome> outcomes;         // [benefit * (roots + 1)]: the household, then each root
  std::vector<int> outcome_needs;
  std::vector<std::int32_t> age_today;   // by root: full years on the evaluation date, -1 not yet known
  std::vector<int> needs;                // the facts the current expression lacks, a stack
  std::string reason, base_reason;
  RegionAnswers regions;
  // Splitting one row among its payers (eval/payers.hpp).
  std::vector<std::size_t> active_payers;
  std::vector<ShareOf> shares;
  std::vector<std::int64_t> share_fen;
};

/// Evaluates without building strings, in `scratch` fitted to the policy;
/// throws EvalError on an arithmetic error. The caller checks the facts
/// first (check_facts). With `rows`, explains each benefit into them: this
/// tree walker is the reference the flat evaluator's explanations match.
void decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
            Scratch& scratch, Decisions& out, ExplanationRows* rows = nullptr);

class MemoryPool;

/// Decides (or explains) and materialises; deciding works in memory taken
/// from `memory`, the pool of this policy (eval/memory_pool.hpp).
EvalResult evaluate(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of,
                    const EvalOptions& options, MemoryPool& memory);

/// Facts this policy cannot evaluate on this date: read for another facts
/// schema, a birth after the date, or a person's death, assessment or injury
/// dated before their birth.
std::vector<Diagnostic> check_facts(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of);

}  // namespace fuzhu::detail
