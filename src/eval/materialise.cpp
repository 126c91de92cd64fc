// Decisions by index → the public Evaluation, which borrows its strings.
//
// Every string here is fixed per policy (titles, cites, quotes, payer names,
// recipient names, fact paths: compiled once, in CompiledPolicy and Schema)
// and is borrowed (a string_view into the compiled policy, which the
// Evaluation keeps alive: fuzhu/result.hpp), never copied or formatted; each
// vector is sized before it is filled.
#include "eval/materialise.hpp"

#include <algorithm>

namespace fuzhu::detail {

namespace {

// Recipients by root index. Schema::recipient_name keeps the household's
// name in a function-local static, checked on every call: it is asked once
// an evaluation, the roots' names are read directly.
class RecipientNames {
 public:
  explicit RecipientNames(const Schema& schema) : roots_(schema.roots), household_(schema.recipient_name(-1)) {}
  std::string_view operator()(int root) const {
    return root < 0 ? household_ : std::string_view(roots_[static_cast<std::size_t>(root)].name);
  }

 private:
  const std::vector<RootInfo>& roots_;
  std::string_view household_;
};

void fill_entitlement(const CompiledPolicy& policy, const Decisions& d, const RecipientNames& names,
                      const Decisions::Granted& row, Entitlement& e) {
  const CompiledBenefit& b = policy.benefits[static_cast<std::size_t>(row.benefit)];
  e.benefit = b.id;
  e.title = b.title;
  e.recipient = names(row.recipient);
  e.period = b.period;
  if (row.fen) e.amount = Money{*row.fen};
  e.minimum = b.minimum;
  e.discretionary = b.discretionary;
  e.in_kind = b.in_kind;
  e.cite = b.cite;
  e.quote = b.quote;
  e.grants = b.grants;
  e.paid_to = b.paid_to;
  e.payers_undetermined = row.split_undetermined;
  // Most rows have neither: not even a reserve(0) for them.
  if (row.split_need_count != 0) {
    e.payers_needs.reserve(row.split_need_count);
    for (std::uint32_t i = row.first_split_need; i < row.first_split_need + row.split_need_count; ++i)
      e.payers_needs.push_back(policy.schema->path_of(d.needs[i]));
  }
  if (row.payer_count != 0) {
    e.payers.reserve(row.payer_count);
    for (std::uint32_t i = row.first_payer; i < row.first_payer + row.payer_count; ++i) {
      const Decisions::PayerShare& share = d.payers[i];
      Payer& payer = e.payers.emplace_back();
      payer.name = b.payers[static_cast<std::size_t>(share.payer)].name;
      if (share.fen) payer.amount = Money{*share.fen};
    }
  }
}

// One row per undetermined benefit, its recipients and needed facts merged.
// A benefit's rows are adjacent in d.undetermined (each benefit is decided
// once, all its recipients together) and `p` is the first of them when the
// row is started (`started` is the benefit of the last row started, -1 at
// first): its vectors are sized for them all, one allocation each.
void add_undetermined(const CompiledPolicy& policy, const Decisions& d, const RecipientNames& names,
                      const Decisions::Undetermined& p, int& started, Evaluation& out) {
  if (p.benefit != started) {
    started = p.benefit;
    const CompiledBenefit& b = policy.benefits[static_cast<std::size_t>(p.benefit)];
    Undetermined& u = out.undetermined.emplace_back();
    u.benefit = b.id;
    u.title = b.title;
    u.cite = b.cite;
    std::size_t recipients = 0, needs = 0;
    for (const Decisions::Undetermined* q = &p; q != d.undetermined.data() + d.undetermined.size() && q->benefit == p.benefit; ++q) {
      ++recipients;
      needs += q->need_count;
    }
    u.recipients.reserve(recipients);
    if (needs != 0) u.needs.reserve(needs);
  }
  Undetermined& u = out.undetermined.back();
  u.recipients.push_back(names(p.recipient));
  for (std::uint32_t i = p.first_need; i < p.first_need + p.need_count; ++i) {
    // A fact's path is one string of the schema: the same fact, the same
    // characters, so comparing where they are is comparing the facts.
    const std::string& path = policy.schema->path_of(d.needs[i]);
    if (std::none_of(u.needs.begin(), u.needs.end(), [&](std::string_view seen) { return seen.data() == path.data(); }))
      u.needs.push_back(path);
  }
  if (u.reason.empty()) u.reason = p.reason;
}

// Calls `each` on the items in the policy's source order. The decisions come
// in evaluation order, which differs only when granted() moved a benefit
// earlier: only then is there anything to sort.
template <typename T, typename Key, typename Each>
void in_source_order(const std::vector<T>& items, bool already, Key key, Each each) {
  if (already) {
    for (const T& item : items) each(item);
    return;
  }
  std::vector<const T*> sorted;
  sorted.reserve(items.size());
  for (const T& item : items) sorted.push_back(&item);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
  for (const T* item : sorted) each(*item);
}

// The number of distinct benefits among undetermined rows (a benefit's rows
// are adjacent: each benefit is decided once, all its recipients together).
std::size_t undetermined_benefits(const Decisions& d) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < d.undetermined.size(); ++i)
    if (i == 0 || d.undetermined[i].benefit != d.undetermined[i - 1].benefit) ++count;
  return count;
}

// Explanations come in evaluation order, like the decisions: into source
// order when granted() moved a benefit earlier.
void explanations_in_source_order(const CompiledPolicy& policy, Evaluation& out) {
  if (!out.explanations || policy.order_is_source) return;
  auto rank = [&](const Explanation& x) {
    auto it = std::lower_bound(policy.rank_of_id.begin(), policy.rank_of_id.end(), x.benefit,
                               [](const auto& entry, std::string_view key) { return entry.first < key; });
    return it == policy.rank_of_id.end() ? -1 : it->second;
  };
  std::stable_sort(out.explanations->begin(), out.explanations->end(),
                   [&](const Explanation& a, const Explanation& b) { return rank(a) < rank(b); });
}

}  // namespace

void materialise(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const Decisions& d,
                 Evaluation& out) {
  out.policy = policy.info.title;
  out.document = policy.info.document;
  out.status = policy.info.status;
  out.as_of = as_of;
  if (!facts.warnings.empty()) out.warnings = facts.warnings;  // most families have none: not even an assignment
  out.in_force = d.in_force;
  out.in_force_from = policy.info.in_force_from;
  out.in_force_to = policy.info.in_force_to;
  out.in_jurisdiction = d.in_jurisdiction;
  explanations_in_source_order(policy, out);
  if (d.granted.empty() && d.undetermined.empty() && d.not_granted.empty()) return;  // not in force, or elsewhere
  const bool ordered = policy.order_is_source;
  const RecipientNames names(*policy.schema);
  out.entitlements.reserve(d.granted.size());
  in_source_order(d.granted, ordered, [](const auto& r) { return r.benefit; },
                  [&](const Decisions::Granted& row) { fill_entitlement(policy, d, names, row, out.entitlements.emplace_back()); });
  out.undetermined.reserve(undetermined_benefits(d));
  int started = -1;
  in_source_order(d.undetermined, ordered, [](const auto& x) { return x.benefit; },
                  [&](const Decisions::Undetermined& p) { add_undetermined(policy, d, names, p, started, out); });
  out.not_granted.reserve(d.not_granted.size());
  in_source_order(d.not_granted, ordered, [](int i) { return i; },
                  [&](int index) { out.not_granted.push_back(policy.benefits[static_cast<std::size_t>(index)].id); });
}

}  // namespace fuzhu::detail
