// A quote read against the clauses it cites, word for word and spaces
// included (issue 10.5): the words a benefit, the header or a definition
// quotes must be the document's own, from one clause.
#pragma once

#include <string_view>
#include <vector>

#include "report/review.hpp"

namespace fuzhu::report {

/// Adds to `findings`: C003 where a piece of `quote` (split at ……) is in a
/// cited clause only with its spaces changed, C005 where it is not in the
/// cited clauses at all (naming the clause that holds it, if one does), and
/// C004 where the pieces stand in different clauses.
void check_quote(std::string_view who, std::string_view quote, const std::vector<Citation>& cited,
                 const std::vector<Clause>& clauses, Loc loc, int line, std::vector<Finding>& findings);

}  // namespace fuzhu::report
