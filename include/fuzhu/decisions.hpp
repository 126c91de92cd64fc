// fuzhu — deciding many families fast: the same decisions as
// Policy::evaluate, by index, without building a string.
//
//   fuzhu::Decider decider(policy);            // one per thread
//   for (const fuzhu::Facts& family : families)
//     if (decider.decide(family, as_of))
//       for (const auto& row : decider.decisions().granted)
//         total += row.fen.value_or(0);        // policy.benefit_id(row.benefit) names it
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzhu/diagnostic.hpp"
#include "fuzhu/export.hpp"
#include "fuzhu/facts.hpp"
#include "fuzhu/policy.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

/// What one evaluation decided. Benefits, recipients, payers and facts are
/// indices; Policy names them (benefit_id, recipient_name, payer_name,
/// fact_path). Rows come in evaluation order, which is the policy's source
/// order unless a benefit depends on another (`granted(...)`).
struct FUZHU_API Decisions {
  struct Granted {
    int benefit;                      // Policy::benefit_id(benefit)
    int recipient;                    // Policy::recipient_name(recipient); -1: the household
    std::optional<std::int64_t> fen;  // the amount; none for a service or a document without a figure
    std::uint32_t first_payer, payer_count;  // into payers
    /// Who pays depends on a fact the family did not give: no payers are
    /// listed (never a partial split), and the facts are in needs.
    bool split_undetermined = false;
    std::uint32_t first_split_need = 0, split_need_count = 0;  // into needs
  };
  struct PayerShare {
    int payer;                        // Policy::payer_name(benefit, payer)
    std::optional<std::int64_t> fen;  // its share, when the policy splits the amount; the shares add up to it
  };
  struct Undetermined {               // one benefit, one recipient
    int benefit;
    int recipient;
    std::uint32_t first_need, need_count;  // into needs
    std::string reason;               // empty when the missing facts are the reason
  };

  bool in_force = false;
  std::optional<bool> in_jurisdiction;  // none: the region is unknown
  std::vector<Granted> granted;
  std::vector<PayerShare> payers;
  std::vector<Undetermined> undetermined;
  std::vector<int> needs;               // Policy::fact_path(need); each row's in slot order, the schema's order of facts
  std::vector<int> not_granted;         // benefits granted to no one

  /// Empties every list, keeping its storage for the next family.
  void clear();
};

/// Decides families one after another for one policy, reusing its memory:
/// once warm it allocates nothing per family. Not shared between threads:
/// give each thread its own (the Policy itself is shared).
class FUZHU_API Decider {
 public:
  explicit Decider(Policy policy, const EvalOptions& options = {});
  ~Decider();
  Decider(Decider&&) noexcept;
  Decider& operator=(Decider&&) noexcept;

  /// Decides one family on `as_of`. False when the facts are impossible on
  /// that date or an amount cannot be computed: errors() says why.
  /// (EvalOptions::explain is ignored here: use Policy::evaluate to explain.)
  [[nodiscard]] bool decide(const Facts& facts, const Date& as_of);

  /// The last family's decisions (valid until the next decide).
  const Decisions& decisions() const { return decisions_; }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const Policy& policy() const { return policy_; }

 private:
  struct Memory;
  Policy policy_;
  EvalOptions options_;
  Decisions decisions_;
  std::vector<Diagnostic> errors_;
  std::unique_ptr<Memory> memory_;
};

}  // namespace fuzhu
