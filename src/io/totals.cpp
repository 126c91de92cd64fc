// Totals per period, overflow-checked like every other sum of money.
#include "fuzhu/result.hpp"

namespace fuzhu {

std::optional<Money> total(const Evaluation& evaluation, Period period) {
  Money sum{0};
  for (const auto& e : evaluation.entitlements)
    if (e.period == period && e.amount && __builtin_add_overflow(sum.fen, e.amount->fen, &sum.fen)) return std::nullopt;
  return sum;
}

}  // namespace fuzhu
