// The JSON contract of `fuzhu eval --format json` (README, "eval --format
// json"). Money is written exactly from fen (io/json_writer.hpp).
#include "fuzhu/result.hpp"
#include "io/json_writer.hpp"

namespace fuzhu {

namespace {

using detail::Json;

Json node_json(const ExplainNode& n) {
  Json out = Json::object();
  out["text"] = n.text;
  out["value"] = n.evaluated ? Json(n.value) : Json();
  if (!n.definition.empty()) out["definition"] = n.definition;
  if (!n.note.empty()) out["note"] = n.note;
  if (!n.operands.empty()) {
    Json& operands = out["operands"] = Json::array();
    for (const auto& o : n.operands) {
      Json operand = Json::object();
      operand["text"] = o.name;
      operand["value"] = o.value;
      operands.push_back(std::move(operand));
    }
  }
  if (!n.parts.empty()) {
    Json& parts = out["parts"] = Json::array();
    for (const auto& part : n.parts) parts.push_back(node_json(part));
  }
  return out;
}

Json optional_node(const std::optional<ExplainNode>& n) { return n ? node_json(*n) : Json(); }

Json explanation_json(const Explanation& x) {
  Json row = Json::object();
  row["benefit"] = x.benefit;
  row["title"] = x.title;
  row["recipient"] = x.recipient;
  row["decision"] = to_string(x.decision);
  row["cite"] = x.cite;
  row["quote"] = x.quote;
  row["plain"] = x.plain;
  row["condition"] = optional_node(x.condition());
  row["where"] = optional_node(x.where());
  row["amount"] = optional_node(x.amount());
  Json& facts = row["facts"] = Json::array();
  for (const auto& f : x.facts()) {
    Json fact = Json::object();
    fact["fact"] = f.name;
    fact["value"] = f.value;
    facts.push_back(std::move(fact));
  }
  row["needs"] = Json(x.needs());
  if (!x.reason.empty()) row["reason"] = x.reason;
  return row;
}

Json entitlement_json(const Entitlement& x) {
  Json row = Json::object();
  row["benefit"] = x.benefit;
  row["title"] = x.title;
  row["recipient"] = x.recipient;
  row["period"] = x.period ? Json(to_string(*x.period)) : Json();
  row["amount"] = Json::money(x.amount);
  row["minimum"] = x.minimum;
  row["discretionary"] = x.discretionary;
  row["in_kind"] = x.in_kind;
  row["cite"] = x.cite;
  row["paid_to"] = x.paid_to.empty() ? Json() : Json(x.paid_to);
  if (x.payers_undetermined) {
    row["payers"] = Json();
  } else {
    Json& payers = row["payers"] = Json::array();
    for (const auto& p : x.payers) {
      Json payer = Json::object();
      payer["payer"] = p.name;
      payer["amount"] = Json::money(p.amount);
      payers.push_back(std::move(payer));
    }
  }
  row["payers_needs"] = Json(x.payers_needs);
  return row;
}

Json undetermined_json(const Undetermined& u) {
  Json row = Json::object();
  row["benefit"] = u.benefit;
  row["title"] = u.title;
  row["recipients"] = Json(u.recipients);
  row["needs"] = Json(u.needs);
  if (!u.reason.empty()) row["reason"] = u.reason;
  row["cite"] = u.cite;
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

namespace detail {

Json evaluation_json(const Evaluation& e) {
  Json out = Json::object();
  out["policy"] = e.policy;
  out["document"] = e.document;
  out["status"] = e.status;
  out["draft"] = e.is_draft();
  out["as_of"] = e.as_of.to_string();
  out["in_force"] = e.in_force;
  out["in_force_from"] = e.in_force_from ? Json(e.in_force_from->to_string()) : Json();
  out["in_force_to"] = e.in_force_to ? Json(e.in_force_to->to_string()) : Json();
  out["in_jurisdiction"] = e.in_jurisdiction ? Json(*e.in_jurisdiction) : Json();
  Json& entitlements = out["entitlements"] = Json::array();
  for (const auto& x : e.entitlements) entitlements.push_back(entitlement_json(x));
  Json& undetermined = out["undetermined"] = Json::array();
  for (const auto& u : e.undetermined) undetermined.push_back(undetermined_json(u));
  // Per period, the kinds apart: totals.monthly.cash and so on. The one
  // number totals.monthly used to be is the sum of its four kinds.
  Json& totals = out["totals"] = Json::object();
  for (Period period : {Period::monthly, Period::yearly, Period::once}) {
    Json& kinds = totals[to_string(period)] = Json::object();
    for (AmountKind kind : {AmountKind::cash, AmountKind::in_kind, AmountKind::minimum, AmountKind::discretionary})
      kinds[to_string(kind)] = Json::money(total(e, period, kind));
  }
  if (!e.warnings.empty()) out["warnings"] = Json(e.warnings);
  if (e.explanations) {
    Json& explanations = out["explanations"] = Json::array();
    for (const auto& x : *e.explanations) explanations.push_back(explanation_json(x));
  }
  return out;
}

}  // namespace detail

std::string to_json(const Evaluation& e) { return detail::evaluation_json(e).dump(2) + "\n"; }

}  // namespace fuzhu
