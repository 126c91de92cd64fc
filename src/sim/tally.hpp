// What a population costs: the running sums of one thread, merged at the
// end. Every sum is exact (int64 fen, overflow-checked) and independent of
// the order families arrive in, so any number of threads gives one answer.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "compile/policy.hpp"
#include "fuzhu/decisions.hpp"
#include "fuzhu/result.hpp"

namespace fuzhu::sim {

/// Fen by period: [monthly, yearly, once].
struct Amounts {
  std::array<std::int64_t, 3> fen{0, 0, 0};
};

/// Amounts by kind, indexed by AmountKind: [cash, in kind, minimum,
/// discretionary]. The kinds are never added together.
struct KindAmounts {
  std::array<Amounts, 4> kind;
  Amounts& operator[](AmountKind k) { return kind[static_cast<std::size_t>(k)]; }
  const Amounts& operator[](AmountKind k) const { return kind[static_cast<std::size_t>(k)]; }
};

struct BenefitTotals {
  std::string title;
  AmountKind kind = AmountKind::cash;  // the kind of every amount of this benefit
  std::uint64_t families = 0;    // families granted it
  std::uint64_t recipients = 0;  // entitlement rows: a parent, a child, a household
  std::uint64_t payers_undetermined = 0;  // rows whose payers depend on a missing fact
  Amounts amounts;
};

struct UndeterminedTotals {
  std::string title;
  std::uint64_t families = 0;
  std::map<std::string, std::uint64_t> needs;  // fact path → families needing it
};

struct Rejected {
  std::uint64_t line = 0;
  std::string reason;
  std::string path;  // the fact, or unknown record or field, it is about; "" for the whole line
  std::string code;  // the diagnostic code (docs/diagnostics.md)
};

class Tally {
 public:
  /// How many rejected lines are kept with their reason (the first ones).
  static constexpr std::size_t kept_rejections = 100;

  /// One family's decisions, tallied by index without a string.
  /// Call resolve_names(policy) before merging or reporting.
  void add(const Decisions& decisions, const detail::CompiledPolicy& policy);
  void resolve_names(const detail::CompiledPolicy& policy);
  void reject(std::uint64_t line, std::string reason, std::string path = {}, std::string code = {});
  void merge(const Tally& other);

  std::uint64_t families = 0;        // evaluated
  std::uint64_t granted = 0;         // granted anything
  std::uint64_t with_undetermined = 0;
  std::uint64_t rejected_lines = 0;
  bool overflow = false;             // a sum left int64: the totals are void
  KindAmounts total;
  std::map<std::string, BenefitTotals> benefits;   // by benefit id
  std::map<std::string, KindAmounts> payers;       // by payer name
  std::map<std::string, UndeterminedTotals> undetermined;
  std::vector<Rejected> rejected;    // the first kept_rejections, by line

 private:
  void add_fen(std::int64_t& sum, std::int64_t fen);
  void add_amounts(Amounts& sum, const Amounts& more);
  void add_kinds(KindAmounts& sum, const KindAmounts& more);
  void keep_first_rejections();

  // Index tallies of add(Decisions): [benefit], [benefit][payer], [benefit][slot].
  struct IndexedBenefit {
    std::uint64_t families = 0, recipients = 0, payers_undetermined = 0;
    Amounts amounts;
    std::vector<Amounts> payers;
    std::vector<char> payer_seen;  // a payer with an amount, even 0
    std::uint64_t undetermined_families = 0;
    std::vector<std::uint64_t> needs;
  };
  std::vector<IndexedBenefit> indexed_;
  std::vector<int> seen_needs_;  // scratch: slots already counted for one benefit of one family
};

}  // namespace fuzhu::sim
