// Writing an explained evaluation's rows (see explain_rows.hpp).
#include "eval/explain_rows.hpp"

#include <algorithm>
#include <iterator>
#include <type_traits>
#include <utility>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace fuzhu::detail {

// A row is copied from the policy's and destroyed with its vector, at no
// cost a row: what it owns is in the trace.
static_assert(std::is_trivially_copyable_v<Explanation>);

ExplanationRows::ExplanationRows(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, Lang lang)
    : p_(policy), s_(*policy.schema), f_(facts), today_(as_of), lang_(lang),
      heads_(policy.explanation_rows[static_cast<std::size_t>(lang)]), trace_(std::make_shared<ExplainTrace>(policy, lang)),
      tracer_(*trace_, facts) {
  rows_.reserve(heads_.size());
  left_out_.resize(s_.roots.size() * 2);
}

Explained ExplanationRows::finish() { return {std::move(rows_), std::move(trace_)}; }

void ExplanationRows::took_condition() {
  when_ = tracer_.take();
  where_ = -1;
}

Explanation& ExplanationRows::write(const CompiledBenefit& b, int root, Tri granted, std::string_view reason) {
  Explanation& x = rows_.emplace_back(heads_[head_of(b, root)]);
  x.decision = granted == Tri::true_ ? Decision::granted : granted == Tri::false_ ? Decision::not_granted : Decision::undetermined;
  x.reason = reason;
  x.trace_ = trace_.get();
  x.condition_ = when_;
  x.where_ = std::exchange(where_, -1);
  x.amount_ = std::exchange(amount_, -1);
  return x;
}

// The policy's row for `b` and `root`: its recipients' rows follow one another.
std::size_t ExplanationRows::head_of(const CompiledBenefit& b, int root) const {
  const auto index = static_cast<std::size_t>(&b - p_.benefits.data());
  std::size_t row = static_cast<std::size_t>(p_.first_explanation_row[index]);
  for (int r : b.recipients) {
    if (r == root) break;
    ++row;
  }
  return row;
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
  x.first_need_ = static_cast<int>(trace_->needs.size());
  x.need_count_ = static_cast<int>(slots.size());
  for (int slot : slots) trace_->needs.push_back(s_.path_of(slot));
}

void ExplanationRows::not_a_recipient(const CompiledBenefit& b, int root) {
  if (root < 0) return;
  where_ = -1;  // another recipient's, if any
  amount_ = -1;
  // The same words for every benefit the person cannot have: written once.
  std::string_view& why = left_out_[static_cast<std::size_t>(root) * 2 + (b.deceased_recipients ? 1 : 0)];
  if (why.empty()) why = trace_->keep(b.deceased_recipients ? not_died(root) : absence(root));
  write(b, root, Tri::false_, why);
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
    // Most families a policy is run on live elsewhere: the format is parsed
    // at compile time, and written into a buffer that does not grow.
    fmt::memory_buffer text;
    fmt::format_to(std::back_inserter(text), FMT_COMPILE("the household is registered outside {} ({} = \"{}\")"),
                   p_.info.jurisdiction, s_.path_of(s_.region_slot), name);
    reason = fmt::to_string(text);
  }
  // Every benefit, every recipient, for one reason: the policy's rows as
  // they are (not granted), with the reason.
  const std::string_view why = trace_->keep(std::move(reason));
  const std::size_t first = rows_.size();
  rows_.insert(rows_.end(), heads_.begin(), heads_.end());
  for (std::size_t k = first; k < rows_.size(); ++k) rows_[k].reason = why;
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
