// The finance office's view of a simulation: per benefit, per payer, what
// could not be decided, and which lines were rejected.
#pragma once

#include <string>

#include "fuzhu/policy.hpp"
#include "sim/tally.hpp"

namespace fuzhu::sim {

struct ReportHeader {
  std::string population;  // the file
  Date as_of;
};

/// Benefits and payers in the order of the policy.
std::string report_text(const Policy& policy, const ReportHeader& header, const Tally& tally);
std::string report_json(const Policy& policy, const ReportHeader& header, const Tally& tally);

}  // namespace fuzhu::sim
