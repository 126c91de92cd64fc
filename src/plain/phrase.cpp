// Expressions as phrases (phrase.hpp).
#include "plain/phrase.hpp"

#include <fmt/format.h>

#include "eval/period.hpp"
#include "plain/negation.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::plain {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

namespace {

bool is_logic(const Expr& e) {
  return e.kind == ExprKind::binary && (e.op == BinaryOp::and_ || e.op == BinaryOp::or_);
}

bool is_comparison(BinaryOp op) {
  return op == BinaryOp::eq || op == BinaryOp::ne || op == BinaryOp::lt || op == BinaryOp::le ||
         op == BinaryOp::gt || op == BinaryOp::ge;
}

// `a and b and c` as one list of parts.
void flatten(const Expr& e, BinaryOp op, std::vector<const Expr*>& out) {
  if (e.kind == ExprKind::binary && e.op == op) {
    for (const auto& operand : e.operands) flatten(*operand, op, out);
    return;
  }
  out.push_back(&e);
}

// `not (a < b)` is `a >= b`.
BinaryOp flipped(BinaryOp op) {
  switch (op) {
    case BinaryOp::eq: return BinaryOp::ne;
    case BinaryOp::ne: return BinaryOp::eq;
    case BinaryOp::lt: return BinaryOp::ge;
    case BinaryOp::le: return BinaryOp::gt;
    case BinaryOp::gt: return BinaryOp::le;
    case BinaryOp::ge: return BinaryOp::lt;
    default: return op;
  }
}

// `5 < x` read as `x > 5`, so that the fact comes first.
BinaryOp mirrored(BinaryOp op) {
  switch (op) {
    case BinaryOp::lt: return BinaryOp::gt;
    case BinaryOp::le: return BinaryOp::ge;
    case BinaryOp::gt: return BinaryOp::lt;
    case BinaryOp::ge: return BinaryOp::le;
    default: return op;
  }
}

bool is_literal(const Expr& e) {
  switch (e.kind) {
    case ExprKind::boolean: case ExprKind::integer: case ExprKind::money: case ExprKind::date: case ExprKind::string:
      return true;
    case ExprKind::name: return e.name_kind == ast::NameKind::enum_value;
    default: return false;
  }
}

bool is_zero(const Expr& e) {
  return (e.kind == ExprKind::money || e.kind == ExprKind::integer) && e.number == 0;
}

std::optional<Builtin> builtin_of(const Expr& e) {
  if (e.kind != ExprKind::call || e.resolved < 0) return std::nullopt;
  return static_cast<Builtin>(e.resolved);
}

bool is_age(const Expr& e) {
  auto b = builtin_of(e);
  return b && (*b == Builtin::age || *b == Builtin::age_on);
}

std::string words_of(std::string_view name) {
  std::string out(name);
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace

Phrases::Phrases(const Program& program, Lang lang) : p_(program), lang_(lang), w_(words(lang)) {}

// ------------------------------------------------------------------ names

std::string Phrases::money(std::int64_t fen) const {
  std::string sign = fen < 0 ? "-" : "";
  std::uint64_t f = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string text = fmt::format("{}{}", sign, f / 100);
  if (std::uint64_t cents = f % 100) text += cents % 10 ? fmt::format(".{:02}", cents) : fmt::format(".{}", cents / 10);
  return text + std::string(w_.yuan);
}

// 1年, 6个月, 30日 (the document's way); 1 year, 6 months, 30 days.
std::string Phrases::duration(std::int64_t encoded) const {
  const Duration d = Duration::decode(encoded);
  const bool one = d.count == 1;
  switch (d.unit) {
    case DurationUnit::years: return zh() ? fmt::format("{}年", d.count) : fmt::format("{} year{}", d.count, one ? "" : "s");
    case DurationUnit::months: return zh() ? fmt::format("{}个月", d.count) : fmt::format("{} month{}", d.count, one ? "" : "s");
    case DurationUnit::days: return zh() ? fmt::format("{}日", d.count) : fmt::format("{} day{}", d.count, one ? "" : "s");
  }
  return "";
}

// A rate as a decimal: 1500000 millionths is 1.5.
std::string Phrases::rate(std::int64_t millionths) const {
  std::string sign = millionths < 0 ? "-" : "";
  std::uint64_t m = millionths < 0 ? 0 - static_cast<std::uint64_t>(millionths) : static_cast<std::uint64_t>(millionths);
  std::string text = fmt::format("{}{}", sign, m / 1000000);
  if (std::uint64_t rest = m % 1000000) {
    std::string digits = fmt::format("{:06}", rest);
    while (digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  return text;
}

std::string Phrases::definition_name(int index) const {
  const ast::Definition& d = *p_.definitions[static_cast<std::size_t>(index)];
  if (zh() && !d.label.empty()) return d.label;
  return zh() ? d.name : words_of(d.name);
}

std::string Phrases::root_label(int root) const {
  const ast::RootDecl& r = *p_.roots[static_cast<std::size_t>(root)];
  if (zh()) return r.label.empty() ? r.name : r.label;
  return "the " + words_of(r.name);
}

std::string Phrases::value_label(const ast::EnumDecl& decl, int value) const {
  // The checker resolved every value; an index out of range would be its bug, not a reason to crash.
  if (value < 0 || static_cast<std::size_t>(value) >= decl.values.size()) return "?";
  const ast::EnumValue& v = decl.values[static_cast<std::size_t>(value)];
  if (zh()) return v.label.empty() ? v.name : v.label;
  return words_of(v.name);  // city district, not city_district
}

const ast::FieldDecl* Phrases::field_decl(const Expr& e) {
  if (e.kind != ExprKind::field || e.resolved < 0) return nullptr;
  const ast::RecordDecl* record = e.operands[0]->type.record;
  if (!record || static_cast<std::size_t>(e.resolved) >= record->layout.size()) return nullptr;
  return record->layout[static_cast<std::size_t>(e.resolved)];
}

std::string Phrases::field_label(const Expr& e) const {
  const ast::FieldDecl* f = field_decl(e);
  if (!f) return words_of(e.text);
  return zh() && !f->label.empty() ? f->label : words_of(f->name);
}

// A person's fields carry the person (女方出生日期); the household's and
// the family's read without one in Chinese (上年度家庭总收入).
std::string Phrases::subject(const Expr& operand, std::string_view person) const {
  if (operand.kind == ExprKind::person) return std::string(person);
  if (operand.kind == ExprKind::name && operand.name_kind == ast::NameKind::root) {
    const ast::RootDecl& r = *p_.roots[static_cast<std::size_t>(operand.resolved)];
    if (zh() && !p_.references.is_person(r.record)) return "";
    return root_label(operand.resolved);
  }
  return value(operand, person);
}

std::string Phrases::possessive(const std::string& subject, std::string_view what) const {
  // 子女状况 names its subject already: not 子女子女状况.
  if (zh()) return what.starts_with(subject) ? std::string(what) : subject + std::string(what);
  if (subject.empty()) return std::string(what);
  return fmt::format("{}'s {}", subject, what);  // subjects are singular: the mother, either parent, that member
}

std::string Phrases::field(const Expr& e, std::string_view person) const {
  return possessive(subject(*e.operands[0], person), field_label(e));
}

// ------------------------------------------------------------ conditions

std::string Phrases::condition(const Expr& e, std::string_view person) const { return logic(e, person, true); }

std::vector<std::string> Phrases::conditions(const Expr& e, std::string_view person) const {
  std::vector<const Expr*> parts;
  flatten(e, BinaryOp::and_, parts);
  std::vector<std::string> out;
  for (const Expr* part : parts) out.push_back(logic(*part, person, true));
  return out;
}

std::string Phrases::logic(const Expr& e, std::string_view person, bool top) const {
  if (!is_logic(e)) return atom(e, person);
  std::vector<const Expr*> parts;
  flatten(e, e.op, parts);
  std::vector<std::string> texts;
  for (const Expr* part : parts) {
    std::string text = logic(*part, person, false);
    // `and` inside `or` (or the other way) is bracketed: Chinese has no precedence.
    if (is_logic(*part) && part->op != e.op) text = fmt::format("{}{}{}", w_.open, text, w_.close);
    texts.push_back(std::move(text));
  }
  bool all = e.op == BinaryOp::and_;
  return join(texts, top ? (all ? w_.and_top : w_.or_top) : (all ? w_.and_inner : w_.or_inner));
}

std::string Phrases::atom(const Expr& e, std::string_view person) const {
  switch (e.kind) {
    case ExprKind::boolean: return std::string(e.boolean ? w_.yes : w_.no);
    case ExprKind::not_: return negation(*e.operands[0], person);
    case ExprKind::binary:
      if (is_comparison(e.op)) return comparison(e, e.op, person);
      if (is_logic(e)) return fmt::format("{}{}{}", w_.open, logic(e, person, false), w_.close);
      return arithmetic(e, person);
    case ExprKind::in_set: {
      std::vector<int> values;
      const ast::EnumDecl* decl = e.operands[0]->type.enumeration;
      if (decl)
        for (const auto& name : e.arms[0].values) values.push_back(decl->index_of(name));
      return enum_test(*e.operands[0], values, false, person);
    }
    case ExprKind::field:
      // A yes-or-no fact has no English verb in its name (glory_certificate):
      // it reads as a form's box, "the family's glory certificate: yes".
      if (zh()) return field(e, person);
      return fmt::format("{}: {}", field(e, person), w_.yes);
    case ExprKind::quantified: {
      if (!zh()) return quantified_en(e);  // the body speaks of the quantified person only
      std::string_view who = e.over_members ? (e.quantifier_all ? w_.all_member : w_.any_member)
                                            : (e.quantifier_all ? w_.all_parent : w_.any_parent);
      const Expr& body = *e.operands[0];
      std::string text = logic(body, w_.quantified_person, false);
      if (is_logic(body)) text = fmt::format("{}{}{}", w_.open, text, w_.close);
      return fmt::format("{}{}", who, text);
    }
    default: return value(e, person);
  }
}

// English has no way to say 夫妻任一方年满60周岁 with the person left out:
// one fact reads "either parent is aged 60 or over", several name the
// parent again: "either parent: (that parent is aged 60 or over and that
// parent's self care is none)".
std::string Phrases::quantified_en(const Expr& e) const {
  std::string_view who = e.over_members ? (e.quantifier_all ? w_.all_member : w_.any_member)
                                        : (e.quantifier_all ? w_.all_parent : w_.any_parent);
  const Expr& body = *e.operands[0];
  if (!is_logic(body)) return logic(body, who, false);
  std::string_view that = e.over_members ? "that member" : "that parent";
  return fmt::format("{}: {}{}{}", who, w_.open, logic(body, that, false), w_.close);
}

// Negations in the label's own words where it has them (无再生育意愿, 未婚,
// 女方已故); a flipped comparison; otherwise 非 / 不属于 / 并非（…）.
std::string Phrases::negation(const Expr& e, std::string_view person) const {
  if (e.kind == ExprKind::field) {
    std::string who = subject(*e.operands[0], person);
    std::string label = field_label(e);
    if (!zh()) return fmt::format("{}: {}", field(e, person), w_.no);
    if (auto negated = negate_label(label)) return who + *negated;
    return who + std::string(w_.not_prefix) + label;
  }
  if (e.kind == ExprKind::name && e.name_kind == ast::NameKind::definition) {
    std::string name = definition_name(e.resolved);
    if (zh())
      if (auto negated = negate_label(name)) return *negated;
    return std::string(w_.not_definition) + name;
  }
  if (e.kind == ExprKind::binary && is_comparison(e.op)) return comparison(e, flipped(e.op), person);
  if (e.kind == ExprKind::in_set) {
    std::vector<int> values;
    const ast::EnumDecl* decl = e.operands[0]->type.enumeration;
    if (decl)
      for (const auto& name : e.arms[0].values) values.push_back(decl->index_of(name));
    return enum_test(*e.operands[0], values, true, person);
  }
  if (e.kind == ExprKind::not_) return condition(*e.operands[0], person);
  if (auto b = builtin_of(e); b && *b == Builtin::living && zh()) return value(*e.operands[0], person) + "已故";
  if (auto b = builtin_of(e); b && *b == Builtin::exists && zh()) return "没有" + value(*e.operands[0], person);
  if (auto b = builtin_of(e); b && *b == Builtin::granted && zh()) return "不" + call(e, person);
  return zh() ? fmt::format("并非{}{}{}", w_.open, logic(e, person, false), w_.close)
              : fmt::format("not ({})", logic(e, person, false));
}

std::string Phrases::comparison(const Expr& e, BinaryOp op, std::string_view person) const {
  const Expr* l = e.operands[0].get();
  const Expr* r = e.operands[1].get();
  if (is_literal(*l) && !is_literal(*r)) {
    std::swap(l, r);
    op = mirrored(op);
  }
  if ((op == BinaryOp::eq || op == BinaryOp::ne) && l->type.kind == ast::TypeKind::enumeration &&
      r->kind == ExprKind::name && r->name_kind == ast::NameKind::enum_value)
    return enum_test(*l, {r->resolved}, op == BinaryOp::ne, person);
  if (is_age(*l) && r->kind == ExprKind::integer) return age_test(*l, op, r->number, person);
  bool dated = l->type.kind == ast::TypeKind::date;
  std::string_view word;
  switch (op) {
    case BinaryOp::ge: word = dated ? w_.date_ge : w_.ge; break;
    case BinaryOp::gt: word = dated ? w_.date_gt : w_.gt; break;
    case BinaryOp::lt: word = dated ? w_.date_lt : w_.lt; break;
    case BinaryOp::le: word = dated ? w_.date_le : w_.le; break;
    case BinaryOp::eq: word = dated || l->type.kind == ast::TypeKind::string ? w_.is : w_.eq; break;
    default: word = dated || l->type.kind == ast::TypeKind::string ? w_.is_not : w_.ne; break;
  }
  return fmt::format("{}{}{}", value(*l, person), word, value(*r, person));
}

// `child.status = deceased` reads 子女死亡: a field that says whether the
// person died (role deceased_when) needs no name of its own. Any other
// enum: 区县类型为市辖区.
std::string Phrases::enum_test(const Expr& subject_expr, const std::vector<int>& values, bool negated,
                               std::string_view person) const {
  const ast::EnumDecl* decl = subject_expr.type.enumeration;
  std::vector<std::string> labels;
  for (int v : values) labels.push_back(decl ? value_label(*decl, v) : "?");
  std::string either = join(labels, zh() ? "或" : " or ");
  const ast::FieldDecl* f = field_decl(subject_expr);
  if (f && f->has(ast::Role::deceased_when) && !negated) {
    std::string who = subject(*subject_expr.operands[0], person);
    return zh() ? who + either : fmt::format("{} is {}", who, either);
  }
  return fmt::format("{}{}{}", value(subject_expr, person), negated ? w_.is_not : w_.is, either);
}

std::string Phrases::age_subject(const Expr& call_expr, std::string_view person) const {
  // Inside `any parent(…)` the person is the one the quantifier names: 夫妻任一方年满60周岁.
  const Expr& whose = *call_expr.operands[0];
  std::string who = whose.kind == ExprKind::person ? std::string(person) : value(whose, person);
  if (builtin_of(call_expr) == Builtin::age) return who;
  std::string on = value(*call_expr.operands[1], person);
  return zh() ? fmt::format("{}在{}时", who, on) : fmt::format("{} on {}", who, on);
}

// 年满49周岁 (the documents' words for `age >= 49`), 未满49周岁, ….
std::string Phrases::age_test(const Expr& call_expr, BinaryOp op, std::int64_t years, std::string_view person) const {
  std::string who = age_subject(call_expr, person);
  if (zh()) {
    switch (op) {
      case BinaryOp::ge: return fmt::format("{}年满{}周岁", who, years);
      case BinaryOp::gt: return fmt::format("{}年龄超过{}周岁", who, years);
      case BinaryOp::lt: return fmt::format("{}未满{}周岁", who, years);
      case BinaryOp::le: return fmt::format("{}年龄不超过{}周岁", who, years);
      case BinaryOp::eq: return fmt::format("{}年龄为{}周岁", who, years);
      default: return fmt::format("{}年龄不为{}周岁", who, years);
    }
  }
  switch (op) {
    case BinaryOp::ge: return fmt::format("{} is aged {} or over", who, years);
    case BinaryOp::gt: return fmt::format("{} is aged over {}", who, years);
    case BinaryOp::lt: return fmt::format("{} is aged under {}", who, years);
    case BinaryOp::le: return fmt::format("{} is aged {} or under", who, years);
    case BinaryOp::eq: return fmt::format("{} is aged {}", who, years);
    default: return fmt::format("{} is not aged {}", who, years);
  }
}

// ----------------------------------------------------------------- values

std::string Phrases::value(const Expr& e, std::string_view person) const {
  switch (e.kind) {
    case ExprKind::boolean: return std::string(e.boolean ? w_.yes : w_.no);
    case ExprKind::integer: return fmt::format("{}", e.number);
    case ExprKind::money: return money(e.number);
    case ExprKind::date: return Date::from_days(e.number).to_string();
    case ExprKind::string: return zh() ? fmt::format("“{}”", e.text) : fmt::format("\"{}\"", e.text);
    case ExprKind::today: return std::string(w_.today);
    case ExprKind::duration: return duration(e.number);
    case ExprKind::rate: return rate(e.number);
    case ExprKind::person: return person.empty() ? std::string(w_.person) : std::string(person);
    case ExprKind::amount: return std::string(w_.amount_of);
    case ExprKind::field: return field(e, person);
    case ExprKind::negate: return fmt::format("{}{}", w_.minus, value(*e.operands[0], person));
    case ExprKind::name:
      switch (e.name_kind) {
        case ast::NameKind::definition: return definition_name(e.resolved);
        case ast::NameKind::root: return root_label(e.resolved);
        case ast::NameKind::enum_value:
          if (e.type.enumeration) return value_label(*e.type.enumeration, e.resolved);
          return e.text;
        case ast::NameKind::benefit: {
          const ast::Benefit& b = *p_.benefits[static_cast<std::size_t>(e.resolved)];
          return zh() ? fmt::format("“{}”", b.title) : fmt::format("\"{}\" ({})", b.title, b.id);
        }
        case ast::NameKind::unresolved: return e.text;
      }
      return e.text;
    case ExprKind::binary:
      if (is_logic(e) || is_comparison(e.op)) return atom(e, person);
      return arithmetic(e, person);
    case ExprKind::not_: case ExprKind::in_set: case ExprKind::quantified: return atom(e, person);
    case ExprKind::call: return call(e, person);
    case ExprKind::match: case ExprKind::if_: case ExprKind::tier: case ExprKind::schedule:
      return amount(e, Figure{}, person);
  }
  return "";
}

std::string Phrases::arithmetic(const Expr& e, std::string_view person) const {
  auto operand = [&](const Expr& x) {
    // 100元×（住院天数与60中较小者）: a sum under a product, and min/max, are bracketed.
    auto b = builtin_of(x);
    bool loose = (x.kind == ExprKind::binary && (x.op == BinaryOp::add || x.op == BinaryOp::sub) &&
                  (e.op == BinaryOp::mul || e.op == BinaryOp::div)) ||
                 (b && (*b == Builtin::min || *b == Builtin::max));
    std::string text = value(x, person);
    return loose ? fmt::format("{}{}{}", w_.open, text, w_.close) : text;
  };
  std::string_view word;
  switch (e.op) {
    case BinaryOp::add: word = w_.add; break;
    case BinaryOp::sub: word = w_.sub; break;
    case BinaryOp::mul: word = w_.mul; break;
    default: word = w_.div; break;
  }
  return fmt::format("{}{}{}", operand(*e.operands[0]), word, operand(*e.operands[1]));
}

std::string Phrases::call(const Expr& e, std::string_view person) const {
  auto arg = [&](std::size_t i) { return value(*e.operands[i], person); };
  auto b = builtin_of(e);
  if (!b) return e.text;
  switch (*b) {
    case Builtin::age: return zh() ? arg(0) + "年龄" : possessive(arg(0), "age");
    case Builtin::age_on: return zh() ? fmt::format("{}在{}时的年龄", arg(0), arg(1)) : fmt::format("{}'s age on {}", arg(0), arg(1));
    case Builtin::year: return zh() ? arg(0) + "的年份" : fmt::format("the year of {}", arg(0));
    case Builtin::this_year: return zh() ? arg(0) + "在评估当年" : fmt::format("{} is in the year of evaluation", arg(0));
    case Builtin::has: return zh() ? arg(0) + "已知" : fmt::format("{} is known", arg(0));
    case Builtin::exists: return zh() ? "有" + arg(0) : fmt::format("there is {}", arg(0));
    case Builtin::living: return zh() ? arg(0) + "健在" : fmt::format("{} is living", arg(0));
    case Builtin::granted: return zh() ? "享有" + arg(0) : fmt::format("granted {}", arg(0));
    case Builtin::years_between:
      return zh() ? fmt::format("{}至{}的满年数", arg(0), arg(1)) : fmt::format("the full years from {} to {}", arg(0), arg(1));
    case Builtin::months_between:
      return zh() ? fmt::format("{}至{}的满月数", arg(0), arg(1)) : fmt::format("the full months from {} to {}", arg(0), arg(1));
    case Builtin::days_between:
      return zh() ? fmt::format("{}至{}的天数", arg(0), arg(1)) : fmt::format("the days from {} to {}", arg(0), arg(1));
    case Builtin::within:
      return zh() ? fmt::format("评估当日在{}起{}内", arg(0), arg(1)) : fmt::format("the evaluation date is within {} of {}", arg(1), arg(0));
    case Builtin::elapsed:
      return zh() ? fmt::format("自{}起已满{}", arg(0), arg(1)) : fmt::format("{} have passed since {}", arg(1), arg(0));
    case Builtin::min: return zh() ? fmt::format("{}与{}中较小者", arg(0), arg(1)) : fmt::format("the lesser of {} and {}", arg(0), arg(1));
    case Builtin::max: return zh() ? fmt::format("{}与{}中较大者", arg(0), arg(1)) : fmt::format("the greater of {} and {}", arg(0), arg(1));
  }
  return e.text;
}

// ---------------------------------------------------------------- amounts

bool Phrases::banded(const Expr& e) {
  switch (e.kind) {
    case ExprKind::match: case ExprKind::tier: case ExprKind::schedule: case ExprKind::if_: return true;
    case ExprKind::binary:
      return !is_logic(e) && !is_comparison(e.op) && (banded(*e.operands[0]) || banded(*e.operands[1]));
    default: return false;
  }
}

std::string Phrases::amount(const Expr& e, const Figure& figure, std::string_view person) const {
  switch (e.kind) {
    case ExprKind::match: return match(e, figure, person);
    case ExprKind::tier: return tier(e, figure, person);
    case ExprKind::schedule: return schedule(e, figure, person);
    case ExprKind::if_: return choice(e, figure, person);
    default: break;
  }
  if (banded(e) && (e.op == BinaryOp::add || e.op == BinaryOp::sub)) {
    std::string_view join_word = e.op == BinaryOp::add ? (zh() ? "；另加：" : "; plus: ") : (zh() ? "；减去：" : "; minus: ");
    return amount(*e.operands[0], figure, person) + std::string(join_word) + amount(*e.operands[1], figure, person);
  }
  return figure.before + value(e, person) + figure.after;
}

// One band: its label, then its amount (after a colon when it has bands itself).
std::string Phrases::band(std::string label, const Expr& result, const Figure& figure, std::string_view person) const {
  bool inner = banded(result);
  std::string_view colon = inner || !zh() ? w_.arm_colon : "";
  return label + std::string(colon) + amount(result, figure, person);
}

// 子女死亡每月490元，伤残每月420元: the first band names whose value it is
// when the field says whether the person died (as enum_test does).
std::string Phrases::match(const Expr& e, const Figure& figure, std::string_view person) const {
  const Expr& subject_expr = *e.operands[0];
  const ast::EnumDecl* decl = subject_expr.type.enumeration;
  const ast::FieldDecl* f = field_decl(subject_expr);
  std::string who;
  if (f && f->has(ast::Role::deceased_when)) who = subject(*subject_expr.operands[0], person);
  else if (!zh()) who = value(subject_expr, person);
  bool any_banded = false;
  std::vector<std::string> bands;
  for (const auto& arm : e.arms) {
    std::vector<std::string> labels;
    for (const auto& name : arm.values) labels.push_back(decl ? value_label(*decl, decl->index_of(name)) : name);
    std::string label = join(labels, zh() ? "或" : " or ");
    if (bands.empty() && !who.empty()) label = zh() ? who + label : fmt::format("{} is {}", who, label);
    any_banded = any_banded || banded(*arm.result);
    bands.push_back(band(std::move(label), *arm.result, figure, person));
  }
  if (e.otherwise) {
    any_banded = any_banded || banded(*e.otherwise);
    bands.push_back(band(std::string(w_.other_values), *e.otherwise, figure, person));
  }
  return join(bands, any_banded ? w_.arm_sep_outer : w_.arm_sep);
}

// 本人59周岁及以下每月660元，60至69周岁每月710元，70周岁及以上每月760元.
std::string Phrases::tier(const Expr& e, const Figure& figure, std::string_view person) const {
  const Expr& subject_expr = *e.operands[0];
  bool age = is_age(subject_expr);
  std::string who = age ? age_subject(subject_expr, person) : value(subject_expr, person);
  std::string unit = age ? (zh() ? "周岁" : "") : subject_expr.type.kind == ast::TypeKind::money ? std::string(w_.yuan) : "";
  auto bound = [&](std::int64_t n) {
    return subject_expr.type.kind == ast::TypeKind::money ? money(n) : fmt::format("{}{}", n, unit);
  };
  bool any_banded = false;
  std::vector<std::string> bands;
  for (const auto& row : e.tiers) {
    std::string range;
    if (zh()) {
      if (row.low && row.high) range = fmt::format("{}至{}", row.low == row.high ? bound(*row.low) : fmt::format("{}", *row.low), bound(*row.high));
      if (row.low && row.high && row.low == row.high) range = bound(*row.low);
      else if (row.low && !row.high) range = bound(*row.low) + "及以上";
      else if (!row.low && row.high) range = bound(*row.high) + "及以下";
      else if (!row.low && !row.high) range = "不论多少";
    } else {
      std::string lead = age ? "aged " : "";
      if (row.low && row.high) range = row.low == row.high ? lead + bound(*row.low) : fmt::format("{}{} to {}", lead, bound(*row.low), bound(*row.high));
      else if (row.low) range = fmt::format("{}{} or over", lead, bound(*row.low));
      else if (row.high) range = fmt::format("{}{} or under", lead, bound(*row.high));
      else range = "any";
    }
    if (bands.empty()) range = zh() ? who + range : fmt::format("{} {}", who, range);
    any_banded = any_banded || banded(*row.result);
    bands.push_back(band(std::move(range), *row.result, figure, person));
  }
  return join(bands, any_banded ? w_.arm_sep_outer : w_.arm_sep);
}

// One row: 「…（2017-09-29起）」; several: 「2017-09-29起：…；2020-01-01起：…」.
std::string Phrases::schedule(const Expr& e, const Figure& figure, std::string_view person) const {
  auto from = [&](const ast::ScheduleArm& row) {
    std::string day = row.from.to_string();
    return zh() ? day + std::string(w_.from_date) : std::string(w_.from_date) + day;
  };
  if (e.schedule.size() == 1) {
    const auto& row = e.schedule.front();
    return fmt::format("{}{}{}{}", amount(*row.result, figure, person), w_.note_open, from(row), w_.close);
  }
  std::vector<std::string> rows;
  for (const auto& row : e.schedule) rows.push_back(from(row) + std::string(w_.arm_colon) + amount(*row.result, figure, person));
  return join(rows, w_.arm_sep_outer);
}

// 「C的，A；否则B」; an else of nothing (0 元) is not said.
std::string Phrases::choice(const Expr& e, const Figure& figure, std::string_view person) const {
  std::string when = logic(*e.operands[0], person, false);
  std::string then = amount(*e.operands[1], figure, person);
  std::string text = zh() ? fmt::format("{}{}{}", when, w_.if_then, then) : fmt::format("if {}{}{}", when, w_.if_then, then);
  if (!is_zero(*e.operands[2])) text += std::string(w_.if_else) + amount(*e.operands[2], figure, person);
  return text;
}

}  // namespace fuzhu::plain
