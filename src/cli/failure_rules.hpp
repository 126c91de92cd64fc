// `fuzhu test`: after a failed case, the plain rule (docs/plain.md) of each
// benefit its failures name, so that the reader sees what the script says
// beside what the case expected.
#pragma once

#include <string>
#include <vector>

#include "fuzhu/policy.hpp"

namespace fuzhu::cli {

/// "     规则 special_allowance 特别扶助金：条件：…\n" for each benefit of
/// `policy` whose id appears as a word in `failures`, in the policy's order.
std::string rules_of_failures(const Policy& policy, const std::vector<std::string>& failures);

}  // namespace fuzhu::cli
