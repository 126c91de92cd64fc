// fuzhu — diagnostics: what went wrong, and where.
#pragma once

#include <string>
#include <vector>

namespace fuzhu {

enum class Severity { error, warning, note };

/// One message about a policy or a facts file. `line` and `column` are 1-based;
/// the column counts characters, not bytes. Both are 0 when the message is
/// about a whole file.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string source_line;  ///< the line the message points into, if any

  /// `file:line:col: error: message`, then the source line and a caret under
  /// the column (padded by display width, so CJK text lines up).
  std::string render() const;
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);
std::string render_all(const std::vector<Diagnostic>& diagnostics);

}  // namespace fuzhu
