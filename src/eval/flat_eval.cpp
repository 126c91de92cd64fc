// The flat evaluator's memory (FlatScratch), the fast facts check, and the
// entry point that picks an evaluator: the evaluator itself is
// flat_evaluator.hpp, instantiated in flat_eval_plain.cpp and
// flat_eval_traced.cpp.
#include "eval/flat_eval.hpp"

#include <algorithm>
#include <cstring>

#include "eval/flat_evaluator.hpp"

namespace fuzhu::detail {

namespace {

// A schema of more facts than a need set holds is decided by the tree
// walker, which both evaluators agree with.
bool fits(const CompiledPolicy& policy) { return policy.schema->slot_count <= NeedSet::max_slots; }

}  // namespace

void FlatScratch::fit(const CompiledPolicy& policy) {
  if (!fits(policy)) {
    tree.fit(policy);
    return;
  }
  memo.assign(static_cast<std::size_t>(policy.flat->memo_count), Kept{});
  definitions.assign(policy.definitions.size(), Kept{});
  outcomes.assign(policy.benefits.size() * (policy.schema->roots.size() + 1), Outcome{});
  age_today.assign(policy.schema->roots.size(), -1);
  family = 0;
}

void FlatScratch::see_today(const Date& as_of) {
  today_.date = as_of;
  today_.days = as_of.days_since_epoch();
  today_.year_first = Date{as_of.year, 1, 1}.days_since_epoch();
  today_.year_after = Date{as_of.year + 1, 1, 1}.days_since_epoch();
}

bool FlatScratch::in_jurisdiction(const FlatCode& code, std::string_view region) {
  std::uint64_t head = 0, tail = 0;
  std::memcpy(&head, region.data(), std::min<std::size_t>(region.size(), 8));
  if (region.size() >= 8) std::memcpy(&tail, region.data() + region.size() - 8, 8);
  const std::uint64_t mixed = (head ^ (tail * 0x9E3779B97F4A7C15u) ^ region.size()) * 0xFF51AFD7ED558CCDu;
  if (regions.empty()) {
    if (!remember_regions) return code.region.contains(region);
    regions.resize(std::size_t{1} << region_bits);
  }
  RegionAnswer& answer = regions[static_cast<std::size_t>(mixed >> (64 - region_bits))];
  if (answer.used && std::string_view(answer.bytes, answer.size) == region) return answer.in;
  const bool in = code.region.contains(region);
  if (region.size() <= sizeof answer.bytes) {
    std::memcpy(answer.bytes, region.data(), region.size());
    answer.size = static_cast<std::uint8_t>(region.size());
    answer.in = in;
    answer.used = true;
  }
  return in;
}

bool flat_facts_possible(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, FlatScratch& scratch) {
  if (facts.schema != policy.schema && facts.schema->fingerprint != policy.schema->fingerprint) return false;
  const std::int64_t today = scratch.today(as_of).days;
  for (const FlatDatedFact& d : policy.flat->dated) {
    if (!facts.present[static_cast<std::size_t>(d.root)]) continue;
    const Value& date = facts.slots[static_cast<std::size_t>(d.slot)];
    if (!date.known()) continue;
    if (date.n > today) return false;
    if (d.birth_slot < 0) continue;
    const Value& birth = facts.slots[static_cast<std::size_t>(d.birth_slot)];
    if (birth.known() && date.n < birth.n) return false;
  }
  return true;
}

void flat_decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                 FlatScratch& scratch, Decisions& out, ExplanationRows* rows) {
  if (!fits(policy)) return decide(policy, facts, as_of, options, scratch.tree, out, rows);
  if (rows) return flat::run_traced(policy, facts, as_of, options, scratch, out, *rows);
  flat::run_plain(policy, facts, as_of, options, scratch, out);
}

}  // namespace fuzhu::detail
