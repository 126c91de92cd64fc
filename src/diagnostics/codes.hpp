// The stable codes of diagnostics (codes.def), each with its kind and
// severity. A message is made where the problem is found; the code says
// which problem it is, for programs and for docs/diagnostics.md.
#pragma once

#include <span>

#include "fuzhu/diagnostic.hpp"

namespace fuzhu {

enum class Diag : unsigned short {
#define FUZHU_DIAGNOSTIC(name, code, kind, severity) name,
#include "diagnostics/codes.def"
#undef FUZHU_DIAGNOSTIC
};

struct DiagInfo {
  Diag code;
  const char* text;  // "N003"
  DiagnosticKind kind;
  Severity severity;
};

const DiagInfo& info(Diag code);
/// Every code, in the order of codes.def.
std::span<const DiagInfo> all_codes();

/// A diagnostic with no place in a source file (a facts error, a missing
/// file): code, kind and severity from the table.
Diagnostic make_diagnostic(Diag code, std::string message);

}  // namespace fuzhu
