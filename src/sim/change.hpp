// What a change of policy does to each family (`simulate --baseline`): the
// two versions' decisions for one family compared, tallied as families
// gaining, losing and unchanged, the distribution of the change, and the
// change benefit by benefit. Every sum is exact (int64 fen, overflow-
// checked) and independent of the order families arrive in.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "compile/policy.hpp"
#include "fuzhu/decisions.hpp"
#include "sim/tally.hpp"

namespace fuzhu::sim {

/// The benefits of both versions, matched by catalog id: the new version's
/// in its order, then those only the baseline has.
struct BenefitUnion {
  struct Entry {
    std::string id, title, cite, quote;
    AmountKind kind = AmountKind::cash;  // the new version's (the baseline's for a removed benefit)
    int now = -1, then = -1;             // index in each version, -1 when absent
  };
  std::vector<Entry> benefits;
  std::vector<int> of_now, of_then;      // benefit index in each version → union index
  std::vector<int> recipient_of_now, recipient_of_then;  // root index → union recipient bit
  static BenefitUnion of(const detail::CompiledPolicy& now, const detail::CompiledPolicy& then);
};

/// The buckets of a family's change in a year's cash (12 × per month + per
/// year, in fen): losing 10000 元 or more, 1000–9999.99, 100–999.99,
/// 0.01–99.99; unchanged; gaining 0.01–99.99, ... 10000 or more.
inline constexpr std::size_t change_buckets = 9;
/// The bucket a change in fen falls in: 0 (the largest loss) to 8.
std::size_t bucket_of(std::int64_t fen);
/// "-10000 or more", "-1000 to -9999.99", ..., "0", ..., "+10000 or more".
const char* bucket_label(std::size_t bucket);

struct BenefitChange {
  Amounts before, after;            // summed over the families, by period
  std::uint64_t families_changed = 0;  // its rows for the family differ (who, how much, undetermined)
  std::uint64_t families_more = 0, families_less = 0;  // its year value (12 × month + year) rose, fell
};

class ChangeTally {
 public:
  /// One family's decisions by both versions.
  void add(const Decisions& now, const Decisions& then, const BenefitUnion& names,
           const detail::CompiledPolicy& now_policy, const detail::CompiledPolicy& then_policy);
  void merge(const ChangeTally& other);

  std::uint64_t gaining = 0, losing = 0, unchanged = 0;  // by a year's cash
  std::uint64_t unchanged_but_other = 0;  // unchanged a year's cash, but another amount, a service or a verdict changed
  std::array<std::uint64_t, change_buckets> buckets{};
  std::int64_t largest_gain = 0, largest_loss = 0;  // fen a year (the loss ≤ 0)
  std::int64_t sum = 0;                              // fen a year, every family: the difference of the totals
  bool overflow = false;
  std::vector<BenefitChange> benefits;               // by union index

 private:
  // One family's rows of one version, by union benefit; scratch.
  struct Side {
    std::vector<Amounts> amounts;
    std::vector<std::uint64_t> granted_to, undetermined_for;  // recipient bits
    std::array<Amounts, 4> kinds;                               // by AmountKind
  };
  Side now_, then_;
  std::vector<int> touched_;  // union indices a version gave rows for this family

  void collect(const Decisions& d, const std::vector<int>& of, const std::vector<int>& recipient_of,
               const detail::CompiledPolicy& policy, Side& side);
  void reset(Side& side);
  void add_fen(std::int64_t& sum, std::int64_t fen);
  std::int64_t year_of(const Amounts& a);
};

}  // namespace fuzhu::sim
