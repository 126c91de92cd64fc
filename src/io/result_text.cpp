// A readable table of one evaluation, for staff.
#include <fmt/format.h>

#include "fuzhu/result.hpp"
#include "io/text_labels.hpp"
#include "syntax/printable.hpp"

namespace fuzhu {

namespace {

using detail::period_zh;
using detail::recipient_zh;

std::string amount_text(const Entitlement& e) {
  if (!e.amount) return "—";
  return fmt::format("{}{} 元", e.minimum ? "≥ " : "", e.amount->to_string());
}

// "    paid by 省级特别扶助资金 390 元 + 市财政 40 元 + 区财政 60 元": the
// shares add up to the amount; joint payers are listed with commas.
std::string payers_text(const Entitlement& e) {
  std::string out;
  if (e.payers_undetermined)
    out += fmt::format("    paid by: undetermined (ask for {})\n", fmt::join(e.payers_needs, ", "));
  else if (!e.payers.empty()) {
    std::vector<std::string> parts;
    bool shares = false;
    for (const auto& p : e.payers) {
      parts.push_back(p.amount ? fmt::format("{} {} 元", p.name, p.amount->to_string()) : std::string(p.name));
      shares = shares || p.amount.has_value();
    }
    out += fmt::format("    paid by {}\n", fmt::join(parts, shares ? " + " : ", "));
  }
  if (!e.paid_to.empty()) out += fmt::format("    paid to {}\n", e.paid_to);
  return out;
}

// The totals of each kind of amount on a line of its own, never added
// together: cash always, the other kinds when there are any.
std::string totals_text(const Evaluation& e) {
  static constexpr std::pair<AmountKind, const char*> kinds[] = {
      {AmountKind::cash, "totals"},
      {AmountKind::in_kind, "in kind (实物, the value of what is given)"},
      {AmountKind::minimum, "at least (不低于, the figure may be higher)"},
      {AmountKind::discretionary, "discretionary (有条件的地方可, may not be paid)"}};
  std::string out;
  for (const auto& [kind, label] : kinds) {
    bool any = kind == AmountKind::cash;
    std::vector<std::string> parts;
    for (auto [words, period] : {std::pair{"per month", Period::monthly}, {"per year", Period::yearly}, {"once", Period::once}}) {
      auto t = total(e, period, kind);
      any = any || !t || t->fen != 0;
      parts.push_back(fmt::format("{} {}", words, t ? t->to_string() + " 元" : std::string("(too large)")));
    }
    if (any) out += fmt::format("{}: {}\n", label, fmt::join(parts, ", "));
  }
  return out;
}

}  // namespace

std::string to_text(const Evaluation& e) {
  std::string out;
  out += fmt::format("{}\n{}{}\n", e.policy, e.document, e.is_draft() ? "  [征求意见稿 draft: not in force as law]" : "");
  out += fmt::format("as of {}: {}", e.as_of.to_string(), e.in_force ? "in force" : "NOT in force");
  if (e.in_force_from)
    out += fmt::format(" ({} to {})", e.in_force_from->to_string(), e.in_force_to ? e.in_force_to->to_string() : "no end");
  if (!e.in_jurisdiction) out += ", jurisdiction unknown (household.region missing)";
  else if (!*e.in_jurisdiction) out += ", household registered OUTSIDE the jurisdiction";
  out += "\n\n";
  if (e.entitlements.empty()) out += "No entitlements.\n";
  else {
    out += fmt::format("{:<28} {:<6} {:<6} {:>14}  {}\n", "benefit", "to", "period", "amount", "clause");
    for (const auto& x : e.entitlements) {
      out += fmt::format("{:<28} {:<6} {:<6} {:>14}  {}{}{}\n", x.benefit, recipient_zh(x.recipient), period_zh(x.period),
                         amount_text(x), x.cite, x.in_kind ? " (实物 in kind)" : "",
                         x.discretionary ? " (有条件的地方可)" : "");
      out += payers_text(x);
    }
    out += "\n" + totals_text(e);
  }
  if (!e.undetermined.empty()) {
    out += "\nUndetermined (ask for these facts):\n";
    for (const auto& u : e.undetermined)
      out += fmt::format("  {:<28} needs {}{}\n", u.benefit, u.needs.empty() ? "—" : fmt::format("{}", fmt::join(u.needs, ", ")),
                         u.reason.empty() ? "" : "; " + u.reason);
  }
  for (const auto& w : e.warnings) out += fmt::format("warning: {}\n", printable(w));  // may quote a family file's keys
  return out + explain_text(e);
}

}  // namespace fuzhu
