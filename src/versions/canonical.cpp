#include "versions/canonical.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "eval/period.hpp"
#include "syntax/builtins.hpp"

namespace fuzhu::versions {

namespace {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

// Binding strength, loosest first (grammar/README.md, "Expressions").
enum Level : int { any_level = 0, or_level, and_level, not_level, compare_level, sum_level, product_level,
                   unary_level, postfix_level, primary_level };

int level_of(BinaryOp op) {
  switch (op) {
    case BinaryOp::or_: return or_level;
    case BinaryOp::and_: return and_level;
    case BinaryOp::add:
    case BinaryOp::sub: return sum_level;
    case BinaryOp::mul:
    case BinaryOp::div: return product_level;
    default: return compare_level;
  }
}

int level_of(const Expr& e) {
  switch (e.kind) {
    case ExprKind::binary: return level_of(e.op);
    case ExprKind::in_set: return compare_level;
    case ExprKind::not_: return not_level;
    case ExprKind::negate: return unary_level;
    case ExprKind::field: return postfix_level;
    default: return primary_level;
  }
}

std::string text(const Expr& e, int context);

std::string joined_values(const std::vector<std::string>& values) { return fmt::format("{}", fmt::join(values, ", ")); }

std::string call_name(const Expr& e) {
  if (e.resolved >= 0 && static_cast<std::size_t>(e.resolved) < builtin_count)
    return std::string(builtin_info(static_cast<Builtin>(e.resolved)).english);
  return e.text;
}

std::string percent_text(std::int64_t ppm) {
  // At most four decimals (grammar/README.md): 400000 → "40", 125 → "0.0125".
  std::string out = std::to_string(ppm / 10000);
  if (std::int64_t rest = ppm % 10000; rest != 0) {
    std::string decimals = fmt::format("{:04}", rest);
    while (decimals.back() == '0') decimals.pop_back();
    out += "." + decimals;
  }
  return out + "%";
}

// A rate in millionths as a decimal, whether written 1.5 or 40%: 400000 → "0.4".
std::string rate_text(std::int64_t millionths) {
  std::string out = (millionths < 0 ? "-" : "") + std::to_string(std::abs(millionths) / 1000000);
  if (std::int64_t rest = std::abs(millionths) % 1000000; rest != 0) {
    std::string decimals = fmt::format("{:06}", rest);
    while (decimals.back() == '0') decimals.pop_back();
    out += "." + decimals;
  }
  return out;
}

// One arm of a match, tier or schedule: "deceased, disabled => 490 元".
std::vector<std::string> arms_of(const Expr& e) {
  std::vector<std::string> arms;
  for (const auto& arm : e.arms) arms.push_back(joined_values(arm.values) + " => " + text(*arm.result, any_level));
  if (e.otherwise) arms.push_back("else => " + text(*e.otherwise, any_level));
  for (const auto& row : e.tiers)
    arms.push_back(fmt::format("{}..{} => {}", row.low ? std::to_string(*row.low) : "", row.high ? std::to_string(*row.high) : "",
                               text(*row.result, any_level)));
  for (const auto& row : e.schedule) arms.push_back(fmt::format("from {} => {}", row.from.to_string(), text(*row.result, any_level)));
  return arms;
}

// "match child.status {", "tier age(mother) {", "schedule {".
std::string opening(const Expr& e) {
  switch (e.kind) {
    case ExprKind::match: return "match " + text(*e.operands[0], any_level) + " {";
    case ExprKind::tier: return "tier " + text(*e.operands[0], any_level) + " {";
    default: return "schedule {";
  }
}

std::string unparenthesised(const Expr& e) {
  switch (e.kind) {
    case ExprKind::boolean: return e.boolean ? "true" : "false";
    case ExprKind::integer: return std::to_string(e.number);
    case ExprKind::money: return Money{e.number}.to_string() + " 元";
    case ExprKind::date: return Date::from_days(e.number).to_string();
    case ExprKind::string: return "\"" + e.text + "\"";
    case ExprKind::today: return "today";
    case ExprKind::duration: return Duration::decode(e.number).to_string();
    case ExprKind::rate: return rate_text(e.number);
    case ExprKind::name: return e.text;
    case ExprKind::person: return "person";
    case ExprKind::amount: return "amount";
    case ExprKind::field: return text(*e.operands[0], postfix_level) + "." + e.text;
    case ExprKind::negate: return "-" + text(*e.operands[0], unary_level);
    case ExprKind::not_: return "not " + text(*e.operands[0], not_level);
    case ExprKind::binary: {
      // Left-associative: the right operand of the same strength keeps its
      // parentheses. An `and` inside an `or` keeps them too: readers of
      // documents do not rely on precedence between the two.
      const int level = level_of(e.op), operand = e.op == BinaryOp::or_ ? and_level + 1 : level;
      return fmt::format("{} {} {}", text(*e.operands[0], operand), ast::spelling(e.op),
                         text(*e.operands[1], std::max(operand, level + 1)));
    }
    case ExprKind::in_set: return text(*e.operands[0], sum_level) + " in { " + joined_values(e.arms.front().values) + " }";
    case ExprKind::match:
    case ExprKind::tier:
    case ExprKind::schedule: return opening(e) + " " + fmt::format("{}", fmt::join(arms_of(e), ", ")) + " }";
    case ExprKind::if_:
      return fmt::format("if {} then {} else {}", text(*e.operands[0], any_level), text(*e.operands[1], any_level),
                         text(*e.operands[2], any_level));
    case ExprKind::quantified:
      return fmt::format("{} {}({})", e.quantifier_all ? "all" : "any", e.over_members ? "member" : "parent",
                         text(*e.operands[0], any_level));
    case ExprKind::call: {
      std::vector<std::string> args;
      for (const auto& operand : e.operands) args.push_back(text(*operand, any_level));
      return call_name(e) + "(" + joined_values(args) + ")";
    }
  }
  return e.text;  // a construct newer than this printer: its name at least
}

std::string text(const Expr& e, int context) {
  std::string out = unparenthesised(e);
  return level_of(e) < context ? "(" + out + ")" : out;
}

// An expression over several lines when it is a table: its arms one a line.
std::vector<std::string> lines_of(const Expr& e, const std::string& lead) {
  if (e.kind != ExprKind::match && e.kind != ExprKind::tier && e.kind != ExprKind::schedule)
    return {lead + text(e, any_level)};
  std::vector<std::string> lines{lead + opening(e)};
  for (auto& arm : arms_of(e)) lines.push_back("  " + arm);
  lines.push_back("}");
  return lines;
}

std::vector<std::string> recipient_lines(const ast::Benefit& b) {
  using R = ast::RecipientKind;
  std::string to;
  switch (b.recipient) {
    case R::household: to = "to household"; break;
    case R::root: to = "to " + b.recipient_root; break;
    case R::each_parent: to = "to each parent"; break;
    case R::each_member: to = "to each member"; break;
    case R::each_deceased_parent: to = "to each parent who died"; break;
  }
  if (b.where) to += " where " + text(*b.where, any_level);
  return {to};
}

std::vector<std::string> amount_lines(const ast::Benefit& b) {
  if (!b.period && !b.amount) return {};
  std::string lead = b.period ? std::string(to_string(*b.period)) + " " : "";
  if (b.minimum) lead += "at least ";
  std::vector<std::string> lines = b.amount ? lines_of(*b.amount, lead) : std::vector<std::string>{lead};
  if (lines.back().back() == ' ') lines.back().pop_back();
  return lines;
}

std::vector<std::string> kind_lines(const ast::Benefit& b) {
  std::vector<std::string> lines;
  if (b.in_kind) lines.push_back("in kind");
  if (b.discretionary) lines.push_back("discretionary");
  return lines;
}

std::string share_text(const ast::PayerDecl& p) {
  switch (p.share_kind) {
    case ast::ShareKind::figure: return p.share ? text(*p.share, any_level) : "";
    case ast::ShareKind::percent: return percent_text(p.percent_ppm);
    case ast::ShareKind::parts: return std::to_string(p.parts) + " 份";
    case ast::ShareKind::none: return "";
  }
  return "";
}

std::vector<std::string> payer_lines(const ast::Benefit& b) {
  std::vector<std::string> lines;
  for (const auto& p : b.payers) {
    std::string line = "\"" + p.name + "\"";
    if (std::string share = share_text(p); !share.empty()) line += " : " + share;
    if (p.condition) line += " when " + text(*p.condition, any_level);
    lines.push_back(std::move(line));
  }
  if (!b.paid_to.empty()) lines.push_back("paid to \"" + b.paid_to + "\"");
  return lines;
}

std::string cites_text(const ast::Benefit& b) {
  if (b.cite.empty()) return "";
  return "cites \"" + b.cite + "\"" + (b.quote.empty() ? "" : " \"" + b.quote + "\"");
}

std::vector<std::string> one_line(std::string line) {
  if (line.empty()) return {};
  return {std::move(line)};
}

}  // namespace

std::string canonical_expr(const ast::Expr& e) { return text(e, any_level); }

std::string canonical_definition(const ast::Definition& d) {
  std::string label = d.label.empty() ? "" : " \"" + d.label + "\"";
  return "define " + d.name + label + " = " + (d.value ? canonical_expr(*d.value) : "");
}

BenefitParts canonical_parts(const ast::Benefit& b) {
  BenefitParts out;
  out.id = b.id;
  out.title = b.title;
  out.parts = {
      {"title", {"\"" + b.title + "\""}},
      {"cites", one_line(cites_text(b))},
      {"condition", one_line(b.condition ? "when " + canonical_expr(*b.condition) : "")},
      {"recipients", recipient_lines(b)},
      {"amount", amount_lines(b)},
      {"kind", kind_lines(b)},
      {"payers", payer_lines(b)},
      {"grants", one_line(b.grants.empty() ? "" : "grants \"" + b.grants + "\"")},
  };
  return out;
}

}  // namespace fuzhu::versions
