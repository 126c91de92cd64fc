// Evaluation: a compiled policy, one family's facts, one date → entitlements.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compile/compiled.hpp"
#include "eval/kleene.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

/// What an evaluation decided, by index: no strings are built, so that a
/// population run can tally millions of families. Rows come in evaluation
/// order; `materialise` turns them into the public Evaluation.
struct Decisions {
  struct Row {
    int benefit;                       // index into CompiledPolicy::benefits
    int root;                          // recipient root, -1 for the household
    std::optional<std::int64_t> fen;   // the amount, none when the document sets no figure
    std::uint32_t first_payer, payer_count;  // into payers
  };
  struct PayerShare {
    int payer;                         // index into the benefit's payers
    std::optional<std::int64_t> fen;
  };
  struct Pending {                     // an undetermined benefit for one recipient
    int benefit;
    int root;
    std::uint32_t first_need, need_count;  // into needs
    std::string reason;
  };

  bool in_force = false;
  Tri jurisdiction = Tri::unknown;
  std::vector<Row> rows;
  std::vector<PayerShare> payers;
  std::vector<Pending> pending;
  std::vector<int> needs;              // fact slots
  std::vector<int> not_granted;        // benefit indices

  void clear();  // keeps the vectors' storage for the next family
};

/// Evaluates without building strings; throws EvalError on an arithmetic
/// error. The caller checks the facts' dates first (check_dates).
void decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
            Decisions& out);

/// The public result for decisions; `explained` may already hold explanations.
Evaluation materialise(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const Decisions& d,
                       Evaluation explained);

EvalResult evaluate(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of,
                    const EvalOptions& options);

/// Facts that cannot be true on the evaluation date (a birth after it).
std::vector<Diagnostic> check_dates(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of);

}  // namespace fuzhu::detail
