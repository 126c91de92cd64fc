// What the checker says about a benefit's payers, once its expressions are
// typed: every payer has a share or none has, a share needs an amount to
// split, shares that provably cannot add up to the amount (worked out from
// their constants), and a payee for a benefit to parents who died.
#pragma once

#include "syntax/ast.hpp"
#include "syntax/source.hpp"

namespace fuzhu {

void check_payers(const ast::Benefit& benefit, Diagnostics& diags);

/// "40%", "12.5%" for a percentage in millionths.
std::string percent_text(std::int64_t ppm);

}  // namespace fuzhu
