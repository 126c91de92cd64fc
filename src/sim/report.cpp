#include "sim/report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "compile/policy.hpp"
#include "syntax/printable.hpp"
#include "io/json_writer.hpp"
#include "sim/report_parts.hpp"
#include "api/internal.hpp"

namespace fuzhu::sim {

namespace {

using namespace parts;

constexpr std::size_t shown_needs = 3;

std::vector<std::string> benefit_order(const Policy& policy, const Tally& tally) {
  std::vector<std::string> ids;
  for (const auto& b : detail::compiled_of(policy).benefits)
    if (tally.benefits.count(b.id) || tally.undetermined.count(b.id)) ids.push_back(b.id);
  return ids;
}

std::vector<std::string> payer_order(const Policy& policy, const Tally& tally) {
  std::vector<std::string> names;
  for (const auto& b : detail::compiled_of(policy).benefits)
    for (const auto& p : b.payers)
      if (tally.payers.count(p.name) && std::find(names.begin(), names.end(), p.name) == names.end())
        names.push_back(p.name);
  return names;
}

// The facts most often missing for one benefit: most families first.
std::vector<std::pair<std::string, std::uint64_t>> top_needs(const UndeterminedTotals& u) {
  std::vector<std::pair<std::string, std::uint64_t>> needs(u.needs.begin(), u.needs.end());
  std::stable_sort(needs.begin(), needs.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return needs;
}

std::string amounts_row(const Amounts& a) {
  return fmt::format("{:>16} {:>16} {:>14}", yuan(a.fen[monthly]), yuan(a.fen[yearly]), yuan(a.fen[once]));
}


// The totals of each kind of amount on rows of their own: cash always,
// the other kinds when there are any. They are never added together.
std::string totals_text(const Tally& t) {
  std::string out;
  for (AmountKind kind : all_kinds) {
    if (kind != AmountKind::cash && zero(t.total[kind])) continue;
    const std::string label = kind == AmountKind::cash ? "total" : fmt::format("total {}", kind_words(kind));
    out += fmt::format("{:<54} {}\n", label, amounts_row(t.total[kind]));
  }
  std::vector<std::string> others;
  for (AmountKind kind : all_kinds) {
    if (kind == AmountKind::cash || zero(t.total[kind])) continue;
    auto year = year_cost(t.total[kind]);
    others.push_back(fmt::format("{} {}", kind_words(kind), year ? yuan(*year) + " 元" : "overflows"));
  }
  auto year = year_cost(t.total[AmountKind::cash]);
  out += fmt::format("a year's cost (12 × per month + per year): {} 元{}\n", year ? yuan(*year) : "overflows",
                     others.empty() ? "" : fmt::format("; besides the cash: {}", fmt::join(others, "; ")));
  return out;
}

std::string payers_text(const Policy& policy, const Tally& t) {
  auto payers = payer_order(policy, t);
  if (payers.empty()) return "";
  std::string out = fmt::format("\n{:<54} {:>16} {:>16} {:>14}\n", "payer (元)", "per month", "per year", "once");
  for (const auto& name : payers)
    for (AmountKind kind : all_kinds) {
      const Amounts& a = t.payers.at(name)[kind];
      if (kind != AmountKind::cash && zero(a)) continue;
      const std::string label = kind == AmountKind::cash ? name : fmt::format("{}, {}", name, kind_words(kind));
      out += fmt::format("{:<54} {}\n", label, amounts_row(a));
    }
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.benefits.find(id);
    if (found != t.benefits.end() && found->second.payers_undetermined > 0)
      out += fmt::format("{}: who pays is undetermined (facts missing) for {} of its rows; their amounts are in no "
                         "payer's total\n",
                         id, found->second.payers_undetermined);
  }
  return out;
}

}  // namespace

std::string report_text(const Policy& policy, const ReportHeader& header, const Tally& t) {
  const PolicyInfo& info = policy.info();
  std::string out = fmt::format("{} ({})\npopulation {}, as of {}\n\n", info.title, info.document, printable(header.population),
                                header.as_of.to_string());
  out += fmt::format("families read              {:>12}\n", t.families + t.rejected_lines);
  out += fmt::format("families evaluated         {:>12}\n", t.families);
  out += fmt::format("families granted anything  {:>12}\n", t.granted);
  out += fmt::format("families with undetermined {:>12}\n", t.with_undetermined);
  out += fmt::format("rejected lines             {:>12}\n", t.rejected_lines);

  out += fmt::format("\n{:<32} {:>10} {:>10} {:>16} {:>16} {:>14}\n", "benefit (元)", "families", "recipients",
                     "per month", "per year", "once");
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.benefits.find(id);
    if (found == t.benefits.end()) continue;
    const BenefitTotals& b = found->second;
    const char* kind = kind_words(b.kind);
    out += fmt::format("{:<32} {:>10} {:>10} {}{}{}\n", id, b.families, b.recipients, amounts_row(b.amounts),
                       *kind ? "  " : "", kind);
  }
  out += totals_text(t);
  out += payers_text(policy, t);

  if (!t.undetermined.empty()) {
    out += fmt::format("\n{:<32} {:>10}  {}\n", "undetermined", "families", "facts most often missing");
    for (const auto& id : benefit_order(policy, t)) {
      auto found = t.undetermined.find(id);
      if (found == t.undetermined.end()) continue;
      std::vector<std::string> shown;
      for (const auto& [need, count] : top_needs(found->second)) {
        if (shown.size() == shown_needs) break;
        shown.push_back(fmt::format("{} ({})", need, count));
      }
      out += fmt::format("{:<32} {:>10}  {}\n", id, found->second.families, fmt::join(shown, ", "));
    }
  }

  out += rejected_text(t);
  if (t.overflow) out += "\nerror: a total does not fit in 64 bits of fen: the totals above are void\n";
  return out;
}

namespace {

using detail::Json;

// Period first, the kinds apart: {"monthly": {"cash": "3150", "in_kind": "0", …}, …}.
Json kinds_json(const KindAmounts& k) {
  Json out = Json::object();
  for (auto [name, period] : {std::pair{"monthly", monthly}, {"yearly", yearly}, {"once", once}}) {
    Json& by_kind = out[name] = Json::object();
    for (AmountKind kind : all_kinds) by_kind[to_string(kind)] = yuan(k[kind].fen[period]);
  }
  return out;
}

}  // namespace

std::string report_json(const Policy& policy, const ReportHeader& header, const Tally& t) {
  Json out = Json::object();
  out["policy"] = policy.info().title;
  out["document"] = policy.info().document;
  out["population"] = header.population;
  out["as_of"] = header.as_of.to_string();
  out["families_read"] = t.families + t.rejected_lines;
  out["families_evaluated"] = t.families;
  out["families_granted"] = t.granted;
  out["families_with_undetermined"] = t.with_undetermined;
  Json& benefits = out["benefits"] = Json::array();
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.benefits.find(id);
    if (found == t.benefits.end()) continue;
    const BenefitTotals& b = found->second;
    Json row = Json::object();
    row["benefit"] = id;
    row["title"] = b.title;
    row["kind"] = to_string(b.kind);
    row["families"] = b.families;
    row["recipients"] = b.recipients;
    row["payers_undetermined"] = b.payers_undetermined;
    row["totals"] = amounts_json(b.amounts);
    benefits.push_back(std::move(row));
  }
  out["totals"] = kinds_json(t.total);
  Json& year_costs = out["year_cost"] = Json::object();
  for (AmountKind kind : all_kinds) {
    auto year = year_cost(t.total[kind]);
    year_costs[to_string(kind)] = year ? Json(yuan(*year)) : Json();
  }
  Json& payers = out["payers"] = Json::array();
  for (const auto& name : payer_order(policy, t)) {
    Json row = Json::object();
    row["payer"] = name;
    row["totals"] = kinds_json(t.payers.at(name));
    payers.push_back(std::move(row));
  }
  Json& undetermined = out["undetermined"] = Json::array();
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.undetermined.find(id);
    if (found == t.undetermined.end()) continue;
    Json needs = Json::array();
    for (const auto& [need, count] : top_needs(found->second)) {
      Json row = Json::object();
      row["fact"] = need;
      row["families"] = count;
      needs.push_back(std::move(row));
    }
    Json row = Json::object();
    row["benefit"] = id;
    row["families"] = found->second.families;
    row["needs"] = std::move(needs);
    undetermined.push_back(std::move(row));
  }
  out["rejected_lines"] = t.rejected_lines;
  out["rejected"] = rejected_json(t);
  out["overflow"] = t.overflow;
  // Bytes that are not UTF-8 (a file name, a message quoting one) become
  // U+FFFD rather than an exception that would lose the whole report.
  return out.dump(2) + "\n";
}

}  // namespace fuzhu::sim
