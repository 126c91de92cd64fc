// The rows of an explained evaluation: one per benefit and possible
// recipient, each with what decided it and the steps of the family's trace
// that hold its condition, `where` and amount (built into trees only when
// asked for, explain.hpp). Both evaluators (the tree walker of evaluate.cpp
// and the flat one of flat_eval.cpp) write their explanations through this,
// so that they explain alike.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eval/explain.hpp"
#include "eval/kleene.hpp"

namespace fuzhu::detail {

/// An explained evaluation's rows and the trace they are built from.
struct Explained {
  std::vector<Explanation> rows;
  std::shared_ptr<const ExplainTrace> trace;  // keep it while the rows are read
};

class ExplanationRows {
 public:
  ExplanationRows(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, Lang lang);

  /// The rows written, in evaluation order, once the evaluation is done.
  Explained finish();

  Tracer& tracer() { return tracer_; }

  /// Starts recording a top-level expression (a condition, a `where`, an amount).
  void begin() { tracer_.begin(); }
  /// The benefit's condition was evaluated since begin(); no recipient's `where` yet.
  void took_condition();
  /// The current recipient's `where` was evaluated since begin().
  void took_where() { where_ = tracer_.take(); }
  /// The amount: none evaluated yet, or evaluated since begin().
  void no_amount() { amount_ = -1; }
  void took_amount() { amount_ = tracer_.take(); }

  /// Adds why `b` is or is not granted to `root` (-1: the household), from
  /// what was taken last (the `where` and amount go to this row, the
  /// condition to every row of the benefit); undetermined rows name `needs`
  /// and `reason`.
  void row(const CompiledBenefit& b, int root, Tri granted, const std::vector<int>& needs, const std::string& reason,
           Tri jurisdiction);
  /// A recipient the benefit cannot go to: absent, or living where it is for
  /// a parent who died. Its row shows the benefit's condition only.
  void not_a_recipient(const CompiledBenefit& b, int root);
  /// Outside its window or its jurisdiction a policy grants nothing: every
  /// benefit, every recipient, for that one reason.
  void unreached(bool in_force);

 private:
  const CompiledPolicy& p_;
  const Schema& s_;
  const FactsData& f_;
  Date today_;
  Lang lang_;
  const std::vector<Explanation>& heads_;  // the policy's rows, in lang_ (CompiledPolicy::explanation_rows)
  std::vector<Explanation> rows_;
  std::shared_ptr<ExplainTrace> trace_;
  Tracer tracer_;
  int when_ = -1, where_ = -1, amount_ = -1;  // the steps taken last (-1: none)
  std::string_view unknown_region_;  // the reason of a row the region leaves undetermined, once written
  std::vector<std::string_view> left_out_;  // by root, twice (absent; not a parent who died): why, once written

  Explanation& write(const CompiledBenefit& b, int root, Tri granted, std::string_view reason);
  std::size_t head_of(const CompiledBenefit& b, int root) const;
  std::string not_died(int root) const;
  std::string absence(int root) const;
};

}  // namespace fuzhu::detail
