#include "sim/report.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compile/compiled.hpp"
#include "syntax/printable.hpp"

namespace fuzhu::sim {

namespace {

constexpr std::size_t monthly = 0, yearly = 1, once = 2;
constexpr std::size_t shown_needs = 3;

std::string yuan(std::int64_t fen) { return Money{fen}.to_string(); }

// A year's cost: twelve months of monthly benefits and the yearly ones.
// Checked: 12 × a sum that fits may not.
std::optional<std::int64_t> year_cost(const Amounts& a) {
  std::int64_t twelve = 0, sum = 0;
  if (__builtin_mul_overflow(a.fen[monthly], 12, &twelve) || __builtin_add_overflow(twelve, a.fen[yearly], &sum))
    return std::nullopt;
  return sum;
}

std::vector<std::string> benefit_order(const Policy& policy, const Tally& tally) {
  std::vector<std::string> ids;
  for (const auto& b : policy.compiled().benefits)
    if (tally.benefits.count(b.source->id) || tally.undetermined.count(b.source->id)) ids.push_back(b.source->id);
  return ids;
}

std::vector<std::string> payer_order(const Policy& policy, const Tally& tally) {
  std::vector<std::string> names;
  for (const auto& b : policy.compiled().benefits)
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
    out += fmt::format("{:<32} {:>10} {:>10} {}\n", id, b.families, b.recipients, amounts_row(b.amounts));
  }
  out += fmt::format("{:<54} {}\n", "total", amounts_row(t.total));
  auto year = year_cost(t.total);
  out += fmt::format("a year's cost (12 × per month + per year): {} 元\n", year ? yuan(*year) : "overflows");

  auto payers = payer_order(policy, t);
  if (!payers.empty()) {
    out += fmt::format("\n{:<54} {:>16} {:>16} {:>14}\n", "payer (元)", "per month", "per year", "once");
    for (const auto& name : payers) out += fmt::format("{:<54} {}\n", name, amounts_row(t.payers.at(name)));
  }

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

  if (t.rejected_lines > 0) {
    out += fmt::format("\nrejected lines ({}{}):\n", t.rejected_lines,
                       t.rejected_lines > t.rejected.size() ? fmt::format(", the first {} shown", t.rejected.size()) : "");
    for (const auto& r : t.rejected)
      out += fmt::format("  line {}: {}{}\n", r.line, printable(r.reason), r.code.empty() ? "" : " [" + r.code + "]");
  }
  if (t.overflow) out += "\nerror: a total does not fit in 64 bits of fen: the totals above are void\n";
  return out;
}

std::string report_json(const Policy& policy, const ReportHeader& header, const Tally& t) {
  using json = nlohmann::ordered_json;
  auto amounts = [](const Amounts& a) {
    return json{{"monthly", yuan(a.fen[monthly])}, {"yearly", yuan(a.fen[yearly])}, {"once", yuan(a.fen[once])}};
  };
  json out;
  out["policy"] = policy.info().title;
  out["document"] = policy.info().document;
  out["population"] = header.population;
  out["as_of"] = header.as_of.to_string();
  out["families_read"] = t.families + t.rejected_lines;
  out["families_evaluated"] = t.families;
  out["families_granted"] = t.granted;
  out["families_with_undetermined"] = t.with_undetermined;
  out["benefits"] = json::array();
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.benefits.find(id);
    if (found == t.benefits.end()) continue;
    const BenefitTotals& b = found->second;
    out["benefits"].push_back(json{{"benefit", id}, {"title", b.title}, {"families", b.families},
                                   {"recipients", b.recipients}, {"totals", amounts(b.amounts)}});
  }
  out["totals"] = amounts(t.total);
  auto year = year_cost(t.total);
  out["year_cost"] = year ? json(yuan(*year)) : json(nullptr);
  out["payers"] = json::array();
  for (const auto& name : payer_order(policy, t))
    out["payers"].push_back(json{{"payer", name}, {"totals", amounts(t.payers.at(name))}});
  out["undetermined"] = json::array();
  for (const auto& id : benefit_order(policy, t)) {
    auto found = t.undetermined.find(id);
    if (found == t.undetermined.end()) continue;
    json needs = json::array();
    for (const auto& [need, count] : top_needs(found->second)) needs.push_back(json{{"fact", need}, {"families", count}});
    out["undetermined"].push_back(json{{"benefit", id}, {"families", found->second.families}, {"needs", needs}});
  }
  out["rejected_lines"] = t.rejected_lines;
  out["rejected"] = json::array();
  for (const auto& r : t.rejected)
    out["rejected"].push_back(json{{"line", r.line}, {"code", r.code}, {"path", r.path}, {"reason", r.reason}});
  out["overflow"] = t.overflow;
  // Bytes that are not UTF-8 (a file name, a message quoting one) become
  // U+FFFD rather than an exception that would lose the whole report.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace fuzhu::sim
