#include "diagnostics/codes.hpp"

namespace fuzhu {

namespace {

constexpr DiagInfo table[] = {
#define FUZHU_DIAGNOSTIC(name, code, kind, severity) {Diag::name, code, DiagnosticKind::kind, Severity::severity},
#include "diagnostics/codes.def"
#undef FUZHU_DIAGNOSTIC
};

}  // namespace

const DiagInfo& info(Diag code) { return table[static_cast<std::size_t>(code)]; }

std::span<const DiagInfo> all_codes() { return table; }

Diagnostic make_diagnostic(Diag code, std::string message) {
  const DiagInfo& i = info(code);
  Diagnostic d;
  d.severity = i.severity;
  d.code = i.text;
  d.kind = i.kind;
  d.message = std::move(message);
  return d;
}

const char* to_string(DiagnosticKind kind) {
  switch (kind) {
#define FUZHU_KIND(name) \
  case DiagnosticKind::name: return #name;
    FUZHU_KIND(syntax) FUZHU_KIND(file) FUZHU_KIND(schema) FUZHU_KIND(policy) FUZHU_KIND(name) FUZHU_KIND(type)
    FUZHU_KIND(limit) FUZHU_KIND(facts) FUZHU_KIND(evaluation) FUZHU_KIND(usage) FUZHU_KIND(citation)
#undef FUZHU_KIND
  }
  return "";
}

}  // namespace fuzhu
