// Checking a compiled policy's kept texts again (see syntax_of.hpp).
#include "api/syntax_of.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "api/internal.hpp"
#include "check/checker.hpp"
#include "compile/policy.hpp"

namespace fuzhu::detail {

std::unique_ptr<Program> syntax_of(const CompiledPolicy& compiled) {
  LoadOptions options;
  options.include_dirs = compiled.include_dirs;
  options.kept = &compiled.sources;
  const SourceFile& policy = compiled.sources.file(0);
  std::vector<Diagnostic> diagnostics;
  auto program = load_and_check(policy.name(), policy.text(), options, diagnostics);
  // The texts compiled without an error once; an error now is the library's bug.
  if (has_errors(diagnostics) || program->sources.size() != compiled.sources.size())
    throw std::logic_error(fmt::format("fuzhu: {} no longer checks as it compiled", policy.name()));
  return program;
}

std::unique_ptr<Program> syntax_of(const Policy& policy) { return syntax_of(compiled_of(policy)); }

}  // namespace fuzhu::detail
