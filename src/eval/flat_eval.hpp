// The fast evaluator: decides a family over the policy's flat code
// (compile/flatten.hpp), working out each shared subexpression once. It must
// decide exactly as the tree walker of evaluate.cpp, the reference: same
// rows, amounts, payers, needed facts (in slot order) and reasons, and
// when explaining the same explanations, node by node;
// tests/unit/test_flat_eval.cpp and fuzz/fuzz_flat.cpp hold it to that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compile/flatten.hpp"
#include "eval/evaluate.hpp"
#include "eval/need_set.hpp"

namespace fuzhu::detail {

class ExplanationRows;

/// One thread's memory for the flat evaluator; fit() it to the policy.
/// Entries stamped with a family number are valid while that family is the
/// current one, so that a new family clears nothing.
struct FlatScratch {
  void fit(const CompiledPolicy& policy);

  /// A value worked out once a family: a shared subexpression or a definition.
  struct Kept {
    std::uint32_t family = 0;   // valid when the current family's
    std::int32_t reason = -1;   // into reasons: the reason it gave, if any
    Value value;
    NeedSet needs;
  };
  struct Outcome {              // one benefit, one recipient, for granted(...)
    Tri granted = Tri::false_;
    NeedSet needs;
  };

  /// The evaluation date as day numbers, worked out again only when it
  /// changes (a population is decided on one date).
  struct Today {
    Date date{0, 0, 0};
    std::int64_t days = 0;
    std::int64_t year_first = 0, year_after = 0;  // its year: [1 January, next 1 January)
  };
  const Today& today(const Date& as_of) {
    if (today_.date.day != as_of.day || today_.date.month != as_of.month || today_.date.year != as_of.year)
      see_today(as_of);
    return today_;
  }
  void see_today(const Date& as_of);

  /// Whether a region lies in the jurisdiction, remembered by the region's
  /// length and its first and last eight bytes: a population repeats a
  /// handful of regions, and a look-up costs less than searching for units.
  /// Held in place (no allocation, nothing to destroy), so a region longer
  /// than `bytes` is searched every time.
  /// Only a scratch that decides many families remembers (Decider sets
  /// remember_regions): a fresh one would only fill the table.
  struct RegionAnswer {
    char bytes[45] = {};
    std::uint8_t size = 0;
    bool in = false, used = false;
  };
  bool in_jurisdiction(const FlatCode& code, std::string_view region);

  Today today_;
  bool remember_regions = false;
  static constexpr int region_bits = 7;
  std::vector<RegionAnswer> regions;
  std::uint32_t family = 0;
  std::vector<Kept> memo;              // by FlatNode::memo
  std::vector<Kept> definitions;       // by definition
  std::vector<Outcome> outcomes;       // [benefit * (roots + 1)]: the household, then each root
  std::vector<std::int32_t> age_today; // by root: full years on the evaluation date, -1 not yet known
  std::vector<std::string> reasons;    // the family's reasons; the first reason_count are current
  std::size_t reason_count = 0;
  // Splitting one row among its payers (eval/payers.hpp).
  std::vector<std::size_t> active_payers;
  std::vector<ShareOf> shares;
  std::vector<std::int64_t> share_fen;
  Scratch tree;  // for a schema of more than NeedSet::max_slots facts, decided by the tree walker
};

/// Whether check_facts would find nothing wrong with these facts on this
/// date, without building its diagnostics: the per-family test of Decider,
/// which calls check_facts only to say what is wrong.
bool flat_facts_possible(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, FlatScratch& scratch);

/// decide() of evaluate.hpp over the flat code; the same contract, and
/// with `rows` the same explanations.
void flat_decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                 FlatScratch& scratch, Decisions& out, ExplanationRows* rows = nullptr);

}  // namespace fuzhu::detail
