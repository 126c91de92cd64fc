// Characters that make a policy read differently from what it says
// (issue 11, item 17): a compatibility ideograph such as U+F981 looks like
// 女 (U+5973) but is another character, so `define 女方年满49` and a use
// written with U+F981 name two different things; an invisible character
// does the same unseen; a bidirectional control reorders what a reviewer
// sees on screen.
#pragma once

#include "syntax/source.hpp"

namespace fuzhu {

/// Reports each such character of `file`: in the policy's own text (names,
/// keywords) an error; a bidirectional control inside a string or a
/// comment, a warning (a quote may need an unusual character, never a
/// reordering one). Returns false when it reported an error.
bool check_deceptive_characters(const SourceSet& sources, int file, Diagnostics& diags);

}  // namespace fuzhu
