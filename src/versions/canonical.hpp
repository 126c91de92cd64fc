// The canonical text of a checked benefit's parts, in the policy language
// itself: one spelling for each construct (English keywords, "490 元",
// operators spaced, parentheses only where precedence needs them), so two
// versions of a policy compare equal where only the layout, the comments or
// the keyword language changed. Derived from the checked AST, not the text.
#pragma once

#include <string>
#include <vector>

#include "check/program.hpp"
#include "versions/benefit_parts.hpp"

namespace fuzhu::versions {

/// An expression on one line: `age(mother) >= 49 and child.status = deceased`.
std::string canonical_expr(const ast::Expr& e);

/// A benefit's parts, each a list of lines: a `schedule`, `tier` or `match`
/// at the top of an amount gets a line an arm, a payer a line of its own.
BenefitParts canonical_parts(const ast::Benefit& benefit);

/// A definition's body on one line.
std::string canonical_definition(const ast::Definition& definition);

}  // namespace fuzhu::versions
