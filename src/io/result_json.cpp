// The JSON contract of `fuzhu eval --format json`.
#include <nlohmann/json.hpp>

#include "fuzhu/result.hpp"

namespace fuzhu {

namespace {

using ordered_json = nlohmann::ordered_json;

// Money as a JSON number in yuan: 490 or 490.5, from exact fen.
ordered_json money_json(const std::optional<Money>& m) {
  if (!m) return nullptr;
  if (m->fen % 100 == 0) return m->fen / 100;
  return ordered_json::parse(m->to_string());  // exact decimal text → number
}

ordered_json node_json(const ExplainNode& n) {
  ordered_json out;
  out["text"] = n.text;
  out["value"] = n.evaluated ? ordered_json(n.value) : ordered_json(nullptr);
  if (!n.definition.empty()) out["definition"] = n.definition;
  if (!n.note.empty()) out["note"] = n.note;
  if (!n.operands.empty()) {
    out["operands"] = ordered_json::array();
    for (const auto& o : n.operands) out["operands"].push_back({{"text", o.name}, {"value", o.value}});
  }
  if (!n.parts.empty()) {
    out["parts"] = ordered_json::array();
    for (const auto& part : n.parts) out["parts"].push_back(node_json(part));
  }
  return out;
}

ordered_json optional_node(const std::optional<ExplainNode>& n) { return n ? node_json(*n) : ordered_json(nullptr); }

ordered_json explanation_json(const Explanation& x) {
  ordered_json row;
  row["benefit"] = x.benefit;
  row["title"] = x.title;
  row["recipient"] = x.recipient;
  row["decision"] = to_string(x.decision);
  row["cite"] = x.cite;
  row["quote"] = x.quote;
  row["condition"] = optional_node(x.condition);
  row["where"] = optional_node(x.where);
  row["amount"] = optional_node(x.amount);
  row["facts"] = ordered_json::array();
  for (const auto& f : x.facts) row["facts"].push_back({{"fact", f.name}, {"value", f.value}});
  row["needs"] = x.needs;
  if (!x.reason.empty()) row["reason"] = x.reason;
  return row;
}

}  // namespace

const char* to_string(Decision decision) {
  switch (decision) {
    case Decision::granted: return "granted";
    case Decision::not_granted: return "not_granted";
    case Decision::undetermined: return "undetermined";
  }
  return "";
}

const char* to_string(Period period) {
  switch (period) {
    case Period::monthly: return "monthly";
    case Period::yearly: return "yearly";
    case Period::once: return "once";
  }
  return "";
}

std::string to_json(const Evaluation& e) {
  ordered_json out;
  out["policy"] = e.policy;
  out["document"] = e.document;
  out["status"] = e.status;
  out["draft"] = e.is_draft();
  out["as_of"] = e.as_of.to_string();
  out["in_force"] = e.in_force;
  out["in_jurisdiction"] = e.in_jurisdiction ? ordered_json(*e.in_jurisdiction) : ordered_json(nullptr);
  out["entitlements"] = ordered_json::array();
  for (const auto& x : e.entitlements) {
    ordered_json row;
    row["benefit"] = x.benefit;
    row["title"] = x.title;
    row["recipient"] = x.recipient;
    row["period"] = x.period ? ordered_json(to_string(*x.period)) : ordered_json(nullptr);
    row["amount"] = money_json(x.amount);
    row["minimum"] = x.minimum;
    row["discretionary"] = x.discretionary;
    row["cite"] = x.cite;
    row["payers"] = ordered_json::array();
    for (const auto& p : x.payers) row["payers"].push_back({{"payer", p.name}, {"amount", money_json(p.amount)}});
    out["entitlements"].push_back(std::move(row));
  }
  out["undetermined"] = ordered_json::array();
  for (const auto& u : e.undetermined) {
    ordered_json row;
    row["benefit"] = u.benefit;
    row["title"] = u.title;
    row["recipients"] = u.recipients;
    row["needs"] = u.needs;
    if (!u.reason.empty()) row["reason"] = u.reason;
    row["cite"] = u.cite;
    out["undetermined"].push_back(std::move(row));
  }
  out["totals"] = {{"monthly", money_json(total(e, Period::monthly))},
                   {"yearly", money_json(total(e, Period::yearly))},
                   {"once", money_json(total(e, Period::once))}};
  if (!e.warnings.empty()) out["warnings"] = e.warnings;
  if (e.explanations) {
    out["explanations"] = ordered_json::array();
    for (const auto& x : *e.explanations) out["explanations"].push_back(explanation_json(x));
  }
  return out.dump(2, ' ', false) + "\n";
}

}  // namespace fuzhu
