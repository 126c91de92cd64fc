// The checker: loads a policy and the files it `use`s, resolves every name,
// types every expression, and reports every error it finds in one run (and
// warnings for what is legal but likely wrong).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "check/program.hpp"

namespace fuzhu {

struct LoadOptions {
  std::vector<std::filesystem::path> include_dirs;
  std::vector<std::filesystem::path> use_roots;  // CompileOptions::use_roots
  bool allow_use_anywhere = false;
  // A compiled policy's kept texts (CompiledPolicy::sources): `use`d files
  // are taken from them by name, never read from disk, so that checking
  // again gives the program that was compiled (api/syntax_of.hpp).
  const SourceSet* kept = nullptr;
};

/// Parses `text` (named `name`) and everything it uses, then checks the whole.
/// The program is returned even with errors, so that all diagnostics are
/// reported; use it only when `diags` has no error.
std::unique_ptr<Program> load_and_check(std::string name, std::string text,
                                        const LoadOptions& options, std::vector<Diagnostic>& out);

/// What one compilation may spend on typo hints, in edit-distance cells: a
/// hostile policy full of long unknown names must not make checking slow.
/// Hints stop (the errors stay) when it is spent.
struct HintBudget {
  std::size_t cells = std::size_t{1} << 22;
};

/// The closest of `candidates` to `name` within a small edit distance, or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates,
                         HintBudget& budget);

}  // namespace fuzhu
