// What the checker says about citations outside benefits, without the
// document: a clause not transcribed needs its reason and belongs in the
// policy file; a cite in a shared (used) file counts for no document. The
// document itself is read by `check --document` and `report` (src/report).
#pragma once

#include "check/program.hpp"

namespace fuzhu {

void check_citations(const Program& program, Diagnostics& diags);

}  // namespace fuzhu
