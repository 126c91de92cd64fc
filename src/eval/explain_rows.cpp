// Writing an explained evaluation's rows (see explain_rows.hpp).
#include "eval/explain_rows.hpp"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace fuzhu::detail {

ExplanationRows::ExplanationRows(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, Lang lang)
    : p_(policy), s_(*policy.schema), f_(facts), today_(as_of), lang_(lang),
      plain_(policy.plain_text(lang).benefits), trace_(std::make_shared<ExplainTrace>(policy, facts, lang)),
      tracer_(*trace_, facts) {
  std::size_t rows = 0;  // a row per benefit and possible recipient
  for (const auto& b : policy.benefits) rows += b.recipients.empty() ? 1 : b.recipients.size();
  rows_.reserve(rows);
}

Explained ExplanationRows::finish() { return {std::move(rows_), std::move(trace_)}; }

void ExplanationRows::took_condition() {
  when_ = tracer_.take();
  where_ = -1;
}

Explanation& ExplanationRows::write(const CompiledBenefit& b, int root, Tri granted, std::string_view reason) {
  Explanation& x = rows_.emplace_back();
  x.benefit = b.id;
  x.title = b.title;
  x.recipient = s_.recipient_name(root);
  x.decision = granted == Tri::true_ ? Decision::granted : granted == Tri::false_ ? Decision::not_granted : Decision::undetermined;
  x.cite = b.cite;
  x.quote = b.quote;
  x.plain = plain_[static_cast<std::size_t>(&b - p_.benefits.data())].text;
  x.reason = reason;
  x.trace_ = trace_.get();
  x.condition_ = when_;
  x.where_ = std::exchange(where_, -1);
  x.amount_ = std::exchange(amount_, -1);
  return x;
}

void ExplanationRows::row(const CompiledBenefit& b, int root, Tri granted, const std::vector<int>& needs,
                          const std::string& reason, Tri jurisdiction) {
  if (granted != Tri::unknown) {
    write(b, root, granted, {});
    return;
  }
  std::string_view why;
  if (!reason.empty()) {
    why = trace_->keep(reason);
  } else if (jurisdiction == Tri::unknown && s_.region_slot >= 0) {
    if (unknown_region_.empty())
      unknown_region_ = trace_->keep(fmt::format("{} is unknown: is the household registered in {}?",
                                                 s_.path_of(s_.region_slot), p_.info.jurisdiction));
    why = unknown_region_;
  }
  Explanation& x = write(b, root, granted, why);
  std::vector<int> slots = needs;  // in slot order, as the decisions give them
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  x.needs.reserve(slots.size());
  for (int slot : slots) x.needs.push_back(s_.path_of(slot));
}

void ExplanationRows::not_a_recipient(const CompiledBenefit& b, int root) {
  if (root < 0) return;
  where_ = -1;  // another recipient's, if any
  amount_ = -1;
  write(b, root, Tri::false_, trace_->keep(b.deceased_recipients ? not_died(root) : absence(root)));
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
  const std::string_view why = trace_->keep(std::move(reason));  // one text, borrowed by every row
  when_ = where_ = amount_ = -1;
  for (const auto& b : p_.benefits) {
    if (b.recipients.empty()) write(b, -1, Tri::false_, why);
    for (int root : b.recipients)
      if (root >= 0) write(b, root, Tri::false_, why);
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
