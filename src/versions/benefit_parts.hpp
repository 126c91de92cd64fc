// A benefit of a policy as a reviewer compares two versions of it: its parts
// (condition, recipients, amount, payers, cite, ...) each as lines of text.
// The parts are compared in the canonical form of the script (canonical.hpp):
// exact, and blind to layout and keyword language. What changed is then
// said in plain words by plain_diff.hpp; the script form stays for
// `--format script` and JSON.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"

namespace fuzhu::versions {

/// One part of a benefit: its name ("condition", "amount", ...) and its
/// lines; an empty list when the benefit does not have that part.
struct Part {
  std::string name;
  std::vector<std::string> lines;
};

struct BenefitParts {
  std::string id, title;
  std::vector<Part> parts;  // always the same names in the same order
  /// Definitions the benefit reads, directly or through other definitions,
  /// by name (sorted): a change to one changes the benefit without a line of
  /// it changing.
  std::vector<std::string> definitions;
};

/// The parts of `benefit` as `fuzhu diff` shows and compares them.
BenefitParts shown_parts(const Program& program, const ast::Benefit& benefit);

}  // namespace fuzhu::versions
