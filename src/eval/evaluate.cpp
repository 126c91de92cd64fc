// Evaluates a compiled policy against one family's facts on one date.
#include "eval/evaluate.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "eval/arithmetic.hpp"
#include "eval/explain_rows.hpp"
#include "eval/flat_eval.hpp"
#include "eval/jurisdiction.hpp"
#include "eval/kleene.hpp"
#include "eval/materialise.hpp"
#include "eval/memory_pool.hpp"
#include "eval/period.hpp"
#include "eval/persons.hpp"
#include "eval/reasons.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail {

namespace {

using Outcome = Scratch::Outcome;

class Evaluator {
 public:
  // `rows`: where explanations go, when explaining; null when not.
  Evaluator(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, Scratch& scratch,
            ExplanationRows* rows)
      : p_(policy), s_(*policy.schema), f_(facts), today_(as_of), today_days_(as_of.days_since_epoch()),
        m_(scratch), needs_(scratch.needs), reason_(scratch.reason), rows_(rows),
        trace_(rows ? &rows->tracer() : nullptr) {}

  // Decides every benefit into `out`.
  void run(const EvalOptions& options, Decisions& out) {
    out.clear();
    out.in_force = in_force();
    jurisdiction_ = options.assume_in_jurisdiction ? Tri::true_ : jurisdiction();
    if (jurisdiction_ != Tri::unknown) out.in_jurisdiction = jurisdiction_ == Tri::true_;
    if (!out.in_force || jurisdiction_ == Tri::false_) {
      if (rows_) rows_->unreached(out.in_force);
      return;
    }
    forget_last_family();
    for (int index : p_.order) benefit(index, out);
  }

 private:
  const CompiledPolicy& p_;
  const Schema& s_;
  const FactsData& f_;
  Date today_;
  std::int64_t today_days_;
  Scratch& m_;
  std::vector<int>& needs_;  // a stack: an expression pops what a decided side needed
  std::string& reason_;
  Tri jurisdiction_ = Tri::unknown;
  int person_ = -1;  // root index of the recipient being considered
  std::uint64_t reasons_given_ = 0;  // counts give_reason, to tell whether a definition gave one
  ExplanationRows* rows_ = nullptr;  // explaining: the rows being written, and their tracer
  Tracer* trace_ = nullptr;
  std::int64_t amount_fen_ = 0;  // the row's amount, while its payers are worked out (`amount`)

  // Most families of a population are registered elsewhere: the scratch
  // memory is reset only for those whose benefits are evaluated.
  void forget_last_family() {
    std::fill(m_.definition_done.begin(), m_.definition_done.end(), 0);
    std::fill(m_.age_today.begin(), m_.age_today.end(), -1);
    m_.definition_needs.clear();
    m_.outcome_needs.clear();
    needs_.clear();
    reason_.clear();
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
    const std::string_view region = string_of(v);
    return m_.regions.in_region(p_.info.jurisdiction, region) ? Tri::true_ : Tri::false_;
  }

  bool present(int root) const { return person_present(f_, root); }
  bool living(int root) const { return person_living(s_, f_, root); }
  bool died(int root) const { return person_died(s_, f_, root); }

  // ------------------------------------------------------------ benefits

  Outcome* outcomes_of(int benefit) { return &m_.outcomes[static_cast<std::size_t>(benefit) * (s_.roots.size() + 1)]; }

  void benefit(int index, Decisions& out) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(index)];
    // Only a benefit that granted(...) asks about keeps its outcomes; a
    // recipient it never reached stays not granted.
    Outcome* outcomes = b.depended_on ? outcomes_of(index) : nullptr;
    if (outcomes) std::fill(outcomes, outcomes + s_.roots.size() + 1, Outcome{});
    if (ruled_out(b)) {
      out.not_granted.push_back(index);
      return;
    }
    needs_.clear();
    reason_.clear();
    Tri condition = jurisdiction_;
    if (condition == Tri::unknown && s_.region_slot >= 0) needs_.push_back(s_.region_slot);
    mark();
    if (b.condition) condition = and_then(condition, *b.condition);
    if (rows_) rows_->took_condition();
    // What every recipient starts from: the condition's needs (each once, so
    // that a recipient's own never drop below them) and reason.
    forget_repeated_needs(0);
    const std::size_t base_needs = needs_.size();
    if (!reason_.empty() || !m_.base_reason.empty()) m_.base_reason = reason_;

    bool any_granted = false;
    if (b.recipients.empty()) {
      any_granted = decide(index, -1, condition, outcomes, out);
    } else {
      for (int root : b.recipients) {
        if (b.deceased_recipients ? !died(root) : !living(root)) {
          if (rows_) rows_->not_a_recipient(b, root);
          continue;
        }
        needs_.resize(base_needs);
        if (!reason_.empty() || !m_.base_reason.empty()) reason_ = m_.base_reason;
        person_ = root;
        Tri granted = condition;
        mark();
        if (b.where && granted != Tri::false_) granted = and_then(granted, *b.where);
        if (rows_) rows_->took_where();
        any_granted |= decide(index, root, granted, outcomes ? outcomes + root + 1 : nullptr, out);
        person_ = -1;
      }
    }
    if (!any_granted) out.not_granted.push_back(index);
  }

  // Most benefits begin `special_family and ...`, and most families of a
  // population are not one: when the definition a condition starts with is
  // false, so is the condition (Kleene `and` looks no further), and the
  // benefit is settled without a walk. Explaining walks every condition.
  bool ruled_out(const CompiledBenefit& b) {
    if (b.guard < 0 || trace_) return false;
    const Value v = definition(b.guard);
    needs_.clear();
    return v.tag == Tag::boolean && v.n == 0;
  }

  // Records one recipient's outcome, and its entitlement or undetermined row;
  // false when not granted.
  bool decide(int index, int root, Tri granted, Outcome* outcome, Decisions& out) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(index)];
    std::optional<Money> amount;
    if (rows_) rows_->no_amount();
    if (granted == Tri::true_ && b.amount) {
      mark();
      Value v = eval(*b.amount);
      if (rows_) rows_->took_amount();
      if (v.known()) amount = Money{v.n};
      else granted = Tri::unknown;
    }
    if (outcome) outcome->granted = granted;
    if (rows_) rows_->row(b, root, granted, needs_, reason_, jurisdiction_);
    if (granted == Tri::false_) return false;
    if (granted == Tri::unknown) {
      forget_repeated_needs(0);
      if (outcome) {
        outcome->first_need = static_cast<std::uint32_t>(m_.outcome_needs.size());
        outcome->need_count = static_cast<std::uint32_t>(needs_.size());
        m_.outcome_needs.insert(m_.outcome_needs.end(), needs_.begin(), needs_.end());
      }
      out.undetermined.push_back({index, root, static_cast<std::uint32_t>(out.needs.size()),
                                  static_cast<std::uint32_t>(needs_.size()), reason_});
      // In slot order, the schema's order of facts (the flat evaluator keeps sets).
      const auto first = out.needs.insert(out.needs.end(), needs_.begin(), needs_.end());
      std::sort(first, out.needs.end());
      return true;
    }
    Decisions::Granted row{index, root, amount ? std::optional(amount->fen) : std::nullopt,
                           static_cast<std::uint32_t>(out.payers.size()), 0};
    pay(b, amount, row, out);
    out.granted.push_back(row);
    return true;
  }

  // ------------------------------------------------------------- payers

  // Who pays one granted row: the payers whose condition holds, each with
  // its share of the amount. A condition or figure that depends on an
  // unknown fact leaves the split undetermined, naming the facts; shares
  // that do not add up, or no payer at all, are errors at `paid by`.
  void pay(const CompiledBenefit& b, const std::optional<Money>& amount, Decisions::Granted& row, Decisions& out) {
    if (b.payers.empty()) return;
    const std::size_t mark = needs_.size();
    amount_fen_ = amount ? amount->fen : 0;
    auto& active = m_.active_payers;
    auto& shares = m_.shares;
    active.clear();
    shares.clear();
    bool undetermined = false;
    for (std::size_t i = 0; i < b.payers.size(); ++i) {
      const CompiledPayer& payer = b.payers[i];
      const std::size_t before = needs_.size();
      const Tri applies = payer.condition ? tri_of(eval(*payer.condition)) : Tri::true_;
      if (applies != Tri::unknown) needs_.resize(before);
      if (applies == Tri::unknown) undetermined = true;
      if (applies != Tri::true_) continue;
      ShareOf share{payer.share_kind, payer.share_kind == ast::ShareKind::percent ? payer.percent_ppm : payer.parts};
      if (payer.share) {
        const Value v = eval(*payer.share);
        if (!v.known()) undetermined = true;
        share.value = v.n;
      }
      active.push_back(i);
      shares.push_back(share);
    }
    if (undetermined) {
      row.split_undetermined = true;
      row.first_split_need = static_cast<std::uint32_t>(out.needs.size());
      for (std::size_t k = mark; k < needs_.size(); ++k)
        if (std::find(out.needs.begin() + row.first_split_need, out.needs.end(), needs_[k]) == out.needs.end())
          out.needs.push_back(needs_[k]);
      row.split_need_count = static_cast<std::uint32_t>(out.needs.size() - row.first_split_need);
      std::sort(out.needs.begin() + row.first_split_need, out.needs.end());
      needs_.resize(mark);
      return;
    }
    if (active.empty()) throw no_payer_applies(b);
    if (b.payers_have_shares) split_among_payers(b, active, shares, amount_fen_, m_.share_fen);
    // A payer who pays alone pays all: `paid by "区政府"`, or the one joint
    // payer whose condition holds for this family.
    const bool sole = !b.payers_have_shares && active.size() == 1 && amount;
    for (std::size_t k = 0; k < active.size(); ++k)
      out.payers.push_back({static_cast<int>(active[k]), b.payers_have_shares ? std::optional(m_.share_fen[k])
                                                         : sole                 ? std::optional(amount->fen)
                                                                                : std::nullopt});
    row.payer_count = static_cast<std::uint32_t>(active.size());
  }

  // Starts recording a top-level expression, when explaining.
  void mark() {
    if (rows_) rows_->begin();
  }

  // -------------------------------------------------------- expressions

  // `left and code`, Kleene, forgetting the needs of a side that did not matter.
  Tri and_then(Tri left, const Code& code) {
    if (left == Tri::false_) return left;
    std::size_t mark = needs_.size();
    Tri right = tri_of(eval(code));
    if (right == Tri::false_) {
      needs_.resize(mark);
      return right;
    }
    return tri_and(left, right);
  }

  // Every expression goes through here: when explaining, each step is traced.
  Value eval(const Code& c) {
    if (!trace_) return compute(c);
    trace_->enter(c);
    Value v = compute(c);
    trace_->leave(v, person_);
    return v;
  }

  Value compute(const Code& c) {
    switch (c.op) {
      case Op::constant: return c.constant;
      case Op::today: return {Tag::date, today_days_};
      case Op::fact: return read(c.index);
      case Op::person_field: return read(s_.roots[static_cast<std::size_t>(person_)].first_slot + c.index);
      case Op::field_of: {
        Value base = eval(c.kids[0]);
        return read(s_.roots[static_cast<std::size_t>(base.n)].first_slot + c.index);
      }
      case Op::root: return {Tag::person, c.index};
      case Op::person: return {Tag::person, person_};
      case Op::definition: return definition(c.index);
      case Op::not_: return value_of(tri_not(tri_of(eval(c.kids[0]))));
      case Op::negate: {
        Value v = eval(c.kids[0]);
        if (v.known()) v.n = checked_sub(0, v.n, loc(c));
        return v;
      }
      case Op::and_: return logical(c, true);
      case Op::or_: return logical(c, false);
      case Op::eq:
      case Op::ne:
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: return compare(c);
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div: return arithmetic(c);
      case Op::in_set: {
        Value v = eval(c.kids[0]);
        if (!v.known()) return v;
        return Value::boolean((c.mask >> v.n) & 1);
      }
      case Op::match: return match(c);
      case Op::if_: {
        Tri t = tri_of(eval(c.kids[0]));
        if (t == Tri::unknown) return {};
        return eval(c.kids[t == Tri::true_ ? 1 : 2]);
      }
      case Op::tier: return tier(c);
      case Op::schedule: return schedule(c);
      case Op::any_parent: return quantified(c, false, false);
      case Op::all_parent: return quantified(c, true, false);
      case Op::any_member: return quantified(c, false, true);
      case Op::all_member: return quantified(c, true, true);
      case Op::builtin: return (this->*builtin_calls[static_cast<std::size_t>(c.index)])(c);
      case Op::amount: return {Tag::money, amount_fen_};
    }
    return {};
  }

  // ------------------------------------------------------------ builtins
  // One member a row of grammar/builtins.def, named call_<id>: the table
  // below takes each one's address, so a row without its member does not
  // compile. Each gets the call; its kids are the arguments.

  using BuiltinCall = Value (Evaluator::*)(const Code&);
  static const BuiltinCall builtin_calls[builtin_count];

  Value call_age(const Code& c) { return age_today(eval(c.kids[0])); }

  Value call_age_on(const Code& c) {
    Value who = eval(c.kids[0]);
    return age(who, eval(c.kids[1]));
  }

  Value call_year(const Code& c) {
    Value d = eval(c.kids[0]);
    if (!d.known()) return d;
    return {Tag::integer, Date::from_days(d.n).year};
  }

  Value call_this_year(const Code& c) {
    Value d = eval(c.kids[0]);
    if (!d.known()) return d;
    return Value::boolean(Date::from_days(d.n).year == today_.year);
  }

  Value call_has(const Code& c) { return Value::boolean(has(c.kids[0])); }

  Value call_exists(const Code& c) { return Value::boolean(present(static_cast<int>(eval(c.kids[0]).n))); }

  Value call_living(const Code& c) { return Value::boolean(living(static_cast<int>(eval(c.kids[0]).n))); }

  Value call_granted(const Code& c) { return granted(static_cast<int>(c.kids[0].constant.n)); }

  Value call_years_between(const Code& c) { return between(c, DurationUnit::years); }
  Value call_months_between(const Code& c) { return between(c, DurationUnit::months); }
  Value call_days_between(const Code& c) { return between(c, DurationUnit::days); }

  Value between(const Code& c, DurationUnit unit) {
    Value a = eval(c.kids[0]);
    Value b = eval(c.kids[1]);
    if (!a.known() || !b.known()) return {};
    return {Tag::integer, full_periods(Date::from_days(a.n), Date::from_days(b.n), unit)};
  }

  // within(d, N): d ≤ today ≤ d + N ("自子女死亡之日起一年内").
  Value call_within(const Code& c) {
    Value d = eval(c.kids[0]);
    Value period = eval(c.kids[1]);
    if (!d.known() || !period.known()) return {};
    return Value::boolean(d.n <= today_days_ && today_days_ <= checked_shift(d.n, period.n, 1, loc(c)));
  }

  // elapsed(d, N): today ≥ d + N ("户籍满一年").
  Value call_elapsed(const Code& c) {
    Value d = eval(c.kids[0]);
    Value period = eval(c.kids[1]);
    if (!d.known() || !period.known()) return {};
    return Value::boolean(today_days_ >= checked_shift(d.n, period.n, 1, loc(c)));
  }

  Value call_min(const Code& c) { return extreme(c, false); }
  Value call_max(const Code& c) { return extreme(c, true); }

  Value extreme(const Code& c, bool largest) {
    Value a = eval(c.kids[0]);
    Value b = eval(c.kids[1]);
    if (!a.known() || !b.known()) return {};
    return (largest ? b.n > a.n : b.n < a.n) ? b : a;
  }

  static Loc loc(const Code& c) { return c.loc; }

  Value read(int slot) {
    const std::size_t i = static_cast<std::size_t>(slot);
    Value v;
    if (present(s_.slot_root[i])) {
      v = f_.slots[i];
      if (!v.known()) v = s_.field_of(slot).default_value;
    }
    if (!v.known()) needs_.push_back(slot);
    if (trace_) trace_->read(slot, v);
    return v;
  }

  bool has(const Code& field) {
    int slot = -1;
    if (field.op == Op::fact) slot = field.index;
    else if (field.op == Op::person_field) slot = s_.roots[static_cast<std::size_t>(person_)].first_slot + field.index;
    else if (field.op == Op::field_of) slot = s_.roots[static_cast<std::size_t>(eval(field.kids[0]).n)].first_slot + field.index;
    if (slot < 0 || !present(s_.slot_root[static_cast<std::size_t>(slot)])) return false;
    return f_.slots[static_cast<std::size_t>(slot)].known();
  }

  // Why a figure is missing, for an undetermined row.
  void give_reason(std::string reason) {
    reason_ = std::move(reason);
    ++reasons_given_;
  }

  // Drops the needs above `mark` that appear earlier above it. A definition
  // or an outcome stores its needs once each: reused in a chain
  // (`d2 = d1 and d1`), a list with repeats would double at every link.
  void forget_repeated_needs(std::size_t mark) {
    auto first = needs_.begin() + static_cast<std::ptrdiff_t>(mark);
    auto kept = first;
    for (auto it = first; it != needs_.end(); ++it)
      if (std::find(first, kept, *it) == kept) *kept++ = *it;
    needs_.erase(kept, needs_.end());
  }

  // A definition is evaluated once a family, without a recipient; wherever
  // it is used again, an unknown one still needs its facts, and one that
  // gave a reason gives it again.
  Value definition(int index) {
    const std::size_t i = static_cast<std::size_t>(index);
    if (m_.definition_done[i]) {
      if (const std::uint32_t count = m_.definition_need_count[i]) {
        auto first = m_.definition_needs.begin() + m_.definition_first_need[i];
        needs_.insert(needs_.end(), first, first + count);
      }
      if (!m_.definition_reason[i].empty()) give_reason(m_.definition_reason[i]);
      return m_.definition_value[i];
    }
    const std::size_t mark = needs_.size();
    const std::uint64_t reasons_before = reasons_given_;
    int saved_person = person_;
    person_ = -1;
    Value v = eval(p_.definitions[i]);
    person_ = saved_person;
    if (reasons_given_ != reasons_before) m_.definition_reason[i] = reason_;
    else m_.definition_reason[i].clear();
    if (v.known()) needs_.resize(mark);
    forget_repeated_needs(mark);
    m_.definition_value[i] = v;
    m_.definition_first_need[i] = static_cast<std::uint32_t>(m_.definition_needs.size());
    m_.definition_need_count[i] = static_cast<std::uint32_t>(needs_.size() - mark);
    m_.definition_needs.insert(m_.definition_needs.end(), needs_.begin() + static_cast<std::ptrdiff_t>(mark), needs_.end());
    m_.definition_done[i] = 1;
    return v;
  }

  Value granted(int benefit) {
    const CompiledBenefit& b = p_.benefits[static_cast<std::size_t>(benefit)];
    const Outcome* outcomes = outcomes_of(benefit);
    auto take = [&](const Outcome& o) {
      if (o.granted == Tri::unknown) {
        auto first = m_.outcome_needs.begin() + o.first_need;
        needs_.insert(needs_.end(), first, first + o.need_count);
      }
      return o.granted;
    };
    if (b.recipients.empty()) return value_of(take(outcomes[0]));
    if (person_ >= 0) return value_of(take(outcomes[static_cast<std::size_t>(person_ + 1)]));
    Tri any = Tri::false_;
    for (int root : b.recipients)
      if (root >= 0) any = tri_or(any, take(outcomes[static_cast<std::size_t>(root + 1)]));
    return value_of(any);
  }

  Value logical(const Code& c, bool is_and) {
    std::size_t mark = needs_.size();
    Tri left = tri_of(eval(c.kids[0]));
    Tri decisive = is_and ? Tri::false_ : Tri::true_;
    if (left == decisive) {
      needs_.resize(mark);
      return value_of(left);
    }
    Tri right = tri_of(eval(c.kids[1]));
    if (right == decisive) {
      needs_.resize(mark);
      return value_of(right);
    }
    return value_of(is_and ? tri_and(left, right) : tri_or(left, right));
  }

  std::string_view string_of(const Value& v) const {
    if (v.n >= 0) return f_.strings[static_cast<std::size_t>(v.n)];
    return p_.strings[static_cast<std::size_t>(-v.n - 1)];
  }

  Value compare(const Code& c) {
    Value l = eval(c.kids[0]);
    Value r = eval(c.kids[1]);
    if (!l.known() || !r.known()) return {};
    int order;
    if (l.tag == Tag::string) {
      auto a = string_of(l), b = string_of(r);
      order = a < b ? -1 : a == b ? 0 : 1;
    } else {
      order = l.n < r.n ? -1 : l.n == r.n ? 0 : 1;
    }
    switch (c.op) {
      case Op::eq: return Value::boolean(order == 0);
      case Op::ne: return Value::boolean(order != 0);
      case Op::lt: return Value::boolean(order < 0);
      case Op::le: return Value::boolean(order <= 0);
      case Op::gt: return Value::boolean(order > 0);
      default: return Value::boolean(order >= 0);
    }
  }

  Value arithmetic(const Code& c) {
    Value l = eval(c.kids[0]);
    Value r = eval(c.kids[1]);
    if (!l.known() || !r.known()) return {};
    if (r.tag == Tag::duration) return {Tag::date, checked_shift(l.n, r.n, c.op == Op::sub ? -1 : 1, loc(c))};
    if (r.tag == Tag::rate) return {Tag::money, scale_rounded(l.n, r.n, loc(c))};
    Tag tag = l.tag == Tag::money || r.tag == Tag::money ? Tag::money : Tag::integer;
    switch (c.op) {
      case Op::add: return {tag, checked_add(l.n, r.n, loc(c))};
      case Op::sub: return {tag, checked_sub(l.n, r.n, loc(c))};
      case Op::mul: return {tag, checked_mul(l.n, r.n, loc(c))};
      default: return {tag, divide_rounded(l.n, r.n, loc(c))};
    }
  }

  Value match(const Code& c) {
    Value subject = eval(c.kids[0]);
    if (!subject.known()) return subject;
    int arm = c.arm_of_value[static_cast<std::size_t>(subject.n)];
    if (arm < 0) {
      give_reason(no_figure_for(s_, slot_read_by(s_, c.kids[0], person_), subject));
      return {};
    }
    return eval(c.kids[static_cast<std::size_t>(arm)]);
  }

  Value tier(const Code& c) {
    Value v = eval(c.kids[0]);
    if (!v.known()) return v;
    for (std::size_t row = 0; row < c.lows.size(); ++row) {
      if (c.lows[row] && v.n < *c.lows[row]) continue;
      if (c.highs[row] && v.n > *c.highs[row]) continue;
      return eval(c.kids[row + 1]);
    }
    give_reason(no_tier_row_for(v.n));
    return {};
  }

  Value schedule(const Code& c) {
    for (std::size_t row = c.from_days.size(); row-- > 0;)
      if (c.from_days[row] <= today_days_) return eval(c.kids[row]);
    give_reason(no_figure_before(c.from_days.front()));
    return {};
  }

  Value quantified(const Code& c, bool all, bool members) {
    Tri result = all ? Tri::true_ : Tri::false_;
    int saved = person_;
    for (int root : members ? s_.members : s_.parents) {
      if (!living(root)) continue;
      person_ = root;
      Tri t = tri_of(eval(c.kids[0]));
      result = all ? tri_and(result, t) : tri_or(result, t);
    }
    person_ = saved;
    return value_of(result);
  }

  // Policies ask a parent's age today in condition after condition: a
  // known answer is kept for the family (not when explaining, which shows
  // each reading of the birth date).
  Value age_today(const Value& who) {
    std::int32_t& kept = m_.age_today[static_cast<std::size_t>(who.n)];
    if (kept >= 0 && !trace_) return {Tag::integer, kept};
    Value v = age(who, {Tag::date, today_days_});
    if (v.known() && v.n >= 0 && v.n <= INT32_MAX) kept = static_cast<std::int32_t>(v.n);
    return v;
  }

  Value age(const Value& who, const Value& when) {
    if (!when.known()) return {};
    const RootInfo* root = &s_.roots[static_cast<std::size_t>(who.n)];
    // facts.md, "past childbearing age": where the family has no mother at
    // all, the father's own age stands in (the schema says whose: role
    // age_else). A mother who died is present, and keeps her own age.
    if (root->age_else >= 0 && !present(static_cast<int>(who.n))) {
      if (!present(root->age_else)) {
        give_reason(no_age_for(s_, *root));
        return {};
      }
      root = &s_.roots[static_cast<std::size_t>(root->age_else)];
    }
    Value birth = read(root->birth_slot);
    if (!birth.known()) return birth;
    return {Tag::integer, full_years(Date::from_days(birth.n), Date::from_days(when.n))};
  }
};

const Evaluator::BuiltinCall Evaluator::builtin_calls[] = {
#define FUZHU_BUILTIN(id, ...) &Evaluator::call_##id,
#include "grammar/builtins.def"
#undef FUZHU_BUILTIN
};

}  // namespace

void Scratch::fit(const CompiledPolicy& policy) {
  const std::size_t definitions = policy.definitions.size();
  definition_done.resize(definitions);
  definition_value.resize(definitions);
  definition_first_need.resize(definitions);
  definition_need_count.resize(definitions);
  definition_reason.resize(definitions);
  outcomes.resize(policy.benefits.size() * (policy.schema->roots.size() + 1));
  age_today.resize(policy.schema->roots.size());
}

void decide(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
            Scratch& scratch, Decisions& out, ExplanationRows* rows) {
  Evaluator(policy, facts, as_of, scratch, rows).run(options, out);
}

EvalResult evaluate(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of, const EvalOptions& options,
                    MemoryPool& memory) {
  EvalResult result;
  const SourceSet& sources = policy.sources;
  const MemoryPool::Lease held = memory.take();
  // As the Decider does: the quick test first, the diagnostics only for
  // facts that fail it (check_facts builds its messages as it goes).
  if (!flat_facts_possible(policy, facts, as_of, held->scratch)) {
    std::vector<Diagnostic> problems = check_facts(policy, facts, as_of);
    if (!problems.empty()) {
      result.errors = std::move(problems);
      return result;
    }
  }
  try {
    Decisions& decisions = held->decisions;
    Evaluation& out = result.evaluation.emplace();  // filled in place: an Evaluation is costly to move
    if (options.explain) {  // the same evaluator, tracing each step
      ExplanationRows rows(policy, facts, as_of, options.lang);
      flat_decide(policy, facts, as_of, options, held->scratch, decisions, &rows);
      Explained explained = rows.finish();
      out.explanations = std::move(explained.rows);
      out.keeps_trace_alive = std::move(explained.trace);
      out.lang = options.lang;
    } else {
      flat_decide(policy, facts, as_of, options, held->scratch, decisions);
    }
    materialise(policy, facts, as_of, decisions, out);
  } catch (const EvalError& e) {
    result.evaluation.reset();
    result.errors.push_back(sources.diagnose(e.code, e.loc, e.message));
  }
  return result;
}

std::vector<Diagnostic> check_facts(const CompiledPolicy& policy, const FactsData& facts, const Date& as_of) {
  std::vector<Diagnostic> out;
  const Schema& s = *policy.schema;
  if (facts.schema != policy.schema && facts.schema->fingerprint != s.fingerprint) {
    out.push_back(make_diagnostic(Diag::facts_of_another_schema,
                                  fmt::format("these facts were read for a policy with another facts schema (fingerprint {:016x}, "
                                              "this policy's is {:016x}): read the family again with the policy that evaluates it",
                                              facts.schema->fingerprint, s.fingerprint)));
    return out;
  }
  const std::int64_t today = as_of.days_since_epoch();
  auto problem = [&](Diag code, int slot, std::string message) {
    Diagnostic d = make_diagnostic(code, std::move(message));
    d.path = s.path_of(slot);
    out.push_back(std::move(d));
  };
  auto day = [](std::int64_t n) { return Date::from_days(n).to_string(); };
  for (std::size_t r = 0; r < s.roots.size(); ++r) {
    const RootInfo& root = s.roots[r];
    if (!facts.present[r]) continue;
    Value birth;
    if (root.birth_slot >= 0) birth = facts.slots[static_cast<std::size_t>(root.birth_slot)];
    if (birth.known() && birth.n > today)
      problem(Diag::born_after_evaluation, root.birth_slot, fmt::format("{}: the birth date {} is after the evaluation date {}",
                                                                          s.path_of(root.birth_slot), day(birth.n), as_of.to_string()));
    // facts.md, "Facts that cannot be": an event (a death, an injury, an
    // assessment, a re-birth) dated after the evaluation date, or before the
    // person's own birth, is a mistake in the facts.
    for (int slot : root.event_slots) {
      const Value& date = facts.slots[static_cast<std::size_t>(slot)];
      if (!date.known()) continue;
      if (date.n > today)
        problem(Diag::event_after_evaluation, slot, fmt::format("{}: {} is after the evaluation date {}", s.path_of(slot), day(date.n),
                                                                as_of.to_string()));
      else if (birth.known() && date.n < birth.n)
        problem(Diag::event_before_birth, slot, fmt::format("{}: {} is before the birth date {} ({})", s.path_of(slot), day(date.n),
                                                            day(birth.n), s.path_of(root.birth_slot)));
    }
  }
  return out;
}

}  // namespace fuzhu::detail
