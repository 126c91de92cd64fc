// Tracing an evaluation and explaining it (see explain.hpp).
#include "eval/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

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

void merge_facts(std::vector<NamedValue>& into, const std::vector<NamedValue>& from) {
  for (const auto& fact : from) {
    auto same = [&](const NamedValue& x) { return x.name == fact.name; };
    if (std::none_of(into.begin(), into.end(), same)) into.push_back(fact);
  }
}

Tracer::Tracer(const CompiledPolicy& policy, const FactsData& facts, Lang lang)
    : p_(policy), lang_(lang), s_(*policy.schema), f_(facts) {}

// ------------------------------------------------------------- recording

void Tracer::begin() { last_.reset(); }

void Tracer::enter(const Code& code) {
  Step step;
  step.code = &code;
  open_.push_back(std::move(step));
}

void Tracer::leave(const Value& value, int person) {
  Step step = std::move(open_.back());
  open_.pop_back();
  step.value = value;
  step.person = person;
  // A definition is evaluated once; later uses show its first evaluation.
  if (step.code->op == Op::definition && !step.kids.empty() && !definitions_.count(step.code->index))
    definitions_.emplace(step.code->index, step.kids.front());
  if (open_.empty()) last_ = std::move(step);
  else open_.back().kids.push_back(std::move(step));
}

void Tracer::read(int slot, const Value& value) {
  if (!open_.empty()) open_.back().reads.emplace_back(slot, value);
}

Traced Tracer::take() {
  Traced out;
  if (!last_) return out;
  body_shown_.assign(p_.definitions.size(), false);
  facts_collected_.assign(p_.definitions.size(), false);
  out.node = build(*last_);
  collect_facts(*last_, out.facts);
  last_.reset();
  return out;
}

// ---------------------------------------------------------------- values

std::string Tracer::show(const Value& v, const Code& code) const {
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
      const std::string& s = v.n >= 0 ? f_.strings[static_cast<std::size_t>(v.n)]
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

std::string Tracer::show_fact(int slot, const Value& v) const {
  const FieldInfo& field = s_.field_of(slot);
  int root = s_.slot_root[static_cast<std::size_t>(slot)];
  if (!f_.present[static_cast<std::size_t>(root)])
    return fmt::format("unknown (no {} in the facts)", s_.roots[static_cast<std::size_t>(root)].name);
  if (!v.known()) return "unknown";
  std::string text;
  if (v.tag == Tag::enumeration && v.n >= 0 && static_cast<std::size_t>(v.n) < field.enum_values.size())
    text = field.enum_values[static_cast<std::size_t>(v.n)];
  else if (v.tag == Tag::string)
    text = fmt::format("\"{}\"", v.n >= 0 ? f_.strings[static_cast<std::size_t>(v.n)]
                                           : p_.strings[static_cast<std::size_t>(-v.n - 1)]);
  else
    text = show(v, Code{});
  if (!f_.slots[static_cast<std::size_t>(slot)].known()) text += " (default)";
  return text;
}

// -------------------------------------------------------------- the tree

std::string Tracer::text_of(const Code& code) const {
  return p_.debug_text.text(code.text);  // condensed at compile time
}

ExplainNode Tracer::build(const Step& step) const {
  const Code& c = *step.code;
  ExplainNode node;
  node.text = text_of(c);
  node.value = show(step.value, c);
  node.note = note_of(step);
  switch (c.op) {
    case Op::and_:
    case Op::or_: flatten(c, &step, node.parts); break;
    case Op::definition: explain_definition(step, node); break;
    case Op::any_parent:
    case Op::all_parent:
    case Op::any_member:
    case Op::all_member:
      for (const Step& kid : step.kids) {
        node.parts.push_back(build(kid));
        node.parts.back().note = fmt::format("for {}", s_.roots[static_cast<std::size_t>(kid.person)].name);
      }
      break;
    default: add_kids(step, node); break;
  }
  return node;
}

// Each sub-expression on a line of its own, or as an operand beside this one.
void Tracer::add_kids(const Step& step, ExplainNode& node) const {
  for (const Step& kid : step.kids) {
    if (silent(kid.code->op)) continue;
    if (own_line(*kid.code)) node.parts.push_back(build(kid));
    else node.operands.push_back({text_of(*kid.code), show(kid.value, *kid.code)});
  }
}

// `a and b and c` as one line with three parts; a part the others already
// decided is listed as not evaluated.
void Tracer::flatten(const Code& code, const Step* step, std::vector<ExplainNode>& parts) const {
  for (const Code& kid : code.kids) {
    const Step* done = nullptr;
    if (step)
      for (const Step& s : step->kids)
        if (s.code == &kid) done = &s;
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
void Tracer::explain_definition(const Step& step, ExplainNode& node) const {
  const std::size_t index = static_cast<std::size_t>(step.code->index);
  node.definition = text_of(p_.definitions[index]);
  if (!first_time(body_shown_, step.code->index)) return;
  const Step* body = step.kids.empty() ? nullptr : &step.kids.front();
  if (!body) {
    auto cached = definitions_.find(step.code->index);
    if (cached != definitions_.end()) body = &cached->second;
  }
  if (!body) return;
  ExplainNode inner = build(*body);
  if (body->code->op == Op::definition) {
    node.parts.push_back(std::move(inner));
    return;
  }
  node.operands = std::move(inner.operands);
  node.parts = std::move(inner.parts);
  if (node.note.empty()) node.note = std::move(inner.note);
}

// What decided a step beyond its parts: the row of a schedule or tier, the
// outcome of a benefit granted() asks about.
std::string Tracer::note_of(const Step& step) const {
  const Code& c = *step.code;
  auto chosen_row = [&]() -> int {
    for (const Step& kid : step.kids)
      for (std::size_t k = 0; k < c.kids.size(); ++k)
        if (kid.code == &c.kids[k]) {
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
std::string Tracer::builtin_note(const Step& step) const {
  const Code& c = *step.code;
  switch (builtin_info(static_cast<Builtin>(c.index)).shown) {
    case BuiltinShown::value:
    case BuiltinShown::condition: return "";
    case BuiltinShown::period: {
      // The day the period ends: d + N, as the evaluator computed it.
      const Value* values[2] = {nullptr, nullptr};
      for (const Step& kid : step.kids)
        for (std::size_t k = 0; k < 2 && k < c.kids.size(); ++k)
          if (kid.code == &c.kids[k]) values[k] = &kid.value;
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

bool Tracer::first_time(std::vector<bool>& seen, int index) {
  const auto i = static_cast<std::size_t>(index);
  if (i >= seen.size() || seen[i]) return false;
  seen[i] = true;
  return true;
}

void Tracer::collect_facts(const Step& step, std::vector<NamedValue>& out) const {
  if (step.code->op == Op::definition && !first_time(facts_collected_, step.code->index)) return;
  for (const auto& [slot, value] : step.reads) merge_facts(out, {{s_.path_of(slot), show_fact(slot, value)}});
  for (const Step& kid : step.kids) collect_facts(kid, out);
  if (step.code->op == Op::definition && step.kids.empty()) {
    auto cached = definitions_.find(step.code->index);
    if (cached != definitions_.end()) collect_facts(cached->second, out);
  }
}

}  // namespace fuzhu::detail
