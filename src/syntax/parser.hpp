// The parser: one source file in, its AST out, or diagnostics.
#pragma once

#include <memory>

#include "syntax/ast.hpp"
#include "syntax/source.hpp"

namespace fuzhu {

/// Parses file `file` of `sources`. Returns null after reporting a syntax
/// error (the first one: a PEG parser cannot resynchronise reliably).
std::unique_ptr<ast::File> parse_file(const SourceSet& sources, int file, Diagnostics& diags);

}  // namespace fuzhu
