// What every engine of the benchmarks reports for a set of families, so that
// fuzhu, the hand-written C++ and Lua 5.4 can be checked identical: for each
// benefit of the policy, in the policy's source order, how many families and
// recipient rows were granted it, the fen of those rows, and how many
// families it was undetermined for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct BenefitSum {
  std::uint64_t families = 0;      // families granted it (at least one row)
  std::uint64_t recipients = 0;    // granted rows: a parent, the child, the household
  std::int64_t fen = 0;            // the amounts of those rows (a service: 0)
  std::uint64_t undetermined = 0;  // families with at least one undetermined row for it
  friend bool operator==(const BenefitSum&, const BenefitSum&) = default;
};

/// One entry per benefit, indexed like the policy's benefits in source order.
using PolicySums = std::vector<BenefitSum>;

inline void add_sums(PolicySums& into, const PolicySums& more) {
  if (into.size() < more.size()) into.resize(more.size());
  for (std::size_t i = 0; i < more.size(); ++i) {
    into[i].families += more[i].families;
    into[i].recipients += more[i].recipients;
    into[i].fen += more[i].fen;
    into[i].undetermined += more[i].undetermined;
  }
}

}  // namespace bench
