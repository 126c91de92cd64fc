// What the grammar says each token is: keyword or name, where items and
// clauses begin, what each bracket opens. Read from a PEGTL parse tree of the
// very grammar the compiler uses, so `to` (至 vs 发给), a field named like a
// keyword (child.status) and a clause boundary are never guessed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/token.hpp"

namespace fuzhu::format {

/// Fills the grammar fields of `tokens`, lexed from `source`. Returns an
/// empty string, or why the source and its tokens disagree (a syntax error
/// the caller should have reported first).
std::string annotate(std::string_view source, std::vector<Token>& tokens);

}  // namespace fuzhu::format
