// A benefit of a policy as a reviewer compares two versions of it: its parts
// (condition, recipients, amount, payers, cite, ...) each as lines of text.
// Which text is shown is decided in one place, shown_parts(): today the
// canonical form of the script (canonical.hpp); the plain-language rendering
// (issue 13, item 1) replaces it there.
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
