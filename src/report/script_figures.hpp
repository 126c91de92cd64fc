// The figures a script writes — in a benefit, in a definition, in the
// header — read from the checked program, for the review page to find in
// the clauses they cite (figures.hpp).
#pragma once

#include <vector>

#include "check/program.hpp"
#include "report/figures.hpp"

namespace fuzhu::report {

/// The benefit's figures: its own (condition, recipients, amount, payers),
/// then those of every definition it reads, directly or not (`via` set).
std::vector<ScriptFigure> figures_of(const Program& program, const ast::Benefit& benefit);

/// The definition's figures: its own, then those of the definitions it reads.
std::vector<ScriptFigure> figures_of(const Program& program, const ast::Definition& definition);

/// The header's dates of issue and force, and its period of force; a last
/// day computed from the period is not stated by the document.
std::vector<ScriptFigure> figures_of(const ast::Header& header);

}  // namespace fuzhu::report
