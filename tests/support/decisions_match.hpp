// Whether a Decider's decisions say what Policy::evaluate said: the same
// entitlements (benefit, recipient, amount, payers), the same undetermined
// benefits with their recipients, needed facts and reason, the same benefits
// granted to no one. Used by the unit tests and the evaluation fuzzer.
#pragma once

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <fuzhu/fuzhu.hpp>

namespace fuzhu::testing {

namespace match_detail {

inline std::string money(const std::optional<Money>& m) { return m ? m->to_string() : "-"; }
inline std::string money(const std::optional<std::int64_t>& fen) { return fen ? Money{*fen}.to_string() : "-"; }

inline std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace match_detail

/// "" when they agree, otherwise the first difference.
inline std::string decisions_differ(const Policy& policy, const Decisions& d, const Evaluation& e) {
  using namespace match_detail;
  if (d.in_force != e.in_force) return "in_force differs";
  if (d.in_jurisdiction != e.in_jurisdiction) return "in_jurisdiction differs";

  std::vector<std::string> granted, entitled;
  for (const auto& row : d.granted) {
    std::string text = fmt::format("{} {} {}", policy.benefit_id(row.benefit), policy.recipient_name(row.recipient),
                                   money(row.fen));
    for (std::uint32_t i = row.first_payer; i < row.first_payer + row.payer_count; ++i)
      text += fmt::format(" [{} {}]", policy.payer_name(row.benefit, d.payers[i].payer), money(d.payers[i].fen));
    granted.push_back(std::move(text));
  }
  for (const auto& x : e.entitlements) {
    std::string text = fmt::format("{} {} {}", x.benefit, x.recipient, money(x.amount));
    for (const auto& p : x.payers) text += fmt::format(" [{} {}]", p.name, money(p.amount));
    entitled.push_back(std::move(text));
  }
  if (sorted(granted) != sorted(entitled))
    return fmt::format("granted: decider [{}], evaluate [{}]", fmt::join(sorted(granted), "; "),
                       fmt::join(sorted(entitled), "; "));

  // Undetermined: Evaluation merges one benefit's recipients into one row.
  std::vector<std::string> pending, undetermined;
  for (const auto& u : e.undetermined)
    undetermined.push_back(fmt::format("{} ({}) needs {} because '{}'", u.benefit, fmt::join(u.recipients, ","),
                                       fmt::join(u.needs, ","), u.reason));
  for (std::size_t i = 0; i < d.undetermined.size();) {
    const int benefit = d.undetermined[i].benefit;
    std::vector<std::string> recipients, needs;
    std::string reason;
    for (; i < d.undetermined.size() && d.undetermined[i].benefit == benefit; ++i) {
      const auto& u = d.undetermined[i];
      recipients.push_back(policy.recipient_name(u.recipient));
      for (std::uint32_t k = u.first_need; k < u.first_need + u.need_count; ++k) {
        const std::string& path = policy.fact_path(d.needs[k]);
        if (std::find(needs.begin(), needs.end(), path) == needs.end()) needs.push_back(path);
      }
      if (reason.empty()) reason = u.reason;
    }
    pending.push_back(fmt::format("{} ({}) needs {} because '{}'", policy.benefit_id(benefit),
                                  fmt::join(recipients, ","), fmt::join(needs, ","), reason));
  }
  if (sorted(pending) != sorted(undetermined))
    return fmt::format("undetermined: decider [{}], evaluate [{}]", fmt::join(sorted(pending), "; "),
                       fmt::join(sorted(undetermined), "; "));

  std::vector<std::string> nobody;
  for (int benefit : d.not_granted) nobody.push_back(policy.benefit_id(benefit));
  if (sorted(nobody) != sorted({e.not_granted.begin(), e.not_granted.end()})) return "not_granted differs";
  return {};
}

}  // namespace fuzhu::testing
