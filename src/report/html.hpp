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

/// A range of text wrapped in markup: `open` and `close` are HTML already.
struct Annotation {
  Span span;
  std::string open, close;
};

/// `text` escaped, with the quoted ranges `quotes` (sorted, not
/// overlapping) in <mark class="quote"> and each annotation (sorted, not
/// overlapping; an overlapping one is dropped) wrapped in its markup. A
/// figure may stand inside a quote or straddle its edge: the mark is closed
/// and opened again around the figure's markup, so the tags nest.
std::string escape_annotated(std::string_view text, const std::vector<Span>& quotes,
                             const std::vector<Annotation>& annotations);

}  // namespace fuzhu::report
