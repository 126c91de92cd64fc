// `simulate NEW POP --baseline OLD`: what the change costs, as the finance
// office reads it — both versions' totals and their difference by benefit
// and by payer, families gaining, losing and unchanged with the
// distribution of the change, and the clauses that drive it.
#pragma once

#include <string>

#include "fuzhu/policy.hpp"
#include "sim/report.hpp"
#include "sim/simulate.hpp"

namespace fuzhu::sim {

std::string comparison_text(const Policy& policy, const Policy& baseline, const ReportHeader& header,
                            const ComparisonResult& result);
std::string comparison_json(const Policy& policy, const Policy& baseline, const ReportHeader& header,
                            const ComparisonResult& result);

}  // namespace fuzhu::sim
