// Writing an explained evaluation's rows (see explain_rows.hpp).
#include "eval/explain_rows.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace fuzhu::detail {

ExplanationRows::ExplanationRows(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, Lang lang)
    : p_(policy), s_(*policy.schema), f_(facts), today_(as_of), lang_(lang), tracer_(policy, facts, lang),
      fact_seen_(facts.slots.size(), 0) {
  std::size_t rows = 0;  // a row per benefit and possible recipient
  for (const auto& b : policy.benefits) rows += b.recipients.empty() ? 1 : b.recipients.size();
  rows_.reserve(rows);
}

std::vector<Explanation> ExplanationRows::finish() {
  settle_condition();
  return std::move(rows_);
}

void ExplanationRows::took_condition() {
  settle_condition();
  when_ = tracer_.take();
  where_ = {};
  first_row_of_when_ = rows_.size();
}

// The condition goes to each row of its benefit: copied, and moved to the last.
void ExplanationRows::settle_condition() {
  if (when_.node && first_row_of_when_ < rows_.size()) {
    for (std::size_t k = first_row_of_when_; k + 1 < rows_.size(); ++k) rows_[k].condition = when_.node;
    rows_.back().condition = std::move(when_.node);
  }
  when_.node.reset();
  first_row_of_when_ = rows_.size();
}

Explanation& ExplanationRows::row(const CompiledBenefit& b, int root, Tri granted, const std::vector<int>& needs,
                                  const std::string& reason, Tri jurisdiction) {
  Explanation x;
  x.benefit = b.id;
  x.title = b.title;
  x.recipient = s_.recipient_name(root);
  x.decision = granted == Tri::true_ ? Decision::granted : granted == Tri::false_ ? Decision::not_granted : Decision::undetermined;
  x.cite = b.cite;
  x.quote = b.quote;
  x.plain = p_.plain_text(lang_).benefits[static_cast<std::size_t>(&b - p_.benefits.data())].text;
  x.where = std::move(where_.node);
  x.amount = std::move(amount_.node);
  for (const Traced* part : {&when_, &where_, &amount_}) merge_facts(x.facts, fact_seen_, *part);
  for (const Traced* part : {&when_, &where_, &amount_})
    for (int slot : part->slots) fact_seen_[static_cast<std::size_t>(slot)] = 0;
  where_ = {};
  amount_ = {};
  if (granted == Tri::unknown) {
    std::vector<int> slots = needs;  // in slot order, as the decisions give them
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    for (int slot : slots) x.needs.push_back(s_.path_of(slot));
    x.reason = reason;
    if (x.reason.empty() && jurisdiction == Tri::unknown && s_.region_slot >= 0)
      x.reason = fmt::format("{} is unknown: is the household registered in {}?", s_.path_of(s_.region_slot), p_.info.jurisdiction);
  }
  rows_.push_back(std::move(x));
  return rows_.back();
}

void ExplanationRows::not_a_recipient(const CompiledBenefit& b, int root) {
  if (root < 0) return;
  where_ = {};  // another recipient's, if any
  amount_ = {};
  row(b, root, Tri::false_, {}, {}, Tri::false_).reason = b.deceased_recipients ? not_died(root) : absence(root);
}

void ExplanationRows::unreached(bool in_force) {
  std::string reason;
  if (!in_force) {
    reason = fmt::format("the policy is not in force on {} (in force {}{})", today_.to_string(),
                         p_.info.in_force_from ? "from " + p_.info.in_force_from->to_string() : "",
                         p_.info.in_force_to ? " to " + p_.info.in_force_to->to_string() : "");
  } else {
    const Value& region = f_.slots[static_cast<std::size_t>(s_.region_slot)];
    const std::string& name = region.n >= 0 ? f_.strings[static_cast<std::size_t>(region.n)]
                                            : p_.strings[static_cast<std::size_t>(-region.n - 1)];
    reason = fmt::format("the household is registered outside {} ({} = \"{}\")", p_.info.jurisdiction,
                         s_.path_of(s_.region_slot), name);
  }
  settle_condition();
  when_ = where_ = amount_ = {};
  for (const auto& b : p_.benefits) {
    if (b.recipients.empty()) row(b, -1, Tri::false_, {}, {}, Tri::false_).reason = reason;
    for (int root : b.recipients)
      if (root >= 0) row(b, root, Tri::false_, {}, {}, Tri::false_).reason = reason;
  }
}

std::string ExplanationRows::not_died(int root) const {
  const RootInfo& r = s_.roots[static_cast<std::size_t>(root)];
  if (!f_.present[static_cast<std::size_t>(root)]) return fmt::format("there is no {} in the facts", r.name);
  return fmt::format("the {} is living: this benefit is for a parent who died", r.name);
}

std::string ExplanationRows::absence(int root) const {
  const RootInfo& r = s_.roots[static_cast<std::size_t>(root)];
  if (!f_.present[static_cast<std::size_t>(root)]) return fmt::format("there is no {} in the facts", r.name);
  const Value& status = r.status_slot >= 0 ? f_.slots[static_cast<std::size_t>(r.status_slot)] : Value{};
  if (status.tag == Tag::enumeration && status.n == r.deceased)
    return fmt::format("the {} is deceased ({} = deceased)", r.name, s_.path_of(r.status_slot));
  return fmt::format("the {} is not living ({} = false)", r.name, s_.path_of(r.alive_slot));
}

}  // namespace fuzhu::detail
