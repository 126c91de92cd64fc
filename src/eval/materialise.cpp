// Decisions by index → the public Evaluation with its strings.
#include "eval/materialise.hpp"

#include <algorithm>

namespace fuzhu::detail {

namespace {

Entitlement entitlement(const CompiledPolicy& policy, const Decisions& d, const Decisions::Granted& row) {
  const CompiledBenefit& b = policy.benefits[static_cast<std::size_t>(row.benefit)];
  const CompiledBenefit& src = b;
  Entitlement e;
  e.benefit = src.id;
  e.title = src.title;
  e.recipient = policy.schema->recipient_name(row.recipient);
  e.period = src.period;
  if (row.fen) e.amount = Money{*row.fen};
  e.minimum = src.minimum;
  e.discretionary = src.discretionary;
  e.in_kind = src.in_kind;
  e.cite = src.cite;
  e.quote = src.quote;
  e.grants = src.grants;
  e.paid_to = src.paid_to;
  e.payers_undetermined = row.split_undetermined;
  for (std::uint32_t i = row.first_split_need; i < row.first_split_need + row.split_need_count; ++i)
    e.payers_needs.push_back(policy.schema->path_of(d.needs[i]));
  for (std::uint32_t i = row.first_payer; i < row.first_payer + row.payer_count; ++i) {
    const Decisions::PayerShare& share = d.payers[i];
    Payer payer{b.payers[static_cast<std::size_t>(share.payer)].name, std::nullopt};
    if (share.fen) payer.amount = Money{*share.fen};
    e.payers.push_back(std::move(payer));
  }
  return e;
}

// One row per undetermined benefit, its recipients and needed facts merged.
void add_undetermined(const CompiledPolicy& policy, const Decisions& d, const Decisions::Undetermined& p, Evaluation& out) {
  const CompiledBenefit& src = policy.benefits[static_cast<std::size_t>(p.benefit)];
  if (out.undetermined.empty() || out.undetermined.back().benefit != src.id) {
    Undetermined u;
    u.benefit = src.id;
    u.title = src.title;
    u.cite = src.cite;
    out.undetermined.push_back(std::move(u));
  }
  Undetermined& u = out.undetermined.back();
  u.recipients.push_back(policy.schema->recipient_name(p.recipient));
  for (std::uint32_t i = p.first_need; i < p.first_need + p.need_count; ++i) {
    const std::string& path = policy.schema->path_of(d.needs[i]);
    if (std::find(u.needs.begin(), u.needs.end(), path) == u.needs.end()) u.needs.push_back(path);
  }
  if (u.reason.empty()) u.reason = p.reason;
}

// Index order of the policy's source; the decisions come in evaluation order,
// which differs only when granted() moved a benefit earlier.
template <typename T, typename Key>
std::vector<const T*> in_source_order(const std::vector<T>& items, bool already, Key key) {
  std::vector<const T*> out;
  for (const auto& item : items) out.push_back(&item);
  if (!already)
    std::stable_sort(out.begin(), out.end(), [&](const T* a, const T* b) { return key(*a) < key(*b); });
  return out;
}

}  // namespace

Evaluation materialise(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const Decisions& d,
                       Evaluation out) {
  out.policy = policy.info.title;
  out.document = policy.info.document;
  out.status = policy.info.status;
  out.as_of = as_of;
  out.warnings = facts.warnings;
  out.in_force = d.in_force;
  out.in_force_from = policy.info.in_force_from;
  out.in_force_to = policy.info.in_force_to;
  out.in_jurisdiction = d.in_jurisdiction;
  const bool ordered = policy.order_is_source;
  for (const auto* row : in_source_order(d.granted, ordered, [](const auto& r) { return r.benefit; }))
    out.entitlements.push_back(entitlement(policy, d, *row));
  for (const auto* p : in_source_order(d.undetermined, ordered, [](const auto& x) { return x.benefit; }))
    add_undetermined(policy, d, *p, out);
  for (const int* index : in_source_order(d.not_granted, ordered, [](int i) { return i; }))
    out.not_granted.push_back(policy.benefits[static_cast<std::size_t>(*index)].id);
  if (out.explanations && !ordered) {
    auto rank = [&](const Explanation& x) {
      auto it = std::lower_bound(policy.rank_of_id.begin(), policy.rank_of_id.end(), x.benefit,
                                 [](const auto& entry, const std::string& key) { return entry.first < key; });
      return it == policy.rank_of_id.end() ? -1 : it->second;
    };
    std::stable_sort(out.explanations->begin(), out.explanations->end(),
                     [&](const Explanation& a, const Explanation& b) { return rank(a) < rank(b); });
  }
  return out;
}

}  // namespace fuzhu::detail
