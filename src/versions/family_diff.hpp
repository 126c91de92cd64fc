// How one family's entitlements change from one version of a policy to the
// next: benefit by benefit and recipient by recipient, from the two
// evaluations of its facts on one date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fuzhu/plain.hpp"
#include "fuzhu/result.hpp"
#include "fuzhu/schema.hpp"

namespace fuzhu::versions {

enum class Outcome {
  granted,       // not granted or undetermined before, granted now
  lost,          // granted before, not now
  changed,       // granted in both, with another amount, period, kind or payers
  undetermined,  // undetermined now, decided before (granted or not)
  decided_not,   // undetermined before, not granted now
};
const char* to_string(Outcome outcome);  // "granted", "lost", "changed", "undetermined", "not_granted"

struct EntitlementChange {
  Outcome outcome = Outcome::changed;
  std::string benefit, title, recipient;
  /// What the recipient had and has: "490 元 a month", "a service",
  /// "undetermined (needs household.low_income)", "—" for nothing.
  std::string before, after;
  /// The amounts alone, exact, when granted with a figure (for programs).
  std::optional<Money> before_amount, after_amount;
  /// before and after in plain words, in diff_family's language:
  /// 每月490元；出资：省级特别扶助资金390元、市财政40元、区财政60元.
  std::string plain_before, plain_after;
};

/// The rows that differ, in the new version's order of benefits (then the
/// benefits only the old version has).
/// `schema` (the new version's), when given, names in Chinese the facts an
/// undetermined benefit needs: 持有《独生子女父母光荣证》（family.glory_certificate）.
std::vector<EntitlementChange> diff_family(const Evaluation& before, const Evaluation& after, Lang lang = Lang::zh,
                                           const FactsSchema* schema = nullptr);

/// What an entitlement gives, as diff shows it: "490 元 a month", "at least
/// 5000 元 once, discretionary", "a service", with its payers' shares.
std::string describe(const Entitlement& x);

/// The same in plain words: 每月490元；出资：… (a month 490 yuan; paid by: …).
std::string describe_plain(const Entitlement& x, Lang lang);

}  // namespace fuzhu::versions
