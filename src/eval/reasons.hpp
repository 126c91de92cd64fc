// What both evaluators say when a figure cannot be worked out, in the same
// words: the reasons an undetermined row gives, and the error of date
// arithmetic that leaves the calendar. The differential tests require the
// tree walker and the flat evaluator to say them alike, word for word.
#pragma once

#include <cstdint>
#include <string>

#include "compile/code.hpp"
#include "compile/schema.hpp"
#include "syntax/source.hpp"

namespace fuzhu::detail {

/// The fact a match's subject reads itself (a fact, or a field of the
/// person considered), or -1; `Node` is a tree Code or a FlatNode.
template <typename Node>
int slot_read_by(const Schema& schema, const Node& subject, int person) {
  if (subject.op == Op::fact) return subject.index;
  if (subject.op == Op::person_field && person >= 0)
    return schema.roots[static_cast<std::size_t>(person)].first_slot + subject.index;
  return -1;
}

/// A match with no arm for `value`; `slot`: the fact it was read from
/// (-1: worked out), to name an enum's value as `child.status = living`.
std::string no_figure_for(const Schema& schema, int slot, const Value& value);
/// A tier table with no row for `value`.
std::string no_tier_row_for(std::int64_t value);
/// A schedule whose first row starts after the evaluation date.
std::string no_figure_before(std::int64_t first_from_days);
/// age(person) where neither the person nor the one whose age stands in
/// (role age_else) is in the facts.
std::string no_age_for(const Schema& schema, const RootInfo& root);

/// A date (a day number) plus (`sign` 1) or minus (-1) a duration (its
/// code), as a day number; a day outside the calendar is an error at `at`.
std::int64_t checked_shift(std::int64_t date_days, std::int64_t duration, int sign, Loc at);

}  // namespace fuzhu::detail
