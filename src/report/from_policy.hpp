// Filling the review's model from a compiled policy: its header, and each
// benefit's fields and source text (the policy's kept texts, checked again).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "fuzhu/policy.hpp"
#include "report/review.hpp"

namespace fuzhu::report {

Review review_of(const Policy& policy, std::string document_name, std::string document_text);

/// The pairing's findings as diagnostics pointing into the policy (file,
/// line, column, code), for the command line.
std::vector<Diagnostic> findings_as_diagnostics(const Policy& policy, const Pairing& pairing);

/// The benefit block that starts at byte `begin` of `source` ("benefit id
/// … { … }"), through its closing brace; strings and comments may hold braces.
std::string block_at(const std::string& source, std::size_t begin);

}  // namespace fuzhu::report
