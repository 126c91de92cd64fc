// fuzhu — diagnostics: what went wrong, and where.
#pragma once

#include <string>
#include <vector>

#include "fuzhu/export.hpp"

namespace fuzhu {

enum class Severity { error, warning, note };

/// What a diagnostic is about: the stage that found it.
enum class DiagnosticKind {
  syntax,      ///< the text is not a policy as the grammar reads it
  file,        ///< a file could not be read
  schema,      ///< the facts schema's declarations
  policy,      ///< the policy's structure: header, benefits, clauses
  name,        ///< a name that is unknown, twice defined or unused
  type,        ///< a value of the wrong type for where it stands
  limit,       ///< past one of the limits (docs/robustness.md)
  facts,       ///< a family's facts
  evaluation,  ///< an amount that cannot be computed for one family
  usage,       ///< how the library or a command was called
  citation,    ///< a policy's cites and quotes read against its document
};
FUZHU_API const char* to_string(DiagnosticKind kind);  ///< "syntax", "file", ...

/// One message about a policy or a facts file. `line` and `column` are 1-based;
/// the column counts characters, not bytes. Both are 0 when the message is
/// about a whole file, or about facts read without a source (then `path`
/// names the fact).
struct FUZHU_API Diagnostic {
  Severity severity = Severity::error;
  /// A stable code, such as "N003", listed with its meaning and fix in
  /// docs/diagnostics.md. Match on it, not on the message's words.
  std::string code;
  DiagnosticKind kind = DiagnosticKind::usage;
  std::string file;
  int line = 0;
  int column = 0;
  std::string path;         ///< for facts: the JSON path, such as "child.status"
  std::string message;
  /// The line the message points into, if any: when it is long, at most 120
  /// characters around the column, with "…" where it was cut.
  std::string source_line;
  int source_column = 0;    ///< the column's character within source_line

  /// `file:line:col: error: message [CODE]`, then the source line and a caret
  /// under the column (padded by display width, so CJK text lines up).
  std::string render() const;
};

FUZHU_API bool has_errors(const std::vector<Diagnostic>& diagnostics);
FUZHU_API std::string render_all(const std::vector<Diagnostic>& diagnostics);

}  // namespace fuzhu
