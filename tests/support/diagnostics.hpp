// Diagnostics for tests that need C++ (generated inputs, API results, files
// on disk). Diagnostics of a policy's text are tested as files instead:
// tests/check/README.md.
#pragma once

#include <string>
#include <vector>

#include <fuzhu/fuzhu.hpp>

namespace fuzhu::testing {

/// The first error whose message contains `text`, or null.
inline const Diagnostic* error_with(const std::vector<Diagnostic>& list, const std::string& text) {
  for (const auto& d : list)
    if (d.severity == Severity::error && d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

inline const Diagnostic* error_with(const CompileResult& r, const std::string& text) {
  return error_with(r.diagnostics, text);
}

/// The codes of `list`, each followed by a space: "F008 N003 ".
inline std::string codes_of(const std::vector<Diagnostic>& list) {
  std::string out;
  for (const auto& d : list) out += d.code + " ";
  return out;
}

}  // namespace fuzhu::testing
