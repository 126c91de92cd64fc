// fuzhu — what an evaluation says a family is entitled to.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fuzhu/value.hpp"

namespace fuzhu {

enum class Period { monthly, yearly, once };
const char* to_string(Period period);

/// Who pays (part of) a benefit, and how much of it where the policy says.
struct Payer {
  std::string name;
  std::optional<Money> amount;
};

/// One benefit granted to one recipient.
struct Entitlement {
  std::string benefit;               ///< the catalog id
  std::string title;
  std::string recipient;             ///< mother | father | child | household
  std::optional<Period> period;      ///< none for a service
  std::optional<Money> amount;       ///< none when the document sets no figure
  bool minimum = false;              ///< the amount is a floor (不低于)
  bool discretionary = false;        ///< 有条件的地方可
  std::string cite;                  ///< the clause of the document
  std::string quote;
  std::string grants;                ///< what a service consists of
  std::vector<Payer> payers;
};

/// A benefit whose condition (or amount) cannot be decided from the facts.
struct Undetermined {
  std::string benefit;
  std::string title;
  std::vector<std::string> recipients;  ///< mother | father | child | household
  std::string cite;
  std::vector<std::string> needs;    ///< fact paths that would decide it
  std::string reason;                ///< set when it is not a missing fact
};

/// The answer for one family on one evaluation date.
struct Evaluation {
  std::string policy;                ///< the policy's title
  std::string document;              ///< the document number
  std::string status;                ///< "final" or "draft"
  Date as_of;
  bool in_force = false;
  std::optional<bool> in_jurisdiction;  ///< none when household.region is unknown
  std::vector<Entitlement> entitlements;
  std::vector<Undetermined> undetermined;
  std::vector<std::string> not_granted;  ///< benefit ids decided false
  std::vector<std::string> warnings;     ///< e.g. unknown fields in the facts

  bool is_draft() const { return status == "draft"; }
};

/// The JSON contract of `fuzhu eval --format json`.
std::string to_json(const Evaluation& evaluation);
/// A readable table for staff, with totals per month, per year and once.
std::string to_text(const Evaluation& evaluation);

}  // namespace fuzhu
