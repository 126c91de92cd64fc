// The syntax tree of a compiled policy, for the tools that read it: the
// review report and `fuzhu diff`. A compiled policy keeps its source texts,
// not its tree (issue 14.1); these tools, off the hot path, check the texts
// again. Nothing is read from disk: `use`d files come from the kept texts.
#pragma once

#include <memory>

#include "check/program.hpp"
#include "fuzhu/policy.hpp"

namespace fuzhu::detail {

struct CompiledPolicy;

/// The checked program `compiled` was built from: the same files, in the same
/// order (so every Loc of the compiled policy points into it alike).
std::unique_ptr<Program> syntax_of(const CompiledPolicy& compiled);
std::unique_ptr<Program> syntax_of(const Policy& policy);

}  // namespace fuzhu::detail
