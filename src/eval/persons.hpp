// Who of the family is there and who is living, as facts.md reads a
// person's `alive` and `status` facts. One reading, shared: both evaluators
// must decide alike who can receive a benefit (`to each parent` goes to the
// living, `to each parent who died` to the others).
#pragma once

#include <cstddef>

#include "compile/schema.hpp"

namespace fuzhu::detail {

/// The family has this person (root; -1, the household, is no person).
inline bool person_present(const FactsData& facts, int root) {
  return root >= 0 && facts.present[static_cast<std::size_t>(root)];
}

/// Present, and neither `alive = false` nor a status that means deceased.
inline bool person_living(const Schema& schema, const FactsData& facts, int root) {
  if (!person_present(facts, root)) return false;
  const RootInfo& r = schema.roots[static_cast<std::size_t>(root)];
  if (r.alive_slot >= 0) {
    const Value& alive = facts.slots[static_cast<std::size_t>(r.alive_slot)];
    if (alive.tag == Tag::boolean && !alive.n) return false;
  }
  if (r.status_slot >= 0) {
    const Value& status = facts.slots[static_cast<std::size_t>(r.status_slot)];
    if (status.tag == Tag::enumeration && status.n == r.deceased) return false;
  }
  return true;
}

/// Present and not living: a recipient of `to each parent who died`.
inline bool person_died(const Schema& schema, const FactsData& facts, int root) {
  return person_present(facts, root) && !person_living(schema, facts, root);
}

}  // namespace fuzhu::detail
