// fuzhu fmt: one canonical layout for policy and schema files
// (docs/formatting.md), optionally converting the keywords to one set.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format/keywords.hpp"
#include "fuzhu/diagnostic.hpp"

namespace fuzhu::format {

struct Options {
  KeywordSet keywords = KeywordSet::keep;
};

struct Result {
  std::optional<std::string> text;      // the formatted file, when it parses
  std::vector<Diagnostic> diagnostics;  // why not
  bool ok() const { return text.has_value(); }
};

/// Formats one file's text; `name` is used in diagnostics. A file that does
/// not parse is reported, never guessed at. The output is checked to hold
/// the same tokens as the input (keywords by meaning, commas aside) before
/// it is returned.
Result format_source(std::string_view source, const std::string& name, const Options& options = {});

}  // namespace fuzhu::format
