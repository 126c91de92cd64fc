// The words both evaluators share (see reasons.hpp).
#include "eval/reasons.hpp"

#include <fmt/format.h>

#include "eval/arithmetic.hpp"
#include "eval/period.hpp"

namespace fuzhu::detail {

std::string no_figure_for(const Schema& schema, int slot, const Value& value) {
  if (value.tag == Tag::enumeration && slot >= 0)
    return fmt::format("the policy sets no figure for {} = {}", schema.path_of(slot),
                       schema.field_of(slot).enum_values[static_cast<std::size_t>(value.n)]);
  return fmt::format("the policy sets no figure for the value {}", value.n);
}

std::string no_tier_row_for(std::int64_t value) { return fmt::format("no row of the tier table covers {}", value); }

std::string no_figure_before(std::int64_t first_from_days) {
  return fmt::format("no figure is in force before {}", Date::from_days(first_from_days).to_string());
}

std::string no_age_for(const Schema& schema, const RootInfo& root) {
  return fmt::format("there is no {} in the facts, nor a {} whose age stands in", root.name,
                     schema.roots[static_cast<std::size_t>(root.age_else)].name);
}

std::int64_t checked_shift(std::int64_t date_days, std::int64_t duration, int sign, Loc at) {
  const Date from = Date::from_days(date_days);
  const Duration period = Duration::decode(duration);
  if (auto to = shift(from, period, sign)) return to->days_since_epoch();
  throw EvalError{at, fmt::format("{} {} {} is outside the calendar (years 1 to 9999)", from.to_string(), sign < 0 ? "-" : "+",
                                  period.to_string()),
                  Diag::date_out_of_calendar};
}

}  // namespace fuzhu::detail
