// The flat evaluator itself, for the two files that instantiate it:
// flat_eval_plain.cpp (deciding) and flat_eval_traced.cpp (explaining).
// Each instantiation has a translation unit of its own because GCC inlines
// differently when both share one: the traced one, beside the plain one,
// cost Decider 5% (2,729 -> 2,869 instructions a Yiyang family).
// Entry points: flat_eval.hpp. Nothing else includes this header.
//
// The rules are those of the tree walker (evaluate.cpp), which stays the
// reference: each step below mirrors one there, with node ids for Code
// references, a family memo for the subexpressions the policy shares,
// needed facts as sets of slots (the tree walker's list, kept as a stack,
// becomes a set that a decided side copies back) and reasons as indices
// into the family's reasons. Every node is evaluated through eval(), where
// explaining (Trace) reports each step to the tracer with the tree Code it
// stands for, working it out afresh (no memo, no guard), so that it
// explains as the tree walker does.
#pragma once

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "eval/arithmetic.hpp"
#include "eval/explain_rows.hpp"
#include "eval/flat_eval.hpp"
#include "eval/kleene.hpp"
#include "eval/period.hpp"
#include "eval/persons.hpp"
#include "eval/reasons.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail::flat {

using Kept = FlatScratch::Kept;
using Outcome = FlatScratch::Outcome;
constexpr std::int32_t no_reason = -1;

template <bool Trace>
class FlatEvaluator {
 public:
  FlatEvaluator(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, FlatScratch& scratch,
                ExplanationRows* rows)
      : p_(policy), code_(*policy.flat), s_(*policy.schema), f_(facts), today_(as_of),
        day_(scratch.today(as_of)), today_days_(day_.days), m_(scratch) {
    if constexpr (Trace) t_.rows = rows;
  }

  void run(const EvalOptions& options, Decisions& out) {
    out.clear();
    out.in_force = in_force();
    jurisdiction_ = options.assume_in_jurisdiction ? Tri::true_ : jurisdiction();
    if (jurisdiction_ != Tri::unknown) out.in_jurisdiction = jurisdiction_ == Tri::true_;
    if (!out.in_force || jurisdiction_ == Tri::false_) {
      if constexpr (Trace) t_.rows->unreached(out.in_force);
      return;
    }
    forget_last_family();
    for (const GuardRun& run : code_.runs) {
      const int* first = code_.order.data() + run.first;
      if (run.guard >= 0 && !Trace && ruled_out(run.guard)) {
        out.not_granted.insert(out.not_granted.end(), first, first + run.count);
        if (run.any_depended_on)
          for (const int* b = first; b != first + run.count; ++b) forget_outcomes(*b);
        continue;
      }
      for (const int* b = first; b != first + run.count; ++b) benefit(*b, out);
    }
  }

 private:
  const CompiledPolicy& p_;
  const FlatCode& code_;
  const Schema& s_;
  const FactsData& f_;
  Date today_;
  const FlatScratch::Today& day_;
  std::int64_t today_days_;
  FlatScratch& m_;
  NeedSet needs_;                    // the facts the current expression lacks
  std::int32_t reason_ = no_reason;  // why a figure is missing, for an undetermined row
  Tri jurisdiction_ = Tri::unknown;
  int person_ = -1;
  std::uint64_t reasons_given_ = 0;  // counts give_reason, to tell whether a kept value gave one
  std::int64_t amount_fen_ = 0;
  // The payers pay() chose for a benefit whose payers depend on the family
  // alone (FlatBenefit::payers_of_household), reused for its next
  // recipients: the active payers and shares stay in m_, the split in
  // m_.share_fen for the amount split_fen_. -1: none kept.
  int paid_benefit_ = -1;
  bool paid_undetermined_ = false;  // a payer's condition or share is unknown
  NeedSet paid_needs_;              // the facts that would tell
  std::int64_t split_fen_ = 0;
  // Explaining's state; nothing at all when not explaining.
  struct Tracing {
    ExplanationRows* rows = nullptr;  // the explanations being written
    const Code* at = nullptr;         // the tree Code of the node being computed
    const Code* next = nullptr;       // the tree Code the next eval() stands for
    std::vector<int> row_needs;       // a row's needed facts, as slots
  };
  struct NotTracing {};
  [[no_unique_address]] std::conditional_t<Trace, Tracing, NotTracing> t_;

  // Trace: the tree Code the next eval() stands for (a node that two
  // places share stands for two Codes); nothing otherwise.
  void aim([[maybe_unused]] const Code* code) {
    if constexpr (Trace) t_.next = code;
  }
  void aim(const std::optional<Code>& code) { aim(code ? &*code : nullptr); }
  void mark() {
    if constexpr (Trace) t_.rows->begin();
  }

  void forget_last_family() {
    std::fill(m_.age_today.begin(), m_.age_today.end(), -1);
    m_.reason_count = 0;
    if (++m_.family == 0) {  // wrapped: no entry may look current
      for (Kept& k : m_.memo) k.family = 0;
      for (Kept& k : m_.definitions) k.family = 0;
      m_.family = 1;
    }
  }

  // ------------------------------------------------------------- policy

  bool in_force() const {
    if (p_.info.in_force_from && today_ < *p_.info.in_force_from) return false;
    if (p_.info.in_force_to && *p_.info.in_force_to < today_) return false;
    return true;
  }

  Tri jurisdiction() {
    if (s_.region_slot < 0) return Tri::unknown;
    const Value& v = f_.slots[static_cast<std::size_t>(s_.region_slot)];
    if (!v.known()) return Tri::unknown;
    return m_.in_jurisdiction(code_, string_of(v)) ? Tri::true_ : Tri::false_;
  }

  bool present(int root) const { return person_present(f_, root); }
  bool living(int root) const { return person_living(s_, f_, root); }
  bool died(int root) const { return person_died(s_, f_, root); }

  // ------------------------------------------------------------ benefits

  Outcome* outcomes_of(int benefit) { return &m_.outcomes[static_cast<std::size_t>(benefit) * (s_.roots.size() + 1)]; }

  // Only a benefit that granted(...) asks about keeps its outcomes; a
  // recipient it never reached stays not granted.
  Outcome* forget_outcomes(int index) {
    if (!p_.benefits[static_cast<std::size_t>(index)].depended_on) return nullptr;
    Outcome* outcomes = outcomes_of(index);
    std::fill(outcomes, outcomes + s_.roots.size() + 1, Outcome{});
    return outcomes;
  }

  void benefit(int index, Decisions& out) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(index)];
    const FlatBenefit& fb = code_.benefits[static_cast<std::size_t>(index)];
    Outcome* outcomes = forget_outcomes(index);
    if (b.guard >= 0 && !Trace && ruled_out(b.guard)) {  // explaining walks every condition
      out.not_granted.push_back(index);
      return;
    }
    needs_.clear();
    reason_ = no_reason;
    Tri condition = jurisdiction_;
    if (condition == Tri::unknown && s_.region_slot >= 0) needs_.add(s_.region_slot);
    mark();
    aim(b.condition);
    // Tracing evaluates the guard's node (the tree walker shows it); deciding
    // takes it from the memo ruled_out just filled.
    if (fb.condition >= 0) condition = and_then(condition, fb.condition, Trace ? -1 : b.guard);
    if constexpr (Trace) t_.rows->took_condition();
    const NeedSet base_needs = needs_;
    const std::int32_t base_reason = reason_;

    bool any_granted = false;
    if (b.recipients.empty()) {
      any_granted = decide(index, -1, condition, outcomes, out);
    } else {
      for (int root : b.recipients) {
        if (b.deceased_recipients ? !died(root) : !living(root)) {
          if constexpr (Trace) t_.rows->not_a_recipient(b, root);
          continue;
        }
        needs_ = base_needs;
        reason_ = base_reason;
        person_ = root;
        Tri granted = condition;
        mark();
        aim(b.where);
        if (fb.where >= 0 && granted != Tri::false_) granted = and_then(granted, fb.where);
        if constexpr (Trace) t_.rows->took_where();
        any_granted |= decide(index, root, granted, outcomes ? outcomes + root + 1 : nullptr, out);
        person_ = -1;
      }
    }
    if (!any_granted) out.not_granted.push_back(index);
  }

  // The node that stands for definition `guard` where a condition names it; -1: none.
  int guard_node(int guard) const { return guard < 0 ? -1 : code_.guard_nodes[static_cast<std::size_t>(guard)]; }

  // A definition a condition starts with that is false settles the benefit
  // (Kleene `and` looks no further): its needs and reason do not matter.
  bool ruled_out(int guard) {
    const Kept& k = m_.definitions[static_cast<std::size_t>(guard)];
    const Value v = k.family == m_.family ? k.value : work_out_definition(guard);
    return v.tag == Tag::boolean && v.n == 0;
  }

  bool decide(int index, int root, Tri granted, Outcome* outcome, Decisions& out) {
    const int amount_node = code_.benefits[static_cast<std::size_t>(index)].amount;
    std::optional<Money> amount;
    if constexpr (Trace) t_.rows->no_amount();
    if (granted == Tri::true_ && amount_node >= 0) {
      mark();
      aim(p_.benefits[static_cast<std::size_t>(index)].amount);
      Value v = eval(amount_node);
      if constexpr (Trace) t_.rows->took_amount();
      if (v.known()) amount = Money{v.n};
      else granted = Tri::unknown;
    }
    if (outcome) outcome->granted = granted;
    if constexpr (Trace) explain(index, root, granted);
    if (granted == Tri::false_) return false;
    if (granted == Tri::unknown) {
      if (outcome) outcome->needs = needs_;
      const auto first = static_cast<std::uint32_t>(out.needs.size());
      needs_.for_each([&](int slot) { out.needs.push_back(slot); });
      out.undetermined.push_back({index, root, first, static_cast<std::uint32_t>(out.needs.size()) - first,
                                  reason_ == no_reason ? std::string() : m_.reasons[static_cast<std::size_t>(reason_)]});
      return true;
    }
    Decisions::Granted row{index, root, amount ? std::optional(amount->fen) : std::nullopt,
                           static_cast<std::uint32_t>(out.payers.size()), 0};
    pay(index, amount, row, out);
    out.granted.push_back(row);
    return true;
  }

  // ------------------------------------------------------------- payers

  // Kept out of decide(), which runs for every recipient of every benefit:
  // inlined, its registers and locals made every call to decide() dearer.
  // Explaining traces every payer of every row: it never reuses them.
  [[gnu::noinline]] void pay(int index, const std::optional<Money>& amount, Decisions::Granted& row, Decisions& out) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(index)];
    if (b.payers.empty()) return;
    amount_fen_ = amount ? amount->fen : 0;
    const bool again = !Trace && paid_benefit_ == index;
    if (!again) choose_payers(index);
    const auto& active = m_.active_payers;
    if (paid_undetermined_) {
      row.split_undetermined = true;
      row.first_split_need = static_cast<std::uint32_t>(out.needs.size());
      paid_needs_.for_each([&](int slot) { out.needs.push_back(slot); });
      row.split_need_count = static_cast<std::uint32_t>(out.needs.size() - row.first_split_need);
      return;
    }
    if (active.empty()) throw no_payer_applies(b);
    if (b.payers_have_shares && !(again && split_fen_ == amount_fen_)) {
      split_among_payers(b, active, m_.shares, amount_fen_, m_.share_fen);
      split_fen_ = amount_fen_;
    }
    const bool sole = !b.payers_have_shares && active.size() == 1 && amount;
    for (std::size_t k = 0; k < active.size(); ++k)
      out.payers.push_back({static_cast<int>(active[k]), b.payers_have_shares ? std::optional(m_.share_fen[k])
                                                         : sole                 ? std::optional(amount->fen)
                                                                                : std::nullopt});
    row.payer_count = static_cast<std::uint32_t>(active.size());
  }

  // Which payers apply and their shares, into m_.active_payers and
  // m_.shares; paid_undetermined_ and paid_needs_ say whether a fact the
  // family lacks leaves that open. The needs of the row stay as they were.
  void choose_payers(int index) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(index)];
    const FlatBenefit& fb = code_.benefits[static_cast<std::size_t>(index)];
    const NeedSet before_payers = needs_;
    needs_.clear();
    auto& active = m_.active_payers;
    auto& shares = m_.shares;
    active.clear();
    shares.clear();
    bool undetermined = false;
    for (std::size_t i = 0; i < b.payers.size(); ++i) {
      const CompiledPayer& payer = b.payers[i];
      const FlatPayer& fp = fb.payers[i];
      const NeedSet before = needs_;
      aim(payer.condition);
      const Tri applies = fp.condition >= 0 ? tri_of(eval(fp.condition)) : Tri::true_;
      if (applies != Tri::unknown) needs_ = before;
      if (applies == Tri::unknown) undetermined = true;
      if (applies != Tri::true_) continue;
      ShareOf share{payer.share_kind, payer.share_kind == ast::ShareKind::percent ? payer.percent_ppm : payer.parts};
      if (fp.share >= 0) {
        aim(payer.share);
        const Value v = eval(fp.share);
        if (!v.known()) undetermined = true;
        share.value = v.n;
      }
      active.push_back(i);
      shares.push_back(share);
    }
    paid_needs_ = needs_;
    paid_undetermined_ = undetermined;
    needs_ = before_payers;
    paid_benefit_ = fb.payers_of_household ? index : -1;
  }

  // -------------------------------------------------------- expressions

  // `left and id`; when id is the node of definition `worked_out` (`when
  // 扶助对象家庭`), which ruled_out has just worked out, its value, needs and
  // reason are taken as eval would give them, without the call.
  Tri and_then(Tri left, int id, int worked_out = -1) {
    if (left == Tri::false_) return left;
    const NeedSet mark = needs_;
    Tri right = tri_of(id == guard_node(worked_out) ? replay(m_.definitions[static_cast<std::size_t>(worked_out)]) : eval(id));
    if (right == Tri::false_) {
      needs_ = mark;
      return right;
    }
    return tri_and(left, right);
  }

  const FlatNode& node(int id) const { return code_.nodes[static_cast<std::size_t>(id)]; }
  int kid(const FlatNode& n, int k) const { return code_.kids[static_cast<std::size_t>(n.first_kid + k)]; }
  [[gnu::always_inline]] Value eval_kid(const FlatNode& n, int k) {
    if constexpr (Trace) aim(&t_.at->kids[static_cast<std::size_t>(k)]);
    return eval(kid(n, k));
  }
  Loc loc(int id) const {
    return code_.origin[static_cast<std::size_t>(id)]->loc;
  }

  // Every node is evaluated here: the one place a trace hooks in.
  [[gnu::always_inline]] Value eval(int id) {
    const FlatNode& n = node(id);
    if constexpr (Trace) return traced(n, id, *std::exchange(t_.next, nullptr));
    if (n.memo < 0) return compute(n, id);
    return memoised(n, id);
  }

  // Each step reported as the tree walker reports it, worked out afresh.
  Value traced(const FlatNode& n, int id, const Code& code) {
    const Code* outer = std::exchange(t_.at, &code);
    t_.rows->tracer().enter(code);
    const Value v = compute(n, id);
    t_.rows->tracer().leave(v, person_);
    t_.at = outer;
    return v;
  }

  // Why benefit `index` is or is not granted to `root`, with the needs and
  // reason its row got.
  void explain(int index, int root, Tri granted) {
    t_.row_needs.clear();
    needs_.for_each([&](int slot) { t_.row_needs.push_back(slot); });
    static const std::string none;
    t_.rows->row(p_.benefits[static_cast<std::size_t>(index)], root, granted, t_.row_needs,
               reason_ == no_reason ? none : m_.reasons[static_cast<std::size_t>(reason_)], jurisdiction_);
  }

  // A shared subexpression: worked out once a family; wherever it is used
  // again, its needs and reason are given again, as the tree walker would
  // give them by working it out again.
  Value memoised(const FlatNode& n, int id) {
    Kept& k = m_.memo[static_cast<std::size_t>(n.memo)];
    if (k.family != m_.family) keep(k, [&] { return compute(n, id); });
    return replay(k);
  }

  Value replay(const Kept& k) {
    needs_ |= k.needs;
    if (k.reason != no_reason) give_reason(k.reason);
    return k.value;
  }

  // Works a value out on its own needs, to be given again at every use.
  template <typename Work>
  void keep(Kept& k, Work work) {
    const NeedSet outer = needs_;
    needs_.clear();
    const std::uint64_t reasons_before = reasons_given_;
    k.value = work();
    k.reason = reasons_given_ != reasons_before ? reason_ : no_reason;
    k.needs = needs_;
    k.family = m_.family;
    needs_ = outer;
  }

  Value compute(const FlatNode& n, int id) {
    switch (n.op) {
      case Op::constant: return {n.tag, n.n};
      case Op::today: return {Tag::date, today_days_};
      case Op::fact: return read(n.index);
      case Op::person_field: return read(s_.roots[static_cast<std::size_t>(person_)].first_slot + n.index);
      case Op::field_of: {
        Value base = eval_kid(n, 0);
        return read(s_.roots[static_cast<std::size_t>(base.n)].first_slot + n.index);
      }
      case Op::root: return {Tag::person, n.index};
      case Op::person: return {Tag::person, person_};
      case Op::definition: return definition(n.index);
      case Op::not_: return value_of(tri_not(tri_of(eval_kid(n, 0))));
      case Op::negate: {
        Value v = eval_kid(n, 0);
        if (v.known()) v.n = checked_sub(0, v.n, loc(id));
        return v;
      }
      case Op::and_: return logical(n, true);
      case Op::or_: return logical(n, false);
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: return compare(n);
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div: return arithmetic(n, id);
      case Op::in_set: {
        Value v = eval_kid(n, 0);
        if (!v.known()) return v;
        return Value::boolean((static_cast<std::uint64_t>(n.n) >> v.n) & 1);
      }
      case Op::match: return match(n);
      case Op::if_: {
        Tri t = tri_of(eval_kid(n, 0));
        if (t == Tri::unknown) return {};
        return eval_kid(n, t == Tri::true_ ? 1 : 2);
      }
      case Op::tier: return tier(n);
      case Op::schedule: return schedule(n);
      case Op::any_parent: return quantified(n, false, false);
      case Op::all_parent: return quantified(n, true, false);
      case Op::any_member: return quantified(n, false, true);
      case Op::all_member: return quantified(n, true, true);
      case Op::builtin: return builtin(n, id);
      case Op::amount: return {Tag::money, amount_fen_};
    }
    return {};
  }

  // ------------------------------------------------------------ builtins

  Value builtin(const FlatNode& n, int id) {
    switch (static_cast<Builtin>(n.index)) {
      case Builtin::age: return age_today(eval_kid(n, 0));
      case Builtin::age_on: {
        Value who = eval_kid(n, 0);
        return age(who, eval_kid(n, 1));
      }
      case Builtin::year: {
        Value d = eval_kid(n, 0);
        if (!d.known()) return d;
        return {Tag::integer, Date::from_days(d.n).year};
      }
      case Builtin::this_year: {
        Value d = eval_kid(n, 0);
        if (!d.known()) return d;
        return Value::boolean(day_.year_first <= d.n && d.n < day_.year_after);
      }
      case Builtin::has: return Value::boolean(has(kid(n, 0)));
      case Builtin::exists: return Value::boolean(present(static_cast<int>(eval_kid(n, 0).n)));
      case Builtin::living: return Value::boolean(living(static_cast<int>(eval_kid(n, 0).n)));
      case Builtin::granted: return granted(static_cast<int>(node(kid(n, 0)).n));
      case Builtin::years_between: return between(n, DurationUnit::years);
      case Builtin::months_between: return between(n, DurationUnit::months);
      case Builtin::days_between: return between(n, DurationUnit::days);
      case Builtin::within: {
        Value d = eval_kid(n, 0);
        Value period = eval_kid(n, 1);
        if (!d.known() || !period.known()) return {};
        return Value::boolean(d.n <= today_days_ && today_days_ <= checked_shift(d.n, period.n, 1, loc(id)));
      }
      case Builtin::elapsed: {
        Value d = eval_kid(n, 0);
        Value period = eval_kid(n, 1);
        if (!d.known() || !period.known()) return {};
        return Value::boolean(today_days_ >= checked_shift(d.n, period.n, 1, loc(id)));
      }
      case Builtin::min: return extreme(n, false);
      case Builtin::max: return extreme(n, true);
    }
    return {};
  }

  Value between(const FlatNode& n, DurationUnit unit) {
    Value a = eval_kid(n, 0);
    Value b = eval_kid(n, 1);
    if (!a.known() || !b.known()) return {};
    return {Tag::integer, full_periods(Date::from_days(a.n), Date::from_days(b.n), unit)};
  }

  Value extreme(const FlatNode& n, bool largest) {
    Value a = eval_kid(n, 0);
    Value b = eval_kid(n, 1);
    if (!a.known() || !b.known()) return {};
    return (largest ? b.n > a.n : b.n < a.n) ? b : a;
  }

  Value read(int slot) {
    const std::size_t i = static_cast<std::size_t>(slot);
    Value v;
    if (present(s_.slot_root[i])) {
      v = f_.slots[i];
      if (!v.known()) v = s_.field_of(slot).default_value;
    }
    if (!v.known()) needs_.add(slot);
    if constexpr (Trace) t_.rows->tracer().read(slot, v);
    return v;
  }

  bool has(int field_id) {
    const FlatNode& field = node(field_id);
    int slot = -1;
    if (field.op == Op::fact) slot = field.index;
    else if (field.op == Op::person_field) slot = s_.roots[static_cast<std::size_t>(person_)].first_slot + field.index;
    else if (field.op == Op::field_of) {
      if constexpr (Trace) aim(&t_.at->kids[0].kids[0]);  // the field's owner, within has(...)
      slot = s_.roots[static_cast<std::size_t>(eval(kid(field, 0)).n)].first_slot + field.index;
    }
    if (slot < 0 || !present(s_.slot_root[static_cast<std::size_t>(slot)])) return false;
    return f_.slots[static_cast<std::size_t>(slot)].known();
  }

  void give_reason(std::string reason) {
    if (m_.reason_count == m_.reasons.size()) m_.reasons.emplace_back();
    m_.reasons[m_.reason_count] = std::move(reason);
    give_reason(static_cast<std::int32_t>(m_.reason_count++));
  }

  void give_reason(std::int32_t reason) {
    reason_ = reason;
    ++reasons_given_;
  }

  // A definition is worked out once a family, without a recipient; an
  // unknown one needs its facts wherever it is used, a known one none.
  Value definition(int index) {
    const Kept& k = m_.definitions[static_cast<std::size_t>(index)];
    if (k.family != m_.family) work_out_definition(index);
    return replay(k);
  }

  Value work_out_definition(int index) {
    Kept& k = m_.definitions[static_cast<std::size_t>(index)];
    const int saved_person = person_;
    person_ = -1;
    aim(&p_.definitions[static_cast<std::size_t>(index)]);
    keep(k, [&] { return eval(code_.definitions[static_cast<std::size_t>(index)]); });
    person_ = saved_person;
    if (k.value.known()) k.needs.clear();
    return k.value;
  }

  Value granted(int benefit) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(benefit)];
    const Outcome* outcomes = outcomes_of(benefit);
    auto take = [&](const Outcome& o) {
      if (o.granted == Tri::unknown) needs_ |= o.needs;
      return o.granted;
    };
    if (b.recipients.empty()) return value_of(take(outcomes[0]));
    if (person_ >= 0) return value_of(take(outcomes[static_cast<std::size_t>(person_ + 1)]));
    Tri any = Tri::false_;
    for (int root : b.recipients)
      if (root >= 0) any = tri_or(any, take(outcomes[static_cast<std::size_t>(root + 1)]));
    return value_of(any);
  }

  Value logical(const FlatNode& n, bool is_and) {
    const NeedSet mark = needs_;
    Tri left = tri_of(eval_kid(n, 0));
    Tri decisive = is_and ? Tri::false_ : Tri::true_;
    if (left == decisive) {
      needs_ = mark;
      return value_of(left);
    }
    Tri right = tri_of(eval_kid(n, 1));
    if (right == decisive) {
      needs_ = mark;
      return value_of(right);
    }
    return value_of(is_and ? tri_and(left, right) : tri_or(left, right));
  }

  std::string_view string_of(const Value& v) const {
    if (v.n >= 0) return f_.strings[static_cast<std::size_t>(v.n)];
    return p_.strings[static_cast<std::size_t>(-v.n - 1)];
  }

  Value compare(const FlatNode& n) {
    Value l = eval_kid(n, 0);
    Value r = eval_kid(n, 1);
    if (!l.known() || !r.known()) return {};
    int order;
    if (l.tag == Tag::string) {
      auto a = string_of(l), b = string_of(r);
      order = a < b ? -1 : a == b ? 0 : 1;
    } else {
      order = l.n < r.n ? -1 : l.n == r.n ? 0 : 1;
    }
    switch (n.op) {
      case Op::eq: return Value::boolean(order == 0);
      case Op::ne: return Value::boolean(order != 0);
      case Op::lt: return Value::boolean(order < 0);
      case Op::le: return Value::boolean(order <= 0);
      case Op::gt: return Value::boolean(order > 0);
      default: return Value::boolean(order >= 0);
    }
  }

  Value arithmetic(const FlatNode& n, int id) {
    Value l = eval_kid(n, 0);
    Value r = eval_kid(n, 1);
    if (!l.known() || !r.known()) return {};
    if (r.tag == Tag::duration) return {Tag::date, checked_shift(l.n, r.n, n.op == Op::sub ? -1 : 1, loc(id))};
    if (r.tag == Tag::rate) return {Tag::money, scale_rounded(l.n, r.n, loc(id))};
    Tag tag = l.tag == Tag::money || r.tag == Tag::money ? Tag::money : Tag::integer;
    switch (n.op) {
      case Op::add: return {tag, checked_add(l.n, r.n, loc(id))};
      case Op::sub: return {tag, checked_sub(l.n, r.n, loc(id))};
      case Op::mul: return {tag, checked_mul(l.n, r.n, loc(id))};
      default: return {tag, divide_rounded(l.n, r.n, loc(id))};
    }
  }

  Value match(const FlatNode& n) {
    Value subject = eval_kid(n, 0);
    if (!subject.known()) return subject;
    int arm = code_.arms[static_cast<std::size_t>(n.rows + subject.n)];
    if (arm < 0) {
      give_reason(no_figure_for(s_, slot_read_by(s_, node(kid(n, 0)), person_), subject));
      return {};
    }
    return eval_kid(n, arm);
  }

  Value tier(const FlatNode& n) {
    Value v = eval_kid(n, 0);
    if (!v.known()) return v;
    for (std::int64_t row = 0; row < n.n; ++row) {
      const FlatTierRow& r = code_.tier_rows[static_cast<std::size_t>(n.rows + row)];
      if (r.has_low && v.n < r.low) continue;
      if (r.has_high && v.n > r.high) continue;
      return eval_kid(n, static_cast<int>(row) + 1);
    }
    give_reason(no_tier_row_for(v.n));
    return {};
  }

  Value schedule(const FlatNode& n) {
    for (std::int64_t row = n.n; row-- > 0;)
      if (code_.from_days[static_cast<std::size_t>(n.rows + row)] <= today_days_) return eval_kid(n, static_cast<int>(row));
    give_reason(no_figure_before(code_.from_days[static_cast<std::size_t>(n.rows)]));
    return {};
  }

  Value quantified(const FlatNode& n, bool all, bool members) {
    Tri result = all ? Tri::true_ : Tri::false_;
    int saved = person_;
    for (int root : members ? s_.members : s_.parents) {
      if (!living(root)) continue;
      person_ = root;
      Tri t = tri_of(eval_kid(n, 0));
      result = all ? tri_and(result, t) : tri_or(result, t);
    }
    person_ = saved;
    return value_of(result);
  }

  Value age_today(const Value& who) {
    std::int32_t& kept = m_.age_today[static_cast<std::size_t>(who.n)];
    if (kept >= 0 && !Trace) return {Tag::integer, kept};  // explaining shows each reading
    Value v = age(who, {Tag::date, today_days_});
    if (v.known() && v.n >= 0 && v.n <= INT32_MAX) kept = static_cast<std::int32_t>(v.n);
    return v;
  }

  Value age(const Value& who, const Value& when) {
    if (!when.known()) return {};
    const RootInfo* root = &s_.roots[static_cast<std::size_t>(who.n)];
    // facts.md, "past childbearing age": see evaluate.cpp.
    if (root->age_else >= 0 && !present(static_cast<int>(who.n))) {
      if (!present(root->age_else)) {
        give_reason(no_age_for(s_, *root));
        return {};
      }
      root = &s_.roots[static_cast<std::size_t>(root->age_else)];
    }
    Value birth = read(root->birth_slot);
    if (!birth.known()) return birth;
    return {Tag::integer, full_years(Date::from_days(birth.n), when.n == today_days_ ? today_ : Date::from_days(when.n))};
  }
};

/// Decides (Trace false) or explains into `rows` (Trace true); defined in
/// flat_eval_plain.cpp and flat_eval_traced.cpp.
void run_plain(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
               FlatScratch& scratch, Decisions& out);
void run_traced(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                FlatScratch& scratch, Decisions& out, ExplanationRows& rows);

}  // namespace fuzhu::detail::flat
