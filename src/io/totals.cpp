// Totals per period and kind of amount, overflow-checked like every other
// sum of money.
#include "fuzhu/result.hpp"

namespace fuzhu {

std::optional<Money> total(const Evaluation& evaluation, Period period, AmountKind kind) {
  Money sum{0};
  for (const auto& e : evaluation.entitlements)
    if (e.period == period && e.amount && e.kind() == kind && __builtin_add_overflow(sum.fen, e.amount->fen, &sum.fen))
      return std::nullopt;
  return sum;
}

const char* to_string(AmountKind kind) {
  switch (kind) {
    case AmountKind::cash: return "cash";
    case AmountKind::in_kind: return "in_kind";
    case AmountKind::minimum: return "minimum";
    case AmountKind::discretionary: return "discretionary";
  }
  return "";
}

}  // namespace fuzhu
