// The fast evaluator: decides a family over the policy's flat code
// (compile/flatten.hpp), working out each shared subexpression once. It must
// decide exactly as the tree walker of evaluate.cpp, the reference: same
// rows, amounts, payers, needed facts (in the same order) and reasons;
// tests/unit/test_flat_eval.cpp and fuzz/fuzz_flat.cpp hold it to that.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compile/flatten.hpp"
#include "eval/evaluate.hpp"

namespace fuzhu::detail {

/// One thread's memory for the flat evaluator; fit() it to the policy.
struct FlatScratch {
  void fit(const CompiledPolicy& policy);

  Scratch tree;  // what both evaluators keep: definitions, outcomes, ages, needs, payers
  // The family memo, by FlatNode::memo: an entry is valid when its family
  // is the current one, so that a new family clears nothing.
  std::uint32_t family = 0;
  std::vector<std::uint32_t> memo_family;
  std::vector<Value> memo_value;
  std::vector<std::uint32_t> memo_first_need, memo_need_count;  // into memo_needs
  std::vector<int> memo_needs;
  std::vector<std::string> memo_reason;  // the reason the node gave, if any
};

/// decide() of evaluate.hpp over the flat code; the same contract.
void flat_decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                 FlatScratch& scratch, Decisions& out);

}  // namespace fuzhu::detail
