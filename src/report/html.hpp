// Writing text into HTML: every string from a policy or a document goes
// through escape(), so hostile input stays text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "report/text.hpp"

namespace fuzhu::report {

/// `text` with & < > " ' replaced by character references: safe in element
/// content and in quoted attribute values.
std::string escape(std::string_view text);

/// `text` escaped, with the byte ranges `marks` (sorted, not overlapping)
/// wrapped in <mark>.
std::string escape_marked(std::string_view text, const std::vector<Span>& marks);

}  // namespace fuzhu::report
