// Stages of the checker, in the order they run.
#pragma once

#include "check/program.hpp"

namespace fuzhu {

/// Merges the files' declarations, resolves the facts schema (enums, records
/// and their bases, the roots), then types definitions and benefits.
void resolve(Program& program, Diagnostics& diags);

/// Resolves the schema part; returns false when the schema itself is broken.
bool resolve_schema(Program& program, Diagnostics& diags);

/// Checks the roles of the schema's fields and roots (each where it applies,
/// once, naming what exists) and fills Program::parents and members.
void check_roles(Program& program, Diagnostics& diags);

/// Types every definition and benefit; orders definitions and benefits so
/// that each follows what it uses; reports cycles and likely mistakes.
void check_rules(Program& program, Diagnostics& diags);

}  // namespace fuzhu
