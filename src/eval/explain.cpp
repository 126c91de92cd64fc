// Tracing an evaluation and explaining it (see explain.hpp).
#include "eval/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compile/flatten.hpp"
#include "eval/period.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::detail {

namespace {

// Steps explained on a line of their own; any other value is shown beside
// the line it belongs to, as an operand. A builtin says which in its row.
bool own_line(const Code& code) {
  switch (code.op) {
    case Op::and_: case Op::or_: case Op::not_:
    case Op::eq: case Op::ne: case Op::lt: case Op::le: case Op::gt: case Op::ge: case Op::in_set:
    case Op::definition:
    case Op::any_parent: case Op::all_parent: case Op::any_member: case Op::all_member:
    case Op::match: case Op::if_: case Op::tier: case Op::schedule:
      return true;
    case Op::builtin:
      return builtin_info(static_cast<Builtin>(code.index)).shown != BuiltinShown::value;
    default:
      return false;
  }
}

// Literals and persons say nothing an explanation needs.
bool silent(Op op) { return op == Op::constant || op == Op::root || op == Op::person; }

// 1500000 millionths as "1.5", 400000 as "0.4".
std::string rate_text(std::int64_t millionths) {
  std::string text = fmt::format("{}.{:06}", millionths / 1'000'000, millionths % 1'000'000);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

const char* decision_of(const Value& v, Lang lang) {
  const bool zh = lang == Lang::zh;
  if (!v.known()) return zh ? "待定" : "undetermined";
  if (v.n) return zh ? "享有" : "granted";
  return zh ? "不享有" : "not granted";
}

}  // namespace

// ------------------------------------------------------------- recording

ExplainTrace::ExplainTrace(const CompiledPolicy& compiled, Lang language) : policy(compiled), lang(language) {}

void ExplainTrace::start(const FactsData& facts) {
  strings = facts.strings;
  present = facts.present;
  definitions.assign(policy.definitions.size(), -1);
  // Some one or two steps a node of flat code: the arrays seldom grow.
  if (policy.flat) steps.reserve(2 * policy.flat->nodes.size());
  reads.reserve(static_cast<std::size_t>(policy.schema->slot_count));
}

std::string_view ExplainTrace::keep(std::string text) { return kept.emplace_front(std::move(text)); }

void Tracer::enter(const Code& code) {
  if (!started_) {
    t_.start(f_);
    started_ = true;
  }
  open_.push_back(static_cast<int>(t_.steps.size()));
  t_.steps.emplace_back().code = &code;
}

void Tracer::leave(const Value& value, int person) {
  const int index = open_.back();
  open_.pop_back();
  ExplainTrace::Step& left = t_.steps[static_cast<std::size_t>(index)];
  left.value = value;
  left.person = person;
  // A definition is evaluated once; later uses show its first evaluation.
  if (left.code->op == Op::definition && left.first_kid >= 0) {
    int& body = t_.definitions[static_cast<std::size_t>(left.code->index)];
    if (body < 0) body = left.first_kid;
  }
  if (open_.empty()) {
    last_ = index;
    return;
  }
  ExplainTrace::Step& parent = t_.steps[static_cast<std::size_t>(open_.back())];
  if (parent.last_kid >= 0) t_.steps[static_cast<std::size_t>(parent.last_kid)].next = index;
  else parent.first_kid = index;
  parent.last_kid = index;
}

void Tracer::read(int slot, const Value& value) {
  if (open_.empty()) return;
  const int index = static_cast<int>(t_.reads.size());
  t_.reads.push_back({slot, value, f_.slots[static_cast<std::size_t>(slot)].known()});
  ExplainTrace::Step& reader = t_.steps[static_cast<std::size_t>(open_.back())];
  if (reader.last_read >= 0) t_.reads[static_cast<std::size_t>(reader.last_read)].next = index;
  else reader.first_read = index;
  reader.last_read = index;
}

// --------------------------------------------------------------- building

namespace {

// Builds the trees and fact lists of one request from a finished trace. Its
// marks are its own, so rows may be built from several threads at once.
class TreeBuilder {
 public:
  using Step = ExplainTrace::Step;
  using Read = ExplainTrace::Read;

  explicit TreeBuilder(const ExplainTrace& trace)
      : t_(trace), p_(trace.policy), s_(*trace.policy.schema), lang_(trace.lang),
        body_shown_(p_.definitions.size(), false), facts_collected_(p_.definitions.size(), false),
        slot_seen_(static_cast<std::size_t>(s_.slot_count), 0) {}

  ExplainNode build(const Step& step) const;
  void collect_facts(const Step& step, std::vector<NamedValue>& out) const;
  /// Each top-level step collects a definition's facts again (its own
  /// evaluation of it may have read other people's facts).
  void new_top() const { facts_collected_.assign(facts_collected_.size(), false); }
  const Step& step(int index) const { return t_.steps[static_cast<std::size_t>(index)]; }

 private:
  const ExplainTrace& t_;
  const CompiledPolicy& p_;
  const Schema& s_;
  Lang lang_;
  // The definitions whose body the tree being built already shows (or whose
  // facts it already collected): a definition used again in one explanation
  // is shown by name and value only, so an explanation grows with the
  // policy's size, not with the number of paths through its definitions.
  mutable std::vector<bool> body_shown_, facts_collected_;
  mutable std::vector<char> slot_seen_;  // by slot: already collected

  std::string show(const Value& value, const Code& code) const;
  std::string show_fact(const Read& read) const;
  void add_parts(const Step& step, ExplainNode& node) const;
  void add_kids(const Step& step, ExplainNode& node) const;
  void flatten(const Code& code, const Step* step, std::vector<ExplainNode>& parts) const;
  void explain_definition(const Step& step, ExplainNode& node) const;
  std::string note_of(const Step& step) const;
  std::string builtin_note(const Step& step) const;
  std::string_view text_of(const Code& code) const;
  static bool first_time(std::vector<bool>& seen, int index);
};

// ---------------------------------------------------------------- values

std::string TreeBuilder::show(const Value& v, const Code& code) const {
  switch (v.tag) {
    case Tag::unknown: return "unknown";
    case Tag::boolean: return v.n ? "true" : "false";
    case Tag::integer: return fmt::format("{}", v.n);
    case Tag::money: return Money{v.n}.to_string() + " 元";
    case Tag::date: return Date::from_days(v.n).to_string();
    case Tag::enumeration: {
      if (code.enumeration >= 0) {
        const auto& names = p_.enum_values[static_cast<std::size_t>(code.enumeration)];
        if (v.n >= 0 && static_cast<std::size_t>(v.n) < names.size()) return names[static_cast<std::size_t>(v.n)];
      }
      return fmt::format("{}", v.n);
    }
    case Tag::string: {
      const std::string& s = v.n >= 0 ? t_.strings[static_cast<std::size_t>(v.n)]
                                      : p_.strings[static_cast<std::size_t>(-v.n - 1)];
      return fmt::format("\"{}\"", s);
    }
    case Tag::person:
      if (v.n >= 0) return s_.roots[static_cast<std::size_t>(v.n)].name;
      return "nobody";
    case Tag::duration: return Duration::decode(v.n).to_string();
    case Tag::rate: return rate_text(v.n);
  }
  return "?";
}

std::string TreeBuilder::show_fact(const Read& read) const {
  const FieldInfo& field = s_.field_of(read.slot);
  int root = s_.slot_root[static_cast<std::size_t>(read.slot)];
  if (!t_.present[static_cast<std::size_t>(root)])
    return fmt::format("unknown (no {} in the facts)", s_.roots[static_cast<std::size_t>(root)].name);
  const Value& v = read.value;
  if (!v.known()) return "unknown";
  std::string text;
  if (v.tag == Tag::enumeration && v.n >= 0 && static_cast<std::size_t>(v.n) < field.enum_values.size())
    text = field.enum_values[static_cast<std::size_t>(v.n)];
  else if (v.tag == Tag::string)
    text = fmt::format("\"{}\"", v.n >= 0 ? t_.strings[static_cast<std::size_t>(v.n)]
                                           : p_.strings[static_cast<std::size_t>(-v.n - 1)]);
  else
    text = show(v, Code{});
  if (!read.given) text += " (default)";
  return text;
}

// -------------------------------------------------------------- the tree

std::string_view TreeBuilder::text_of(const Code& code) const {
  return p_.debug_text.view(code.text);  // condensed at compile time; explanations borrow it
}

ExplainNode TreeBuilder::build(const Step& step) const {
  const Code& c = *step.code;
  ExplainNode node;
  node.text = text_of(c);
  node.value = show(step.value, c);
  node.note = note_of(step);
  add_parts(step, node);
  return node;
}

// What a step's line holds beneath it: its parts and operands.
void TreeBuilder::add_parts(const Step& step, ExplainNode& node) const {
  switch (step.code->op) {
    case Op::and_:
    case Op::or_: flatten(*step.code, &step, node.parts); break;
    case Op::definition: explain_definition(step, node); break;
    case Op::any_parent:
    case Op::all_parent:
    case Op::any_member:
    case Op::all_member:
      for (int k = step.first_kid; k >= 0; k = this->step(k).next) {
        node.parts.push_back(build(this->step(k)));
        node.parts.back().note = fmt::format("for {}", s_.roots[static_cast<std::size_t>(this->step(k).person)].name);
      }
      break;
    default: add_kids(step, node); break;
  }
}

// Each sub-expression on a line of its own, or as an operand beside this one.
void TreeBuilder::add_kids(const Step& step, ExplainNode& node) const {
  for (int k = step.first_kid; k >= 0; k = this->step(k).next) {
    const Step& kid = this->step(k);
    if (silent(kid.code->op)) continue;
    if (own_line(*kid.code)) node.parts.push_back(build(kid));
    else node.operands.push_back({text_of(*kid.code), show(kid.value, *kid.code)});
  }
}

// `a and b and c` as one line with three parts; a part the others already
// decided is listed as not evaluated.
void TreeBuilder::flatten(const Code& code, const Step* step, std::vector<ExplainNode>& parts) const {
  for (const Code& kid : code.kids) {
    const Step* done = nullptr;
    if (step)
      for (int k = step->first_kid; k >= 0; k = this->step(k).next)
        if (this->step(k).code == &kid) done = &this->step(k);
    if (kid.op == code.op) {
      flatten(kid, done, parts);
    } else if (done) {
      parts.push_back(build(*done));
    } else {
      ExplainNode skipped;
      skipped.text = text_of(kid);
      skipped.evaluated = false;
      parts.push_back(std::move(skipped));
    }
  }
}

// A definition by name, with its body as written; the body's parts become
// the definition's, unless the body is just another definition's name.
void TreeBuilder::explain_definition(const Step& step, ExplainNode& node) const {
  const std::size_t index = static_cast<std::size_t>(step.code->index);
  node.definition = text_of(p_.definitions[index]);
  if (!first_time(body_shown_, step.code->index)) return;
  const int first = step.first_kid >= 0 ? step.first_kid : t_.definitions[index];
  if (first < 0) return;
  const Step& body = this->step(first);
  if (body.code->op == Op::definition) {
    node.parts.push_back(build(body));
    return;
  }
  // The body's own line is the definition's: only its parts are built.
  if (node.note.empty()) node.note = note_of(body);
  add_parts(body, node);
}

// What decided a step beyond its parts: the row of a schedule or tier, the
// outcome of a benefit granted() asks about.
std::string TreeBuilder::note_of(const Step& step) const {
  const Code& c = *step.code;
  auto chosen_row = [&]() -> int {
    for (int i = step.first_kid; i >= 0; i = this->step(i).next)
      for (std::size_t k = 0; k < c.kids.size(); ++k)
        if (this->step(i).code == &c.kids[k]) {
          if (c.op == Op::tier && k == 0) continue;  // the subject
          return static_cast<int>(c.op == Op::tier ? k - 1 : k);
        }
    return -1;
  };
  switch (c.op) {
    case Op::schedule: {
      int row = chosen_row();
      if (row < 0) return "";
      const std::string from = Date::from_days(c.from_days[static_cast<std::size_t>(row)]).to_string();
      return lang_ == Lang::zh ? fmt::format("{}起的金额", from) : fmt::format("the figure from {}", from);
    }
    case Op::tier: {
      int row = chosen_row();
      if (row < 0) return "";
      const auto& low = c.lows[static_cast<std::size_t>(row)];
      const auto& high = c.highs[static_cast<std::size_t>(row)];
      const std::string rows = fmt::format("{}..{}", low ? fmt::format("{}", *low) : "", high ? fmt::format("{}", *high) : "");
      return lang_ == Lang::zh ? fmt::format("适用 {} 档", rows) : fmt::format("the row {}", rows);
    }
    case Op::builtin: return builtin_note(step);
    default: return "";
  }
}

// What the builtin table says to add to a call's line.
std::string TreeBuilder::builtin_note(const Step& step) const {
  const Code& c = *step.code;
  switch (builtin_info(static_cast<Builtin>(c.index)).shown) {
    case BuiltinShown::value:
    case BuiltinShown::condition: return "";
    case BuiltinShown::period: {
      // The day the period ends: d + N, as the evaluator computed it.
      const Value* values[2] = {nullptr, nullptr};
      for (int i = step.first_kid; i >= 0; i = this->step(i).next)
        for (std::size_t k = 0; k < 2 && k < c.kids.size(); ++k)
          if (this->step(i).code == &c.kids[k]) values[k] = &this->step(i).value;
      if (!values[0] || !values[1] || !values[0]->known() || !values[1]->known()) return "";
      const Date from = Date::from_days(values[0]->n);
      const Duration period = Duration::decode(values[1]->n);
      const auto end = shift(from, period);
      if (!end) return "";
      return fmt::format("{} + {} = {}", text_of(c.kids[0]), text_of(c.kids[1]), end->to_string());
    }
    case BuiltinShown::outcome: {
      const int index = static_cast<int>(c.kids[0].constant.n);
      const CompiledBenefit& benefit = p_.benefits[static_cast<std::size_t>(index)];
      const bool zh = lang_ == Lang::zh;
      std::string who;
      if (!benefit.recipients.empty() && step.person >= 0) {
        const RootInfo& root = s_.roots[static_cast<std::size_t>(step.person)];
        who = zh ? (root.label.empty() ? root.name : root.label) : " to " + root.name;
      } else if (!benefit.recipients.empty()) {
        who = zh ? "有人" : " to someone";
      }
      if (zh) return fmt::format("{}（{}）：{}{}", benefit.title, benefit.id, who, decision_of(step.value, lang_));
      return fmt::format("{} ({}) is {}{}", benefit.title, benefit.id, decision_of(step.value, lang_), who);
    }
  }
  return "";
}

bool TreeBuilder::first_time(std::vector<bool>& seen, int index) {
  const auto i = static_cast<std::size_t>(index);
  if (i >= seen.size() || seen[i]) return false;
  seen[i] = true;
  return true;
}

void TreeBuilder::collect_facts(const Step& step, std::vector<NamedValue>& out) const {
  if (step.code->op == Op::definition && !first_time(facts_collected_, step.code->index)) return;
  for (int r = step.first_read; r >= 0; r = t_.reads[static_cast<std::size_t>(r)].next) {
    const Read& read = t_.reads[static_cast<std::size_t>(r)];
    char& seen = slot_seen_[static_cast<std::size_t>(read.slot)];
    if (seen) continue;
    seen = 1;
    out.push_back({s_.path_of(read.slot), show_fact(read)});
  }
  for (int k = step.first_kid; k >= 0; k = this->step(k).next) collect_facts(this->step(k), out);
  if (step.code->op == Op::definition && step.first_kid < 0) {
    const int body = t_.definitions[static_cast<std::size_t>(step.code->index)];
    if (body >= 0) collect_facts(this->step(body), out);
  }
}

}  // namespace

// ------------------------------------------------------------ on request

std::optional<ExplainNode> ExplainTrace::tree(int top) const {
  if (top < 0) return std::nullopt;
  const TreeBuilder builder(*this);
  return builder.build(builder.step(top));
}

// A fact read by the condition and again by the amount is listed once: one
// builder, so one set of marks on the slots, serves all the steps.
std::vector<NamedValue> ExplainTrace::facts(std::initializer_list<int> tops) const {
  std::vector<NamedValue> out;
  const TreeBuilder builder(*this);
  for (int top : tops)
    if (top >= 0) {
      builder.new_top();
      builder.collect_facts(builder.step(top), out);
    }
  return out;
}

}  // namespace fuzhu::detail

namespace fuzhu {

std::optional<ExplainNode> Explanation::condition() const { return trace_ ? trace_->tree(condition_) : std::nullopt; }
std::optional<ExplainNode> Explanation::where() const { return trace_ ? trace_->tree(where_) : std::nullopt; }
std::optional<ExplainNode> Explanation::amount() const { return trace_ ? trace_->tree(amount_) : std::nullopt; }

std::span<const std::string_view> Explanation::needs() const {
  if (!trace_) return {};
  return {trace_->needs.data() + first_need_, static_cast<std::size_t>(need_count_)};
}

std::vector<NamedValue> Explanation::facts() const {
  if (!trace_) return {};
  return trace_->facts({condition_, where_, amount_});
}

}  // namespace fuzhu
